"""Markdown becomes safe HTML: no script, no javascript: link, no event handler, no image."""

import pytest

from rial.forums.markup import plain_text, quote, render_markdown, sanitise
from rial.forums.tests.safety import assert_safe

HOSTILE = [
    "<script>alert('x')</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click]( javascript:alert(1) )",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<img src=x onerror=alert(1)>",
    "![x](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[v](vbscript:msgbox(1))",
    "<iframe src=https://evil.example></iframe>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markup_is_neutralised(text):
    assert_safe(render_markdown(text))


@pytest.mark.parametrize("html", ['<a href="javascript:alert(1)">x</a>', '<img src=x onerror=alert(1)>',
                                  "<script>alert(1)</script><p onclick=\"x()\">p</p>"])
def test_the_sanitiser_alone_also_removes_what_markdown_would_have_escaped(html):
    assert_safe(sanitise(html))


def test_markdown_formats_text_links_lists_quotes_and_tables():
    html = render_markdown("**bold** *it* [ILO](https://www.ilo.org/)\n\n- one\n- two\n\n> quoted\n\n"
                           "| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html
    assert '<a href="https://www.ilo.org/" rel="nofollow noopener noreferrer ugc">ILO</a>' in html
    assert "<li>one</li>" in html and "<blockquote>" in html and "<td>1</td>" in html


def test_headings_start_under_the_pages_own_headings():
    assert render_markdown("# Title\n\n## Part").startswith("<h3>Title</h3>\n<h4>Part</h4>")


def test_an_image_becomes_a_link_so_readers_load_nothing_from_elsewhere():
    html = render_markdown("![chart](https://example.org/chart.png)")
    assert "<img" not in html and 'href="https://example.org/chart.png"' in html and ">chart</a>" in html


def test_html_typed_in_a_post_is_shown_as_text():
    assert "&lt;b&gt;hello&lt;/b&gt;" in render_markdown("<b>hello</b>")


def test_a_quotation_names_its_author_and_keeps_every_line():
    assert quote("First line\nsecond line", "Ana Pérez") == "> Ana Pérez wrote:\n>\n> First line\n> second line\n\n"


def test_plain_text_drops_the_markup():
    assert plain_text(render_markdown("**Inspection** & [rights](https://x.org)")) == "Inspection & rights"
