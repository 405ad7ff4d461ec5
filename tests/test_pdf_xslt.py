"""The print HTML made beside the typesetting (edition/builders/pdf_xslt.py): the helper
process gives what the builder would make itself, errors come back as the builder's, and
a remembered result is made again as soon as any of its inputs changes."""

from __future__ import annotations

import os

import pytest

from edition.builders import pdf_xslt
from edition.builders.pdf_pages import PageMap
from edition.builders.pdf_xslt import PrintHtml, remembered
from edition.errors import EditionError

PAGES = PageMap({"s01.p1.n1": 7, "s02.p3.n2": 9}, ["i", "ii", "1", "2", "3", "4", "5", "6", "7"])


def makers():
    """Makers that say in which process they ran."""

    def body() -> str:
        return f"body made in {os.getpid()}"

    def index(pages: PageMap) -> str:
        return f"index of {sorted(pages.anchors.items())} {pages.labels[-1]} made in {os.getpid()}"

    return body, index, lambda: None


@pytest.mark.parametrize("started", [False, True], ids=["helper process", "this process"])
def test_body_and_index_come_from_the_helper_unless_saxon_runs_here(monkeypatch, started):
    monkeypatch.setattr(pdf_xslt, "saxon_started", lambda: started)
    with PrintHtml(*makers()) as html:
        body, index = html.body(), html.index(PAGES)
    maker = os.getpid() if started else html._pid
    assert body == f"body made in {maker}"
    assert index == f"index of [('s01.p1.n1', 7), ('s02.p3.n2', 9)] 7 made in {maker}"


def test_an_edition_error_in_the_helper_is_raised_with_its_place(monkeypatch):
    monkeypatch.setattr(pdf_xslt, "saxon_started", lambda: False)

    def body() -> str:
        raise EditionError("no template for TEI element <madeup> in main.xsl", "tei/x.xml:12:3")

    with PrintHtml(body, lambda pages: "", lambda: None) as html, pytest.raises(EditionError) as raised:
        html.body()
    assert str(raised.value) == "tei/x.xml:12:3: no template for TEI element <madeup> in main.xsl"


def test_a_remembered_result_is_remade_when_an_input_or_value_changes(tmp_path):
    tei, styles = tmp_path / "x.xml", tmp_path / "xslt"
    styles.mkdir()
    tei.write_text("<TEI/>")
    (styles / "main.xsl").write_text("<xsl:stylesheet/>")
    kept, made = tmp_path / "kept" / "x.json", []

    def make() -> str:
        made.append(1)
        return f"result {len(made)}"

    def result(**values) -> str:
        return remembered(kept, [tei, styles], values, make)

    assert result(date="2025-11-25") == "result 1"
    assert result(date="2025-11-25") == "result 1"  # the same inputs: not made again
    (styles / "main.xsl").write_text("<xsl:stylesheet version='3.0'/>")
    assert result(date="2025-11-25") == "result 2"  # a stylesheet changed
    tei.write_text("<TEI></TEI>")
    assert result(date="2025-11-25") == "result 3"  # the TEI changed
    assert result(date="2025-11-26") == "result 4"  # a parameter changed
    (styles / "notes.xsl").write_text("<xsl:stylesheet/>")
    assert result(date="2025-11-26") == "result 5"  # a stylesheet was added
    kept.write_text("{not json")
    assert result(date="2025-11-26") == "result 6"  # a damaged record is made again
    assert len(made) == 6


def test_weasyprint_gets_the_tree_parsed_beside_it_as_it_would_parse_the_text(seed, monkeypatch):
    import xml.etree.ElementTree as ET

    import tinyhtml5
    import weasyprint

    from edition.builders.pdf import ParsedHtml, source

    text = '<!DOCTYPE HTML><html lang="en"><head><title>T</title></head><body><p id="p1">A <a href="#p1">link</a><br>x</p></body></html>'
    parsed = ParsedHtml.of(text)
    calls, parse = [], tinyhtml5.parse
    monkeypatch.setattr(tinyhtml5, "parse", lambda *args, **kwargs: calls.append(args) or parse(*args, **kwargs))
    given, own = source(parsed, seed), source(text, seed)
    assert len(calls) == 1  # only for the text: the tree was not parsed again
    assert ET.tostring(given.etree_element) == ET.tostring(own.etree_element)
    assert weasyprint.tinyhtml5 is tinyhtml5  # the parser is back


def test_every_builder_reads_the_collation_ranks_made_once_until_the_tei_changes(tmp_path, monkeypatch):
    from edition import collation
    from edition.builders import EditionContext
    from edition.project import Project

    from .conftest import copy_seed

    edition = Project(copy_seed(tmp_path / "project")).edition("bureaucratism")
    made = []
    real = collation.collation_param
    monkeypatch.setattr(collation, "collation_param", lambda tei: made.append(1) or real(tei))
    first = EditionContext(edition).collation
    assert EditionContext(edition).collation == first  # another build (the HTML's, the PDF's helper): kept
    assert len(made) == 1 and "Lenin" in first
    tei = edition.tei_path
    tei.write_text(tei.read_text(encoding="utf-8").replace("Lenin", "Lenine"), encoding="utf-8")
    assert "Lenine" in EditionContext(edition).collation
    assert len(made) == 2


def test_the_index_html_of_the_last_run_is_taken_only_for_the_same_page_map(tmp_path, monkeypatch):
    from edition.builders import EditionContext, pdf
    from edition.project import Project
    from edition.xmlio import NS, XML_NS

    from .conftest import copy_seed

    edition = Project(copy_seed(tmp_path / "project")).edition("bureaucratism")
    mentions = [m.get(f"{{{XML_NS}}}id") for m in EditionContext(edition).tree.xpath(pdf.MENTIONS, namespaces=NS)]
    labels = ["i", "ii", "1", "2", "3"]
    pages = PageMap(dict.fromkeys(mentions, 3), labels)  # every name on the book's first page
    made = []
    real = pdf.index_html
    monkeypatch.setattr(pdf, "index_html", lambda *args: made.append(1) or real(*args))

    def run(pages: PageMap):
        """One build's index HTML (the helper's steps, here in turn)."""
        _, index, prepare_index = pdf.html_makers(edition, EditionContext(edition))
        prepare_index()
        return index(pages)

    first = run(pages)
    assert len(made) == 1 and ">1</a>" in first.text
    again = run(pages)  # the last run's HTML, parsed beforehand
    assert len(made) == 1 and again.text == first.text and again.tree is not None
    moved = run(PageMap({**pages.anchors, mentions[-1]: 4}, labels))  # one mention a page on: made afresh
    assert len(made) == 2 and ">2</a>" in moved.text and ">2</a>" not in first.text
