"""Pass 10: blocks, heads, byline, preface, closer, run-together lists."""

from __future__ import annotations

import pytest

from edition.convert.model import Source
from edition.convert.p10_structure import build_document, split_blocks
from edition.convert.settings import ListRule, Structure
from edition.errors import EditionError


def _source(text: str) -> Source:
    return Source(path="t.txt", name="t.txt", text=text, sha256="0")


def test_blocks_keep_their_source_offsets():
    text = "Title\n\n  First para\nwraps here.  \n\n\n\nSecond."
    blocks = split_blocks(_source(text))
    assert [b.text for b in blocks] == ["Title", "First para\nwraps here.", "Second."]
    assert all(text[b.offset : b.offset + len(b.text)] == b.text for b in blocks)


def test_roles_heads_and_ids():
    text = "T\n\nBy someone.\n\nPreface words.\n\nOne\n\nA para.\n\nB para.\n\nTwo\n\nC para.\n\nThe Author"
    doc = build_document(_source(text), Structure())
    assert doc.title.text == "T" and doc.bylines[0].text == "By someone."
    assert [b.xml_id for b in doc.prefaces[0].blocks] == ["preface.p1"]
    assert [(s.xml_id, s.head.text, [b.xml_id for b in s.blocks]) for s in doc.sections] == [
        ("s01", "One", ["s01.p1", "s01.p2"]),
        ("s02", "Two", ["s02.p1"]),
    ]
    (closer,) = doc.sections[-1].closer
    assert closer.text == "The Author" and closer.xml_id == "closer"


def test_a_sentence_is_not_a_head_and_a_text_without_heads_has_one_section():
    text = "T\n\nBy X.\n\nShort line.\n\nand a lower-case line\n\nLast para."
    doc = build_document(_source(text), Structure(closer=False))
    assert doc.prefaces == [] and len(doc.sections) == 1 and doc.sections[0].head is None
    assert [b.text for b in doc.sections[0].blocks] == ["Short line.", "and a lower-case line", "Last para."]


def test_run_together_list_becomes_items():
    text = "T\n\nBy X.\n\nHead\n\nIt asked for:One thing.Another thing. (A \"quoted\" aside.)Then prose went on."
    doc = build_document(_source(text), Structure(closer=False, lists=(ListRule("for:"),)))
    block = doc.sections[0].blocks[0]
    items = [block.text[a.start : a.end] for a in block.annotations if a.tag == "item"]
    assert items == ["One thing.", 'Another thing. (A "quoted" aside.)']
    (lst,) = [a for a in block.annotations if a.tag == "list"]
    assert block.text[lst.end :] == "Then prose went on."


def test_list_marker_must_occur_once():
    text = "T\n\nBy X.\n\nHead\n\nNo marker here."
    with pytest.raises(EditionError, match="marker 'including:' must occur exactly once"):
        build_document(_source(text), Structure(lists=(ListRule("including:"),)))


def test_title_only_text_is_refused():
    with pytest.raises(EditionError, match="no text after the title"):
        build_document(_source("Only a title"), Structure())


def test_seed_structure(seed):
    from edition.convert.source import read_source

    doc = build_document(read_source(seed.text_path, "seed"), Structure(lists=(ListRule("including:", 4),)))
    assert len(doc.sections) == 13 and len(doc.prefaces[0].blocks) == 5
    assert doc.bylines[0].text.startswith("This document was written by Ted Grant")
    assert doc.sections[-1].closer[0].text == "Roger Silverman and Ted Grant"
    assert [s.head.text for s in doc.sections][:2] == ["From an India to an America", "All Power to the Soviets"]
    assert doc.stats["list items"] == 4


def test_a_numbered_title_in_capitals_wrapped_over_two_lines_is_one_head():
    """Gutenberg's hard-wrapped chapter heads: the first line may end with a comma, the title may ask."""
    text = ("T\n\nCHAPTER XV -- CONCERNING THINGS FOR WHICH MEN, AND ESPECIALLY PRINCES,\nARE PRAISED OR BLAMED\n\n"
            "A para.\n\nCHAPTER XX -- ARE FORTRESSES, AND MANY OTHER THINGS TO WHICH PRINCES\nOFTEN RESORT, "
            "ADVANTAGEOUS OR HURTFUL?\n\nB para.\n\nWHO WILL SAY THAT A PRINCE, A CITIZEN AND A SOLDIER,\nARE ONE?\n\nC para.")
    doc = build_document(_source(text), Structure(byline=False, preface=False, closer=False))
    heads = [" ".join(s.head.text.split()) for s in doc.sections]
    assert heads == ["CHAPTER XV -- CONCERNING THINGS FOR WHICH MEN, AND ESPECIALLY PRINCES, ARE PRAISED OR BLAMED",
                     "CHAPTER XX -- ARE FORTRESSES, AND MANY OTHER THINGS TO WHICH PRINCES OFTEN RESORT, ADVANTAGEOUS OR HURTFUL?"]
    assert [b.text for b in doc.sections[-1].blocks][-2:] == ["WHO WILL SAY THAT A PRINCE, A CITIZEN AND A SOLDIER,\nARE ONE?", "C para."]


def test_a_title_in_capitals_with_by_under_it_heads_an_added_piece():
    """A book's appended piece: its title over three lines in capitals, "BY", the author's name."""
    text = ("T\n\nCHAPTER I -- OF STATES\n\nA para.\n\nDESCRIPTION OF THE METHODS ADOPTED BY THE DUKE WHEN MURDERING\n"
            "THE CAPTAINS, THE SIGNOR PAGOLO, AND THE DUKE\nOF GRAVINA\n\nBY\n\nANNA FERRO\n\nThe Duke had returned.")
    doc = build_document(_source(text), Structure(byline=False, preface=False, closer=False))
    heads = [" ".join(s.head.text.split()) for s in doc.sections]
    assert heads == ["CHAPTER I -- OF STATES", "DESCRIPTION OF THE METHODS ADOPTED BY THE DUKE WHEN MURDERING THE CAPTAINS, "
                     "THE SIGNOR PAGOLO, AND THE DUKE OF GRAVINA BY ANNA FERRO"]
    assert [b.text for b in doc.sections[1].blocks] == ["The Duke had returned."]
