"""Who may do what with events. Pages, API, admin and exports all ask these."""

import rules

from rial.accounts.roles import roles_for
from rial.accounts.rules import is_focal_point_of_owner, is_secretariat, is_signed_in, secretariat_manages


@rules.predicate
def is_focal_point_of(user, institution) -> bool:
    return institution is not None and institution.pk in roles_for(user).focal_point_for


@rules.predicate
def is_registrant(user, registration) -> bool:
    """The person registered, or the account that registered them (a focal point for their delegation)."""
    if registration is None or not user.is_authenticated:
        return False
    person = getattr(user, "person", None)
    return registration.registered_by_id == user.pk or (
        person is not None and registration.person_id == person.pk)


for _model in ("event", "organizer", "recording", "registration", "evaluation"):
    secretariat_manages(f"events.{_model}")
# Anyone signed in registers themselves; a focal point registers their own ministry's delegation.
rules.add_perm("events.register", is_signed_in)
rules.add_perm("events.register_delegation", is_secretariat | is_focal_point_of)
rules.add_perm("events.see_registration", is_secretariat | is_registrant | is_focal_point_of_owner)
rules.add_perm("events.cancel_registration", is_secretariat | is_registrant | is_focal_point_of_owner)
# Official delegations are confirmed by the Secretariat (they come through the Permanent Missions).
rules.add_perm("events.confirm_registration", is_secretariat)
rules.add_perm("events.manage_event", is_secretariat)
