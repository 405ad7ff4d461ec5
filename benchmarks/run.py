"""Time the toolchain on the seed edition and on a small corpus; print a markdown table.

    python benchmarks/run.py            # seed steps, no-op rebuild, 10-edition corpus serial vs -j 2
    python benchmarks/run.py --corpus 4 # a smaller corpus
    python benchmarks/run.py --long 10  # a longer long book (default: the seed's text 5 times)

Every step runs as its own process (as a user would type it) in a temporary
copy of the project, with SOURCE_DATE_EPOCH set.  "peak MB" is the largest
resident set of any process of the step (getrusage of the children: for -j 2
each worker counts alone).  Builds use --force so each is a full build;
"gated" rows also run the validators (jing for the TEI, EPUBCheck for the EPUB).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.buildkit import make_corpus, make_long_book, seed_project  # noqa: E402  (the checkout's own helpers)

CLI = [sys.executable, "-c", "from edition.cli import main; main()"]
# Runs one command, then reports its wall time and the peak RSS of it and its children.
WRAP = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": done.returncode, "seconds": seconds, "peak_kb": peak_kb, "stdout": done.stdout[-4000:], "stderr": done.stderr[-2000:]}))
"""
def measure(command: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", WRAP, *command], capture_output=True, text=True, check=True, cwd=ROOT)
    result = json.loads(out.stdout)
    if result["code"] != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(command)}\n{result['stderr']}")
    return result


def bare_render(root: Path) -> dict:
    """benchmarks/pdf.py's bare render of the print HTML (the yardstick of the PDF issue), timed in its process."""
    result = measure([sys.executable, str(ROOT / "benchmarks" / "pdf.py"), "--one", "bare", str(root)])
    return {**result, "seconds": float(result["stdout"].split()[-1])}


def edition_cmd(root: Path, *args: str) -> list[str]:
    return [*CLI, "--project", str(root), *args]


def in_process_seconds(result: dict) -> float:
    """The build's own timing (its JSON summary), without the interpreter start."""
    return json.loads(result["stdout"].strip().splitlines()[-1])["seconds"]


def seed_rows(root: Path) -> list[tuple[str, dict]]:
    rows = [
        ("convert", measure(edition_cmd(root, "convert", "bureaucratism"))),
        ("validate", measure(edition_cmd(root, "validate", str(root / "tei" / "bureaucratism.xml")))),
    ]
    for fmt in ("pdf", "epub", "html"):  # build order: the EPUB and HTML read the PDF
        rows.append((f"build {fmt}", measure(edition_cmd(root, "build", fmt, "bureaucratism", "--force", "--no-check", "-q"))))
    rows.append(("build all", measure(edition_cmd(root, "build", "all", "bureaucratism", "--force", "--no-check", "-q"))))
    rows.append(("build all, gated", measure(edition_cmd(root, "build", "all", "bureaucratism", "--force", "-q"))))
    rows.append(("no-op build all", measure(edition_cmd(root, "build", "all", "bureaucratism", "--log-format", "json"))))
    rows.append(("bare WeasyPrint render", bare_render(root)))
    return rows


def corpus_rows(tmp: Path, count: int) -> list[tuple[str, dict]]:
    rows = []
    for jobs in (1, 2):
        root = tmp / f"corpus-j{jobs}"
        make_corpus(root, count)
        label = f"corpus of {count}, " + ("serial" if jobs == 1 else f"-j {jobs}")
        rows.append((label, measure(edition_cmd(root, "build", "all", "--no-check", "-q", "-j", str(jobs)))))
    return rows


def long_book_row(tmp: Path, copies: int) -> list[tuple[str, dict]]:
    """`edition build pdf` of a book ``copies`` times the seed's length: how time and memory grow."""
    root = tmp / "long"
    slug = make_long_book(root, copies)
    result = measure(edition_cmd(root, "build", "pdf", slug, "--force", "--no-check", "-q"))
    pages = subprocess.run(["pdfinfo", str(root / "dist" / slug / f"{slug}.pdf")], capture_output=True, text=True, check=True).stdout
    count = next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))
    return [(f"build pdf, {copies} × the seed's text ({count} pages)", result)]


def table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| step | seconds | peak MB |", "| --- | ---: | ---: |"]
    lines += [f"| {label} | {r['seconds']:.2f} | {r['peak_kb'] / 1024:.0f} |" for label, r in rows]
    return "\n".join(lines)


def verdicts(rows: dict[str, dict], count: int) -> list[str]:
    bare = rows["bare WeasyPrint render"]["seconds"]
    build_all = rows["build all"]["seconds"]
    noop = rows["no-op build all"]
    serial, parallel = rows[f"corpus of {count}, serial"]["seconds"], rows[f"corpus of {count}, -j 2"]["seconds"]
    peak = max(r["peak_kb"] for label, r in rows.items() if "× the seed" not in label) / 1024  # the seed and the corpus
    return [
        f"- build all {build_all:.2f} s ≤ 1.3 × bare render {bare:.2f} s + 1 s = {1.3 * bare + 1:.2f} s: {'met' if build_all <= 1.3 * bare + 1 else 'NOT met'}",
        f"- no-op build all: {in_process_seconds(noop):.3f} s in the command ({noop['seconds']:.2f} s with Python's start) < 0.3 s: "
        f"{'met' if in_process_seconds(noop) < 0.3 else 'NOT met'}",
        f"- corpus -j 2 {parallel:.2f} s ≤ 0.6 × serial {serial:.2f} s = {0.6 * serial:.2f} s: {'met' if parallel <= 0.6 * serial else 'NOT met'}",
        f"- peak memory {peak:.0f} MB < 1024 MB: {'met' if peak < 1024 else 'NOT met'}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, default=10, help="editions in the corpus (default 10)")
    parser.add_argument("--long", type=int, default=5, help="the long book is the seed's text this many times (default 5)")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as tmp:
        tmp_path = Path(tmp)
        rows = seed_rows(seed_project(tmp_path / "seed")) + corpus_rows(tmp_path, args.corpus) + long_book_row(tmp_path, args.long)
        shutil.rmtree(tmp_path, ignore_errors=True)
    print(table(rows))
    print()
    print("\n".join(verdicts(dict(rows), args.corpus)))
    print(f"\n({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the end)")


if __name__ == "__main__":
    main()
