"""The four Plans of Action among the seeds, against counts established by reading each one by hand.

How the true counts were taken: topics are the bullets under a group's "following (priority) topics"
paragraph; activities are the lettered entries under its activities paragraph(s), a label reused later
in the section counting again; items are the bullets under one activity; network actions are the
entries of the list introduced by "The RIAL will carry out / pursue the following ..." in the RIAL
section; deadlines are the phrases "by <month> <year>", "no later than ...", "at least ... before the
<next> conference". An authority slot written as COUNTRY, *** or ***** is a placeholder (null).
"""

import time

import pytest

from rial.conference.importer.plan import detect_kind, parse_plan
from rial.conference.importer.tests.samples import countries, parsed_json, seed_text

# Seed 000, draft Plan of Action of Cancún (XIX IACML, 2015).
# WG1: paragraph 5 has 10 "·" topics, paragraph 6 has activities a–j (10).
# WG2: paragraph 7 has 9 "·" topics, paragraph 8 has activities a–k (11); j has 5 "·" sub-bullets.
# Authorities: paragraph 10 writes COUNTRY in all six slots. Troika: Mexico, previous Colombia, future
# "*****". Deadlines: "no later than March 2016" only. RIAL: paragraph 16 lists 5 "·" actions.
CANCUN = {
    "seed": "000",
    "conference": {"number": "XIX", "city": "Cancún", "year": 2015},
    "troika": ("Mexico", "Colombia", None),
    "topics": {1: 10, 2: 9},
    "activities": {1: 10, 2: 11},
    "authorities": {1: (None, [None, None]), 2: (None, [None, None])},
    "placeholders": 7,  # six "COUNTRY" slots and the future chair "*****"
    "deadlines": [("no later than March 2016", "2016-03")],
    "network_actions": 5,
}

# Seed 001, Plan of Action of Mexico (XIV IACML, 2005).
# WG1: paragraph 6 has 9 "·" topics, paragraph 7 activities a–l (12).
# WG2: paragraph 9 has 4 "·" topics; paragraph 10 activities a–f, then one "a." under "With regard to
# promotion of the ILO Declaration" and one "a." under "With regard to identification of the best means"
# (8 in all). Sub-bullets: a 4, b 3, c 0, d 2, e 3, f 2, a 0, a 0.
# Authorities: paragraph 11, Argentina (Chair), Costa Rica and Chile (Vice Chairs); El Salvador (Chair),
# Uruguay and the United States (Vice Chairs). Troika: Mexico, former Brazil, future Trinidad and Tobago.
# Deadlines: "by February 2006" and "at least twice before the XV Inter-American Conference ...".
# No RIAL section: the network appears once, as WG2's last activity (a network under discussion).
MEXICO = {
    "seed": "001",
    "conference": {"number": "XIV", "city": "Mexico City", "year": 2005},
    "troika": ("Mexico", "Brazil", "Trinidad and Tobago"),
    "topics": {1: 9, 2: 4},
    "activities": {1: 12, 2: 8},
    "authorities": {
        1: ("Argentina", ["Costa Rica", "Chile"]),
        2: ("El Salvador", ["Uruguay", "United States"]),
    },
    "placeholders": 0,
    "deadlines": [
        ("by February 2006", "2006-02"),
        ("at least twice before the XV Inter-American Conference of Ministers of Labor", None),
    ],
    "network_actions": 1,
}
MEXICO_WG2_ITEMS = [("a", 4), ("b", 3), ("c", 0), ("d", 2), ("e", 3), ("f", 2), ("a", 0), ("a", 0)]

# Seed 002, draft Plan of Action of Buenos Aires (XXI IACML, 2021, held virtually).
# WG1: paragraph 6 has 11 "-" topics, paragraph 7 activities a)–k) (11).
# WG2: paragraph 8 has 11 "-" topics, paragraph 9 activities "- a)"…"- c)" then d)–k) (11).
# Authorities: paragraph 10 writes *** in all six slots. Troika: Argentina, previous Barbados; the future
# Chair is mentioned without a name. Deadlines: "no later than February 2022" and "at least one meeting of
# the Working Groups before the XXII IACML". RIAL: paragraph 15 lists 5 "-" actions (paragraph 14's
# i.–iv. are the conference's determinations, not the network's actions).
BUENOS_AIRES = {
    "seed": "002",
    "conference": {"number": "XXI", "city": "Buenos Aires", "year": 2021},
    "troika": ("Argentina", "Barbados", None),
    "topics": {1: 11, 2: 11},
    "activities": {1: 11, 2: 11},
    "authorities": {1: (None, [None, None]), 2: (None, [None, None])},
    "placeholders": 6,
    "deadlines": [
        ("no later than February 2022", "2022-02"),
        ("at least one meeting of the Working Groups before the XXII IACML", None),
    ],
    "network_actions": 5,
}

