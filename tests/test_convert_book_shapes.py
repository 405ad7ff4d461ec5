"""Shapes of printed books that held-out texts showed the converter (benchmarks/heldout/BLIND.md),
each on a text made up for it: note markers after a full stop or a closing quote, a quotation
over several paragraphs closed before its note marker, a chapter's argument (and how the writers
set it), the author's matter after "THE END."."""

from __future__ import annotations

import subprocess

import pytest
from lxml import etree, html

from edition.convert import convert_document
from edition.xmlio import TEI_NS, XML_NS
from tests.buildkit import built_valid, html5_clean
from tests.epub_build import NSMAP, documents, epubcheck_messages
from tests.test_convert_gutenberg import AS_NEW
from tests.test_convert_helpers import make_project
from tests.test_corpus_convert import plain, restored_text

NS = {"t": TEI_NS}

# An essay whose notes follow it with no heading; marker 2 after a full stop, marker 3 after the
# closing quote of a quotation of three paragraphs (each opens with a quote mark, only the last
# closes); note 2 is the title of a book, in capitals; "[4]" and "[1848]" are no notes.
ESSAY = """ON HARBOUR LIGHTS


The keepers of the northern lights have long been praised for their
patience,[1] and their logbooks show a steadiness beyond compare.[2]

A visitor to the lighthouse at Skerryvore wrote as follows in his diary:

"The lamp is trimmed at dusk and again at midnight, whatever the
weather, and the keeper sleeps little in the winter months.

"He spoke of the storms of the last year as a farmer speaks of a bad
harvest, without complaint, as a thing that comes.

"When I asked him whether he was lonely, he said that a man who has
the sea to watch is never alone."[3]

The same diary gives the tally of ships in its fourth table [4] and
the date of the great storm [1848] without a word more.


[1] A keeper's patience was the subject of many sermons.

[2] THE LIGHTHOUSE BOOK OF THE NORTH.

[3] From a diary kept in the summer of the visit.
"""


def _essay(tmp_path):
    warnings: list[str] = []
    tree = convert_document(make_project(tmp_path, ESSAY, extra_toml=AS_NEW, title="On Harbour Lights").edition("sample"), warnings)
    return tree, warnings


def test_note_markers_after_a_full_stop_or_a_closing_quote_are_anchors(tmp_path):
    tree, warnings = _essay(tmp_path)
    notes = tree.xpath("//t:body//t:note[@place]", namespaces=NS)
    assert [(n.get("n"), "".join(n.itertext())[:14]) for n in notes] == [
        ("1", "A keeper's pat"), ("2", "THE LIGHTHOUSE"), ("3", "From a diary k")]
    assert notes[1].getparent().get(f"{{{XML_NS}}}id") == "s01.p1"  # "…beyond compare.[2]"
    assert tree.xpath("//t:body//t:supplied/text()", namespaces=NS) == ["4", "1848"]  # brackets, no notes
    # the note texts are notes, not a document in capitals quoted whole
    assert not tree.xpath("//t:quote[.//t:supplied or contains(., 'LIGHTHOUSE BOOK')]", namespaces=NS)
    assert [w.split(": ", 1)[1] for w in warnings if "marker" in w] == ["note marker '[4]' without a note text"]
    assert restored_text(tree) == plain(ESSAY)


def test_a_quotation_over_paragraphs_closed_before_its_note_marker_is_one_block_quotation(tmp_path):
    tree, warnings = _essay(tmp_path)
    (quote,) = tree.xpath("//t:div/t:quote", namespaces=NS)
    assert quote.get("rend") == "note-after-mark" and len(quote) == 3
    assert [plain("".join(p.itertext()))[:12] for p in quote] == ["The lamp is ", "He spoke of ", "When I asked"]
    last = quote[-1]
    assert last[-1].get("n") == "3" and not (last[-1].tail or "")  # the note ends the paragraph, no mark after it
    assert '"' not in "".join(quote.itertext())
    assert not [w for w in warnings if "unpaired" in w]
    assert restored_text(tree) == plain(ESSAY)  # the closing mark comes back before "[3]"


