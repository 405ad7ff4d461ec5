"""The seed master end to end: up to date, golden, valid, deterministic, fast; and another text."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from lxml import etree

from edition.convert import convert_document, convert_edition
from edition.convert.tei import serialise
from edition.project import Project
from edition.xmlio import TEI_NS
from tests.conftest import ROOT, TEI_ALL
from tests.test_convert_helpers import make_project

NS = {"t": TEI_NS}


def _copy_project(tmp_path) -> Project:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "tei").mkdir()
    if (ROOT / "tei" / "register.xml").exists():
        shutil.copy(ROOT / "tei" / "register.xml", tmp_path / "tei" / "register.xml")
    return Project(tmp_path)


def _jing(path) -> None:
    run = subprocess.run(["jing", str(TEI_ALL), str(path)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> bytes:
    project = _copy_project(tmp_path_factory.mktemp("seed"))
    return convert_edition(project.edition("bureaucratism")).read_bytes()


def test_committed_master_is_what_convert_produces(fresh, seed):
    assert fresh == seed.tei_path.read_bytes(), "tei/bureaucratism.xml is stale: run `edition convert bureaucratism`"


def test_golden(fresh, golden):
    golden("bureaucratism.xml", fresh.decode("utf-8"))


def test_same_bytes_twice(seed):
    first = serialise(convert_document(seed).getroot())
    assert serialise(convert_document(seed).getroot()) == first


def test_seed_valid_against_tei_all(seed):
    _jing(seed.tei_path)


def test_seed_counts(seed):
    tree = etree.parse(str(seed.tei_path))
    count = lambda xpath: int(tree.xpath(f"count({xpath})", namespaces=NS))  # noqa: E731
    assert count("//t:body/t:div[@type='section'][t:head]") == 13
    assert count("//t:text//t:p") >= 120
    assert count("//t:text//t:quote | //t:text//t:soCalled | //t:text//t:title") == 220
    assert count("//t:text//t:list/t:item") == 4 and count("//t:closer/t:signed") == 1
    assert count("//t:choice/t:sic") == 3 and count("//t:choice/t:orig") == 5
    refs = set(tree.xpath("//@ref", namespaces=NS))
    ids = set(tree.xpath("//t:standOff//@xml:id", namespaces=NS))
    assert {r[1:] for r in refs} == ids - {"communist_manifesto"}, "standOff holds exactly the entries referred to"
    ids = tree.xpath("//@xml:id")
    assert len(ids) == len(set(ids))


def test_another_text_converts_to_valid_tei(tmp_path):
    out = convert_edition(make_project(tmp_path).edition("sample"))
    _jing(out)
    tree = etree.parse(str(out))
    assert tree.xpath("//t:div[@type='section']/t:head/text()", namespaces=NS) == ["The Town", "Abroad"]
    assert tree.xpath("string(//t:closer/t:signed/t:persName/@ref)", namespaces=NS) == "#doe_jane"
    assert tree.xpath("//t:standOff//@xml:id", namespaces=NS) == ["doe_jane", "smith_adam", "london", "paris", "royal_society"]
    assert tree.xpath("//t:title[@xml:id]/text()", namespaces=NS) == ["Wealth"]
