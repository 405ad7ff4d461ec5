"""The PDF's fonts: static instances of EB Garamond, made once and shipped, so writing a PDF
never instances the variable font again; a stale instance is not used."""

from __future__ import annotations

import hashlib
import json

import pytest
from fontTools.ttLib import TTFont

from edition.builders import BuildOptions, pdf_fonts
from edition.builders.pdf import PdfBuilder, font_config

from .conftest import SAMPLE_TEI, one_edition_project


def test_shipped_instances_are_static_regular_cuts_of_the_installed_fonts():
    manifest = json.loads((pdf_fonts.shipped_dir() / "manifest.json").read_text(encoding="utf-8"))
    for name, style in pdf_fonts.STATIC_FONTS.items():
        source = pdf_fonts.font_files()[style]
        assert manifest[name] == hashlib.sha256(source.read_bytes()).hexdigest(), f"{name} is stale: python -m edition.builders.pdf_fonts"
        font = TTFont(str(pdf_fonts.shipped_dir() / name))
        assert "fvar" not in font and font["OS/2"].usWeightClass == pdf_fonts.TEXT_WEIGHT
        assert set(font.getBestCmap()) == set(TTFont(str(source)).getBestCmap())


def test_css_uses_the_static_instances_and_falls_back_to_the_variable_fonts(monkeypatch):
    css = pdf_fonts.font_face_css()
    assert "eb-garamond-400.ttf" in css and "eb-garamond-italic-400.ttf" in css
    monkeypatch.setattr(pdf_fonts, "_manifest", lambda: {})  # as if the instances were made from another font
    stale = pdf_fonts.font_face_css()
    assert "-400.ttf" not in stale and "EBGaramond%5Bwght%5D.ttf" in stale


@pytest.mark.slow
def test_writing_the_pdf_instances_no_variable_font(tmp_path, monkeypatch):
    import weasyprint.pdf.fonts

    def refuse(*args, **kwargs):
        raise AssertionError("a variable font was instanced while writing the PDF")

    monkeypatch.setattr(weasyprint.pdf.fonts, "instantiateVariableFont", refuse)
    font_config.cache_clear()
    edition = one_edition_project(tmp_path, "sample", SAMPLE_TEI).edition("sample")
    pdf = PdfBuilder().build(edition, BuildOptions())
    assert pdf.stat().st_size > 10_000
