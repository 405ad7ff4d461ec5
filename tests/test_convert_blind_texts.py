"""Structure the fourth blind check found read wrong (benchmarks/heldout/BLIND.md, "Structure,
blind"), each on a cut of the held-out text it was found in (the text's own lines, as
benchmarks/heldout/SLUG keeps them), converted as a new user converts it (`edition new`, `convert`)."""

from __future__ import annotations

from pathlib import Path

from edition.xmlio import TEI_NS
from tests.test_convert_user_texts import _errors, _new_and_convert
from tests.test_corpus_convert import plain, restored_text

NS = {"t": TEI_NS}
HELDOUT = Path(__file__).resolve().parents[1] / "benchmarks" / "heldout"


def _lines(slug: str, *spans: tuple[int, int]) -> str:
    """Lines first..last (1-based, inclusive) of a held-out text, the spans joined by two blank lines."""
    lines = (HELDOUT / slug / f"{slug}.txt").read_text(encoding="utf-8").split("\n")
    return "\n\n\n".join("\n".join(lines[a - 1 : b]) for a, b in spans) + "\n"


def _heads(div) -> str:
    return plain("".join(div.find(f"{{{TEI_NS}}}head").itertext()))


def test_the_first_book_alone_holds_its_first_chapter_and_its_title_in_italics(tmp_path):
    # Thucydides (Gutenberg #7142): "BOOK I", "CHAPTER I", the chapter's title in italics over two
    # lines, then its first paragraphs.  The book was part of one head with the chapter's label, and
    # the title a paragraph (in italics it did not open with a capital), typed a work's title ("Times").
    text = _lines("thucydides-peloponnesian-war", (1, 48))
    tree = _new_and_convert(tmp_path, text)
    (book,) = tree.xpath("//t:body/t:div", namespaces=NS)
    assert book.get("type") == "book" and _heads(book) == "BOOK I"
    (chapter,) = book.findall(f"{{{TEI_NS}}}div")
    assert _heads(chapter) == ("CHAPTER I The State of Greece from the earliest Times to the Commencement of the "
                               "Peloponnesian War")
    assert chapter.xpath("t:head/t:hi/@rend", namespaces=NS) == ["italic underscore"]  # the head's type, no title
    assert plain("".join(chapter.find(f"{{{TEI_NS}}}p").itertext())).startswith("Thucydides, an Athenian")
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_a_lone_second_book_stays_in_its_chapters_head(tmp_path):
    # Locke's Second Treatise (Gutenberg #7370) is "Book II" of Two Treatises: the book names the
    # volume, and stays one head with its first chapter's (the held-out text's expected.toml).
    text = _lines("locke-second-treatise", (35, 35), (122, 142))
    tree = _new_and_convert(tmp_path, text)
    divs = tree.xpath("//t:body//t:div", namespaces=NS)
    assert [d.get("type") for d in divs] == ["section"]
    assert _heads(divs[0]).startswith("Book II CHAPTER. I. AN ESSAY CONCERNING")


