"""Bullet and label styles, labels alone on their line, headings broken over lines, page furniture."""

import pytest

from rial.conference.importer.tests.samples import ENGLISH_PLAN, parsed_json
from rial.conference.importer.text import clean_lines, split_blocks

HEADER = """\
PLAN OF ACTION OF TESTVILLE

1. We, the Ministers of Labor, meeting in Testville on May 1, 2030, at the XL Inter-American Conference
of Ministers of Labor (IACML), adopt this plan:

WORKING GROUP 1: A SHORT TITLE

2. Working Group 1 will look at the following topics:

{topics}

3. Working Group 1 will carry out the following activities:

{activities}
"""


def _group(topics: str, activities: str) -> dict:
    text = HEADER.format(topics=topics, activities=activities)
    return parsed_json(text)["working_groups"][0]


@pytest.mark.parametrize(
    "activities",
    [
        "a. Write a guide.\nb. Run a course.",
        "a) Write a guide.\nb) Run a course.",
        "(a) Write a guide.\n(b) Run a course.",
        "- a) Write a guide.\n- b) Run a course.",
        "a.\nWrite a guide.\n\nb.\nRun a course.",
        "- a)\nWrite a guide.\n- b)\nRun a course.",
    ],
    ids=["a.", "a)", "(a)", "- a)", "label alone", "- a) alone"],
)
def test_activity_label_styles(activities):
    group = _group("· Jobs", activities)
    assert [(a["label"], a["text"]) for a in group["activities"]] == [
        ("a", "Write a guide."),
        ("b", "Run a course."),
    ]


@pytest.mark.parametrize("bullet", ["·", "-", "•", "▪", "–"])
def test_topic_bullet_styles(bullet):
    group = _group(
        f"{bullet} Jobs for young people;\n{bullet} Safety at work; and\n{bullet} Pensions.", "a. Act."
    )
    assert group["topics"] == ["Jobs for young people", "Safety at work", "Pensions"]


@pytest.mark.parametrize("bullet", ["·", "-", "•"])
def test_sub_bullets_are_items_of_their_activity(bullet):
    activities = f"a. Exchange practices on:\n{bullet} inspection;\n{bullet} mediation.\nb. Publish a guide."
    group = _group("· Jobs", activities)
    assert [(a["label"], a["items"]) for a in group["activities"]] == [
        ("a", ["inspection", "mediation."]),
        ("b", []),
    ]


def test_roman_labels_are_kept_as_written():
    group = _group("· Jobs", "i. First task.\nii. Second task.\niii. Third task.")
    assert [a["label"] for a in group["activities"]] == ["i", "ii", "iii"]


def test_furniture_lines_are_dropped():
    text = "\n".join(
        [
            "OEA/Ser.K/XII.19.1",
            "CIDI/TRABAJO/doc.4/15 rev.1",
            "OAS/Ser.K/XII.14.1",
            "Original: Spanish",
            "ORIGINAL: INGLÉS",
            "30 July 2021",
            "September 22-24, 2021",
            "30 de julio de 2021",
            "- 3 -",
            "12",
            "Page 3 of 10",
            "Página 4",
            "Kept line.",
        ]
    )
    assert [line for line in clean_lines(text) if line] == ["Kept line."]


def test_month_and_year_ending_a_wrapped_sentence_is_kept():
    lines = clean_lines("publish a short guide by\nJune 2041.\n\nJune 2041\n")
    assert [line for line in lines if line] == ["publish a short guide by", "June 2041."]


def test_document_code_inside_a_sentence_is_kept():
    line = "See document OAS/Ser.K/XII.14.1 for the details."
    assert clean_lines(line) == [line]


def test_paragraph_broken_by_a_page_break_is_joined():
    text = (
        "c. Study how services can reach\n\nCIDI/TRABAJO/doc.9/40\n- 3 -\n\ninformal workers in rural areas."
    )
    blocks = split_blocks(clean_lines(text))
    assert [(b.label, b.text) for b in blocks] == [
        ("c", "Study how services can reach informal workers in rural areas.")
    ]


