"""Build one edition's artefacts, or a whole corpus: incrementally, atomically, in parallel.

One edition (``build_edition``):

1. Take the edition's lock (``dist/.<slug>.lock``) and recover from an earlier
   interrupted run: stale ``.*.tmp``/``.*.old`` entries and the staging folder go.
2. For each format in build order, hash its inputs (``inputs_for``) with the
   artefacts built before it; if the cache says the output was built from the same
   key and is untouched, skip it.  This path imports neither Saxon nor WeasyPrint.
3. Otherwise: the TEI master must pass ``edition validate`` (cached by its hash);
   the builders run against a *staged* edition whose ``dist_dir`` is
   ``dist/.staging/<slug>/`` (seeded with copies of the published files the later
   builders read, such as the PDF's page map), sharing one ``EditionContext``.
4. Each artefact's validator (EPUBCheck for the EPUB) must pass; then every new
   or changed entry of the stage is renamed into ``dist/<slug>/`` (folders swapped
   whole), so ``dist/`` only ever holds complete, validated files.

A corpus (``build_corpus``) runs ``build_edition`` per slug, serially or in a
process pool; a failing edition is reported and the others go on.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import BUILD_ORDER, __version__
from .cache import Cache, expand
from .errors import EditionError
from .fetcher import font_dirs
from .gates import Check, start_check, tei_problem
from .project import Edition, Project
from .resources import data_dir
from .xmlio import atomic_dir

if TYPE_CHECKING:  # the builders are imported only when one is needed
    from .builders import Builder

XSLT_DIRS = {"pdf": "print", "epub": "epub", "html": "html"}
# A CSS (or font, image) file under styles/ whose name or top folder starts with one of
# these belongs to that format alone; anything else is shared by all formats.
STYLE_PREFIXES = {"pdf": ("print", "pdf"), "epub": ("epub",), "html": ("html", "screen", "web")}
STAGING = ".staging"

Report = Callable[["Outcome"], None]


@dataclass(frozen=True)
class Settings:
    """What ``edition build`` was asked to do; picklable for the process pool."""

    force: bool = False
    pdf_variant: str | None = None
    check: bool = True


@dataclass(frozen=True)
class Outcome:
    """What happened to one artefact: ``built``, ``fresh`` (up to date) or ``failed``."""

    slug: str
    fmt: str
    status: str
    path: str | None = None
    seconds: float = 0.0
    message: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "failed"


# --- inputs and keys ---------------------------------------------------------


def _style_owner(relative: Path) -> str | None:
    first = relative.parts[0].lower()
    return next((fmt for fmt, prefixes in STYLE_PREFIXES.items() if first.startswith(prefixes)), None)


def _style_files(fmt: str) -> list[Path]:
    root = data_dir("styles")
    return [p for p in expand([root]) if _style_owner(p.relative_to(root)) in (None, fmt)] if root.is_dir() else []


def _code_files(fmt: str) -> list[Path]:
    """The package's Python code, minus the converter and the other formats' builders."""
    package = Path(__file__).resolve().parent
    others = tuple(f for f in BUILD_ORDER if f != fmt)
    return [
        p
        for p in expand([package])
        if p.suffix == ".py" and p.parent.name != "convert" and not (p.parent.name == "builders" and p.stem.startswith(others))
    ]


def inputs_for(edition: Edition, fmt: str) -> list[Path]:
    """Every file the artefact ``fmt`` of ``edition`` is made from."""
    xslt = data_dir("xslt")
    return [
        edition.tei_path,
        edition.project.register,
        edition.source_dir,
        xslt / "common",
        xslt / XSLT_DIRS[fmt],
        *_style_files(fmt),
        *font_dirs(),
        *_code_files(fmt),
    ]


def artefact_key(cache: Cache, edition: Edition, fmt: str, settings: Settings, upstream: dict[str, str]) -> str:
    extra = {
        "tool": __version__,
        "format": fmt,
        "pdf_variant": settings.pdf_variant if fmt == "pdf" else None,
        "epoch": os.environ.get("SOURCE_DATE_EPOCH"),
        "upstream": upstream,
    }
    return cache.key(inputs_for(edition, fmt), extra)


# --- locking, recovery, staging ----------------------------------------------


@contextlib.contextmanager
def _locked(edition: Edition):
    """One build per edition at a time (two terminals, or a corpus run beside a single one)."""
    dist = edition.project.dist
    dist.mkdir(parents=True, exist_ok=True)
    with open(dist / f".{edition.slug}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise EditionError("another build of this edition is running", str(edition.dist_dir)) from None
        yield


def recover(edition: Edition) -> None:
    """Remove what an interrupted or killed run left behind: temp files, old folders, the stage."""
    shutil.rmtree(_stage_root(edition) / edition.slug, ignore_errors=True)
    if not edition.dist_dir.is_dir():
        return
    for pattern in (".*.tmp", ".*.old"):
        for path in sorted(edition.dist_dir.rglob(pattern), reverse=True):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def _stage_root(edition: Edition) -> Path:
    return edition.project.dist / STAGING


@dataclass(frozen=True)
class _StagedProject(Project):
    """The same project, with ``dist`` pointing at the staging folder."""

    stage: Path = Path()

    @property
    def dist(self) -> Path:
        return self.stage


def _stamp(path: Path):
    stat = path.stat()
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino if path.is_dir() else 0)


class Stage:
    """``dist/.staging/<slug>/``: where builders write before anything is published."""

    def __init__(self, edition: Edition):
        self.published = edition.dist_dir
        self.edition = replace(edition, project=_StagedProject(edition.project.root, stage=_stage_root(edition)))
        self.dir = self.edition.dist_dir

    def __enter__(self) -> "Stage":
        self.dir.mkdir(parents=True)
        # Later builders read earlier artefacts (the PDF and its page map): copy the
        # published files; copy2 keeps their mtime so ``publish`` can tell them unchanged.
        if self.published.is_dir():
            for path in self.published.iterdir():
                if path.is_file() and not path.name.startswith("."):
                    shutil.copy2(path, self.dir / path.name)
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        with contextlib.suppress(OSError):  # dist/.staging/ goes too once no build uses it
            self.dir.parent.rmdir()

    def snapshot(self) -> dict[str, tuple]:
        return {p.name: _stamp(p) for p in self.dir.iterdir()}

    def discard_since(self, before: dict[str, tuple]) -> None:
        """Drop what a failed builder wrote, so a half-made output is never published."""
        for path in self.dir.iterdir():
            if before.get(path.name) != _stamp(path):
                shutil.rmtree(path) if path.is_dir() else path.unlink()

    def published_path(self, staged: Path) -> Path:
        staged = Path(staged)
        return self.published / staged.relative_to(self.dir) if staged.is_relative_to(self.dir) else staged

    def publish(self) -> None:
        """Rename every new or changed entry into ``dist/<slug>/``, each atomically."""
        self.published.mkdir(parents=True, exist_ok=True)
        for path in sorted(self.dir.iterdir()):
            target = self.published / path.name
            if path.name.startswith(".") or (target.is_file() and _stamp(target) == _stamp(path)):
                continue
            if path.is_dir():
                with atomic_dir(target) as tmp:
                    os.replace(path, tmp)
            else:
                os.replace(path, target)


# --- one edition -----------------------------------------------------------


class EditionRun:
    """Build the requested formats of one edition (see the module docstring)."""

    def __init__(self, edition: Edition, formats: Iterable[str], settings: Settings, report: Report):
        self.edition = edition
        self.formats = [f for f in BUILD_ORDER if f in formats]
        self.settings = settings
        self.report = report
        self.cache = Cache(edition.dist_dir)
        self.new_digests: dict[str, str] = {}
        self.outcomes: list[Outcome] = []

    def key(self, fmt: str) -> str:
        before = BUILD_ORDER[: BUILD_ORDER.index(fmt)]
        upstream = {u: self.new_digests.get(u) or self.cache.digest_of(u) for u in before}
        return artefact_key(self.cache, self.edition, fmt, self.settings, upstream)

    def run(self) -> list[Outcome]:
        stale = []
        for fmt in self.formats:
            key = self.key(fmt)
            if self.settings.force or not self.cache.fresh(fmt, key):
                stale.append(fmt)
            else:
                self._add(Outcome(self.edition.slug, fmt, "fresh", str(self.cache.output(fmt))))
        if stale:
            try:
                self._build(stale)
            finally:
                self.cache.save()
        return self.outcomes

    def _add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self.report(outcome)

    def _gate_tei(self) -> None:
        tei = self.edition.master()
        if not self.settings.check:
            return
        code = Path(__file__).parent
        key = self.cache.key([tei, data_dir("schema"), code / "validate.py", code / "validation"], {"gate": "tei"})
        if self.cache.fresh("tei-valid", key, tei):
            return
        problem = tei_problem(self.edition)
        if problem:
            raise EditionError(problem, str(tei))
        self.cache.record("tei-valid", key, tei)

    def _build(self, stale: list[str]) -> None:
        from .builders import BuildOptions, EditionContext

        self._gate_tei()
        with Stage(self.edition) as stage:
            options = BuildOptions(pdf_variant=self.settings.pdf_variant, context=EditionContext(stage.edition))
            built: list[tuple[str, str, Path, Check, float]] = []
            try:
                for fmt in stale:
                    result = self._build_one(stage, fmt, options)
                    if result:
                        built.append(result)
                self._publish(stage, built)
            finally:
                for *_, check, _ in built:
                    check.cancel()

    def _build_one(self, stage: Stage, fmt: str, options):
        key, before, start = self.key(fmt), stage.snapshot(), time.perf_counter()
        try:
            staged = Path(builder_for(fmt).build(stage.edition, options))
        except EditionError as exc:
            stage.discard_since(before)
            self._add(Outcome(self.edition.slug, fmt, "failed", message=str(exc)))
            return None
        except Exception as exc:  # a builder bug must not take the other editions down
            stage.discard_since(before)
            self._add(Outcome(self.edition.slug, fmt, "failed", message=f"internal error: {type(exc).__name__}: {exc}"))
            return None
        self.new_digests[fmt] = self.cache.output_digest(staged)
        check = start_check(fmt, staged) if self.settings.check else Check()
        return fmt, key, staged, check, time.perf_counter() - start

    def _publish(self, stage: Stage, built) -> None:
        passed = []
        for fmt, key, staged, check, seconds in built:
            problem = check.problem()
            if problem:
                shutil.rmtree(staged) if staged.is_dir() else staged.unlink()
                self._add(Outcome(self.edition.slug, fmt, "failed", message=f"{problem} (not published)"))
            else:
                passed.append((fmt, key, stage.published_path(staged), seconds, check.note))
        stage.publish()
        for fmt, key, path, seconds, note in passed:
            self.cache.record(fmt, key, path)
            self._add(Outcome(self.edition.slug, fmt, "built", str(path), round(seconds, 3), message=note))


def builder_for(fmt: str) -> Builder:
    """The registered builder of ``fmt``, importing only its own module (the others may be absent)."""
    from .builders import REGISTRY

    try:
        importlib.import_module(f"{__package__}.builders.{fmt}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.builders.{fmt}":
            raise
        raise EditionError(f"no {fmt} builder installed (edition/builders/{fmt}.py)") from None
    return REGISTRY[fmt]()


def build_edition(root: Path, slug: str, formats: tuple[str, ...], settings: Settings, report: Report | None = None) -> list[Outcome]:
    """Build ``formats`` of edition ``slug``; errors become ``failed`` outcomes, never exceptions."""
    outcomes: list[Outcome] = []

    def add(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if report:
            report(outcome)

    try:
        edition = Project(Path(root)).edition(slug)
        with _locked(edition):
            recover(edition)
            EditionRun(edition, formats, settings, add).run()
    except EditionError as exc:
        add(Outcome(slug, "edition", "failed", message=str(exc)))
    return outcomes


# --- a corpus ----------------------------------------------------------------


def select_shard(slugs: list[str], shard: str | None) -> list[str]:
    """Shard ``I/N``: the sorted slugs at positions I-1, I-1+N, ... (round-robin, 1-based).

    Every slug falls in exactly one of the N shards, whatever the machine, so CI
    jobs can split a corpus without talking to each other.
    """
    if not shard:
        return sorted(slugs)
    try:
        index, count = (int(part) for part in shard.split("/"))
    except ValueError:
        raise EditionError(f"--shard {shard!r}: expected I/N, e.g. 1/4") from None
    if not 1 <= index <= count:
        raise EditionError(f"--shard {shard!r}: I must be between 1 and N")
    return sorted(slugs)[index - 1 :: count]


def build_corpus(root: Path, slugs: list[str], formats: tuple[str, ...], settings: Settings, jobs: int, report: Report) -> list[Outcome]:
    """Build every edition in ``slugs``; with ``jobs`` > 1 in a pool of worker processes."""
    if jobs <= 1 or len(slugs) <= 1:
        return [o for slug in slugs for o in build_edition(root, slug, formats, settings, report)]
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(slugs)), mp_context=_pool_context())
    outcomes: list[Outcome] = []
    try:
        futures = {pool.submit(build_edition, root, slug, formats, settings): slug for slug in largest_first(root, slugs)}
        for future in as_completed(futures):
            for outcome in _result(future, futures[future]):
                outcomes.append(outcome)
                report(outcome)
    except KeyboardInterrupt:
        _interrupt_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return outcomes


def _pool_context():
    """fork while this process has not started Saxon: a worker then starts at once, with the
    modules already imported; spawn otherwise, since a forked copy of a process running
    Saxon's VM threads can deadlock."""
    xslt = sys.modules.get(f"{__package__}.xslt")
    saxon_started = xslt is not None and xslt.processor.cache_info().currsize > 0
    return multiprocessing.get_context("spawn" if saxon_started else "fork")


def largest_first(root: Path, slugs: list[str]) -> list[str]:
    """Editions by the size of their TEI master, largest first: the pool then ends with
    small jobs and its workers finish together (a missing master sorts last)."""
    tei = Project(Path(root)).tei_dir

    def size(slug: str) -> int:
        path = tei / f"{slug}.xml"
        return path.stat().st_size if path.is_file() else 0

    return sorted(slugs, key=lambda slug: (-size(slug), slug))


def _result(future, slug: str) -> list[Outcome]:
    try:
        return future.result()
    except Exception as exc:  # the worker died (killed, out of memory): report, go on
        return [Outcome(slug, "edition", "failed", message=f"worker failed: {type(exc).__name__}: {exc}")]


def _interrupt_workers(pool: ProcessPoolExecutor) -> None:
    """Pass Ctrl-C on to the workers so each removes its stage before exiting."""
    import signal

    for process in list((pool._processes or {}).values()):  # no public API lists the workers
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGINT)
