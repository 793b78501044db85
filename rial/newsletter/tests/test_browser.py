"""In a real browser, on a phone-sized screen: the Secretariat previews an issue, sees who will receive it,
sends it, and watches the progress move while a background worker sends."""

import re
import threading

import pytest
from django.core import mail
from django.db import connections
from django.test import Client
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.newsletter import sending
from rial.newsletter.models import Issue
from rial.newsletter.tests.factories import draft_issue, subscribers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work_the_queue() -> None:
    """What `manage.py db_worker --batch` does (its command also installs signal handlers, which only the
    main thread may do)."""
    Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
           max_tasks=None, worker_id="browser-test", excluded_queue_names=[]).run()


def in_a_thread(work) -> None:
    """Run database work beside Playwright's event loop (Django refuses the ORM inside it), as a worker would."""
    errors = []

    def run():
        try:
            work()
        except Exception as error:  # noqa: BLE001 - handed back to the test
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    if errors:
        raise errors[0]


def test_the_secretariat_previews_sends_and_watches_the_progress(live_server, chromium_path, secretariat, settings):
    settings.TASKS = DATABASE_QUEUE  # sending really goes to the queue; the worker below works it
    subscribers(30, language="es")
    issue = draft_issue(secretariat)
    client = login(Client(), secretariat)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
            page = context.new_page()
            page.set_default_timeout(15_000)
            page.goto(f"{live_server.url}/es/newsletter/{issue.number}/compose/")
            expect(page.get_by_role("heading", level=1)).to_have_text(f"Componer el número {issue.number}")

            page.get_by_role("link", name="Vista previa del correo (español)").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Noticias laborales")
            expect(page.get_by_text("Un ministerio abre una oficina")).to_be_visible()
            page.go_back()

            page.get_by_role("link", name="Probar y enviar").click()
            page.get_by_label("Enviar a").select_option("all")
            page.get_by_role("button", name="Mostrar los destinatarios").click()
            expect(page.get_by_text("Todos los suscriptores: 30 suscriptores confirmados.")).to_be_visible()
            expect(page.get_by_role("cell", name="reader-00000@example.org")).to_be_visible()
            page.get_by_role("button", name=f"Enviar el número {issue.number} a 30 destinatarios").click()

            progress = page.locator("#progress")
            expect(progress.get_by_role("heading")).to_have_text("Enviándose")
            expect(progress).to_contain_text("0 de 30 enviados")
            assert mail.outbox == []  # nothing is sent in the request: the queue has it

            in_a_thread(lambda: sending.send_pending(issue.pk, limit=12))  # a first part goes out…
            expect(progress).to_contain_text("12 de 30 enviados")  # …and the page follows without reloading
            in_a_thread(work_the_queue)  # the background worker sends the rest
            expect(progress.get_by_role("heading")).to_have_text("Enviado")
            expect(progress).to_contain_text("30 de 30 enviados")
            expect(page).to_have_url(re.compile(rf"/es/newsletter/{issue.number}/send/$"))
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        finally:
            browser.close()
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.SENT
    assert sorted(message.to[0] for message in mail.outbox) == [f"reader-{n:05d}@example.org" for n in range(30)]
    assert {message.subject for message in mail.outbox} == {f"Boletín de la RIAL n.º {issue.number}: Noticias laborales"}
