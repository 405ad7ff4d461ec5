"""Candidate names: runs of capitalised words in a block of text.

A run is capitalised words joined by one whitespace (a line break in the
source counts: wrapped lines), by a possessive mark ("Workers’ and Soldiers’
Deputies") or by a lower-case particle inside it ("Committee of Public
Safety", "Hôtel de Ville", "Ludwig van Beethoven"); the recogniser decides
where a run holds several names.  Letters are Unicode letters ("Wróblewski",
"Vendôme").  A possessive stays outside a word ("Stalin's" gives "Stalin"),
so do contractions ("I’m") and French elisions ("L'honorable", "d'Angleterre");
a verb with "not" ("Don't") is no word at all ("P.S. Don't" holds no name);
a hyphenated compound is one word ("Brest-Litovsk").  Each word records
whether it opens a sentence, since a capital there says nothing about being
a name.
"""

from __future__ import annotations

import functools

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import FUNCTION_WORDS, GIVEN_NAMES, LOWER_HEADS, ORG_HEADS, PLACE_HEADS, TITLES

# A word: letters, with inner hyphens or apostrophes ("O'Brien", "d'Orléans");
# an initial with its full stop ("M.", "J.") is a word too.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[-'’](?=[^\W\d_]))*(?:\.(?=\s+[^\W\d_]))?")
# Words whose full stop is an abbreviation's, kept with the word; any other full stop ends a sentence.
# Abbreviated forenames ("Wm. S. Johnson", "Thos. Fitzsimmons", "Geo. Read") are among them.
_ABBREVIATIONS = frozenset(
    "M MM Mr Mrs Ms Dr St Ste Mme Mlle Gen Col Capt Prof Rev Revs Mgr Lt Sgt"
    " Wm Thos Geo Chas Jas Jno Jos Benj Robt Saml Danl Edw Richd Nathl Alexr".split())
_POSSESSIVE = re.compile(r"[’']s?$")
_CONTRACTION = re.compile(r"[’'](?:m|ll|ve|d|re)$")
# A verb with "not" ("Don't", "Isn’t", "Won't"): no part of a name, nor a name less its ending.
_NEGATED = re.compile(r"n[’']t$")
_ELISION = re.compile(r"^(?:[LlDdJjNnSsCcMmTt]|Qu|qu)[’'](?=[^\W\d_])")
# What may stand between two words of one run: spaces with at most one line end, after a possessive mark or not.
_GAP = re.compile(r"(?:[’']s?)?[ \t]*\n?[ \t]*")
# An elided article or preposition after a head word or "de" ("Banque d'Angleterre", "Société de l'Armonica").
_ELIDED_GAP = re.compile(r"[ \t]*\n?[ \t]*[dl][’']")
# "d'" between two capitalised words: a particle of one name.
_PARTICLE_ELIDED = re.compile(r"[ \t]*\n?[ \t]*d[’']")
# Lower-case words that may join the capitalised words of one name.
PARTICLES = frozenset("of de du des la le von van der den di da del della and for ad".split())
# In German "der", "des", "den", "die" are articles ("Mitte des Zimmers Gregor" is no name).
GERMAN_PARTICLES = frozenset("von van de".split())
# Particles that open a surname in an English text: "de Calonne", "von Westphalen".
LEADING_PARTICLES = frozenset("de von van du".split())
# The same with a capital, opening a surname in an English text: "De Selles", "Van Artevelde".
CAPITAL_PARTICLES = frozenset("De Von Van Du Da Di Del Della".split())
# Epithets joined to a name by "the": "Peter the Great", "Nicholas the Second".
EPITHETS = frozenset(
    """Great First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth Thirteenth
    Fourteenth Fifteenth Sixteenth Blessed Terrible Younger Elder Bold Fair Pious Good Magnificent""".split())
