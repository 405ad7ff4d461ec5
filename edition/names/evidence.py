"""The whole text's evidence for a name nothing else types.

A name whose words, title, gazetteer entry and lists give no vote of a kind ("Tirlemont",
"Ilerda", "Streatley") would be typed by the prepositions before its mentions alone, or taken for
a person's. Before that, every mention of it in the text is read for what English says only of a
place or only of a person:

* a place: a relative adverb of place after it ("Oxford, where we stopped", "Gaeta, whence"),
  "and its environs" ("Louvain and its neighbourhood"), a verb of going or of a siege before it
  ("marched on Savoy", "the road to Ilerda", "returned from Hinksey", "besieging Gaeta");
* a person: a relative pronoun of persons after it ("Bismarck — who", "Wermuth, whose"),
  "himself"/"herself" after it; not after "of" or a preposition of place, where the pronoun may
  refer to the noun before ("the kingdom of Bosphorus, whose capital", "an Englishman in Bedlam, who"),
  nor after "the" (a people: "the Flemings, who").

``weigh`` adds one vote of the kind (``typing.WEAK``) the evidence of all the mentions favours;
none when there is none, or as much of each.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from . import lexicon, typing

# After the name.
_PLACE_AFTER = re.compile(r"\s*,?\s+(?:where|whence|whither|wherein)\b"
                          r"|\s+and\s+(?:its|the)\s+(?:environs|neighbourhood|neighborhood|suburbs|vicinity|surroundings)\b")
_PERSON_AFTER = re.compile(r"(?:\s*,|\s*(?:--|[-–—])+)?\s*(?:who|whom|whose)\b|\s*,?\s+(?:himself|herself)\b")
# Before the name: a verb of going, of a march or a siege, and its preposition ("marched on", "the road to").
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:road|roads|way|route|journey|railway|march(?:ed|ing)?|retreat(?:ed|ing)?|return(?:ed|ing)?|"
    r"flight|fled|sail(?:ed|ing)?|drove|rode|walk(?:ed|ing)?|went|going|came|coming|arrived|arriving|"
    r"travell?(?:ed|ing)?|removed|moved|advanced|advancing)\s+(?:back\s+|on\s+)?(?:to|towards?|from|on|upon|at|into)"
    r"|besieg(?:e|ed|es|ing)|invest(?:ed|ing))\s+$")
# How far back a verb may stand.
_REACH = 40
# A preposition before the name: the relative pronoun after it may be the noun's before it.
# After "the" it is a people's or a family's ("the Flemings, who"): a person's name takes no article.
_GOVERNED = re.compile(r"\b(?:the|of|%s)\s+(?:the\s+)?$" % "|".join(sorted(lexicon.PLACE_CUES)))


def weigh(mentions: Sequence, entity_of, texts: Sequence[str]) -> None:
    """Add the evidence of all their mentions to the votes of the entities with no vote of a kind;
    ``entity_of(mention)`` is a mention's entity, ``texts[mention.block]`` its block's text."""
    found: dict[int, Counter] = {}
    entities = {}
    for m in mentions:
        entity = entity_of(m)
        if any(entity.votes[k] for k in typing.KINDS) or entity.votes["surname"]:
            continue
        entities[id(entity)] = entity
        found.setdefault(id(entity), Counter()).update(read(texts[m.block], m.words[0].start, m.words[-1].end))
    for key, entity in entities.items():
        place, person = found[key]["place"], found[key]["person"]
        if place != person:
            entity.votes["place" if place > person else "person"] += typing.WEAK


def read(text: str, start: int, end: int) -> Counter:
    """The evidence of one mention at ``text[start:end]``: counts of "place" and "person"."""
    found: Counter = Counter()
    if _PLACE_AFTER.match(text, end) or _PLACE_BEFORE.search(text, max(0, start - _REACH), start):
        found["place"] += 1
    if _PERSON_AFTER.match(text, end) and not _GOVERNED.search(text, max(0, start - 20), start):
        found["person"] += 1
    return found
