"""Pass 50: the typos listed in ``[[corrections]]`` → choice/sic/corr.

Each entry must match, as a whole word, exactly ``count`` times (default 1):
a correction that no longer applies, or applies more often than its editor
saw, fails the conversion instead of changing text silently.  Where the
corrected reading is a register name (``Russiua`` → ``Russia``), the choice is
wrapped in the name element so the mention is indexed.
"""

from __future__ import annotations

import re

from ..errors import EditionError
from .model import Annotation, Block, Document
from .p40_names import TAG
from .settings import Correction


def pattern(fix: Correction) -> re.Pattern:
    """``sic`` as a whole word (where it starts/ends with a letter), in its declared context."""
    start = r"(?<!\w)" if re.match(r"\w", fix.sic) else ""
    end = r"(?!\w)" if re.search(r"\w$", fix.sic) else ""
    before = f"(?<={re.escape(fix.before)})" if fix.before else ""
    after = f"(?={re.escape(fix.after)})" if fix.after else ""
    return re.compile(before + start + re.escape(fix.sic) + end + after)


def _occurrences(doc: Document, fix: Correction) -> list[tuple[Block, int]]:
    pattern_ = pattern(fix)
    return [(block, m.start()) for block in doc.blocks() for m in pattern_.finditer(block.text)]


def _name_for(register, corr: str):
    if register is None:
        return None
    matches = register.find(corr)
    return matches[0] if len(matches) == 1 and (matches[0].start, matches[0].end) == (0, len(corr)) else None


def apply(doc: Document, fix: Correction, register, where: str) -> set[str]:
    found = _occurrences(doc, fix)
    if len(found) != fix.count:
        raise EditionError(
            f"correction {fix.sic!r} → {fix.corr!r} is declared for {fix.count} occurrence(s) but matches "
            f"{len(found)} in the text", where)
    name, used = _name_for(register, fix.corr), set()
    for block, start in found:
        end = start + len(fix.sic)
        if not block.free(start, end):
            raise EditionError(f"correction {fix.sic!r} crosses other markup", doc.source.place(block.offset + start))
        block.add(Annotation(start, end, "choice", alt=("sic", "corr", fix.corr)))
        if name and not any(a.tag in TAG.values() and a.covers(start, end) for a in block.annotations):
            block.add(Annotation(start, end, TAG[name.kind], {"ref": f"#{name.id}"}))
            used.add(name.id)
            doc.stats["names"] += 1
    doc.stats["corrections"] += len(found)
    return used


def run(doc: Document, corrections, register, where: str) -> set[str]:
    """Apply every correction; return register ids newly referred to."""
    used: set[str] = set()
    for fix in corrections:
        used |= apply(doc, fix, register, where)
    return used
