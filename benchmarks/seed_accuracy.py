"""Score `edition convert` on the embedded text against its gold annotation.

    python benchmarks/seed_accuracy.py [--gold FILE] [--tei FILE] [--errors]

The gold (tests/gold/bureaucratism.json, guidelines in tei/REGISTER.md) lists
every person, place and organisation mention of the source text and every
quotation with its class, as character offsets into the source.  By default
the edition is converted afresh (nothing is written); ``--tei`` scores a
master already on disk instead.  Printed: names precision, recall and F1
(a mention counts when span, type and register id all agree), per type; and
quotation classes (quote / soCalled / title): accuracy over the gold
quotations, micro F1 over span and class, and per-class figures.  ``--errors``
lists every disagreement with its place in the source.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from edition.xmlio import TEI_NS, parse_xml  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "bureaucratism.json"
NAME_TAGS = {"persName": "person", "placeName": "place", "orgName": "org"}
QUOTE_TAGS = {"quote", "soCalled", "title", "q"}
# Source characters the TEI does not hold as text: quote marks and the
# brackets of an insertion (writers render them), and the blank lines between blocks.
DROPPED = set("\"'“”‘’«»[]") | {"\n", " ", "\u00a0", "\u202f"}
# Text the editors add in a choice: it is not in the source.
EDITORIAL = {"corr", "reg"}


class AlignmentError(Exception):
    """The TEI text is not the source text minus dropped characters."""


def _characters(element: etree._Element):
    """(character, element path) for every source character of ``element``, in order."""

    def walk(el, path):
        name = etree.QName(el).localname
        if name in EDITORIAL:
            return
        path = path + (el,)
        for ch in el.text or "":
            yield ch, path
        for child in el:
            if isinstance(child.tag, str):
                yield from walk(child, path)
            for ch in child.tail or "":
                yield ch, path

    yield from walk(element, ())


def source_spans(tei: etree._ElementTree, source: str) -> dict[etree._Element, tuple[int, int]]:
    """Where each element of the TEI <text> lies in ``source``: (start, end) offsets.

    The conversion is lossless: the TEI text, read without the editors' corrections,
    is the source with some characters dropped (``DROPPED``) and whitespace between
    blocks re-indented.  Walking both in step gives every element its offsets."""
    text = tei.getroot().find(f"{{{TEI_NS}}}text")
    spans: dict[etree._Element, list[int]] = {}
    i = 0
    for ch, path in _characters(text):
        while i < len(source) and source[i] != ch and source[i] in DROPPED:
            i += 1
        if i >= len(source) or source[i] != ch:
            if ch.isspace():
                continue  # indentation the serialiser added between blocks
            raise AlignmentError(f"TEI character {ch!r} not found at source offset {i}")
        for el in path:
            span = spans.setdefault(el, [i, i + 1])
            span[1] = i + 1
        i += 1
    return {el: (s, e) for el, (s, e) in spans.items()}


def annotations(tei: etree._ElementTree, source: str) -> tuple[list[dict], list[dict]]:
    """(names, quotations) of a TEI master as gold-shaped records."""
    spans = source_spans(tei, source)
    names, quotations = [], []
    for el, (start, end) in sorted(spans.items(), key=lambda item: item[1]):
        tag = etree.QName(el).localname
        if tag in NAME_TAGS:
            names.append({"start": start, "end": end, "text": source[start:end], "type": NAME_TAGS[tag], "ref": el.get("ref", "").lstrip("#")})
        elif tag in QUOTE_TAGS:
            quotations.append({"start": start, "end": end, "text": source[start:end], "class": tag})
    return names, quotations


def _prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 1.0
    r = correct / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_names(gold: list[dict], predicted: list[dict]) -> dict[str, tuple[float, float, float]]:
    """Precision, recall, F1 of typed, linked mentions, overall and per type."""
    key = lambda m: (m["start"], m["end"], m["type"], m["ref"])  # noqa: E731
    g, p = {key(m) for m in gold}, {key(m) for m in predicted}
    result = {"all": _prf(len(g & p), len(p), len(g))}
    for kind in ("person", "place", "org"):
        gk, pk = {k for k in g if k[2] == kind}, {k for k in p if k[2] == kind}
        result[kind] = _prf(len(gk & pk), len(pk), len(gk))
    return result


def score_quotations(gold: list[dict], predicted: list[dict]) -> dict:
    """Accuracy over gold quotations (a missed span is wrong), micro F1 and per-class P/R/F1."""
    g = {(q["start"], q["end"]): q["class"] for q in gold}
    p = {(q["start"], q["end"]): q["class"] for q in predicted}
    right = sum(1 for span, cls in g.items() if p.get(span) == cls)
    result = {"accuracy": right / len(g) if g else 1.0, "micro": _prf(right, len(p), len(g))}
    for cls in ("quote", "soCalled", "title"):
        gc = {s for s, c in g.items() if c == cls}
        pc = {s for s, c in p.items() if c == cls}
        result[cls] = _prf(len(gc & pc), len(pc), len(gc))
    result["macro_f1"] = sum(result[c][2] for c in ("quote", "soCalled", "title")) / 3
    return result


def load_gold(path: Path = GOLD) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def converted(tei_path: Path | None = None) -> tuple[etree._ElementTree, str]:
    """The embedded edition's master (converted now, or read from ``tei_path``) and its source text."""
    from edition.convert import convert_document
    from edition.convert.source import read_source
    from edition.project import Project

    edition = Project(ROOT).edition("bureaucratism")
    source = read_source(edition.text_path, str(edition.text_path)).text
    tree = parse_xml(tei_path) if tei_path else convert_document(edition)
    return tree, source


