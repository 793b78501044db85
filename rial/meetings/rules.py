"""Who may do what in the meetings app. Every page, API endpoint, admin screen and export asks these."""

import rules

from rial.accounts.roles import roles_for
from rial.accounts.rules import is_network_participant, is_secretariat, secretariat_manages, speaks_for_one_of
from rial.conference.rules import authority_countries


def _groups_led(user, groups) -> bool:
    countries = authority_countries(user)
    return bool(countries) and any(group.authority_country_ids & countries for group in groups)


@rules.predicate
def is_authority_of_meeting(user, meeting) -> bool:
    """An official of a ministry chairing or vice-chairing one of the meeting's working groups (the same
    rule as the conference app's working group authority)."""
    if meeting is None or meeting.pk is None:
        return False
    return _groups_led(user, meeting.working_groups.prefetch_related("vice_chairs"))


@rules.predicate
def is_authority_of_report(user, report) -> bool:
    return report is not None and report.group_id is not None and _groups_led(user, [report.group])


@rules.predicate
def is_published(user, obj) -> bool:
    return obj is not None and getattr(obj, "is_published", False) and obj.archived_at is None


@rules.predicate
def is_delegation(user) -> bool:
    roles = roles_for(user)
    return bool(roles.member_of | roles.focal_point_for)


@rules.predicate
def is_consulted_authority(user, consultation) -> bool:
    """Someone who answers for one of the institutions the consultation was put to: a ministry's focal
    point, a representative of COSATE, CEATAL or a partner organization."""
    if consultation is None:
        return False
    return speaks_for_one_of(user, [institution.pk for institution in consultation.consulted.all()])


@rules.predicate
def is_final_report(user, report) -> bool:
    return report is not None and report.status == "final"


# Meetings: the public reads what is published; the Secretariat keeps the records.
rules.add_perm("meetings.view_meeting", is_secretariat | is_published | is_authority_of_meeting)
for _model in ("meeting", "participant", "guidingquestion", "meetingdocument", "conclusion", "workplan",
               "workplanrevision", "plannedactivity", "consultationanswer", "forumparagraph", "forumcomment",
               "delegationanswer"):
    for _action in ("add", "change", "delete"):
        rules.add_perm(f"meetings.{_action}_{_model}", is_secretariat)
# The working group's authorities run their group's meetings (the Secretariat adds and deletes them).
rules.set_perm("meetings.change_meeting", is_secretariat | is_authority_of_meeting)
for _model in ("participant", "guidingquestion", "meetingdocument", "conclusion", "workplanrevision",
               "plannedactivity", "consultationanswer", "forumparagraph", "forumcomment", "delegationanswer"):
    rules.add_perm(f"meetings.view_{_model}", is_secretariat)
rules.add_perm("meetings.view_workplan", rules.always_allow)
# A delegation writes its own answers to guiding questions (the service checks which institution).
rules.add_perm("meetings.answer_question", is_secretariat | is_delegation)

# Electronic consultations: the Secretariat puts and closes them; the consulted authorities answer.
secretariat_manages("meetings.consultation")
rules.add_perm("meetings.answer_consultation", is_secretariat | is_consulted_authority)
rules.add_perm("meetings.see_consultation", is_secretariat | is_consulted_authority)

# The draft negotiation forum is restricted to the delegations, consultative bodies and partners.
secretariat_manages("meetings.draftforum")
rules.add_perm("meetings.take_part_in_forum", is_network_participant)
rules.add_perm("meetings.compile_forum", is_secretariat)

# Working group final reports: drafted by the Secretariat, edited with the group's authorities; final
# reports are public.
for _action in ("add", "delete"):
    rules.add_perm(f"meetings.{_action}_workinggroupreport", is_secretariat)
rules.add_perm("meetings.change_workinggroupreport", is_secretariat | is_authority_of_report)
rules.add_perm("meetings.view_workinggroupreport", is_secretariat | is_final_report | is_authority_of_report)
rules.add_perm("meetings.carry_recommendations", is_secretariat)
