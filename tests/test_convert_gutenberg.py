"""A Project Gutenberg file as downloaded: its header and licence are not the edition's text."""

from __future__ import annotations

from lxml import etree

from edition import gutenberg
from edition.convert import convert_document
from edition.xmlio import TEI_NS, XML_NS
from tests.test_convert_helpers import make_project
from tests.test_lossless import _normalise, _text_of

# Die Verwandlung, Gutenberg #22367 (22367-8.txt, decoded): its header, the first lines of the book,
# its sign-off, end line and the first lines of the licence.
HEADER = """The Project Gutenberg EBook of Die Verwandlung, by Franz Kafka

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.  You may copy it, give it away or
re-use it under the terms of the Project Gutenberg License included
with this eBook or online at www.gutenberg.org


Title: Die Verwandlung

Author: Franz Kafka

Release Date: August 21, 2007 [EBook #22367]

Language: German

Character set encoding: ISO-8859-1

*** START OF THIS PROJECT GUTENBERG EBOOK DIE VERWANDLUNG ***




Produced by Jana Srna, Alexander Bauer and the Online
Distributed Proofreading Team at http://www.pgdp.net



"""
BOOK = """                          DIE VERWANDLUNG

I.


Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte, fand er
sich in seinem Bett zu einem ungeheueren Ungeziefer verwandelt.
"""
FOOTER = """



End of the Project Gutenberg EBook of Die Verwandlung, by Franz Kafka

*** END OF THIS PROJECT GUTENBERG EBOOK DIE VERWANDLUNG ***

***** This file should be named 22367-8.txt or 22367-8.zip *****
This and all associated files of various formats will be found in:
        http://www.gutenberg.org/2/2/3/6/22367/
"""
FILE = HEADER + BOOK + FOOTER


def test_the_book_is_found_between_header_and_licence():
    start, end = gutenberg.edition_span(FILE)
    assert FILE[start:end].strip() == BOOK.strip()
    assert gutenberg.header_fields(FILE) == {"title": "Die Verwandlung", "author": "Franz Kafka", "language": "German"}
    assert gutenberg.edition_span(BOOK) == (0, len(BOOK))  # any other file is read whole


def test_header_and_licence_stay_out_of_the_tei_text_and_are_declared(tmp_path):
    edition = make_project(tmp_path, FILE, title="Die Verwandlung").edition("sample")
    tree = convert_document(edition)
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    assert "Gutenberg" not in "".join(text.itertext())
    assert _text_of(tree) == _normalise(BOOK)
    declared = tree.xpath("string(//t:editorialDecl/t:normalization)", namespaces={"t": TEI_NS})
    assert "Lines 1-25 of the source file (the Project Gutenberg header" in declared
    assert "lines 40-46 (its closing lines and licence)" in declared


def test_names_are_recognised_in_the_book_only():
    from edition.names.recogniser import recognise_text

    found = [FILE[start:end] for start, end, _ in recognise_text(FILE, lang="de")]
    assert found == ["Gregor Samsa"]  # not "Franz Kafka" of the header nor the producers "Jana Srna", "Alexander Bauer"


# Second Treatise of Government, Gutenberg #7370 (7370.txt), lines 1-37 shortened: the title line holds the byline.
LOCKE = """The Project Gutenberg EBook of Second Treatise of Government, by John Locke

Title: Second Treatise of Government

Author: John Locke

*** START OF THIS PROJECT GUTENBERG EBOOK SECOND TREATISE OF GOVERNMENT ***




Produced by Dave Gowan.








SECOND TREATISE OF GOVERNMENT by JOHN LOCKE

Digitized by Dave Gowan <dgowan@tfn.net>. John Locke's "Second Treatise of Government"
was published in 1690.
"""


AS_NEW = "\n[structure]\nbyline = false\npreface = false\ncloser = false\n"  # as `edition new` writes it


def _front(tmp_path, text: str) -> list[tuple[str, str]]:
    tree = convert_document(make_project(tmp_path, text, extra_toml=AS_NEW, title="Second Treatise").edition("sample"))
    front = tree.getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}front")
    return [(etree.QName(e).localname, " ".join("".join(e.itertext()).split())) for e in front]


def test_the_byline_in_a_title_line_is_cut_off_when_the_header_names_the_author(tmp_path):
    assert _front(tmp_path / "a", LOCKE) == [("docTitle", "SECOND TREATISE OF GOVERNMENT"), ("byline", "by JOHN LOCKE")]
    # Without the header nothing says "by JOHN LOCKE" is the author: the title line stays whole.
    without = LOCKE[LOCKE.index("SECOND TREATISE OF GOVERNMENT by"):]
    assert _front(tmp_path / "b", without) == [("docTitle", "SECOND TREATISE OF GOVERNMENT by JOHN LOCKE")]


