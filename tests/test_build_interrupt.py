"""Ctrl-C or kill -9 in the middle of `edition build all`: dist/ holds only complete files; the next run recovers."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import zipfile

import pytest
from lxml import html

from tests.buildkit import seed_project, visible_files

pytestmark = pytest.mark.slow
CLI = "from edition.cli import main; main()"


def start_build(root, *args):
    # Ctrl-C as a terminal delivers it: a suite started in the background (`bash .ci/run &`) ignores
    # SIGINT, and a child inherits that, so the build's default disposition is set back first.
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "--project", str(root), "build", "all", "--no-check", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def interrupt_midway(root, process, sig) -> str:
    """Wait until builders are writing into the stage, then signal the build."""
    stage = root / "dist" / ".staging" / "bureaucratism"
    deadline = time.monotonic() + 60
    while not stage.is_dir() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    assert process.poll() is None, "the build finished before it could be interrupted"
    process.send_signal(sig)
    return process.communicate(timeout=60)[1]


def assert_complete(dist) -> None:
    """Every published file is whole: PDFs end with %%EOF, EPUBs are sound zips, HTML parses."""
    for path in visible_files(dist):
        data = path.read_bytes()
        if path.suffix == ".pdf":
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), path
        elif path.suffix == ".epub":
            with zipfile.ZipFile(path) as epub:
                assert epub.testzip() is None, path
        elif path.suffix == ".html":
            assert html.fromstring(data) is not None, path


def leftovers(dist) -> list:
    return sorted(p for p in dist.rglob("*") if p.name.endswith((".tmp", ".old")) or p.parent.name == ".staging")


def test_ctrl_c_cleans_up_and_kill_9_is_recovered(tmp_path):
    root = seed_project(tmp_path)
    dist = root / "dist"

    process = start_build(root)
    stderr = interrupt_midway(root, process, signal.SIGINT)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert_complete(dist)
    assert leftovers(dist) == []

    process = start_build(root, "--force")
    interrupt_midway(root, process, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    assert_complete(dist)

    final = subprocess.run([sys.executable, "-c", CLI, "--project", str(root), "build", "all", "--no-check"], capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert_complete(dist)
    assert leftovers(dist) == []
    names = {p.relative_to(dist / "bureaucratism").parts[0] for p in visible_files(dist)}
    assert {"bureaucratism.pdf", "bureaucratism.epub", "html"} <= names
