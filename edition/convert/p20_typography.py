"""Pass 20: ellipses, emphasis and the editor's square-bracket insertions.

An ellipsis (``…`` or three full stops) becomes ``pc type="ellipsis"``
holding the source characters; a fourth full stop is the sentence's own and
stays text.  ``_…_`` and ``*…*`` (the plain-text conventions for italics), and HTML's
``<i>…</i>`` left in a transcription, become ``hi rend="italic"``, or ``title`` / ``foreign xml:lang`` where the
rules can tell (emphasis.py), with the marks not stored (``@rend`` adds
``underscore``, ``asterisk`` or ``html`` to restore them).  ``[…]`` becomes ``supplied
reason="interpolation"``; the brackets are not stored (writers render them).
An unmatched bracket stays in the text as a character and is counted.  A figure's
description is limited content in TEI (no ``pc``, no ``supplied``): its ellipses and
brackets stay characters.
"""

from __future__ import annotations

import re

from . import emphasis, markdown
from .model import Annotation, Block, Document

_ELLIPSIS = re.compile(r"…+|\.{3}")
_PAGE = re.compile(r"\{(\d{1,4})\}")  # "common{318} in": the printed page 318 begins here
_BRACKETED = re.compile(r"\[[^\[\]\n]*\]")
_DIRECTION = re.compile(r"\[[^\[\]]*\]")  # a play's stage direction in a speech may run over lines
# _a span_ / *a span*: the marks touch the words inside and no word outside (a figure may stand
# before: "5_d._", "1_s._", pence and shillings); no blank line inside.
_EMPHASIS = {
    "underscore": re.compile(r"(?<![^\W\d])_(?=[^\s_])((?:[^_\n]|\n(?!\s*\n))+?)"
                             r'(?:(?<=[^\s_\w])_(?!_)|(?<=[^\s_])_(?![\w_])|(?<=[^\s_]) _(?=[\s”"’»)\].,;:!?]|$))'),
    "asterisk": re.compile(r"(?<![\w*])\*(?=[^\s*])((?:[^*\n]|\n(?!\s*\n))+?)(?<=[^\s*])\*(?![\w*])"),
    # HTML's italics left in a plain transcription: "(<i>1</i>). That Adam had not…" (Gutenberg #7370)
    "html": re.compile(r"<i>(?=\S)((?:(?!</?i>)[^\n]|\n(?!\s*\n))+?)(?<=\S)</i>"),
}


def mark_ellipses(block: Block) -> int:
    found = list(_ELLIPSIS.finditer(block.text))
    for m in found:
        block.add(Annotation(m.start(), m.end(), "pc", {"type": "ellipsis"}))
    return len(found)


def mark_pages(block: Block) -> int:
    """Page numbers of the printed source kept in the transcription become pb (braces not stored)."""
    found = [m for m in _PAGE.finditer(block.text) if block.free(m.start(), m.end())]
    for m in found:
        block.add(Annotation(m.start(), m.end(), "pb", {"n": m.group(1), "rend": "braces"}, trim=(m.end() - m.start(), 0)))
    return len(found)


_MARK = {"underscore": ("_", "_"), "asterisk": ("*", "*"), "html": ("<i>", "</i>")}


def mark_emphasis(block: Block) -> list[Annotation]:
    found = []
    for marks, pattern in _EMPHASIS.items():
        opening, closing = _MARK[marks]
        for m in pattern.finditer(block.text) if opening in block.text else ():
            if block.free(m.start(), m.end()) and not _taken(block, m):
                found.append(block.add(Annotation(m.start(), m.end(), "hi", {"rend": f"italic {marks}"},
                                                  trim=(len(opening), len(closing)))))
    return found


def classify_emphasis(spans: list[tuple[Block, Annotation]], language: str, titles: set[str]) -> None:
    """Retag the spans the rules can tell (emphasis.py): titles, then foreign phrases; a span
    the text calls a work once is a title wherever it stands."""
    inner = {id(a): b.text[a.start + a.trim[0] : a.end - a.trim[1]] for b, a in spans}
    kinds = {id(a): ("hi", {}) if _head_line(b, a) else emphasis.kind(inner[id(a)], b.text[: a.start], language, titles,
                                                                        b.text[a.end : a.end + 80]) for b, a in spans}
    named = {emphasis.bare(inner[key]) for key, (tag, _) in kinds.items() if tag == "title"}
    for _, a in spans:
        tag, attrs = ("title", {}) if emphasis.bare(inner[id(a)]) in named else kinds[id(a)]
        a.tag = tag
        a.attrs.update(attrs)


def _head_line(block: Block, span: Annotation) -> bool:
    """A head's title in italics under its label ("CHAPTER I" / "_The State of Greece … War_"): the
    head's type, not a work's title ("Times" there names no newspaper)."""
    return block.kind == "head" and span.end == len(block.text.rstrip()) and block.text[: span.start].endswith("\n")


def _taken(block: Block, m: re.Match) -> bool:
    """A span some element already holds exactly (a note's marker)."""
    return any(a.start == m.start() and a.end == m.end() for a in block.annotations)


def mark_insertions(block: Block, speech: bool = False) -> tuple[int, int]:
    """Mark bracketed insertions (in a play's speech, its stage directions, over lines); return
    (marked, stray brackets left as text)."""
    pattern, tag, attrs = (_DIRECTION, "stage", {"rend": "bracketed"}) if speech else (_BRACKETED, "supplied", {"reason": "interpolation"})
    found = [m for m in pattern.finditer(block.text) if block.free(m.start(), m.end()) and not _taken(block, m)
             and not any(a.tag == "ref" and a.start <= m.start() < a.end for a in block.annotations)]  # a link's words
    for m in found:
        block.add(Annotation(m.start(), m.end(), tag, dict(attrs), trim=(1, 1)))
    brackets = block.text.count("[") + block.text.count("]")
    return len(found), brackets - 2 * len(found)


def run(doc: Document, language: str = "en", titles: frozenset[str] = frozenset()) -> None:
    spans = []
    page = markdown.is_markdown(list(doc.blocks()))
    for block in doc.blocks():
        limited = block.kind in ("figure", "speaker", "castItem")  # figDesc holds no pc or supplied, nor speaker a stage
        if page and not limited:
            links, escapes = markdown.mark_markdown(block)
            doc.stats["markdown links"] += links
            doc.stats["markdown escapes"] += escapes
        doc.stats["ellipses"] += 0 if limited else mark_ellipses(block)
        spans += [(block, a) for a in mark_emphasis(block)]
        doc.stats["page breaks"] += mark_pages(block)
        speech = block.speech or block.kind == "stage"  # a play's: its brackets are stage directions
        marked, stray = (0, 0) if limited else mark_insertions(block, speech)
        doc.stats["stage directions" if speech else "insertions"] += marked
        doc.stats["stray brackets"] += stray
    classify_emphasis(spans, language, set(titles) | {doc.title.text})
    for a in mark_emphasis(doc.title) if doc.title.text else ():
        a.tag = "title"  # "_COMMON SENSE_" on the title page: italics there name the work itself
        spans.append((doc.title, a))
    for _, a in spans:
        doc.stats[{"hi": "emphasis", "title": "emphasis titles", "foreign": "emphasis foreign"}[a.tag]] += 1
