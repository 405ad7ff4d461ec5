"""Pass 40: register mentions tagged, possessives outside, crossing matches skipped."""

from __future__ import annotations

from edition.convert.model import Annotation, Block
from edition.convert.p40_names import mark_names
from edition.register import Register
from tests.test_convert_helpers import REGISTER


def _register(tmp_path) -> Register:
    path = tmp_path / "register.xml"
    path.write_text(REGISTER, encoding="utf-8")
    return Register.load(path)


def test_names_tagged_with_refs_and_possessive_outside(tmp_path):
    block = Block("p", "A. Smith's friends at the Royal Society met Jane Doe in London.", 0, "s01.p1")
    refs, skipped = mark_names(block, _register(tmp_path))
    tagged = [(block.text[a.start : a.end], a.tag, a.attrs["ref"]) for a in block.annotations]
    assert tagged == [
        ("A. Smith", "persName", "#smith_adam"),
        ("Royal Society", "orgName", "#royal_society"),
        ("Jane Doe", "persName", "#doe_jane"),
        ("London", "placeName", "#london"),
    ]
    assert refs == ["smith_adam", "royal_society", "doe_jane", "london"] and skipped == 0


def test_a_match_crossing_other_markup_is_skipped(tmp_path):
    block = Block("p", "Royal Society met", 0, "s01.p1")
    block.add(Annotation(6, 17, "item"))  # starts inside the name
    assert mark_names(block, _register(tmp_path)) == ([], 1)
