"""What safe HTML means in these tests: what a browser would build from it, checked element by element."""

from html.parser import HTMLParser


class Elements(HTMLParser):
    """The tags and attributes a browser would build from some HTML."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_safe(html: str) -> None:
    """Only harmless elements; no event handler or style; links only to the web or an address."""
    for tag, attributes in Elements(html).found:
        assert tag not in {"script", "iframe", "img", "object", "embed", "style", "div", "svg"}, tag
        assert not any(name.startswith("on") or name == "style" for name in attributes), attributes
        href = attributes.get("href")
        assert href is None or href.lower().startswith(("http://", "https://", "mailto:")), href
