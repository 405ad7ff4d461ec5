"""The timeline of one `edition build`: every process and every stage, when it starts and ends.

    python benchmarks/timeline.py                         # build all --force on a copy of the seed
    python benchmarks/timeline.py --runs 3 -- build pdf bureaucratism --force --no-check
    python benchmarks/timeline.py --code ../other-checkout    # another version of the code

The command runs once as a warm-up in a temporary copy of the project (so caches are
as a second build finds them), then ``--runs`` times, each a fresh process.  Two sources:
the process tree, sampled from /proc every 20 ms (start from the kernel, end when last
seen, CPU seconds user + system), and stages timed inside the Python processes by
wrapping the orchestrator's, the gates' and the PDF builder's functions (installed when
their modules are imported, so the imports are timed as they happen).  Times are seconds
from the start of the command's process.  The table is the run with the median wall time;
the medians of all runs follow it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.buildkit import seed_project  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")

# Modules whose import is timed (inclusive of what they import in turn).
IMPORTS = ["edition.orchestrate", "edition.builders.pdf", "weasyprint", "saxonche", "edition.builders.epub", "edition.builders.html"]
# (module, qualified name, label); the label may name an argument: {0} the first.
STAGES = [
    ("edition.cli", "main", "command (after imports)"),
    ("edition.orchestrate", "EditionRun.run", "edition run"),
    ("edition.orchestrate", "EditionRun.key", "hash inputs ({0})"),
    ("edition.orchestrate", "EditionRun._start_tei_gate", "TEI gate: key, start"),
    ("edition.orchestrate", "EditionRun._warm_epubcheck", "EPUBCheck: start JVM"),
    ("edition.orchestrate", "EditionRun._end_tei_gate", "TEI gate: wait"),
    ("edition.orchestrate", "EditionRun._publish", "checks + publish"),
    ("edition.orchestrate", "Stage.__enter__", "stage: copy published files"),
    ("edition.orchestrate", "Stage.__exit__", "stage: remove"),
    ("edition.orchestrate", "Stage.publish", "rename into dist/"),
    ("edition.orchestrate", "ChildBuild.__init__", "PDF process: start"),
    ("edition.orchestrate", "ChildBuild.wait", "wait for the PDF process"),
    ("edition.orchestrate", "run_builder", "build {0}"),
    ("edition.orchestrate", "EditionRun._prepare", "prepare {1}"),
    ("edition.orchestrate", "EditionRun._collect", "take the PDF into the stage"),
    ("edition.orchestrate", "EditionRun._finish_html", "html: books copied in"),
    ("edition.orchestrate", "ChildBuild.await_page_map", "wait for the page map"),
    ("edition.orchestrate", "ChildBuild.stop", "PDF process: stop, reap"),
    ("edition.orchestrate", "tei_problem", "TEI validation"),
    ("edition.cache", "Cache.output_digest", "sha256 of an output"),
    ("edition.cache", "Cache.save", "cache: save"),
    ("edition.gates", "EpubCheck.problem", "EPUBCheck: verdict"),
    ("edition.builders.pdf", "print_html", "pdf: print XSLT"),
    ("edition.builders.pdf", "render", "pdf: WeasyPrint layout"),
    ("edition.builders.pdf", "write_page_map", "pdf: page map"),
    ("edition.builders.pdf", "write_checked", "pdf: write"),
    ("edition.builders.epub", "EpubBuilder.build", "epub: builder"),
    ("edition.builders.html", "HtmlBuilder.build", "html: builder"),
]

# Runs in the measured process (python -c): wraps STAGES as their modules are imported,
# appends one JSON line per stage to $TIMELINE_LOG, then runs the CLI.
HOOKS = r"""
import functools, importlib.abc, importlib.util, json, os, sys, time
LOG, STAGES = os.environ["TIMELINE_LOG"], json.loads(os.environ["TIMELINE_STAGES"])
IMPORTS = set(json.loads(os.environ["TIMELINE_IMPORTS"]))
def now():
    return time.clock_gettime(time.CLOCK_BOOTTIME)
def emit(label, start, end):
    with open(LOG, "a") as log:
        log.write(json.dumps({"pid": os.getpid(), "label": label, "start": start, "end": end}) + "\n")
def wrap(function, label):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        start = now()
        try:
            return function(*args, **kwargs)
        finally:
            shown = [a for a in args if isinstance(a, str)]
            emit(label.format(*shown) if "{0}" in label and shown else label, start, now())
    return timed
def patch(module):
    for name, qualname, label in STAGES:
        if name == module.__name__:
            owner, attr = module, qualname
            if "." in qualname:
                cls, attr = qualname.split(".")
                owner = getattr(module, cls)
            if not hasattr(owner, attr):  # older code, without that stage
                continue
            timed = wrap(getattr(owner, attr), label)
            setattr(owner, attr, staticmethod(timed) if isinstance(vars(owner).get(attr), staticmethod) else timed)
class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in {s[0] for s in STAGES} | IMPORTS:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, self)
        execute = spec.loader.exec_module
        def exec_module(module):
            start = now()
            execute(module)
            if fullname in IMPORTS:
                emit(f"import {fullname}", start, now())
            patch(module)
        spec.loader.exec_module = exec_module
        return spec
