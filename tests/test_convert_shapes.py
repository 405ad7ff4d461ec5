"""Shapes of real plain texts, rule by rule (the corpus tests check them on whole texts):
documents read out after a paragraph, paragraphs marked by indentation only, emphasis that is a
title or a foreign phrase."""

from __future__ import annotations

import pytest

from edition.convert import emphasis, p20_typography
from edition.convert.model import Source
from edition.convert.p10_structure import build_document
from edition.convert.settings import Structure
from edition.xmlio import XML_NS

XML_LANG = f"{{{XML_NS}}}lang"


def _source(text: str) -> Source:
    return Source(path="t.txt", name="t.txt", text=text, sha256="0")


def _quoted(text: str) -> list[str]:
    doc = build_document(_source(text), Structure(closer=False))
    return [b.text.split("\n")[0] for s in doc.sections for b in s.blocks if b.quote is not None]


def test_documents_read_out_after_a_paragraph_are_a_block_quotation():
    text = ("T\n\nBy X.\n\nThe clerks stopped their work to read us the latest\ntelegrams.\n\n"
            "The Second Regiment offers its support. Greetings from the\nfleet and from the soldiers of the northern armies....\n\n"
            "Outside the rain went on and nobody spoke of it again that night.\n")
    assert _quoted(text) == ["The Second Regiment offers its support. Greetings from the"]


# tests/corpus/reed-front, lines 746-780: a proclamation introduced "as follows:", its title and address
# lines, a sentence between them and its orders, then the narrative resuming with "As we left the Duma".
PROCLAMATION = """T\n\nBy X.\n\nOne confided to me, in strictest secrecy, that the
counter-revolution would begin at midnight. He showed me two
proclamations, one signed by Gotz and Polkovnikov, ordering the
_yunker_ schools, soldier convalescents in the hospitals, and the
Knights of St. George to mobilise on a war footing and wait for
orders from the Committee for Salvation; the other from the
Committee for Salvation itself, which read as follows:

To the Population of Petrograd!

Comrades, workers, soldiers and citizens of revolutionary Petrograd!

The Bolsheviki, while appealing for peace at the front, are inciting
to civil war in the rear.

Do not dig their provocatory appeals!

Do not dig trenches!

Down with the traitorous barricades!

Lay down your arms!

Soldiers, return to your barracks!

The war begun in Petrograd--is the death of the Revolution!

In the name of liberty, land, and peace, unite around the Committee
for Salvation of Country and Revolution!

As we left the Duma a company of Red Guards, stern-faced and
desperate, came marching down the dark, deserted street with a dozen
prisoners--members of the local branch of the Council of Cossacks,
caught red-handed plotting counter-revolution in their headquarters....
"""


def test_a_proclamation_ends_where_the_narrative_resumes():
    quoted = _quoted(PROCLAMATION)
    assert quoted[0] == "To the Population of Petrograd!" and len(quoted) == 10
    assert quoted[-1] == "In the name of liberty, land, and peace, unite around the Committee"


def test_dialogue_after_a_quoted_line_is_not_the_document():
    # tests/corpus/verne-tour-du-monde, lines 654-662
    text = ("T\n\nBy X.\n\nAndrew Stuart, à qui c'était le tour de «faire», ramassa les cartes en\ndisant:\n\n"
            "«Théoriquement, vous avez raison, monsieur Fogg, mais dans la\npratique...\n\n"
            "--Dans la pratique aussi, monsieur Stuart.\n\n--Je voudrais bien vous y voir.\n")
    assert _quoted(text) == ["«Théoriquement, vous avez raison, monsieur Fogg, mais dans la"]


def test_a_paragraph_that_only_mentions_news_announces_nothing():
    text = ("T\n\nBy X.\n\nWe talked for an hour about the news.\n\n"
            "The Second Regiment had offered its support, and the fleet was said to be wavering.\n")
    assert _quoted(text) == []


