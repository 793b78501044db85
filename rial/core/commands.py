"""What management commands that write share: who the write is recorded for."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def acting_user(username: str | None, *, permission: str):
    """The active account named ``username``; without a name, the first active account holding
    ``permission`` (a Secretariat member), so a scheduled import needs no name. The service called with it
    checks the permission again."""
    users = get_user_model().objects.filter(is_active=True)
    if username:
        user = users.filter(username=username).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        return user
    for user in users.order_by("pk"):
        if user.has_perm(permission):
            return user
    raise CommandError(f"No active user may do this ({permission}); give --user.")
