"""Who may do what in the conference cycle.

The Secretariat records conferences, imports plans and follows up every mandate. A *working group
authority* is a user of a ministry whose country chairs or vice-chairs a group: they follow up that
group's mandates (status, progress, reports, evidence). Evidence marked internal, and a draft Plan of Action
with its mandates, are for the network's participants (``accounts.rules.is_network_participant``); the public
sees public evidence and adopted plans only.
"""

import rules

from rial.accounts.roles import roles_for
from rial.accounts.rules import is_network_participant, is_secretariat, secretariat_manages
from rial.directory.models import Institution


def authority_countries(user) -> frozenset[int]:
    """The countries whose ministries the user acts for (member or focal point), cached on the user."""
    cached = getattr(user, "_rial_authority_countries", None)
    if cached is not None:
        return cached
    roles = roles_for(user)
    ministries = roles.member_of | roles.focal_point_for
    countries = frozenset(
        Institution.objects.filter(pk__in=ministries, kind=Institution.Kind.MINISTRY, country__isnull=False)
        .values_list("country_id", flat=True)
    ) if ministries else frozenset()
    user._rial_authority_countries = countries
    return countries


def group_of(obj):
    """The working group a mandate, a report, an evidence row or a group itself belongs to."""
    obj = getattr(obj, "mandate", obj)
    return getattr(obj, "group", obj)


@rules.predicate
def is_working_group_authority(user, obj) -> bool:
    """The user's ministry's country chairs or vice-chairs the group of ``obj``."""
    if obj is None or not user.is_authenticated:
        return False
    group = group_of(obj)
    if group is None or not hasattr(group, "authority_country_ids"):
        return False
    countries = authority_countries(user)
    return bool(countries) and bool(countries & group.authority_country_ids)


@rules.predicate
def is_not_a_draft_plan(user, obj) -> bool:
    """``obj`` (a plan, or a mandate of one) is not a draft Plan of Action."""
    plan = getattr(obj, "plan", obj)
    return plan is not None and not plan.is_draft_plan


follows_up = is_secretariat | is_working_group_authority

for _label in ("conference.conference", "conference.troika", "conference.conferencedocument",
               "conference.workinggroup"):
    secretariat_manages(_label)
for _action in ("add", "delete", "view"):
    rules.add_perm(f"conference.{_action}_mandate", is_secretariat)
rules.add_perm("conference.change_mandate", is_secretariat)
rules.add_perm("conference.import_plan", is_secretariat)
rules.add_perm("conference.follow_up_mandate", follows_up)
rules.add_perm("conference.add_progressreport", follows_up)
rules.add_perm("conference.add_evidence", follows_up)
for _model in ("progressreport", "evidence"):
    for _action in ("change", "delete", "view"):
        rules.add_perm(f"conference.{_action}_{_model}", is_secretariat)
rules.add_perm("conference.view_internal_evidence", is_network_participant)
# A draft Plan of Action is under negotiation among the network's participants: they read it and all under it
# (its page, mandates, file); for anyone else it does not exist (404) until it is adopted. See
# ``ConferenceDocument.is_visible_to`` and ``Mandate.objects.visible_to``.
rules.add_perm("conference.view_draft_plan", is_network_participant)
rules.add_perm("conference.view_plan", is_not_a_draft_plan | is_network_participant)
