"""`edition build all` runs the PDF in a process of its own beside the EPUB, the HTML and the
gates: the same outputs, nothing unchecked published, EPUBCheck's pass remembered by sha256."""

from __future__ import annotations

import pytest

import edition.gates as gates
import edition.orchestrate as orchestrate
from tests.buildkit import FakeBuilder, run, seed_project, use_fake_builders


def test_the_pdf_is_built_in_a_child_process_and_published(tmp_path, monkeypatch):
    root = seed_project(tmp_path)
    calls = use_fake_builders(monkeypatch)
    started = []
    real = orchestrate.ChildBuild.__init__

    def spy(self, stage, fmt, variant):
        started.append(fmt)
        real(self, stage, fmt, variant)

    monkeypatch.setattr(orchestrate.ChildBuild, "__init__", spy)
    result = run(root, "build", "all", "bureaucratism", "--no-check")
    assert result.exit_code == 0, result.output
    assert started == ["pdf"] and sorted(f for _, f in calls) == ["epub", "html", "pdf"]
    dist = root / "dist"
    assert {p.name for p in (dist / "bureaucratism").iterdir() if not p.name.startswith(".")} == {
        "bureaucratism.pdf", "bureaucratism.epub", "bureaucratism.html"}
    assert list(dist.glob(".staging/*")) == []


def test_a_pdf_failing_in_its_process_is_one_line_and_publishes_nothing_of_it(tmp_path, monkeypatch):
    root = seed_project(tmp_path)
    use_fake_builders(monkeypatch)
    monkeypatch.setattr(orchestrate, "builder_for", lambda fmt: FakeBuilder(fmt, "bureaucratism" if fmt == "pdf" else None))
    result = run(root, "build", "all", "bureaucratism", "--no-check")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "bureaucratism pdf" in errors[0] and "fake pdf failure" in errors[0], result.output
    dist = root / "dist"
    assert not (dist / "bureaucratism" / "bureaucratism.pdf").exists()
    assert list(dist.glob(".staging/*")) == []


class FakeSite(FakeBuilder):
    """An HTML builder that, like the real one, lists and copies the downloads and can take
    the books still to come later."""

    def build(self, edition, options):
        from edition.builders.html import copy_downloads
        from edition.xmlio import atomic_dir

        FakeBuilder.calls.append((edition.slug, "html"))
        target = edition.dist_dir / "html"
        with atomic_dir(target) as folder:
            (folder / "downloads.txt").write_text(" ".join(copy_downloads(edition, folder, options.books_to_come)))
        return target

    @staticmethod
    def add_books(site, made):
        from edition.builders.html import HtmlBuilder

        HtmlBuilder.add_books(site, made)


@pytest.mark.parametrize("pdf_fails", [False, True])
def test_the_html_made_beside_the_books_gets_them_or_is_made_again(tmp_path, monkeypatch, pdf_fails):
    root = seed_project(tmp_path)
    calls = use_fake_builders(monkeypatch)
    fail_for = "bureaucratism" if pdf_fails else None
    monkeypatch.setattr(orchestrate, "builder_for", lambda fmt: FakeSite(fmt) if fmt == "html" else FakeBuilder(fmt, fail_for if fmt == "pdf" else None))
    result = run(root, "build", "all", "bureaucratism", "--no-check")
    dist = root / "dist" / "bureaucratism"
    site = sorted(p.name for p in (dist / "html").iterdir())
    if pdf_fails:  # made again, from what the stage holds: no PDF, and no page map for the EPUB
        assert result.exit_code == 1 and [f for _, f in calls].count("html") == 2
        assert site == ["bureaucratism.epub", "bureaucratism.xml", "downloads.txt", "register.xml"]
    else:  # made once, before the books, which were copied in after
        assert result.exit_code == 0 and sorted(f for _, f in calls) == ["epub", "html", "pdf"]
        assert site == ["bureaucratism.epub", "bureaucratism.pdf", "bureaucratism.xml", "downloads.txt", "register.xml"]
        for book in ("bureaucratism.epub", "bureaucratism.pdf"):
            assert (dist / "html" / book).read_bytes() == (dist / book).read_bytes()
    assert (dist / "html" / "downloads.txt").read_text() == " ".join(n for n in site if n != "downloads.txt")


def test_an_epubcheck_verdict_is_kept_by_sha256(tmp_path):
    jar = gates.epubcheck_jar()
    if jar is None:
        pytest.skip("EPUBCheck needs a Java runtime and the epubcheck package")
    epub = tmp_path / "book.epub"
    epub.write_bytes(gates.warm_up_epub(tmp_path / "warm").read_bytes())
    verdicts = gates.Verdicts(tmp_path / "verdicts")
    check = gates.start_check("epub", epub, verdicts)
    assert check.problem() is None and not check.cached
    again = gates.start_check("epub", epub, verdicts)
    assert again.cached and again.problem() is None
    epub.write_bytes(epub.read_bytes() + b"\0")  # other bytes: checked again
    assert not verdicts.passed(epub, jar)


@pytest.mark.slow
def test_the_warm_jvm_checks_the_real_epub(tmp_path):
    """The warmed-up EPUBCheck reports a broken EPUB as a fresh one does."""
    if gates.epubcheck_jar() is None:
        pytest.skip("EPUBCheck needs a Java runtime and the epubcheck package")
    broken = tmp_path / "broken.epub"
    broken.write_bytes(b"PK not a zip")
    check = gates.start_check("epub", broken, None, gates.warm_epubcheck(tmp_path))
    problem = check.problem()
    assert problem and problem.startswith("EPUBCheck failed: ") and "PKG-" in problem
