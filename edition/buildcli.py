"""``edition build``: choose the editions, run the corpus build, report, set the exit status."""

from __future__ import annotations

import time

from .log import Log
from .orchestrate import Outcome, Settings, build_corpus, select_shard
from .project import Project

INTERRUPTED = 130  # the shell's status for a run stopped by Ctrl-C


def run_build(
    project: Project,
    slugs: list[str],
    formats: tuple[str, ...],
    *,
    shard: str | None,
    jobs: int | None,
    force: bool,
    pdf_variant: str | None,
    pdf_chunks: str = "auto",
    no_check: bool,
    quiet: bool,
    verbose: bool,
    log_format: str,
) -> int:
    """Build and report; returns the exit status (0 all good, 1 any failure, 130 interrupted)."""
    log = Log.from_flags(quiet, verbose, log_format)
    chosen = select_shard(slugs, shard)
    settings = Settings(force=force, pdf_variant=pdf_variant, check=not no_check, pdf_chunks=pdf_chunks, pdf_workers=jobs)
    start = time.perf_counter()
    outcomes: list[Outcome] = []
    with log.progress(len(chosen) * len(formats), "building") as advance:

        def report(outcome: Outcome) -> None:
            outcomes.append(outcome)
            _report(log, outcome)
            advance(len(formats) if outcome.fmt == "edition" else 1)

        try:
            build_corpus(project.root, chosen, formats, settings, jobs or 1, report)
        except KeyboardInterrupt:
            log.event("error", "interrupted: dist/ keeps its last complete outputs", status="interrupted")
            return INTERRUPTED
    _summary(log, outcomes, time.perf_counter() - start)
    return 1 if any(o.failed for o in outcomes) else 0


def _report(log: Log, o: Outcome) -> None:
    fields = {"slug": o.slug, "format": o.fmt, "status": o.status, "path": o.path, "seconds": o.seconds}
    if o.failed:
        log.event("error", f"{o.slug} {o.fmt}: {o.message}", message=o.message, **fields)
    elif o.status == "built":
        log.event("built", f"{o.slug} {o.fmt}: built in {o.seconds:.2f} s", **fields)
        if o.message:
            log.event("warning", f"{o.slug} {o.fmt}: {o.message}", message=o.message, **fields)
    else:
        log.event("fresh", f"{o.slug} {o.fmt}: up to date", **fields)


def _summary(log: Log, outcomes: list[Outcome], seconds: float) -> None:
    counts = {status: sum(o.status == status for o in outcomes) for status in ("built", "fresh", "failed")}
    line = f"{counts['built']} built, {counts['fresh']} up to date, {counts['failed']} failed in {seconds:.2f} s"
    log.event("summary", line, seconds=round(seconds, 3), **counts)