emit("interpreter start → hooks", now(), now())
sys.meta_path.insert(0, Finder())
start = now()
from edition.cli import main
emit("import edition.cli", start, now())
main()
"""


def processes_of(root: int) -> dict[int, tuple]:
    """pid → (start since boot, CPU s, command) of ``root`` and its descendants."""
    stats = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        if fields[0] != "Z":  # a zombie has ended; it waits only to be reaped
            stats[int(pid)] = (int(fields[1]), int(fields[19]) / TICK, (int(fields[11]) + int(fields[12])) / TICK, command)
    tree, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            parent, start, cpu, command = stats[pid]
            tree[pid] = (start, cpu, command)
            todo += [child for child, values in stats.items() if values[0] == pid]
    return tree


def describe(command: str) -> str:
    if command.startswith("java"):
        return "java: EPUBCheck (warm)" if "EpubCheckWarm" in command else ("java: jing" if "jing" in command else "java: EPUBCheck")
    return "python" if "python" in command else command[:40]


def one_run(command: list[str], log: Path, code: Path = ROOT) -> dict:
    """Run ``command`` with the hooks and the edition package of ``code``; its processes and stages."""
    log.write_text("")
    env = {**os.environ, "PYTHONPATH": str(code), "TIMELINE_LOG": str(log), "TIMELINE_STAGES": json.dumps(STAGES),
           "TIMELINE_IMPORTS": json.dumps(IMPORTS)}
    launched = time.clock_gettime(time.CLOCK_BOOTTIME)
    process = subprocess.Popen([sys.executable, "-c", HOOKS, *command], env=env, cwd=log.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen: dict[int, dict] = {}
    while process.poll() is None:
        for pid, (start, cpu, name) in processes_of(process.pid).items():
            entry = seen.setdefault(pid, {"start": start, "name": describe(name)})
            entry.update(cpu=cpu, end=time.clock_gettime(time.CLOCK_BOOTTIME))
            if name:  # a forked child keeps its parent's command line
                entry["name"] = describe(name)
        time.sleep(0.02)
    ended = time.clock_gettime(time.CLOCK_BOOTTIME)
    if process.returncode:
        raise SystemExit(f"the build failed:\n{process.stderr.read().decode()}")
    origin = seen[process.pid]["start"]
    stages = [json.loads(line) for line in log.read_text().splitlines()]
    return {"wall": ended - launched, "origin": origin, "pid": process.pid, "load": os.getloadavg()[0], "processes": seen, "stages": stages}


def rows_of(run: dict) -> list[tuple[str, str, float, float, str]]:
    """(what, process, start, end, CPU) relative to the command's start, by start."""
    origin = run["origin"]
    numbers = {pid: n for n, pid in enumerate(sorted(run["processes"], key=lambda p: run["processes"][p]["start"]))}
    rows = [(f"process: {p['name']}", f"P{numbers[pid]}", p["start"] - origin, p["end"] - origin, f"{p['cpu']:.2f}")
            for pid, p in run["processes"].items()]
    rows += [(s["label"], f"P{numbers.get(s['pid'], '?')}", s["start"] - origin, s["end"] - origin, "")
             for s in run["stages"]]
    return sorted(rows, key=lambda row: (row[2], -row[3]))


def table(run: dict) -> str:
    lines = ["| what | process | start s | end s | seconds | CPU s |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {what} | {proc} | {start:.2f} | {end:.2f} | {end - start:.2f} | {cpu} |" for what, proc, start, end, cpu in rows_of(run)]
    return "\n".join(lines)


def summary(runs: list[dict]) -> dict[str, float]:
    """Medians over the runs: wall, CPU of the tree, and when the PDF process ended."""

    def pdf_end(run):
        ends = [s["end"] for s in run["stages"] if s["label"] == "build pdf"]
        return max(ends) - run["origin"] if ends else float("nan")

    return {
        "wall s": statistics.median(r["wall"] for r in runs),
        "after the PDF s": statistics.median(r["wall"] - pdf_end(r) for r in runs),
        "CPU s (tree)": statistics.median(sum(p["cpu"] for p in r["processes"].values()) for r in runs),
        "PDF built at s": statistics.median(pdf_end(r) for r in runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose edition package runs (default: this one)")
    parser.add_argument("args", nargs="*", default=["build", "all", "bureaucratism", "--force", "-q"], help="edition's arguments (after --)")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764028800")
    with tempfile.TemporaryDirectory(prefix="edition-timeline-") as tmp:
        project = seed_project(Path(tmp))
        command = ["--project", str(project), *args.args]
        log = Path(tmp) / "stages.jsonl"
        one_run(command, log, args.code)  # warm-up: a first build fills dist/ and its caches
        runs = [one_run(command, log, args.code) for _ in range(args.runs)]
    runs.sort(key=lambda r: r["wall"])
    middle = runs[len(runs) // 2]
    print(f"`edition {' '.join(args.args)}`, the median of {len(runs)} runs (load average {middle['load']:.1f}, {os.cpu_count()} CPUs):\n")
    print(table(middle))
    print()
    print(", ".join(f"{name} {value:.2f}" for name, value in summary(runs).items()),
          "(medians); walls:", ", ".join(f"{r['wall']:.2f}" for r in runs), "; loads:", ", ".join(f"{r['load']:.1f}" for r in runs))


if __name__ == "__main__":
    main()
