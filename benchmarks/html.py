"""Time `edition build html` for the seed: a fresh process, stylesheet compiled once per run.

    python benchmarks/html.py [--runs N] [--json]

Prints a table: the first build (process start to site written, stylesheet compile
included) and N further builds in the same process (compiled stylesheet reused).
The project is copied to a temporary folder so the checkout's dist/ is untouched.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from edition.builders import BuildOptions  # noqa: E402  (timed from process start)
from edition.builders.html import HtmlBuilder  # noqa: E402
from edition.project import Project  # noqa: E402

SLUG = "bureaucratism"


def copy_project(folder: Path) -> Project:
    shutil.copytree(ROOT / "sources" / SLUG, folder / "sources" / SLUG)
    shutil.copytree(ROOT / "tei", folder / "tei", ignore=shutil.ignore_patterns("schema"))
    return Project(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds after the first, in the same process")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        edition = project.edition(SLUG)
        setup = time.perf_counter() - START
        began = time.perf_counter()
        HtmlBuilder().build(edition, BuildOptions())
        first = time.perf_counter() - began
        again = []
        for _ in range(args.runs):
            began = time.perf_counter()
            HtmlBuilder().build(edition, BuildOptions())
            again.append(time.perf_counter() - began)
    figures = {"imports_s": round(setup, 3), "first_build_s": round(first, 3),
               "process_total_s": round(setup + first, 3),
               "warm_build_median_s": round(statistics.median(again), 3) if again else None}
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{'measure':<28}{'seconds':>10}")
    for name, value in figures.items():
        print(f"{name:<28}{value if value is not None else '-':>10}")


if __name__ == "__main__":
    main()
