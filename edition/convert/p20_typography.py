"""Pass 20: ellipses and the editor's square-bracket insertions.

An ellipsis (``…`` or three or more full stops) becomes ``pc type="ellipsis"``
holding the source characters.  ``[…]`` becomes ``supplied
reason="interpolation"``; the brackets are not stored (writers render them).
An unmatched bracket stays in the text as a character and is counted.
"""

from __future__ import annotations

import re

from .model import Annotation, Block, Document

_ELLIPSIS = re.compile(r"…+|\.{3,}")
_BRACKETED = re.compile(r"\[[^\[\]\n]*\]")


def mark_ellipses(block: Block) -> int:
    found = list(_ELLIPSIS.finditer(block.text))
    for m in found:
        block.add(Annotation(m.start(), m.end(), "pc", {"type": "ellipsis"}))
    return len(found)


def mark_insertions(block: Block) -> tuple[int, int]:
    """Mark bracketed insertions; return (marked, stray brackets left as text)."""
    found = [m for m in _BRACKETED.finditer(block.text) if block.free(m.start(), m.end())]
    for m in found:
        block.add(Annotation(m.start(), m.end(), "supplied", {"reason": "interpolation"}, trim=(1, 1)))
    brackets = block.text.count("[") + block.text.count("]")
    return len(found), brackets - 2 * len(found)


def run(doc: Document) -> None:
    for block in doc.blocks():
        doc.stats["ellipses"] += mark_ellipses(block)
        marked, stray = mark_insertions(block)
        doc.stats["insertions"] += marked
        doc.stats["stray brackets"] += stray
