"""EB Garamond for the EPUB: subset to the characters the book uses, as WOFF2.

The variable fonts of ``fontpkg-eb-garamond`` weigh about 1.7 MB together; the
book uses a few hundred glyphs, so subsetting cuts the EPUB to a fraction.
The weight axis is kept (headings are semibold). The OFL permits subsetting
and embedding; its text travels in the book.

Subsetting takes about half a second a font, so subsets are kept in a
content-addressed cache (font bytes, character set, fontTools version) under
``dist/.cache/fonts/``; with the fixed repertoire below most books share one
subset, and ``edition build all`` fills the cache in a second process while
the PDF is typeset.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

from ..errors import EditionError
from ..xmlio import write_bytes_atomic
from .pdf_fonts import font_files

# Every subset holds a fixed Latin repertoire (ASCII, Latin-1, Latin Extended-A, general
# punctuation, arrows the stylesheets use) plus whatever else the text needs. So the
# subsets of most texts, and of every edit that brings no rare character, are one and
# the same cached file: a corpus subsets each font once. It costs about 40 KB a book.
REPERTOIRE = "".join(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2028), 0x2190, 0x2192))


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
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=False)
    return out.getvalue()


def book_fonts(text: str, cache: Path) -> dict[str, bytes]:
    """The font files of the book (name → bytes) for the characters in ``text``, cached in ``cache``."""
    files = font_files()
    chars = "".join(sorted(set(text + REPERTOIRE)))
    return {
        "eb-garamond.woff2": _cached_subset(files["normal"], chars, cache),
        "eb-garamond-italic.woff2": _cached_subset(files["italic"], chars, cache),
    }


def _cached_subset(source: Path, chars: str, cache: Path) -> bytes:
    key = hashlib.sha256(source.read_bytes() + chars.encode("utf-8") + fontTools.version.encode("ascii")).hexdigest()
    path = cache / f"{key}.woff2"
    if path.is_file():
        return path.read_bytes()
    data = subset_woff2(source, chars)
    write_bytes_atomic(path, data)
    return data
