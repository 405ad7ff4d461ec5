"""The whole-text evidence stage for untyped names, on the texts run blind, with the rules of their blind run.

    python benchmarks/names_blind.py

Today's rules were tuned on every gold text, so their score there says little of a new text.
The honest test of a stage meant to carry to unseen texts is to add it to the rules as they were
before each held-out text was first run (``names_cv.BLIND``: the ``edition/`` package of that
commit, from git history) and score those texts.  Three columns of typed mention F1 (empty
register), for each blind text:

* the rules of its blind run;
* the same with today's ``edition/names/evidence.py`` (``evidence.weigh``, called where today's
  recogniser calls it: after the lists of places). Today's mention context ``place_of`` ("of" after
  a noun of places) is left out: its word list grew while tuning on these texts, and older rules
  do not have it;
* the same again, and names with no evidence of any kind left untagged instead of typed a
  person's (the question of issue 13's session 7: is no answer better than the default?).

Results and the decision: benchmarks/heldout/BLIND.md, "session 7, the whole text's evidence".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # the project instead of benchmarks/ (whose html.py would shadow the standard library's)

from benchmarks.names_cv import BLIND, package_at  # noqa: E402
from tests.corpuskit import load  # noqa: E402

_LISTS = "    _listed_with_places(mentions, entities, blocks)\n"
_KEPT = "    mentions = [m for m in mentions if id(entities[m.surface]) in kept]\n"
_WEIGH = "    evidence.weigh(mentions, lambda m: entities[m.surface], [b.text for b in blocks], lang)\n"
_UNPROVEN = ("    mentions = [m for m in mentions if any(entities[m.surface].votes[k]"
             " for k in (*typing.KINDS, 'cue', 'surname', 'personal'))]\n")
_IMPORT = ("from . import candidates, consistency, lexicon,", "from . import candidates, consistency, evidence, lexicon,")
VARIANTS = ("blind rules", "+ evidence", "+ evidence, no default")

# Run with PYTHONPATH at a version of the project: recognise_text for each (path, lang), as JSON.
_RUN = """
import json, sys
from edition.names.recogniser import recognise_text
json.dump([recognise_text(open(p, encoding="utf-8").read(), lang=lang) for p, lang in json.load(sys.stdin)], sys.stdout)
"""


def staged(folder: Path, drop_unproven: bool) -> None:
    """Add today's evidence stage to the recogniser in ``folder`` (and, with ``drop_unproven``, leave out
    the names with no evidence)."""
    names = folder / "edition" / "names"
    code = (ROOT / "edition" / "names" / "evidence.py").read_text(encoding="utf-8")
    (names / "evidence.py").write_text(code.replace("context.place_of", "False"), encoding="utf-8")
    recogniser = (names / "recogniser.py").read_text(encoding="utf-8")
    if recogniser.count(_LISTS) != 1 or recogniser.count(_KEPT) != 1 or _IMPORT[0] not in recogniser:
        sys.exit(f"error: {names / 'recogniser.py'}: not the shape this benchmark knows how to extend")
    recogniser = recogniser.replace(_LISTS, _LISTS + _WEIGH).replace(*_IMPORT)
    if drop_unproven:
        recogniser = recogniser.replace(_KEPT, _KEPT + _UNPROVEN)
    (names / "recogniser.py").write_text(recogniser, encoding="utf-8")


def found(folder: Path, slugs: list[str]) -> list[set]:
    items = [[str(t.path), t.source.get("language", "en")] for t in map(load, slugs)]
    run = subprocess.run([sys.executable, "-c", _RUN], input=json.dumps(items), capture_output=True, text=True,
                         check=True, cwd=folder, env={**os.environ, "PYTHONPATH": str(folder)})
    return [{tuple(m) for m in mentions} for mentions in json.loads(run.stdout)]


def f1(found: set, gold: set) -> float:
    return 2 * len(found & gold) / (len(found) + len(gold)) if found or gold else 1.0


def main() -> None:
    scores: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for commit in sorted(set(BLIND.values())):
            slugs = [s for s, c in BLIND.items() if c == commit]
            golds = [{(m.start, m.end, m.type) for m in load(s).mentions} for s in slugs]
            for i, variant in enumerate(VARIANTS):
                folder = package_at(commit, Path(tmp) / f"{commit}-{i}")
                if i:
                    staged(folder, drop_unproven=i == 2)
                for slug, gold, mentions in zip(slugs, golds, found(folder, slugs)):
                    scores.setdefault(slug, []).append(f1(mentions, gold))
    table(BLIND, VARIANTS, scores)


def table(commits: dict[str, str], columns, scores: dict[str, list[float]]) -> None:
    """A Markdown table of typed F1 by blind text (``commits``: slug -> commit of its rules) and column, with the means."""
    print("| blind text (rules of) | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for slug in commits:
        print(f"| {slug} ({commits[slug]}) | " + " | ".join(f"{s:.3f}" for s in scores[slug]) + " |")
    means = [sum(s[i] for s in scores.values()) / len(scores) for i in range(len(columns))]
    print(f"| **mean** ({len(scores)} texts) | " + " | ".join(f"**{m:.3f}**" for m in means) + " |")


if __name__ == "__main__":
    main()
