"""A plan written in Spanish parses to the same structure as its English twin."""

from rial.conference.importer.plan import detect_kind
from rial.conference.importer.tests.samples import ENGLISH_PLAN, SPANISH_PLAN, parsed_json


def _structure(plan: dict) -> dict:
    """Everything but the wording: numbers, countries, labels, counts and dates."""
    return {
        "conference": (plan["conference"]["number"], plan["conference"]["year"]),
        "troika": (plan["chair"], plan["previous_chair"], plan["next_chair"]),
        "groups": [
            (
                group["number"],
                group["chair"],
                group["vice_chairs"],
                len(group["topics"]),
                [(activity["label"], len(activity["items"])) for activity in group["activities"]],
            )
            for group in plan["working_groups"]
        ],
        "network_actions": len(plan["network_actions"]),
        "deadline_dates": [deadline["date"] for deadline in plan["deadlines"]],
        "warnings": len(plan["warnings"]),
    }


def test_english_plan_structure():
    plan = parsed_json(ENGLISH_PLAN)
    assert plan["title"] == "PLAN OF ACTION OF BRIDGETOWN"
    assert plan["language"] == "en"
    assert plan["conference"] == {"number": "XXX", "city": "Bridgetown", "year": 2040}
    assert _structure(plan) == {
        "conference": ("XXX", 2040),
        "troika": ("Barbados", "Chile", "Canada"),
        "groups": [
            (1, "United States", ["Jamaica", "Peru"], 3, [("a", 0), ("b", 2), ("c", 0)]),
            (2, "Trinidad and Tobago", [None, "Uruguay"], 2, [("a", 0), ("b", 0)]),
        ],
        "network_actions": 3,
        "deadline_dates": ["2041", "2041-06", "2041-03", None],
        "warnings": 1,
    }
    assert plan["warnings"] == ["Vice-chair 1 of Working Group 2 is not named yet (placeholder 'COUNTRY')."]


def test_spanish_twin_has_the_same_structure():
    english = parsed_json(ENGLISH_PLAN)
    spanish = parsed_json(SPANISH_PLAN)
    assert spanish["language"] == "es"
    assert _structure(spanish) == _structure(english)


def test_spanish_names_and_texts():
    spanish = parsed_json(SPANISH_PLAN)
    assert spanish["title"] == "PLAN DE ACCIÓN DE BRIDGETOWN"
    assert spanish["conference"]["city"] == "Bridgetown"
    wg1 = spanish["working_groups"][0]
    assert wg1["title"] == "Competencias y empleo para una economía en cambio"
    assert wg1["topics"] == [
        "Competencias para empleos verdes",
        "Empleo juvenil",
        "El trabajo de cuidados y su valor",
    ]
    assert wg1["activities"][1]["text"].startswith("Compartir experiencias")
    assert spanish["warnings"] == ["Vice-chair 1 of Working Group 2 is not named yet (placeholder 'PAÍS')."]
    assert [d["text"] for d in spanish["deadlines"]] == [
        "antes de fines de 2041",
        "antes de junio de 2041",
        "a más tardar en marzo de 2041",
        "al menos dos veces antes de la próxima Conferencia",
    ]
    assert detect_kind(SPANISH_PLAN) == "plan_of_action"
