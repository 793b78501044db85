"""What cooperation adds to the pages of lower apps: a program's uptake, a country's and a topic's activities,
and what waits on a person's desk."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.cooperation.models import Activity, Call, Outcome, Proposal
from rial.core.desk import desk_list, section


def program_section(program):
    """Where a portfolio program was taken up: published proposals drawing on it, outcomes adopting it."""
    proposals = list(Proposal.objects.published().filter(program=program).select_related("requesting__country"))
    outcomes = list(Outcome.objects.filter(adopted_program=program, activity__in=Activity.objects.public())
                    .select_related("institution__country", "activity"))
    if not proposals and not outcomes:
        return None
    return {"title": _("Cooperation based on this program"), "template": "cooperation/sections/program.html",
            "context": {"proposals": proposals, "outcomes": outcomes}, "order": 50}


def country_section(country):
    activities = list(Activity.objects.public().exclude(state=Activity.State.CANCELLED)
                      .filter(Q(first_party__country=country) | Q(second_party__country=country))
                      .select_related("first_party__country", "second_party__country").order_by("-year", "title"))
    if not activities:
        return None
    return {"title": _("Bilateral cooperation"), "template": "cooperation/sections/activities.html",
            "context": {"activities": activities}, "order": 50}


def topic_section(topic):
    activities = list(Activity.objects.public().exclude(state=Activity.State.CANCELLED)
                      .filter(Q(topics=topic) | Q(topics__parent=topic)).distinct()
                      .select_related("first_party__country", "second_party__country").order_by("-year", "title"))
    if not activities:
        return None
    return {"title": _("Bilateral cooperation"), "template": "cooperation/sections/activities.html",
            "context": {"activities": activities}, "order": 50}


def public_desk_section(user) -> dict | None:
    """The Secretariat: closed calls with proposals to evaluate; a focal point: the open calls, the
    proposals naming their ministry as provider that wait for its confirmation, and its draft proposals
    (one query per list)."""
    roles = roles_for(user)
    today = timezone.localdate()

    def call_item(call: Call) -> dict:
        return {"label": str(call), "url": call.get_absolute_url(),
                "meta": _("closes %(date)s") % {"date": date_format(call.closes_on)} if call.closes_on else ""}

    def proposal_item(proposal: Proposal) -> dict:
        return {"label": proposal.title, "url": proposal.get_absolute_url(), "demo": proposal.is_demo,
                "meta": f"{proposal.requesting} → {proposal.providing}"}

    lists = []
    if roles.is_secretariat:
        to_evaluate = (Call.objects.filter(state=Call.State.CLOSED)
                       .annotate(waiting=Count("proposals", filter=Q(proposals__state=Proposal.State.SUBMITTED,
                                                                    proposals__commitment_confirmed_at__isnull=False)))
                       .filter(waiting__gt=0).order_by("number"))
        lists.append(desk_list(_("Proposals to evaluate"), to_evaluate, lambda call: {
            "label": str(call), "url": reverse("cooperation:evaluation", kwargs={"number": call.number}),
            "meta": _("%(count)s proposals") % {"count": call.waiting}}))
    if roles.focal_point_for:
        open_calls = Call.objects.filter(state=Call.State.OPEN).filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
        proposals = Proposal.objects.select_related("requesting__country", "providing__country")
        lists += [
            desk_list(_("Open calls for proposals"), open_calls.order_by("closes_on", "number"), call_item),
            desk_list(_("Proposals naming your ministry as provider, waiting for its confirmation"),
                      proposals.filter(providing__in=roles.focal_point_for, commitment_confirmed_at__isnull=True,
                                       state__in=[Proposal.State.DRAFT, Proposal.State.SUBMITTED],
                                       call__in=open_calls).order_by("pk"), proposal_item),
            desk_list(_("Draft proposals of your ministry"),
                      proposals.filter(requesting__in=roles.focal_point_for, state=Proposal.State.DRAFT,
                                       call__in=open_calls).order_by("pk"), proposal_item),
        ]
    return section(_("Cooperation"), lists, order=30)
