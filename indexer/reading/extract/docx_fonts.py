"""Which font a DOCX run is set in, the way Word resolves it: the run's own `w:rFonts`, then its character
style, then its paragraph's style (or the default paragraph style), each with its `basedOn` chain, then the
document defaults. Only the answer "a legacy font or not" matters here."""

from __future__ import annotations

from docx.oxml.ns import qn

from indexer.reading import legacy

RPR, RFONTS, STYLE, BASED_ON = qn("w:rPr"), qn("w:rFonts"), qn("w:style"), qn("w:basedOn")
RSTYLE, PPR, PSTYLE, VAL = qn("w:rStyle"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
STYLE_ID, TYPE, DEFAULT = qn("w:styleId"), qn("w:type"), qn("w:default")
# Vietnamese letters are high-ANSI characters in both legacy encodings, so w:hAnsi decides before w:ascii.
FONT_ATTRIBUTES = tuple(qn(f"w:{name}") for name in ("hAnsi", "ascii"))
THEME_ATTRIBUTES = tuple(qn(f"w:{name}") for name in ("hAnsiTheme", "asciiTheme"))


def _font(parent) -> str | None:
    """The font an element's `w:rPr` (or `w:rPr` itself) names; "" for a theme font, None if unnamed."""
    rpr = parent if parent is None or parent.tag == RPR else parent.find(RPR)
    fonts = rpr.find(RFONTS) if rpr is not None else None
    if fonts is None:
        return None
    if any(fonts.get(attr) for attr in THEME_ATTRIBUTES):
        return ""  # a theme font wins over a named one, and themes are never the legacy fonts
    return next((fonts.get(attr) for attr in FONT_ATTRIBUTES if fonts.get(attr)), None)


class Fonts:
    """Font lookup for one document, with styles read once."""

    def __init__(self, document) -> None:
        root = document.styles.element
        self.styles: dict[str, tuple[str | None, str | None]] = {}
        self.default_paragraph_style: str | None = None
        for style in root.iterchildren(STYLE):
            style_id = style.get(STYLE_ID)
            based_on = style.find(BASED_ON)
            self.styles[style_id] = (_font(style), based_on.get(VAL) if based_on is not None else None)
            if style.get(TYPE) == "paragraph" and style.get(DEFAULT) in ("1", "true"):
                self.default_paragraph_style = style_id
        defaults = root.find(qn("w:docDefaults"))
        default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{RPR}") if defaults is not None else None
        self.default_font = _font(default_rpr) if default_rpr is not None else None
        self._cache: dict[tuple, tuple[str, bool] | None] = {}

    def _style_font(self, style_id: str | None) -> str | None:
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            font, style_id = self.styles[style_id]
            if font is not None:
                return font
        return None

    def legacy(self, run, paragraph) -> tuple[str, bool] | None:
        """(encoding, capital) when the run is set in a legacy font, else None."""
        own = _font(run)
        rpr = run.find(RPR)
        char_style = rpr.find(RSTYLE) if rpr is not None else None
        ppr = paragraph.find(PPR)
        para_style = ppr.find(PSTYLE) if ppr is not None else None
        key = (
            own,
            char_style.get(VAL) if char_style is not None else None,
            para_style.get(VAL) if para_style is not None else self.default_paragraph_style,
        )
        if key not in self._cache:
            font = own
            for style_id in key[1:]:
                if font is None:
                    font = self._style_font(style_id)
            self._cache[key] = legacy.font_encoding(font if font is not None else self.default_font)
        return self._cache[key]
