"""The Secretariat's pages: compose an issue, preview it, send a test, choose the audience, send, follow."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from rial.core.emails import Recipient, absolute_url
from rial.core.forms import add_service_error, add_service_message
from rial.core.languages import supported
from rial.core.permissions import authorize
from rial.newsletter import rendering, segments, sending, services
from rial.newsletter.forms import AudienceForm, IssueForm, ItemForm, SendForm, TestEmailForm
from rial.newsletter.models import Delivery, Issue, IssueItem, Subscriber
from rial.newsletter.sources import SOURCES

RECIPIENTS_SHOWN = 20
# The email preview is a document of its own, with the inline styles an email needs and nothing else.
PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "newsletter.compose_issue")
    issues = Issue.objects.order_by("-number")[:50]
    subscribers = dict(Subscriber.objects.values_list("state").annotate(n=Count("pk")).order_by())
    return render(request, "newsletter/manage.html", {
        "issues": issues, "subscribers": [(label, subscribers.get(state, 0)) for state, label in Subscriber.State.choices]})


@login_required
def issue_edit(request: HttpRequest, number: int | None = None) -> HttpResponse:
    issue = get_object_or_404(Issue, number=number) if number else Issue(number=services.next_number())
    authorize(request.user, "newsletter.compose_issue", issue if issue.pk else None)
    form = IssueForm(request.POST or None, instance=issue)
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.issue_save(issue=form.save(commit=False), user=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Issue No. %(number)s was saved.") % {"number": issue.number})
            return redirect("newsletter:compose", number=issue.number)
    return render(request, "newsletter/issue_form.html", {"form": form, "issue": issue if issue.pk else None})


def _since(request: HttpRequest, issue: Issue) -> datetime.date:
    raw = request.GET.get("since") or ""
    try:
        chosen = parse_date(raw) if len(raw) <= 10 else None
    except ValueError:  # well formed but impossible, e.g. 2026-02-31
        chosen = None
    if chosen:
        return chosen
    previous = Issue.objects.published().filter(number__lt=issue.number).order_by("-number").first()
    if previous is not None and previous.sent_at:
        return timezone.localdate(previous.sent_at)
    return timezone.localdate() - datetime.timedelta(days=90)


@login_required
def compose(request: HttpRequest, number: int) -> HttpResponse:
    issue = get_object_or_404(Issue, number=number)
    authorize(request.user, "newsletter.compose_issue", issue)
    items = list(issue.items.all())
    picked = {(item.source, item.object_id) for item in items}
    since = _since(request, issue)
    candidates = []
    if issue.state == Issue.State.DRAFT:
        for source in SOURCES.values():
            offered = [candidate for candidate in source.candidates(since)
                       if (candidate.source, candidate.object_id) not in picked]
            candidates.append((source, offered))
    edition = rendering.edition(issue, translation.get_language(), items)
    return render(request, "newsletter/compose.html", {
        "issue": issue, "items": items, "edition": edition, "candidates": candidates, "since": since,
        "editable": issue.state == Issue.State.DRAFT})


@login_required
@require_POST
def item_add(request: HttpRequest, number: int) -> HttpResponse:
    issue = get_object_or_404(Issue, number=number)
    authorize(request.user, "newsletter.compose_issue", issue)
    object_id = request.POST.get("object_id", "")
    try:
        if not object_id.isdigit():
            raise ValidationError(_("This record is not public (any more) and cannot be added."))
        item = services.item_add(issue=issue, user=request.user, source=request.POST.get("source", ""),
                                 object_id=int(object_id))
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("“%(title)s” was added.") % {"title": item.title})
    return redirect("newsletter:compose", number=issue.number)


@login_required
def item_edit(request: HttpRequest, number: int | None = None, pk: int | None = None) -> HttpResponse:
    if pk:
        item = get_object_or_404(IssueItem.objects.select_related("issue"), pk=pk)
    else:
        item = IssueItem(issue=get_object_or_404(Issue, number=number))
    authorize(request.user, "newsletter.compose_issue", item.issue)
    form = ItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_save(item=form.save(commit=False), user=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The item was saved."))
            return redirect("newsletter:compose", number=item.issue.number)
    return render(request, "newsletter/item_form.html", {"form": form, "item": item, "issue": item.issue})


@login_required
@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(IssueItem.objects.select_related("issue"), pk=pk)
    try:
        services.item_move(item=item, user=request.user, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        add_service_message(request, error)
    return redirect(reverse("newsletter:compose", kwargs={"number": item.issue.number}) + f"#item-{item.pk}")


@login_required
@require_POST
def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(IssueItem.objects.select_related("issue"), pk=pk)
    try:
        services.item_remove(item=item, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("“%(title)s” was removed.") % {"title": item.title})
    return redirect("newsletter:compose", number=item.issue.number)


def _preview_message(request: HttpRequest, issue: Issue, language: str):
    edition = rendering.edition(issue, supported(language) or "en")
    with translation.override(edition.language):
        unsubscribe = absolute_url(reverse("newsletter:subscribe"))
    recipient = Recipient(email=request.user.email or "preview@example.org", language=edition.language,
                          name=request.user.get_full_name())
    return rendering.issue_message(edition=edition, recipient=recipient, unsubscribe=unsubscribe)


@login_required
def preview(request: HttpRequest, number: int, language: str) -> HttpResponse:
    """The email exactly as a subscriber gets it (HTML part, CSS inlined), as a page of its own."""
    issue = get_object_or_404(Issue, number=number)
    authorize(request.user, "newsletter.compose_issue", issue)
    message = _preview_message(request, issue, language)
    response = HttpResponse(message.alternatives[0].content, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = PREVIEW_POLICY
    return response


@login_required
def preview_text(request: HttpRequest, number: int, language: str) -> HttpResponse:
    issue = get_object_or_404(Issue, number=number)
    authorize(request.user, "newsletter.compose_issue", issue)
    message = _preview_message(request, issue, language)
    return HttpResponse(f"Subject: {message.subject}\n\n{message.body}", content_type="text/plain; charset=utf-8")


@login_required
@require_POST
def send_test(request: HttpRequest, number: int) -> HttpResponse:
    issue = get_object_or_404(Issue, number=number)
    authorize(request.user, "newsletter.compose_issue", issue)
    form = TestEmailForm(request.POST, issue=issue)
    try:
        if not form.is_valid():
            raise ValidationError(_("This issue has no edition in that language."))
        recipient = services.issue_send_test(issue=issue, user=request.user, language=form.cleaned_data["language"])
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("A test email is on its way to %(email)s.") % {"email": recipient.email})
    return redirect("newsletter:send", number=issue.number)


@login_required
def send(request: HttpRequest, number: int) -> HttpResponse:
    """Choose the audience, see who is in it, send; then follow the progress on the same page."""
    issue = get_object_or_404(Issue, number=number)
    authorize(request.user, "newsletter.compose_issue", issue)
    if request.method == "POST":
        form = SendForm(request.POST)
        if form.is_valid():
            try:
                count = services.issue_send(issue=issue, user=request.user, audience=form.cleaned_data["audience"],
                                            expected=form.cleaned_data["expected"])
            except ValidationError as error:
                add_service_message(request, error)
            else:
                messages.success(request, ngettext(
                    "Sending issue No. %(number)s to %(count)s recipient has started.",
                    "Sending issue No. %(number)s to %(count)s recipients has started.", count)
                    % {"number": issue.number, "count": count})
            return redirect("newsletter:send", number=issue.number)
    form = AudienceForm(request.GET or None, initial={"audience": segments.ALL})
    audience = form.cleaned_data["audience"] if form.is_bound and form.is_valid() else segments.ALL
    recipients = segments.subscribers(audience).order_by("email")
    count = recipients.count()
    context = {"issue": issue, "form": form, "audience": audience, "audience_label": segments.label(audience),
               "count": count, "first": recipients[:RECIPIENTS_SHOWN], "test_form": TestEmailForm(issue=issue)}
    if issue.state != Issue.State.DRAFT:
        context.update(_progress(request, issue))
    return render(request, "newsletter/send.html", context)


def _progress(request: HttpRequest, issue: Issue) -> dict:
    return {
        "issue": issue, "progress": sending.progress(issue),
        "interrupted": issue.deliveries.filter(state=Delivery.State.INTERRUPTED).order_by("pk")[:RECIPIENTS_SHOWN],
        "failed": issue.deliveries.filter(state=Delivery.State.FAILED).order_by("pk")[:RECIPIENTS_SHOWN],
        "can_send": request.user.has_perm("newsletter.send_issue", issue)}


@login_required
def progress(request: HttpRequest, number: int) -> HttpResponse:
    """The progress block alone, for the page to poll (htmx) while the issue is being sent."""
    issue = get_object_or_404(Issue, number=number)
    authorize(request.user, "newsletter.compose_issue", issue)
    return render(request, "newsletter/includes/progress.html", _progress(request, issue))


@login_required
@require_POST
def resume(request: HttpRequest, number: int) -> HttpResponse:
    issue = get_object_or_404(Issue, number=number)
    try:
        waiting = services.issue_resume(issue=issue, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, ngettext("Sending resumed: %(count)s message is waiting.",
                                           "Sending resumed: %(count)s messages are waiting.", waiting)
                         % {"count": waiting})
    return redirect("newsletter:send", number=issue.number)


@login_required
@require_POST
def resend_interrupted(request: HttpRequest, number: int) -> HttpResponse:
    issue = get_object_or_404(Issue, number=number)
    try:
        count = services.issue_resend_interrupted(issue=issue, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, ngettext("%(count)s interrupted message will be sent again.",
                                           "%(count)s interrupted messages will be sent again.", count)
                         % {"count": count})
    return redirect("newsletter:send", number=issue.number)
