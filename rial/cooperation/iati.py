"""Completed cooperation activities as IATI 2.03 activity XML (validated in the tests against the official
schema vendored in ``schemas/iati-2.03``)."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from lxml import etree

from rial.cooperation import exports
from rial.cooperation.models import Activity

# The reporting organisation's identifier in the IATI organisation registry. Set RIAL_IATI_ORG_REF in the
# settings to the OAS's registered identifier before publishing to the IATI Registry.
DEFAULT_ORG_REF = "XM-RIAL-OAS"
ORG_NAME = "Organization of American States (OAS) - Inter-American Network for Labor Administration (RIAL)"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# DAC 5-digit sector 16020: employment creation / labour policy and administrative management.
DAC_SECTOR_LABOUR = "16020"
STATUS = {Activity.State.EXECUTED: "3", Activity.State.COMPLETED: "4"}  # IATI ActivityStatus: finalisation, closed


def org_ref() -> str:
    return getattr(settings, "RIAL_IATI_ORG_REF", DEFAULT_ORG_REF)


def iati_activities():
    """Public activities that took place, with their dates known (IATI requires an activity date)."""
    return (Activity.objects.public().completed().filter(~Q(starts_on=None), ~Q(ends_on=None))
            .select_related("call", "proposal", "first_party__country", "second_party__country")
            .prefetch_related("topics").order_by("starts_on", "pk"))


def _narrative(parent, tag: str, text: str, **attributes):
    element = etree.SubElement(parent, tag, **attributes)
    etree.SubElement(element, "narrative").text = text
    return element


def _activity(root, activity: Activity) -> None:
    node = etree.SubElement(root, "iati-activity", {
        "last-updated-datetime": timezone.now().replace(microsecond=0).isoformat(), XML_LANG: "en",
        "default-currency": "USD"})
    etree.SubElement(node, "iati-identifier").text = f"{org_ref()}-COOP-{activity.pk}"
    _narrative(node, "reporting-org", ORG_NAME, ref=org_ref(), type="40")
    _narrative(node, "title", activity.title)
    description = activity.proposal.objectives if activity.proposal_id else activity.title
    _narrative(node, "description", description, type="1")
    _narrative(node, "participating-org", ORG_NAME, ref=org_ref(), type="40", role="1")
    for party in (activity.first_party, activity.second_party):
        _narrative(node, "participating-org", party.name, type="10", role="4")
    etree.SubElement(node, "activity-status", code=STATUS[activity.state])
    etree.SubElement(node, "activity-date", type="2", **{"iso-date": activity.starts_on.isoformat()})
    etree.SubElement(node, "activity-date", type="4", **{"iso-date": activity.ends_on.isoformat()})
    countries = sorted({activity.first_party.country.iso2, activity.second_party.country.iso2})
    for code in countries:
        etree.SubElement(node, "recipient-country", code=code, percentage=str(round(100 / len(countries), 2)))
    _narrative(node, "sector", "Labour policy and administrative management", vocabulary="1", code=DAC_SECTOR_LABOUR)
    for topic in activity.topics.all():
        _narrative(node, "sector", topic.name, vocabulary="99", code=topic.slug)
    for entry in exports.activity_expenses(activity):
        transaction = etree.SubElement(node, "transaction")
        etree.SubElement(transaction, "transaction-type", code="4")  # expenditure
        etree.SubElement(transaction, "transaction-date", **{"iso-date": entry["date"].isoformat()})
        value = etree.SubElement(transaction, "value", currency=entry["currency"],
                                 **{"value-date": entry["date"].isoformat()})
        value.text = str(entry["amount"])
        _narrative(transaction, "description", entry["description"] or entry["category"])


def activities_xml(activities) -> bytes:
    root = etree.Element("iati-activities", version="2.03",
                         **{"generated-datetime": timezone.now().replace(microsecond=0).isoformat()})
    for activity in activities:
        _activity(root, activity)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
