"""What the conference app adds to other apps' pages: the topic page's timeline of mandates, and the
mandates waiting on a person's desk."""

from collections import Counter

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.conference.models import Conference, ConferenceDocument, Mandate, WorkingGroup
from rial.conference.queries import current_plan
from rial.conference.rules import authority_countries
from rial.core.desk import desk_list, section


def topic_section(topic) -> dict | None:
    """How a topic moved across conferences: per conference (by year), the working groups that followed
    it and the mandates about it. An area's page gathers its sub-topics."""
    topics = [topic.pk, *topic.children.values_list("pk", flat=True)] if topic.parent_id is None else [topic.pk]
    mandates = (Mandate.objects.published().filter(topics__in=topics).select_related("plan").distinct()
                .order_by("position"))
    groups = WorkingGroup.objects.filter(topics__in=topics).distinct().order_by("number")
    by_conference: dict[int, dict] = {}

    def entry(conference_id: int) -> dict:
        return by_conference.setdefault(conference_id, {"groups": [], "mandates": []})

    for group in groups:
        entry(group.conference_id)["groups"].append(group)
    for mandate in mandates:
        entry(mandate.plan.conference_id)["mandates"].append(mandate)
    if not by_conference:
        return None
    conferences = Conference.objects.filter(pk__in=by_conference).order_by("number")
    years = [{"year": conference.year, "conference": conference, **by_conference[conference.pk]}
             for conference in conferences]
    return {"title": _("Mandates of the conferences over time"), "template": "conference/includes/topic_timeline.html",
            "context": {"years": years}, "order": 10}


# A country page lists at most this many of the mandates the country leads; the count says how many there are.
LED_SHOWN = 25


def country_section(country) -> dict | None:
    """The mandates of the Plan of Action in force that the country's institutions are responsible for, with
    their status: how many by status, and the first of them in the plan's order (3 queries)."""
    plan = current_plan()
    if plan is None:
        return None
    led = (Mandate.objects.published().filter(plan=plan, responsible_institutions__country=country)
           .values("pk").distinct())
    mandates = Mandate.objects.filter(pk__in=led)
    counts = Counter({row["status"]: row["n"] for row in mandates.values("status").annotate(n=Count("pk"))
                      .order_by()})
    if not counts:
        return None
    shown = list(mandates.select_related("group").order_by("position")[:LED_SHOWN])
    statuses = [(label, counts[value]) for value, label in Mandate.Status.choices if counts[value]]
    return {"title": _("Mandates it leads"), "template": "conference/includes/country_mandates.html", "order": 15,
            "context": {"plan": plan, "mandates": shown, "total": sum(counts.values()), "statuses": statuses}}


def public_desk_section(user) -> dict | None:
    """The Secretariat: overdue mandates; a focal point: the mandates their ministry is responsible for, and in a
    section of its own those it follows up as a working group's chair or vice-chair; overdue ones first (one
    query per list)."""
    roles = roles_for(user)
    today = timezone.localdate()
    # A draft plan's mandates are proposals under negotiation: nobody answers for them or is late with them yet.
    mandates = (Mandate.objects.active().exclude(plan__status=ConferenceDocument.Status.DRAFT)
                .select_related("plan__conference", "group"))

    def item(mandate: Mandate) -> dict:
        plan = mandate.plan
        label = f"{mandate.label}) {mandate.text}" if mandate.label else mandate.text
        meta = _("%(plan)s, due %(date)s") % {"plan": plan.code or plan.title, "date": date_format(mandate.due_date)} \
            if mandate.due_date else (plan.code or plan.title)
        return {"label": label[:140], "url": mandate.get_absolute_url(), "meta": meta,
                "overdue": mandate.is_overdue_on(today)}

    lists = []
    if roles.is_secretariat:
        lists.append(desk_list(_("Overdue mandates"),
                               mandates.filter(due_date__lt=today).exclude(status=Mandate.Status.DONE)
                               .order_by("due_date", "pk"), item))
    # Those told a mandate is assigned to them find it here: a ministry through its focal points; COSATE, CEATAL
    # and a partner organization through their people (``notices.responsible_people``, ``Roles.speaks_for``).
    if roles.speaks_for:
        title = (_("Mandates your ministry is responsible for") if roles.focal_point_for
                 else _("Mandates your institution is responsible for"))
        lists.append(desk_list(title, mandates.filter(responsible_institutions__in=roles.speaks_for)
                               .exclude(status=Mandate.Status.DONE).distinct()
                               .order_by("due_date", "position", "pk"), item))
    return [section(_("Mandates of the Plan of Action"), lists, order=20),
            _followed_as_authority(user, roles, mandates, item)]


def _followed_as_authority(user, roles, mandates, item) -> dict | None:
    """The mandates of the working groups whose chair or vice-chair is the country of the user's ministry: the
    group's authorities run the follow-up of every mandate of their group (``rules.is_working_group_authority``,
    the same countries), whoever is responsible for each. Those the ministry is responsible for are in the list
    above, and a draft plan's mandates are proposals nobody follows up yet (2 queries: countries, mandates)."""
    countries = authority_countries(user)
    if not countries:
        return None
    followed = (mandates.filter(Q(group__chair__in=countries) | Q(group__vice_chairs__in=countries),
                                plan__archived_at__isnull=True)
                .exclude(plan__status=ConferenceDocument.Status.DRAFT)
                .exclude(status=Mandate.Status.DONE)
                .exclude(pk__in=Mandate.objects.filter(responsible_institutions__in=roles.focal_point_for)
                         .values("pk"))
                .distinct().order_by("due_date", "position", "pk"))
    return section(_("Mandates your ministry follows up"),
                   [desk_list(_("Mandates of the working groups your country chairs or vice-chairs"), followed, item)],
                   order=21)