# A history in chapters: an indented argument under the first head (topics joined by "--", a
# topic broken over a line end), a flush one under the second (joined by em dashes); prose with
# dashes opening the third chapter is no argument.  After "THE END.", the author's appendix and a
# transcriber's note.
CHAPTERS = """THE VOYAGE OF THE HERON

By Anne Fielding


CHAPTER I.

     Departure from Leith--Storms in the North Sea--The Captain's
     illness--Arrival at Bergen--A winter in the fjords--Return of
     the ship to Leith.

The Heron left Leith on the third of March with a crew of eleven and
a cargo of coal for the Norwegian ports.

Captain Morrow fell ill on the second day and kept to his cabin until
the coast of Norway was in sight.


CHAPTER II

THE FJORDS

Bergen—The harbour frozen—Fishermen of the outer islands—Letters
from home—The thaw.

The harbour of Bergen froze in the first week of January, and the
Heron lay in the ice until the end of February.


CHAPTER III

THE RETURN

The voyage home--which the crew had feared for a month--was calm,
and the ship came into Leith on a fine morning in April.


THE END.


APPENDIX.

THE LOG OF THE HERON

The log of the voyage is kept in the library of the harbour board at
Leith, where the author read it.


Transcriber's Notes:

Obvious printer's errors have been corrected silently.
"""


def _chapters(tmp_path):
    project = make_project(tmp_path, CHAPTERS, extra_toml=AS_NEW, title="The Voyage of the Heron")
    return project, convert_document(project.edition("sample"))


def test_a_summary_of_topics_under_a_chapter_head_is_its_argument(tmp_path):
    _, tree = _chapters(tmp_path)
    divs = tree.xpath("//t:body/t:div | //t:back/t:div[@type = 'appendix']", namespaces=NS)
    shapes = [[etree.QName(child).localname for child in div][:3] for div in divs]
    assert shapes == [["head", "argument", "p"], ["head", "argument", "p"], ["head", "p", "trailer"], ["head", "p"]]
    arguments = [plain("".join(a.itertext())) for a in tree.xpath("//t:argument", namespaces=NS)]
    assert arguments[0].startswith("Departure from Leith--Storms") and arguments[0].endswith("the ship to Leith.")
    assert arguments[1].startswith("Bergen—The harbour frozen") and arguments[1].endswith("The thaw.")
    assert tree.xpath("//t:argument/t:p/@xml:id", namespaces=NS) == ["s01.argument", "s02.argument"]
    assert not tree.xpath("//t:div/t:quote", namespaces=NS)  # not block quotations
    assert tree.xpath("//t:argument//t:placeName/text()", namespaces=NS)[:2] == ["Leith", "North Sea"]  # the author's text
    assert "2 summaries of a chapter's topics" in "".join(tree.xpath("//t:segmentation//text()", namespaces=NS))
    assert restored_text(tree) == plain(CHAPTERS)


def test_the_authors_appendix_after_the_end_and_a_transcribers_note_are_back_matter(tmp_path):
    _, tree = _chapters(tmp_path)
    (trailer,) = tree.xpath("//t:trailer", namespaces=NS)
    assert trailer.text == "THE END." and trailer.getparent().get(f"{{{XML_NS}}}id") == "s03"
    assert [d.get(f"{{{XML_NS}}}id") for d in tree.xpath("//t:body/t:div", namespaces=NS)] == ["s01", "s02", "s03"]
    (appendix,) = tree.xpath("//t:back/t:div[@type = 'appendix']", namespaces=NS)
    assert plain("".join(appendix.find(f"{{{TEI_NS}}}head").itertext())) == "APPENDIX. THE LOG OF THE HERON"
    assert appendix.xpath("t:p//t:placeName/text()", namespaces=NS) == ["Leith"]  # the author's text: names read
    assert tree.xpath("//t:back/t:div/@type", namespaces=NS) == ["appendix", "transcriber-note"]
    said = "".join(tree.xpath("//t:segmentation//text()", namespaces=NS))
    assert "1 divisions after \"THE END.\" that are not the author's" in said
    assert "1 divisions after the last chapter headed appendix" in said


