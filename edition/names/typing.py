"""Person, place or organisation: the evidence one mention gives, and the verdict for a name.

Each mention yields votes from its own words and its context:

* a head word inside it ("Central Committee", "Place Vendôme"): organisation or place, strong;
* a title before it ("General Cavaignac", "M. Thiers", "Comrade Kamenev"): person, strong;
* the whole name is a GeoNames place ("Paris", "Warsaw"): place;
* a preposition before it ("in Versailles", "to Kronstadt"): counted, and
  decides for a place only when nothing else does and most mentions have one;
* an acronym: a state's ("USSR") is a place, any other ("CPSU", "SPD") an organisation, weak;
* a place-name ending ("Siberia", "Finland"): place, weak; a party's ("Bolsheviki"): organisation.

A name's kind is decided over all its mentions (``decide``); with no vote at
all a name is a person's, the commonest case of a capitalised rare word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import lexicon

STRONG, MEDIUM, WEAK = 4, 2, 1
KINDS = ("person", "place", "org")


@dataclass(frozen=True)
class Context:
    """What surrounds a mention: the title and the word just before it."""

    title: str | None
    previous: str | None


def votes(words: list[str], context: Context) -> Counter:
    """The kind votes of one mention with ``words`` (particles included) in ``context``."""
    found: Counter = Counter()
    capitalised = [w for w in words if w[0].isupper()]
    if any(w in lexicon.ORG_HEADS for w in capitalised):
        found["org"] += STRONG
    # A place head ends the name or opens it ("Place Vendôme", "Rue de Rivoli", "Lake Ladoga").
    if capitalised[-1] in lexicon.PLACE_HEADS or (len(capitalised) > 1 and capitalised[0] in lexicon.PLACE_HEADS):
        found["place"] += STRONG
    if context.title:
        found["person"] += STRONG
    if " ".join(words) in lexicon.places():
        found["place"] += MEDIUM
    found["mentions"] += 1
    if context.previous in lexicon.PLACE_CUES:
        found["cue"] += 1
    if len(words) == 1 and words[0] in lexicon.STATE_ACRONYMS:
        found["place"] += MEDIUM
    elif len(words) == 1 and _acronym(words[0]):
        found["org"] += WEAK
    if len(words) == 1 and len(words[0]) >= 6 and words[0].endswith(lexicon.PLACE_ENDINGS):
        found["place"] += WEAK
    if words[-1].endswith(lexicon.ORG_ENDINGS):
        found["org"] += MEDIUM
    return found


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper()


def decide(total: Counter) -> str:
    """The kind with most votes; persons win ties.  Without any vote, a name
    mostly after place prepositions is a place, any other a person's."""
    if total["surname"]:
        return "person"
    best = max(total[k] for k in KINDS)
    if best:
        return next(k for k in ("person", "org", "place") if total[k] == best)
    return "place" if total["cue"] * 2 >= total["mentions"] > 0 else "person"