# Gutenberg #7370, lines 35-58 and 122-135 shortened: the producer's note, a break, the preface, the first chapter.
LOCKE_NOTE = """SECOND TREATISE OF GOVERNMENT by JOHN LOCKE

Digitized by Dave Gowan <dgowan@tfn.net>. John Locke's "Second Treatise of Government"
was published in 1690. The complete unabridged text has been republished
several times in edited commentaries. This text is recovered entire from
the paperback book, "John Locke Second Treatise of Government", Edited,
with an Introduction, By C.B. McPherson, Hackett Publishing Company,
Indianapolis and Cambridge, 1980.

       *       *       *       *       *

PREFACE

Reader, thou hast here the beginning and end of a discourse concerning
government; what fate has otherwise disposed of the papers that should
have filled up the middle, and were more than all the rest, it is not
worth while to tell thee.

CHAPTER. II.

OF THE STATE OF NATURE.

Sect. 4. TO understand political power right, and derive it from its
original, we must consider, what state all men are naturally in.
"""


def _divisions(tree) -> list[tuple[str, str, str]]:
    return [(etree.QName(d.getparent()).localname, d.get("type"), " ".join(d.xpath("string(t:head)", namespaces={"t": TEI_NS}).split()))
            for d in tree.getroot().iter(f"{{{TEI_NS}}}div")]


def test_a_producers_note_before_the_first_head_is_front_matter(tmp_path):
    tree = convert_document(make_project(tmp_path, LOCKE_NOTE, extra_toml=AS_NEW, title="Second Treatise").edition("sample"))
    assert _divisions(tree) == [("front", "transcriber-note", ""), ("front", "preface", "PREFACE"),
                                ("body", "section", "CHAPTER. II. OF THE STATE OF NATURE.")]
    note = tree.getroot().find(f".//{{{TEI_NS}}}div[@type='transcriber-note']")
    assert "".join(note.itertext()).startswith("Digitized by Dave Gowan") and note[-1].get("unit") == "section"
    assert not note.xpath(".//t:persName", namespaces={"t": TEI_NS})  # the producer "Dave Gowan" is no name of the text
    assert _text_of(tree) == _normalise(LOCKE_NOTE.replace("*       *       *       *       *", ""))


# Gutenberg #7370, lines 204-238 shortened: a quotation between "/#" and "#/" lines (the "/#" on the quotation's first line).
LOCKE_QUOTE = """CHAPTER. II.

OF THE STATE OF NATURE.

Sect. 5. This equality of men by nature, the judicious Hooker looks upon
as so evident in itself, and beyond all question, that he makes it the
foundation of that obligation to mutual love amongst men. His words are,

/#
     The like natural inducement hath brought men to know that it is no
     less their duty, to love others than themselves; for seeing those
     things which are equal, must needs all have one measure.


#/

Sect. 6. But though this be a state of liberty, yet it is not a state of
licence.
"""


def test_a_quotation_between_slash_hash_markers_is_a_block_quotation(tmp_path):
    from tests.test_corpus_convert import plain, restored_text

    tree = convert_document(make_project(tmp_path, LOCKE_QUOTE, title="Second Treatise").edition("sample"))
    (quote,) = tree.getroot().iter(f"{{{TEI_NS}}}quote")
    assert quote.get("rend") == "markers" and [etree.QName(p).localname for p in quote] == ["p"]
    assert " ".join("".join(quote.itertext()).split()).startswith("The like natural inducement")
    body = "".join(tree.getroot().find(f"{{{TEI_NS}}}text").itertext())
    assert "/#" not in body and "#/" not in body
    assert restored_text(tree) == plain(LOCKE_QUOTE)


# Eight or Nine Wise Words about Letter-Writing, Gutenberg #38065, lines 574-600 and 737-752 shortened:
# the title, the last section shortened, "THE END.", the publishers' advertisements, the transcriber's notes.
CARROLL_END = """EIGHT OR NINE WISE WORDS ABOUT LETTER-WRITING

Sec. 5. _On registering Correspondence._

Let me conclude with a word of advice. Do not expect to get the Register into
good working order all at once.

The Register will come to regard the 'making-up' as a pleasant occupation for
a rainy day: when in doubt what to do, I 'make-up' my Letter-Register!


THE END.




Works by Lewis Carroll.

PUBLISHED BY

MACMILLAN & CO., Ltd., LONDON.


Alice's Adventures in Wonderland. With Forty-two Illustrations by TENNIEL.
(First published in 1865.) Crown 8vo, cloth, gilt edges, price 6_s._ net.
Ninetieth Thousand.

  [Illustration]

  Lewis Carroll
  MDCCCLXXXIX




Transcriber's Notes:

Passages in italics are indicated by _italics_.
"""


