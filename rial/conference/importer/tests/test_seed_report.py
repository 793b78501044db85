"""The Working Group 2 final report 2016–2017 (seed 003), against counts taken by reading it by hand.

True counts: the introduction lists 9 "·" topics; it names two Working Group meetings (29 June 2016 in
Washington D.C., 28 April 2017 in Asunción), the workshop in San José being a separate event; the meetings
were attended by CEATAL, COSATE, ILO, PAHO, IOM, IDB, the World Bank, OECD, UNICEF, CISS and the OAS (11).
Section III numbers 26 points in one list; only point 4 ("deserves more reflection and debate") is an
issue for further work, the other 25 are consensus. Section IV numbers 12 recommendations.
"""

import pytest

from rial.conference.importer.errors import NotAWorkingGroupReport
from rial.conference.importer.plan import detect_kind
from rial.conference.importer.report import parse_report
from rial.conference.importer.tests.samples import ENGLISH_PLAN, REPORT, seed_text

TRUE_TOPICS = 9
TRUE_MEETINGS = [
    {"date": "2016-06-29", "place": "Washington D.C."},
    {"date": "2017-04-28", "place": "Asuncion"},
]
TRUE_ORGANIZATIONS = [
    "CEATAL",
    "COSATE",
    "ILO",
    "PAHO",
    "IOM",
    "IDB",
    "World Bank",
    "OECD",
    "UNICEF",
    "CISS",
    "OAS",
]
TRUE_CONSENSUS = 25
TRUE_ISSUES = 1
TRUE_RECOMMENDATIONS = 12


@pytest.fixture
def report():
    return parse_report(seed_text("003"))


def test_group_and_period(report):
    assert report["kind"] == "working_group_report"
    assert report["group"] == 2
    assert report["period"] == "2016-2017"


def test_meetings_leave_out_the_workshop(report):
    assert report["meetings"] == TRUE_MEETINGS


def test_organizations(report):
    assert report["organizations"] == TRUE_ORGANIZATIONS


def test_consensus_issues_and_recommendations(report):
    assert len(report["consensus"]) == TRUE_CONSENSUS
    assert len(report["issues_for_further_work"]) == TRUE_ISSUES
    assert report["issues_for_further_work"][0].startswith("Identifying and analyzing")
    assert len(report["recommendations"]) == TRUE_RECOMMENDATIONS
    assert any("in one section" in warning for warning in report["warnings"])


def test_topics(report):
    assert len(report["topics"]) == TRUE_TOPICS
    assert report["topics"][-1] == "Strengthening the Inter-American Network for Labor Administration (RIAL)"


def test_seed_detected_as_report():
    assert detect_kind(seed_text("003")) == "working_group_report"


def test_own_report():
    report = parse_report(REPORT)
    assert report["group"] == 1
    assert report["period"] == "2040-2041"
    assert report["meetings"] == [
        {"date": "2040-06-03", "place": "Kingston"},
        {"date": "2041-03-09", "place": "Lima"},
    ]
    assert report["organizations"] == ["COSATE", "ILO", "World Bank"]
    assert len(report["consensus"]) == 1
    assert report["issues_for_further_work"] == ["How to measure skills gaps deserves more reflection."]
    assert len(report["recommendations"]) == 3
    assert report["topics"] == ["Skills for green jobs", "Youth employment"]
    assert detect_kind(REPORT) == "working_group_report"


def test_a_plan_is_not_a_report():
    with pytest.raises(NotAWorkingGroupReport, match="does not look like a Working Group report"):
        parse_report(ENGLISH_PLAN)
