"""The converter's settings from ``edition.toml``, checked, with defaults.

``[structure]`` says how blocks map to TEI; ``[quotations]`` lists known titles,
terms and works; ``[[corrections]]`` lists the typos to correct.  A wrong type is an
EditionError naming edition.toml, never a KeyError deep inside a pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import EditionError
from ..project import Edition


@dataclass(frozen=True)
class ListRule:
    """A run-together enumeration: items follow ``marker`` without spaces."""

    marker: str
    items: int | None = None


@dataclass(frozen=True)
class Structure:
    title: bool = True  # the first block is the title
    byline: bool = True  # the next block states the authorship
    preface: bool = True  # blocks before the first head form an editorial preface
    closer: bool = True  # a short final block is the signature
    max_head_words: int = 12
    max_head_chars: int = 100
    lists: tuple[ListRule, ...] = ()
    # The editor's word where the rules go wrong: lines that are (not) headings, by their
    # text (whitespace-normalised) or by a regular expression matching the whole line.
    heads: tuple[str, ...] = ()
    not_heads: tuple[str, ...] = ()
    head_patterns: tuple[str, ...] = ()
    not_head_patterns: tuple[str, ...] = ()

    def override(self, text: str) -> bool | None:
        """True / False when edition.toml says the block is / is not a heading, else None."""
        text = " ".join(text.split())
        if text in self.not_heads or any(re.fullmatch(p, text) for p in self.not_head_patterns):
            return False
        if text in self.heads or any(re.fullmatch(p, text) for p in self.head_patterns):
            return True
        return None


@dataclass(frozen=True)
class Work:
    """A work the text names; quotations after ``cue`` in the same sentence cite it."""

    id: str
    title: str
    cue: str
    author: str = ""
    date: str = ""


@dataclass(frozen=True)
class Correction:
    """``sic`` → ``corr``; ``before``/``after`` are context the match must have (not part of it)."""

    sic: str
    corr: str
    reason: str
    count: int = 1
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Split:
    """One occurrence of a name taken off the entry it matches: the ``n``-th whole-word ``form``
    of block ``at`` (an xml:id) refers to register entry ``ref`` instead, or is no name when ``ref`` is empty."""

    at: str
    form: str
    n: int
    ref: str = ""


@dataclass(frozen=True)
class Settings:
    structure: Structure = Structure()
    titles: tuple[str, ...] = ()
    works: tuple[Work, ...] = ()
    corrections: tuple[Correction, ...] = ()
    where: str = ""  # edition.toml, for messages
    terms: tuple[str, ...] = ()  # quoted labels (doctrines, honours): soCalled whatever their shape
    note_place: str = "foot"  # [notes] place: "foot" (footnotes in print) or "end" (endnotes)
    quotes: tuple[str, ...] = ()  # quoted words that are quotations (quote) whatever their shape
    mentioned: tuple[str, ...] = ()  # quoted words mentioned as words (mentioned)
    not_quotations: tuple[str, ...] = ()  # quoted words whose marks are no quotation's: left as characters
    splits: tuple[Split, ...] = ()  # [[occurrences]]: single mentions taken off their entry


def load_settings(edition: Edition) -> Settings:
    where = str(edition.toml_path)
    raw = edition.settings
    structure = raw.get("structure", {})
    quotations = raw.get("quotations", {})
    try:
        lists = tuple(ListRule(**rule) for rule in structure.get("lists", []))
        texts = {key: tuple(str(t) for t in structure.get(key, [])) for key in _OVERRIDES}
        struct = Structure(**{**structure, **texts, "lists": lists})
        works = tuple(Work(**w) for w in quotations.get("works", []))
        corrections = tuple(Correction(**c) for c in raw.get("corrections", []))
        titles = tuple(str(t) for t in quotations.get("titles", []))
        terms = tuple(str(t) for t in quotations.get("terms", []))
        quotes = tuple(str(t) for t in quotations.get("quotes", []))
        not_quotations = tuple(str(t) for t in quotations.get("not_quotations", []))
        mentioned = tuple(str(t) for t in quotations.get("mentioned", []))
        splits = tuple(Split(**o) for o in raw.get("occurrences", []))
    except TypeError as exc:
        raise EditionError(f"bad setting: {exc}", where) from None
    _check_types(struct, corrections, where)
    place = raw.get("notes", {}).get("place", "foot")
    if place not in ("foot", "end"):
        raise EditionError('[notes] place must be "foot" or "end"', where)
    for split in splits:
        if not (isinstance(split.n, int) and split.n > 0 and split.at and split.form and isinstance(split.ref, str)):
            raise EditionError(f"[[occurrences]] {split.form!r}: needs at (a block's xml:id), form, n (1, 2, ...) and ref", where)
    return Settings(struct, titles, works, corrections, where, terms, place, quotes, mentioned, not_quotations, splits)


_OVERRIDES = ("heads", "not_heads", "head_patterns", "not_head_patterns")


def _check_types(struct: Structure, corrections: tuple[Correction, ...], where: str) -> None:
    for name in ("max_head_words", "max_head_chars"):
        if not isinstance(getattr(struct, name), int) or getattr(struct, name) < 1:
            raise EditionError(f"[structure] {name} must be a positive integer", where)
    for pattern in struct.head_patterns + struct.not_head_patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise EditionError(f"[structure] bad pattern {pattern!r}: {exc}", where) from None
    for c in corrections:
        if not (isinstance(c.sic, str) and c.sic and isinstance(c.corr, str) and c.reason):
            raise EditionError(f"[[corrections]] entry {c.sic!r} needs sic, corr and reason", where)
        if not isinstance(c.count, int) or c.count < 1:
            raise EditionError(f"[[corrections]] {c.sic!r}: count must be a positive integer", where)
