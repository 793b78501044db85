"""Tokens expire: existing ones get the default lifetime counted from their creation."""

import datetime

from django.conf import settings
from django.db import migrations, models


def give_existing_tokens_an_expiry(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    days = datetime.timedelta(days=settings.RIAL_API_TOKEN_DAYS)
    ApiToken.objects.filter(expires_at__isnull=True).update(expires_at=models.F("created_at") + days)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_apitoken_second_factor_verified'),
    ]

    operations = [
        migrations.AddField(
            model_name='apitoken',
            name='expires_at',
            field=models.DateTimeField(null=True, verbose_name='expires'),
        ),
        migrations.RunPython(give_existing_tokens_an_expiry, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name='apitoken',
            name='expires_at',
            field=models.DateTimeField(verbose_name='expires'),
        ),
    ]
