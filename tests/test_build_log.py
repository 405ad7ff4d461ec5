"""What `edition build` prints: paths, --quiet, --verbose, --log-format json, a bar only on a terminal."""

from __future__ import annotations

import json

import pytest

from edition.log import NORMAL, Log
from tests.buildkit import run, seed_project, use_fake_builders


@pytest.fixture
def root(tmp_path, monkeypatch):
    use_fake_builders(monkeypatch)
    return seed_project(tmp_path)


def test_default_prints_one_path_per_artefact(root):
    result = run(root, "build", "all", "--no-check")
    dist = root / "dist" / "bureaucratism"
    assert result.output.splitlines() == [str(dist / f"bureaucratism.{f}") for f in ("pdf", "epub", "html")]


def test_quiet_prints_nothing_and_verbose_says_what_happened(root):
    assert run(root, "build", "all", "--no-check", "-q").output == ""
    verbose = run(root, "build", "all", "--no-check", "-v").output
    assert "bureaucratism pdf: up to date" in verbose and "0 built, 3 up to date, 0 failed" in verbose


def test_json_is_one_object_per_line(root):
    lines = [json.loads(line) for line in run(root, "build", "pdf", "--no-check", "--log-format", "json").output.splitlines()]
    assert [(e["event"], e.get("format")) for e in lines] == [("built", "pdf"), ("summary", None)]
    assert lines[0]["path"].endswith("bureaucratism.pdf") and lines[1]["built"] == 1


def test_progress_bar_only_on_a_terminal(capsys):
    with Log(NORMAL).progress(6, "building") as advance:  # pytest's stderr is not a terminal
        advance(3)
    assert capsys.readouterr().err == ""


def test_multiline_errors_show_their_first_line(capsys):
    Log(NORMAL).event("error", "x.xsl: does not compile\n  detail one\n  detail two")
    assert capsys.readouterr().err == "error: x.xsl: does not compile\n"


def test_the_program_freezes_its_objects_for_the_exit_and_the_tests_process_is_left_alone(tmp_path):
    import gc
    import os
    import subprocess
    import sys

    from edition import __version__
    from tests.buildkit import ROOT

    before = gc.get_freeze_count()
    assert run(tmp_path, "--version").exit_code == 0  # CliRunner, as every test calls the CLI
    assert gc.get_freeze_count() == before
    program = "import atexit, gc; from edition.cli import main; atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0)); main()"
    done = subprocess.run([sys.executable, "-c", program, "--version"], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.splitlines() == [f"edition, version {__version__}", "frozen True"]
