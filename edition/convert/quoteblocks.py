"""Block quotations: documents a text quotes whole, paragraph by paragraph.

Three shapes are recognised, all common in printed books and their plain-text
transcriptions:

- a quotation of several paragraphs, each opening with a quote mark and only
  the last one closing (the printers' convention);
- paragraphs indented in a text whose own paragraphs are not;
- a proclamation set in capitals (with the short capital lines around it:
  its address, its signature).

Each block of the quotation gets ``quote`` = the marks' @rend ("" for straight
double quotes, "curly", "guillemets") or "none" when it is not marked; the
opening mark of each paragraph and the closing mark of the last are cut from
the block's text (writers render them; the restore rule is in tei/ENCODING.md).
"""

from __future__ import annotations

import re

from .heads import ANNOUNCES_DOCUMENT, all_capitals, words
from .model import Block, Document

_MARKS = {'"': ('"', ""), "“": ("”", "curly"), "«": ("»", "guillemets")}


def _opens(block: Block) -> str | None:
    """The opening mark of a paragraph of a quoted document, if its marks do not balance."""
    mark = block.text[:1]
    if mark not in _MARKS:
        return None
    closing, _ = _MARKS[mark]
    if mark == '"':
        return mark if block.text.count('"') % 2 else None
    return mark if block.text.count(mark) > block.text.count(closing) else None


def _closes(block: Block, mark: str) -> bool:
    closing, _ = _MARKS[mark]
    return block.text.startswith(mark) and block.text.endswith(closing) and len(block.text) > 2 and (
        block.text.count('"') % 2 == 0 if mark == '"' else block.text.count(mark) == block.text.count(closing))


def _marked_runs(blocks: list[Block]) -> None:
    i = 0
    while i < len(blocks):
        mark = _opens(blocks[i]) if blocks[i].kind == "p" else None
        j = i
        while mark and j < len(blocks) and blocks[j].kind == "p" and _opens(blocks[j]) == mark:
            j += 1
        if mark and j > i and j < len(blocks) and blocks[j].kind == "p" and _closes(blocks[j], mark):
            rend = _MARKS[mark][1]
            for block in blocks[i : j + 1]:
                block.quote, block.text, block.offset = rend, block.text[1:], block.offset + 1
            blocks[j].text = blocks[j].text[:-1]
            i = j + 1
        else:
            i += 1


def _indent(block: Block, text: str) -> int:
    return block.offset - (text.rfind("\n", 0, block.offset) + 1)


def _indented(doc: Document, paragraphs: list[Block]) -> set[int]:
    """Ids of paragraphs indented in a text whose paragraphs are mostly flush left."""
    text = doc.source.text
    indented = {id(b) for b in paragraphs if _indent(b, text) >= 2 and all(
        line[:2].isspace() or not line.strip() for line in b.text.split("\n")[1:])}
    return indented if len(indented) * 3 < len(paragraphs) else set()


def _capitals(blocks: list[Block]) -> None:
    """A proclamation in capitals and the short capital lines next to it."""
    big = [i for i, b in enumerate(blocks) if b.kind == "p" and b.quote is None and all_capitals(b.text) and len(words(b.text)) >= 12]
    for i in big:
        start, end = i, i
        while start > 0 and blocks[start - 1].kind == "p" and blocks[start - 1].quote is None and all_capitals(blocks[start - 1].text):
            start -= 1
        while end + 1 < len(blocks) and blocks[end + 1].kind == "p" and blocks[end + 1].quote is None and all_capitals(blocks[end + 1].text):
            end += 1
        for block in blocks[start : end + 1]:
            block.quote = "none"


# The end of a paragraph that introduces a document: "…the official organ said:", "…as follows:".
_INTRODUCES = re.compile(r"\b(?:said|says|wrote|writes|declared|follows|reads|ran|this|resolution|manifesto|"
                         r"proclamation|appeal|article|decree|order|telegram|letter|statement|announced|text)\b[^.!?]*:$")
_ENTRY = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?: ")  # "Tseretelli: disarmed the workmen…"


def _introduced(blocks: list[Block]) -> None:
    """The paragraph after one ending with a colon ("…passed a resolution which began as follows:"),
    and the "Name: …" entries after it, when it does not open with a quote mark of its own."""
    for i in range(1, len(blocks)):
        before, block = blocks[i - 1], blocks[i]
        if before.kind == "p" and before.quote is None and ANNOUNCES_DOCUMENT.search(before.text) and block.kind == "p" \
                and block.quote is None and block.text[:1] not in _MARKS and len(words(block.text)) < 12:
            for part in blocks[i:]:  # a titled document: its title and its short paragraphs
                if part.kind != "p" or part.quote is not None or len(words(part.text)) >= 60:
                    break
                part.quote = "none"
            continue
        if before.kind == "p" and before.quote is None and _INTRODUCES.search(_last_sentence(before.text)) and block.kind == "p" \
                and block.quote is None and block.text[:1] not in _MARKS and len(words(block.text)) >= 8:
            block.quote = "none"
            for after in blocks[i + 1 :]:
                if after.kind != "p" or after.quote is not None or not _ENTRY.match(after.text):
                    break
                after.quote = "none"


def _last_sentence(text: str) -> str:
    return re.split(r"[.!?][”\"’)]*\s", text)[-1]


def _quoted_paragraphs(blocks: list[Block]) -> None:
    """A long paragraph that is a quotation from its first character to its last ("“We,” said a member…”")."""
    for block in blocks:
        text = block.text
        closing = _MARKS.get(text[:1], ("", ""))[0]
        if block.kind == "p" and block.quote is None and text[:1] in "“«" and text.rstrip(".").endswith(closing) \
                and len(words(text)) >= 30 and text.count(text[0]) == text.count(closing):
            block.quote = "none"


def mark_block_quotes(doc: Document) -> None:
    divisions = (*(d for d in doc.prefaces if d.kind != "contents"), *doc.sections)
    paragraphs = [b for d in divisions for b in d.blocks if b.kind == "p"]
    indented = _indented(doc, paragraphs)
    for division in divisions:
        _marked_runs(division.blocks)
        for block in division.blocks:
            if id(block) in indented and block.quote is None:
                block.quote = "none"
        _capitals(division.blocks)
        _introduced(division.blocks)
        _quoted_paragraphs(division.blocks)
        doc.stats["block quotations"] += sum(
            1 for k, b in enumerate(division.blocks) if b.quote is not None and (k == 0 or division.blocks[k - 1].quote != b.quote))
