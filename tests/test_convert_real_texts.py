"""Shapes of real plain texts, each on a small made-up text: line-end hyphens, heading overrides
in edition.toml, notes and their warnings, endnotes, figures, datelines."""

from __future__ import annotations

import subprocess
import zipfile
from collections import Counter

from lxml import etree

from edition.convert import convert_document
from edition.convert.p55_lines import soft
from edition.xmlio import TEI_NS
from tests.test_convert_helpers import make_project

NS = {"t": TEI_NS}
WRAPPED = """The Stores of Rochdale

Chapter IV
The Stores

The co-
operative stores were a well-
known sight in every town, and the
parson-
power of the parish[1] was waning.

[1] The vicar and his allies.

A sentence with a stray marker [2] and an end.

[Illustration: The store at Rochdale]

D.D.L.
New York, Sept. 12, 1897
"""


# As `edition new` writes it: no role is forced on the blocks after the title.
NEW = "\n[structure]\nbyline = false\npreface = false\ncloser = false\n"


def _convert(tmp_path, text: str = WRAPPED, extra: str = ""):
    toml = NEW + extra if "[structure]" not in extra else extra.replace("[structure]", NEW.strip())
    edition = make_project(tmp_path, text, extra_toml=toml, register=None, title="The Stores of Rochdale").edition("sample")
    warnings: list[str] = []
    return convert_document(edition, warnings).getroot(), warnings


def _xml(node) -> str:
    return etree.tostring(node, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "")


def test_soft_and_hard_line_end_hyphens():
    assert soft("co", "operative", Counter(), "en")
    assert not soft("well", "known", Counter(), "en")
    assert not soft("parson", "power", Counter(), "en")
    assert not soft("co", "operative", Counter({"co-operative": 2}), "en")  # the text's own spelling wins


def test_line_ends_are_encoded_and_the_text_reads_joined(tmp_path):
    tei, _ = _convert(tmp_path)
    p = _xml(tei.xpath("//t:body//t:p", namespaces=NS)[0])
    assert 'co<lb break="no" rend="hyphen"/>operative' in p
    assert 'well-<lb break="no"/>known' in p and 'parson-<lb break="no"/>power' in p
    hyphenation = tei.find(".//{*}hyphenation")
    assert hyphenation.get("eol") == "hard" and "1 words" in "".join(hyphenation.itertext())


def test_chapter_label_and_title_are_one_head_and_the_signature_a_closer(tmp_path):
    tei, _ = _convert(tmp_path)
    (div,) = tei.xpath("//t:body/t:div", namespaces=NS)
    assert " ".join("".join(div.find("t:head", NS).itertext()).split()) == "Chapter IV The Stores"
    closer = div.find("t:closer", NS)
    assert [(etree.QName(c).localname, "".join(c.itertext())) for c in closer] == [
        ("signed", "D.D.L."), ("dateline", "New York, Sept. 12, 1897")]
    figure = div.find("t:figure/t:figDesc", NS)
    assert "".join(figure.itertext()) == "Illustration: The store at Rochdale"


def test_note_goes_to_its_marker_and_a_stray_marker_is_a_warning(tmp_path):
    tei, warnings = _convert(tmp_path)
    (note,) = tei.xpath("//t:p//t:note", namespaces=NS)
    assert (note.get("n"), note.get("place"), note.get("rend"), note.text) == ("1", "foot", "bracket", "The vicar and his allies.")
    assert tei.xpath("//t:anchor[@type = 'note']/@corresp", namespaces=NS) == [f"#{note.get('{http://www.w3.org/XML/1998/namespace}id')}"]
    assert any(w.endswith("text.txt:14:32: note marker '[2]' without a note text") for w in warnings), warnings


def test_endnotes_are_chosen_in_edition_toml(tmp_path):
    tei, _ = _convert(tmp_path, extra='\n[notes]\nplace = "end"\n')
    assert tei.xpath("//t:note/@place", namespaces=NS) == ["end"]


