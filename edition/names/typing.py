"""Person, place or organisation: the evidence one mention gives, and the verdict for a name.

Each mention yields votes from its own words and its context:

* a head word inside it ("Central Committee", "Place Vendôme"): organisation or place, strong;
* a title before it ("General Cavaignac", "M. Thiers", "Comrade Kamenev"), a given name or a
  surname's particle opening it ("George Thompson", "De Seller"): person, strong;
* the whole name is a GeoNames place ("Paris", "Warsaw"): place;
* the territory of a title at every mention ("the Prince of Orange", "Governor of Gelderland"): place;
* a preposition before it ("in Versailles", "to Kronstadt", "past Pangbourne"), or "of" after a
  common noun of places ("the hill of Hinksey"): counted, and
  decides for a place only when nothing else does and most mentions have one;
* an acronym: a state's ("USSR") is a place, any other ("CPSU", "SPD") an organisation, weak;
* a place-name ending ("Siberia", "Finland"): place, weak; a party's ("Bolsheviki"): organisation.

A name's kind is decided over all its mentions (``decide``); with no vote at
all a name is a person's, the commonest case of a capitalised rare word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import candidates, lexicon

STRONG, MEDIUM, WEAK = 4, 2, 1
KINDS = ("person", "place", "org")


@dataclass(frozen=True)
class Context:
    """What surrounds a mention: the title and the word just before it."""

    title: str | None
    previous: str | None
    attributive: bool = False  # a content word follows: "the Bourbon throne", "the Lena mines"
    personal: bool = False  # a person's verb or possession follows: "Whittier says", "Willich’s command"
    credit: bool = False  # a name in capitals credited with a work: "Illustrations by TENNIEL"
    territory: bool = False  # a title's territory: "the Prince of Orange", "Governor of Gelderland"
    place_of: bool = False  # after "of" and a common noun of places: "the hill of Hinksey"


def votes(words: list[str], context: Context, lang: str = "en") -> Counter:
    """The kind votes of one mention with ``words`` (particles included) in ``context``."""
    found: Counter = Counter()
    capitalised = [w for w in words if w[0].isupper()] + [w.capitalize() for w in words if w in lexicon.LOWER_HEADS]
    # A compound's last part counts too: "Reform-Club", "Saville-row".
    parts = capitalised + [w.rsplit("-", 1)[-1].capitalize() for w in capitalised if "-" in w]
    if any(w in lexicon.ORG_HEADS for w in parts) or "&" in words or words[-1] in lexicon.PARTNERS:
        found["org"] += STRONG  # a firm too: "Cheetham & Sharp", "Page and Co."
    phrase = words[: words.index("of")] if "of" in words else words
    if phrase[-1] in lexicon.PLACE_HEADS and any(w in lexicon.ORG_HEADS for w in parts):
        found["place"] += WEAK  # "Brotherhood Grave": the head word ending the name says what it is
    # A place head ends the name or opens it ("Place Vendôme", "Rue de Rivoli", "Lake Ladoga").
    last = capitalised[-1].rsplit("-", 1)[-1].capitalize()
    if last in lexicon.PLACE_HEADS or (len(capitalised) > 1 and capitalised[0] in lexicon.PLACE_HEADS):
        found["place"] += STRONG
    if _office(words):
        found["org"] += STRONG + 1  # "Department of Charities" (but "Department of the Seine" is a place)
    # A given name opens a person's name, not a place's named after one ("Alexander Hall", "George Street").
    # so does a surname's particle ("De Seller", "von Westphalen")
    particle = len(words) > 1 and words[0] in candidates.LEADING_PARTICLES | candidates.CAPITAL_PARTICLES
    if (context.title or context.credit or particle or (len(capitalised) > 1 and capitalised[0] in lexicon.GIVEN_NAMES)) and last not in lexicon.PLACE_HEADS | lexicon.ORG_HEADS:
        found["person"] += STRONG  # not "Alexander Hall", nor "MM. Baring frères" (Messrs Baring Brothers)
    if context.territory:
        found["territory"] += 1
    if lexicon.is_place(" ".join(words), lang):
        # A whole name of several words outweighs its head word ("Soviet Union", "United Kingdom").
        found["place"] += MEDIUM if len(words) == 1 else STRONG + 1
    elif "of" in words and lexicon.is_place(" ".join(words[: words.index("of")]), lang):
        found["place"] += MEDIUM  # "United States of America"
    elif len(words) > 1 and (words[0] in lexicon.COMPASS or words[0] == "New") and lexicon.is_place(
            " ".join(words[1:]).removeprefix("of "), lang):
        found["place"] += STRONG  # "Eastern Siberia", "West Germany", "the North of Ireland", "New England"
    elif len(words) == 1 and "-" in words[0] and lexicon.is_place(words[0].split("-")[0], lang):
        found["place"] += MEDIUM  # "Baden-Palatinate", "Alsace-Lorraine"
    found["mentions"] += 1
    if context.personal:
        found["personal"] += 1
    previous = (context.previous or "").split()
    if (previous and previous[0] in lexicon.PLACE_CUES) or context.place_of:
        found["cue"] += 1
    elif previous[-1:] == ["the"] and not context.attributive and not family_plural(words[-1]):
        found["cue"] += 1  # "the Capitol", "the Nevsky": persons seldom take the article (families do: "the Orsini")
        found["article"] += 1
    if len(words) == 1 and words[0] in lexicon.STATE_ACRONYMS:
        found["place"] += MEDIUM
    elif len(words) == 1 and _acronym(words[0]):
        found["org"] += WEAK
    if len(words) == 1 and len(words[0]) >= 6 and words[0].endswith(lexicon.PLACE_ENDINGS):
        found["place"] += WEAK
    if words[-1].endswith(lexicon.ORG_ENDINGS):
        found["org"] += MEDIUM
    return found


def _office(words: list[str]) -> bool:
    """ "Department of Charities", "War Department": a department named for its business, a common
    word, is an office of a government; named for a place, it is the place ("Department of the Seine")."""
    business = words[2] if len(words) == 3 and words[:2] == ["Department", "of"] else words[0] if words[1:] == ["Department"] else ""
    return lexicon.common(business) >= 3.0 and not lexicon.is_place(business)


def family_plural(word: str) -> bool:
    """ "the Orsini", "the Medici", "the Colonnesi": an Italian family named in the plural (a consonant and "i");
    "the Heraclids", "the Seleucids", "the Atreidae": a house named by its ancestor (Greek "-id", "-idae"; not "the Druids")."""
    return re.search(r"[^\W\daeiouy_]i$|[^\W\d_]{4}id(?:s|ae)$", word) is not None


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper()


def decide(total: Counter) -> str:
    """The kind with most votes; persons win ties.  Without any vote, a name
    mostly after place prepositions is a place, any other a person's."""
    if total["surname"]:
        return "person"
    if total["territory"] and total["territory"] == total["mentions"]:
        return "place"  # only ever a title's territory; also met alone, it names the person ("Rouen" for its cardinal)
    # A person's verb or possession outweighs a gazetteer that knows the word as a town ("Willich"), when a
    # third of the mentions at least have one: one "wrote to Paris" among many does not make Paris a person.
    if total["personal"] * 3 >= total["mentions"] and not total["org"] and total["place"] <= MEDIUM * total["mentions"]:
        return "person"
    best = max(total[k] for k in KINDS)
    if best:
        return next(k for k in ("person", "org", "place") if total[k] == best)
    return "place" if total["cue"] * 2 >= total["mentions"] > 0 else "person"