def test_a_series_line_above_the_title_and_its_source_statement():
    text = ("Works of Jane Doe 1877\n\nThe Mill\n\nWritten: June 1877;\nSource: _Selected Works_, London.\n\n"
            "The mill stood by the river, and the miller worked it for forty years.\n")
    doc = build_document(_source(text), Structure(byline=False, closer=False))  # as `edition new` writes it
    assert (doc.series.text, doc.title.text) == ("Works of Jane Doe 1877", "The Mill")
    assert [s.head for s in doc.sections] == [None]


def test_a_source_statement_is_the_imprint_not_a_byline():
    # benchmarks/heldout/engels-marx, lines 1-10: "Written:" opens it, as "Written by" opens a byline
    text = ("Works of Frederick Engels 1877\n\nKarl Marx\n\nWritten: mid-June 1877;\n"
            "First published: in _Volks-Kalender,_ Brunswick, 1878;\nSource: _On Marx_;\n"
            "Publisher: Foreign Languages Press, Peking (1975).\n\n"
            "Karl Marx, the man who was first to give socialism, and thereby the whole labour movement of our day, "
            "a scientific foundation, was born at Trier in 1818.\n")
    doc = build_document(_source(text), Structure(byline=False, closer=False))  # as `edition new` writes it
    [imprint] = doc.imprint
    assert imprint.text.startswith("Written: mid-June 1877;") and imprint.text.endswith("Peking (1975).")
    assert doc.bylines == [] and doc.sections[0].blocks[0].text.startswith("Karl Marx, the man")


# benchmarks/heldout/lenin-engels, lines 3-14: a verse epigraph between the title and the text.
EPIGRAPH = ("Frederick Engels\n\nWhat a torch of reason ceased to burn,\nWhat a heart has ceased to beat!\n\n"
            "On August 5 (new style), 1895, Frederick Engels died in London. After his friend Karl Marx (who died "
            "in 1883), Engels was the finest scholar and teacher of the modern proletariat in the whole civilised world.\n")


def test_lines_of_verse_are_a_block_quotation():
    doc = build_document(_source(EPIGRAPH), Structure(byline=False, closer=False))
    verse, prose = doc.sections[0].blocks
    assert (verse.verse, verse.quote, prose.verse, prose.quote) == (True, "none", False, None)


@pytest.mark.parametrize("text", [
    "London\nOctober 8, 1885",  # engels-league: a dateline
    "Chapter IV\nThe Fall",  # a head on two lines
    "Written: mid-June 1877;\nSource: _On Marx_;",  # a source statement
    "To the Workers of Petrograd\nand to All the Soldiers!",  # a title on two lines
])
def test_other_short_lines_are_not_verse(text):
    doc = build_document(_source("T\n\n" + text + "\n\n" + EPIGRAPH.split("\n\n")[2]), Structure(byline=False, closer=False))
    assert not any(b.verse for s in doc.sections for b in s.blocks)


def test_a_title_and_its_first_heading_are_no_series():
    text = "The Mill\n\nChapter I\n\nThe mill stood by the river, and the miller worked it for forty years.\n"
    doc = build_document(_source(text), Structure(byline=False, closer=False))
    assert doc.series is None and doc.title.text == "The Mill"


INDENTED = ("T\n\nBy X.\n\n"
            "    The mill stood by the river, and the miller worked it\n"
            "for forty years without a day of rest.\n"
            "    His son, who had gone to the city, came back one autumn\n"
            "and found the wheel still turning.\n"
            "\tNobody asked him why he had come.\n"
            "    The wheel turned all that winter, and the\n"
            "river rose.\n")


def test_paragraphs_marked_by_indentation_alone_are_split():
    doc = build_document(_source(INDENTED), Structure(closer=False))
    blocks = doc.sections[0].blocks
    assert [b.text.split("\n")[0] for b in blocks] == [
        "The mill stood by the river, and the miller worked it",
        "His son, who had gone to the city, came back one autumn",
        "Nobody asked him why he had come.",
        "The wheel turned all that winter, and the",
    ]
    assert all(INDENTED[b.offset : b.offset + len(b.text)] == b.text for b in blocks)
    assert all(b.quote is None for b in blocks)  # indented first lines are no block quotation


