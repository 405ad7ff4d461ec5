"""Shared fixtures: the project root, the seed edition, the golden-file switch."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"
SAMPLE_TEI = ROOT / "tests" / "data" / "sample.xml"


def copy_seed(root: Path) -> Path:
    """A project at ``root`` with a copy of the repository's sources/ and tei/ (outputs go to its own dist/)."""
    shutil.copytree(ROOT / "sources", root / "sources")
    shutil.copytree(ROOT / "tei", root / "tei", ignore=shutil.ignore_patterns("schema"))
    return root


def unscoped_register() -> str:
    """The embedded register with its entries made global: it is scoped to the edition
    ``bureaucratism`` (tei/REGISTER.md), and other test editions borrow its names."""
    return (ROOT / "tei" / "register.xml").read_text(encoding="utf-8").replace(' corresp="bureaucratism.xml"', "")


def one_edition_project(root: Path, slug: str, tei: Path):
    """A project holding one edition: the seed's edition.toml, ``tei`` as tei/<slug>.xml, and the register."""
    from edition.project import Project

    (root / "sources" / slug).mkdir(parents=True)
    shutil.copyfile(ROOT / "sources" / "bureaucratism" / "edition.toml", root / "sources" / slug / "edition.toml")
    (root / "tei").mkdir()
    shutil.copyfile(tei, root / "tei" / f"{slug}.xml")
    shutil.copyfile(ROOT / "tei" / "register.xml", root / "tei" / "register.xml")
    return Project(root)


def edited_sample(root: Path, edit) -> Path:
    """``root``/sample.xml: the sample master after ``edit`` (a function of its lxml tree)."""
    from edition.xmlio import parse_xml

    tree = parse_xml(SAMPLE_TEI)
    edit(tree)
    source = root / "sample.xml"
    tree.write(str(source), encoding="UTF-8")
    return source


def pytest_configure(config):
    # The name recogniser caches its word lists under $XDG_CACHE_HOME/edition; the tests keep
    # theirs in a temporary folder of the run, as they write nowhere else.
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="edition-tests-cache-")


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true", help="Rewrite golden files under tests/golden/ instead of comparing.")


@pytest.fixture(autouse=True)
def _reproducible_dates(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", "1764028800"))


@pytest.fixture
def accept(request) -> bool:
    return request.config.getoption("--accept")


@pytest.fixture
def golden(accept):
    """Compare ``actual`` with tests/golden/<name>; with --accept, rewrite the golden file."""

    def check(name: str, actual: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if accept:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"golden file {path} missing: run pytest --accept and review the diff"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (pytest --accept to update)"

    return check


@pytest.fixture(scope="session")
def project():
    from edition.project import Project

    return Project(ROOT)


@pytest.fixture(scope="session")
def seed(project):
    return project.edition("bureaucratism")
