"""Decisions on the text through ``edition review --apply``: quotations, corrections, one occurrence
split off (edition.textdecisions), on a copy of the embedded edition; bad values fail at file:line."""

from __future__ import annotations

import csv
import tomllib

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.convert import convert_edition
from edition.decisions import COLUMNS, parse_decisions
from edition.project import Project
from edition.review import quotation_rows, review_uncertain
from edition.xmlio import NS, parse_xml

from .conftest import copy_seed

SLUG = "bureaucratism"


@pytest.fixture
def project(tmp_path):
    return Project(copy_seed(tmp_path / "project"))


def _write(path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _apply(project: Project, path):
    return CliRunner().invoke(main, ["--project", str(project.root), "review", SLUG, "--apply", str(path)])


def test_uncertain_quotations_are_rows_of_the_decisions_file(project):
    rows = quotation_rows(review_uncertain(project.edition(SLUG)))
    row = next(r for r in rows if r["at"] == "s10.p14.q1")
    assert (row["action"], row["forms"], row["type"]) == ("", "big fishes in small ponds", "soCalled")
    assert len(rows) == 10 and all(r["forms"] and r["type"] in ("quote", "soCalled", "title") for r in rows)


def test_review_apply_writes_quotations_corrections_and_splits_and_convert_honours_them(project, tmp_path):
    decisions = tmp_path / "decisions.csv"
    _write(decisions, [
        {"action": "quotation", "forms": "big fishes in small ponds", "type": "title", "at": "s10.p14.q1"},
        {"action": "quotation", "forms": "national roads to socialism", "type": "none"},
        {"action": "correct", "forms": "industrialise", "name": "industrialize", "note": "A test correction.", "after": " the country"},
        {"action": "uncorrect", "forms": "Russiua"},
        {"action": "split", "at": "s04.p4.n5", "forms": "Stalin"},
        {"action": "split", "at": "s04.p3.n1", "id": "beria_lavrentiy"},
    ])
    register = project.register.read_bytes()
    stalins_before = len(parse_xml(project.edition(SLUG).tei_path).xpath("//*[@xml:id='s04.p4']//*[@ref='#stalin_joseph']"))
    result = _apply(project, decisions)
    assert result.exit_code == 0, result.output
    assert "[quotations] titles 'big fishes in small ponds'" in result.output
    assert "[[occurrences]] 'Stalin' 2 of s04.p4 → no name" in result.output
    assert project.register.read_bytes() == register  # decisions on the text leave the register alone
    written = tomllib.loads(project.edition(SLUG).toml_path.read_text(encoding="utf-8"))
    assert written["quotations"]["not_quotations"] == ["national roads to socialism"]
    assert "Russiua" not in [c["sic"] for c in written["corrections"]]
    assert written["occurrences"][-2:] == [{"at": "s04.p4", "form": "Stalin", "n": 2, "ref": ""},
                                      {"at": "s04.p3", "form": "Stalin", "n": 1, "ref": "beria_lavrentiy"}]
    assert "# Obvious typing errors of the source" in project.edition(SLUG).toml_path.read_text(encoding="utf-8")
    master = parse_xml(convert_edition(project.edition(SLUG))).getroot()

    def element(xml_id):
        found = master.xpath("//*[@xml:id=$id]", id=xml_id)
        return found[0] if found else None

    assert element("s10.p14.q1").tag.endswith("}title") and element("s10.p14.q1").get("cert") is None
    assert '"national roads to socialism"' in "".join(element("s02.p1").itertext())
    sics = [c.findtext("tei:sic", namespaces=NS) for c in master.iterfind(".//tei:text//tei:choice", NS)]
    assert "industrialise" in sics and "Russiua" not in sics
    assert element("s04.p3.n1").get("ref") == "#beria_lavrentiy"
    assert len(element("s04.p4").xpath(".//*[@ref='#stalin_joseph']")) == stalins_before - 1


@pytest.mark.parametrize("row, message", [
    ({"action": "quotation", "forms": "big fishes in small ponds", "type": "scare"}, "a quotation's type is quote, soCalled, title, mentioned or none"),
    ({"action": "quotation", "type": "quote"}, "quotation needs its words"),
    ({"action": "correct", "forms": "industrialise", "name": "industrialize", "after": " the country"}, "correct needs a reason"),
    ({"action": "correct", "forms": "industrialise", "note": "why", "after": " the country"}, "correct needs the corrected reading"),
    ({"action": "correct", "forms": "Bureaucratism", "name": "B", "note": "why"}, "occurs 2 times in the text, not once"),
    ({"action": "correct", "forms": "Qwertyuiop", "name": "B", "note": "why"}, "occurs 0 times in the text, not once"),
    ({"action": "uncorrect", "forms": "Russiua", "before": "the "}, "no correction of 'Russiua' in this context"),
    ({"action": "split", "forms": "Stalin"}, "split needs the xml:id of the mention"),
    ({"action": "split", "at": "s04.p4.q1"}, "'s04.p4.q1' is no name's mention"),
    ({"action": "split", "at": "s04.p4.n5", "forms": "Trotsky"}, "s04.p4.n5 is 'Stalin', not 'Trotsky'"),
    ({"action": "split", "at": "s04.p4.n5", "id": "nobody_at_all"}, "no such register entry in the edition's scope"),
])
def test_bad_text_decisions_fail_at_their_line_and_change_nothing(project, tmp_path, row, message):
    decisions = tmp_path / "decisions.csv"
    _write(decisions, [{"action": "quotation", "forms": "big fishes in small ponds", "type": "quote"}, row])
    toml = project.edition(SLUG).toml_path.read_bytes()
    result = _apply(project, decisions)
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {decisions}:3: ") and message in result.output, result.output
    assert project.edition(SLUG).toml_path.read_bytes() == toml


def test_context_columns_keep_their_spaces(tmp_path):
    decisions = tmp_path / "decisions.csv"
    _write(decisions, [{"action": "correct", "forms": "thought", "name": "though", "note": " why ", "after": " it saddled"}])
    (decision,) = parse_decisions(decisions)
    assert (decision.after, decision.note, decision.before) == (" it saddled", "why", "")


PROPOSED = """A Study of Names

It was written by Jane Doe in 1901.

The sailors of Kronstadt rose. The sailors of Kronstadt were crushed by Kronstadt's masters.
"""


def test_a_proposed_mention_is_split_off_to_no_name_or_to_a_register_entry(tmp_path):
    from .test_convert_helpers import make_project

    project = make_project(tmp_path, PROPOSED)

    def mentions():
        root = parse_xml(convert_edition(project.edition("sample"))).getroot()
        found = root.xpath("//tei:text//*[self::tei:persName or self::tei:placeName or self::tei:orgName][. = 'Kronstadt']", namespaces=NS)
        return [(m.get("{http://www.w3.org/XML/1998/namespace}id"), m.get("ref"), m.get("cert")) for m in found]

    (first, _, _), (second, ref, cert), (third, _, _) = mentions()
    assert ref.startswith("#prop_") and cert == "low"
    decisions = tmp_path / "decisions.csv"
    _write(decisions, [{"action": "split", "at": second, "forms": "Kronstadt"},
                       {"action": "split", "at": third, "id": "london"}])
    result = CliRunner().invoke(main, ["--project", str(project.root), "review", "sample", "--apply", str(decisions)])
    assert result.exit_code == 0, result.output
    after = mentions()
    assert [m[1:] for m in after] == [(ref, "low"), ("#london", None)]  # the second is no name; the third London's



def test_a_quotation_class_moves_its_words_from_one_list_to_another(project):
    from edition.decisions import Decision, apply_decisions

    changes = apply_decisions(project.root, SLUG, [Decision("quotation", ("Socialism in one country",), kind="quote")])
    assert [c.message for c in changes] == ["[quotations] terms: 'Socialism in one country' removed",
                                            "[quotations] quotes 'Socialism in one country'"]
    written = tomllib.loads(project.edition(SLUG).toml_path.read_text(encoding="utf-8"))["quotations"]
    assert written["terms"] == ["Socialism in a single country", "Hero of Socialist Labour"]
    assert written["quotes"] == ["Socialism in one country"]
    assert apply_decisions(project.root, SLUG, [Decision("quotation", ("Socialism in one country",), kind="quote")]) == []
