"""How `edition convert` reads the real texts of tests/corpus/: found vs expected, per text.

    python benchmarks/corpus.py             # the corpus (tests/corpus/), then the held-out texts
    python benchmarks/corpus.py --heldout   # the held-out texts only (benchmarks/heldout/): score, never tune

Each text is scaffolded with `edition new` in a temporary project and converted as a new user
would; the table gives sections (heads matching expected.toml), notes at their markers,
emphasis spans kept, distinct spans in italics made titles and foreign phrases (right / the
editor's, and any wrong), block quotations, chapter arguments (right / the editor's, and how many
made), validation errors (tei_all, edition.rng, Schematron), whether
the source is restored exactly, and the conversion time.  The last row times `edition convert`
of the embedded edition (a fresh process, median of three; the issue's limit is 3 s).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # not benchmarks/: its html.py would shadow the standard library (wordfreq imports html)

from edition.convert import convert_document  # noqa: E402
from edition.gutenberg import edition_span  # noqa: E402
from edition.convert.tei import serialise  # noqa: E402
from edition.project import Project  # noqa: E402
from edition.scaffold import new_edition  # noqa: E402
from edition.validate import validate_files  # noqa: E402
from edition.xmlio import write_bytes_atomic  # noqa: E402
from tests.corpuskit import texts  # noqa: E402
from tests.test_corpus_convert import (ITALICS, NS, TEXT_DIVISIONS, body_divs, gold_kinds, head_of, italic_kinds, plain,  # noqa: E402
                                      restored_block_quote, restored_text, words)
from tests.test_lossless import content, restore  # noqa: E402


def score(text, root: Path, kind: str) -> dict:
    project = Project(root)
    toml = new_edition(project, text.slug, text.path)
    language = text.source.get("language", "en")
    toml.write_text(toml.read_text(encoding="utf-8").replace('language = "en"', f'language = "{language}"'), encoding="utf-8")
    edition = project.edition(text.slug)
    start = time.perf_counter()
    tree = convert_document(edition, [])
    seconds = time.perf_counter() - start
    write_bytes_atomic(edition.tei_path, serialise(tree.getroot()))
    expected = text.expected
    heads = [words(head_of(d)) for d in body_divs(tree) if d.get("type") in TEXT_DIVISIONS]
    want = [words(s["head"]) for s in expected["sections"]]
    notes = tree.xpath("//t:text//t:note[@place] | //t:text//t:ptr[@type = 'note'] | //t:div/t:note", namespaces=NS)
    found_hi = Counter(plain(content(h)) for h in tree.xpath(ITALICS, namespaces=NS))
    titles, foreign = italic_kinds(tree)
    # texts whose italics the editor has not yet sorted into titles and foreign phrases
    annotated = "emphasis_titles" in expected
    gold_titles, gold_foreign = gold_kinds(expected) if annotated else (set(), set())
    want_hi = Counter(plain(e) for e in expected["emphasis"])
    quoted = [words(restored_block_quote(q)) for q in tree.xpath("//t:div/t:quote", namespaces=NS)]
    arguments = [words(restore(a)) for a in tree.xpath("//t:argument/t:p", namespaces=NS)]
    want_arguments = [words(a) for a in expected.get("arguments", [])]
    (result,) = validate_files([edition.tei_path])
    return {
        "set": kind,
        "text": text.slug,
        "sections": f"{sum(h == w for h, w in zip(heads, want))}/{len(want)} ({len(heads)} made)",
        "notes": f"{len(notes)}/{len(expected['notes'])}",
        "emphasis": f"{sum((found_hi & want_hi).values())}/{sum(want_hi.values())}",
        "titles": _found(titles, gold_titles) if annotated else f"{len(titles)} (not annotated)",
        "foreign": _found(foreign, gold_foreign) if annotated else f"{len(foreign)} (not annotated)",
        "block quotes": f"{sum(any(q.startswith(words(b)) for q in quoted) for b in expected['block_quotes'])}/"
                        f"{len(expected['block_quotes'])}",
        "arguments": f"{sum(any(a.startswith(w) for a in arguments) for w in want_arguments)}/{len(want_arguments)}"
                     f" ({len(arguments)} made)",
        "errors": str(sum(f.severity == "error" for f in result.findings)),
        "round trip": "exact" if restored_text(tree) == plain(text.text[slice(*edition_span(text.text))]) else "DIFFERS",
        "convert s": f"{seconds:.2f}",
    }


def _found(found: set, gold: set) -> str:
    """Distinct spans found right / the editor's, and any found wrong."""
    wrong = len(found - gold)
    return f"{len(found & gold)}/{len(gold)}" + (f" ({wrong} wrong)" if wrong else "")


def seed_convert_seconds() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        from tests.buildkit import seed_project

        root = seed_project(Path(tmp))
        command = [sys.executable, "-c", "from edition.cli import main; main()", "--project", str(root), "convert", "bureaucratism"]
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score the held-out texts only")
    args = parser.parse_args()
    sets = [("held out", True)] if args.heldout else [("corpus", False), ("held out", True)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        (root / "sources").mkdir(parents=True)
        rows = [score(text, root, kind) for kind, heldout in sets for text in texts(heldout=heldout)]
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("| " + " | ".join("---" for _ in columns) + " |")
    for row in rows:
        print("| " + " | ".join(row[c] for c in columns) + " |")
    print(f"\n`edition convert bureaucratism` (fresh process, median of 3): {seed_convert_seconds():.2f} s (limit 3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
