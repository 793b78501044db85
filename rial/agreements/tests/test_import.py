"""The Secretariat's CSV import: dry run, row by row outcomes, all or nothing, permissions."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from conftest import login
from rial.agreements.importer import COLUMNS
from rial.agreements.models import Agreement

pytestmark = pytest.mark.django_db
URL = reverse("agreements:import")
NEW = {"slug": "cl-ar-test", "kind": "bilateral", "title_en": "Chile – Argentina (test import)",
       "parties_iso2": "CL;AR", "status": "in_force", "signed": "2009-07-26", "in_force": "2011-06-01",
       "branches": "old_age;survivors", "totalization": "1", "source": "Test source"}


def csv_text(*rows) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def upload(client, text: str, *, dry_run: bool, name: str = "agreements.csv"):
    data = {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")}
    if dry_run:
        data["dry_run"] = "on"
    return client.post(URL, data)


def outcomes(response):
    return [(row.slug, row.outcome) for row in response.context["report"].rows]


def test_a_dry_run_reports_each_row_and_saves_nothing(secretariat_client):
    export = secretariat_client.get(reverse("agreements:export"), {"country": "CL"}).content.decode()
    changed = export.replace("United States – Chile", "United States – Chile (renamed)")
    rows = list(csv.DictReader(io.StringIO(changed))) + [NEW]
    response = upload(secretariat_client, csv_text(*rows), dry_run=True)
    result = dict(outcomes(response))
    assert result["us-cl"] == "update"
    assert result["ca-cl"] == "unchanged"
    assert result["cl-ar-test"] == "create"
    assert not Agreement.objects.filter(slug="cl-ar-test").exists()
    assert Agreement.objects.get(slug="us-cl").title == "United States – Chile"


def test_re_importing_the_export_changes_nothing(secretariat_client):
    export = secretariat_client.get(reverse("agreements:export")).content.decode()
    response = upload(secretariat_client, export, dry_run=False)
    assert {outcome for _slug, outcome in outcomes(response)} == {"unchanged"}


def test_a_real_import_creates_and_updates_with_history(secretariat_client, secretariat):
    response = upload(secretariat_client, csv_text(NEW), dry_run=False)
    assert response.context["report"].saved
    agreement = Agreement.objects.get(slug="cl-ar-test")
    assert {p.country.iso2 for p in agreement.parties.all()} == {"CL", "AR"}
    assert agreement.branches == ["old_age", "survivors"]
    record = agreement.history.first()
    assert (record.history_user, record.history_change_reason) == (secretariat, "agreements.agreement.imported")


@pytest.mark.parametrize(("change", "reason"), [
    ({"parties_iso2": "CL;ZZ"}, "Unknown country codes: ZZ."),
    ({"parties_iso2": "CL;CL"}, "A country is listed twice"),
    ({"in_force": "2008-01-01"}, "entry into force cannot precede the signature"),
    ({"signed": "26/07/2009"}, "is not a date written YYYY-MM-DD"),
    ({"kind": "trilateral"}, "Unknown kind"),
    ({"branches": "pets"}, "Unknown branches: pets"),
    ({"source": ""}, "The column “source” is empty."),
])
def test_a_bad_row_is_refused_with_its_reason_and_nothing_is_saved(secretariat_client, change, reason):
    good = {**NEW, "slug": "good-row"}
    response = upload(secretariat_client, csv_text(good, {**NEW, **change}), dry_run=False)
    report = response.context["report"]
    assert not report.saved
    refused = [row for row in report.rows if row.outcome == "refuse"]
    assert len(refused) == 1 and refused[0].line == 3
    assert any(reason in message for message in refused[0].reasons)
    assert not Agreement.objects.filter(slug__in=["good-row", NEW["slug"]]).exists()
    assert "Nothing was saved" in response.content.decode()


def test_a_file_that_is_not_our_csv_is_refused(secretariat_client):
    response = upload(secretariat_client, "name,date\nx,y\n", dry_run=True)
    assert response.status_code == 400
    assert "lacks the required columns" in response.content.decode()
    response = upload(secretariat_client, "%PDF-1.4", dry_run=True, name="agreement.pdf")
    assert "Upload a .csv file" in response.content.decode()
    data = {"file": SimpleUploadedFile("x.csv", b"\xff\xfe\x00bad", content_type="text/csv")}
    assert "not UTF-8" in secretariat_client.post(URL, data).content.decode()


def test_only_the_secretariat_may_import(client, focal_cl):
    assert client.get(URL).status_code == 302  # to the login page
    login(client, focal_cl)
    assert client.get(URL).status_code == 403
    response = upload(client, csv_text(NEW), dry_run=False)
    assert response.status_code == 403
    assert not Agreement.objects.filter(slug=NEW["slug"]).exists()


def test_the_command_imports_with_a_dry_run_first(tmp_path, secretariat, focal_cl):
    path = tmp_path / "agreements.csv"
    path.write_text(csv_text(NEW), encoding="utf-8")
    out = io.StringIO()
    call_command("import_agreements", str(path), "--user", secretariat.username, "--dry-run", stdout=out)
    assert "create" in out.getvalue() and "Dry run, nothing saved" in out.getvalue()
    assert not Agreement.objects.filter(slug=NEW["slug"]).exists()
    call_command("import_agreements", str(path), "--user", secretariat.username, stdout=io.StringIO())
    assert Agreement.objects.filter(slug=NEW["slug"]).exists()
    with pytest.raises(CommandError, match="may not import"):
        call_command("import_agreements", str(path), "--user", focal_cl.username)


def test_the_command_refuses_a_bad_file(tmp_path, secretariat):
    path = tmp_path / "agreements.csv"
    path.write_text(csv_text({**NEW, "parties_iso2": "CL;ZZ"}), encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing saved"):
        call_command("import_agreements", str(path), "--user", secretariat.username, stdout=io.StringIO())
    assert not Agreement.objects.filter(slug=NEW["slug"]).exists()


def test_a_dry_run_with_a_bad_row_says_it_is_a_dry_run(secretariat_client):
    response = upload(secretariat_client, csv_text(NEW, {**NEW, "slug": "bad", "parties_iso2": "CL;ZZ"}), dry_run=True)
    page = response.content.decode()
    assert "Dry run: nothing was saved." in page
    assert outcomes(response) == [("cl-ar-test", "create"), ("bad", "refuse")]


def test_a_crash_in_the_middle_of_an_import_leaves_nothing_half_written(secretariat, monkeypatch):
    from rial.agreements import services

    calls = []

    def apply_then_crash(parsed, **kwargs):
        calls.append(parsed.slug)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_apply(parsed, **kwargs)

    real_apply = services.apply_row
    monkeypatch.setattr(services, "apply_row", apply_then_crash)
    with pytest.raises(RuntimeError):
        services.agreements_import(text=csv_text(NEW, {**NEW, "slug": "second"}), user=secretariat, dry_run=False)
    assert calls == ["cl-ar-test", "second"]
    assert not Agreement.objects.filter(slug__in=["cl-ar-test", "second"]).exists()
