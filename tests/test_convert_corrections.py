"""Pass 50: declared corrections, exact counts, context, names around corrections."""

from __future__ import annotations

import pytest

from edition.convert.model import Block, Document, Section, Source
from edition.convert.p50_corrections import apply
from edition.convert.settings import Correction
from edition.errors import EditionError
from edition.register import Register
from tests.test_convert_helpers import REGISTER


def _doc(*texts: str) -> Document:
    source = Source(path="t.txt", name="t.txt", text="\n\n".join(texts), sha256="0")
    doc = Document(source, Block("title", "", 0))
    doc.prefaces = [Section(1, "preface", None, [Block("p", t, 0, f"preface.p{i}") for i, t in enumerate(texts, 1)], kind="preface")]
    return doc


def test_correction_becomes_choice_and_name_when_the_reading_is_a_register_name(tmp_path):
    (tmp_path / "r.xml").write_text(REGISTER, encoding="utf-8")
    doc = _doc("events in Londn stood")
    used = apply(doc, Correction("Londn", "London", "typo"), Register.load(tmp_path / "r.xml"), "edition.toml")
    block = doc.prefaces[0].blocks[0]
    assert sorted((a.tag, a.start, a.end) for a in block.annotations) == [("choice", 10, 15), ("placeName", 10, 15)]
    assert used == {"london"} and doc.stats["corrections"] == 1


def test_count_must_match_exactly():
    doc = _doc("teh cat", "teh dog")
    with pytest.raises(EditionError, match=r"declared for 1 occurrence\(s\) but matches 2"):
        apply(doc, Correction("teh", "the", "typo"), None, "edition.toml")
    apply(doc, Correction("teh", "the", "typo", count=2), None, "edition.toml")
    assert doc.stats["corrections"] == 2


def test_whole_words_and_context():
    doc = _doc("thought it saddled, thoughtful, he thought so")
    apply(doc, Correction("thought", "though", "typo", after=" it saddled"), None, "edition.toml")
    (choice,) = doc.prefaces[0].blocks[0].annotations
    assert (choice.start, choice.alt) == (0, ("sic", "corr", "though"))


def test_a_correction_that_no_longer_applies_fails():
    with pytest.raises(EditionError, match="matches 0"):
        apply(_doc("nothing here"), Correction("Russiua", "Russia", "typo"), None, "edition.toml")