def test_after_the_end_come_advertisements_and_a_transcribers_note_in_the_back(tmp_path):
    from tests.test_corpus_convert import plain, restored_text

    tree = convert_document(make_project(tmp_path, CARROLL_END, extra_toml=AS_NEW, title="Letter-Writing").edition("sample"))
    assert _divisions(tree) == [("body", "section", "Sec. 5. On registering Correspondence."),
                                ("back", "advertisement", ""), ("back", "transcriber-note", "")]
    (trailer,) = tree.getroot().iter(f"{{{TEI_NS}}}trailer")
    assert trailer.text == "THE END." and trailer.getparent().get("type") == "section"
    adverts = tree.getroot().find(f".//{{{TEI_NS}}}div[@type='advertisement']")
    assert [etree.QName(e).localname for e in adverts] == ["p", "p", "p", "p", "figure", "p"]
    assert not adverts.xpath(".//t:persName | .//t:orgName | .//t:placeName", namespaces={"t": TEI_NS})  # not the author's text
    assert restored_text(tree) == plain(CARROLL_END)
    # Without a publisher's cue what follows "THE END." is not taken for advertisements: it is the
    # author's, divisions of the body after the one "THE END." closes (the transcriber's note is still back matter).
    appendix = CARROLL_END.replace("PUBLISHED BY", "NOTES ON").replace("Crown 8vo, cloth, gilt edges, price 6_s._ net", "cloth")
    tree = convert_document(make_project(tmp_path / "b", appendix, extra_toml=AS_NEW, title="Letter-Writing").edition("sample"))
    (trailer,) = tree.getroot().iter(f"{{{TEI_NS}}}trailer")
    assert trailer.getparent().get(f"{{{XML_NS}}}id") == "s01" and trailer.getnext() is None
    assert [d for d in _divisions(tree) if d[0] == "back"] == [("back", "transcriber-note", "")]
    assert len([d for d in _divisions(tree) if d[0] == "body"]) > 1
    assert restored_text(tree) == plain(appendix)


# Gutenberg #7370, lines 127-141: HTML's italics left in the plain text, "(<i>1</i>)".
LOCKE_ITALICS = """CHAPTER. I.

AN ESSAY CONCERNING THE TRUE ORIGINAL, EXTENT AND END OF CIVIL
GOVERNMENT


Sect. 1. It having been shewn in the foregoing discourse,

(<i>1</i>). That Adam had not, either by natural right of fatherhood, or by
positive donation from God, any such authority over his children, or
dominion over the world, as is pretended:

(<i>2</i>). That if he had, his heirs, yet, had no right to it:
"""


def test_html_italics_left_in_a_transcription_are_emphasis(tmp_path):
    from tests.test_corpus_convert import plain, restored_text

    tree = convert_document(make_project(tmp_path, LOCKE_ITALICS, extra_toml=AS_NEW, title="Second Treatise").edition("sample"))
    his = list(tree.getroot().iter(f"{{{TEI_NS}}}hi"))
    assert [(h.text, h.get("rend")) for h in his] == [("1", "italic html"), ("2", "italic html")]
    assert "<i>" not in "".join(tree.getroot().find(f"{{{TEI_NS}}}text").itertext())
    assert restored_text(tree) == plain(LOCKE_ITALICS)


# A file of David Widger's old-style Gutenberg series (made-up volume, the shape of #4830): the
# credit, a producer's "[NOTE: …]" on the bookmarks, a series line naming the volume above the
# title, a byline and a year, and the etext editor's bookmarks before the end line.
WIDGER = """Title: The Rise of a Republic, 1578

Author: Jan de Vries

*** START OF THE PROJECT GUTENBERG EBOOK THE REPUBLIC, 1578 ***



This eBook was produced by David Widger



[NOTE: There is a short list of bookmarks, or pointers, at the end of the
file for those who may wish to sample the author's ideas.  D.W.]





DE VRIES'S HISTORY OF THE LOW COUNTRIES, Project Gutenberg Edition, Vol. 30

THE RISE OF A REPUBLIC, 1578

By Jan de Vries

1855



CHAPTER V.

Towns were taken, and the states raised new forces for the defence of
the capital.




ETEXT EDITOR'S BOOKMARKS:

Towns were taken





*** END OF THE PROJECT GUTENBERG EBOOK THE REPUBLIC, 1578 ***
"""


def test_a_widger_volume_keeps_his_note_and_bookmarks_out_and_reads_its_title_page(tmp_path):
    from tests.test_corpus_convert import plain, restored_text

    start, end = gutenberg.edition_span(WIDGER)
    assert WIDGER[start:end].lstrip().startswith("DE VRIES'S HISTORY")
    assert WIDGER[start:end].rstrip().endswith("the capital.")
    as_new = "\n[structure]\nbyline = false\npreface = false\ncloser = false\n"  # as `edition new` writes it
    tree = convert_document(make_project(tmp_path, WIDGER, extra_toml=as_new, title="The Rise of a Republic").edition("sample"))
    front = tree.getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}front")
    assert [(etree.QName(e).localname, e.get("type"), " ".join("".join(e.itertext()).split())) for e in front.iter()
            if etree.QName(e).localname in ("titlePart", "byline", "docDate")] == [
        ("titlePart", "series", "DE VRIES'S HISTORY OF THE LOW COUNTRIES, Project Gutenberg Edition, Vol. 30"),
        ("titlePart", "main", "THE RISE OF A REPUBLIC, 1578"), ("byline", None, "By Jan de Vries"), ("docDate", None, "1855")]
    heads = tree.getroot().xpath("//t:body/t:div/t:head/text()", namespaces={"t": TEI_NS})
    assert heads == ["CHAPTER V."]
    assert restored_text(tree) == plain(WIDGER[start:end])
