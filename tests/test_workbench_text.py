"""The workbench's decisions on the text (quotations, corrections, one occurrence split off) and
its re-conversion after each decision, which must write the master a fresh ``edition convert`` writes.

The session is driven directly (no server), on a copy of the embedded project.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import pytest
from lxml import etree

from edition.errors import EditionError
from edition.project import Project
from edition.workbench.session import Session
from edition.xmlio import NS, parse_xml

from .conftest import ROOT, copy_seed

SLUG = "bureaucratism"


@pytest.fixture
def session(tmp_path):
    return Session(Project(copy_seed(tmp_path / "project")).edition(SLUG), str)


def _master(session: Session) -> etree._Element:
    return parse_xml(session.edition.tei_path).getroot()


def _element(session: Session, xml_id: str) -> etree._Element | None:
    found = _master(session).xpath("//*[@xml:id=$id]", id=xml_id)
    return found[0] if found else None


def _toml(session: Session) -> dict:
    return tomllib.loads(session.edition.toml_path.read_text(encoding="utf-8"))


def _fresh_convert(session: Session, tmp_path) -> bytes:
    """The master ``edition convert`` writes, in a new process, from a copy of the session's source files."""
    other = tmp_path / "fresh"
    (other / "tei").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(session.edition.project.root / "sources"), str(other)], check=True)
    subprocess.run(["cp", str(session.edition.project.register), str(other / "tei")], check=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "edition", "--project", str(other), "convert", SLUG], check=True, env=env,
                   capture_output=True)
    return (other / "tei" / f"{SLUG}.xml").read_bytes()


def test_a_quotation_class_is_written_converted_and_undone(session):
    assert _element(session, "s10.p14.q1").get("cert") == "low"
    message = session.decide({"action": "quotation", "quotation": "s10.p14.q1", "class": "quote"})
    assert "[quotations] quotes 'big fishes in small ponds'" in message
    assert "big fishes in small ponds" in _toml(session)["quotations"]["quotes"]
    element = _element(session, "s10.p14.q1")
    assert etree.QName(element).localname == "quote" and element.get("cert") is None
    assert _element(session, "s02.p1.q2").text == "national roads to socialism"
    session.decide({"action": "quotation", "quotation": "s02.p1.q2", "class": "none"})
    paragraph = "".join(_element(session, "s02.p1").itertext())
    assert '"national roads to socialism"' in paragraph  # the marks are characters of the text again
    assert session.undo().startswith("Undone: quotation")
    assert etree.QName(_element(session, "s02.p1.q2")).localname == "soCalled"
    with pytest.raises(EditionError, match="unknown class"):
        session.decide({"action": "quotation", "quotation": "s10.p14.q1", "class": "scare"})


def test_a_correction_is_made_taken_back_and_undone(session):
    before = session.edition.toml_path.read_bytes()
    session.decide({"action": "correct", "sic": "industrialise", "corr": "industrialize", "after": " the country",
                    "reason": "Spelling <b>normalised</b> for the test."})
    assert {"sic": "industrialise", "corr": "industrialize", "after": " the country",
            "reason": "Spelling <b>normalised</b> for the test."} in _toml(session)["corrections"]
    sics = [c.findtext("tei:sic", namespaces=NS) for c in _master(session).iterfind(".//tei:text//tei:choice", NS)]
    assert "industrialise" in sics
    session.decide({"action": "uncorrect", "sic": "Russiua"})
    assert "Russiua" not in [c["sic"] for c in _toml(session)["corrections"]]
    sics = [c.findtext("tei:sic", namespaces=NS) for c in _master(session).iterfind(".//tei:text//tei:choice", NS)]
    assert "Russiua" not in sics and "industrialise" in sics
    session.undo()
    session.undo()
    assert session.edition.toml_path.read_bytes() == before
    with pytest.raises(EditionError, match="occurs 2 times in the text, not once"):
        session.decide({"action": "correct", "sic": "Bureaucratism", "corr": "Bureaucracy", "reason": "test"})
    with pytest.raises(EditionError, match="needs a reason"):
        session.decide({"action": "correct", "sic": "Russiua", "corr": "Russia"})
    assert session.edition.toml_path.read_bytes() == before and not session.history.steps()


def test_one_occurrence_is_split_off_its_entry_and_the_split_undone(session):
    mention = _element(session, "s04.p4.n5")
    assert (mention.get("ref"), mention.text) == ("#stalin_joseph", "Stalin")
    stalins = len(_master(session).xpath("//*[@ref='#stalin_joseph']"))
    in_block = len(_element(session, "s04.p4").xpath(".//*[@ref='#stalin_joseph']"))
    message = session.decide({"action": "split", "entity": "stalin_joseph", "mention": "s04.p4.n5", "into": ""})
    assert "[[occurrences]] 'Stalin' 2 of s04.p4 → no name" in message
    assert {"at": "s04.p4", "form": "Stalin", "n": 2, "ref": ""} in _toml(session)["occurrences"]
    assert len(_master(session).xpath("//*[@ref='#stalin_joseph']")) == stalins - 1
    assert len(_element(session, "s04.p4").xpath(".//*[@ref='#stalin_joseph']")) == in_block - 1
    session.decide({"action": "split", "entity": "stalin_joseph", "mention": "s04.p3.n1", "into": "beria_lavrentiy"})
    assert _element(session, "s04.p3.n1").get("ref") == "#beria_lavrentiy"
    session.undo()
    assert _element(session, "s04.p3.n1").get("ref") == "#stalin_joseph"
    with pytest.raises(EditionError, match="no confirmed entry"):
        session.decide({"action": "split", "entity": "stalin_joseph", "mention": "s04.p3.n1", "into": "nobody"})
    # a heading (no xml:id of its own: its mentions are s08.head.n…) is a block too
    session.decide({"action": "split", "entity": "stalin_joseph", "mention": "s08.head.n1", "into": ""})
    assert {"at": "s08.head", "form": "Stalin", "n": 1, "ref": ""} in _toml(session)["occurrences"]
    assert _element(session, "s08.head.n1") is None


