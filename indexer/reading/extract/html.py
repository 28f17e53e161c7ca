"""HTML: the text a page holds; scripts, styles, templates and comments are not text.

Elements marked `hidden` or styled `display: none` are read too: on real pages they hold the content of
tabs, accordions and sections a script reveals, and an archive indexes what its record contains. The
head gives only the title (kept apart)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import CData, NavigableString, Tag

from indexer.core.models import ExtractedText

NOT_TEXT = ("script", "style", "template", "head")
BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "address",
    "hr",
    "caption",
    "figcaption",
)
TEXT_TYPES = (NavigableString, CData)  # what get_text() reads
_BREAK = object()  # a line break after a block element


def extract(path: Path) -> ExtractedText:
    # BeautifulSoup decodes the bytes itself: byte-order mark, then <meta charset>, then a guess.
    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    lines = (" ".join(line.split()) for line in _page_text(soup).splitlines())
    return ExtractedText(text="\n".join(line for line in lines if line), extractor="html", title=title)


def _page_text(root: Tag) -> str:
    """The text of the page's elements with a line break after each block, in one pass over the tree.

    Not bs4's `decompose` and `insert_after`: each scans its element's siblings, so a page of 20,000
    paragraphs or scripts took minutes. A loop with its own stack also reads any depth of nesting.
    """
    parts: list[str] = []
    stack: list = [root]
    while stack:
        node = stack.pop()
        if node is _BREAK:
            parts.append("\n")
        elif isinstance(node, Tag):
            if node.name in NOT_TEXT:
                continue
            if node.name in BLOCKS:
                stack.append(_BREAK)
            stack.extend(reversed(node.contents))
        elif type(node) in TEXT_TYPES:  # not comments, doctypes, or the strings of <script> and <style>
            parts.append(str(node))
    return "".join(parts)
