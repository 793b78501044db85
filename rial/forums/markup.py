"""Posts are written in Markdown and stored as sanitised HTML.

Two locks, each enough on its own: markdown-it-py renders with raw HTML turned off (``<script>`` typed in
a post becomes visible text) and refuses ``javascript:``/``data:`` links; nh3 (the Ammonia sanitiser) then
keeps only the tags, attributes and link schemes listed here. Images become links (a remote image
would tell a third party who reads the thread); headings start at level 3, under the page's own title and
each post's heading.
"""

import nh3
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

ALLOWED_TAGS = {
    "p", "br", "hr", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "strong", "em", "del", "s",
    "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
HEADING_SHIFT = 2



def _image_as_link(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    source = str(token.attrGet("src") or "")
    label = renderer.renderInlineAsText(token.children or [], options, env) or source
    return f'<a href="{escapeHtml(source)}">{escapeHtml(label)}</a>'


_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.enable(["table", "strikethrough"])
_markdown.add_render_rule("image", _image_as_link)


def render_markdown(text: str) -> str:
    """The sanitised HTML of a post's Markdown."""
    tokens = _markdown.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + HEADING_SHIFT, 6)}"
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return sanitise(html)


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_URL_SCHEMES,
                     link_rel="nofollow noopener noreferrer ugc", strip_comments=True)


def plain_text(html: str) -> str:
    """A post's text without markup (for search and email excerpts)."""
    return " ".join(strip_tags(html).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", '"').replace("&#39;", "'").split())


def quote(text: str, author_name: str) -> str:
    """``text`` as a Markdown quotation headed by its author, ready for a reply."""
    lines = [_("%(name)s wrote:") % {"name": author_name}, "", *text.strip().splitlines()]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"
