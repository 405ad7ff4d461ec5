"""Pass 10: blocks → title, byline, preface, sections with heads, paragraphs, closer.

The rules are generic: blocks are separated by blank lines; a single short
line without final punctuation between blocks is a head.  ``[structure]`` in
edition.toml switches the title/byline/preface/closer roles on or off and
declares run-together enumerations (``[[structure.lists]]``).
"""

from __future__ import annotations

import re

from ..errors import EditionError
from .model import Annotation, Block, Document, Section, Source
from .settings import ListRule, Structure

_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_NO_HEAD_END = tuple('.,;:"')
# An item boundary of a run-together list: sentence end directly followed by a capital.
_RUN_TOGETHER = re.compile(r"(?<=[.!?:)])(?=[A-Z])")


def split_blocks(source: Source) -> list[Block]:
    """Blank-line separated blocks, stripped, each knowing its source offset."""
    blocks, pos = [], 0
    for gap in [*_BLANK_LINES.finditer(source.text), None]:
        end = gap.start() if gap else len(source.text)
        raw = source.text[pos:end]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            blocks.append(Block("p", raw.strip(), pos + lead))
        pos = gap.end() if gap else end
    return blocks


def is_head(block: Block, rules: Structure) -> bool:
    """A single short line that starts like a title and does not end like a sentence."""
    text = block.text
    return (
        "\n" not in text
        and len(text) <= rules.max_head_chars
        and len(text.split()) <= rules.max_head_words
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith(_NO_HEAD_END)
    )


def build_document(source: Source, rules: Structure) -> Document:
    blocks = split_blocks(source)
    title = blocks.pop(0) if rules.title else Block("title", "", 0)
    title.kind = "title"
    doc = Document(source, title)
    if rules.byline and blocks:
        doc.byline = _role(blocks.pop(0), "byline", "byline")
    if rules.closer and len(blocks) > 1 and is_head(blocks[-1], rules):
        doc.closer = _role(blocks.pop(), "signed", "closer")
    _sections(doc, blocks, rules)
    if not doc.sections and not doc.preface:
        raise EditionError("no text after the title and byline: nothing to put in the TEI body", source.path)
    if not doc.sections:  # a text without heads: its paragraphs are the body, not a preface
        doc.sections.append(Section(1, "s01", None, doc.preface))
        doc.preface = []
    _number(doc)
    for rule in rules.lists:
        _mark_list(doc, rule)
    return doc


def _role(block: Block, kind: str, xml_id: str) -> Block:
    block.kind, block.xml_id = kind, xml_id
    return block


def _sections(doc: Document, blocks: list[Block], rules: Structure) -> None:
    current = doc.preface if rules.preface else None
    for i, block in enumerate(blocks):
        if i + 1 < len(blocks) and is_head(block, rules):
            block.kind = "head"
            doc.sections.append(Section(len(doc.sections) + 1, "", block))
            current = doc.sections[-1].blocks
        elif current is None:
            doc.sections.append(Section(1, "", None))
            current = doc.sections[-1].blocks
            current.append(block)
        else:
            current.append(block)


def _number(doc: Document) -> None:
    """Positional ids as in tei/ENCODING.md: s01…, s01.p1…, preface.p1…"""
    width = max(2, len(str(len(doc.sections))))
    for i, block in enumerate(doc.preface, 1):
        block.xml_id = f"preface.p{i}"
    for n, section in enumerate(doc.sections, 1):
        section.number, section.xml_id = n, f"s{n:0{width}d}"
        if section.head:
            section.head.xml_id = f"{section.xml_id}.head"
        for i, block in enumerate(section.blocks, 1):
            block.xml_id = f"{section.xml_id}.p{i}"


def _mark_list(doc: Document, rule: ListRule) -> None:
    hits = [(b, b.text.find(rule.marker)) for b in doc.blocks() if rule.marker in b.text]
    if len(hits) != 1 or hits[0][0].text.count(rule.marker) != 1:
        raise EditionError(f"[[structure.lists]] marker {rule.marker!r} must occur exactly once, found {len(hits)}", doc.source.path)
    block, at = hits[0]
    start = at + len(rule.marker)
    cuts = [m.start() for m in _RUN_TOGETHER.finditer(block.text, start)]
    if rule.items:
        cuts = (cuts + [len(block.text)])[: rule.items + 1]
    if len(cuts) < 2 or cuts[0] != start or (rule.items and len(cuts) != rule.items + 1):
        raise EditionError(f"the run-together items after {rule.marker!r} were not found", doc.source.place(block.offset + start))
    block.add(Annotation(start, cuts[-1], "list"))
    for a, b in zip(cuts, cuts[1:]):
        block.add(Annotation(a, b, "item"))
    doc.stats["list items"] += len(cuts) - 1