def test_editor_overrides_heads_and_not_heads(tmp_path):
    text = "Title\n\nOpening Words\n\nSome prose here.\n\nKarl Marx\n\nMore prose follows.\n\nA last remark.\n"
    tei, _ = _convert(tmp_path, text)
    heads = ["".join(h.itertext()) for h in tei.xpath("//t:body//t:head", namespaces=NS)]
    assert heads == ["Opening Words", "Karl Marx"]
    extra = '\n[structure]\nnot_heads = ["Karl Marx"]\nhead_patterns = ["More prose.*"]\n'
    tei, _ = _convert(tmp_path / "again", text, extra)
    heads = ["".join(h.itertext()) for h in tei.xpath("//t:body//t:head", namespaces=NS)]
    assert heads == ["Opening Words", "More prose follows."]


def _print_html(tmp_path, extra: str, text: str = WRAPPED) -> etree._Element:
    """The print stylesheet's HTML (what WeasyPrint typesets) for the made-up text."""
    from lxml import html

    from edition.builders import EditionContext
    from edition.builders.pdf import xslt_params
    from edition.convert.tei import serialise
    from edition.xslt import stylesheet

    edition = make_project(tmp_path, text, extra_toml=NEW + extra, register=None, title="The Stores of Rochdale").edition("sample")
    edition.tei_path.parent.mkdir(parents=True, exist_ok=True)
    edition.tei_path.write_bytes(serialise(convert_document(edition).getroot()))
    return html.fromstring(stylesheet("print/main.xsl").transform(edition.tei_path, xslt_params(edition, EditionContext(edition))).encode())


def test_print_sets_footnotes_or_endnotes(tmp_path):
    foot = _print_html(tmp_path / "foot", "")
    assert [" ".join(s.text_content().split()) for s in foot.xpath("//span[@class = 'footnote'][@id = 'fn1']")] == ["The vicar and his allies."]
    end = _print_html(tmp_path / "end", '\n[notes]\nplace = "end"\n')
    assert not end.xpath("//span[@class = 'footnote'][@id = 'fn1']")
    (ref,) = end.xpath("//a[@role = 'doc-noteref']")
    (note,) = end.xpath("//aside[@class = 'notes']/p[@id = 'fn1']")
    assert ref.get("href") == "#fn1" and note.xpath("a[@role = 'doc-backlink']/@href") == [f"#{ref.get('id')}"]
    assert "The vicar and his allies." in note.text_content()


LETTER = """A Letter

Sir,

I write to you on a matter of some weight, as the note¹ below explains, and as a friend* would.

¹ The matter of the debt.

* Not an enemy.

Yours truly,
John Smith
London, May 2, 1848
"""


def test_letter_closer_and_other_note_forms(tmp_path):
    tei, warnings = _convert(tmp_path, LETTER)
    notes = tei.xpath("//t:p//t:note", namespaces=NS)
    assert [(n.get("n"), n.get("rend"), n.text) for n in notes] == [("1", "sup", "The matter of the debt."), ("*", "symbol", "Not an enemy.")]
    closer = tei.find(".//{*}closer")
    assert [(etree.QName(c).localname, "".join(c.itertext())) for c in closer] == [
        ("salute", "Yours truly,"), ("signed", "John Smith"), ("dateline", "London, May 2, 1848")]


def test_notes_under_a_notes_heading_numbered_1_2(tmp_path):
    text = "Essay\n\nFirst Part\n\nA claim[1] and another[2].\n\nNotes\n\n1. The first source.\n2. The second source.\n"
    tei, warnings = _convert(tmp_path, text)
    notes = tei.xpath("//t:p//t:note", namespaces=NS)
    assert [(n.get("n"), n.get("rend"), n.text) for n in notes] == [("1", "bracket number", "The first source."),
                                                                    ("2", "bracket number", "The second source.")]
    (notes_div,) = tei.xpath("//t:back/t:div[@type = 'notes']", namespaces=NS)
    assert notes_div.find("t:head", NS).text == "Notes" and len(notes_div.findall("t:anchor", NS)) == 2
    assert [w for w in warnings if "note" in w] == []