def test_after_a_sequence_of_decisions_the_master_is_a_fresh_convert_byte_for_byte(session, tmp_path):
    assert session.edition.tei_path.read_bytes() == (ROOT / "tei" / f"{SLUG}.xml").read_bytes()
    for form in (
        {"action": "edit", "entity": "kronstadt", "note": "Naval fortress town off Petrograd."},
        {"action": "set_id", "entity": "clyde", "uri": "geonames:2648579"},
        {"action": "accept", "entity": "prop_lancelot", "to": "person", "note": "Lancelot, a character of the play the text quotes."},
        {"action": "reject", "entity": "prop_chieftain"},
        {"action": "edit", "entity": "clyde", "name": "River Clyde"},
        {"action": "quotation", "quotation": "s10.p14.q1", "class": "title"},
        {"action": "correct", "sic": "industrialise", "corr": "industrialize", "after": " the country", "reason": "test"},
        {"action": "split", "entity": "stalin_joseph", "mention": "s04.p4.n5", "into": ""},
        {"action": "split", "entity": "stalin_joseph", "mention": "s04.p3.n1", "into": "beria_lavrentiy"},
    ):
        session.decide(form)
    session.undo()
    assert len(session.history.steps()) == 8
    assert session.edition.tei_path.read_bytes() == _fresh_convert(session, tmp_path)


def test_a_word_mentioned_and_marks_that_quote_nothing_keep_the_text_lossless(session):
    from .test_lossless import _normalise, _text_of

    session.decide({"action": "quotation", "quotation": "s10.p3.q4", "class": "mentioned"})
    session.decide({"action": "quotation", "quotation": "s02.p1.q2", "class": "none"})
    assert _toml(session)["quotations"]["mentioned"] == ["the cult of the personality"]
    element = _element(session, "s10.p3.q4")
    assert (etree.QName(element).localname, element.text) == ("mentioned", "the cult of the personality")
    tree = parse_xml(session.edition.tei_path)
    assert _text_of(tree) == _normalise(session.edition.text_path.read_text(encoding="utf-8"))


def test_the_reading_view_rendered_in_part_after_a_decision_is_the_whole_rendered_again(session):
    from edition.workbench.text import render

    first = session.view().html
    assert first == render(session.view().text, str, session.view().proposed_ids)
    session.decide({"action": "split", "entity": "stalin_joseph", "mention": "s04.p4.n5", "into": ""})
    session.decide({"action": "accept", "entity": "prop_lancelot", "to": "person", "note": "Lancelot, a character of the play."})
    view = session.view()
    assert view.html.count('href="stalin_joseph"') == first.count('href="stalin_joseph"') - 1
    assert view.html == render(view.text, str, view.proposed_ids)
    divisions = view.text.xpath("*/*[local-name()='div']")  # the divisions of front, body and back
    assert len(divisions) > 10 and len(session._kept) == len(divisions)


def test_a_quotation_holding_a_correction_is_named_by_the_source_s_words(session):
    session.decide({"action": "correct", "sic": "industrialise", "corr": "industrialize", "after": " the country", "reason": "test"})
    assert _element(session, "s13.p1.q1").get("cert") == "low"
    session.decide({"action": "quotation", "quotation": "s13.p1.q1", "class": "quote"})
    assert _toml(session)["quotations"]["quotes"] == ["Stalinism was necessary to industrialise the country"]
    assert _element(session, "s13.p1.q1").get("cert") is None


def test_a_play_s_speeches_are_blocks_and_its_directions_give_their_words_as_context(tmp_path):
    from edition.convert import convert_document
    from edition.workbench.text import index, render, tei_text
    from tests.test_convert_drama import FERRY
    from tests.test_convert_gutenberg import AS_NEW
    from tests.test_convert_helpers import make_project

    tree = convert_document(make_project(tmp_path, FERRY, extra_toml=AS_NEW, title="The Ferry at Dawn", register=None).edition("sample"))
    text = tei_text(tree.getroot())
    page = etree.fromstring(render(text, lambda entity: "#" + entity, set()), etree.HTMLParser())
    first = page.xpath("(//div[@class = 't-sp'])[1]")[0]
    assert [(child.tag, child.get("class")) for child in first] == [("p", "t-speaker"), ("p", "t-p")]
    in_direction = [m for m in index(text).mentions if ".stage" in m.id]  # in a direction on its own
    assert in_direction and all(m.context.before or m.context.after for m in in_direction)  # the direction's words around it
