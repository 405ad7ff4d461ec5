"""Shapes of real plain texts, rule by rule (the corpus tests check them on whole texts):
documents read out after a paragraph, paragraphs marked by indentation only, emphasis that is a
title or a foreign phrase."""

from __future__ import annotations

from edition.convert.model import Source
from edition.convert.p10_structure import build_document
from edition.convert.settings import Structure


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


def test_a_title_and_its_first_heading_are_no_series():
    text = "The Mill\n\nChapter I\n\nThe mill stood by the river, and the miller worked it for forty years.\n"
    doc = build_document(_source(text), Structure(byline=False, closer=False))
    assert doc.series is None and doc.title.text == "The Mill"
