"""PDF variants, and the PDF builder's refusals: each a one-line EditionError."""

from __future__ import annotations

import logging
import subprocess
from types import SimpleNamespace

import pytest

from edition.builders import BuildOptions
from edition.builders.pdf import PdfBuilder, weasyprint_warnings_as_errors
from edition.builders.pdf_fonts import check_fonts
from edition.errors import EditionError
from edition.xmlio import NS

from .conftest import SAMPLE_TEI, edited_sample, one_edition_project


@pytest.fixture
def sample(tmp_path):
    return one_edition_project(tmp_path, "sample", SAMPLE_TEI).edition("sample")


# WeasyPrint 70 opens its sRGB profile for PDF/A output and never closes it (a ResourceWarning
# in WeasyPrint itself, not in the book): that one warning is named and let through.
@pytest.mark.slow
@pytest.mark.filterwarnings(r"ignore:Exception ignored in. <_io.FileIO name='.*sRGB2014\.icc':pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize(("variant", "expected"), [("pdf/ua-1", "pdfuaid:part"), ("pdf/a-3b", "pdfaid:part")])
def test_pdf_variants(sample, variant, expected):
    pdf = PdfBuilder().build(sample, BuildOptions(pdf_variant=variant))
    info, meta = (subprocess.run(["pdfinfo", *flag, str(pdf)], check=True, capture_output=True, text=True).stdout for flag in ([], ["-meta"]))
    assert expected in meta
    assert variant != "pdf/ua-1" or "Tagged:          yes" in info


@pytest.mark.slow
def test_two_builds_give_identical_bytes(sample):
    first = PdfBuilder().build(sample, BuildOptions()).read_bytes()
    assert PdfBuilder().build(sample, BuildOptions()).read_bytes() == first


def test_missing_master_is_a_clean_error(sample):
    sample.tei_path.unlink()
    with pytest.raises(EditionError, match="no TEI master"):
        PdfBuilder().build(sample, BuildOptions())


def test_bad_trim_size_names_edition_toml(sample):
    sample.settings["print"]["trim"] = "A5; color: red"
    with pytest.raises(EditionError, match=r"edition\.toml: \[print\] trim"):
        PdfBuilder().build(sample, BuildOptions())


def test_weasyprint_warning_fails_the_build():
    with pytest.raises(EditionError, match="WeasyPrint: Ignored something"):
        with weasyprint_warnings_as_errors("book.xml"):
            logging.getLogger("weasyprint").warning("Ignored something")


@pytest.mark.slow
def test_a_character_no_font_has_fails_with_its_line_and_column(sample):
    lines = sample.tei_path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if "<p xml:id=" in line)
    lines[number] = lines[number].replace(">", ">北京 ", 1)
    sample.tei_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(EditionError) as error:
        PdfBuilder().build(sample, BuildOptions())
    column = lines[number].index("北") + 1
    assert error.value.place == f"{sample.tei_path}:{number + 1}:{column}" and "U+5317" in error.value.message
    assert not (sample.dist_dir / "sample.pdf").exists()


@pytest.mark.slow
def test_front_matter_carries_no_running_head_over_from_the_contents(tmp_path):
    def byline_only(tree):
        for div in tree.xpath("//tei:front/tei:div", namespaces=NS):
            div.getparent().remove(div)

    project = one_edition_project(tmp_path / "project", "sample", edited_sample(tmp_path, byline_only))
    pdf = PdfBuilder().build(project.edition("sample"), BuildOptions())
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout.split("\f")
    front = next(page for page in pages if "Written by" in page)
    assert "Contents" not in front


def test_a_substituted_font_fails_the_build():
    document = SimpleNamespace(fonts={"a": SimpleNamespace(family="EB Garamond"), "b": SimpleNamespace(family="DejaVu Sans")})
    with pytest.raises(EditionError, match="DejaVu Sans"):
        check_fonts(document, "book.pdf")
