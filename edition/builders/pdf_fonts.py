"""The book's typeface: EB Garamond from the ``fontpkg-eb-garamond`` package.

The fonts are declared with ``file://`` URLs to the package's own files, so a
``pip install`` is all a machine needs.  After rendering, every font the PDF
uses must be EB Garamond: fontconfig silently substitutes a system font for a
missing family or glyph, and that substitution is an error here.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import EditionError

FAMILY = "EB Garamond"


def font_files() -> dict[str, Path]:
    """The package's variable TTF files by CSS font-style (normal, italic)."""
    try:
        import fontpkg_eb_garamond
    except ImportError:
        raise EditionError("the font package fontpkg-eb-garamond is not installed (pip install fontpkg-eb-garamond)") from None
    files = Path(fontpkg_eb_garamond.ROOT) / "files"
    found = {"normal": files / "EBGaramond[wght].ttf", "italic": files / "EBGaramond-Italic[wght].ttf"}
    for path in found.values():
        if not path.is_file():
            raise EditionError("font file missing from fontpkg-eb-garamond", str(path))
    return found


def font_face_css() -> str:
    """@font-face rules for both styles (the text is set in the variable font's default weight)."""
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-style: {style}; '
        f'src: url("{path.as_uri()}") format("truetype"); }}'
        for style, path in font_files().items()
    )


def check_fonts(document, place: str) -> None:
    """Fail unless every font written into ``document`` (after write_pdf) is EB Garamond."""
    families = {font.family for font in document.fonts.values()}
    others = sorted(families - {FAMILY})
    if others:
        raise EditionError(f"the PDF uses fonts other than {FAMILY} (missing glyphs?): {', '.join(others)}", place)