# Seed 004, Plan of Action of Port of Spain (XV IACML, 2007).
# WG1: no topic list; paragraph 6 activities a–k (11). WG2: no topic list; paragraph 8 activities a–n (14).
# Authorities: paragraph 9, Brazil (Chair), United States and Guyana (Vice Chairs); El Salvador (Chair),
# Uruguay and Canada (Vice Chairs). Troika: Trinidad and Tobago, former Mexico, future Argentina.
# Deadlines: "by no later than 2020" (WG2 h, child labour), "by February 2008" (paragraph 10), "at least
# twice before the XVI ..." (paragraph 10), "by February 2008" again (paragraph 15). RIAL: paragraph 13
# lists activities a–f (6).
PORT_OF_SPAIN = {
    "seed": "004",
    "conference": {"number": "XV", "city": "Port of Spain", "year": 2007},
    "troika": ("Trinidad and Tobago", "Mexico", "Argentina"),
    "topics": {1: 0, 2: 0},
    "activities": {1: 11, 2: 14},
    "authorities": {1: ("Brazil", ["United States", "Guyana"]), 2: ("El Salvador", ["Uruguay", "Canada"])},
    "placeholders": 0,
    "deadlines": [
        ("by no later than 2020", "2020"),
        ("by February 2008", "2008-02"),
        ("at least twice before the XVI Inter-American Conference of Ministers of Labor", None),
        ("by February 2008", "2008-02"),
    ],
    "network_actions": 6,
}

SEEDS = [CANCUN, MEXICO, BUENOS_AIRES, PORT_OF_SPAIN]
IDS = ["000-cancun", "001-mexico", "002-buenos-aires", "004-port-of-spain"]


def _parse(seed: dict) -> dict:
    return parsed_json(seed_text(seed["seed"]))


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_conference_and_troika(seed):
    plan = _parse(seed)
    assert plan["kind"] == "plan_of_action"
    assert plan["language"] == "en"
    assert plan["conference"] == seed["conference"]
    assert (plan["chair"], plan["previous_chair"], plan["next_chair"]) == seed["troika"]


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_working_group_counts(seed):
    groups = {group["number"]: group for group in _parse(seed)["working_groups"]}
    assert sorted(groups) == [1, 2]
    assert {n: len(g["topics"]) for n, g in groups.items()} == seed["topics"]
    assert {n: len(g["activities"]) for n, g in groups.items()} == seed["activities"]
    for group in groups.values():
        assert group["title"], "every group keeps its title"


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_authorities_and_placeholders(seed):
    plan = _parse(seed)
    found = {g["number"]: (g["chair"], g["vice_chairs"]) for g in plan["working_groups"]}
    assert found == seed["authorities"]
    placeholder_warnings = [w for w in plan["warnings"] if "not named yet (placeholder" in w]
    assert len(placeholder_warnings) == seed["placeholders"]


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_deadlines(seed):
    deadlines = [(d["text"], d["date"]) for d in _parse(seed)["deadlines"]]
    assert deadlines == seed["deadlines"]


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_network_actions(seed):
    assert len(_parse(seed)["network_actions"]) == seed["network_actions"]


def test_cancun_placeholders_are_named_by_role():
    warnings = _parse(CANCUN)["warnings"]
    assert "The future chair is not named yet (placeholder '*****')." in warnings
    assert "The chair of Working Group 1 is not named yet (placeholder 'COUNTRY')." in warnings


def test_cancun_sub_bullets_stay_with_their_activity():
    wg2 = _parse(CANCUN)["working_groups"][1]
    assert [len(a["items"]) for a in wg2["activities"]] == [0] * 9 + [5, 0]


def test_mexico_labels_and_items_of_working_group_2():
    wg2 = _parse(MEXICO)["working_groups"][1]
    assert [(a["label"], len(a["items"])) for a in wg2["activities"]] == MEXICO_WG2_ITEMS
    # "a." alone on its line, text on the next: the text is the activity's, not a new paragraph.
    assert wg2["activities"][0]["text"].startswith("Promote the enforcement")


def test_mexico_network_comes_from_a_working_group_activity():
    plan = _parse(MEXICO)
    assert "Inter-American Network for Labor Administration" in plan["network_actions"][0]
    assert any("no section on the Inter-American Network" in w for w in plan["warnings"])


def test_buenos_aires_future_chair_without_name_is_reported():
    assert "The plan does not name the future chair." in _parse(BUENOS_AIRES)["warnings"]


def test_buenos_aires_activity_broken_by_a_blank_line_is_joined():
    activity_b = _parse(BUENOS_AIRES)["working_groups"][0]["activities"][1]
    assert activity_b["label"] == "b"
    assert "in order to analyze" in activity_b["text"]


@pytest.mark.parametrize("seed", SEEDS, ids=IDS)
def test_detected_as_plan_and_fast(seed):
    text = seed_text(seed["seed"])
    assert detect_kind(text) == "plan_of_action"
    names = countries()
    start = time.perf_counter()
    parse_plan(text, names)
    assert time.perf_counter() - start < 0.5
