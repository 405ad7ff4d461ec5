"""Document-level consistency: one entity per name, whatever form a mention takes.

* surnames: a one-word name that ends exactly one longer name of the same
  text with no place or organisation evidence ("Marx" and "Karl Marx") is
  that person, whatever a gazetteer says of the word ("Engels"); a place's
  name ending a full name with no title or given name is not taken for a
  surname ("Communal Paris", "Rhenish Prussia");
* schools: a one-word name with no person evidence that is one school's name less its head
  word ("Spelman" and "Spelman Seminary") is that school;
* variants: one-word names at least six letters long, alike at both ends
  and one letter apart ("Trotzky" / "Trotsky", "Konavalov" / "Konovalov"),
  are one entity;
* the kind of an entity is voted over all its mentions and forms, and its
  main name is its most frequent longest form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import lexicon, typing


@dataclass
class Entity:
    """The forms of one name and the votes of all their mentions."""

    surfaces: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)

    @property
    def main(self) -> str:
        # The most frequent of the longest forms: "Karl Marx" before "Marx".
        return max(self.surfaces, key=lambda s: (len(s.split()), self.surfaces[s], s))

    @property
    def kind(self) -> str:
        return typing.decide(self.votes)


def group(surfaces: dict[str, Counter], counts: Counter) -> dict[str, Entity]:
    """Entities keyed by every surface: ``surfaces`` maps a surface to its votes, ``counts`` to its mentions."""
    parent = {s: s for s in surfaces}

    def root(s: str) -> str:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    def union(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    _link_surnames(surfaces, union)
    _link_places_less_their_head(surfaces, union)
    _link_schools_less_their_head(surfaces, union)
    _link_family_names_first(surfaces, union)
    _link_variants(surfaces, counts, union)
    _link_acronyms(surfaces, union)
    entities: dict[str, Entity] = defaultdict(Entity)
    for surface, votes in surfaces.items():
        entity = entities[root(surface)]
        entity.surfaces[surface] += counts[surface]
        entity.votes.update(votes)
    return {s: entities[root(s)] for s in surfaces}


def _link_surnames(surfaces: dict[str, Counter], union) -> None:
    """One-word forms that end exactly one longer name with no place or organisation
    evidence ("Marx" after "Karl Marx") join it, as a person's surname."""
    owners: dict[str, set[str]] = defaultdict(set)
    for surface, votes in surfaces.items():
        words = surface.split()
        if len(words) > 1 and not (votes["org"] or votes["place"]) and not words[-2].islower():
            owners[words[-1]].add(surface)
    for word, full in owners.items():
        if word not in surfaces or len(full) != 1 or typing.decide(surfaces[word]) == "org":
            continue
        name = next(iter(full))
        # A place's name ends a full name with no title or given name ("Communal Paris", "Rhenish Prussia"): not a surname.
        if typing.decide(surfaces[word]) == "place" and not surfaces[name]["person"]:
            continue
        # A person's surname, whatever a gazetteer says of the word ("Engels", "Lincoln").
        surfaces[word]["surname"] = 1
        union(word, name)


def _link_places_less_their_head(surfaces: dict[str, Counter], union) -> None:
    """A name that is exactly one longer name less the place's head word opening it joins it:
    "St. Julian" beside "Port St. Julian", "Ladoga" beside "Lake Ladoga"."""
    owners: dict[str, set[str]] = defaultdict(set)
    for surface in surfaces:
        head, _, rest = surface.partition(" ")
        if head in lexicon.PLACE_HEADS and rest[:1].isupper():
            owners[rest].add(surface)
    for rest, full in owners.items():
        # not a person's name the place is named for ("Mount Hood" and "Lord Hood")
        if rest in surfaces and len(full) == 1 and not (surfaces[rest]["surname"] or surfaces[rest]["person"]):
            union(rest, next(iter(full)))


def _link_schools_less_their_head(surfaces: dict[str, Counter], union) -> None:
    """A one-word name with no person or place evidence that is exactly one school's name less its head
    word joins it: "Spelman" beside "Spelman Seminary", "Vanderbilt" beside "Vanderbilt University"."""
    owners: dict[str, set[str]] = defaultdict(set)
    for surface in surfaces:
        rest, _, head = surface.rpartition(" ")
        if head in lexicon.SCHOOL_HEADS and rest[:1].isupper() and " " not in rest:
            owners[rest].add(surface)
    for rest, full in owners.items():
        votes = surfaces.get(rest)
        if votes is not None and len(full) == 1 and not any(votes[k] for k in ("person", "personal", "surname", "place")):
            union(rest, next(iter(full)))


def _link_family_names_first(surfaces: dict[str, Counter], union) -> None:
    """A one-word name that opens exactly one longer person name and is no given name joins it:
    a family name written first ("Mao" and "Mao Tse-tung")."""
    owners: dict[str, set[str]] = defaultdict(set)
    for surface, votes in surfaces.items():
        words = surface.split()
        if len(words) > 1 and not (votes["org"] or votes["place"]) and words[0][:1].isupper():
            owners[words[0]].add(surface)
    for word, full in owners.items():
        if word in surfaces and len(full) == 1 and word not in lexicon.GIVEN_NAMES and not surfaces[word]["surname"]:
            name = next(iter(full))
            # a place opening a name with no title or given name ("Paris Conservatoire") is no family name
            if typing.decide(surfaces[word]) == "place" and not surfaces[name]["person"]:
                continue
            surfaces[word]["surname"] = 1
            union(word, name)


def _link_acronyms(surfaces: dict[str, Counter], union) -> None:
    """An acronym joins the one name of the text whose capitalised words (all, or those before
    its "of") it spells: "SLP" the Socialist Labor Party of America, "DDLIA" the Daniel De Leon
    Internet Archive."""
    spelt: dict[str, set[str]] = defaultdict(set)
    for surface in surfaces:
        words = surface.split()
        for part in (words, words[: words.index("of")] if "of" in words else []):
            initials = "".join(w[0] for w in part if w[:1].isupper())
            if len(initials) >= 2:
                spelt[initials].add(surface)
    for surface in surfaces:
        if surface.isupper() and " " not in surface and len(spelt.get(surface, ())) == 1:
            union(surface, next(iter(spelt[surface])))


def _link_variants(surfaces: dict[str, Counter], counts: Counter, union) -> None:
    singles = sorted(s for s in surfaces if " " not in s and len(s) >= 6)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in singles:
        by_ends[(s[0], s[-1])].append(s)
    for group_ in by_ends.values():
        for i, a in enumerate(group_):
            for b in group_[i + 1 :]:
                if abs(len(a) - len(b)) <= 1 and _one_edit(a, b):
                    union(*sorted((a, b), key=lambda s: counts[s]))


def _one_edit(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by one substitution, insertion or deletion."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
