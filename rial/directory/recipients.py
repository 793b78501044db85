"""Who receives a message, and in which language: the one place that turns people into recipients.

A person is written to at their own address (else their account's), in the language of their profile
(their account's preferred language), else in their country's language (``Country.language``), else
English. Archived people, people without an address and inactive accounts receive nothing.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings

from rial.core.emails import Recipient
from rial.directory.models import FocalPointDesignation, Institution, Person, Position


def current_focal_points(institution_ids: Iterable[int], on: datetime.date | None = None):
    """The current focal point designations of these institutions whose person is not archived."""
    return (FocalPointDesignation.objects.current(on).filter(institution_id__in=list(institution_ids),
                                                             person__archived_at__isnull=True)
            .select_related("person__user", "institution__country"))


def _country_language(person: Person, fallback_country=None) -> str | None:
    country = fallback_country
    if country is None:
        positions = getattr(person, "current_positions", None)
        if positions is None:
            positions = list(Position.objects.current().filter(person=person).select_related("institution__country"))
        country = next((p.institution.country for p in positions if p.institution.country_id), None)
    return country.language if country is not None else None


def recipient_for_person(person: Person, *, country=None) -> Recipient | None:
    """``person`` as a recipient, or None when they cannot or must not be written to."""
    if person.archived_at is not None:
        return None
    user = person.user
    if user is not None and not user.is_active:
        return None
    email = person.email or (user.email if user is not None else "")
    if not email:
        return None
    language = (user.preferred_language if user is not None else "") or _country_language(person, country)
    return Recipient(email=email, language=language or settings.LANGUAGE_CODE, name=person.full_name,
                     user_id=user.pk if user is not None else None)


def recipient_for_user(user) -> Recipient | None:
    """An account as a recipient (through its person when it has one)."""
    if user is None or not user.is_active:
        return None
    person = getattr(user, "person", None)
    if person is not None:
        return recipient_for_person(person)
    if not user.email:
        return None
    return Recipient(email=user.email, language=user.preferred_language or settings.LANGUAGE_CODE,
                     name=user.get_full_name() or user.username, user_id=user.pk)


def focal_point_recipients(institution_ids: Iterable[int], on: datetime.date | None = None) -> list[Recipient]:
    """Everyone who should hear what is asked of these institutions' focal points, once per address."""
    recipients: dict[str, Recipient] = {}
    for designation in current_focal_points(institution_ids, on):
        recipient = recipient_for_person(designation.person, country=designation.institution.country)
        if recipient is not None:
            recipients.setdefault(recipient.email.lower(), recipient)
    return list(recipients.values())


def people_of(institution_ids: Iterable[int], on: datetime.date | None = None) -> list[Recipient]:
    """Everyone with a current position at these institutions (e.g. COSATE's representatives), once each."""
    positions = (Position.objects.current(on).filter(institution_id__in=list(institution_ids),
                                                     person__archived_at__isnull=True)
                 .select_related("person__user", "institution__country"))
    recipients: dict[str, Recipient] = {}
    for position in positions:
        recipient = recipient_for_person(position.person, country=position.institution.country)
        if recipient is not None:
            recipients.setdefault(recipient.email.lower(), recipient)
    return list(recipients.values())


def secretariat_recipients(on: datetime.date | None = None) -> list[Recipient]:
    """The Technical Secretariat's staff: whoever has a current position there."""
    return people_of(Institution.objects.filter(kind=Institution.Kind.SECRETARIAT).values_list("pk", flat=True), on)


def institution_recipients(institution_ids: Iterable[int], on: datetime.date | None = None) -> list[Recipient]:
    """Who answers for these institutions, once per address: a ministry's focal points (its officials when
    it has none today); COSATE, CEATAL, a partner organization or the Secretariat, which designate no focal
    points, through everyone holding a position there."""
    ids = set(institution_ids)
    ministries = set(Institution.objects.filter(pk__in=ids, kind=Institution.Kind.MINISTRY).values_list("pk", flat=True))
    designations = list(current_focal_points(ministries, on))
    recipients: dict[str, Recipient] = {}
    for designation in designations:
        recipient = recipient_for_person(designation.person, country=designation.institution.country)
        if recipient is not None:
            recipients.setdefault(recipient.email.lower(), recipient)
    # A ministry without a current focal point is still told, through its officials.
    without_focal_point = ministries - {designation.institution_id for designation in designations}
    for recipient in people_of((ids - ministries) | without_focal_point, on):
        recipients.setdefault(recipient.email.lower(), recipient)
    return list(recipients.values())
