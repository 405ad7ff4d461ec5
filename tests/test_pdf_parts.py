"""Parts of the PDF builder that need no rendering: the interpreter settings change how
WeasyPrint runs, never what it returns; page labels for viewers follow the printed folios;
the print HTML sets acronyms and front matter only where they are."""

from __future__ import annotations

import gc

import lxml.html
import pytest

from edition.builders.pdf_pages import PageMap
from edition.builders.pdf_runtime import RESERVED_SLOTS, call_on_roomy_stack, cyclic_gc_paused
from edition.xmlio import NS
from edition.xslt import stylesheet

from .conftest import edited_sample


def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


def test_roomy_stack_call_returns_the_result_of_deep_recursion():
    assert call_on_roomy_stack(depth, 500) == 500
    assert call_on_roomy_stack(sorted, [3, 1, 2]) == [1, 2, 3]


def test_roomy_stack_call_passes_exceptions_through():
    with pytest.raises(ZeroDivisionError):
        call_on_roomy_stack(divmod, 1, 0)


def test_the_calling_frame_reserves_the_slots():
    from edition.builders import pdf_runtime

    assert pdf_runtime._call.__code__.co_stacksize == RESERVED_SLOTS


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_is_paused_inside_and_restored_after_even_on_error(enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), cyclic_gc_paused():
            assert not gc.isenabled()
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("labels", "runs"),
    [
        (["i", "ii", "iii", "1", "2"], [(0, "r", 1), (3, "D", 1)]),
        (["1", "2", "3"], [(0, "D", 1)]),
        (["i", "ii", "57", "58"], [(0, "r", 1), (2, "D", 57)]),  # an index rendered apart, numbered on
        (["i", "1", "2", "5"], [(0, "r", 1), (1, "D", 1), (3, "D", 5)]),
    ],
)
def test_page_label_runs(labels, runs):
    assert PageMap({}, labels).label_runs() == runs


def print_html(tmp_path, edit) -> lxml.html.HtmlElement:
    """The print HTML of the sample master after ``edit`` (a function of its lxml tree)."""
    source = edited_sample(tmp_path, edit)
    html = stylesheet("print/main.xsl").transform(source, {"build-date": "2026-01-01", "subject": "", "keywords": "", "generator": "test"})
    return lxml.html.document_fromstring(html)


def test_a_title_in_capitals_is_not_set_as_acronyms(tmp_path):
    def shout(tree):
        title = tree.find(".//tei:front/tei:docTitle/tei:titlePart", NS)
        title.text = "THE CONDITION OF THE WORKING CLASS"
        tree.find(".//tei:body//tei:p", NS).text = "In the USSR, "

    html = print_html(tmp_path, shout)
    title = html.find(".//h1")
    assert title.find("abbr") is None
    assert " ".join(title.text_content().split()) == "THE CONDITION OF THE WORKING CLASS"
    assert [a.text for a in html.findall(".//div[@class='body-matter']//abbr[@class='acronym']")] == ["USSR"]


def test_a_front_holding_only_the_title_opens_no_page(tmp_path):
    def strip_front(tree):
        front = tree.find(".//tei:front", NS)
        for child in front.findall("*"):
            if child.tag != f"{{{NS['tei']}}}docTitle":
                front.remove(child)

    html = print_html(tmp_path, strip_front)
    assert html.find(".//div[@class='front-matter']") is None
    assert html.find(".//div[@class='body-matter']") is not None


def test_a_section_without_a_head_is_labelled_in_the_text_the_contents_and_the_running_head(tmp_path):
    def behead(tree):
        head = tree.xpath("//tei:body/tei:div[@xml:id='s02']/tei:head", namespaces=NS)[0]
        head.getparent().remove(head)

    html = print_html(tmp_path, behead)
    heading = html.get_element_by_id("s02").find("h2")
    assert (heading.text_content(), heading.get("data-recto")) == ("Section 2", "Section 2")
    assert [a.text_content() for a in html.xpath("//nav[@id='contents']//a[@href='#s02']")] == ["Section 2"]


