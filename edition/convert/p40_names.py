"""Pass 40: mentions of register entries → persName / placeName / orgName.

The register (tei/register.xml, edition.register) is the only source of name
tags: it finds whole-word, case-sensitive, longest-first matches with the
possessive 's outside the span.  A match that would cross an element already
marked (a quotation boundary, a list item) is skipped and counted.
"""

from __future__ import annotations

from .model import Annotation, Block, Document

TAG = {"person": "persName", "place": "placeName", "org": "orgName"}


def mark_names(block: Block, register) -> tuple[list[str], int]:
    """Tag the mentions in ``block``; return the ids referred to and the count skipped."""
    refs, skipped = [], 0
    for match in register.find(block.text):
        if not block.free(match.start, match.end):
            skipped += 1
            continue
        block.add(Annotation(match.start, match.end, TAG[match.kind], {"ref": f"#{match.id}"}))
        refs.append(match.id)
    return refs, skipped


def run(doc: Document, register) -> set[str]:
    """Tag every block; return the register ids the text refers to."""
    used: set[str] = set()
    for block in doc.blocks():
        refs, skipped = mark_names(block, register)
        used.update(refs)
        doc.stats["names"] += len(refs)
        doc.stats["names skipped"] += skipped
    return used
