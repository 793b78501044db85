"""The four seed Plans of Action saved through the import service: every working group, topic, activity,
authority and deadline ends up in the database (true counts in rial/conference/importer/SEED_COUNTS.md).
"""

import pytest

from rial.conference.importer import uploads
from rial.conference.models import ConferenceDocument, Mandate, WorkingGroup
from rial.conference.plan_import import plan_import

pytestmark = pytest.mark.django_db

# seed: conference, topics per group, activities per group, sub-items, authorities named, deadlines, network
SEEDS = {
    "000": (19, {1: 10, 2: 9}, {1: 10, 2: 11}, 5, 0, 1, 5),
    "001": (14, {1: 9, 2: 4}, {1: 12, 2: 8}, 14, 6, 2, 1),
    "002": (21, {1: 11, 2: 11}, {1: 11, 2: 11}, 0, 0, 2, 5),
    "004": (15, {1: 0, 2: 0}, {1: 11, 2: 14}, 0, 6, 4, 6),
}


def seed_path(seeds_dir, prefix):
    matches = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not present in {seeds_dir}")
    return matches[0]


def import_seed(seeds_dir, prefix, user):
    parsed = uploads.parse_plan_text(uploads.read_text(seed_path(seeds_dir, prefix)))
    return plan_import(parsed=parsed, user=user)


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_plan_saves_every_group_activity_authority_and_deadline(prefix, seeds_dir, secretariat):
    number, topics, activities, items, authorities, deadlines, network = SEEDS[prefix]
    # Forget the reference authorities so the count shows what the plan itself gave.
    for group in WorkingGroup.objects.filter(conference__number=number):
        group.chair = None
        group.save()
        group.vice_chairs.clear()

    outcome = import_seed(seeds_dir, prefix, secretariat)

    plan = outcome.document
    assert plan.conference.number == number and plan.kind == ConferenceDocument.Kind.PLAN_OF_ACTION
    groups = WorkingGroup.objects.filter(conference__number=number).prefetch_related("vice_chairs")
    assert groups.count() == 2
    assert {group.number: len(group.priority_topics) for group in groups} == topics
    mandates = Mandate.objects.filter(plan=plan)
    assert {number_: mandates.filter(group__number=number_, parent__isnull=True).count()
            for number_ in (1, 2)} == activities
    assert mandates.filter(parent__isnull=False).count() == items
    assert sum(len(group.authority_country_ids) for group in groups) == authorities
    assert len(plan.deadlines) == deadlines
    assert mandates.filter(section=Mandate.Section.NETWORK).count() == network
    assert outcome.created == mandates.count()


def test_port_of_spain_authorities_and_due_dates(seeds_dir, secretariat):
    outcome = import_seed(seeds_dir, "004", secretariat)
    group = WorkingGroup.objects.get(conference__number=15, number=1)
    assert group.chair.name == "Brazil"
    assert sorted(country.name for country in group.vice_chairs.all()) == ["Guyana", "United States"]
    with_due = Mandate.objects.filter(plan=outcome.document, due_date__isnull=False)
    assert with_due.exists()
    assert all(mandate.due_text for mandate in with_due)
    assert any(deadline["date"] == "2008-02" for deadline in outcome.document.deadlines)


def test_draft_seed_is_recorded_as_draft_with_its_codes(seeds_dir, secretariat):
    plan = import_seed(seeds_dir, "002", secretariat).document
    assert plan.status == ConferenceDocument.Status.DRAFT
    assert plan.code == "OEA/Ser.K/XII.21.1"
    assert plan.cidi_code == "CIDI/TRABAJO/doc.5/21"