def test_a_long_quotation_is_set_off_and_its_paragraph_continues(tmp_path):
    """A quotation of 50 words or more, in a paragraph's own text, becomes a block quotation
    without marks; the paragraph before it keeps its id, the part after it continues
    without an indent; a shorter quotation stays in the line with its marks."""
    long_words = " ".join(["word"] * 60)

    def quote(tree):
        p = tree.find(".//tei:body//tei:p", NS)
        for child in list(p):
            p.remove(child)
        p.text = "Before it he said: "
        q = lxml.etree.SubElement(p, f"{{{NS['tei']}}}quote", {"{http://www.w3.org/XML/1998/namespace}id": "p.q1"})
        q.text = long_words
        q.tail = " and then, "
        short = lxml.etree.SubElement(p, f"{{{NS['tei']}}}quote")
        short.text = "a few words"
        short.tail = "."

    html = print_html(tmp_path, quote)
    block = html.get_element_by_id("p.q1")
    assert block.tag == "blockquote" and block.text_content().strip() == long_words
    before, after = block.getprevious(), block.getnext()
    assert before.tag == "p" and before.get("id") and before.text_content().strip() == "Before it he said:"
    assert after.get("class") == "continued" and after.text_content().strip() == "and then, “a few words”."


def test_the_half_title_comes_first_and_the_bylines_are_on_its_verso(tmp_path):
    """The sample's byline and a second one (the source's notes on the work) on one page
    after the half-title, not above the first division; without a byline, no such page."""
    def add_byline(tree):
        byline = lxml.etree.Element(f"{{{NS['tei']}}}byline")
        byline.text = "Written for the anniversary."
        tree.find(".//tei:front/tei:byline", NS).addnext(byline)

    html = print_html(tmp_path, add_byline)
    sections = html.find("body").findall("section")
    assert [s.get("class") for s in sections[:3]] == ["half-title", "about-book", "title-page"]
    assert [" ".join(p.text_content().split()) for p in sections[1]] == ["Written by Jane Doe with Richard Roe in 1967.", "Written for the anniversary."]
    assert "Written" not in html.find(".//div[@class='front-matter']").text_content()

    def drop_bylines(tree):
        for byline in tree.findall(".//tei:front/tei:byline", NS):
            byline.getparent().remove(byline)

    sections = print_html(tmp_path, drop_bylines).find("body").findall("section")
    assert [s.get("class") for s in sections[:2]] == ["half-title", "title-page"]


@pytest.mark.parametrize(
    ("word", "points"),
    [
        ("Khrushchev", (4,)),  # no break by the US patterns: from styles/print-hyphenation-en.txt
        ("Leningrad", (3, 5)),
        ("patronised", (3, 6)),  # the patterns: pa-tro-n-ised
        ("Stalinist", (4, 6)),  # not listed: the patterns' Stal-in-ist
    ],
)
def test_hyphenation_exceptions_override_the_patterns(word, points):
    from edition.builders.pdf_lines import _hyphenation_points

    assert _hyphenation_points(word, "en-US", (6, 2, 3)) == points


def test_a_footnote_left_off_every_page_stops_the_book_at_its_tei_line():
    from lxml import etree

    from edition.builders.pdf import check_mentions
    from edition.errors import EditionError

    tree = etree.ElementTree(etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n<p xml:id="p1">weak,'
        b'<note xml:id="fn1" place="foot">A note.</note>\n<note xml:id="fn2" place="foot">'
        b'<persName xml:id="fn2.n1" ref="#x">Ries</persName></note></p></body></text></TEI>'))
    laid_out = {"p1": 1, "fn1": 1, "fn2": 2, "fn2.n1": 2}
    check_mentions(tree, PageMap(laid_out, ["1", "2"]), "book.xml")
    lost = {anchor: page for anchor, page in laid_out.items() if anchor != "fn2"}
    with pytest.raises(EditionError) as error:
        check_mentions(tree, PageMap(lost, ["1", "2"]), "book.xml")
    assert "footnote fn2 was not set on any page" in str(error.value)
    assert "book.xml:3" in str(error.value)