# benchmarks/heldout/lenin-engels, lines 1-14 (the licence line shortened to its first sentence,
# the first paragraph to its first two): byline, title, source statement, verse epigraph, text.
EPIGRAPH = """Vladimir Ilyich Lenin

Frederick Engels

Written: Written in autumn 1895
Source: _Lenin Collected Works_, Moscow, Volume 2, pages 15-28.
Transcription: Zodiac
Public Domain: Lenin Internet Archive.

What a torch of reason ceased to burn,
What a heart has ceased to beat!

On August 5 (new style), 1895, Frederick Engels died in London. After his friend Karl Marx (who died in 1883), Engels was the finest scholar and teacher of the modern proletariat in the whole civilised world.
"""


def _errors(tmp_path, text: str) -> list[str]:
    """Validation errors (tei_all, the project schema, Schematron) of the text's TEI as `new` makes it."""
    from edition.convert.tei import serialise
    from edition.validate import validate_files

    edition = make_project(tmp_path, text, extra_toml=NEW, register=None).edition("sample")
    edition.tei_path.parent.mkdir(parents=True, exist_ok=True)
    edition.tei_path.write_bytes(serialise(convert_document(edition).getroot()))
    (result,) = validate_files([edition.tei_path])
    return [f.as_text() for f in result.findings if f.severity == "error"]