@pytest.mark.slow
def test_arguments_and_appendix_are_valid_and_rendered_in_html_epub_and_print(tmp_path):
    project, _ = _chapters(tmp_path)
    dist = built_valid(project)
    page = html.parse(str(dist / "html" / "s01.html")).getroot()
    (argument,) = page.xpath("//main//div[@class = 'argument']")
    assert argument.getprevious().tag == "h1" and plain(argument.text_content()).startswith("Departure from Leith")
    assert "—Storms in the North Sea" in plain(argument.text_content())  # dashes typeset
    assert argument.xpath("p/@id") == ["s01.argument"]
    html5_clean(dist / "html", tmp_path)
    epub = dist / "sample.epub"
    chapter = documents(epub)["s02.xhtml"]
    (argument,) = chapter.xpath("//h:div[@class = 'argument']", namespaces=NSMAP)
    assert plain("".join(argument.itertext())).startswith("Bergen—The harbour frozen")
    assert [m for m in epubcheck_messages(epub) if m["severity"] != "USAGE"] == []
    pdf = subprocess.run(["pdftotext", str(dist / "sample.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Departure from Leith" in pdf and pdf.index("Departure from Leith") < pdf.index("The Heron left Leith")
    # the appendix after "THE END." is read in every edition; the transcriber's note in none
    assert "The log of the voyage" in plain(html.parse(str(dist / "html" / "s04.html")).getroot().text_content())
    assert "The log of the voyage" in plain("".join(documents(epub)["s04.xhtml"].itertext()))
    assert "The log of the voyage" in plain(pdf)
    assert "printer's errors" not in plain(pdf) and not list((dist / "html").glob("transcriber*"))


def test_a_table_of_contents_joined_by_dashes_is_no_argument(tmp_path):
    text = CHAPTERS.replace("CHAPTER I.\n", "CONTENTS\n\nI. Departure--II. The Fjords--III. The Return--Appendix.\n\n\nCHAPTER I.\n", 1)
    tree = convert_document(make_project(tmp_path, text, extra_toml=AS_NEW, title="The Voyage of the Heron").edition("sample"))
    (contents,) = tree.xpath("//t:front/t:div[@type = 'contents']", namespaces=NS)
    assert [etree.QName(child).localname for child in contents] == ["head", "p"]
    assert len(tree.xpath("//t:argument", namespaces=NS)) == 2  # the chapters' own


# Papers of a series, each headed by its number in the series and a title wrapped over two lines
# that ends with an aside in brackets; the authors in capitals and the pseudonym under each paper
# are no heads of their own.
SERIES = """THE LIGHTHOUSE PAPERS

By Three Keepers


KEEPER No. 1

The Lamp and the Weather (A Reply to the Objections of the Harbour
Board on the Cost of Oil)

PRIOR, with LANE

To the Readers of the Gazette:

The lamp of a lighthouse is trimmed at dusk and again at midnight,
whatever the weather, and its oil is counted by the gallon.

The board has asked whether a smaller lamp would serve, and the keepers
have answered that it would not, giving their reasons at length.

SENTINEL


KEEPER No. 2

The Same Subject Continued (The Objections of the Harbour Board
Answered Once More)

PRIOR

To the Readers of the Gazette:

The second paper takes up the board's objections where the first left
them, and answers each in turn with figures from the logbooks.

SENTINEL
"""


def test_a_number_in_a_series_and_its_wrapped_title_are_one_head(tmp_path):
    tree = convert_document(make_project(tmp_path, SERIES, extra_toml=AS_NEW, title="The Lighthouse Papers").edition("sample"), [])
    heads = [" ".join("".join(h.itertext()).split()) for h in tree.iterfind(".//t:body/t:div/t:head", NS)]
    assert heads == [
        "KEEPER No. 1 The Lamp and the Weather (A Reply to the Objections of the Harbour Board on the Cost of Oil)",
        "KEEPER No. 2 The Same Subject Continued (The Objections of the Harbour Board Answered Once More)",
    ]


# Papers of a series, each headed by its number and title on one line (as a web page sets them),
# then the newspaper, the author in capitals, the address; signed with a pseudonym in capitals.
PAPERS_ON_ONE_LINE = """THE PAPERS

FEDERALIST No. 1. General Introduction

For the Independent Journal. Saturday, October 27, 1787

HAMILTON

To the People of the State of New York:

AFTER an unequivocal experience of the inefficacy of the subsisting federal government, you are
called upon to deliberate.

PUBLIUS

FEDERALIST No. 2. Concerning the Difficulties of the Convention in Devising a Proper Form of Government.

For the Independent Journal. Wednesday, October 31, 1787

JAY

To the People of the State of New York:

WHEN the people of America reflect that they are now called upon to decide a question.

PUBLIUS
"""


def test_a_series_number_and_its_title_on_one_line_head_each_paper_and_nothing_else(tmp_path):
    tree = convert_document(make_project(tmp_path, PAPERS_ON_ONE_LINE, extra_toml=AS_NEW, title="The Papers").edition("sample"), [])
    heads = [" ".join("".join(h.itertext()).split()) for h in tree.xpath("//t:body/t:div/t:head", namespaces=NS)]
    assert heads == ["FEDERALIST No. 1. General Introduction",
                     "FEDERALIST No. 2. Concerning the Difficulties of the Convention in Devising a Proper Form of Government."]
    assert ["".join(c.itertext()).strip() for c in tree.xpath("//t:body/t:div/t:closer", namespaces=NS)] == ["PUBLIUS", "PUBLIUS"]
    assert restored_text(tree) == plain(PAPERS_ON_ONE_LINE)
