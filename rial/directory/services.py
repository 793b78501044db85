"""Named writes of the directory: each checks permission, runs in a transaction and leaves an audit row."""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rial.core.audit import save_logged
from rial.directory import actions
from rial.directory.models import FocalPointDesignation, Institution, Person, Position, today

logger = logging.getLogger("rial.directory")

CONTACT_FIELDS = ("website", "email", "phone", "address")


def institution_update_contact(*, institution: Institution, user, data: dict) -> Institution:
    """Change an institution's contact details. ``data`` holds only CONTACT_FIELDS, already validated."""
    if not user.has_perm("directory.change_institution", institution):
        raise PermissionDenied
    unknown = set(data) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Not contact fields: {sorted(unknown)}")
    with transaction.atomic():
        for name, value in data.items():
            setattr(institution, name, value)
        institution.full_clean()
        save_logged(institution, user=user, action=actions.INSTITUTION_CONTACT_CHANGED)
    logger.info("institution %s contact changed by %s", institution.slug, user)
    return institution


def focal_point_designate(*, institution: Institution, person: Person, since: datetime.date, user,
                          note: str = "") -> FocalPointDesignation:
    """Designate a colleague as focal point of ``institution`` (its focal points and the Secretariat)."""
    if not user.has_perm("directory.add_focalpointdesignation", institution):
        raise PermissionDenied
    with transaction.atomic():
        if not Position.objects.current().filter(person=person, institution=institution).exists():
            raise ValidationError({"person": _("Only a person who works at this institution can be its focal point.")})
        if FocalPointDesignation.objects.current().filter(person=person, institution=institution).exists():
            raise ValidationError({"person": _("This person is already a focal point of this institution.")})
        designation = FocalPointDesignation(institution=institution, person=person, since=since, note=note,
                                            designated_by=user)
        designation.full_clean()
        save_logged(designation, user=user, action=actions.FOCAL_POINT_DESIGNATED)
    logger.info("%s designated focal point of %s by %s", person, institution.slug, user)
    return designation


def focal_point_end(*, designation: FocalPointDesignation, user, until: datetime.date | None = None
                    ) -> FocalPointDesignation:
    """End a designation (it stays in the record: nothing is deleted)."""
    if not user.has_perm("directory.change_focalpointdesignation", designation):
        raise PermissionDenied
    until = until or today()
    with transaction.atomic():
        designation = FocalPointDesignation.objects.select_for_update().get(pk=designation.pk)
        if designation.until is not None and designation.until < today():
            raise ValidationError(_("This designation has already ended."))
        if until < designation.since:
            raise ValidationError(_("A designation cannot end before it started."))
        designation.until = until
        save_logged(designation, user=user, action=actions.FOCAL_POINT_ENDED)
    logger.info("focal point designation %s ended by %s", designation.pk, user)
    return designation
