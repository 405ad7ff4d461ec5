"""EB Garamond for the EPUB: subset to the characters the book uses, as WOFF2.

The variable fonts of ``fontpkg-eb-garamond`` weigh about 1.7 MB together; the
book uses a few hundred glyphs, so subsetting cuts the EPUB to a fraction.
The weight axis is kept (headings are semibold). The OFL permits subsetting
and embedding; its text travels in the book.
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from ..errors import EditionError
from .pdf_fonts import font_files

# Printable ASCII is always kept, so small edits of the text need no new glyphs to look right.
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F))


def licence_text() -> str:
    """The OFL text shipped with the font package."""
    path = font_files()["normal"].parents[1] / "LICENSE"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EditionError(f"cannot read the font licence: {exc}", str(path)) from None


def subset_woff2(source: Path, text: str) -> bytes:
    """``source`` cut down to the glyphs ``text`` needs (with their ligatures), as WOFF2."""
    options = subset.Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]  # keep copyright and licence names (OFL requires them)
    options.notdef_outline = True
    font = TTFont(str(source), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + ALWAYS)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=False)
    return out.getvalue()


def book_fonts(text: str) -> dict[str, bytes]:
    """The font files of the book (name → bytes) for the characters in ``text``."""
    files = font_files()
    return {
        "eb-garamond.woff2": subset_woff2(files["normal"], text),
        "eb-garamond-italic.woff2": subset_woff2(files["italic"], text),
    }
