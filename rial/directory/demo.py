"""Reference data of the directory (real facts with their sources) and demo people (marked as demo)."""

import base64
import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from rial.core.languages import LANGUAGE_CODES
from rial.core.reference import data_rows, optional_date, sync
from rial.directory.models import (
    Country,
    FocalPointDesignation,
    Institution,
    InstitutionName,
    Person,
    Position,
)

DATA = Path(__file__).resolve().parent / "data"


def ministry_slug(iso2: str) -> str:
    return f"ministry-{iso2.lower()}"


@transaction.atomic
def load_reference() -> str:
    for row in data_rows(DATA / "countries.csv"):
        sync(Country, {"iso2": row["iso2"]}, {
            **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGUAGE_CODES},
            "language": row["language"],
            "kind": row["kind"],
            "joined_oas": int(row["joined_oas"]) if row["joined_oas"] else None,
            "oas_status": row["oas_status"],
            "status_note_en": row["status_note"],
            "status_note_es": row["status_note_es"],
            "status_note_pt": row["status_note_pt"],
            "status_note_fr": row["status_note_fr"],
            "source": row["source"],
            "verified": row["verified"] == "1",
        })
    countries = {country.iso2: country for country in Country.objects.all()}
    for row in data_rows(DATA / "organizations.csv"):
        sync(Institution, {"slug": row["slug"]}, {
            "kind": row["kind"], "website": row["website"],
            **{f"{field}_{lang}": row[f"{field}_{lang}"] for field in ("name", "acronym") for lang in LANGUAGE_CODES},
            "source": row["source"], "verified": row["verified"] == "1",
        })
    for row in data_rows(DATA / "ministries.csv"):
        language = row["language"]
        # The official name, in the country's language, is the name; the other languages show it through the
        # fallback. A translation appears only where the file holds one: an English rendering (for a language
        # the site does not offer) or a descriptive label standing in for a name not yet checked.
        names = {f"name_{lang}": row[f"name_{lang}"] for lang in LANGUAGE_CODES}
        if language in LANGUAGE_CODES:
            names[f"name_{language}"] = row["official_name"]
        ministry, _changed = sync(Institution, {"slug": ministry_slug(row["country_iso2"])}, {
            "kind": Institution.Kind.MINISTRY, "country": countries[row["country_iso2"]],
            "source": row["source"], "verified": row["verified"] == "1", **names,
        })
        sync(InstitutionName, {"institution": ministry, "name": row["official_name"]}, {
            "language": language, "valid_from": optional_date(row["official_name_since"]), "valid_until": None,
            "source": row["source"], "verified": row["verified"] == "1",
        })
    # Names a ministry bore before (governments rename and merge ministries), with their end date: older
    # records and documents name the ministry as it was called then, and its page lists both.
    for row in data_rows(DATA / "ministry_former_names.csv"):
        sync(InstitutionName, {"institution": Institution.objects.get(slug=ministry_slug(row["country_iso2"])),
                               "name": row["name"]}, {
            "language": row["language"], "valid_from": optional_date(row["valid_from"]),
            "valid_until": optional_date(row["valid_until"]), "source": row["source"],
            "verified": row["verified"] == "1",
        })
    return f"{len(countries)} countries and territories, {Institution.objects.count()} institutions"


# One demo account per role. Names say DEMO so nobody mistakes them for real officials.
DEMO_PASSWORD = "demo-rial-2026"  # noqa: S105 - printed on purpose: local demonstration accounts
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"  # RFC 6238 test key, for the demo only
DEMO_PEOPLE = [
    # username, full name, institution slug, position title, focal point?
    ("demo-secretariat", "DEMO Secretariat Officer", "oas-technical-secretariat", "Program officer", False),
    ("demo-focal-cl", "DEMO Focal Point Chile", ministry_slug("CL"), "International affairs adviser", True),
    ("demo-focal-br", "DEMO Focal Point Brazil", ministry_slug("BR"), "International affairs adviser", True),
    ("demo-member-co", "DEMO Official Colombia", ministry_slug("CO"), "Labor inspection analyst", False),
    ("demo-cosate", "DEMO COSATE Representative", "cosate", "Representative", False),
    ("demo-ceatal", "DEMO CEATAL Representative", "ceatal", "Representative", False),
    ("demo-ilo", "DEMO ILO Specialist", "ilo", "Labor administration specialist", False),
]
DEMO_START = datetime.date(2025, 1, 1)


@transaction.atomic
def load_demo() -> list[tuple[str, str]]:
    User = get_user_model()
    accounts = []
    for username, full_name, slug, title, is_focal in DEMO_PEOPLE:
        first, _, last = full_name.partition(" ")
        user, created = User.objects.get_or_create(username=username, defaults={
            "first_name": first, "last_name": last, "email": f"{username}@demo.rial.invalid"})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        institution = Institution.objects.get(slug=slug)
        person, _changed = sync(Person, {"user": user}, {
            "full_name": full_name, "email": user.email, "is_demo": True})
        Position.objects.get_or_create(person=person, institution=institution, defaults={
            "title": title, "start": DEMO_START})
        if is_focal:
            FocalPointDesignation.objects.get_or_create(person=person, institution=institution, defaults={
                "since": DEMO_START, "note": "DEMO designation"})
        if slug == "oas-technical-secretariat" and not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            TOTPDevice.objects.get_or_create(user=user, name="demo", defaults={
                "key": DEMO_TOTP_KEY, "confirmed": True})
        accounts.append((username, title + " — " + str(institution)))
    return accounts


def demo_totp_base32() -> str:
    return base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()


def demo_notes() -> list[str]:
    """What `load_demo` prints after the demo accounts: how to sign in with them."""
    return [
        f"Password for all: {DEMO_PASSWORD}",
        "The Secretariat account asks for a TOTP code: `python manage.py demo_totp` prints the current one "
        f"(demo key, base32 {demo_totp_base32()}).",
    ]
