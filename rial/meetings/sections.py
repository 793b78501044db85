"""What the meetings app adds to the country and topic pages and to a person's desk (see
rial/directory/profile.py)."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.core.desk import desk_list, section
from rial.meetings.models import Consultation, DraftForum, Meeting, Participant

# The Secretariat's desk lists the consultations closing within this time.
CLOSING_SOON = datetime.timedelta(days=7)


# A country page lists this many meetings hosted, and this many attended; the count says how many there are.
HOSTED_SHOWN = 20
ATTENDED_SHOWN = 20


def country_section(country) -> list[dict]:
    """Meetings the country hosted, and meetings and events its institutions attended (the participants
    recorded as present, events' attendance included): the latest of each and how many (3 queries)."""
    sections = []
    hosted = list(Meeting.objects.published().filter(country=country).order_by("-start_date")[:HOSTED_SHOWN])
    if hosted:
        sections.append({"title": _("Meetings hosted"), "template": "meetings/includes/section_meetings.html",
                         "context": {"meetings": hosted}, "order": 40})
    attended_ids = (Participant.objects.filter(institution__country=country, attended=True)
                    .values("meeting_id").distinct())
    attended = Meeting.objects.published().filter(pk__in=attended_ids)
    shown = list(attended.select_related("country").annotate(
        delegates=Count("participants", filter=Q(participants__institution__country=country,
                                                 participants__attended=True)))
        .order_by("-start_date", "-pk")[:ATTENDED_SHOWN])
    if shown:
        sections.append({"title": _("Meetings and events attended"), "order": 41,
                         "template": "meetings/includes/section_attended.html",
                         "context": {"meetings": shown, "total": attended.count()}})
    return sections


def topic_section(topic) -> dict | None:
    meetings = list(Meeting.objects.published().filter(topics=topic).select_related("country")
                    .order_by("-start_date")[:20])
    if not meetings:
        return None
    return {"title": _("Meetings on this topic"), "template": "meetings/includes/section_meetings.html",
            "context": {"meetings": meetings}, "order": 40}


def public_desk_section(user) -> dict | None:
    """The Secretariat: consultations closing soon, with how many authorities answered; a ministry,
    COSATE, CEATAL or a partner organization: the consultations put to it that it has not answered, the
    draft forums open for comments and the coming meetings it takes part in (one query per list)."""
    roles = roles_for(user)
    now = timezone.now()
    lists = []

    def deadline(consultation: Consultation) -> str:
        return _("closes %(date)s") % {"date": date_format(timezone.localtime(consultation.deadline), "SHORT_DATETIME_FORMAT")}

    if roles.is_secretariat:
        closing = (Consultation.objects.filter(status=Consultation.Status.OPEN, deadline__lte=now + CLOSING_SOON)
                   .annotate(consulted_count=Count("consulted", distinct=True), answer_count=Count("answers", distinct=True))
                   .order_by("deadline"))
        lists.append(desk_list(_("Consultations closing within a week"), closing, lambda c: {
            "label": c.title, "url": c.get_absolute_url(), "demo": c.is_demo, "overdue": c.deadline <= now,
            "meta": _("%(closes)s; %(answers)s of %(consulted)s answered") % {
                "closes": deadline(c), "answers": c.answer_count, "consulted": c.consulted_count}}))
    mine = roles.institution_ids
    # A ministry answers through its focal points; COSATE, CEATAL and partner organizations through their people.
    answering = roles.focal_point_for | roles.social_partner_of | roles.partner_org_of
    if answering:
        to_answer = (Consultation.objects.filter(status=Consultation.Status.OPEN, deadline__gt=now,
                                                 consulted__in=answering)
                     .exclude(answers__institution__in=answering).distinct().order_by("deadline"))
        lists.append(desk_list(_("Consultations to answer"), to_answer, lambda c: {
            "label": c.title, "url": c.get_absolute_url(), "demo": c.is_demo, "meta": deadline(c)}))
    if mine:
        forums = DraftForum.objects.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")
        lists.append(desk_list(_("Drafts open for comments"), forums, lambda f: {
            "label": f.title, "url": f.get_absolute_url(), "demo": f.is_demo,
            "meta": _("closes %(date)s") % {"date": date_format(timezone.localtime(f.closes_at), "SHORT_DATETIME_FORMAT")}}))
        today = timezone.localdate()
        meetings = (Meeting.objects.published().filter(participants__institution__in=mine)
                    .filter(Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today))
                    .distinct().order_by("start_date", "pk"))
        lists.append(desk_list(_("Coming meetings you take part in"), meetings, lambda m: {
            "label": m.title, "url": m.get_absolute_url(), "demo": m.is_demo,
            "meta": date_format(m.start_date, "DATE_FORMAT")}))
    return section(_("Meetings and consultations"), lists, order=25)