def test_verse_is_a_valid_quoted_lg_typeset_line_by_line(tmp_path):
    from edition.convert.tei import serialise
    from edition.validate import validate_files
    from tests.buildkit import run

    project = make_project(tmp_path, EPIGRAPH, extra_toml=NEW, register=None, title="Frederick Engels")
    edition = project.edition("sample")
    edition.tei_path.parent.mkdir(parents=True, exist_ok=True)
    edition.tei_path.write_bytes(serialise(convert_document(edition).getroot()))
    tei = etree.parse(str(edition.tei_path))
    lines = ["What a torch of reason ceased to burn,", "What a heart has ceased to beat!"]
    assert tei.xpath("//t:body/t:div/t:quote/t:lg/t:l/text()", namespaces=NS) == lines
    assert tei.xpath("//t:front/t:docImprint/text()", namespaces=NS)[0].startswith("Written: Written in autumn 1895")
    (result,) = validate_files([edition.tei_path])
    assert not [f.as_text() for f in result.findings if f.severity == "error"]
    assert all(layer.status == "passed" for layer in result.layers.values())
    assert run(tmp_path, "build", "all", "sample", "-q").exit_code == 0
    dist = tmp_path / "dist" / "sample"
    with zipfile.ZipFile(dist / "sample.epub") as book:
        epub = [etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")]
    html_page = etree.parse(str(dist / "html" / "s01.html"), etree.HTMLParser()).getroot()
    typeset = [_verse_lines(page) for page in (html_page, *epub) if _verse_lines(page)]
    assert typeset == [lines, lines]  # the HTML section and one EPUB file
    pdf = subprocess.run(["pdftotext", "-layout", str(dist / "sample.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert [line.strip() for line in pdf.splitlines() if line.strip() in lines] == lines  # a line each
    title_page = etree.parse(str(dist / "html" / "index.html"), etree.HTMLParser()).getroot()
    assert "".join(title_page.xpath("//p[@class = 'source-statement']//text()")).startswith("Written: Written in autumn 1895")


def _verse_lines(page) -> list[str]:
    """The lines of a block-quoted lg as a writer set them, one element each."""
    verse = page.xpath("//*[local-name() = 'blockquote']/*[@class = 'lg']/*[@class = 'l']")
    return [" ".join("".join(v.itertext()).split()) for v in verse]


# Locke, Second Treatise of Government (Gutenberg #7370), lines 219-225 and 603-612: "CHAPTER." with
# its full stop, numbered paragraphs "Sect. 4." that stay paragraphs.
LOCKE = """Second Treatise of Government

CHAPTER. II.

OF THE STATE OF NATURE.


Sect. 4. TO understand political power right, and derive it from its
original, we must consider, what state all men are naturally in.

CHAPTER. IV.

OF SLAVERY.


Sect. 22. THE natural liberty of man is to be free from any superior
power on earth.
"""


def test_chapter_label_with_a_full_stop_opens_each_chapter(tmp_path):
    tei, _ = _convert(tmp_path, LOCKE)
    heads = [" ".join("".join(h.itertext()).split()) for h in tei.xpath("//t:body/t:div/t:head", namespaces=NS)]
    assert heads == ["CHAPTER. II. OF THE STATE OF NATURE.", "CHAPTER. IV. OF SLAVERY."]
    assert [len(d.findall("t:p", NS)) for d in tei.xpath("//t:body/t:div", namespaces=NS)] == [1, 1]


# Two of Engels's letters of 1890 as the Marxists Internet Archive shows them, one page after the
# other (marx/works/1890/letters/90_08_05.htm, 90_08_21.htm): each page repeats the collection's title.
LETTERS = """Marx-Engels Correspondence 1890

Engels to C. Schmidt
In Berlin

I saw a review of Paul Barth's book by that bird of ill omen, Moritz Wirth.

Marx-Engels Correspondence 1890

Engels to Otto Von Boenigk
In Breslau

I can reply only briefly and in general terms to your inquiries.
"""


def test_the_title_repeated_over_each_letter_joins_its_head_and_leaves_no_empty_division(tmp_path):
    tei, _ = _convert(tmp_path, LETTERS)
    divs = tei.xpath("//t:body/t:div", namespaces=NS)
    heads = [" ".join("".join(d.find("t:head", NS).itertext()).split()) for d in divs]
    assert heads == ["Engels to C. Schmidt In Berlin", "Marx-Engels Correspondence 1890 Engels to Otto Von Boenigk In Breslau"]
    assert [len(d.findall("t:p", NS)) for d in divs] == [1, 1]


# Kafka, Die Verwandlung (Gutenberg #22367), the title page after the Gutenberg header: "VON" and the
# author's name are two blocks; the publisher's imprint follows (its letter-spacing with no-break spaces).
KAFKA_TITLE_PAGE = """                          DIE VERWANDLUNG

                                VON

                            FRANZ KAFKA


                  K U R T  W O L F F  V E R L A G

                           L E I P Z I G

 B Ü C H E R E I  »D E R  J Ü N G S T E  T A G«  B A N D  2 2 / 2 3




            COPYRIGHT KURT WOLFF VERLAG · LEIPZIG. 1917




I.


Als Gregor Samsa eines Morgens aus unruhigen Träumen erwachte, fand er
sich in seinem Bett zu einem ungeheueren Ungeziefer verwandelt.
"""


def test_a_byline_word_alone_takes_the_name_after_it_and_the_imprint_is_front_matter(tmp_path):
    tei, _ = _convert(tmp_path, KAFKA_TITLE_PAGE)
    (byline,) = tei.xpath("//t:front/t:byline", namespaces=NS)
    assert " ".join("".join(byline.itertext()).split()) == "VON FRANZ KAFKA"
    imprint = [" ".join("".join(d.itertext()).split()) for d in tei.xpath("//t:front/t:docImprint", namespaces=NS)]
    assert imprint == ["K U R T W O L F F V E R L A G", "L E I P Z I G", "B Ü C H E R E I D E R J Ü N G S T E T A G B A N D 2 2 / 2 3",
                       "COPYRIGHT KURT WOLFF VERLAG · LEIPZIG. 1917"]
    assert tei.xpath("//t:docImprint/t:title/@rend", namespaces=NS) == ["guillemets reversed"]  # the series' title
    assert [" ".join("".join(h.itertext()).split()) for h in tei.xpath("//t:body/t:div/t:head", namespaces=NS)] == ["I."]



# Carroll, Eight or Nine Wise Words about Letter-Writing (Gutenberg #38065), lines 533-570: rules
# numbered (1), (2), (3); its licence says "Its 501(c)(3) letter is posted at" (line 1049).
CARROLL_RULES = """Eight or Nine Wise Words about Letter-Writing

or 3 lines _blank_ (often useful afterwards for entering omitted Letters)
and miss one or 2 numbers before I begin the next page.

At any odd moments of leisure, I 'make up' the entry-book, in various
ways, as follows:--

(1) I draw a _second_ line, at the right-hand end of the 'received'
entries, and at the left-hand end of the 'sent' entries. This I usually do
pretty well 'up to date'. In my Register the first line is _red_, the
second _blue_: here I distinguish them by making the first thin, and the
second _thick_.

(2) Beginning with the last entry, and going backwards, I read over the
names till I recognise one as having occurred already: I then link the two
entries together, by giving the one, that comes first in chronological
order, a 'foot-reference' (see Nos. 217, 225). I do not keep this
'up-to-date', but leave it till there are 4 or 5 pages to be done. I work
back till I come among entries that are all supplied with
'foot-references', when I once more glance through the last few pages, to
see if there are any entries not yet supplied with head-references:
_their_ predecessors may need a special search. If an entry is connected,
in subject, with another under a different name, I link them by
cross-references, distinguished from the head- and foot-references by
being written _further from the marginal line_ (see No. 229). When 2
consecutive entries have the same name, and are both of the same kind
(i.e. both 'received' or both 'sent') I bracket them (see Nos. 242, 243);
if of different kinds, I link them with the symbol used for Nos. 219, 220.

(3) Beginning at the earliest entry not yet done with, and going forwards,
I cross out every entry that has got a head- and foot-reference, and is
done with, by continuing the extra line _through_ it (see Nos. 221, 223,
225). Thus, wherever a _break_ occurs in this extra line, it shows there
is some matter still needing attention. I do not keep this anything like
'up to date', but leave it till there are 30 or 40 pages to look through
at a time. When the first page in the volume is thus completely crossed
out, I put a mark at the foot of the page to indicate this; and so with
pages 2, 3, &c. Hence, whenever I do this part of the 'making up', I need
not begin at the beginning of the volume, but only at the _earliest page
"""
LICENCE = "number is 64-6221541.  Its 501(c)(3) letter is posted at\nhttp://pglaf.org/fundraising.\n"
GUTENBERG_END = ("\n\nEnd of the Project Gutenberg EBook of Eight or Nine Wise Words about\nLetter-Writing, by Lewis Carroll\n\n"
                 "*** END OF THIS PROJECT GUTENBERG EBOOK WISE WORDS ABOUT LETTER-WRITING ***\n\n")


def _numbered(tei) -> list[str]:
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in tei.xpath("//t:body//t:p", namespaces=NS)]
    return [p[:3] for p in paragraphs if p.startswith("(")]


def test_numbered_rules_are_paragraphs_not_notes(tmp_path):
    tei, warnings = _convert(tmp_path, CARROLL_RULES + "\n" + LICENCE)  # "(3)" stands after a word: could be a marker
    assert _numbered(tei) == ["(1)", "(2)", "(3)"]
    assert tei.xpath("//t:text//t:note", namespaces=NS) == [] and not [w for w in warnings if "note" in w]


def test_a_marker_in_the_gutenberg_licence_marks_no_note(tmp_path):
    only_third = CARROLL_RULES[: CARROLL_RULES.index("(1) I draw")] + CARROLL_RULES[CARROLL_RULES.index("(3) Beginning"):]
    start = "*** START OF THIS PROJECT GUTENBERG EBOOK WISE WORDS ABOUT LETTER-WRITING ***\n\n"
    tei, warnings = _convert(tmp_path, start + only_third + GUTENBERG_END + LICENCE)
    assert _numbered(tei) == ["(3)"]
    assert tei.xpath("//t:text//t:note", namespaces=NS) == [] and not [w for w in warnings if "note" in w]


# Carroll (Gutenberg #38065), lines 577-587: the text's last words, then the publisher's list.
CARROLL_END = """Eight or Nine Wise Words about Letter-Writing

Sec. 5. _On registering Correspondence._


In the Game of Whist, Hoyle gives us one golden Rule, "When in doubt, win the
trick"--I find that Rule admirable for real life: when in doubt what to
do, I 'make-up' my Letter-Register!




THE END.




Works by Lewis Carroll.
"""


def test_the_end_heads_nothing(tmp_path):
    tei, _ = _convert(tmp_path, CARROLL_END)
    heads = [" ".join("".join(h.itertext()).split()) for h in tei.xpath("//t:body/t:div/t:head", namespaces=NS)]
    assert heads == ["Sec. 5. On registering Correspondence."]


# Shapes first met in the session-5 held-out texts, each on a made-up text: Gutenberg's "(*)" and
# "(+)" notes printed indented under their paragraph, a note "1. …" closing the text after the
# signature, a title page dated under the byline or beside the author's name, a note on the
# author under the title before "INTRODUCTION", a quoted document in straight quotes.
STARRED = """THE PRINCIPALITY

by Anna Ferro

Translated by J. Doe


Anna Ferro, born at Lucca in 1801. Died at Pisa in 1860.


INTRODUCTION

Anna Ferro wrote this book in exile.


CHAPTER I -- OF NEW STATES

A state given by fortune has roots(*) that a storm overturns.

     (*) "Le radici," their roots and their
     relations with other states.

The duke learned it when the king died,(*) and his successor(+) would
not help him.

     (*) The king died in 1503.

     (+) The successor was elected the same year.
"""


def test_starred_notes_indented_under_their_paragraph_are_notes(tmp_path):
    from tests.test_corpus_convert import plain, restored_text

    tei, warnings = _convert(tmp_path, STARRED)
    notes = tei.xpath("//t:body//t:p//t:note", namespaces=NS)
    assert [(n.get("n"), n.get("rend"), " ".join("".join(n.itertext()).split())) for n in notes] == [
        ("*", "paren", "Le radici, their roots and their relations with other states."),
        ("*", "paren", "The king died in 1503."),
        ("+", "paren", "The successor was elected the same year.")]
    assert tei.xpath("//t:div/t:quote", namespaces=NS) == [] and not [w for w in warnings if "note" in w]
    assert restored_text(tei.getroottree()) == plain(STARRED)


def test_paragraphs_under_the_title_before_an_introduction_are_front_matter(tmp_path):
    tei, _ = _convert(tmp_path, STARRED)
    divs = [(etree.QName(d.getparent()).localname, d.get("type"), d.findtext("t:head", namespaces=NS))
            for d in tei.xpath("//t:text//t:div", namespaces=NS)]
    assert divs == [("front", "preface", None), ("front", "preface", "INTRODUCTION"),
                    ("body", "section", "CHAPTER I -- OF NEW STATES")]
    assert ["".join(b.itertext()) for b in tei.xpath("//t:front/t:byline", namespaces=NS)] == ["by Anna Ferro", "Translated by J. Doe"]


SIGNED_NOTE = """Jean Martin March 1890

Labour in France 1880-1890

Source: The Review, March 1890.
Transcribed: by A. Reader.

The workers met at Roubaix in 1880, and their paper came out again with a staff of refugees.[1] It
was read everywhere.

"We shall appear again very soon, not more earnest but more powerful, in the work we have undertaken, which is the constitution of the party; and that is why we say to our readers: until we meet again."

its last words were these, in the paper's own quotation marks, "and a lowercase start is no document of its own."

JEAN MARTIN, (Translated by Paul Smith)

1. Among these was the present writer.
"""


def test_a_numbered_note_closing_the_text_goes_to_its_marker(tmp_path):
    from tests.test_corpus_convert import plain, restored_text

    tei, warnings = _convert(tmp_path, SIGNED_NOTE)
    (note,) = tei.xpath("//t:body//t:p//t:note", namespaces=NS)
    assert (note.get("n"), note.get("rend"), note.text) == ("1", "bracket number", "Among these was the present writer.")
    assert not [w for w in warnings if "note" in w]
    (closer,) = tei.xpath("//t:body/t:div/t:closer", namespaces=NS)  # the signature, then where the note stood
    assert "".join(closer.find("t:signed", NS).itertext()) == "JEAN MARTIN, (Translated by Paul Smith)"
    assert closer.getnext().tag == f"{{{TEI_NS}}}anchor" and closer.getnext().getnext() is None
    assert _errors(tmp_path / "valid", SIGNED_NOTE) == []  # an anchor after the closer is valid TEI
    assert restored_text(tei.getroottree()) == plain(SIGNED_NOTE)
    listed = _convert(tmp_path / "list", SIGNED_NOTE.replace("refugees.[1]", "refugees."))[0]  # no marker: a paragraph
    assert listed.xpath("//t:text//t:note", namespaces=NS) == []


def test_author_and_month_on_the_first_line_are_byline_and_date(tmp_path):
    tei, _ = _convert(tmp_path, SIGNED_NOTE)
    front = tei.find("t:text/t:front", NS)
    assert [(etree.QName(e).localname, " ".join("".join(e.itertext()).split())) for e in front][:3] == [
        ("byline", "Jean Martin"), ("docDate", "March 1890"), ("docTitle", "Labour in France 1880-1890")]


def test_a_paragraph_quoted_whole_in_straight_quotes_is_a_block_quotation(tmp_path):
    tei, _ = _convert(tmp_path, SIGNED_NOTE)
    quoted = [" ".join("".join(q.itertext()).split()) for q in tei.xpath("//t:div/t:quote", namespaces=NS)]
    assert [q[:30] for q in quoted] == ["We shall appear again very soo"]  # the lowercase one goes on a sentence


DATED = """THE RISE OF A REPUBLIC, 1578

By Jan de Vries

1855



CHAPTER V.

Towns were taken and the states raised new forces.
"""


def test_a_year_under_the_byline_is_the_date_not_a_section(tmp_path):
    from tests.test_corpus_convert import plain, restored_text

    tei, _ = _convert(tmp_path, DATED)
    front = tei.find("t:text/t:front", NS)
    assert [etree.QName(e).localname for e in front] == ["docTitle", "byline", "docDate"]
    assert [d.findtext("t:head", namespaces=NS) for d in tei.xpath("//t:body/t:div", namespaces=NS)] == ["CHAPTER V."]
    assert restored_text(tei.getroottree()) == plain(DATED)


def test_new_reads_title_and_author_from_the_title_page(tmp_path):
    from edition.project import Project
    from edition.scaffold import new_edition

    for name, text, title, author in (("starred", STARRED, "THE PRINCIPALITY", "Anna Ferro"),
                                      ("dated", DATED, "THE RISE OF A REPUBLIC, 1578", "Jan de Vries"),
                                      ("signed", SIGNED_NOTE, "Labour in France 1880-1890", "Jean Martin")):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        toml = new_edition(Project(tmp_path / "project"), name, path).read_text(encoding="utf-8")
        assert f'title = "{title}"  # FILL IN: check; read from the text\'s title page' in toml
        assert f'{{ name = "{author}" }}' in toml


def test_a_footnote_wrapped_over_lines_is_set_as_one_paragraph_in_print(tmp_path):
    notes = _print_html(tmp_path, "", STARRED).xpath("//span[@class = 'footnote']")
    assert [n.text_content() for n in notes][0] == "“Le radici,” their roots and their relations with other states."
    assert len(notes) == 3 and not any("\n" in n.text_content() for n in notes)  # WeasyPrint would break at each
