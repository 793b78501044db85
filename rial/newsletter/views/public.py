"""What anyone sees: the archive of sent issues, an issue, subscribing, confirming and unsubscribing.

Confirm and unsubscribe links arrive by email and are opened with GET, which changes nothing: the page
asks for a button press (POST). The unsubscribe address is also the RFC 8058 one-click target that mail
programs POST to without a session or CSRF token, so that view is exempt from CSRF; the signed link is
the proof.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from rial.core.forms import add_service_error
from rial.core.pagination import Paginator
from rial.newsletter import rendering, services
from rial.newsletter.forms import SubscribeForm
from rial.newsletter.models import Issue

PAGE_SIZE = 20


def archive(request: HttpRequest) -> HttpResponse:
    issues = Issue.objects.published().order_by("-number")
    page = Paginator(issues, PAGE_SIZE).get_page(request.GET.get("page"))
    drafts = (Issue.objects.filter(state=Issue.State.DRAFT).order_by("-number")
              if request.user.has_perm("newsletter.compose_issue") else Issue.objects.none())
    return render(request, "newsletter/archive.html", {"page": page, "drafts": drafts,
                                                       "can_compose": request.user.has_perm("newsletter.compose_issue")})


def issue_detail(request: HttpRequest, number: int) -> HttpResponse:
    issue = get_object_or_404(Issue, number=number)
    if not issue.is_published and not request.user.has_perm("newsletter.compose_issue", issue):
        raise Http404
    language = get_language()
    edition = rendering.edition(issue, language, list(issue.items.all()))
    return render(request, "newsletter/issue.html", {
        "issue": issue, "edition": edition, "other_language": edition.language != language,
        "can_compose": request.user.has_perm("newsletter.compose_issue", issue)})


def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            services.subscribe(email=form.cleaned_data["email"], name=form.cleaned_data["name"],
                               language=form.cleaned_data["language"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return render(request, "newsletter/subscribe_sent.html", {"email": form.cleaned_data["email"].lower()})
    return render(request, "newsletter/subscribe.html", {"form": form})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            services.confirm(token=token)
        except ValidationError as error:
            return render(request, "newsletter/link_refused.html", {"reason": " ".join(error.messages)}, status=400)
        messages.success(request, _("Your subscription is confirmed. The next issue will reach you."))
        return redirect("newsletter:archive")
    return render(request, "newsletter/confirm.html", {"token": token})


@csrf_exempt
def unsubscribe(request: HttpRequest, subscriber: int, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            services.unsubscribe(subscriber_id=subscriber, token=token, user=request.user)
            return render(request, "newsletter/unsubscribed.html")
        found = services.check_unsubscribe_link(subscriber_id=subscriber, token=token)
    except ValidationError as error:
        return render(request, "newsletter/link_refused.html", {"reason": " ".join(error.messages)}, status=400)
    return render(request, "newsletter/unsubscribe.html", {"subscriber": found})
