"""The whole text's evidence for a name nothing else types.

A name whose words, title, gazetteer entry and lists give no vote of a kind ("Gemblours",
"Ilerda", "Runnymede") was typed by the prepositions before most of its mentions, or taken for a
person's. Before that, every mention of it in the text is read for what English says of a place
or of a person:

* a place: a preposition of place before it ("victory at Gemblours", "past Runnymede"; not "to" or
  "from", which name persons too: "letters to Proudhon") or "of" after a noun of places ("the
  provinces of Gaul"), a relative adverb of place after it ("Oxford, where we stopped", "Gaeta,
  whence"), "and its environs", a verb of going or of a siege before it ("marched on Savoy", "the
  road to Ilerda", "returned from Hinksey", "besieging Gaeta"), a preposition of leaving or passing
  ("driven out of Arne", "beyond Nchokotsa"), a part or the mastery of it ("two-fifths of
  Peloponnese", "masters of Peloponnese"), a place's noun naming it ("the district now called
  Thessaly");
* a person: a person's verb or possession after it (the mention's ``personal`` context: "Burge
  said", "Willich's command"), a relative pronoun of persons after it ("Bismarck — who", "Wermuth,
  whose") or "himself"/"herself", a land that is the name's ("the country of Sebituane"); not after
  "the", "of" or a preposition of place, where the pronoun may be the noun's before ("the kingdom of
  Bosphorus, whose capital", "an Englishman in Bedlam, who") or a people's ("the Flemings, who").

``weigh`` adds one vote (``typing.WEAK``) for the kind the evidence of all the mentions favours;
none when there is none, or as much of each (the name then stays a person's, the commonest kind of
a rare capitalised word: leaving such names out measured worse, see benchmarks/heldout/BLIND.md).
A one-word name whose only vote is the gazetteer's, a town less known than its namesake
(``town_only``: "Sherman", "Fremont"), is read too: a person's evidence at some mention, the
possessive counted ("Sherman's raid"), and a place's at none make it a person's.
It runs after the lists (``recogniser._listed_with_places``), so a name typed by its own evidence
does not type the names listed beside it.
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
# Before the name: a verb of going, of a march or a siege, and its preposition ("marched on", "the road to"),
# or the siege's end ("who relieved Ookiep").
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:road|roads|way|route|journey|railway|march(?:ed|ing)?|retreat(?:ed|ing)?|return(?:ed|ing)?|"
    r"flight|fled|sail(?:ed|ing)?|drove|rode|walk(?:ed|ing)?|went|going|came|coming|arrived|arriving|"
    r"travell?(?:ed|ing)?|removed|moved|advanced|advancing)\s+(?:back\s+|on\s+)?(?:to|towards?|from|on|upon|at|into)"
    r"|besieg(?:e|ed|es|ing)|invest(?:ed|ing)|reliev(?:e|ed|es|ing))\s+$")
# Before the name: a preposition of leaving or passing ("driven out of Arne", "the path beyond Nchokotsa"), a
# part of a land or its mastery ("two-fifths of Peloponnese", "most of the Peloponnese", "masters of
# Peloponnese", "the sceptre of Mycenae"), a place's common noun naming it ("the district now called
# Thessaly", "a place called Matlomagan-yana", "one pan in that direction, named Chuantsa").
_PLACE_GOVERNOR = re.compile(
    r"\b(?:out\s+of|beyond|throughout"
    r"|(?:part|parts|rest|half|whole|remainder|masters?|sceptre"
    r"|(?:one|two|three|four)-(?:thirds?|fourths?|fifths?|tenths?)|most\s+of\s+the)\s+of"
    r"|(?:place|places|spot|district|region|town|village|hamlet|city|island|river|hill|mountain|pan|lake|valley|station)"
    r"(?:\s+[a-z]+){0,3},?\s+(?:called|named))\s+(?:the\s+)?$")
# A person's land ("the country of Sebituane", "the dominions of Eurystheus"); a people's takes "the"
# ("the country of the Bushmen"), a place is seldom named so.
_PERSON_BEFORE = re.compile(r"\b(?:country|land|lands|dominions|territories)\s+of\s+$", re.IGNORECASE)
# Prepositions before a name that are a place's at any mention ("at Gemblours", "past Runnymede"); not those
# of words addressed or sent ("letters to Proudhon", "a letter from Moll"), which count only for most mentions.
PREPOSITIONS_OF_PLACE = lexicon.PLACE_CUES - {"to", "towards", "toward", "from"}
# How far back a verb may stand.
_REACH = 40
# A preposition before the name: the relative pronoun after it may be the noun's before it.
# After "the" it is a people's or a family's ("the Flemings, who"): a person's name takes no article.
_GOVERNED = re.compile(r"\b(?:the|of|%s)\s+(?:the\s+)?$" % "|".join(sorted(lexicon.PLACE_CUES)))


def weigh(mentions: Sequence, entity_of, texts: Sequence[str], lang: str) -> None:
    """Add the evidence of all their mentions to the votes of the entities with no vote of a kind;
    ``entity_of(mention)`` is a mention's entity, ``texts[mention.block]`` its block's text.  English
    only: the cues are English words."""
    if lang != "en":
        return
    found: dict[int, Counter] = {}
    entities = {}
    for m in mentions:
        entity = entity_of(m)
        if (any(entity.votes[k] for k in typing.KINDS) or entity.votes["surname"]) and not town_only(entity, lang):
            continue
        entities[id(entity)] = entity
        found.setdefault(id(entity), Counter()).update(read(texts[m.block], m.words[0].start, m.words[-1].end, m.context))
        if town_only(entity, lang) and _actor(texts[m.block], m.words[0].start, m.words[-1].end):
            found[id(entity)]["person"] += 1
    for key, entity in entities.items():
        place, person = found[key]["place"], found[key]["person"]
        if town_only(entity, lang):
            if person and not place:
                entity.votes["person"] += entity.votes["place"] + typing.WEAK
        elif place != person:
            entity.votes["place" if place > person else "person"] += typing.WEAK


# A person's deed: "Sherman's raid", "Fremont's was countermanded"; said of a town only when nothing
# else in the text is.
_ACTOR_AFTER = re.compile(r"[’']s\b")


def _actor(text: str, start: int, end: int) -> bool:
    return _ACTOR_AFTER.match(text, end) is not None


# A town's name rarer in running text than the places everyone names ("Sherman" 3.85, "Fremont" 3.2 on
# wordfreq's Zipf scale; "Vienna" 3.98, "Germany" 4.9, whose possessive is the country's: "Germany's ideas").
TOWN_WORD = 3.9


def town_only(entity, lang: str) -> bool:
    """A one-word name whose only vote is the gazetteer's, of a town less known than its namesake
    ("Sherman", "Fremont": towns named after persons): the text's own evidence of a person, at no
    mention one of a place, outweighs it."""
    votes = entity.votes
    return (not votes["person"] and not votes["org"] and not votes["surname"]
            and votes["place"] == typing.MEDIUM * votes["mentions"]
            and all(" " not in s and "-" not in s and lexicon.is_place(s, lang) and lexicon.common(s, lang) < TOWN_WORD
                    for s in entity.surfaces))


def read(text: str, start: int, end: int, context: typing.Context) -> Counter:
    """The evidence of one mention at ``text[start:end]`` in ``context``: counts of "place" and "person"."""
    found: Counter = Counter()
    previous = (context.previous or "").split()[:1]
    possessive = text.startswith(("'s", "’s"), end)  # "most of Meyerbeer's" operas
    if (_PLACE_AFTER.match(text, end) or _PLACE_BEFORE.search(text, max(0, start - _REACH), start)
            or (_PLACE_GOVERNOR.search(text, max(0, start - _REACH), start) and not possessive)
            or context.place_of or (previous and previous[0] in PREPOSITIONS_OF_PLACE)):
        found["place"] += 1
    if (context.personal or (_PERSON_AFTER.match(text, end) and not _GOVERNED.search(text, max(0, start - 20), start))
            or _PERSON_BEFORE.search(text, max(0, start - 20), start)):
        found["person"] += 1
    return found
