"""Chunked typesetting (edition/builders/pdf_chunks.py): the book made from parts typeset in
worker processes is the book typeset in one process, page for page up to the index, whose
pieces give the same entries, pages and links.  The page-number checks of test_pdf.py also
run on a long book typeset in chunks ("long-chunked")."""

from __future__ import annotations

import re
import shutil
import subprocess

import lxml.html
import pytest

from edition.builders import BuildOptions, EditionContext, pdf_chunks
from edition.builders.pdf import PdfBuilder, print_html
from edition.xmlio import parse_xml

from .conftest import ROOT, one_edition_project
from .test_pdf import TOP, Built, index_entries, run


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
    for chars in (40_000, 60_000, 80_000, 100_000):  # 80,000 for two workers leaves a last scrap of 16 kB
        for workers in (1, 2):
            chunks = pdf_chunks.cut(html, chars, workers).chunks
            assert [s for chunk in chunks for s in sections(chunk)] == sections(html)
            assert len(chunks) == 1 or sum(map(len, sections(chunks[-1]))) >= chars // 4


def test_the_first_chunk_is_made_on_its_own(seed):
    """The first divisions transformed alone give the whole book's first sections, and the
    rest is cut after them."""
    context = EditionContext(seed)
    first = pdf_chunks.first_divisions(context, 140_000)  # 136 kB of TEI in the first ten
    assert first == 10
    alone = pdf_chunks.cut(print_html(seed, context, first), 10**9).chunks
    whole = print_html(seed, context)
    rest = pdf_chunks.cut(whole, 40_000, after=first)
    assert len(alone) == 1 and 'id="body-matter"' in alone[0]
    assert sections(alone[0]) == sections(whole)[:first]
    assert [s for chunk in rest.chunks for s in sections(chunk)] == sections(whole)[first:]
    assert all('id="body-matter"' not in c for c in rest.chunks)
    # one footnote in the front matter, one in the tenth division
    assert rest.front.count('class="footnote"') == alone[0].count('class="footnote"') == 1


def sections(html: str) -> list[bytes]:
    """The body's sections (the front matter's are left out)."""
    body = lxml.html.document_fromstring(html).xpath("//div[@class = 'body-matter']/section")
    return [lxml.html.tostring(section, with_tail=False) for section in body]


def test_automatic_choice_by_length_and_variant(seed, monkeypatch):
    assert not pdf_chunks.chunked_wanted(seed, None)  # 66 pages: one process is faster
    monkeypatch.setattr(pdf_chunks, "MIN_CHUNKED_PAGES", 50)
    assert pdf_chunks.chunked_wanted(seed, None) and pdf_chunks.chunked_wanted(seed, "pdf/a-3b")
    assert not pdf_chunks.chunked_wanted(seed, "pdf/ua-1")  # a tagged PDF is not joined from parts
    assert not pdf_chunks.chunked_wanted(seed, None, "off") and pdf_chunks.chunked_wanted(seed, None, "on")


def page_images(pdf, folder, last: int) -> list[bytes]:
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-l", str(last), str(pdf), str(folder / "p")], check=True)
    return [path.read_bytes() for path in sorted(folder.iterdir())]


def running_heads(built: Built, pages: list[int]) -> dict[int, str]:
    """The running head printed on each of ``pages``."""
    width = str(int(built.size[0]))
    return {n: run("pdftotext", "-f", str(n), "-l", str(n), "-y", "0", "-W", width, "-H", str(int(TOP)), str(built.pdf), "-").strip() for n in pages}


def outline(pdf) -> list[tuple[int, str]]:
    """(depth, title) of every bookmark, in order."""
    from pypdf import PdfReader

    def walk(items, depth):
        for item in items:
            yield from walk(item, depth + 1) if isinstance(item, list) else [(depth, item.title)]

    return list(walk(PdfReader(pdf).outline, 0))


@pytest.mark.slow
@pytest.mark.filterwarnings(r"ignore:Exception ignored in. <_io.FileIO name='.*sRGB2014\.icc':pytest.PytestUnraisableExceptionWarning")
def test_chunks_give_the_same_book_as_one_process(seed, tmp_path, monkeypatch):
    """Chunks of about 15 pages (some start on a verso, some after footnotes) and the index
    cut in two pieces typeset side by side: the same page map and the same pages up to the
    index; in the index every entry with the same pages and links, a running head on every
    page but its first, the groups' bookmarks under the index's; page labels the folios.
    The PDF/A variant stays PDF/A (WeasyPrint leaves its sRGB profile open for PDF/A: that
    one warning is let through, as in test_pdf_options)."""
    from pypdf import PdfReader

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    single = PdfBuilder().build(seed, BuildOptions(pdf_chunks="off"))
    whole = Built(tmp_path / "whole.pdf", parse_xml(seed.tei_path))
    shutil.copy(single, whole.pdf)
    shutil.copy(single.with_suffix(".pages.json"), whole.pdf.with_suffix(".pages.json"))
    body_pages = whole.index_pages[0] - 1
    cut_into = []
    original = pdf_chunks.index_pieces
    monkeypatch.setattr(pdf_chunks, "index_pieces", lambda html, workers: cut_into.append(len(original(html, workers))) or original(html, workers))
    monkeypatch.setattr(pdf_chunks, "CHUNK_PAGES", 15)
    monkeypatch.setattr(pdf_chunks, "MIN_INDEX_PIECE_PAGES", 1)
    # the print HTML the single-process build remembered is cut at once: no chunk is transformed on its own
    monkeypatch.setattr(pdf_chunks, "first_divisions", lambda *args: pytest.fail("the remembered print HTML was not used"))
    chunked = PdfBuilder().build(seed, BuildOptions(pdf_chunks="on", workers=2, pdf_variant="pdf/a-3b"))
    pieces = Built(chunked, whole.tei)
    assert cut_into == [2]
    assert pieces.pages_json["anchors"] == whole.pages_json["anchors"] and pieces.labels[:body_pages] == whole.labels[:body_pages]
    assert page_images(chunked, tmp_path / "chunked", body_pages) == page_images(whole.pdf, tmp_path / "single", body_pages)
    assert index_entries(pieces) == index_entries(whole) != {}
    heads = {n % 2: head for n, head in running_heads(whole, whole.index_pages[1:]).items()}
    assert set(heads.values()) == {"Index of names", "Bureaucratism or Workers’ Power"}
    assert running_heads(pieces, pieces.index_pages) == {n: heads[n % 2] if n > pieces.index_pages[0] else "" for n in pieces.index_pages}
    assert outline(chunked) == outline(whole.pdf) and (1, "Organisations") in outline(chunked)
    assert PdfReader(chunked).page_labels == pieces.labels
    meta = subprocess.run(["pdfinfo", "-meta", str(chunked)], check=True, capture_output=True, text=True).stdout
    assert 'pdfaid:part="3"' in meta
    assert not list(chunked.parent.glob(".chunks-*"))


