"""Public pages: the archive, an issue, the Atom feed; drafts stay with the Secretariat."""

import pytest
from django.urls import reverse
from lxml import etree

from conftest import login
from rial.newsletter import services
from rial.newsletter.models import Subscriber
from rial.newsletter.tests.factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _sent(secretariat, callbacks):
    if not Subscriber.objects.filter(email="reader@example.org").exists():
        subscriber("reader@example.org")
    issue = draft_issue(secretariat)
    with callbacks(execute=True):
        services.issue_send(issue=issue, user=secretariat, audience="all")
    return issue


def test_the_archive_lists_sent_issues_and_hides_drafts_from_the_public(client, secretariat,
                                                                        django_capture_on_commit_callbacks):
    sent = _sent(secretariat, django_capture_on_commit_callbacks)
    draft = draft_issue(secretariat, title_en="Secret draft", title_es="Borrador secreto")
    page = client.get(reverse("newsletter:archive")).content.decode()
    assert str(sent) in page and "Secret draft" not in page
    assert client.get(sent.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_focal_point_does_not_see_drafts_either(client, focal_cl, secretariat):
    draft = draft_issue(secretariat)
    login(client, focal_cl)
    assert client.get(draft.get_absolute_url()).status_code == 404
    for name in ("compose", "send", "edit"):
        assert client.get(reverse(f"newsletter:{name}", kwargs={"number": draft.number})).status_code == 403
    assert client.get(reverse("newsletter:manage")).status_code == 403
    assert client.get(reverse("newsletter:preview", kwargs={"number": draft.number, "language": "en"})).status_code == 403


def test_an_issue_reads_in_the_language_of_the_page(client, secretariat, django_capture_on_commit_callbacks):
    issue = _sent(secretariat, django_capture_on_commit_callbacks)
    page = client.get(f"/es/newsletter/{issue.number}/").content.decode()
    assert "Noticias laborales" in page and "Un ministerio abre una oficina" in page
    page = client.get(f"/fr/newsletter/{issue.number}/").content.decode()
    assert "Labor news" in page and "voici l’édition anglaise" in page


def test_the_feed_is_valid_atom_with_one_entry_per_sent_issue(client, secretariat, django_capture_on_commit_callbacks):
    issue = _sent(secretariat, django_capture_on_commit_callbacks)
    draft_issue(secretariat)
    response = client.get("/es/newsletter/feed.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}").text
    assert feed.find(f"{ATOM}title").text == "Boletín de la RIAL"
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == f"N.º {issue.number}: Noticias laborales"
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/es/newsletter/{issue.number}/")
    for required in ("id", "updated"):
        assert entry.find(f"{ATOM}{required}").text


def test_the_archive_runs_a_constant_number_of_queries(client, secretariat, django_capture_on_commit_callbacks,
                                                       django_assert_max_num_queries):
    _sent(secretariat, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(6) as few:
        client.get(reverse("newsletter:archive"))
    for _number in range(10):
        _sent(secretariat, django_capture_on_commit_callbacks)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("newsletter:archive"))


def test_the_progress_block_runs_a_constant_number_of_queries(secretariat_client, secretariat,
                                                              django_capture_on_commit_callbacks,
                                                              django_assert_max_num_queries):
    issue = _sent(secretariat, django_capture_on_commit_callbacks)
    url = reverse("newsletter:progress", kwargs={"number": issue.number})
    with django_assert_max_num_queries(20) as few:
        assert "1 of 1 sent" in secretariat_client.get(url).content.decode()
    for number in range(50):
        subscriber(f"more{number}@example.org")
    issue = _sent(secretariat, django_capture_on_commit_callbacks)
    url = reverse("newsletter:progress", kwargs={"number": issue.number})
    with django_assert_max_num_queries(len(few.captured_queries)):
        secretariat_client.get(url)


def test_the_email_preview_is_the_html_part_under_a_strict_content_security_policy(secretariat_client, secretariat):
    issue = draft_issue(secretariat)
    response = secretariat_client.get(reverse("newsletter:preview", kwargs={"number": issue.number, "language": "es"}))
    assert response.status_code == 200
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "Noticias laborales" in response.content.decode()
    text = secretariat_client.get(reverse("newsletter:preview_text", kwargs={"number": issue.number, "language": "es"}))
    assert text["Content-Type"].startswith("text/plain") and "Subject: Boletín de la RIAL" in text.content.decode()
