"""Time `edition build pdf` on the seed against one bare WeasyPrint render of the same print HTML.

    python benchmarks/pdf.py [--runs N]

"bare" renders the print HTML of the body (made once beforehand) and writes a PDF, the
way any WeasyPrint user would: no index, no page map, no font check.  "bare+" is the
same render under the builder's two interpreter settings (edition/builders/pdf_runtime.py:
cyclic GC paused, roomy frame stack), so the last line shows what the index work alone
costs.  "build" is the whole builder: XSLT, body render, index render, join, write,
checks.  Each run is a fresh process; the table gives the median wall time (measured
inside the process, interpreter start excluded) and the peak resident memory of the
process.  Issue 6 asks build ≤ 1.3 × bare and < 1 GB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # not benchmarks/: its html.py would shadow the standard library
SLUG = "bureaucratism"


def one(kind: str, folder: Path) -> float:
    """Run one measured build of ``kind`` in this process; returns seconds."""
    from edition.builders import BuildOptions, EditionContext
    from edition.builders.pdf import PdfBuilder, render, stylesheets, xslt_params
    from edition.project import Project
    from edition.xslt import stylesheet

    from edition.builders.pdf_runtime import call_on_roomy_stack, cyclic_gc_paused

    edition = Project(folder).edition(SLUG)
    html = stylesheet("print/main.xsl").transform(edition.tei_path, xslt_params(edition, EditionContext(edition))) if kind != "build" else None

    def bare() -> None:
        render(html, stylesheets(edition), edition).write_pdf(folder / "bare.pdf")

    start = time.perf_counter()
    if kind == "bare":
        bare()
    elif kind == "bare+":
        with cyclic_gc_paused():
            call_on_roomy_stack(bare)
    else:
        PdfBuilder().build(edition, BuildOptions())
    return time.perf_counter() - start


def measure(kind: str, folder: Path) -> float:
    """Seconds of one run in a fresh process."""
    out = subprocess.run([sys.executable, __file__, "--one", kind, str(folder)], check=True, capture_output=True, text=True)
    return float(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(f"{one(args.one[0], Path(args.one[1])):.3f}")
        return
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copytree(ROOT / "sources" / SLUG, folder / "sources" / SLUG)
        shutil.copytree(ROOT / "tei", folder / "tei", ignore=shutil.ignore_patterns("schema"))
        results = {kind: [] for kind in ("bare", "bare+", "build")}
        peaks = {kind: 0.0 for kind in results}
        for _ in range(args.runs):
            for kind in results:  # interleaved, so machine load hits both alike
                results[kind].append(measure(kind, folder))
        for kind in results:  # peak memory: one run each, alone
            peaks[kind] = measure_peak(kind, folder)
    bare, tuned, build = (statistics.median(results[k]) for k in ("bare", "bare+", "build"))
    print(f"{'run':<8}{'median s':>10}{'runs':>6}{'peak RSS MB':>13}")
    for kind in results:
        print(f"{kind:<8}{statistics.median(results[kind]):>10.2f}{len(results[kind]):>6}{peaks[kind]:>13.0f}")
    print(f"build / bare = {build / bare:.2f} (issue 6: ≤ 1.30)")
    print(f"build / bare+ = {build / tuned:.2f} (the index of names, with the same interpreter settings on both sides)")


def measure_peak(kind: str, folder: Path) -> float:
    """Peak RSS (MB) of one fresh process running ``kind`` (its own rusage, from wait4)."""
    process = subprocess.Popen([sys.executable, __file__, "--one", kind, str(folder)], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"{kind} run failed")
    return usage.ru_maxrss / 1024


if __name__ == "__main__":
    main()
