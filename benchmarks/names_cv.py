"""A learned second stage over the name rules, judged by leave-one-text-out cross-validation.

    python benchmarks/names_cv.py [--no-rule-kind]

The question: would a small model trained on the gold annotations, retyping or dropping the
rules' names when it is sure, raise typed mention F1 on texts nobody tuned on?  The rules
(``edition/names``) were tuned text by text on every gold text, so their score on those texts
(0.90-0.99) says little about unseen ones (0.50-0.92 blind, benchmarks/heldout/BLIND.md).

The model: a multinomial logistic regression over binary features (the name's words, their
shape, endings and frequency in the language, GeoNames and given-name hits, title and head
words, the two words either side, a preposition or title before it, how often the text names
its entity and in how many forms, the kinds the rules gave it and the names listed beside it),
trained by stochastic gradient descent in a fixed order (deterministic), giving each of the
rules' mentions a probability of person, place, org or none.  An entity's probabilities are the
mean over its mentions; when the best kind is not the rules' and reaches a threshold (one to
retype, one to drop), the entity is retyped or dropped at every mention.  Training labels: the
gold's kind for a mention at the gold's offsets or overlapping a gold mention (a name cut at
other offsets is still a name of that kind), "none" for a mention overlapping no gold one.

Two tables, typed mention F1 (start, end and kind equal to the gold's; empty register):

1. Every gold text (tests/corpus/*, benchmarks/heldout/*) left out in turn: the model trained
   on today's rules' mentions in all the others revises the rules' mentions of the one left
   out.  The rules have no trained parameters, so their column is their plain score (the one
   ``benchmarks/names.py`` prints), on texts they were tuned on.
2. The held-out texts run blind (``BLIND``), with the rules as they were before each was
   first run (the ``edition/`` package of that commit, taken from git history into a temporary
   folder): the errors the rules make on unseen texts.  The model for one of them is trained on
   today's rules' mentions in all the other texts and the blind mentions of the other blind
   texts.

In both, the two thresholds applied to a text are those of the grid that maximise the mean F1
of the other texts' out-of-fold revisions: nothing of the text left out is tuned on.
``--no-rule-kind`` leaves out the features made of the rules' kinds (the model then types
from the words and context alone).  Results and the decision: benchmarks/heldout/BLIND.md,
"session 7, a learned second stage".
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # the project instead of benchmarks/ (whose html.py would shadow the standard library's)

from edition.names import lexicon, shapes  # noqa: E402
from tests.corpuskit import CorpusText, load, texts  # noqa: E402

LABELS = ("person", "place", "org", "none")
RETYPE = (0.5, 0.6, 0.7, 0.8, 0.9)
DROP = (0.4, 0.5, 0.6, 0.8, 1.01)  # 1.01: never drop
# The held-out texts run blind, and the commit whose rules first ran on each (BLIND.md: the commit
# that added the text, but the merged main 67cb57b for the third blind check).
BLIND = {
    "machiavelli-prince": "8ec0936", "motley-dutch-republic": "8ec0936", "lafargue-socialism-france": "8ec0936",
    "darwin-beagle": "16a528e", "goldman-political-violence": "16a528e",
    "morris-news-from-nowhere": "6897dba", "street-atlanta-institutions": "6897dba", "macdowell-opera": "6897dba",
    "lincoln-cooper-institute": "67cb57b", "mignet-french-revolution": "67cb57b", "federalist-confederacies": "67cb57b",
}

# Run with PYTHONPATH at a version of the project: the blocks, mentions and proposals of its
# recogniser (through ``recognise_text``, the same entry in every version) for each text, as JSON.
_RULES = """
import json, sys
from edition.names import recogniser
caught = {}
def recognise(blocks, *args, **kwargs):
    found, proposals = caught["run"](blocks, *args, **kwargs)
    caught.update(blocks=[b.text for b in blocks], found=found, proposals=proposals)
    return found, proposals
caught["run"], recogniser.recognise = recogniser.recognise, recognise
out = []
for path, lang in json.load(sys.stdin):
    absolute = recogniser.recognise_text(open(path, encoding="utf-8").read(), lang=lang)
    out.append({"blocks": caught["blocks"],
                "spans": [[f.block, f.start, f.end, f.kind, f.id, a[0] - f.start] for f, a in zip(caught["found"], absolute)],
                "entities": {p.id: [s for s, _ in p.surfaces] for p in caught["proposals"]},
                "counts": {p.id: p.count for p in caught["proposals"]}})
