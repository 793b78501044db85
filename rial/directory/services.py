"""Named writes of the directory: each checks permission, runs in a transaction and leaves an audit row."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction

from rial.core.audit import save_logged
from rial.directory.models import Institution

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
        save_logged(institution, user=user, action="directory.institution.contact_changed")
    logger.info("institution %s contact changed by %s", institution.slug, user)
    return institution
