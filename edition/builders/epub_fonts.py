"""EB Garamond for the EPUB: subset to the characters the book uses, as WOFF2.

The variable fonts of ``fontpkg-eb-garamond`` weigh about 1.7 MB together; the
book uses a few hundred glyphs, so subsetting cuts the EPUB to a fraction.
The weight axis is kept (headings are semibold). The OFL permits subsetting,
embedding and redistribution; its text travels in the book.

Subsetting takes about half a second a font, so the subsets of a fixed Latin
repertoire ship with the package (``styles/fonts/``, made by
``python -m edition.builders.epub_fonts``; ``manifest.json`` records the
source font each was cut from). A book whose characters all lie in the
repertoire uses them as they are; any other book gets its own subset, kept in a
content-addressed cache under ``dist/.cache/fonts/``.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from pathlib import Path

from ..xmlio import write_bytes_atomic
from .pdf_fonts import font_files, ship_fonts, shipped_dir, shipped_fonts  # noqa: F401 (shipped_dir: for the EPUB tests)

# The shipped subsets hold ASCII, Latin-1, Latin Extended-A, general punctuation and the
# arrows the stylesheets use: every character of most English and Western European texts.
REPERTOIRE = "".join(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2028), 0x2190, 0x2192))
BOOK_FONTS = {"eb-garamond.woff2": "normal", "eb-garamond-italic.woff2": "italic"}


def subset_woff2(source: Path, text: str) -> bytes:
    """``source`` cut down to the glyphs ``text`` needs (with their ligatures), as WOFF2."""
    from fontTools import subset  # imported here: half a second, and the shipped subsets need none
    from fontTools.ttLib import TTFont

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
    """The font files of the book (name → bytes) for the characters in ``text``.

    The shipped repertoire subsets when they cover ``text`` and were cut from the
    installed fonts; otherwise subsets made for this text, cached in ``cache``.
    """
    files = font_files()
    shown = {c for c in text if unicodedata.category(c) != "Cc"}  # line breaks and tabs have no glyph
    chars = "".join(sorted(shown | set(REPERTOIRE)))
    if shown <= set(REPERTOIRE):
        shipped = _shipped_subsets()
        if shipped:
            return shipped
    return {name: _cached_subset(files[style], chars, cache) for name, style in BOOK_FONTS.items()}


def _shipped_subsets() -> dict[str, bytes] | None:
    """The shipped subsets, or None if any is missing or was cut from another font file."""
    paths = shipped_fonts(BOOK_FONTS)
    return {name: path.read_bytes() for name, path in paths.items()} if paths else None


def make_shipped_subsets() -> Path:
    """Cut the repertoire subsets from the installed fonts into ``styles/fonts/``."""
    files = font_files()
    return ship_fonts({name: subset_woff2(files[style], REPERTOIRE) for name, style in BOOK_FONTS.items()}, BOOK_FONTS)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cached_subset(source: Path, chars: str, cache: Path) -> bytes:
    import fontTools

    key = _sha256(source.read_bytes() + chars.encode("utf-8") + fontTools.version.encode("ascii"))
    path = cache / f"{key}.woff2"
    if path.is_file():
        return path.read_bytes()
    data = subset_woff2(source, chars)
    write_bytes_atomic(path, data)
    return data


if __name__ == "__main__":
    print(make_shipped_subsets())
