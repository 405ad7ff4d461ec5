"""Which of WeasyPrint's log warnings are defects of the book.

WeasyPrint reports through the ``weasyprint`` logger whatever it could not do
as asked: a character no font has, a font face it could not load, a CSS rule
or value it ignored, an anchor defined twice, a URL it could not read.  Each of
those changes the printed book, so each fails the build (the default: a
message not named below is a defect).

A few messages describe the machine, not the book.  They are named here, one
class each, with the reason they do not change the output, and are let
through; the tests check each class both ways.
"""

from __future__ import annotations

import re

# class name → (pattern of the message, why it is not a defect of the book)
TOLERATED: dict[str, tuple[re.Pattern[str], str]] = {
    "font-subsetter": (
        re.compile(r"^Using fontTools instead of HarfBuzz-Subset for font "),
        "which library subsets the embedded fonts: libharfbuzz-subset when the system has it, "
        "fontTools (a Python dependency) otherwise; both embed the same glyphs, and the PDF's "
        "fonts are checked after writing (pdf_fonts.check_fonts)",
    ),
}


def tolerated_class(message: str) -> str | None:
    """The name of the tolerated class ``message`` belongs to, or None for a defect."""
    for name, (pattern, _reason) in TOLERATED.items():
        if pattern.search(message):
            return name
    return None
