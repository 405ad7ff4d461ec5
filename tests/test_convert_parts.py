"""Books or parts above chapters (nested divisions) and the back matter a book prints after its
chapters (appendix, glossary, index: TEI back), on novels made up for these tests; and how the
HTML, EPUB and PDF follow them (contents, navigation, outline, running heads)."""

from __future__ import annotations

import subprocess

import pytest
from lxml import html

from edition.convert import convert_document
from edition.xmlio import TEI_NS, XML_NS
from tests.buildkit import built_valid
from tests.epub_build import NSMAP, documents, epubcheck_messages
from tests.test_convert_gutenberg import AS_NEW
from tests.test_convert_helpers import make_project
from tests.test_corpus_convert import plain, restored_text

NS = {"t": TEI_NS}

# "BOOK THE FIRST--…" over "I. …" (Dickens's way), a contents list, an appendix, a glossary and
# the index the book printed, after "THE END.".
HARBOUR = """THE HARBOUR TOWN

A Story in Two Books

By Ellen Marsh


CONTENTS

Book the First--The Arrival
     I.  The Boat
    II.  The Inn

Book the Second--The Storm
     I.  The Warning
    II.  The Night


Book the First--The Arrival


I. The Boat

The boat came in on the evening tide, low in the water and late by a
day, and the whole town went down to the quay to watch it tie up.

Its master was a stranger to the harbour, and he asked for the inn.


II. The Inn

The inn stood at the top of the steps, and its keeper had a room for
any man who could pay for it in coin.

The stranger paid in coin and slept until noon.


Book the Second--The Storm


I. The Warning

The barometer fell through the morning, and the fishermen drew their
boats up the shingle before the rain began.

The stranger watched them from the window of the inn.


II. The Night

The storm broke at midnight and the sea came over the harbour wall.

By morning the stranger's boat was gone, and the stranger with it.

THE END.


APPENDIX

The tide tables of the harbour for the year of the storm, as the
harbour master kept them, are in the town museum.


GLOSSARY

Shingle: the stones of the upper beach.

Quay: the stone landing where boats tie up.


INDEX

Barometer, 7
Harbour wall, 8
Inn, 4, 6
"""

# "PART ONE" / "CHAPTER 1": parts whose heads carry no title, chapters with their titles under
# their labels; and a text with one "Book II" over its first chapter, which stays one head.
RIVER = """THE RIVER


PART ONE


CHAPTER 1

THE SOURCE

The river rises in a bog on the hill, and no one in the valley has
seen the place.


CHAPTER 2

THE MILL

The mill takes the river at the first fall, and lets it go again at
the second.


PART TWO


CHAPTER 3

THE SEA

The river comes to the sea at the harbour, brown with the soil of the
valley.
"""

ONE_BOOK = """A TREATISE


Book II


CHAPTER I.

OF THE FIRST PRINCIPLE

The first principle is that every man is his own master.


CHAPTER II.

OF THE SECOND PRINCIPLE

The second principle follows from the first.
"""


# A volume of letters listing its parts before the text (no "CONTENTS" over the list), then the
# parts again over their letters.
LETTERS = """LETTERS FROM THE SOUTH


SECOND PART.

Letters written in the winter, from Paris and from Lyons, to his brother.

THIRD PART.

A letter written in the spring, from Rome.


SECOND PART.


1. From Paris

Dear brother, Paris is grey and the river is high.


2. From Lyons

Dear brother, the silk mills of Lyons are idle this winter.


THIRD PART.


3. From Rome

Dear brother, Rome is warm, and I shall stay until Easter.
"""


def _tree(tmp_path, text: str, title: str):
    return convert_document(make_project(tmp_path, text, extra_toml=AS_NEW, title=title, register=None).edition("sample"))


def _heads(divs) -> list[str]:
    return [plain("".join(d.find(f"{{{TEI_NS}}}head").itertext())) for d in divs]


def test_books_above_chapters_are_nested_divisions(tmp_path):
    tree = _tree(tmp_path, HARBOUR, "The Harbour Town")
    books = tree.xpath("//t:body/t:div", namespaces=NS)
    assert [(b.get("type"), b.get("n")) for b in books] == [("book", "1"), ("book", "4")]
    assert _heads(books) == ["Book the First--The Arrival", "Book the Second--The Storm"]
    assert [_heads(b.iterfind("t:div", NS)) for b in books] == [["I. The Boat", "II. The Inn"], ["I. The Warning", "II. The Night"]]
    assert [d.get(f"{{{XML_NS}}}id") for d in tree.xpath("//t:body//t:div", namespaces=NS)] == ["s01", "s02", "s03", "s04", "s05", "s06"]
    assert tree.xpath("//t:front/t:div/@type", namespaces=NS) == ["contents"]
    assert "4 divisions stand inside the book" in "".join(tree.xpath("//t:segmentation//text()", namespaces=NS))
    assert restored_text(tree) == plain(HARBOUR)


def test_parts_with_untitled_heads_hold_their_labelled_chapters(tmp_path):
    tree = _tree(tmp_path, RIVER, "The River")
    parts = tree.xpath("//t:body/t:div", namespaces=NS)
    assert [p.get("type") for p in parts] == ["part", "part"] and _heads(parts) == ["PART ONE", "PART TWO"]
    assert [_heads(p.iterfind("t:div", NS)) for p in parts] == [["CHAPTER 1 THE SOURCE", "CHAPTER 2 THE MILL"], ["CHAPTER 3 THE SEA"]]
    assert restored_text(tree) == plain(RIVER)


