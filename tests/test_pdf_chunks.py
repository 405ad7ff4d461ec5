"""Chunked typesetting (edition/builders/pdf_chunks.py): the book made from parts typeset in
worker processes is the book typeset in one process, page for page.  The page-number checks
of test_pdf.py also run on a long book typeset in chunks ("long-chunked")."""

from __future__ import annotations

import subprocess

import pytest

from edition.builders import BuildOptions, EditionContext, pdf_chunks
from edition.builders.pdf import PdfBuilder, print_html

from .conftest import ROOT, one_edition_project


@pytest.fixture
def seed(tmp_path):
    return one_edition_project(tmp_path / "seed", "seed", ROOT / "tei" / "bureaucratism.xml").edition("seed")


def test_the_print_html_is_cut_between_sections(seed):
    html = print_html(seed, EditionContext(seed))
    parts = pdf_chunks.cut(html, 40_000)
    assert len(parts.chunks) > 3
    assert 'id="contents"' in parts.front and 'id="preface"' in parts.front and 'class="div section"' not in parts.front
    assert all(chunk.count('class="div section"') >= 1 and 'id="index-start"' not in chunk for chunk in parts.chunks)
    assert 'id="body-matter"' in parts.chunks[0] and all('id="body-matter"' not in c for c in parts.chunks[1:])
    whole = sum(c.count('class="div section"') for c in parts.chunks)
    assert whole == html.count('class="div section"') == 13


def test_automatic_choice_by_length_and_variant(seed, monkeypatch):
    assert not pdf_chunks.chunked_wanted(seed, None)  # 66 pages: one process is faster
    monkeypatch.setattr(pdf_chunks, "MIN_CHUNKED_PAGES", 50)
    assert pdf_chunks.chunked_wanted(seed, None) and pdf_chunks.chunked_wanted(seed, "pdf/a-3b")
    assert not pdf_chunks.chunked_wanted(seed, "pdf/ua-1")  # a tagged PDF is not joined from parts
    assert not pdf_chunks.chunked_wanted(seed, None, "off") and pdf_chunks.chunked_wanted(seed, None, "on")


def page_images(pdf, folder) -> list[bytes]:
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(pdf), str(folder / "p")], check=True)
    return [path.read_bytes() for path in sorted(folder.iterdir())]


@pytest.mark.slow
@pytest.mark.filterwarnings(r"ignore:Exception ignored in. <_io.FileIO name='.*sRGB2014\.icc':pytest.PytestUnraisableExceptionWarning")
def test_chunks_give_the_same_book_as_one_process(seed, tmp_path, monkeypatch):
    """Chunks of about 15 pages (some start on a verso, some after footnotes): the same page
    map, the same pages; the PDF/A variant stays PDF/A (WeasyPrint leaves its sRGB profile
    open for PDF/A: that one warning is let through, as in test_pdf_options)."""
    single = PdfBuilder().build(seed, BuildOptions(pdf_chunks="off"))
    expected_map, expected_pages = single.with_suffix(".pages.json").read_text(), page_images(single, tmp_path / "single")
    monkeypatch.setattr(pdf_chunks, "CHUNK_PAGES", 15)
    chunked = PdfBuilder().build(seed, BuildOptions(pdf_chunks="on", workers=2, pdf_variant="pdf/a-3b"))
    assert chunked.with_suffix(".pages.json").read_text() == expected_map
    assert page_images(chunked, tmp_path / "chunked") == expected_pages
    meta = subprocess.run(["pdfinfo", "-meta", str(chunked)], check=True, capture_output=True, text=True).stdout
    assert 'pdfaid:part="3"' in meta
    assert not list(chunked.parent.glob(".chunks-*"))
