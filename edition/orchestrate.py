"""Build one edition's artefacts, or a whole corpus: incrementally, atomically, in parallel.

One edition (``build_edition``):

1. Take the edition's lock (``dist/.<slug>.lock``) and recover from an earlier
   interrupted run: stale ``.*.tmp``/``.*.old`` entries and the staging folder go.
2. For each format in build order, hash its inputs (``inputs_for``) with the
   artefacts built before it; if the cache says the output was built from the same
   key and is untouched, skip it.  This path imports neither Saxon nor WeasyPrint.
   (``--force`` needs no key to decide: its inputs are hashed once the PDF has started.)
3. Otherwise the builders run against a *staged* edition whose ``dist_dir`` is
   ``dist/.staging/<slug>/`` (seeded with copies of the published files the later
   builders read, such as the PDF's page map), sharing one ``EditionContext``.
   The PDF, the long pole, runs in a process of its own (``ChildBuild``: WeasyPrint
   and Saxon hold the GIL) with a stage of its own, started before anything else;
   all the rest is done beside it, in threads of lower CPU priority (``niced``), so
   that on two cores only the PDF is on the critical path: the HTML is built while
   the PDF typesets (it lists the books to come, copied in when they are made), the
   EPUB prepares its cover and stylesheet, then is built from the page map, which is
   written before the PDF itself; the TEI master is validated (``edition validate``,
   cached by its hash) and EPUBCheck's JVM warms up.
4. Nothing is published unless the TEI passed; each artefact's validator (EPUBCheck
   for the EPUB; a pass is remembered by the EPUB's sha256) must pass too; then every
   new or changed entry of the stage is renamed into ``dist/<slug>/`` (folders swapped
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
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import BUILD_ORDER, __version__
from .cache import Cache, expand
from .errors import EditionError
from .fetcher import font_dirs
from .gates import Check, Verdicts, epubcheck_jar, start_check, tei_problem, warm_epubcheck
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
    # The PDF in a process of its own beside the other builders and the gates (off in a
    # corpus pool, whose workers already keep the cores busy).
    overlap: bool = True
    pdf_chunks: str = "auto"  # a long book's PDF typeset in chunks: auto, on, off
    pdf_workers: int | None = None  # its worker processes (None: one per core)

    def build_options(self):
        from .builders import BuildOptions

        return BuildOptions(pdf_variant=self.pdf_variant, pdf_chunks=self.pdf_chunks, workers=self.pdf_workers)


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


# Builder modules every format uses (the fonts: the HTML and EPUB subsets, the PDF instances;
# the XSLT results remembered across runs).
SHARED_BUILDER_MODULES = frozenset({"pdf_fonts", "epub_fonts", "pdf_xslt"})


def _code_files(fmt: str) -> list[Path]:
    """The package's Python code, minus the converter and the other formats' own builders."""
    package = Path(__file__).resolve().parent
    others = tuple(f for f in BUILD_ORDER if f != fmt)
    return [
        p
        for p in expand([package])
        if p.suffix == ".py"
        and p.parent.name != "convert"
        and not (p.parent.name == "builders" and p.stem.startswith(others) and p.stem not in SHARED_BUILDER_MODULES)
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


def artefact_key(cache: Cache, inputs: str, fmt: str, settings: Settings, upstream: dict[str, str]) -> str:
    """The key of artefact ``fmt``: the digest of its input files (``inputs``), the settings
    it depends on and the digests of the artefacts built before it."""
    extra = {
        "inputs": inputs,
        "tool": __version__,
        "format": fmt,
        "pdf_variant": settings.pdf_variant if fmt == "pdf" else None,
        "epoch": os.environ.get("SOURCE_DATE_EPOCH"),
        "upstream": upstream,
    }
    return cache.key([], extra)


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
    for fmt in BUILD_ORDER:
        shutil.rmtree(child_stage_root(edition, fmt), ignore_errors=True)
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
        self.input_digests: dict[str, str] = {}
        self.outcomes: list[Outcome] = []

    def key(self, fmt: str) -> str:
        before = BUILD_ORDER[: BUILD_ORDER.index(fmt)]
        upstream = {u: self.new_digests.get(u) or self.cache.digest_of(u) for u in before}
        return artefact_key(self.cache, self.inputs(fmt), fmt, self.settings, upstream)

    def inputs(self, fmt: str) -> str:
        """The digest of ``fmt``'s input files, hashed once per run: before it is built (the
        key then names what the builder read), and off the critical path when forced."""
        if fmt not in self.input_digests:
            self.input_digests[fmt] = self.cache.key(inputs_for(self.edition, fmt))
        return self.input_digests[fmt]

    def run(self) -> list[Outcome]:
        stale = []
        for fmt in self.formats:  # forced, the keys wait until publishing: the PDF starts sooner
            if self.settings.force or not self.cache.fresh(fmt, self.key(fmt)):
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

    def _failed(self, fmt: str, message: str) -> None:
        self._add(Outcome(self.edition.slug, fmt, "failed", message=message))

    # The TEI gate runs in a thread of lower priority beside the builders (jing is a process
    # of its own); its verdict is awaited before anything is published.
    def _start_tei_gate(self, pool: ThreadPoolExecutor):
        tei = self.edition.master()
        if not self.settings.check:
            return None
        code = Path(__file__).parent
        key = self.cache.key([tei, data_dir("schema"), code / "validate.py", code / "validation"], {"gate": "tei"})
        if self.cache.fresh("tei-valid", key, tei):
            return None
        return pool.submit(niced, lambda: (key, tei_problem(self.edition)))

    def _end_tei_gate(self, gate) -> None:
        if gate is None:
            return
        key, problem = gate.result()
        if problem:
            raise EditionError(problem, str(self.edition.tei_path))
        self.cache.record("tei-valid", key, self.edition.tei_path)

    def _warm_epubcheck(self, stale: list[str], running: contextlib.ExitStack):
        """EPUBCheck's JVM, started now if the EPUB will need checking: not when its inputs are
        those of an EPUB that already passed (a reproducible build gives the same bytes)."""
        if "epub" not in stale or not self.settings.check:
            return None
        verdicts = self.verdicts()
        previous, jar = self.cache.output("epub"), epubcheck_jar()
        if jar is None or (previous and self.cache.fresh("epub", self.key("epub")) and verdicts.passed(previous, jar)):
            return None
        warm = warm_epubcheck(verdicts.folder)
        if warm:
            running.callback(_stop_process, warm)
        return warm

    def verdicts(self) -> Verdicts:
        return Verdicts(self.edition.project.cache / "epubcheck")

    def _build(self, stale: list[str]) -> None:
        from .builders import EditionContext

        with Stage(self.edition) as stage, ThreadPoolExecutor(2) as beside, contextlib.ExitStack() as running:
            child = ChildBuild(stage, "pdf", self.settings.build_options()) if "pdf" in stale and self.settings.overlap else None
            if child:
                running.callback(child.stop)
            gate = self._start_tei_gate(beside)
            options = replace(self.settings.build_options(), context=EditionContext(stage.edition))
            built: dict[str, tuple[Path, Check, float]] = {}
            try:
                if child:
                    self._build_beside(child, stage, stale, options, beside, running, built, gate)
                else:
                    warm = self._warm_epubcheck(stale, running)
                    for fmt in stale:
                        self._build_here(stage, fmt, options, warm, built)
                    self._end_tei_gate(gate)
                self._publish(stage, built)
            finally:
                for _, check, _ in built.values():
                    check.cancel()

    def _build_beside(self, child: "ChildBuild", stage: Stage, stale: list[str], options, beside, running, built: dict, gate) -> None:
        """The PDF typesets in ``child``, the one critical path; the rest is done beside it,
        in a thread of lower CPU priority: the HTML first (listing the books still to come,
        when its builder can take them later), the EPUB once the PDF's page map is there.
        Then the PDF is taken into the stage and the HTML finished."""
        html = builder_for("html") if "html" in stale else None
        early = hasattr(html, "add_books")
        to_come = tuple(f for f in ("epub", "pdf") if f in stale)
        side = beside.submit(niced, self._side_work, child, stage, stale, replace(options, books_to_come=to_come), early, running, built)
        try:
            for fmt in stale:  # while the PDF typesets (forced, they were not hashed before)
                self.inputs(fmt)
            self._end_tei_gate(gate)  # an invalid TEI stops the PDF too, at once
            child.wait()
        except BaseException:
            # Stopped, the child ends the side work's wait for its page map; the side work is
            # waited for, so that a JVM it started is in ``running`` (and stopped) before that unwinds.
            child.stop()
            with contextlib.suppress(Exception):
                side.result()
            raise
        side.result()
        self._collect(child, built)
        if html is not None:
            self._finish_html(stage, html, early, to_come, options, built)

    def _side_work(self, child: "ChildBuild", stage: Stage, stale: list[str], options, early: bool, running, built: dict) -> None:
        warm = self._warm_epubcheck(stale, running)  # started from this thread, the JVM shares its priority
        if early:
            self._build_here(stage, "html", options, None, built)
        if "epub" in stale:
            self._prepare(stage, "epub", options)
            if child.await_page_map():
                self._build_here(stage, "epub", options, warm, built)

    def _finish_html(self, stage: Stage, builder, early: bool, to_come: tuple[str, ...], options, built: dict) -> None:
        """Copy the books made beside the HTML into it.  Made without them (its builder cannot
        take them later), or beside a book that failed, the HTML is made now from the stage,
        as a build of the HTML alone would make it."""
        if early and "html" not in built:
            return  # it failed, and said so
        if early and all(fmt in built for fmt in to_come):
            staged = built["html"][0]
            builder.add_books(staged, [built[fmt][0] for fmt in to_come])
            self.new_digests["html"] = self.cache.output_digest(staged)
            return
        if early:
            shutil.rmtree(built.pop("html")[0])
        self._build_here(stage, "html", options, None, built)

    @staticmethod
    def _prepare(stage: Stage, fmt: str, options) -> None:
        """Let the builder of ``fmt`` make ahead what it can before its upstream artefacts are
        there; a failure here is left for its build to report."""
        prepare = getattr(builder_for(fmt), "prepare", None)
        if prepare is not None:
            with contextlib.suppress(Exception):
                prepare(stage.edition, options)

    def _build_here(self, stage: "Stage", fmt: str, options, warm, built: dict) -> None:
        before, start = stage.snapshot(), time.perf_counter()
        staged, message = run_builder(fmt, stage.edition, options)
        if staged is None:
            stage.discard_since(before)
            self._failed(fmt, message)
        else:
            self._built(fmt, staged, time.perf_counter() - start, built, warm)

    def _built(self, fmt: str, staged: Path, seconds: float, built: dict, warm=None) -> None:
        self.new_digests[fmt] = self.cache.output_digest(staged)
        check = start_check(fmt, staged, self.verdicts(), warm) if self.settings.check else Check()
        built[fmt] = (staged, check, seconds)

    def _collect(self, child: "ChildBuild", built: dict) -> None:
        """Take the child's PDF into the stage, once it is done (or its failure)."""
        status, value, seconds = child.result
        if status == "failed":
            self._failed(child.fmt, value)
            if "epub" in built and child.page_map_used:  # its page list came from that PDF
                staged, check, _ = built.pop("epub")
                check.cancel()
                staged.unlink(missing_ok=True)
                self._failed("epub", "not published: its page list came from a PDF that failed")
            return
        self._built(child.fmt, child.take(), seconds, built)

    def _publish(self, stage: Stage, built: dict) -> None:
        passed = []
        for fmt in [f for f in BUILD_ORDER if f in built]:
            staged, check, seconds = built[fmt]
            problem = check.problem()
            if problem:
                shutil.rmtree(staged) if staged.is_dir() else staged.unlink()
                self._failed(fmt, f"{problem} (not published)")
            else:
                passed.append((fmt, self.key(fmt), stage.published_path(staged), seconds, check.note))
        stage.publish()
        for fmt, key, path, seconds, note in passed:
            self.cache.record(fmt, key, path)
            self._add(Outcome(self.edition.slug, fmt, "built", str(path), round(seconds, 3), message=note))


