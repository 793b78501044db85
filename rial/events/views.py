"""Event pages: the public list and page, registration, the registrant's page, the Secretariat's desk,
certificates and their public verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from rial.accounts.roles import roles_for
from rial.core.certificates import Certificate, certificate_pdf
from rial.core.emails import absolute_url
from rial.core.forms import add_service_error, add_service_message
from rial.core.pagination import Paginator
from rial.core.permissions import authorize, authorize_unpublished
from rial.core.questionnaires import QuestionnaireForm, summary
from rial.directory.models import Institution
from rial.events import services
from rial.events.forms import (
    AttendanceForm,
    DelegateFormSet,
    DelegationForm,
    EventFilterForm,
    ReportForm,
    VerifyForm,
)
from rial.events.models import Evaluation, Event, Registration
from rial.meetings.models import MeetingDocument

S = Registration.Status


def event_list(request: HttpRequest) -> HttpResponse:
    events = (Event.objects.published().select_related("meeting__country")
              .annotate(taken=Count("registrations", filter=Q(registrations__status__in=(S.CONFIRMED, S.PENDING)))))
    filters = EventFilterForm(request.GET or None)
    when = "upcoming"
    if filters.is_valid():
        data = filters.cleaned_data
        when = data["when"] or "upcoming"
        if data["kind"]:
            events = events.filter(meeting__kind=data["kind"])
        if data["topic"]:
            events = events.filter(meeting__topics=data["topic"])
        if data["country"]:
            events = events.filter(meeting__country=data["country"])
    today = timezone.localdate()
    if when == "upcoming":
        events = events.filter(Q(meeting__end_date__gte=today) | Q(meeting__end_date__isnull=True,
                                                                      meeting__start_date__gte=today))
        events = events.order_by("meeting__start_date", "pk")
    else:
        if when == "past":
            events = events.filter(Q(meeting__end_date__lt=today) | Q(meeting__end_date__isnull=True,
                                                                         meeting__start_date__lt=today))
        events = events.order_by("-meeting__start_date", "pk")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "events/event_list.html", {"page": page, "filters": filters, "when": when})


def _visible_event(request: HttpRequest, pk: int) -> Event:
    event = get_object_or_404(Event.objects.select_related("meeting__country"), pk=pk)
    if not (event.meeting.is_published and event.meeting.archived_at is None):
        authorize_unpublished(request.user, "events.manage_event", event)
    return event


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    meeting = event.meeting
    mine = []
    if request.user.is_authenticated:
        person = getattr(request.user, "person", None)
        mine = list(event.registrations.active().filter(
            Q(registered_by=request.user) | (Q(person=person) if person is not None else Q(pk__in=[])))
            .select_related("institution"))
    confirmed_here = any(registration.is_confirmed for registration in mine)
    documents = meeting.documents.filter(is_public=True).order_by("kind", "session", "title")
    delegations = _delegation_institutions(request.user)
    counts = event.registrations.aggregate(
        confirmed_count=Count("pk", filter=Q(status=S.CONFIRMED)),
        waiting_count=Count("pk", filter=Q(status=S.WAITLISTED)),
        attended_count=Count("pk", filter=Q(attended=True)),
        countries_count=Count("institution__country", filter=Q(attended=True), distinct=True))
    return render(request, "events/event_detail.html", {
        "event": event, "meeting": meeting,
        "organizers": event.organizers.select_related("institution"),
        "recordings": event.recordings.all(),
        "documents": documents,
        "document_kinds": MeetingDocument.Kind,
        "mandates": event.mandates.visible_to(request.user).select_related("plan"),
        "mine": mine, "online_link": event.online_link if confirmed_here else "",
        "registration_open": event.registration_is_open(),
        "places_left": services.places_left(event),
        "counts": counts,
        "evaluation": summary(Evaluation.objects.filter(registration__event=event)),
        "can_register_delegation": bool(delegations),
        "can_manage": request.user.has_perm("events.manage_event", event),
    })


def _delegation_institutions(user):
    if not user.is_authenticated:
        return Institution.objects.none()
    roles = roles_for(user)
    if roles.is_secretariat:
        return Institution.objects.filter(kind=Institution.Kind.MINISTRY).order_by("name")
    return Institution.objects.filter(pk__in=roles.focal_point_for).order_by("name")


@login_required
@require_POST
def register(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    try:
        registration = services.register_self(event=event, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
        return redirect(event)
    messages.success(request, registration.get_status_display())
    return redirect(registration)


@login_required
def register_delegation(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    institutions = _delegation_institutions(request.user)
    if not institutions.exists():
        raise PermissionDenied("events.register_delegation")
    form = DelegationForm(request.POST or None, institutions=institutions,
                          initial={"institution": institutions.first()})
    delegates = DelegateFormSet(request.POST or None, prefix="delegate")
    if request.method == "POST" and form.is_valid() and delegates.is_valid():
        attendees = [services.Attendee(**row) for row in delegates.cleaned_data if row]
        try:
            created = services.register_delegation(event=event, user=request.user,
                                                   institution=form.cleaned_data["institution"],
                                                   attendees=attendees)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, ngettext("%(count)d delegate registered; they receive an email.",
                                               "%(count)d delegates registered; each receives an email.",
                                               len(created)) % {"count": len(created)})
            return redirect(event)
    return render(request, "events/delegation_form.html", {"event": event, "form": form, "delegates": delegates})


def _registration(request: HttpRequest, pk: int, perm: str = "events.see_registration") -> Registration:
    registration = get_object_or_404(Registration.objects.select_related("event__meeting__country", "institution"),
                                     pk=pk)
    authorize(request.user, perm, registration)
    return registration


@login_required
def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    event = registration.event
    return render(request, "events/registration_detail.html", {
        "registration": registration, "event": event, "meeting": event.meeting,
        "online_link": event.online_link if registration.is_confirmed else "",
        "can_cancel": registration.status != S.CANCELLED and not event.has_taken_place,
        "evaluated": Evaluation.objects.filter(registration=registration).exists(),
    })


@login_required
@require_POST
def registration_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk, "events.cancel_registration")
    try:
        services.registration_cancel(registration=registration, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("The registration was cancelled."))
    return redirect(registration.event)


@login_required
@require_POST
def registration_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk, "events.confirm_registration")
    try:
        services.registration_confirm(registration=registration, user=request.user)
    except ValidationError as error:
        add_service_message(request, error)
    else:
        messages.success(request, _("Registration of %(name)s confirmed.") % {"name": registration.full_name})
    return redirect("events:manage", pk=registration.event_id)


@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    authorize(request.user, "events.manage_event", event)
    registrations = list(event.registrations.select_related("institution__country").order_by("status", "registered_at", "pk"))
    confirmed = [r for r in registrations if r.status == S.CONFIRMED]
    attendance = AttendanceForm(registrations=confirmed, prefix="attendance",
                                initial={"attended": [str(r.pk) for r in confirmed if r.attended]})
    report = ReportForm(prefix="report", initial={"results": event.results, "lessons_learned": event.lessons_learned})
    if request.method == "POST":
        if "attendance-submit" in request.POST:
            attendance = AttendanceForm(request.POST, registrations=confirmed, prefix="attendance")
            if attendance.is_valid():
                try:
                    count = services.attendance_record(event=event, user=request.user,
                                                       attended_ids=attendance.cleaned_data["attended"])
                except ValidationError as error:
                    add_service_message(request, error)
                else:
                    messages.success(request, _("Attendance saved: %(count)d attended.") % {"count": count})
                    return redirect("events:manage", pk=event.pk)
        else:
            report = ReportForm(request.POST, prefix="report")
            if report.is_valid():
                services.event_report(event=event, user=request.user, **report.cleaned_data)
                messages.success(request, _("Results and lessons learned saved."))
                return redirect("events:manage", pk=event.pk)
    return render(request, "events/manage.html", {
        "event": event, "registrations": registrations, "attendance": attendance, "report": report,
        "has_begun": event.meeting.start_date <= timezone.localdate(),
    })


@login_required
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    existing = Evaluation.objects.filter(registration=registration).first()
    initial = {name: getattr(existing, name) for name in ("objectives_met", "usefulness", "organisation",
                                                          "will_apply")} if existing else None
    form = QuestionnaireForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_answer(registration=registration, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_message(request, error)
        else:
            messages.success(request, _("Thank you: your answers were saved."))
            return redirect(registration)
    return render(request, "events/evaluation.html", {"form": form, "registration": registration})


def _certificate(registration: Registration) -> Certificate:
    meeting = registration.event.meeting
    dates = formats.date_format(meeting.start_date)
    if meeting.end_date and meeting.end_date != meeting.start_date:
        dates = _("from %(start)s to %(end)s") % {"start": dates, "end": formats.date_format(meeting.end_date)}
    verify = absolute_url(reverse("events:verify", kwargs={"code": registration.certificate_code}))
    return Certificate(
        heading=_("Certificate of attendance"), name=registration.full_name,
        institution=str(registration.institution or ""),
        statement=_("attended the event"), title=meeting.title,
        details=(f"{meeting.get_kind_display()} · {dates}", meeting.place), is_demo=meeting.is_demo,
        verification=_("Verification code %(code)s: %(url)s") % {"code": registration.certificate_code, "url": verify})


@login_required
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    if not (registration.attended and registration.certificate_code):
        raise Http404
    response = HttpResponse(certificate_pdf(_certificate(registration)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{registration.certificate_code}.pdf"'
    return response


def verify(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """Anyone checks a certificate by its code: who attended what, nothing else."""
    form = VerifyForm(request.GET or None)
    if code is None and form.is_valid():
        return redirect("events:verify", code=form.cleaned_data["code"].strip().upper())
    registration = None
    if code is not None:
        registration = (Registration.objects.select_related("event__meeting", "institution")
                        .filter(certificate_code=code.upper(), attended=True).first())
    return render(request, "events/verify.html", {"form": form, "code": code, "registration": registration},
                  status=404 if code is not None and registration is None else 200)