# Marks after which a capital opens a sentence; not a semicolon, after which only a name takes
# one ("among them Kameniev;\nLenin and Zinoviev went into hiding").
_SENTENCE_END = ".!?:…"
# A dash opens a clause whose first word may take a capital as a sentence's does (a chapter's
# argument: "Towns taken by Don John--Wrath excited against the Estates--Perverse politics").
_AFTER_DASH = re.compile(r"(?:--|[—–])[ \t]*\n?[ \t]*$")
_QUOTES = ("\"", "“", "‘", "«", "„", "'")
_OPENERS = "\"'“‘«([—– \t\n"


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    sentence_start: bool
    possessive: bool = False  # followed by ’ or ’s

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


@functools.lru_cache(maxsize=16384)
def words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with their offsets; possessive endings dropped.

    Remembered per text: a long-running process (the workbench re-converts after every
    decision) meets the same paragraphs again, and tokenising them is most of the recogniser's time."""
    return tuple(_words(text))


# A chapter's argument: topics joined by dashes, nearly all opening with a capital ("Leave Kolobeng again--Reach
# the Zouga--The Tsetse--His Courage and Conquests--Safe Transit through the Caffre Country").
_TOPIC_JOINT = re.compile(r"--|[—–]")
ARGUMENT_TOPICS = 4
# Its share of content words with a capital when written in title case.
TITLE_CASE_SHARE = 0.75
_CONTENT_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]{3,}")


@functools.lru_cache(maxsize=1024)
def argument(text: str) -> bool:
    """An argument written in title case ("His Courage and Conquests--Safe Transit through the Caffre
    Country"): every capitalised word in it is placed as a sentence's first word is. Not one in sentence
    case ("Towns taken by Don John--Wrath excited against the aristocratic party"), whose capitals inside
    are names."""
    topics = [t.strip(" \t\n\"'“‘") for t in _TOPIC_JOINT.split(text)]
    if len(topics) < ARGUMENT_TOPICS or sum(t[:1].isupper() for t in topics) < 0.8 * len(topics):
        return False
    content = [w for w in _CONTENT_WORD.findall(text) if w.capitalize() not in FUNCTION_WORDS]
    return sum(w[0].isupper() for w in content) >= TITLE_CASE_SHARE * len(content) > 0


# Verse: four lines or more, each opening with a capital, none long.
VERSE_LINES = 4
VERSE_LINE_LENGTH = 60


def _verse(text: str) -> bool:
    """A stanza ("Wilt thou endure forever, / O Milton's England, these?"): each line's first word is
    placed as a sentence's first word is, whatever ends the line before."""
    lines = [line.strip() for line in text.strip().split("\n")]
    return (len(lines) >= VERSE_LINES and all(line[:1].isupper() or line[:1] in _QUOTES for line in lines)
            and max(map(len, lines)) <= VERSE_LINE_LENGTH)


def _words(text: str) -> list[Word]:
    found = []
    in_argument = argument(text)
    verse = _verse(text)
    for m in _WORD.finditer(text):
        word = m.group()
        end = m.end()
        if _NEGATED.search(word):
            continue
        if word.endswith(".") and not (len(word) == 2 or word[:-1].capitalize() in _ABBREVIATIONS):
            word, end = word[:-1], end - 1
        start = m.start()
        elision = _ELISION.match(word)
        if elision:
            word, start = word[elision.end() :], start + elision.end()
        for ending in (_CONTRACTION, _POSSESSIVE):
            if len(word) > 2 and ending.search(word) and word[0].isupper():
                trimmed = ending.sub("", word)
                end -= len(word) - len(trimmed)
                word = trimmed
        possessive = text[end : end + 1] in ("’", "'") and word not in PARTICLES  # "de' Medici": an elision
        line_start = verse and not text[text.rfind("\n", 0, start) + 1 : start].strip()
        opens = word[:1].isupper() and (in_argument or line_start or _opens_sentence(text, start))  # only a capital's place matters
        found.append(Word(start, end, word, opens, possessive))
    return found