# How much less CPU priority the work beside the PDF gets (on two cores it must not slow it).
SIDE_NICENESS = 5


def niced(function, *args):
    """``function(*args)`` in this thread at a lower CPU priority.  On Linux the niceness is
    the thread's own (the caller's other threads keep theirs), and the processes the thread
    starts (jing, EPUBCheck's JVM) inherit it.  Elsewhere it runs as it is."""
    if sys.platform == "linux":
        thread = threading.get_native_id()
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + SIDE_NICENESS))
    return function(*args)


def run_builder(fmt: str, edition: Edition, options) -> tuple[Path | None, str]:
    """Build ``fmt``: (its staged path, "") or (None, the one-line error)."""
    try:
        return Path(builder_for(fmt).build(edition, options)), ""
    except EditionError as exc:
        return None, str(exc)
    except Exception as exc:  # a builder bug must not take the other editions down
        return None, f"internal error: {type(exc).__name__}: {exc}"


def _stop_process(process: subprocess.Popen) -> None:
    """Kill it if it still runs and reap it; its pipes are closed, not read (communicate() would
    flush a stdin the gate may have closed already: ValueError)."""
    if process.poll() is None:
        process.kill()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream:
            stream.close()
    process.wait()


class ChildBuild:
    """One builder (the PDF, the long pole) in a process of its own, beside the others.

    It writes into a stage of its own (``dist/.staging/<slug>.<fmt>/<slug>/``): nothing it
    leaves there reaches the edition's stage unless it succeeds.  Its page map
    (``<slug>.pages.json``, written before the PDF itself) is copied over as soon as it
    appears, so the EPUB can be built while the PDF is still being written."""

    def __init__(self, stage: Stage, fmt: str, options):
        self.fmt, self.stage = fmt, stage
        self.root = child_stage_root(stage.edition, fmt)
        shutil.rmtree(self.root, ignore_errors=True)
        edition = replace(stage.edition, project=_StagedProject(stage.edition.project.root, stage=self.root))
        self.dir = edition.dist_dir
        self.dir.mkdir(parents=True)
        self.page_map = self.dir / f"{edition.slug}.pages.json"
        self.page_map_used = False
        self.stopped = threading.Event()
        self.result: tuple[str, str, float] | None = None
        context = pool_context()
        self._conn, child_conn = context.Pipe(duplex=False)
        self.process = context.Process(target=_child_build, args=(fmt, edition, options, child_conn))
        self.process.start()
        child_conn.close()

    def wait(self) -> None:
        """Until the child is done."""
        from multiprocessing.connection import wait

        while self.result is None:
            if wait([self._conn, self.process.sentinel], timeout=None):
                self._receive()

    def await_page_map(self) -> bool:
        """Until the child's page map is in the edition's stage, or the child has ended
        without one; False if the build is being stopped.  (Another thread may ``wait``.)"""
        from multiprocessing.connection import wait

        while not self.page_map.is_file():
            if self.stopped.is_set():
                return False
            if wait([self.process.sentinel], timeout=0.02):
                return not self.stopped.is_set()
        shutil.copy2(self.page_map, self.stage.dir / self.page_map.name)
        self.page_map_used = True
        return True

    def _receive(self) -> None:
        try:
            self.result = self._conn.recv()
        except EOFError:  # killed (out of memory?) before it could say anything
            self.process.join()
            self.result = ("failed", f"{self.fmt} worker died (exit status {self.process.exitcode})", 0.0)

    def take(self) -> Path:
        """Move the child's outputs into the edition's stage; the path of its artefact there."""
        for path in self.dir.iterdir():
            os.replace(path, self.stage.dir / path.name)
        return self.stage.dir / Path(self.result[1]).name

    def stop(self) -> None:
        self.stopped.set()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        shutil.rmtree(self.root, ignore_errors=True)


def child_stage_root(edition: Edition, fmt: str) -> Path:
    return edition.project.root / "dist" / STAGING / f"{edition.slug}.{fmt}"


def _child_build(fmt: str, edition: Edition, options, conn) -> None:
    """The body of a ChildBuild process: build, send (status, path or message, seconds)."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it (and removes its stage)
    die_with_parent()
    # One build, then the process ends: no cyclic collection (after a PDF, one pass over what
    # the typesetting left in the young generation costs about 0.2 s of CPU for nothing).
    gc.disable()
    start = time.perf_counter()
    staged, message = run_builder(fmt, edition, options)
    conn.send(("built", str(staged), time.perf_counter() - start) if staged else ("failed", message, 0.0))


def die_with_parent() -> None:
    """Linux: be killed when the parent dies (kill -9), so no orphan holds the edition's lock."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:
        os._exit(1)


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
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(slugs)), mp_context=pool_context())
    settings = replace(settings, overlap=False, pdf_workers=max(1, (os.cpu_count() or 1) // jobs))
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


def pool_context():
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