def test_a_chapter_title_in_capitals_joined_by_dashes_is_its_title_not_an_argument(tmp_path):
    # Grant's Memoirs (Gutenberg #4367): "CHAPTER XX." over its topics in capitals, as the contents
    # list them: the chapter's title (it was read as the chapter's argument).
    text = _lines("grant-memoirs-belmont", (1, 24))
    tree = _new_and_convert(tmp_path, text)
    (chapter,) = tree.xpath("//t:body/t:div", namespaces=NS)
    assert _heads(chapter) == ("CHAPTER XX. GENERAL FREMONT IN COMMAND--MOVEMENT AGAINST BELMONT--BATTLE OF BELMONT "
                               "--A NARROW ESCAPE--AFTER THE BATTLE.")
    assert tree.xpath("//t:argument", namespaces=NS) == []
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_an_epigraphs_author_is_no_head_and_a_note_in_braces_finds_its_marker(tmp_path):
    # The People of the Abyss (Gutenberg #1688): a verse epigraph with "SWINBURNE." indented under it
    # (it headed a second division holding the whole chapter), a marker "{2}" in the text and its note
    # under "Footnotes:" at the end (not found: the braces were no marker's form).
    text = _lines("london-people-of-the-abyss", (1, 30), (67, 75), (452, 456))
    tree = _new_and_convert(tmp_path, text)
    (chapter,) = tree.xpath("//t:body/t:div", namespaces=NS)
    assert _heads(chapter) == "CHAPTER XII--CORONATION DAY"
    quote = chapter.find(f"{{{TEI_NS}}}quote")
    after = plain(" ".join(quote.itertext()) + " " + " ".join(quote.getnext().itertext()))
    assert after.startswith("O thou that sea-walls sever") and after.endswith("Of intercepted skies! SWINBURNE.")
    (note,) = tree.xpath("//t:body//t:note", namespaces=NS)
    assert (note.get("n"), note.get("rend")) == ("2", "brace")
    assert plain("".join(note.itertext())).startswith("Runt in America is the equivalent")  # its quote marks are soCalled
    assert plain("".join(note.getparent().itertext())).startswith("There is a Chinese proverb")
    assert tree.xpath("//t:back/t:div[@type = 'notes']/t:head/text()", namespaces=NS) == ["Footnotes:"]
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_a_chapter_numbered_with_its_volume_and_book_is_a_label_over_its_title(tmp_path):
    # Carlyle's French Revolution (Gutenberg #1301): "Chapter 1.2.IV." (volume 1, book 2, chapter IV),
    # then "Maurepas." as a paragraph of its own.  The dotted number was no label's: both were paragraphs.
    text = _lines("carlyle-french-revolution", (1, 20), (136, 145))
    tree = _new_and_convert(tmp_path, text)
    chapters = tree.xpath("//t:body/t:div", namespaces=NS)
    assert [_heads(c) for c in chapters] == ["Chapter 1.2.IV. Maurepas.", "Chapter 1.2.V. Astraea Redux without Cash."]
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_a_bracketed_note_on_the_edition_is_the_source_statement_and_numbered_heads_nest(tmp_path):
    # The Communist Manifesto (Gutenberg #61): "[From the English edition of 1888, edited by Friedrich
    # Engels]" under the title headed the preamble; "III." over "1." over "A." (Roman, Arabic, letter) were
    # one head, or none ("III." read as the title of the document "the following Manifesto" announces).
    # The slogan closing the text, in capitals, was a block quotation: it is the closer's salute.
    text = _lines("marx-engels-manifesto", (1, 50), (108, 115), (287, 295), (462, 470), (523, 531))
    tree = _new_and_convert(tmp_path, text)
    (imprint,) = tree.xpath("//t:front/t:docImprint", namespaces=NS)
    assert plain("".join(imprint.itertext())) == "From the English edition of 1888, edited by Friedrich Engels"
    tops = tree.xpath("//t:body/t:div", namespaces=NS)
    assert tops[0].find(f"{{{TEI_NS}}}head") is None  # the preamble, untitled
    assert [_heads(d) for d in tops[1:]] == ["III. SOCIALIST AND COMMUNIST LITERATURE",
                                             "IV. POSITION OF THE COMMUNISTS IN RELATION TO THE VARIOUS EXISTING OPPOSITION PARTIES"]
    assert [_heads(d) for d in tops[1].findall(f"{{{TEI_NS}}}div")] == ["1. REACTIONARY SOCIALISM",
                                                                        "2. CONSERVATIVE, OR BOURGEOIS, SOCIALISM"]
    assert [_heads(d) for d in tops[1].find(f"{{{TEI_NS}}}div").findall(f"{{{TEI_NS}}}div")] == [
        "A. Feudal Socialism", "B. Petty-Bourgeois Socialism"]
    assert tree.xpath("//t:body//t:quote", namespaces=NS) == []
    (salute,) = tree.xpath("//t:body/t:div[last()]/t:closer/t:salute", namespaces=NS)
    assert plain("".join(salute.itertext())) == "WORKING MEN OF ALL COUNTRIES, UNITE!"
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_a_dedication_is_front_matter_and_letters_given_whole_are_block_quotations(tmp_path):
    # Up from Slavery (Gutenberg #2376): the indented dedication under the byline was the text's first,
    # untitled section; Gilman's letter, from its address and dateline to "Yours very truly," and "D.C.
    # Gilman", was paragraphs, its signature the head of a division holding the rest of the chapter.
    text = _lines("washington-up-from-slavery", (1, 20), (362, 384))
    tree = _new_and_convert(tmp_path, text)
    (dedication,) = tree.xpath("//t:front/t:div[@type = 'dedication']", namespaces=NS)
    assert plain("".join(dedication.itertext())).startswith("This volume is dedicated to my Wife")
    (chapter,) = tree.xpath("//t:body/t:div", namespaces=NS)
    assert _heads(chapter) == "Chapter XIV. The Atlanta Exposition Address"
    (letter,) = chapter.findall(f"{{{TEI_NS}}}quote")
    lines = [plain("".join(p.itertext())) for p in letter]
    assert lines[0] == "Johns Hopkins University, Baltimore," and lines[-2:] == ["Yours very truly,", "D.C. Gilman"]
    assert plain("".join(letter.getnext().itertext())).startswith("I think I was even more surprised")
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_a_title_in_italics_on_the_title_page_is_the_works_title(tmp_path):
    # Common Sense (Gutenberg #147): "_COMMON SENSE_", "by" and "Thomas Paine" on lines of their own.  The
    # title page's underscores were kept as characters of the title; they mark the work's title in italics.
    text = _lines("paine-common-sense", (1, 20))
    tree = _new_and_convert(tmp_path, text)
    (part,) = tree.xpath("//t:docTitle/t:titlePart", namespaces=NS)
    assert part.xpath("t:title/@rend", namespaces=NS) == ["italic underscore"] and plain("".join(part.itertext())) == "COMMON SENSE"
    assert [plain("".join(b.itertext())) for b in tree.xpath("//t:front/t:byline", namespaces=NS)] == ["by Thomas Paine"]
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_an_imprint_in_title_case_is_the_title_pages_not_a_section(tmp_path):
    # God and the State (Gutenberg #36568): "First American Edition" and "Mother Earth Publishing
    # Association / 20 East 125th Street / New York City" under the bylines, in title case: they headed the
    # text's first section (an imprint was known only in capitals).
    text = _lines("bakunin-god-and-the-state", (1, 39), (146, 160))
    tree = _new_and_convert(tmp_path, text)
    imprint = [plain(" ".join(b.itertext())) for b in tree.xpath("//t:front/t:docImprint", namespaces=NS)]
    assert imprint == ["First American Edition", "Mother Earth Publishing Association 20 East 125th Street New York City"]
    (preface,) = tree.xpath("//t:front/t:div[@type = 'preface']", namespaces=NS)
    assert _heads(preface) == "Preface to the First French Edition"
    assert tree.xpath("//t:body/t:head[@type = 'repeated']/text()", namespaces=NS) == ["GOD AND THE STATE"]
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_a_volume_label_and_a_half_title_are_the_title_pages(tmp_path):
    # The History of England (Gutenberg #1468): "VOLUME 1 (of 5)" between the title and the byline, and
    # "HISTORY OF ENGLAND." (the title's first words) over "CHAPTER I.": they made an untitled first section
    # holding the byline too.
    text = _lines("macaulay-history-of-england", (1, 20))
    tree = _new_and_convert(tmp_path, text)
    parts = [(p.get("type"), p.text) for p in tree.xpath("//t:docTitle/t:titlePart", namespaces=NS)]
    assert parts == [("main", "THE HISTORY OF ENGLAND FROM THE ACCESSION OF JAMES II,"), ("volume", "VOLUME 1 (of 5)")]
    assert [plain("".join(b.itertext())) for b in tree.xpath("//t:front/t:byline", namespaces=NS)] == \
        ["by Thomas Babington Macaulay."]
    assert tree.xpath("//t:body/t:head[@type = 'repeated']/text()", namespaces=NS) == ["HISTORY OF ENGLAND."]
    (chapter,) = tree.xpath("//t:body/t:div", namespaces=NS)
    assert _heads(chapter) == "CHAPTER I."
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_a_title_ending_in_of_goes_on_and_a_heads_years_are_its_own(tmp_path):
    # The Autobiography of Benjamin Franklin (Gutenberg #148): "THE AUTOBIOGRAPHY OF" / "BENJAMIN
    # FRANKLIN" (the title's second block was the first of the head), then the head "BENJAMIN FRANKLIN" /
    # "HIS AUTOBIOGRAPHY" / "1706-1757" (the years were a paragraph).
    text = _lines("franklin-autobiography", (1, 24))
    tree = _new_and_convert(tmp_path, text)
    (part,) = tree.xpath("//t:docTitle/t:titlePart", namespaces=NS)
    assert plain(part.text) == "THE AUTOBIOGRAPHY OF BENJAMIN FRANKLIN"
    (chapter,) = tree.xpath("//t:body/t:div", namespaces=NS)
    assert _heads(chapter) == "BENJAMIN FRANKLIN HIS AUTOBIOGRAPHY 1706-1757"
    assert plain("".join(chapter.find(f"{{{TEI_NS}}}p").itertext())).startswith("TWYFORD, at the Bishop")
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []


def test_two_titles_joined_by_and_after_editors_of_are_titles(tmp_path):
    # God and the State: "these editors of the _Temps_ and the _Debats_" (two Paris dailies): "editors of"
    # says a periodical follows, and the second of two spans joined by "and" is one too (both were emphasis).
    text = _lines("bakunin-god-and-the-state", (1, 7), (119, 128))
    tree = _new_and_convert(tmp_path, text)
    assert tree.xpath("//t:body//t:title/text()", namespaces=NS) == ["Temps", "Debats"]
    assert tree.xpath("//t:body//t:foreign/text()", namespaces=NS) == ["élite"]
    assert restored_text(tree) == plain(text)
    assert _errors(tmp_path) == []
