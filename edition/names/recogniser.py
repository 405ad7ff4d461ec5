"""The recogniser: names the register does not cover, typed, grouped, as proposals.

``recognise(blocks)`` reads a whole text at once (document-level evidence
needs all of it) in two passes:

1. statistics: which words the text writes in lower case, which capitalised
   words it uses inside sentences;
2. candidates: each capitalised run is cut into mentions at words that are
   no names (titles, months, function words, derivatives such as
   "Stalinist"), each mention votes for a kind (``typing``), forms are grouped
   into entities (``consistency``), and an entity is kept when one of its
   mentions is credible.  A capital at a sentence start proves nothing, so a
   word seen only there must be rare in English (``wordfreq``), a known place,
   or carry a cue; once kept, the entity is tagged at every mention.

Names in ``reject`` are never proposed; ``types`` overrides a kind.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

from . import candidates, consistency, lexicon, typing
from .candidates import Word
from .proposals import FIRST_MENTIONS, Mention, Proposal, proposal_id
from .settings import NameSettings

# At a sentence start: a word at least this common (Zipf) is taken for an ordinary word.
COMMON_AT_START = 3.0
# Anywhere: a word this common opening a run is a function word ("The", "In", "This").
FUNCTION_WORD = 5.5
# A capitalised word this common that the text also writes in lower case is an ordinary word.
ORDINARY = 3.5


@dataclass(frozen=True)
class Block:
    """A block of text to read: ``taken`` spans are already tagged (register names)."""

    text: str
    taken: tuple[tuple[int, int], ...] = ()
    heading: bool = False


@dataclass(frozen=True)
class Found:
    """A recognised mention: ``blocks[block].text[start:end]`` names proposal ``id`` of ``kind``."""

    block: int
    start: int
    end: int
    kind: str
    id: str


@dataclass(frozen=True)
class _Mention:
    block: int
    words: tuple[Word, ...]
    context: typing.Context
    credible: bool

    @property
    def surface(self) -> str:
        return " ".join(w.text for w in self.words)


class _Stats:
    """What the whole text says about its words."""

    def __init__(self, blocks: Sequence[Block], words: list[list[Word]]):
        self.lower: set[str] = set()
        self.inside: Counter = Counter()  # capitalised, not opening a sentence
        for block, found in zip(blocks, words):
            for word in found:
                if not word.capitalised:
                    self.lower.add(word.text)
                elif not (word.sentence_start or block.heading):
                    self.inside[word.text] += 1

    def derived(self, word: str) -> bool:
        """ "Russian", "Stalinist", "Leninism": a name plus an ending."""
        for end in lexicon.DERIVED:
            stem = word[: -len(end)]
            if word.endswith(end) and len(stem) > 2:
                if stem in self.inside or stem in lexicon.places() or stem + "a" in lexicon.places():
                    return True
        return False


def recognise(
    blocks: Sequence[Block],
    settings: NameSettings = NameSettings(),
    locate: Callable[[int, int], tuple[int, int]] | None = None,
) -> tuple[list[Found], list[Proposal]]:
    """Mentions and proposals for ``blocks``; ``locate(block, offset)`` gives a 1-based (line, col)."""
    words = [candidates.words(b.text) for b in blocks]
    stats = _Stats(blocks, words)
    mentions = [m for i, b in enumerate(blocks) for m in _mentions(i, b, words[i], stats)]
    mentions = [m for m in mentions if m.surface not in settings.reject]
    votes: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    for m in mentions:
        votes[m.surface].update(typing.votes([w.text for w in m.words], m.context))
        counts[m.surface] += 1
    entities = consistency.group(votes, counts)
    kept = {id(entities[m.surface]) for m in mentions if m.credible}
    mentions = [m for m in mentions if id(entities[m.surface]) in kept]
    return _results(mentions, entities, settings, locate or (lambda block, offset: (block + 1, offset + 1)))


def _results(mentions, entities, settings, locate) -> tuple[list[Found], list[Proposal]]:
    ids: dict[int, str] = {}
    taken: set[str] = set()
    first: dict[int, list[Mention]] = defaultdict(list)
    found = []
    for m in mentions:
        entity = entities[m.surface]
        key = id(entity)
        if key not in ids:
            ids[key] = proposal_id(entity.main, taken)
        kind = settings.types.get(entity.main, entity.kind)
        found.append(Found(m.block, m.words[0].start, m.words[-1].end, kind, ids[key]))
        if len(first[key]) < FIRST_MENTIONS:
            first[key].append(Mention(*locate(m.block, m.words[0].start), m.surface))
    proposals = []
    for key, entity_id in ids.items():
        entity = next(e for e in entities.values() if id(e) == key)
        surfaces = sorted(entity.surfaces.items(), key=lambda s: (s[0] != entity.main, -s[1], s[0]))
        kind = settings.types.get(entity.main, entity.kind)
        proposals.append(Proposal(entity_id, kind, entity.main, tuple(surfaces), tuple(first[key])))
    return found, proposals


def _mentions(index: int, block: Block, words: list[Word], stats: _Stats) -> list[_Mention]:
    found = []
    for run in candidates.runs(block.text, words):
        found += _cut(index, block, run, stats)
    return found


def _taken(block: Block, word: Word) -> bool:
    return any(start < word.end and word.start < end for start, end in block.taken)


def _cut(index: int, block: Block, run: candidates.Run, stats: _Stats) -> list[_Mention]:
    """The mentions inside one run: cut at titles, non-names and register names."""
    found: list[_Mention] = []
    current: list[Word] = []
    title = None
    # Adjectives belong to a name with a head word ("Central Committee", "French Republic").
    headed = any(w.text in lexicon.ORG_HEADS or w.text in lexicon.PLACE_HEADS for w in run.words[1:])
    for i, word in enumerate(run.words):
        followed = i + 1 < len(run.words)
        if not word.capitalised:
            if current:
                current.append(word)
            continue
        if _taken(block, word) or word.text in lexicon.TITLES or _dull(word, block, stats, not current, headed, followed):
            found += _close(index, block, current, title, stats)
            current = []
            title = word.text if word.text in lexicon.TITLES and not _taken(block, word) else None
            continue
        current.append(word)
    found += _close(index, block, current, title, stats)
    return found


def _dull(word: Word, block: Block, stats: _Stats, leading: bool, headed: bool, followed: bool) -> bool:
    """A capitalised word that is no part of a name here (``followed``: by another in its run)."""
    text = word.text
    if (text in lexicon.NOT_NAMES and not headed) or text.endswith(("ism", "isms")) or stats.derived(text):
        return True
    if not leading or text in lexicon.ORG_HEADS or (followed and text in lexicon.PLACE_HEADS):
        return False
    if lexicon.common(text) >= FUNCTION_WORD:
        return True
    if word.sentence_start or block.heading:
        if text in stats.inside or text in lexicon.places():
            return False
        if followed:  # "Karl Marx wrote": only a word the text writes in lower case is cut off
            return text.lower() in stats.lower or lexicon.common(text) >= COMMON_AT_START + 1.5
        return text.lower() in stats.lower or lexicon.common(text) >= COMMON_AT_START + 1
    return False


def _close(index: int, block: Block, current: list[Word], title: str | None, stats: _Stats) -> list[_Mention]:
    while current and not current[-1].capitalised:
        current = current[:-1]
    if not current or _ordinary(current, stats) or _shouted(current):
        return []
    first = current[0]
    previous = _previous_word(block.text, first.start)
    context = typing.Context(title, previous)
    at_start = first.sentence_start or block.heading
    credible = (
        not at_start
        or title is not None
        or len(current) > 1
        or first.text in stats.inside
        or first.text in lexicon.places()
        or lexicon.common(first.text) < COMMON_AT_START
    )
    return [_Mention(index, tuple(current), context, credible)]


def _shouted(current: list[Word]) -> bool:
    """A heading in capitals ("THE EIGHTEENTH BRUMAIRE"), or a lone initial ("F")."""
    capitalised = [w.text for w in current if w.capitalised]
    if len(capitalised) == 1:
        return len(capitalised[0].rstrip(".")) == 1
    return all(w.isupper() for w in capitalised)


def _ordinary(current: list[Word], stats: _Stats) -> bool:
    """Capitalised ordinary words: a head word alone ("the Party"), or words the
    text also writes in lower case, with no head word ("Revolution", "Civil War")."""
    capitalised = [w.text for w in current if w.capitalised]
    if len(capitalised) == 1 and capitalised[0] in lexicon.ORG_HEADS | lexicon.PLACE_HEADS:
        return True
    if any(w in lexicon.ORG_HEADS or w in lexicon.PLACE_HEADS for w in capitalised):
        return False
    return all(w.lower() in stats.lower and lexicon.common(w) >= ORDINARY for w in capitalised)


_PREVIOUS = re.compile(r"([^\W\d_]+)\s+$")


def _previous_word(text: str, start: int) -> str | None:
    m = _PREVIOUS.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else None


_BLOCK = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")


def recognise_text(text: str, settings: NameSettings = NameSettings()) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every name recognised in a plain ``text`` with an empty register.

    Blocks are the text's blank-line separated paragraphs, as the converter reads
    them; a short block without final punctuation is taken for a heading."""
    spans = [(m.start(), m.group()) for m in _BLOCK.finditer(text)]
    blocks = [Block(body, heading=_heading(body)) for _, body in spans]
    found, _ = recognise(blocks, settings)
    return [(spans[f.block][0] + f.start, spans[f.block][0] + f.end, f.kind) for f in found]


def _heading(body: str) -> bool:
    body = body.rstrip()
    return len(body) < 100 and "\n" not in body and body[-1] not in ".!?:;,\"”’)"
