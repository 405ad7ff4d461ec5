"""Time `edition validate` on a TEI master, layer by layer.

    python benchmarks/validate.py [FILE] [--runs N]     (default: tei/bureaucratism.xml, 5 runs)

Prints a table of median wall-clock and CPU times (CPU includes child
processes; on a shared machine it is the steadier figure): each layer alone
(with its schema compile, as a fresh process pays it), the library call that
runs them all (jing overlapping the lxml layers), and the whole command in a
new process.
"""

from __future__ import annotations

import argparse
import functools
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from edition.validate import schema_path, validate_files  # noqa: E402
from edition.validation import relaxng, schematron  # noqa: E402
from edition.validation.document import load  # noqa: E402


def _cpu() -> float:
    """CPU seconds of this process and its finished children (jing, the CLI)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def median_seconds(action, runs: int, fresh=()) -> tuple[float, float]:
    """Median wall-clock and CPU time of ``action()``; caches in ``fresh`` are cleared first, so compiles count."""
    walls, cpus = [], []
    for _ in range(runs):
        for cached in fresh:
            cached.cache_clear()
        wall, cpu = time.perf_counter(), _cpu()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def rows(path: Path, runs: int, lxml_tei_all: bool) -> list[tuple[str, str, tuple[float, float]]]:
    doc = load(path)
    tei_all, project_rng, sch = schema_path("tei_all.rng"), schema_path("edition.rng"), schema_path("edition.sch")
    table = [
        ("xml", "parse (lxml, safe parser)", median_seconds(lambda: load(path), runs)),
        ("tei_all", "jing, one JVM", median_seconds(lambda: relaxng.JingRun(tei_all, "tei_all", [doc]).findings(doc), runs)),
        ("edition.rng", "lxml compile + validate", median_seconds(lambda: relaxng.lxml_findings(project_rng, "edition.rng", doc), runs, [relaxng.compiled])),
        ("edition.sch", "lxml.isoschematron compile + run", median_seconds(lambda: schematron.schematron_findings(sch, "edition.sch", doc), runs, [schematron.compiled])),
    ]
    if lxml_tei_all:
        table.append(("tei_all", "lxml compile + validate (fallback)", median_seconds(lambda: relaxng.lxml_findings(tei_all, "tei_all", doc), 1, [relaxng.compiled])))
    fresh = [relaxng.compiled, schematron.compiled]
    table.append(("total", "validate_files(), all layers", median_seconds(lambda: validate_files([path]), runs, fresh)))
    command = [sys.executable, "-c", "import sys; from edition.cli import main; main()", "validate", str(path)]
    run = functools.partial(subprocess.run, command, cwd=ROOT, capture_output=True, check=False)
    table.append(("total", "`edition validate FILE`, new process", median_seconds(run, runs)))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=ROOT / "tei" / "bureaucratism.xml")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lxml-tei-all", action="store_true", help="also time the lxml fallback for tei_all (slow)")
    args = parser.parse_args()
    if relaxng.engine() != "jing":
        sys.exit("jing is not installed: the benchmark measures the jing path (apt-get install jing)")
    print(f"{args.file} ({args.file.stat().st_size // 1024} KiB), median of {args.runs} runs\n")
    print(f"| {'layer':<11} | {'what':<38} | {'wall s':>7} | {'CPU s':>7} |")
    print(f"| {'-' * 11} | {'-' * 38} | {'-' * 7}:| {'-' * 7}:|")
    for layer, what, (wall, cpu) in rows(args.file, args.runs, args.lxml_tei_all):
        print(f"| {layer:<11} | {what:<38} | {wall:7.3f} | {cpu:7.3f} |")


if __name__ == "__main__":
    main()