def notes_book(root, notes: list[int]) -> list[str]:
    """A made-up book of chapters holding ``notes`` footnotes each (the last chapter's first
    word, "Paragrah", is corrected: a footnote more), typeset in chunks and in one process
    (in that order: the chunks' first is transformed on its own, as no build before left the
    print HTML); each build's text (pdftotext)."""
    from edition.convert import convert_document
    from edition.convert.tei import serialise

    from .test_convert_helpers import make_project
    from .test_convert_real_texts import NEW

    lines = ["The Book of Notes", ""]
    for chapter, count in enumerate(notes, 1):
        lines += [f"Chapter {chapter}", "", f"The Matter of Part {chapter}", ""]
        lines += [f"Paragraph {n} of chapter {chapter} has a note[{n}] here." for n in range(1, count + 1)] + [""]
        lines += [f"[{n}] Note {n} of chapter {chapter}." for n in range(1, count + 1)] + [""]
    lines[-2 * notes[-1] - 2] = lines[-2 * notes[-1] - 2].replace("Paragraph", "Paragrah")
    toml = NEW + '\n[[corrections]]\nsic = "Paragrah"\ncorr = "Paragraph"\nreason = "A typing error."\n'
    edition = make_project(root, "\n".join(lines), extra_toml=toml, register=None, title="The Book of Notes").edition("sample")
    edition.tei_path.parent.mkdir(parents=True, exist_ok=True)
    edition.tei_path.write_bytes(serialise(convert_document(edition).getroot()))
    options = (BuildOptions(pdf_chunks="on", workers=2), BuildOptions(pdf_chunks="off"))
    return [run("pdftotext", str(PdfBuilder().build(edition, o)), "-") for o in options]


def marks(text: str) -> tuple[dict, dict]:
    """The mark of each note's call in the text and of its marker at the foot, by (chapter, note)."""
    calls = {(int(c), int(n)): m for n, c, m in re.findall(r"Paragraph\S*\s+(\d+)\s+of\s+chapter\s+(\d+)\s+has\s+a\s+note(\S+)\s+here", text)}
    feet = {(int(c), int(n)): m for m, n, c in re.findall(r"^(\S+) Note (\d+) of chapter (\d+)\.$", text, re.M)}
    calls["correction"] = "".join(re.findall(r"Paragraph(\S+)\s+1\s+of\s+chapter", text))
    feet["correction"] = "".join(re.findall(r"^(\S+) The original has ‘Paragrah’", text, re.M))
    return calls, feet


@pytest.mark.slow
def test_footnote_marks_restart_with_each_chapter_in_one_process_and_in_chunks(tmp_path, monkeypatch):
    """Marks restart with each chapter (a reset in @page WeasyPrint ignores: they ran on, ** ††
    ...): figures in a book with a chapter of more than four notes, * † ‡ § in one without;
    a correction's footnote shares the count; the call and the foot always show the same mark."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    cuts, cut = [], pdf_chunks.cut  # a chunk a chapter: the first made on its own, then the second
    monkeypatch.setattr(pdf_chunks, "first_divisions", lambda context, size: 1)
    monkeypatch.setattr(pdf_chunks, "cut", lambda html, chars, workers=1, after=0: cuts.append(cut(html, 1, workers, after)) or cuts[-1])
    expected = {
        (6, 2): {**{(1, n): str(n) for n in range(1, 7)}, "correction": "1", (2, 1): "2", (2, 2): "3"},
        (4, 3): {**{(1, n): "*†‡§"[n - 1] for n in range(1, 5)}, "correction": "*", (2, 1): "†", (2, 2): "‡", (2, 3): "§"},
    }
    for notes, want in expected.items():
        for text in notes_book(tmp_path / f"{notes}", list(notes)):
            calls, feet = marks(text)
            assert calls == feet == want
        assert [len(c.chunks) for c in cuts[-2:]] == [1, 1]
