"""With SOURCE_DATE_EPOCH set, two clean builds in different folders give byte-identical outputs."""

from __future__ import annotations

import pytest

from tests.buildkit import run, seed_project, sha256_tree

pytestmark = pytest.mark.slow


def clean_build(tmp_path, name: str) -> dict[str, str]:
    root = seed_project(tmp_path / name)
    result = run(root, "build", "all", "bureaucratism", "--no-check", "--quiet")
    assert result.exit_code == 0, result.output
    dist = root / "dist" / "bureaucratism"
    for book in ("bureaucratism.pdf", "bureaucratism.epub"):  # made beside the HTML, copied in after
        assert (dist / "html" / book).read_bytes() == (dist / book).read_bytes()
    digests = {}
    for artefact in ("bureaucratism.pdf", "bureaucratism.epub", "html"):
        digests.update(sha256_tree(dist / artefact))
    return digests


def test_two_clean_builds_are_byte_identical(tmp_path):
    first, second = clean_build(tmp_path, "a"), clean_build(tmp_path, "b")
    assert {"bureaucratism.pdf", "bureaucratism.epub", "html/index.html"} <= set(first)
    differing = sorted(name for name in first if first[name] != second.get(name))
    assert differing == [] and first.keys() == second.keys(), f"not reproducible: {differing}"
