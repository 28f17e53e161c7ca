"""HTML: the visible text only; scripts, styles, comments and hidden elements are dropped."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import Tag

from archive.models import ExtractedText

INVISIBLE = ("script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas")
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
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def extract(path: Path) -> ExtractedText:
    # BeautifulSoup decodes the bytes itself: byte-order mark, then <meta charset>, then a guess.
    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for element in soup.find_all(INVISIBLE):
        element.decompose()
    for element in soup.find_all(_is_hidden):
        element.decompose()
    for element in soup.find_all(BLOCKS):
        element.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return ExtractedText(text="\n".join(line for line in lines if line), extractor="html", title=title)


def _is_hidden(tag: Tag) -> bool:
    return tag.has_attr("hidden") or bool(HIDDEN_STYLE.search(tag.get("style") or ""))
