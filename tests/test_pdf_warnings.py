"""WeasyPrint's warnings, class by class: which fail the build and which are let through.

A missing glyph (test_pdf_options.py, with its TEI line and column) and a
substituted font (check_fonts, ditto) fail; so do an ignored CSS rule and any
message no class names.  The one tolerated class, the font subsetter in use,
is let through, and a whole book builds with either subsetter.
"""

from __future__ import annotations

import logging
import subprocess

import pytest

from edition.builders import BuildOptions
from edition.builders.pdf import PdfBuilder, weasyprint_warnings_as_errors
from edition.builders.pdf_warnings import TOLERATED, tolerated_class
from edition.errors import EditionError

from .conftest import SAMPLE_TEI, one_edition_project

# One real message of each tolerated class, as WeasyPrint 70 words it.
TOLERATED_EXAMPLES = {
    "font-subsetter": 'Using fontTools instead of HarfBuzz-Subset for font "EB Garamond". This will be '
    "unsupported in future versions of WeasyPrint. Please install HarfBuzz-Subset >= 4.1.0 "
    "with your package manager.",
}


def test_every_tolerated_class_has_an_example_and_a_reason():
    assert set(TOLERATED_EXAMPLES) == set(TOLERATED)
    assert all(len(reason) > 40 for _pattern, reason in TOLERATED.values())


@pytest.mark.parametrize("name", sorted(TOLERATED_EXAMPLES))
def test_a_tolerated_message_is_let_through(name):
    assert tolerated_class(TOLERATED_EXAMPLES[name]) == name
    with weasyprint_warnings_as_errors("book.xml"):
        logging.getLogger("weasyprint").warning(TOLERATED_EXAMPLES[name])


@pytest.mark.parametrize(
    "message",
    [
        'Font-face "EB Garamond" cannot be loaded',
        'Unable to subset "EB Garamond" with HarfBuzz',
        "Anchor defined twice: 'p12'",
        # a tolerated message quoted inside another one is still a defect
        'Ignored `content: "Using fontTools instead of HarfBuzz-Subset for font "` at 3:1.',
    ],
)
def test_any_other_message_is_a_defect(message):
    assert tolerated_class(message) is None
    with pytest.raises(EditionError, match="WeasyPrint: "):
        with weasyprint_warnings_as_errors("book.xml"):
            logging.getLogger("weasyprint").warning(message)


def test_a_css_rule_weasyprint_ignores_fails_the_build():
    from weasyprint import CSS, HTML

    with pytest.raises(EditionError, match=r"WeasyPrint: Ignored `colour: red ?` at 1:5, unknown property"):
        with weasyprint_warnings_as_errors("print.css"):
            HTML(string="<p>x</p>").render(stylesheets=[CSS(string="p { colour: red }")])


@pytest.mark.slow
def test_the_book_builds_with_fonttools_as_the_subsetter(tmp_path, monkeypatch):
    """As on a machine without libharfbuzz-subset: WeasyPrint then subsets with fontTools."""
    import weasyprint.pdf.fonts

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    with pytest.MonkeyPatch.context() as spy:
        seen = []
        spy.setattr(weasyprint.pdf.fonts.Font, "_fonttools_subset", _recording(weasyprint.pdf.fonts.Font._fonttools_subset, seen))
        sample = one_edition_project(tmp_path, "sample", SAMPLE_TEI).edition("sample")
        pdf = PdfBuilder().build(sample, BuildOptions())
    assert seen, "fontTools did not subset the fonts"
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
    # pdffonts columns: name type encoding emb sub uni object-id; every font embedded and subset
    assert fonts and all("+EB-Garamond" in line for line in fonts)
    assert all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts)


def _recording(method, seen: list):
    def subset(self, *args, **kwargs):
        seen.append(self.family)
        return method(self, *args, **kwargs)

    return subset
