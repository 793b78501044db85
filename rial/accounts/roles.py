"""The roles of a user, derived from the directory, computed once per request.

A person's roles follow from facts the Secretariat keeps anyway: a current position at the Technical
Secretariat, a ministry, COSATE/CEATAL or a partner organization, and current focal point designations.
Working group authority is added by the conference app from the groups' chairs and vice-chairs.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rial.core import derived
from rial.directory.models import FocalPointDesignation, Institution, Position

ROLE_LABELS = {
    "public": _("Public"),
    "ministry_member": _("Ministry member"),
    "focal_point": _("Focal point"),
    "working_group_authority": _("Working group authority"),
    "social_partner": _("Social partner"),
    "partner_organization": _("Partner organization"),
    "secretariat": _("Technical Secretariat"),
}


@dataclass(frozen=True)
class Roles:
    is_secretariat: bool = False
    member_of: frozenset[int] = field(default_factory=frozenset)          # ministries
    focal_point_for: frozenset[int] = field(default_factory=frozenset)    # ministries
    social_partner_of: frozenset[int] = field(default_factory=frozenset)  # COSATE, CEATAL
    partner_org_of: frozenset[int] = field(default_factory=frozenset)     # ILO, PAHO, …

    @property
    def names(self) -> list[str]:
        names = []
        if self.is_secretariat:
            names.append("secretariat")
        if self.focal_point_for:
            names.append("focal_point")
        if self.member_of:
            names.append("ministry_member")
        if self.social_partner_of:
            names.append("social_partner")
        if self.partner_org_of:
            names.append("partner_organization")
        return names or ["public"]

    @property
    def speaks_for(self) -> frozenset[int]:
        """The institutions this user answers for where one is named (a consultation, a submission): a
        ministry through its focal points; COSATE, CEATAL and a partner organization through the people
        holding a position there (they designate no focal points)."""
        return self.focal_point_for | self.social_partner_of | self.partner_org_of

    @property
    def institution_ids(self) -> frozenset[int]:
        return self.member_of | self.focal_point_for | self.social_partner_of | self.partner_org_of


PUBLIC = Roles()


def roles_for(user) -> Roles:
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC
    cached = getattr(user, "_rial_roles", None)
    if cached is not None:
        return cached
    # Every signed-in request asks (the two-factor check, the header, permissions): read from the directory once
    # per person and day and kept until the next committed write to it (core.derived; positions and designations
    # start and end by date), instead of two joined queries per request.
    roles = derived.for_person_today("roles", lambda: _roles_from_directory(user), user)
    user._rial_roles = roles
    return roles


def _roles_from_directory(user) -> Roles:
    kinds: dict[str, set[int]] = {kind: set() for kind in Institution.Kind.values}
    positions = Position.objects.current().filter(person__user=user, person__archived_at__isnull=True)
    for institution_id, kind in positions.values_list("institution_id", "institution__kind"):
        kinds[kind].add(institution_id)
    focal = FocalPointDesignation.objects.current().filter(person__user=user, person__archived_at__isnull=True)
    return Roles(
        is_secretariat=bool(kinds[Institution.Kind.SECRETARIAT]),
        member_of=frozenset(kinds[Institution.Kind.MINISTRY]),
        focal_point_for=frozenset(focal.values_list("institution_id", flat=True)),
        social_partner_of=frozenset(kinds[Institution.Kind.CONSULTATIVE_BODY]),
        partner_org_of=frozenset(kinds[Institution.Kind.PARTNER]),
    )


def needs_second_factor(user) -> bool:
    """Accounts that can do everything (the Secretariat, Django superusers) must prove a TOTP code."""
    return settings.RIAL_SECRETARIAT_REQUIRES_2FA and user.is_authenticated and (
        user.is_superuser or roles_for(user).is_secretariat)
