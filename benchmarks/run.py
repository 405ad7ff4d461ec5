"""Time the toolchain on the seed edition, pandoc, a small corpus and a long book; print a markdown table.

    python benchmarks/run.py                  # everything (the long book takes minutes)
    python benchmarks/run.py --corpus 0 --long-pages 0   # the embedded edition and pandoc only
    python benchmarks/run.py --long-pages 300 # a shorter long book
    python benchmarks/run.py --corpus 0 --long-pages 0 --runs 5   # the compared rows' medians

Every step runs as its own process (as a user would type it) in a temporary copy of the
project, with SOURCE_DATE_EPOCH set.  Columns: wall time; the machine's load average (one
minute) when the step started and ended (wall times on a loaded machine are inflated; memory
is not); CPU seconds of the whole process tree; "largest process", the peak resident set of the largest single process (getrusage of
the children); "process tree", the peak of the summed resident sets of the whole tree (the
command and every process below it, sampled from /proc every 20 ms).  "cold" builds in a
fresh dist/; "--force" rebuilds everything with the caches warm (an EPUB whose sha256
already passed EPUBCheck is not checked again); "gated" rows run the validators (jing for
the TEI, EPUBCheck for the EPUB).  The pandoc row (when pandoc is installed) makes EPUB,
HTML and a WeasyPrint PDF of the same plain text: no index, no folios, no checks.
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
# Runs one command, then reports its wall time, the peak RSS of its largest process (getrusage
# of the children) and the peak of the sum of RSS over its whole process tree (/proc, sampled
# every 20 ms), and the CPU seconds of the tree.
WRAP = """
import json, os, resource, subprocess, sys, threading, time

def tree_rss(root):
    children = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        children.setdefault(parent, []).append(int(pid))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total

load_before = os.getloadavg()[0]
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
peak_tree = 0
def sample():
    global peak_tree
    while process.poll() is None:
        peak_tree = max(peak_tree, tree_rss(process.pid))
        time.sleep(0.02)
sampler = threading.Thread(target=sample)
sampler.start()
out, err = process.communicate()
seconds = time.perf_counter() - start
sampler.join()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": process.returncode, "seconds": seconds, "peak_kb": usage.ru_maxrss, "tree_kb": peak_tree // 1024,
                  "cpu": usage.ru_utime + usage.ru_stime, "load": (load_before, os.getloadavg()[0]),
                  "stdout": out[-4000:], "stderr": err[-2000:]}))
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


def seed_rows(root: Path, runs: int) -> list[tuple[str, dict]]:
    """The embedded edition: steps, then build all cold (fresh dist/, gated), forced (caches
    warm: an EPUB already passed EPUBCheck is not checked again) and no-op, beside the bare
    render; the rows the targets compare are measured ``runs`` times in turn (their medians)."""
    rows = [
        ("convert", measure(edition_cmd(root, "convert", "bureaucratism"))),
        ("validate", measure(edition_cmd(root, "validate", str(root / "tei" / "bureaucratism.xml")))),
        ("build all, cold (gated)", measure(edition_cmd(root, "build", "all", "bureaucratism", "-q"))),
        ("build all --force --no-check", measure(edition_cmd(root, "build", "all", "bureaucratism", "--force", "--no-check", "-q"))),
        ("no-op build all", measure(edition_cmd(root, "build", "all", "bureaucratism", "--log-format", "json"))),
    ]
    for fmt in ("epub", "html"):
        rows.append((f"build {fmt}", measure(edition_cmd(root, "build", fmt, "bureaucratism", "--force", "--no-check", "-q"))))
    compared = {
        "build all --force (gated)": lambda: measure(edition_cmd(root, "build", "all", "bureaucratism", "--force", "-q")),
        "build pdf": lambda: measure(edition_cmd(root, "build", "pdf", "bureaucratism", "--force", "--no-check", "-q")),
        "bare WeasyPrint render": lambda: bare_render(root),
    }
    results: dict[str, list[dict]] = {label: [] for label in compared}
    for _ in range(runs):  # in turn, so a change of load falls on all three alike
        for label, step in compared.items():
            results[label].append(step())
    return rows + [(label if runs == 1 else f"{label} (median of {runs})", median_run(r)) for label, r in results.items()]


def median_run(results: list[dict]) -> dict:
    """The run of median wall time, its load the range over all the runs."""
    middle = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]
    loads = [value for r in results for value in r["load"]]
    return {**middle, "load": (min(loads), max(loads))}


def pandoc_rows(root: Path) -> list[tuple[str, dict]]:
    """pandoc on the same plain text: EPUB, standalone HTML and a PDF through WeasyPrint
    (no index, no folios), one chain, when pandoc is installed."""
    if shutil.which("pandoc") is None:
        return []
    text = next((root / "sources" / "bureaucratism").glob("*.txt"))
    out = root / "pandoc"
    out.mkdir()
    chain = " && ".join(
        f"pandoc -f markdown -s --metadata title=Bureaucratism {text} -o {out / name}" + extra
        for name, extra in (("book.epub", ""), ("book.html", ""), ("book.pdf", " --pdf-engine=weasyprint"))
    )
    return [("pandoc: EPUB + HTML + PDF (WeasyPrint)", measure(["sh", "-c", chain]))]


def corpus_rows(tmp: Path, count: int) -> list[tuple[str, dict]]:
    rows = []
    for jobs in (1, 2):
        root = tmp / f"corpus-j{jobs}"
        make_corpus(root, count)
        label = f"corpus of {count}, " + ("serial" if jobs == 1 else f"-j {jobs}")
        rows.append((label, measure(edition_cmd(root, "build", "all", "--no-check", "-q", "-j", str(jobs)))))
    return rows


