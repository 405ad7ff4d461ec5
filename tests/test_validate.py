"""edition validate: the three schema layers, the report formats, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tests.conftest import ROOT, SAMPLE_TEI, TEI_ALL
from edition.cli import main
from edition.validation import relaxng

BROKEN = ROOT / "tests" / "data" / "broken.xml"
SEED_TEI = ROOT / "tei" / "bureaucratism.xml"
SCHEMA_DIR = ROOT / "tei" / "schema"


def run(*args: str):
    result = CliRunner().invoke(main, ["validate", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # never a traceback
    return result


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the last line holding ``needle`` (the faults follow a comment naming them)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(i for i, line in enumerate(lines, 1) if needle in line)


def findings_json(*args) -> tuple[int, dict]:
    result = run("--format", "json", *args)
    return result.exit_code, json.loads(result.output)


def variant(tmp_path: Path, old: str, new: str, source: Path = SAMPLE_TEI) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "variant.xml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# The committed masters pass every layer.


@pytest.mark.parametrize("path", [SAMPLE_TEI, SEED_TEI], ids=["sample", "seed"])
def test_masters_pass_every_layer(path):
    status, report = findings_json(path)
    assert report["findings"] == []
    assert [layer["status"] for layer in report["files"][0]["layers"]] == ["passed"] * 4
    assert status == 0
    assert run(path).output == "1 file, 0 errors, 0 warnings\n"


# The three faults of broken.xml, each at its line, in every format.

EXPECTED = [  # (needle on the faulty line, schema, rule)
    ('ref="#nobody"', "edition.sch", "ref-resolves"),
    ("<blink>", "tei_all", "relaxng"),
    ("<blink>", "edition.rng", "relaxng"),
    ("same identifier", "tei_all", "relaxng"),
    ("same identifier", "edition.rng", "relaxng"),
    ("same identifier", "edition.sch", "id-unique"),
]


def expected_faults() -> set[tuple[int, str, str]]:
    return {(line_of(BROKEN, needle), schema, rule) for needle, schema, rule in EXPECTED}


def test_broken_json_finds_each_fault_at_its_line():
    status, report = findings_json(BROKEN)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert {(f["line"], f["schema"], f["rule"]) for f in errors} == expected_faults()
    assert all(f["file"] == str(BROKEN) and f["column"] > 0 and f["message"] for f in errors)
    assert report["summary"] == {"files": 1, "errors": 6, "warnings": 0, "valid": False}
    assert status == 1


def test_broken_text_lines_name_schema_rule_and_column():
    result = run(BROKEN)
    line = line_of(BROKEN, "<blink>")
    column = BROKEN.read_text(encoding="utf-8").splitlines()[line - 1].index("<blink>") + 1
    assert f"{BROKEN}:{line}:{column}: error: [edition.rng/relaxng] " in result.output
    for fault_line, schema, rule in expected_faults():
        assert f"{BROKEN}:{fault_line}:" in result.output and f"[{schema}/{rule}]" in result.output
    assert result.output.endswith("1 file, 6 errors, 0 warnings\n")
    assert result.exit_code == 1


def test_broken_junit_has_a_suite_per_file_and_a_case_per_layer():
    result = run("--format", "junit", BROKEN, SAMPLE_TEI)
    suites = etree.fromstring(result.output.encode("utf-8"))
    broken, sample = suites.findall("testsuite")
    assert (broken.get("name"), sample.get("name")) == (str(BROKEN), str(SAMPLE_TEI))
    assert [len(suite.findall("testcase")) for suite in (broken, sample)] == [4, 4]
    assert sample.find("testcase/failure") is None
    failures = {case.get("name").split(":")[0]: case.findtext("failure") for case in broken.iter("testcase")}
    assert failures["xml"] is None
    for fault_line, schema, rule in expected_faults():
        assert f"{BROKEN}:{fault_line}:" in failures[schema] and f"[{schema}/{rule}]" in failures[schema]
    assert (suites.get("failures"), broken.get("failures")) == ("3", "3")
    assert result.exit_code == 1


# Files that are not ours, or not XML at all.


def test_foreign_tei_gets_tei_all_only(tmp_path):
    foreign = variant(tmp_path, '<application ident="edition"', '<application ident="other"')
    status, report = findings_json(foreign)
    layers = {layer["schema"]: layer for layer in report["files"][0]["layers"]}
    assert layers["tei_all"]["status"] == "passed"
    assert layers["edition.rng"]["status"] == layers["edition.sch"]["status"] == "skipped"
    assert "not an edition master" in run(foreign).output
    assert status == 0


def test_non_tei_xml_is_invalid_against_tei_all(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text("<html><body/></html>\n", encoding="utf-8")
    status, report = findings_json(path)
    assert [(f["line"], f["schema"]) for f in report["findings"]] == [(1, "tei_all")]
    assert "TEI" in report["findings"][0]["message"]
    assert status == 1


BAD_FILES = {
    "empty": b"",
    "binary": bytes(range(256)),
    "truncated": b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>',
    "entity": b'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI>&x;</TEI>',
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_is_one_clean_finding(tmp_path, name):
    path = tmp_path / f"{name}.xml"
    path.write_bytes(BAD_FILES[name])
    status, report = findings_json(path)
    (finding,) = report["findings"]
    assert (finding["schema"], finding["severity"], finding["file"]) == ("xml", "error", str(path))
    assert [layer["status"] for layer in report["files"][0]["layers"]] == ["failed", "skipped", "skipped", "skipped"]
    assert status == 1


def test_missing_file_and_folder_are_findings_beside_good_files(tmp_path):
    result = run(tmp_path / "absent.xml", tmp_path, SAMPLE_TEI)
    assert f"{tmp_path / 'absent.xml'}:0:0: error: [xml/readable] " in result.output
    assert f"{tmp_path}:0:0: error: [xml/readable] " in result.output
    assert result.output.endswith("3 files, 2 errors, 0 warnings\n")
    assert result.exit_code == 1


# The Schematron rules, each on a one-fault variant of the sample.

RULE_CASES = {
    "entry-used": ('<placeName ref="#kronstadt" xml:id="s01.p1.n2">Kronstadt</placeName>', "Kronstadt"),
    "entry-main-name": ('<persName type="variant">Trotski</persName>', '<persName type="main">Trotski</persName>'),
    "entry-note": ("<note>Country.</note>", ""),
    "not-empty": ('<soCalled xml:id="s01.p1.q2">reform</soCalled>', '<soCalled xml:id="s01.p1.q2"> </soCalled>'),
    "ref-kind": ('<placeName ref="#russia" xml:id="s02.head.n1">', '<placeName ref="#bolsheviks" xml:id="s02.head.n1">'),
    "source-resolves": ('<quote xml:id="s01.p1.q1">', '<quote xml:id="s01.p1.q1" source="#nowhere">'),
}


@pytest.mark.parametrize("rule", RULE_CASES)
def test_schematron_rule_catches_its_fault(tmp_path, rule):
    path = variant(tmp_path, *RULE_CASES[rule])
    status, report = findings_json(path)
    sch = [f for f in report["findings"] if f["schema"] == "edition.sch"]
    assert [(f["rule"], f["severity"]) for f in sch] == [(rule, "error")]
    assert status == 1


def test_missing_citable_id_is_a_warning_only(tmp_path):
    path = variant(tmp_path, '<p xml:id="s01.p2">', "<p>")
    result = run(path)
    assert f"{path}:{line_of(path, 'The programme included')}:9: warning: [edition.sch/citable-id] " in result.output
    assert result.output.endswith("1 file, 0 errors, 1 warning\n")
    assert result.exit_code == 0


# The project schema: stricter than tei_all, made reproducibly.


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('ref="#kronstadt"', 'ref="kronstadt"'),  # not a local pointer
        ("<list><item>No standing army</item>", "<list><item><num>No</num> standing army</item>"),  # outside the contract
    ],
)
def test_project_schema_refuses_what_tei_all_allows(tmp_path, old, new):
    status, report = findings_json(variant(tmp_path, old, new))
    assert {f["schema"] for f in report["findings"] if f["severity"] == "error"} >= {"edition.rng"}
    assert not [f for f in report["findings"] if f["schema"] == "tei_all"]
    assert status == 1


def test_committed_project_schema_is_what_make_schema_derives():
    from edition.validation.make_schema import derive

    assert derive(SCHEMA_DIR / "tei_all.rng") == (SCHEMA_DIR / "edition.rng").read_bytes(), (
        "tei/schema/edition.rng is stale: run python -m edition.validation.make_schema"
    )


def test_shipped_tei_all_is_the_shared_copy():
    if not TEI_ALL.exists():
        pytest.skip("../shared is not present")
    assert (SCHEMA_DIR / "tei_all.rng").read_bytes() == TEI_ALL.read_bytes()


# Engines.


def test_engine_falls_back_to_lxml_without_jing(monkeypatch):
    monkeypatch.delenv("EDITION_RNG_ENGINE", raising=False)
    monkeypatch.setattr(relaxng, "_jing_command", lambda: None)
    assert relaxng.engine() == "lxml"
    monkeypatch.setenv("EDITION_RNG_ENGINE", "jing")
    result = run(SAMPLE_TEI)
    assert result.output == "error: EDITION_RNG_ENGINE=jing but jing is not installed (Debian: apt-get install jing)\n"
    assert result.exit_code == 1


def test_unknown_engine_is_a_one_line_error(monkeypatch):
    monkeypatch.setenv("EDITION_RNG_ENGINE", "xmllint")
    result = CliRunner().invoke(main, ["validate", str(SAMPLE_TEI)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)


@pytest.mark.slow
def test_lxml_fallback_agrees_with_jing_on_tei_all(monkeypatch):
    """lxml compiles tei_all in seconds, not milliseconds, but must give the same verdicts."""
    if relaxng.engine() != "jing":
        pytest.skip("jing is not installed")
    _, by_jing = findings_json(BROKEN, SAMPLE_TEI)
    monkeypatch.setenv("EDITION_RNG_ENGINE", "lxml")
    _, by_lxml = findings_json(BROKEN, SAMPLE_TEI)

    def tei_all_errors(report):
        return {(f["file"], f["line"]) for f in report["findings"] if f["schema"] == "tei_all" and f["severity"] == "error"}

    assert tei_all_errors(by_lxml) == tei_all_errors(by_jing)
    assert by_lxml["summary"]["valid"] is by_jing["summary"]["valid"] is False


def test_one_file_under_two_names_gets_findings_under_both():
    other = BROKEN.parent / ".." / "data" / BROKEN.name
    _, report = findings_json(BROKEN, other)
    tei_all = [f["file"] for f in report["findings"] if f["schema"] == "tei_all" and f["severity"] == "error"]
    assert sorted(tei_all) == sorted([str(BROKEN)] * 2 + [str(other)] * 2)