json.dump(out, sys.stdout)
"""


@dataclass
class Text:
    """One gold text as the learned stage sees it: the rules' mentions (block, start, end, kind,
    entity), their features and their labels."""

    slug: str
    gold: set[tuple[int, int, str]]
    offsets: list[int]
    spans: list[tuple[int, int, int, str, str]]
    rows: list[list[str]]
    labels: list[str]

    def f1(self, changed: dict[str, str]) -> float:
        """Typed F1 after the changes (entity -> kind, or "none": dropped)."""
        found = {(self.offsets[b] + s, self.offsets[b] + e, changed.get(i, k))
                 for b, s, e, k, i in self.spans if changed.get(i) != "none"}
        hits = len(found & self.gold)
        return 2 * hits / (len(found) + len(self.gold)) if found or self.gold else 1.0


def rules_texts(project: Path, chosen: list[CorpusText]) -> list[Text]:
    """The ``chosen`` texts with the mentions of the recogniser of ``project`` (a folder holding ``edition/``)."""
    items = [[str(t.path), t.source.get("language", "en")] for t in chosen]
    run = subprocess.run([sys.executable, "-c", _RULES], input=json.dumps(items), capture_output=True, text=True,
                         check=True, cwd=project, env={**os.environ, "PYTHONPATH": str(project)})
    loaded = []
    for t, data in zip(chosen, json.loads(run.stdout)):
        offsets = [0] * len(data["blocks"])
        for block, *_, offset in data["spans"]:
            offsets[block] = offset
        spans = [tuple(s[:5]) for s in data["spans"]]
        gold = {(m.start, m.end, m.type) for m in t.mentions}
        rows = features(data["blocks"], spans, data["entities"], data["counts"], t.source.get("language", "en"))
        labels = [_label(offsets[b] + s, offsets[b] + e, gold) for b, s, e, _, _ in spans]
        loaded.append(Text(t.slug, gold, offsets, spans, rows, labels))
    return loaded


def blind_texts() -> list[Text]:
    """The blind texts with the mentions of the rules as they were before each was first run."""
    loaded = {}
    with tempfile.TemporaryDirectory() as tmp:
        for commit in sorted(set(BLIND.values())):
            chosen = [load(slug) for slug, c in BLIND.items() if c == commit]
            loaded.update((t.slug, t) for t in rules_texts(package_at(commit, Path(tmp) / commit), chosen))
    return [loaded[slug] for slug in BLIND]


def package_at(commit: str, folder: Path) -> Path:
    """``folder`` (created) holding the ``edition/`` package of ``commit``, taken from git history."""
    folder.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "edition"], capture_output=True)
    if archive.returncode:
        sys.exit(f"error: {ROOT}: commit {commit} is not in this checkout's history (the blind rules need a git clone)")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def _label(start: int, end: int, gold: set[tuple[int, int, str]]) -> str:
    """The gold's kind at these offsets, else that of the gold mention overlapping most, else "none"."""
    overlaps = [(min(end, e) - max(start, s), (s, e) == (start, end), k) for s, e, k in gold if s < end and start < e]
    return max(overlaps)[2] if overlaps else "none"


# ---- features

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]")
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_SENTENCE_END = re.compile(r"(?:[.!?:][\"”’)]?|^)\s*$")


def features(blocks: list[str], spans: list[tuple], entities: dict[str, list[str]], counts: dict[str, int],
             lang: str) -> list[list[str]]:
    """The features of each mention: its own words', its context's, its entity's (``entities``:
    id -> surfaces, ``counts``: id -> mentions) and its listed neighbours'."""
    lower = {w for t in blocks for w in _WORD.findall(t) if w[0].islower()}
    rows = []
    for i, (block, start, end, kind, entity) in enumerate(spans):
        words = blocks[block][start:end].split()
        row = [f"rule={kind}", f"n={min(len(words), 3)}", f"rule={kind}|n={min(len(words), 3)}"]
        row += _own(words, lang, lower) + _context(blocks[block], start, end, kind)
        row += _entity(entities[entity], counts[entity], lang) + _neighbours(blocks, spans, i)
        rows.append(row)
    return rows


def _shape(word: str) -> str:
    shape = re.sub(r"[A-ZÀ-Þ]", "X", re.sub(r"[a-zß-ÿ]", "x", word))
    return re.sub(r"(.)\1+", r"\1\1", shape)


