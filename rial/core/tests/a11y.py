"""A cheap, automated accessibility check of a rendered page (other apps' tests may use it too).

It catches what a template change most often breaks: the page language, one h1, the landmarks,
a label for every form control, alternative text on images, text on links and buttons, unique ids,
descriptions (help and error messages) that exist.
It is no substitute for a screen reader, but it runs on every page in every language in milliseconds.
"""

from html.parser import HTMLParser

LABELLED_BY_ATTRIBUTE = ("aria-label", "aria-labelledby", "title")
NOT_LABELLED = {"hidden", "submit", "button", "reset", "image"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.h1 = 0
        self.tags: set[str] = set()
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.controls: list[tuple[str, dict, bool]] = []  # tag, attributes, inside a <label>
        self.problems: list[str] = []
        self.label_depth = 0
        self.described_by: list[str] = []
        self.open_text: list[tuple[str, dict, list[str]]] = []  # links and buttons collecting their text

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.add(tag)
        if attributes.get("role"):
            self.tags.add(f"role={attributes['role']}")
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if attributes.get("aria-describedby"):
            self.described_by.extend(attributes["aria-describedby"].split())
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self.label_depth += 1
            if attributes.get("for"):
                self.label_for.add(attributes["for"])
        elif tag in {"input", "select", "textarea"}:
            if attributes.get("type", "text") not in NOT_LABELLED or tag != "input":
                self.controls.append((tag, attributes, self.label_depth > 0))
        elif tag == "img" and "alt" not in attributes:
            self.problems.append(f"image without alt text: {attributes.get('src', '?')}")
        if tag in {"a", "button"} and tag not in VOID:
            self.open_text.append((tag, attributes, []))
        elif tag == "svg" and self.open_text:
            self.open_text[-1][2].append("[svg]")

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth = max(0, self.label_depth - 1)
        if tag in {"a", "button"} and self.open_text and self.open_text[-1][0] == tag:
            _tag, attributes, text = self.open_text.pop()
            if not "".join(text).strip() and not any(attributes.get(a) for a in LABELLED_BY_ATTRIBUTE):
                self.problems.append(f"<{tag}> without text: {attributes}")

    def handle_data(self, data):
        for _tag, _attributes, text in self.open_text:
            text.append(data)


def accessibility_problems(html: str) -> list[str]:
    """What a person using a screen reader or a keyboard would miss on this page (empty when fine)."""
    page = _Page()
    page.feed(html)
    problems = list(page.problems)
    if not page.lang:
        problems.append("<html> has no lang attribute")
    if page.h1 != 1:
        problems.append(f"{page.h1} h1 headings instead of one")
    for landmark, alternative in (("main", "role=main"), ("header", "role=banner"), ("nav", "role=navigation"),
                                  ("footer", "role=contentinfo")):
        if landmark not in page.tags and alternative not in page.tags:
            problems.append(f"no <{landmark}> landmark")
    for tag, attributes, wrapped in page.controls:
        named = wrapped or attributes.get("id") in page.label_for or any(
            attributes.get(a) for a in LABELLED_BY_ATTRIBUTE)
        if not named:
            problems.append(f"<{tag} name={attributes.get('name')!r}> has no label")
    dangling = sorted(set(page.described_by) - set(page.ids))
    if dangling:
        problems.append(f"aria-describedby points at missing ids: {dangling}")
    duplicates = {i for i in page.ids if page.ids.count(i) > 1}
    if duplicates:
        problems.append(f"duplicate ids: {sorted(duplicates)}")
    return problems
