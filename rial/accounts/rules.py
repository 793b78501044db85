"""The permission rules, written once. Pages, API, admin and exports all ask ``user.has_perm(perm, obj)``.

Every record that belongs to a ministry answers ``owner_institution_id``; a focal point may change
records whose owner is a ministry they act for, and nothing else. The Secretariat may do everything.
Apps add their own permissions in their ``rules.py`` from the predicates below.
"""

import rules

from rial.accounts.roles import roles_for


@rules.predicate
def is_secretariat(user) -> bool:
    return roles_for(user).is_secretariat


@rules.predicate
def is_focal_point_of_owner(user, obj) -> bool:
    owner = getattr(obj, "owner_institution_id", None)
    return owner is not None and owner in roles_for(user).focal_point_for


@rules.predicate
def is_focal_point(user) -> bool:
    return bool(roles_for(user).focal_point_for)


@rules.predicate
def is_member_of_owner(user, obj) -> bool:
    owner = getattr(obj, "owner_institution_id", None)
    return owner is not None and owner in (roles_for(user).member_of | roles_for(user).focal_point_for)


def speaks_for_one_of(user, institution_ids) -> bool:
    """The one rule for "an institution named in a record acts on it": does ``user`` answer for one of
    ``institution_ids`` (see ``Roles.speaks_for``)? Apps build their predicates on it."""
    return bool(set(institution_ids) & roles_for(user).speaks_for)


@rules.predicate
def speaks_for_owner(user, obj) -> bool:
    """The record's owner (``owner_institution_id``) is an institution this user answers for."""
    owner = getattr(obj, "owner_institution_id", None)
    return owner is not None and speaks_for_one_of(user, [owner])


@rules.predicate
def speaks_for_an_institution(user) -> bool:
    return bool(roles_for(user).speaks_for)


@rules.predicate
def is_network_participant(user) -> bool:
    """The one rule for "a participant of the network": the Secretariat, and whoever holds a current position
    at one of its institutions — a ministry (members and focal points), COSATE, CEATAL, a partner
    organization. The restricted circle of the conference's negotiations (a draft Plan of Action, the draft
    forum) and of internal evidence; an account with no such position is no participant."""
    roles = roles_for(user)
    return roles.is_secretariat or bool(roles.institution_ids)


@rules.predicate
def is_signed_in(user) -> bool:
    return user.is_authenticated


def secretariat_manages(model_label: str) -> None:
    """Only the Secretariat adds, changes, deletes and sees (in the admin) records of this model."""
    app_label, model_name = model_label.split(".")
    for action in ("add", "change", "delete", "view"):
        rules.add_perm(f"{app_label}.{action}_{model_name}", is_secretariat)


# Directory: focal points keep their own ministry's contact details and focal points; the rest is the
# Secretariat's. Deleting stays with the Secretariat (everyone else archives).
rules.add_perm("directory.change_institution", is_secretariat | is_focal_point_of_owner)
rules.add_perm("directory.add_focalpointdesignation", is_secretariat | is_focal_point_of_owner)
rules.add_perm("directory.change_focalpointdesignation", is_secretariat | is_focal_point_of_owner)
for _label in ("directory.country", "directory.institutionname", "directory.person", "directory.position"):
    secretariat_manages(_label)
for _action in ("add", "delete", "view"):
    rules.add_perm(f"directory.{_action}_institution", is_secretariat)
rules.add_perm("directory.delete_focalpointdesignation", is_secretariat)
rules.add_perm("directory.view_focalpointdesignation", is_secretariat)

# Accounts and the audit trail.
secretariat_manages("accounts.user")
secretariat_manages("accounts.apitoken")
rules.add_perm("core.view_history", is_secretariat)
rules.add_perm("core.restore_history", is_secretariat)
rules.add_perm("accounts.use_admin", is_secretariat)
# How people receive notification emails: each person on their own settings page; the Secretariat in the admin.
secretariat_manages("notifications.notificationsettings")