def _own(words: list[str], lang: str, lower: set[str]) -> list[str]:
    first, last = words[0], words[-1]
    surface = " ".join(words)
    row = [f"shape={'_'.join(_shape(w) for w in words[:3])}", f"first={first.lower()}", f"last={last.lower()}",
           f"surface={surface.lower()}", f"suf2={last[-2:].lower()}", f"suf3={last[-3:].lower()}",
           f"pre3={first[:3].lower()}", f"zipf_first={int(lexicon.common(first, lang))}",
           f"zipf_last={int(lexicon.common(last, lang))}",
           f"geonames={lexicon.is_place(surface, lang)}", f"last_geonames={lexicon.is_place(last, lang)}"]
    row += ["given_first"] * (first in lexicon.GIVEN_NAMES)
    row += ["title_first"] * shapes.title(first)
    row += ["org_head"] * any(w in lexicon.ORG_HEADS for w in words)
    row += ["place_head"] * any(w in lexicon.PLACE_HEADS for w in words)
    row += ["of_inside"] * ("of" in words)
    row += ["capitals"] * surface.isupper()
    row += ["written_lower"] * any(w.lower() in lower for w in words)
    row += [f"derived={e}" for e in lexicon.DERIVED if len(last) > len(e) + 2 and last.endswith(e)][:1]
    return row


def _context(text: str, start: int, end: int, kind: str) -> list[str]:
    before = ["<s>", "<s>"] + [w.lower() for w in _WORD.findall(text[max(0, start - 60):start])[-2:]]
    after = [w.lower() for w in _WORD.findall(text[end:end + 60])[:2]] + ["</s>", "</s>"]
    row = [f"prev1={before[-1]}", f"prev2={before[-2]}|{before[-1]}", f"next1={after[0]}", f"next2={after[0]}|{after[1]}",
           f"prev1={before[-1]}|rule={kind}", f"next1={after[0]}|rule={kind}"]
    row += ["place_cue"] * (before[-1] in lexicon.PLACE_CUES)
    row += ["after_title"] * shapes.title(before[-1].capitalize())
    row += ["sentence_start"] * bool(_SENTENCE_END.search(text[max(0, start - 4):start]))
    row += ["person_verb"] * (after[0] in lexicon.PERSON_VERBS)
    row += [f"of_after={before[-2]}"] * (before[-1] == "of")
    return row


def _entity(surfaces: list[str], count: int, lang: str) -> list[str]:
    row = [f"count={'1' if count == 1 else '2-3' if count < 4 else '4-9' if count < 10 else '10+'}",
           f"forms={min(len(surfaces), 3)}"]
    row += ["entity_given"] * any(s.split()[0] in lexicon.GIVEN_NAMES and " " in s for s in surfaces)
    row += ["entity_geonames"] * any(lexicon.is_place(s, lang) for s in surfaces)
    row += ["entity_org_head"] * any(w in lexicon.ORG_HEADS for s in surfaces for w in s.split())
    return row


def _neighbours(blocks: list[str], spans: list[tuple], i: int) -> list[str]:
    """The rules' kinds of the names listed beside this one ("Louvain, Judoigne, and Halle")."""
    row = []
    block, start, end = spans[i][:3]
    for j, side in ((i - 1, "left"), (i + 1, "right")):
        if 0 <= j < len(spans) and spans[j][0] == block:
            a, b = (spans[j][2], start) if j < i else (end, spans[j][1])
            if a <= b and _LIST_GAP.fullmatch(blocks[block], a, b):
                row.append(f"listed_{side}={spans[j][3]}")
    return row


# ---- the model

def train(examples: list[tuple[list[str], str]], epochs: int = 8, rate: float = 0.1, l2: float = 1e-4,
          seed: int = 13) -> dict[str, list[float]]:
    """Weights (feature -> one per label) of a multinomial logistic regression, by stochastic
    gradient descent in an order fixed by ``seed``: the same examples give the same weights."""
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(LABELS))
    order = list(range(len(examples)))
    shuffle = random.Random(seed)
    for epoch in range(epochs):
        shuffle.shuffle(order)
        step = rate / (1 + epoch)
        for k in order:
            row, label = examples[k]
            probs = _softmax(weights, row)
            for f in ("bias", *row):
                w = weights[f]
                for c, name in enumerate(LABELS):
                    w[c] -= step * (probs[c] - (name == label) + l2 * w[c])
    return dict(weights)


