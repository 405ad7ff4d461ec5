"""Pass 55: the source's line breaks inside a block.

A hard-wrapped paragraph is one ``p``: its line breaks stay in the TEI as the
newline characters of the source (every writer reads them as spaces), so
the text unwraps and the source's lines can still be restored.  Three kinds of
line end are encoded (last, so no earlier pass finds an element inside a word):

- a word broken by a *soft* hyphen at a line end (``co-`` / ``operative``):
  ``lb break="no" rend="hyphen"`` replaces the hyphen and the newline, and the
  writers join the word;
- a *hard* hyphen or a dash at a line end (``well-`` / ``known``, ``--``): the
  hyphen stays, the newline goes into ``lb break="no"``;
- the lines of a block of short lines (an address, a signature, a heading on two
  lines): ``lb`` after each newline, and the writers break the line there;
- the lines of verse: each an ``l`` (the block is an ``lg``), unless a phrase runs
  over a line end (italics over two lines): then they are kept as ``lb`` too.

Soft or hard is decided by the text itself first (the word written elsewhere
with or without its hyphen), then by a word list (``wordfreq``, the text's
language): the joined word must be a known word, more frequent than the
hyphenated one.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .model import Annotation, Block, Document

_BROKEN = re.compile(r"(\w+)(-+)\n[ \t]*(?=(\w+))")
_MIN_ZIPF = 2.0  # a word met about once in ten million: rarer joined forms are not words


@lru_cache(maxsize=4096)
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


def soft(left: str, right: str, words: Counter, language: str) -> bool:
    """True when ``left-`` / ``right`` is one word broken at the line end."""
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    if words[joined] or words[hyphenated]:
        return words[joined] > words[hyphenated]
    try:
        score = _zipf(joined, language)
        return score >= _MIN_ZIPF and score > _zipf(hyphenated, language)
    except LookupError:  # a language wordfreq does not know: keep the hyphen
        return False


def _vocabulary(doc: Document) -> Counter:
    """Words as the text writes them inside its lines (not at a line end)."""
    return Counter(w.lower() for w in re.findall(r"\w+(?:-\w+)*", doc.source.text.replace("-\n", " ")))


def mark_lines(block: Block, words: Counter, language: str) -> tuple[int, int]:
    """Encode ``block``'s line ends; return (soft hyphens, hard hyphens)."""
    counts = [0, 0]
    for m in _BROKEN.finditer(block.text) if "-\n" in block.text else ():
        newline = m.start(2) + len(m.group(2))
        end = block.text.index(m.group(3), newline)  # after the next line's indent
        if len(m.group(2)) == 1 and soft(m.group(1), m.group(3), words, language):
            block.add(Annotation(m.start(2), end, "lb", {"break": "no", "rend": "hyphen"}, trim=(end - m.start(2), 0)))
            counts[0] += 1
        else:
            block.add(Annotation(newline, end, "lb", {"break": "no"}, trim=(end - newline, 0)))
            counts[1] += 1
    block.verse = block.verse and not counts[0] + counts[1] and _verse_lines(block)
    if block.lines and not block.verse:  # one lb for a line end and the blank lines after it (a head set on two blocks)
        for m in re.finditer(r"\n(?:[ \t]*\n)*", block.text):
            if not any(a.tag == "lb" and a.start <= m.start() < a.end for a in block.annotations):
                block.add(Annotation(m.end(), m.end(), "lb"))
    return counts[0], counts[1]


def _verse_lines(block: Block) -> bool:
    """Each line of a verse block an ``l``, if no annotation runs over a line end."""
    lines = [m.span(1) for m in re.finditer(r"[ \t]*([^\n]*?)[ \t]*(?:\n|$)", block.text) if m.group(1)]
    if any(a.start < end < a.end or a.start < start < a.end for a in block.annotations for start, end in lines):
        return False
    for start, end in lines:
        block.add(Annotation(start, end, "l"))
    return True


def run(doc: Document, language: str) -> None:
    if "\n" not in doc.source.text.strip():
        return
    words = _vocabulary(doc) if "-\n" in doc.source.text else Counter()
    for block in doc.blocks():
        doc.stats["line breaks"] += block.text.count("\n")
        soft_count, hard_count = mark_lines(block, words, language)
        doc.stats["soft hyphens"] += soft_count
        doc.stats["hard hyphens"] += hard_count
        doc.stats["verse"] += block.verse
