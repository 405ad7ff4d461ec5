"""The incremental cache: nothing changed → nothing rebuilt; one input changed → only its artefacts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import edition.orchestrate as orchestrate
from edition.resources import data_dir
from tests.buildkit import run, seed_project, use_fake_builders


@pytest.fixture
def styles(tmp_path, monkeypatch):
    """A styles/ folder of our own: one CSS per format and one shared by all."""
    folder = tmp_path / "styles"
    folder.mkdir()
    for name in ("print.css", "epub.css", "html.css", "common.css"):
        (folder / name).write_text(f"/* {name} */\n")
    monkeypatch.setattr(orchestrate, "data_dir", lambda name: folder if name == "styles" else data_dir(name))
    return folder


@pytest.fixture
def root(tmp_path):
    return seed_project(tmp_path)


def built(result) -> list[tuple[str, str]]:
    events = [json.loads(line) for line in result.output.splitlines()]
    return sorted((e["slug"], e["format"]) for e in events if e.get("status") == "built")


def build_json(root, *args):
    result = run(root, "build", "all", "bureaucratism", "--no-check", "--log-format", "json", *args)
    assert result.exit_code == 0, result.output
    return result


def test_second_build_rebuilds_nothing(root, styles, monkeypatch):
    calls = use_fake_builders(monkeypatch)
    assert built(build_json(root)) == [("bureaucratism", f) for f in ("epub", "html", "pdf")]
    calls.clear()
    result = build_json(root)
    assert calls == [] and built(result) == []
    summary = json.loads(result.output.splitlines()[-1])
    assert summary["event"] == "summary" and summary["fresh"] == 3


@pytest.mark.parametrize(
    ("css", "rebuilt"),
    [("epub.css", ["epub"]), ("html.css", ["html"]), ("print.css", ["pdf"]), ("common.css", ["epub", "html", "pdf"])],
)
def test_touching_one_css_rebuilds_only_its_artefacts(root, styles, monkeypatch, css, rebuilt):
    """A format's own CSS rebuilds it alone (the fake outputs ignore CSS, so nothing cascades)."""
    use_fake_builders(monkeypatch)
    build_json(root)
    (styles / css).write_text("/* changed */\n")
    assert built(build_json(root)) == [("bureaucratism", f) for f in rebuilt]


def test_unchanged_upstream_bytes_do_not_cascade(root, styles, monkeypatch):
    """An artefact rebuilt to the same bytes leaves the ones that read it alone."""
    calls = use_fake_builders(monkeypatch)
    build_json(root)
    calls.clear()
    (styles / "epub.css").write_text("/* a comment the fake EPUB ignores */\n")
    build_json(root)
    # The fake EPUB depends only on TEI and PDF bytes: rebuilt, identical, so HTML stays.
    assert calls == [("bureaucratism", "epub")]


def test_force_deleted_output_and_corrupt_cache(root, styles, monkeypatch):
    calls = use_fake_builders(monkeypatch)
    build_json(root)
    calls.clear()
    build_json(root, "--force")
    assert len(calls) == 3
    calls.clear()
    (root / "dist" / "bureaucratism" / "bureaucratism.epub").unlink()
    build_json(root)
    assert ("bureaucratism", "epub") in calls
    calls.clear()
    (root / "dist" / "bureaucratism" / ".cache.json").write_text("{not json")
    build_json(root)
    assert len(calls) == 3


def test_tei_change_rebuilds_everything(root, styles, monkeypatch):
    calls = use_fake_builders(monkeypatch)
    build_json(root)
    calls.clear()
    tei = root / "tei" / "bureaucratism.xml"
    tei.write_bytes(tei.read_bytes() + b"\n")
    build_json(root)
    # New PDF bytes → the EPUB reads them → new EPUB bytes → the HTML reads both.
    assert sorted(f for _, f in calls) == ["epub", "html", "pdf"]


NOOP_PROBE = """
import sys
from click.testing import CliRunner
from edition.cli import main
result = CliRunner().invoke(main, ["--project", sys.argv[1], "build", "all", "--no-check", "--log-format", "json"])
rebuilt = result.output.count('"status": "built"')
print(result.exit_code, rebuilt, "saxonche" in sys.modules, "weasyprint" in sys.modules)
"""


def test_noop_build_is_fast_and_imports_no_engine(tmp_path):
    """The real CLI on an up-to-date edition rebuilds nothing and leaves Saxon and WeasyPrint unimported
    (its time is measured by benchmarks/run.py)."""
    root = seed_project(tmp_path)
    # The package's own code is an input: a teammate saving a file in the shared checkout
    # during the build makes the next run rebuild, rightly.  So: build until one run is a no-op.
    for _attempt in range(3):
        probe = subprocess.run([sys.executable, "-c", NOOP_PROBE, str(root)], capture_output=True, text=True, check=True)
        code, rebuilt, saxon, weasy = probe.stdout.split()
        assert code == "0", probe.stdout
        if rebuilt == "0":
            break
    assert rebuilt == "0", "every run rebuilt something"
    assert (saxon, weasy) == ("False", "False")