def disagreements(gold: list[dict], predicted: list[dict], fields: tuple[str, ...]) -> list[str]:
    key = lambda m: (m["start"], m["end"]) + tuple(m[f] for f in fields)  # noqa: E731
    g, p = {key(m): m for m in gold}, {key(m): m for m in predicted}
    lines = [f"missed {k[0]}-{k[1]} {g[k]['text']!r} {k[2:]}" for k in sorted(g.keys() - p.keys())]
    lines += [f"extra  {k[0]}-{k[1]} {p[k]['text']!r} {k[2:]}" for k in sorted(p.keys() - g.keys())]
    return sorted(lines, key=lambda line: int(line.split()[1].split("-")[0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--tei", type=Path, help="score this master instead of converting afresh")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    tree, source = converted(args.tei)
    names, quotations = annotations(tree, source)
    n = score_names(gold["names"], names)
    q = score_quotations(gold["quotations"], quotations)
    print(f"names: {len(gold['names'])} gold mentions, {len(names)} tagged")
    print(f"{'':10} {'precision':>9} {'recall':>7} {'F1':>6}")
    for kind, (p, r, f) in n.items():
        print(f"{kind:10} {p:9.3f} {r:7.3f} {f:6.3f}")
    counts = Counter(g["class"] for g in gold["quotations"])
    print(f"\nquotations: {len(gold['quotations'])} gold ({', '.join(f'{c} {counts[c]}' for c in ('quote', 'soCalled', 'title'))}), {len(quotations)} marked")
    print(f"accuracy {q['accuracy']:.3f}   micro F1 {q['micro'][2]:.3f}   macro F1 {q['macro_f1']:.3f}")
    print(f"{'':10} {'precision':>9} {'recall':>7} {'F1':>6}")
    for cls in ("quote", "soCalled", "title"):
        p, r, f = q[cls]
        print(f"{cls:10} {p:9.3f} {r:7.3f} {f:6.3f}")
    if args.errors:
        print("\nnames:")
        print("\n".join(disagreements(gold["names"], names, ("type", "ref"))))
        print("\nquotations:")
        print("\n".join(disagreements(gold["quotations"], quotations, ("class",))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