# The seed's text once is about 58 pages of the long book.
PAGES_PER_COPY = 58


def long_book_rows(tmp: Path, pages: int) -> list[tuple[str, dict]]:
    """`edition build pdf` of a book of about ``pages`` pages (the seed's text repeated):
    one process, then in chunks with one worker and with two, each with the results kept
    across runs (dist/.cache/print/) cleared before it."""
    root = tmp / "long"
    copies = max(1, round(pages / PAGES_PER_COPY))
    slug = make_long_book(root, copies)
    rows = []
    for label, args in (("one process", ("--pdf-chunks", "off")), ("chunks, -j 1", ("--pdf-chunks", "on", "-j", "1")),
                        ("chunks, -j 2", ("--pdf-chunks", "on", "-j", "2"))):
        # every row makes its print HTML and line breaks afresh: what one row keeps would speed the next
        shutil.rmtree(root / "dist" / ".cache" / "print", ignore_errors=True)
        result = measure(edition_cmd(root, "build", "pdf", slug, "--force", "--no-check", "-q", *args))
        rows.append((f"long book ({page_count(root / 'dist' / slug / f'{slug}.pdf')} pages), {label}", result))
    return rows


def page_count(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))


def table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| step | wall s | load | CPU s | largest process MB | process tree MB |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {label} | {r['seconds']:.2f} | {r['load'][0]:.1f}–{r['load'][1]:.1f} | {r['cpu']:.2f} | {r['peak_kb'] / 1024:.0f} | {r['tree_kb'] / 1024:.0f} |"
              for label, r in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def verdicts(rows: dict[str, dict]) -> list[str]:
    return (seed_verdicts(rows) if "build all, cold (gated)" in rows else []) + long_book_verdicts(rows)


def seed_verdicts(rows: dict[str, dict]) -> list[str]:
    rows = {label.split(" (median of")[0]: r for label, r in rows.items()}
    bare = rows["bare WeasyPrint render"]["seconds"]
    forced, cold, pdf = (rows[k]["seconds"] for k in ("build all --force (gated)", "build all, cold (gated)", "build pdf"))
    noop = in_process_seconds(rows["no-op build all"])
    lines = [
        f"- build all --force {forced:.2f} s ≤ 1.25 × bare render {bare:.2f} s = {1.25 * bare:.2f} s: {verdict(forced <= 1.25 * bare)}"
        f" (cold, EPUBCheck run: {cold:.2f} s = {cold / bare:.2f} × bare)",
        f"- no-op build all: {noop:.3f} s in the command ({rows['no-op build all']['seconds']:.2f} s with Python's start) < 0.2 s: {verdict(noop < 0.2)}",
        f"- build pdf {pdf:.2f} s ≤ 1.3 × bare = {1.3 * bare:.2f} s: {verdict(pdf <= 1.3 * bare)}",
    ]
    pandoc = rows.get("pandoc: EPUB + HTML + PDF (WeasyPrint)")
    if pandoc:
        lines.append(f"- build all --force / pandoc chain = {forced / pandoc['seconds']:.2f}")
    return lines


def long_book_verdicts(rows: dict[str, dict]) -> list[str]:
    lines = []
    long_rows = {label.rsplit(", ", 1)[-1]: r for label, r in rows.items() if label.startswith("long book")}
    if long_rows:
        single, j1, j2 = long_rows["one process"], long_rows["-j 1"], long_rows["-j 2"]
        lines += [
            f"- long book, chunks -j 2: largest process {j2['peak_kb'] / 1024:.0f} MB < 600 MB: {verdict(j2['peak_kb'] < 600 * 1024)};"
            f" process tree {j2['tree_kb'] / 1024:.0f} MB < 1200 MB: {verdict(j2['tree_kb'] < 1200 * 1024)}",
            f"- long book, chunks -j 2 {j2['seconds']:.2f} s = {j2['seconds'] / single['seconds']:.2f} × one process {single['seconds']:.2f} s"
            f" (target ≤ 0.6 × = {0.6 * single['seconds']:.2f} s): {verdict(j2['seconds'] <= 0.6 * single['seconds'])}"
            f" (-j 1: {j1['seconds']:.2f} s = {j1['seconds'] / single['seconds']:.2f} ×)",
        ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, default=10, help="editions in the corpus (default 10; 0 leaves the corpus out)")
    parser.add_argument("--long-pages", type=int, default=1000, help="pages of the long book (default 1000; 0 leaves it out)")
    parser.add_argument("--no-seed", action="store_true", help="leave out the embedded edition and pandoc")
    parser.add_argument("--runs", type=int, default=1, help="runs of build all --force, build pdf and the bare render, in turn (default 1)")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as tmp:
        tmp_path = Path(tmp)
        seed = seed_project(tmp_path / "seed")
        rows = [] if args.no_seed else seed_rows(seed, args.runs) + pandoc_rows(seed)
        rows += corpus_rows(tmp_path, args.corpus) if args.corpus else []
        rows += long_book_rows(tmp_path, args.long_pages) if args.long_pages else []
        shutil.rmtree(tmp_path, ignore_errors=True)
    print(table(rows))
    print()
    print("\n".join(verdicts(dict(rows))))
    print(f"\n({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the end: figures on a shared machine are noisy)")


if __name__ == "__main__":
    main()