def test_a_part_listed_before_the_text_is_no_part(tmp_path):
    tree = _tree(tmp_path, LETTERS, "Letters from the South")
    top = tree.xpath("//t:body/t:div", namespaces=NS)
    assert [(d.get("type"), len(d.findall(f"{{{TEI_NS}}}div"))) for d in top] == [("section", 0), ("section", 0), ("part", 2), ("part", 1)]
    assert _heads(top[2].iterfind("t:div", NS)) == ["1. From Paris", "2. From Lyons"]


def test_one_book_over_a_chapter_is_one_head(tmp_path):
    tree = _tree(tmp_path, ONE_BOOK, "A Treatise")
    divs = tree.xpath("//t:body//t:div", namespaces=NS)
    assert [d.get("type") for d in divs] == ["section", "section"]
    assert _heads(divs)[0] == "Book II CHAPTER I. OF THE FIRST PRINCIPLE"


def test_appendix_glossary_and_printed_index_are_back_matter(tmp_path):
    tree = _tree(tmp_path, HARBOUR, "The Harbour Town")
    back = tree.xpath("//t:back/t:div", namespaces=NS)
    assert [d.get("type") for d in back] == ["appendix", "glossary", "index"]
    assert _heads(back) == ["APPENDIX", "GLOSSARY", "INDEX"]
    assert plain("".join(back[2].find(f"{{{TEI_NS}}}p").itertext())) == "Barometer, 7 Harbour wall, 8 Inn, 4, 6"
    assert tree.xpath("//t:trailer/text()", namespaces=NS) == ["THE END."]  # closes the last chapter
    assert tree.xpath("//t:trailer/../@xml:id", namespaces=NS) == ["s06"]


@pytest.mark.slow
def test_nesting_and_back_matter_in_html_epub_and_print(tmp_path):
    long = HARBOUR.replace("The stranger paid in coin and slept until noon.\n", "The stranger paid in coin and slept until noon.\n\n" * 60)
    dist = built_valid(make_project(tmp_path, long, extra_toml=AS_NEW, title="The Harbour Town", register=None))
    # HTML: a page per division, the book's holding its head only; the contents nest
    contents = html.parse(str(dist / "html" / "index.html")).getroot().xpath("//ol[@class = 'toc-text']")[0]
    assert [plain(a.text_content()) for a in contents.xpath("li/a")] == [
        "CONTENTS", "1 Book the First—The Arrival", "4 Book the Second—The Storm", "APPENDIX", "GLOSSARY", "INDEX"]
    assert [a.get("href") for a in contents.xpath("li/ol/li/a")] == ["s02.html", "s03.html", "s05.html", "s06.html"]
    book = html.parse(str(dist / "html" / "s01.html")).getroot()
    assert [plain(h.text_content()) for h in book.xpath("//main//h1")] == ["1 Book the First—The Arrival"]
    assert "evening tide" not in book.text_content()
    appendix = html.parse(str(dist / "html" / "s07.html")).getroot()
    assert "tide tables" in appendix.text_content() and set(appendix.xpath("//a[@rel = 'prev']/@href")) == {"s06.html"}
    # EPUB: a document per division, the navigation nested, the back matter an appendix
    epub = dist / "sample.epub"
    nav = documents(epub)["nav.xhtml"]
    toc = nav.xpath("//h:nav[@id = 'toc']/h:ol", namespaces=NSMAP)[0]
    assert toc.xpath("h:li[h:a/@href = 's04.xhtml']/h:ol/h:li/h:a/@href", namespaces=NSMAP) == ["s05.xhtml", "s06.xhtml"]
    assert "GLOSSARY" in toc.xpath("h:li/h:a/text()", namespaces=NSMAP)
    assert documents(epub)["s01.xhtml"].xpath("//h:section/@epub:type", namespaces={**NSMAP, "epub": "http://www.idpf.org/2007/ops"}) == ["part"]
    assert [m for m in epubcheck_messages(epub) if m["severity"] != "USAGE"] == []
    # PDF: the outline nests the chapters under their book; the back matter is printed
    from pypdf import PdfReader

    reader = PdfReader(str(dist / "sample.pdf"))

    def titles(outline):
        return [titles(item) if isinstance(item, list) else item.title for item in outline]

    outline = titles(reader.outline)
    at = outline.index("Book the First—The Arrival")
    assert outline[at + 1] == ["I. The Boat", "II. The Inn"]
    assert "GLOSSARY" in outline
    pdf = plain(subprocess.run(["pdftotext", str(dist / "sample.pdf"), "-"], capture_output=True, text=True, check=True).stdout)
    assert "the stones of the upper beach" in pdf
    # running heads over a chapter's later pages: its book on the verso, the chapter on the recto
    pages = [text for p in reader.pages if "slept" in (text := p.extract_text().replace("\xa0", " "))]
    assert len(pages) >= 3 and "The inn stood" in pages[0]
    assert "Book the First—The Arrival" in pages[1] and "II. The Inn" in pages[2]  # the verso's, the recto's running head