def _softmax(weights: dict[str, list[float]], row: list[str]) -> list[float]:
    scores = [0.0] * len(LABELS)
    for f in ("bias", *row):
        if w := weights.get(f):
            scores = [s + x for s, x in zip(scores, w)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    return [e / sum(exps) for e in exps]


def decisions(t: Text, probs: list[list[float]], retype: float, drop: float) -> dict[str, str]:
    """Entity -> new kind ("none": dropped) where the mean probability of a kind other than the
    rules' reaches the threshold."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(LABELS))
    counts: dict[str, int] = defaultdict(int)
    kinds = {}
    for (_, _, _, kind, entity), p in zip(t.spans, probs):
        sums[entity] = [a + b for a, b in zip(sums[entity], p)]
        counts[entity] += 1
        kinds[entity] = kind
    changed = {}
    for entity, total in sums.items():
        best = max(range(len(LABELS)), key=lambda c: total[c])
        label, p = LABELS[best], total[best] / counts[entity]
        if label != kinds[entity] and p >= (drop if label == "none" else retype):
            changed[entity] = label
    return changed


# ---- cross-validation

def examples(loaded: list[Text], keep) -> list[tuple[list[str], str]]:
    return [([f for f in row if keep(f)], label) for t in loaded for row, label in zip(t.rows, t.labels)]


def predict(weights: dict[str, list[float]], t: Text, keep) -> list[list[float]]:
    return [_softmax(weights, [f for f in row if keep(f)]) for row in t.rows]


def thresholds(loaded: list[Text], probs: list[list[list[float]]]) -> tuple[float, float]:
    """The (retype, drop) pair of the grid maximising the mean F1 of ``loaded`` (ties: the highest)."""
    def mean(pair: tuple[float, float]) -> float:
        return sum(t.f1(decisions(t, p, *pair)) for t, p in zip(loaded, probs)) / len(loaded)
    return max(((r, d) for r in RETYPE for d in DROP), key=lambda pair: (round(mean(pair), 6), pair))


def table(title: str, tested: list[Text], probs: list[list[list[float]]], before: dict[str, float] | None = None) -> None:
    """Per text: the rules' F1, the rules' + the learned stage's under cross-validation, the change."""
    print(f"\n{title}\n")
    extra = "| rules today (tuned on it) " if before else ""
    print(f"| text {extra}| rules | rules + learned (CV) | change | thresholds (retype, drop) | retyped | dropped |")
    print("| --- " * (7 + bool(before)) + "|")
    sums = [0.0, 0.0, 0.0]
    for i, t in enumerate(tested):
        retype, drop = thresholds(tested[:i] + tested[i + 1:], probs[:i] + probs[i + 1:])
        changed = decisions(t, probs[i], retype, drop)
        rules, revised = t.f1({}), t.f1(changed)
        dropped = sum(k == "none" for k in changed.values())
        today = f"| {before[t.slug]:.3f} " if before else ""
        sums = [sums[0] + (before[t.slug] if before else 0), sums[1] + rules, sums[2] + revised]
        print(f"| {t.slug} {today}| {rules:.3f} | {revised:.3f} | {revised - rules:+.3f} "
              f"| {retype:.1f}, {'never' if drop > 1 else f'{drop:.1f}'} | {len(changed) - dropped} | {dropped} |")
    n = len(tested)
    today = f"| {sums[0] / n:.3f} " if before else ""
    print(f"| **mean** ({n} texts) {today}| **{sums[1] / n:.3f}** | **{sums[2] / n:.3f}** | {(sums[2] - sums[1]) / n:+.3f} | | | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-rule-kind", action="store_true", help="leave out the features made of the rules' kinds")
    args = parser.parse_args()

    def keep(f: str) -> bool:
        return not (args.no_rule_kind and "rule=" in f)

    gold = [t for heldout in (False, True) for t in texts(heldout) if t.annotated]
    today = rules_texts(ROOT, gold)
    probs = [predict(train(examples(today[:i] + today[i + 1:], keep)), t, keep) for i, t in enumerate(today)]
    table("1. Leave-one-text-out, today's rules (typed mention F1, empty register)", today, probs)
    print("\nThe rules have no trained parameters: their column is their plain score, on texts they were tuned on.")

    blind = blind_texts()
    probs = []
    for t in blind:
        others = [u for u in today if u.slug != t.slug] + [u for u in blind if u is not t]
        probs.append(predict(train(examples(others, keep)), t, keep))
    table("2. Leave-one-text-out, the blind texts with the rules as they were before each was first run",
          blind, probs, {t.slug: t.f1({}) for t in today})


if __name__ == "__main__":
    main()
