"""Anonymous pages come from the cache, and the next anonymous visit after any committed change shows it.

The tests that change records run with real commits (``transaction=True``): the cache's token is replaced
when a transaction commits, which a test wrapped in one transaction never does.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone

from conftest import login
from rial.agreements.services import agreements_import
from rial.agreements.tests.test_import import NEW, csv_text
from rial.cooperation.models import Activity
from rial.core import pagecache
from rial.fund.tests.factories import contribution
from rial.portfolio.models import Program
from rial.portfolio.services import program_publish, program_start_revision, program_submit, program_update
from rial.portfolio.tests.factories import ProgramFactory, ministry

pytestmark = pytest.mark.django_db
committed = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.RIAL_PAGE_CACHE = True
    caches["pages"].clear()
    pagecache.changed()


def visit(client, path, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200, path
    return response.get("X-Page-Cache"), response.content.decode()


def test_the_second_anonymous_visit_is_served_from_the_cache_without_a_query(client, django_assert_num_queries):
    ProgramFactory(name_en="Youth bridge")
    first = client.get("/en/programs/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/en/programs/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content and "Youth bridge" in second.content.decode()
    # The page travels with the headers it was rendered with: its policy, its language.
    for header in ("Content-Security-Policy", "Content-Language", "Permissions-Policy", "X-Frame-Options"):
        assert second[header] == first[header]
    assert "nonce-" not in second["Content-Security-Policy"]
    assert "csrfmiddlewaretoken" not in second.content.decode() and not second.cookies


def test_the_query_string_is_part_of_the_address(client):
    ProgramFactory(name_en="Youth bridge", topics=["youth-employment"])
    ProgramFactory(name_en="Pension reform")
    visit(client, "/en/programs/")
    status, page = visit(client, "/en/programs/?topic=youth-employment")
    assert status == "miss" and "Youth bridge" in page and "Pension reform" not in page


@committed
def test_publishing_a_program_shows_on_the_next_anonymous_visit(client, secretariat):
    program = ProgramFactory(name_en="Apprenticeships for all", status=Program.Status.SUBMITTED)
    visit(client, "/en/programs/")
    status, page = visit(client, "/en/programs/")
    assert status == "hit" and "Apprenticeships for all" not in page
    program_publish(program=program, user=secretariat)
    status, page = visit(client, "/en/programs/")
    assert status == "miss" and "Apprenticeships for all" in page


@committed
def test_an_edit_through_the_write_kit_shows_on_the_record_page(client, focal_cl, secretariat):
    program = ProgramFactory(name_en="Old name", ministry=ministry("CL"))
    url = program.get_absolute_url()
    visit(client, url)
    assert visit(client, url)[0] == "hit"
    revision = program_start_revision(program=program, user=focal_cl)
    program_update(program=revision, user=focal_cl, data={"name": "New name"})
    program_submit(program=revision, user=focal_cl)
    assert "Old name" in visit(client, url)[1]  # a revision under review changes nothing public
    program_publish(program=revision, user=secretariat)
    status, page = visit(client, url)
    assert status == "miss" and "New name" in page and "Old name" not in page


@committed
def test_a_delete_in_the_admin_shows_on_the_next_anonymous_visit(client, secretariat):
    program = ProgramFactory(name_en="Soon deleted")
    anonymous = Client()
    assert "Soon deleted" in visit(anonymous, "/en/programs/")[1]
    secretariat.is_superuser = True
    secretariat.save()
    login(client, secretariat)
    response = client.post(f"/admin/portfolio/program/{program.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Program.objects.filter(pk=program.pk).exists()
    status, page = visit(anonymous, "/en/programs/")
    assert status == "miss" and "Soon deleted" not in page


@committed
def test_an_import_shows_on_the_next_anonymous_visit(client, secretariat):
    visit(client, "/en/agreements/")
    assert visit(client, "/en/agreements/")[0] == "hit"
    report = agreements_import(text=csv_text(NEW), user=secretariat, dry_run=False)
    assert report.saved
    status, page = visit(client, "/en/agreements/")
    assert status == "miss" and NEW["title_en"] in page


@committed
def test_a_ledger_entry_shows_on_the_fund_page_and_a_bulk_write_on_the_country_page(client, secretariat):
    visit(client, "/en/fund/")
    contribution(secretariat, amount="987654.00", iso2="CL")
    status, page = visit(client, "/en/fund/")
    assert status == "miss" and "987,654" in page

    visit(client, "/en/countries/CL/")
    # A bulk write bypasses save() and every signal: the cache sees it at the database driver.
    Activity.objects.bulk_create([Activity(first_party=ministry("CL"), second_party=ministry("PE"),
                                           title="Inspection exchange in bulk", year=2025,
                                           state=Activity.State.COMPLETED)])
    status, page = visit(client, "/en/countries/CL/")
    assert status == "miss" and "Inspection exchange in bulk" in page
    Activity.objects.filter(title="Inspection exchange in bulk").update(title="Renamed by an update")
    status, page = visit(client, "/en/countries/CL/")
    assert status == "miss" and "Renamed by an update" in page


@committed
def test_the_pages_change_when_the_transaction_commits_not_before_and_not_after_a_rollback(client):
    visit(client, "/en/programs/")
    with transaction.atomic():
        ProgramFactory(name_en="Inside the transaction")
        # Not committed: the stored page is still the one the other visitors see.
        assert visit(client, "/en/programs/")[0] == "hit"
    status, page = visit(client, "/en/programs/")
    assert status == "miss" and "Inside the transaction" in page

    token = pagecache.generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        ProgramFactory(name_en="Rolled back")
        raise RuntimeError
    assert pagecache.generation() == token
    assert visit(client, "/en/programs/")[0] == "hit"


@committed
def test_a_page_rendered_while_a_write_commits_is_never_served_after_it(client, monkeypatch):
    """The token is read when the request starts: a page built from the records before a commit is
    stored under the token that commit replaced."""
    render = pagecache.AnonymousPageCacheMiddleware.__call__

    def commit_during_the_request(self, request):
        response = render(self, request)
        ProgramFactory(name_en="Committed meanwhile")  # autocommit: commits at once
        return response

    visit(client, "/en/programs/")
    pagecache.changed()
    monkeypatch.setattr(pagecache.AnonymousPageCacheMiddleware, "__call__", commit_during_the_request)
    assert "Committed meanwhile" not in visit(client, "/en/programs/")[1]
    monkeypatch.undo()
    status, page = visit(client, "/en/programs/")
    assert status == "miss" and "Committed meanwhile" in page


@committed
def test_private_tables_leave_the_pages_valid(client, secretariat):
    visit(client, "/en/programs/")
    token = pagecache.generation()
    with connection.cursor() as cursor:
        for sql in ('UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s',
                    'DELETE FROM "django_session" WHERE "session_key" = %s'):
            assert not pagecache._write_changes_public_page(sql)
        cursor.execute('UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s',
                       [timezone.now(), secretariat.pk])
    assert pagecache._write_changes_public_page('INSERT OR IGNORE INTO "portfolio_program" ("name") VALUES (%s)')
    assert pagecache._write_changes_public_page('UPDATE "accounts_user" SET "first_name" = %s WHERE "id" = %s')
    assert pagecache.generation() == token


def test_signed_in_users_never_get_a_cached_page_and_their_pages_are_never_stored(client, focal_cl):
    ProgramFactory(name_en="Youth bridge")
    anonymous = Client()
    visit(anonymous, "/en/programs/")
    login(client, focal_cl)
    for _ in range(2):
        response = client.get("/en/programs/")
        assert "X-Page-Cache" not in response and "Log out" in response.content.decode()
    status, page = visit(anonymous, "/en/programs/")
    assert status == "hit" and "Log out" not in page and ">Log in</a>" in page
    # A visitor whose session cookie outlived the session is not served from the cache either.
    client.logout()
    client.cookies["sessionid"] = "expired"
    assert "X-Page-Cache" not in client.get("/en/programs/")


def test_languages_never_mix(client):
    for _ in range(2):
        en, es = visit(client, "/en/"), visit(client, "/es/")
        assert '<html lang="en">' in en[1] and '<html lang="es">' in es[1]
    assert en[0] == es[0] == "hit"
    # The API takes its language from Accept-Language: each language is its own entry.
    for _ in range(2):
        spanish = client.get("/api/v1/countries", headers={"Accept-Language": "es"})
        english = client.get("/api/v1/countries", headers={"Accept-Language": "en"})
        assert spanish["Content-Language"] == "es" and english["Content-Language"] == "en"
        assert "Brasil" in spanish.content.decode() and "Brazil" in english.content.decode()
    assert spanish["X-Page-Cache"] == english["X-Page-Cache"] == "hit"


def test_forms_cookies_messages_and_errors_are_never_stored(client):
    for path, status in (("/en/accounts/login/", 200), ("/en/no-such-page/", 404)):
        for _ in range(2):
            response = client.get(path)
            assert response.status_code == status and response.get("X-Page-Cache") is None
    visit(client, "/en/programs/")
    client.cookies["messages"] = "pending"
    assert client.get("/en/programs/").get("X-Page-Cache") is None
    del client.cookies["messages"]
    assert client.get("/en/programs/", headers={"HX-Request": "true"}).get("X-Page-Cache") is None
    assert client.get("/api/v1/countries", headers={"Authorization": "Bearer x"}).get("X-Page-Cache") is None


def test_a_response_with_a_nonce_a_private_cache_a_foreign_vary_or_a_large_body_is_not_stored():
    request = RequestFactory().get("/en/")

    def response(**headers):
        answer = HttpResponse("page")
        for name, value in headers.items():
            answer[name.replace("_", "-")] = value
        return answer

    assert pagecache._storable(request, response(Content_Security_Policy="default-src 'self'"))
    assert not pagecache._storable(request, response(Content_Security_Policy="script-src 'nonce-abc'"))
    assert not pagecache._storable(request, response(Cache_Control="private"))
    assert not pagecache._storable(request, response(Vary="HX-Request"))
    assert pagecache._storable(request, response(Vary="Cookie, Accept-Language"))
    assert not pagecache._storable(request, HttpResponse(b"x" * (pagecache.MAX_BYTES + 1)))
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not pagecache._storable(request, response())


def test_the_cache_is_off_when_the_setting_says_so(client, settings):
    settings.RIAL_PAGE_CACHE = False
    visit(client, "/en/programs/")
    assert visit(client, "/en/programs/")[0] is None


def test_a_lost_token_is_replaced_by_a_new_one_never_an_old_one(client):
    visit(client, "/en/programs/")
    old = pagecache.generation()
    caches["page_generation"].clear()
    assert pagecache.generation() != old
    assert visit(client, "/en/programs/")[0] == "miss"


def test_the_key_holds_the_day(client, monkeypatch):
    visit(client, "/en/")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(pagecache.timezone, "localdate", lambda: tomorrow)
    # A memo of its own, so that tomorrow's date does not stay in the real one after this test.
    monkeypatch.setattr(pagecache, "_day", {})
    assert visit(client, "/en/")[0] == "miss"


@pytest.mark.parametrize("path", [
    "/en/", "/es/programs/", "/en/library/", "/en/fund/", "/en/cooperation/", "/en/conference/", "/en/network/",
    "/en/countries/", "/en/countries/CL/", "/en/meetings/", "/en/events/", "/en/agreements/", "/en/topics/",
    "/fr/accessibility/", "/api/v1/programs", "/api/v1/fund/summary", "/sitemap.xml", "/robots.txt"])
def test_the_public_pages_are_stored_for_anonymous_visitors(client, path):
    assert client.get(path).status_code == 200
    second = client.get(path)
    assert second.status_code == 200 and second["X-Page-Cache"] == "hit", path


@committed
def test_documents_meetings_mandates_and_countries_show_on_the_next_anonymous_visit(client, secretariat):
    from rial.conference.services import mandate_follow_up
    from rial.conference.tests import factories as conference
    from rial.directory.models import Country
    from rial.library.tests.factories import DocumentFactory
    from rial.meetings.tests.factories import MeetingFactory

    for path in ("/en/library/", "/en/meetings/", "/en/countries/"):
        visit(client, path)
    DocumentFactory(title_en="A study published now")
    assert "A study published now" in visit(client, "/en/library/")[1]
    MeetingFactory(title_en="A meeting published now", start_date=timezone.localdate(), end_date=timezone.localdate())
    assert "A meeting published now" in visit(client, "/en/meetings/")[1]
    Country.objects.filter(iso2="CL").update(name_en="Chile (renamed)")
    assert "Chile (renamed)" in visit(client, "/en/countries/")[1]

    plan = conference.plan(number=97)
    mandate = conference.mandate(plan, label="z", status="not_started")
    url = plan.get_absolute_url()
    assert "Not started" in visit(client, url)[1]
    mandate_follow_up(mandate=mandate, user=secretariat, status="done", progress=100)
    status, page = visit(client, url)
    assert status == "miss" and "Done" in page


def test_without_redis_the_token_is_a_file_every_process_sees(client, settings, tmp_path):
    settings.RIAL_PAGE_GENERATION_FILE = str(tmp_path / "cache" / "page-generation")
    first = pagecache.generation()  # made when missing
    assert (tmp_path / "cache" / "page-generation").read_text() == first
    visit(client, "/en/programs/")
    assert visit(client, "/en/programs/")[0] == "hit"
    # Another process replaces the file: this one sees it at its next request.
    other = tmp_path / "cache" / "other"
    other.write_text("written-by-another-process")
    other.replace(tmp_path / "cache" / "page-generation")
    assert pagecache.generation() == "written-by-another-process"
    assert visit(client, "/en/programs/")[0] == "miss"
    pagecache.changed()
    assert pagecache.generation() not in (first, "written-by-another-process")
    (tmp_path / "cache" / "page-generation").unlink()
    assert pagecache.generation() not in (first, "written-by-another-process")


def test_the_token_file_is_readable_by_every_process_and_an_unreadable_one_disables_the_cache(
        client, settings, tmp_path, monkeypatch):
    settings.RIAL_PAGE_GENERATION_FILE = str(tmp_path / "page-generation")
    pagecache.changed()
    assert (tmp_path / "page-generation").stat().st_mode & 0o777 == 0o644

    def unreadable():
        raise PermissionError("page-generation")

    monkeypatch.setattr(pagecache, "generation", unreadable)
    for _ in range(2):
        response = client.get("/en/programs/")
        assert response.status_code == 200 and "X-Page-Cache" not in response