@pytest.mark.parametrize("language, contents, index", [
    ("en", "Contents", "Index of names"),
    ("fr", "Table des matières", "Index des noms"),
    ("de-AT", "Inhalt", "Namensregister"),
    ("la", "Contents", "Index of names"),  # no labels in Latin: English ones
])
def test_the_contents_speak_the_language_of_the_text(tmp_path, language, contents, index):
    def relabel(tree):
        tree.getroot().set("{http://www.w3.org/XML/1998/namespace}lang", language)

    toc = print_html(tmp_path, relabel).find(".//nav[@id='contents']")
    assert toc.findtext("h2") == contents
    assert toc.find(".//li[@class='toc-back']/a").text == index


def test_a_long_head_runs_over_the_pages_on_one_line(tmp_path):
    """The Federalist (Gutenberg #1404): a paper's title under its label is some 110 characters,
    two lines of the running head; it is cut after a whole word, with an ellipsis."""
    title = ("FEDERALIST No. 26. The Idea of Restraining the Legislative Authority in Regard to the "
             "Common Defense Considered")

    def lengthen(tree):
        head = tree.xpath("//tei:body/tei:div[@xml:id='s02']/tei:head", namespaces=NS)[0]
        for child in list(head):
            head.remove(child)
        head.text = title

    html = print_html(tmp_path, lengthen)
    heading = html.get_element_by_id("s02").find("h2")
    assert heading.text_content() == title
    assert heading.get("data-recto") == "FEDERALIST No. 26. The Idea of Restraining the Legislative\u2026"
    short = html.get_element_by_id("s01").find("h2")
    assert short.get("data-recto") == " ".join(short.text_content().split())


def test_a_link_of_the_source_is_a_link_where_its_address_is_on_the_web(tmp_path):
    """A Markdown page's [words](address) (the marxists.org pages of benchmarks/SWEEP.md, which
    s8-conv reads as ref): a link to the web stays one, one into the site's own pages is words."""

    def link(tree):
        p = tree.find(".//tei:body//tei:p", NS)
        for child in list(p):
            p.remove(child)
        p.text = "Downloaded with thanks from "
        web = lxml.etree.SubElement(p, f"{{{NS['tei']}}}ref", target="https://www.marxists.org/index.htm", rend="markdown")
        web.text = "MIA"
        web.tail = ", see the "
        site = lxml.etree.SubElement(p, f"{{{NS['tei']}}}ref", target="#na", rend="markdown")
        site.text = "note"
        site.tail = "."

    html = print_html(tmp_path, link)
    p = html.xpath("//div[@class='body-matter']//p")[0]
    assert [(a.get("href"), a.text_content()) for a in p.iter("a")] == [("https://www.marxists.org/index.htm", "MIA")]
    assert p.text_content().startswith("Downloaded with thanks from MIA, see the note.")


def test_the_source_imprint_is_with_its_byline_on_the_half_title_verso(tmp_path):
    """The Diary of a Nobody (Gutenberg #1026) sets under its byline "WITH ILLUSTRATIONS / BY /
    WEEDON GROSSMITH" and "A NEW EDITION" (docImprint): they were a loose block of the front
    matter, before the introduction; they join the byline."""
    def add_imprints(tree):
        after = tree.find(".//tei:front/tei:byline", NS)
        for words in ("WITH ILLUSTRATIONS BY WEEDON GROSSMITH", "A NEW EDITION"):
            imprint = lxml.etree.Element(f"{{{NS['tei']}}}docImprint")
            imprint.text = words
            after.addnext(imprint)
            after = imprint

    html = print_html(tmp_path, add_imprints)
    about = html.find(".//section[@class='about-book']")
    assert [" ".join(p.text_content().split()) for p in about][1:] == ["WITH ILLUSTRATIONS BY WEEDON GROSSMITH", "A NEW EDITION"]
    front = html.find(".//div[@class='front-matter']")
    assert front is None or "NEW EDITION" not in front.text_content()
