"""The book's typeface: EB Garamond from the ``fontpkg-eb-garamond`` package.

The fonts are declared with ``file://`` URLs, so a ``pip install`` is all a
machine needs.  The package's fonts are variable (a weight axis); WeasyPrint
turns a variable font into a static one with fontTools each time it writes a
PDF (about 0.4 s a book).  The regular weight, the only one the book is set in,
therefore ships as static instances in ``styles/fonts/`` (made once by
``python -m edition.builders.pdf_fonts``; ``manifest.json`` records the variable
font each was made from, and a stale instance is not used).  Any other weight
still comes from the variable font.  After rendering, every font the PDF uses
must be EB Garamond: fontconfig silently substitutes a system font for a
missing family or glyph, and that substitution is an error here.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

from ..errors import EditionError
from ..resources import data_dir
from ..xmlio import write_bytes_atomic, write_text_atomic

FAMILY = "EB Garamond"
TEXT_WEIGHT = 400
STATIC_FONTS = {"eb-garamond-400.ttf": "normal", "eb-garamond-italic-400.ttf": "italic"}


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


# --- fonts made from the package's and shipped in styles/fonts/ ---------------


def shipped_dir() -> Path:
    return data_dir("styles") / "fonts"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _manifest() -> dict:
    try:
        return json.loads((shipped_dir() / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def shipped_fonts(wanted: dict[str, str]) -> dict[str, Path] | None:
    """The shipped files ``wanted`` (name → style), or None if any is missing or was made
    from another variable font than the installed one (a newer font package)."""
    manifest, sources = _manifest(), font_files()
    paths = {name: shipped_dir() / name for name in wanted}
    if any(manifest.get(name) != _sha256(sources[style]) or not paths[name].is_file() for name, style in wanted.items()):
        return None
    return paths


def ship_fonts(made: dict[str, bytes], styles: dict[str, str]) -> Path:
    """Write ``made`` (name → bytes, cut from the font of ``styles[name]``) into ``styles/fonts/``,
    recording each one's source in the manifest, and the OFL beside them."""
    manifest, sources = _manifest(), font_files()
    for name, data in made.items():
        write_bytes_atomic(shipped_dir() / name, data)
        manifest[name] = _sha256(sources[styles[name]])
    write_text_atomic(shipped_dir() / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    write_text_atomic(shipped_dir() / "OFL.txt", licence_text())  # the OFL travels with the fonts
    return shipped_dir()


def licence_text() -> str:
    """The OFL text shipped with the font package."""
    path = font_files()["normal"].parents[1] / "LICENSE"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EditionError(f"cannot read the font licence: {exc}", str(path)) from None


def static_instance(source: Path) -> bytes:
    """The variable font ``source`` at the text weight, as a static TrueType font (slow: seconds)."""
    import io

    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    font = instantiateVariableFont(TTFont(str(source), recalcTimestamp=False), {"wght": TEXT_WEIGHT}, static=True)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def make_static_fonts() -> Path:
    sources = font_files()
    return ship_fonts({name: static_instance(sources[style]) for name, style in STATIC_FONTS.items()}, STATIC_FONTS)


# --- CSS and the check ---------------------------------------------------------


def _face(style: str, path: Path, weight: str) -> str:
    return (
        f'@font-face {{ font-family: "{FAMILY}"; font-style: {style}; font-weight: {weight}; '
        f'src: url("{path.as_uri()}") format("truetype"); }}'
    )


def font_face_css() -> str:
    """@font-face rules for both styles: the static instances for the text weight (when
    shipped and current), else the variable fonts.  The variable fonts also stand for
    bold (WeasyPrint takes no weight range, and a heavier weight falls back to the
    nearest face: bold, set from the variable font at the weight asked for)."""
    variable = font_files()
    static = {STATIC_FONTS[name]: path for name, path in (shipped_fonts(STATIC_FONTS) or {}).items()}
    rules = []
    for style, path in variable.items():
        if style in static:
            rules += [_face(style, static[style], str(TEXT_WEIGHT)), _face(style, path, "bold")]
        else:
            rules.append(_face(style, path, "normal"))
    return "\n".join(rules)


def check_fonts(document, place: str, tei: Path | None = None) -> None:
    """Fail unless every font written into ``document`` (after write_pdf) is EB Garamond; where
    another was put in for characters EB Garamond has no glyph for, name the first of them at
    its line and column of the master ``tei``."""
    families = {font.family for font in document.fonts.values()}
    others = sorted(families - {FAMILY})
    if not others:
        return
    lacking = missing_glyphs(tei) if tei is not None else []
    if lacking:
        char, line, column, word = lacking[0]
        more = f" (and {len(lacking) - 1} more characters)" if len(lacking) > 1 else ""
        raise EditionError(f"{FAMILY} has no glyph for U+{ord(char):04X} {unicodedata.name(char, '')} in '{word}'{more}; "
                           f"the PDF would set it in {', '.join(others)}", f"{tei}:{line}:{column}")
    raise EditionError(f"the PDF uses fonts other than {FAMILY} (missing glyphs?): {', '.join(others)}", place)


def missing_glyphs(tei: Path) -> list[tuple[str, int, int, str]]:
    """The characters of ``tei`` that neither EB Garamond face has, each where it first stands
    (line, column) and in which word."""
    from fontTools.ttLib import TTFont

    covered = set().union(*(TTFont(path).getBestCmap() for path in font_files().values()))
    found: dict[str, tuple[str, int, int, str]] = {}
    for number, line in enumerate(tei.read_text(encoding="utf-8").splitlines(), 1):
        for match in re.finditer(r"\w*[^\x00-\x7f]\w*", line):
            for offset, char in enumerate(match.group()):
                if ord(char) > 0x7F and ord(char) not in covered and char not in found:
                    found[char] = (char, number, match.start() + offset + 1, match.group())
    return list(found.values())


if __name__ == "__main__":
    print(make_static_fonts())