@pytest.mark.parametrize("text", [
    # verse: short lines, every other one indented
    "T\n\nBy X.\n\nThe sun is down,\n    the fields are still;\nThe bells have rung\n    beyond the hill.\n",
    # a quotation indented as a whole
    "T\n\nBy X.\n\nHe wrote:\n    The sun is down and the fields are still, and the bells\n    have rung beyond the hill.\n",
    # one indented line after a sentence: a quotation inside a paragraph, not the text's paragraphs
    "T\n\nBy X.\n\nHe wrote:\n    The sun is down.\nAnd then he left the room and never came back to the mill.\n",
    # an indented line that does not follow the end of a sentence
    "T\n\nBy X.\n\nThe mill stood by the river, and the miller worked it for\n    forty years without a day of rest, and his son after him.\n",
])
def test_other_indented_lines_do_not_split_a_block(text):
    doc = build_document(_source(text), Structure(closer=False))
    assert len([b for s in doc.sections for b in s.blocks]) == 1


@pytest.mark.parametrize("span, before, tag", [
    ("Rheinische Zeitung", "had founded the ", "title"),  # a periodical's word
    ("Das Volk", "in the German newspaper ", "title"),  # a noun cue
    ("Les Crimes des congrégations religieuses.", "and also in the pamphlet ", "title"),  # sentence case after a noun
    ("Sozialdemokrat", "First Published: Nov 12-26, 1885 in ", "title"),  # "published … in"
    ("Gospel of Poor Sinners", "to be found in his ", "title"),  # a possessive, two words in title case
    ("Okhrana", "The agents of the notorious ", "hi"),  # no cue: an organisation, not a work
    ("Capital", "Marx wrote ", "hi"),  # a verb alone is too weak for one word
    ("garde champêtre", "the tyranny of the ", "foreign"),
    ("Landtag", "the Rhenish ", "foreign"),  # a German noun is capitalised
    ("Réforme", "social-democrats of the ", "hi"),  # one capitalised French word: a name
    ("Herr Vogt", "Marx answered with ", "hi"),  # capitalised words only: a name or a title
    ("intelligentzia", "among the bourgeois ", "hi"),  # a transliteration: no word list
    ("queue", "to stand in ", "hi"),  # a word English uses too
    ("make the slave a slave", "in order to ", "hi"),
])
def test_what_a_span_in_italics_is(span, before, tag):
    assert emphasis.kind(span, before, "en", set())[0] == tag


@pytest.mark.parametrize("span, before, after, tag", [
    ("Reformé,", "the republican press; the ", " a radical journal, started the idea", "title"),  # an apposition
    ("Egalité", "he started the ", ", the first socialist journal published in France", "title"),
    ("Correspondance,", "from the Berlin ", " one of Bismarck's organs, January, 1878.", "title"),
    ("République Française", "Gambetta's organ, the ", " was filled with rage", "title"),  # "organ," before it
    ("Okhrana", "The agents of the notorious ", ", a secret police, were everywhere", "hi"),  # not a periodical
    ("Egalité", "the men wrote ", " and their friends read it, a journal said", "hi"),  # no apposition right after
])
def test_an_apposition_or_a_noun_with_a_comma_says_a_span_is_a_work(span, before, after, tag):
    assert emphasis.kind(span, before, "en", set(), after)[0] == tag


def test_foreign_phrases_get_their_language_and_titles_repeat():
    text = ("T\n\nBy X.\n\nThe newspaper _Iskra_ reported it, and the _maire_ read _Iskra_ again; "
            "the _garde champêtre_ did not.\n")
    doc = build_document(_source(text), Structure(closer=False))
    p20_typography.run(doc, "en")
    block = doc.sections[0].blocks[0]
    found = [(block.text[a.start + 1 : a.end - 1], a.tag, a.attrs.get(XML_LANG)) for a in block.annotations
             if a.tag in ("hi", "title", "foreign")]
    assert found == [("Iskra", "title", None), ("maire", "foreign", "fr"), ("Iskra", "title", None),
                     ("garde champêtre", "foreign", "fr")]
