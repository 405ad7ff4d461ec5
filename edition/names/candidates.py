"""Candidate names: runs of capitalised words in a block of text.

A run is capitalised words joined by one whitespace (a line break in the
source counts: wrapped lines) or by a lower-case particle inside it
("Committee of Public Safety", "Hôtel de Ville", "Ludwig van Beethoven").
Letters are Unicode letters ("Wróblewski", "Vendôme").  A possessive stays
outside ("Stalin's" gives "Stalin"); a hyphenated compound is one word
("Brest-Litovsk").  Each word records whether it opens a sentence, since a
capital there says nothing about being a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: letters, with inner hyphens or apostrophes ("O'Brien", "d'Orléans");
# an initial with its full stop ("M.", "J.") is a word too.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[-'’](?=[^\W\d_]))*(?:\.(?=\s+[^\W\d_]))?")
# Words whose full stop is an abbreviation's, kept with the word; any other full stop ends a sentence.
_ABBREVIATIONS = frozenset("M MM Mr Mrs Ms Dr St Ste Mme Mlle Gen Col Capt Prof Rev Mgr Lt Sgt".split())
_POSSESSIVE = re.compile(r"[’']s?$")
# Lower-case words that may join the capitalised words of one name.
PARTICLES = frozenset("of de du des la le von van der den di da del della".split())
# Particles that may follow "of": "Committee of the Central Region".
_AFTER_OF = frozenset({"the"})
_SENTENCE_END = ".!?:;…"
_QUOTES = ("\"", "“", "‘", "«", "„", "'")
_OPENERS = "\"'“‘«([—– \t\n"


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    sentence_start: bool

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass(frozen=True)
class Run:
    """A candidate: ``words`` are consecutive, capitalised at both ends."""

    words: tuple[Word, ...]

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def words(text: str) -> list[Word]:
    """The words of ``text`` with their offsets; possessive endings dropped."""
    found = []
    for m in _WORD.finditer(text):
        word = m.group()
        end = m.end()
        if word.endswith(".") and not (len(word) == 2 or word[:-1] in _ABBREVIATIONS):
            word, end = word[:-1], end - 1
        if len(word) > 2 and _POSSESSIVE.search(word) and word[0].isupper():
            trimmed = _POSSESSIVE.sub("", word)
            end -= len(word) - len(trimmed)
            word = trimmed
        found.append(Word(m.start(), end, word, _opens_sentence(text, m.start())))
    return found


def _opens_sentence(text: str, start: int) -> bool:
    """After a full stop, at the start of the block, or opening a quotation ('cheered "Liberty!"')."""
    if text[max(0, start - 3) : start].rstrip(" ([").endswith(_QUOTES):
        return True
    before = text[max(0, start - 12) : start].rstrip(_OPENERS).rstrip("\"'”’)]")
    if start - 12 <= 0 and not before:
        return True
    return bool(before) and before[-1] in _SENTENCE_END and not _is_initial(before)


def _is_initial(before: str) -> bool:
    """ "M. Thiers", "J. Smith": a full stop after one capital letter ends no sentence."""
    return len(before) >= 2 and before[-2].isupper() and (len(before) == 2 or not before[-3].isalpha())


def _joined(text: str, left: Word, right: Word) -> bool:
    """Only whitespace (at most one line break) between two words."""
    gap = text[left.end : right.start]
    return bool(gap) and gap.isspace() and gap.count("\n") <= 1


def runs(text: str, found: list[Word] | None = None) -> list[Run]:
    """Maximal runs of capitalised words (with inner particles) in ``text``."""
    found = words(text) if found is None else found
    result: list[Run] = []
    current: list[Word] = []
    for word in found:
        if current and not _joined(text, current[-1], word):
            result += _close(current)
            current = []
        if word.capitalised:
            current.append(word)
        elif current and _particle(current, word):
            current.append(word)
        else:
            result += _close(current)
            current = []
    result += _close(current)
    return result


def _particle(current: list[Word], word: Word) -> bool:
    if word.text in PARTICLES:
        return True
    return word.text in _AFTER_OF and current[-1].text == "of"


def _close(current: list[Word]) -> list[Run]:
    while current and not current[-1].capitalised:
        current = current[:-1]
    return [Run(tuple(current))] if current else []