def test_label_alone_then_text_is_one_block():
    blocks = split_blocks(clean_lines("a.\nPromote the exchange of experience.\n2.\nThe groups will meet."))
    assert [(b.label, b.text) for b in blocks] == [
        ("a", "Promote the exchange of experience."),
        ("2", "The groups will meet."),
    ]


def test_section_letter_alone_then_heading():
    blocks = split_blocks(clean_lines("B.\nWORKING GROUPS\n\n3. Text."))
    assert [(b.kind, b.text) for b in blocks] == [("section", "WORKING GROUPS"), ("number", "Text.")]


def test_heading_broken_over_lines():
    groups = parsed_json(ENGLISH_PLAN)["working_groups"]
    # Headings in capitals are stored as sentences, each word cased as the running text cases it.
    assert groups[0]["title"] == "Skills and jobs for a changing economy"
    assert groups[1]["title"] == "Stronger Labor institutions"  # the text writes "Ministers of Labor"


def test_page_number_inside_a_list_does_not_end_it():
    activities = parsed_json(ENGLISH_PLAN)["working_groups"][0]["activities"]
    assert [a["label"] for a in activities] == ["a", "b", "c"]
    assert activities[1]["items"] == ["programs run with employers", "programs for rural young people."]


def test_markdown_bold_is_removed_but_placeholders_are_kept():
    lines = clean_lines("**XXI CONFERENCE**\nMinisters of Labor of *** (Chair) and ***** (Vice Chair)")
    assert lines == ["XXI CONFERENCE", "Ministers of Labor of *** (Chair) and ***** (Vice Chair)"]


def test_list_after_a_paragraph_naming_nothing_is_read_as_topics_with_a_warning():
    text = (
        HEADER.format(topics="· Jobs", activities="a. Act.") + "\n4. Working Group 1 notes:\n\n· A remark\n"
    )
    plan = parsed_json(text.replace("notes:", "notes this"))
    assert plan["working_groups"][0]["topics"] == ["Jobs", "A remark"]
    assert any("names neither topics nor activities" in warning for warning in plan["warnings"])


AUTHORITIES = HEADER.format(topics="· Jobs", activities="a. Act.") + "\nC. DIRECTIVES\n\n4. {sentence}\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "Working Group 1 will be chaired by Brazil, with the United States and Guyana as vice-chairs.",
        "Working Group 1: Ministers of Labor of Brazil (Chair), the United States (Vice Chair), and Guyana (Vice Chair).",
        "The authorities of Working Group 1 are as follows. Chair: Brazil; Vice-chairs: United States of America and Guyana.",
        "El Grupo de Trabajo 1 será presidido por Brasil, con Estados Unidos y Guyana como vicepresidencias.",
        "Grupo de Trabajo 1: Ministros de Trabajo de Brasil (Presidencia), Estados Unidos (Vicepresidencia) y Guyana (Vicepresidencia).",
    ],
    ids=["chaired by", "brackets", "colons", "presidido por", "presidencia"],
)
def test_authority_styles(sentence):
    group = parsed_json(AUTHORITIES.format(sentence=sentence))["working_groups"][0]
    assert (group["chair"], group["vice_chairs"]) == ("Brazil", ["United States", "Guyana"])


def test_unknown_country_is_left_empty_with_a_warning():
    sentence = "Working Group 1: Ministers of Labor of Atlantis (Chair), Chile (Vice Chair)."
    plan = parsed_json(AUTHORITIES.format(sentence=sentence))
    assert plan["working_groups"][0]["chair"] is None
    assert (
        "The chair of Working Group 1 is given as 'Atlantis', which is not a known country; it was left empty."
        in (plan["warnings"])
    )


def test_previous_and_future_chairs_together_in_spanish():
    text = HEADER.format(topics="· Jobs", activities="a. Act.").replace(
        "WORKING GROUP 1:",
        "2. La Presidencia pro tempore de la XL CIMT (Panamá), con las Presidencias anterior y futura "
        "(Colombia y *****), conducirá el Plan.\n\nWORKING GROUP 1:",
    )
    plan = parsed_json(text)
    assert (plan["chair"], plan["previous_chair"], plan["next_chair"]) == ("Panama", "Colombia", None)
    assert "The future chair is not named yet (placeholder '*****')." in plan["warnings"]