def _opens_sentence(text: str, start: int) -> bool:
    """After a full stop or a dash, at the start of the block, or opening a quotation ('cheered "Liberty!"')."""
    if text[max(0, start - 3) : start].rstrip(" ([").endswith(_QUOTES) or _AFTER_DASH.search(text, max(0, start - 8), start):
        return True
    before = text[max(0, start - 12) : start].rstrip(_OPENERS).rstrip("\"'”’)]_")
    if start - 12 <= 0 and not before:
        return True
    return bool(before) and before[-1] in _SENTENCE_END and not _is_initial(before) and not _abbreviated(before)


def _is_initial(before: str) -> bool:
    """ "M. Thiers", "J. Smith": a full stop after one capital letter ends no sentence."""
    return len(before) >= 2 and before[-2].isupper() and (len(before) == 2 or not before[-3].isalpha())


def _abbreviated(before: str) -> bool:
    """ "Mr. Smith", "Dr. Campbell", "St. Petersburg": a title's full stop ends no sentence."""
    m = re.search(r"(?<![^\W\d_])([^\W\d_]+)\.$", before)
    return m is not None and m.group(1) in _ABBREVIATIONS


def _joined(text: str, left: Word, right: Word) -> bool:
    """Only whitespace (at most one line break), after a possessive mark or not, between two words."""
    gap = text[left.end : right.start]
    if (left.text in ORG_HEADS or left.text in PLACE_HEADS or left.text == "de") and _ELIDED_GAP.fullmatch(gap):
        return True
    if left.capitalised and right.capitalised and _PARTICLE_ELIDED.fullmatch(gap):
        return True  # "Ramiro d'Orco", "Giscard d'Estaing"
    if len(left.text) == 1 and left.text.isupper() and right.capitalised and gap == ".":
        return True  # initials written together: "C.B. McPherson"
    return bool(gap) and _GAP.fullmatch(gap) is not None and gap[-1:].isspace()


@functools.lru_cache(maxsize=16384)
def runs(text: str, lang: str = "en") -> tuple[Run, ...]:
    """Maximal runs of capitalised words (with inner particles) in ``text``, remembered per
    text like its words.

    In English a run may open with a surname's particle ("de Calonne", "von
    Westphalen"); in French or German those words are everyday prepositions."""
    return tuple(_runs(text, words(text), lang))


def _runs(text: str, found: Sequence[Word], lang: str) -> list[Run]:
    result: list[Run] = []
    current: list[Word] = []
    for i, word in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if current and not _joined(text, current[-1], word):
            result += _close(current)
            current = []
        if word.capitalised:
            current.append(word)
        elif current and current[-1].capitalised and word.text in LOWER_HEADS and not current[-1].possessive:
            result += _close([*current, word])  # "Putilov factory", "Northern front"
            current = []
        elif current and _particle(current, word, after, lang):
            current.append(word)
        elif not current and lang == "en" and _leading_particle(text, word, after):
            current.append(word)
        else:
            result += _close(current)
            current = []
    result += _close(current)
    return result


def _particle(current: list[Word], word: Word, after: Word | None, lang: str = "en") -> bool:
    if word.text in (GERMAN_PARTICLES if lang == "de" else PARTICLES):
        return True
    if word.text == "the":  # "of the", "Peter the Great"
        return current[-1].text == "of" or (after is not None and (after.text in EPITHETS or _epithet(current, after)))
    return False


def _epithet(current: list[Word], after: Word) -> bool:
    """ "William the Conqueror", "Louis the Desired": a given name alone, "the" and one capitalised word
    that is no head word nor title is the name of one person with an epithet."""
    return (len(current) == 1 and current[0].text in GIVEN_NAMES and not current[0].possessive and after.capitalised
            and not after.sentence_start and after.text not in ORG_HEADS | PLACE_HEADS | TITLES and after.text.isalpha())


def _leading_particle(text: str, word: Word, after: Word | None) -> bool:
    return (word.text in LEADING_PARTICLES and after is not None and after.capitalised
            and _joined(text, word, after) and not after.sentence_start)


def _close(current: list[Word]) -> list[Run]:
    while current and not (current[-1].capitalised or current[-1].text in LOWER_HEADS):
        current = current[:-1]
    if len(current) == 1 and not current[0].capitalised:
        return []
    return [Run(tuple(current))] if current else []
