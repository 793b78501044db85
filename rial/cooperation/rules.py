"""Who may do what in bilateral cooperation (django-rules, asked through ``user.has_perm``)."""

import rules

from rial.accounts.roles import roles_for
from rial.accounts.rules import is_focal_point, is_focal_point_of_owner, is_secretariat, secretariat_manages


@rules.predicate
def is_focal_point_of_provider(user, proposal) -> bool:
    return proposal is not None and proposal.providing_id in roles_for(user).focal_point_for


@rules.predicate
def is_party_focal_point(user, record) -> bool:
    """A focal point of any ministry taking part (a proposal or an activity)."""
    return record is not None and bool(record.party_ids() & roles_for(user).focal_point_for)


@rules.predicate
def is_party_member(user, record) -> bool:
    roles = roles_for(user)
    return record is not None and bool(record.party_ids() & (roles.focal_point_for | roles.member_of))


@rules.predicate
def is_named_evaluator(user, call) -> bool:
    """Named by the Secretariat to evaluate a call that the authorities evaluate too."""
    return (call is not None and user.is_authenticated and call.authorities_evaluate
            and call.authority_evaluators.filter(pk=user.pk).exists())


@rules.predicate
def is_the_participant_or_their_focal_point(user, participant) -> bool:
    """The participant themselves (the account's email is the one they registered with) or a focal point of
    their ministry: they answer the questionnaire and download the certificate."""
    if participant is None or not user.is_authenticated:
        return False
    own = bool(participant.email) and bool(user.email) and user.email.lower() == participant.email.lower()
    return own or participant.institution_id in roles_for(user).focal_point_for


@rules.predicate
def is_published_result(user, proposal) -> bool:
    return proposal is not None and proposal.call.results_public and proposal.state == "selected"


for _model in ("cooperation.call", "cooperation.destinationrate", "cooperation.activity",
               "cooperation.evaluation", "cooperation.participant", "cooperation.questionnaireanswer"):
    secretariat_manages(_model)
rules.add_perm("cooperation.add_proposal", is_secretariat | is_focal_point)
rules.add_perm("cooperation.change_proposal", is_secretariat | is_focal_point_of_owner)
rules.add_perm("cooperation.view_proposal", is_secretariat | is_party_member | is_published_result)
rules.add_perm("cooperation.delete_proposal", is_secretariat)
rules.add_perm("cooperation.confirm_commitment", is_focal_point_of_provider)
# Evaluating: the object is the call (conflicts of interest are checked per proposal in the service).
rules.add_perm("cooperation.evaluate_call", is_secretariat | is_named_evaluator)
rules.add_perm("cooperation.manage_call", is_secretariat)
rules.add_perm("cooperation.manage_activity", is_secretariat)
rules.add_perm("cooperation.file_report", is_secretariat | is_party_focal_point)
rules.add_perm("cooperation.record_outcome", is_secretariat | is_party_focal_point)
rules.add_perm("cooperation.view_activity_private", is_secretariat | is_party_member)
rules.add_perm("cooperation.act_for_participant", is_secretariat | is_the_participant_or_their_focal_point)
for _model in ("report", "outcome"):
    rules.add_perm(f"cooperation.add_{_model}", is_secretariat | is_focal_point)
    rules.add_perm(f"cooperation.change_{_model}", is_secretariat | is_focal_point_of_owner)
    rules.add_perm(f"cooperation.view_{_model}", is_secretariat)
    rules.add_perm(f"cooperation.delete_{_model}", is_secretariat)
