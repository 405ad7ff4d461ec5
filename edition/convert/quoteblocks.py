"""Block quotations: documents a text quotes whole, paragraph by paragraph.

These shapes are recognised, all common in printed books and their plain-text
transcriptions:

- a quotation of several paragraphs, each opening with a quote mark and only
  the last one closing (the printers' convention);
- paragraphs between a "/#" line and a "#/" line (some Gutenberg transcriptions);
- paragraphs indented in a text whose own paragraphs are not;
- a proclamation set in capitals (with the short capital lines around it:
  its address, its signature);
- lines of verse: a block of short lines each opening with a capital, worded as
  a sentence, not as a heading or a list (``verse``).

Each block of the quotation gets ``quote`` = the marks' @rend ("" for straight
double quotes, "curly", "guillemets", "guillemets reversed", "markers" for "/#" … "#/") or "none" when it is not marked; the
opening mark of each paragraph (of the first, for "markers") and the closing mark of the last are cut from
the block's text (writers render them; the restore rule is in tei/ENCODING.md).
"""

from __future__ import annotations

import re

from .heads import ANNOUNCES_DOCUMENT, VALEDICTION, all_capitals, is_dateline, is_signature, words
from .model import Block, Document
from .notes import opens_notes

_MARKS = {'"': ('"', ""), "“": ("”", "curly"), "«": ("»", "guillemets"), "»": ("«", "guillemets reversed")}


def _opens(block: Block) -> str | None:
    """The opening mark of a paragraph of a quoted document, if its marks do not balance."""
    mark = block.text[:1]
    if mark not in _MARKS:
        return None
    closing, _ = _MARKS[mark]
    if mark == '"':
        return mark if block.text.count('"') % 2 else None
    return mark if block.text.count(mark) > block.text.count(closing) else None


# A note marker after the quotation's closing mark ('…such an one."[3]'): the quotation's note.
_NOTE_AFTER = re.compile(r"(?:\[\d{1,3}\]|\(\d{1,3}\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")
NOTE_AFTER_MARK = "note-after-mark"  # the token of the quotation's @rend saying so (tei/ENCODING.md)


def _closing_at(block: Block, mark: str) -> int | None:
    """Where the closing mark of a quotation's last paragraph stands: its last character, or the last
    before a note marker; None if the paragraph does not close the quotation."""
    closing, _ = _MARKS[mark]
    text = block.text
    marker = _NOTE_AFTER.search(text)
    at = (marker.start() if marker else len(text)) - 1
    balanced = text.count('"') % 2 == 0 if mark == '"' else text.count(mark) == text.count(closing)
    return at if text.startswith(mark) and text[at] == closing and at > 1 and balanced else None


def _marked_runs(blocks: list[Block]) -> None:
    """Paragraphs each opening with a quote mark that none closes, then one that closes it: the
    opening marks and the last closing mark are cut (the closing mark also when a note marker follows it)."""
    i = 0
    while i < len(blocks):
        mark = _opens(blocks[i]) if blocks[i].kind == "p" else None
        j = i
        while mark and j < len(blocks) and blocks[j].kind == "p" and _opens(blocks[j]) == mark:
            j += 1
        at = _closing_at(blocks[j], mark) if mark and j > i and j < len(blocks) and blocks[j].kind == "p" else None
        if at is None:
            i += 1
            continue
        last = blocks[j].text
        rend = _MARKS[mark][1]
        if at < len(last) - 1:
            rend = f"{rend} {NOTE_AFTER_MARK}".strip()
        # the marker after the mark is one character earlier in the text than in the source: only a
        # warning's column could tell
        blocks[j].text = last[:at] + last[at + 1 :]
        for block in blocks[i : j + 1]:
            block.quote, block.text, block.offset = rend, block.text[1:], block.offset + 1
        i = j + 1


# Some Gutenberg transcriptions set a block quotation off by a line "/#" before it and "#/" after it.
_OPEN_MARKER, _CLOSE_MARKER = "/#", "#/"


def _marker_runs(blocks: list[Block]) -> None:
    """The paragraphs between a "/#" line and the next "#/" line: a quotation (``quote`` = "markers"); the
    marker lines themselves are not kept as blocks (writers set the quotation off; restoring puts them back)."""
    _split_markers(blocks)
    i = 0
    while i < len(blocks):
        end = next((j for j in range(i + 1, len(blocks)) if blocks[j].text == _CLOSE_MARKER), None) \
            if blocks[i].kind == "p" and blocks[i].text == _OPEN_MARKER else None
        inside = blocks[i + 1 : end] if end else []
        if not inside or any(b.kind != "p" or b.text == _OPEN_MARKER for b in inside):
            i += 1
            continue
        for block in inside:
            block.quote = "markers"
        del blocks[end], blocks[i]
        i = end - 1


def _split_markers(blocks: list[Block]) -> None:
    """A "/#" on the first line of a paragraph's block, or "#/" on its last, as a block of its own."""
    for i, block in reversed(list(enumerate(blocks))):
        lines = block.text.split("\n")
        if block.kind != "p" or len(lines) < 2:
            continue
        if lines[-1].strip() == _CLOSE_MARKER:
            rest = block.text[: block.text.rfind("\n")].rstrip()
            blocks.insert(i + 1, Block("p", _CLOSE_MARKER, block.offset + len(block.text) - len(_CLOSE_MARKER)))
            block.text = rest
        if lines[0].strip() == _OPEN_MARKER:
            rest = block.text[len(lines[0]) :].lstrip()
            blocks.insert(i + 1, Block("p", rest, block.offset + len(block.text) - len(rest), lines=block.lines))
            block.text = _OPEN_MARKER


def indent(block: Block, text: str) -> int:
    """The spaces before a block's first line in the source."""
    return block.offset - (text.rfind("\n", 0, block.offset) + 1)


def _indented(doc: Document, paragraphs: list[Block]) -> set[int]:
    """Ids of paragraphs indented in a text whose paragraphs are mostly flush left (not note texts
    indented under their paragraph: notes.py takes those)."""
    text = doc.source.text
    indented = {id(b) for b in paragraphs if not b.indented and indent(b, text) >= 2 and all(
        line[:2].isspace() or not line.strip() for line in b.text.split("\n")[1:]) and not opens_notes(b, text)}
    return indented if len(indented) * 3 < len(paragraphs) else set()


_VERSE_LINE = re.compile(r"[\"“‘'_(]*(?:\.\.\.\s*)?[\"“‘'_]*[A-Z][^\d]*")


def is_verse(block: Block) -> bool:
    """Lines of verse: two or more short lines (kept as lines), each opening with a capital and
    holding three to twelve words, no figures, the last closing a sentence; worded as sentences,
    not as a heading, list or address (few capitals inside the lines)."""
    lines = [line.strip() for line in block.text.split("\n")]
    if not block.lines or len(lines) < 2 or all_capitals(block.text) or not re.search(r"[.!?][\"”’'_)]*$", block.text):
        return False
    inner = [w for line in lines for w in line.split()[1:] if w[:1].isalpha()]
    return all(_VERSE_LINE.fullmatch(line) and 3 <= len(line.split()) <= 12 for line in lines) \
        and sum(w[0].isupper() for w in inner) * 4 <= len(inner)


def verse_shaped(block: Block) -> bool:
    """Two or more lines nearly all opening with a capital (nine in ten): verse set line by line,
    whatever the text's width.  Wrapped prose opens a line with a capital only where a sentence or
    a name begins; in a book of verse the lines are the text's width, so ``lines`` cannot tell."""
    lines = [line.strip().lstrip(_OPENERS) for line in block.text.split("\n") if line.strip()]
    return len(lines) >= 2 and sum(line[:1].isupper() for line in lines) * 10 >= len(lines) * 9 and not all_capitals(block.text)


_OPENERS = "\"“‘'_(«»„-—"


def book_of_verse(blocks: list[Block]) -> bool:
    """Verse-shaped blocks hold most of the text's characters (a collection of poems, a play in verse)."""
    paragraphs = [b for b in blocks if b.kind == "p"]
    return sum(len(b.text) for b in paragraphs if verse_shaped(b)) * 2 > sum(len(b.text) for b in paragraphs)


def _verse(blocks: list[Block], quoted: bool) -> None:
    """Verse in a prose text is quoted (``quote``/``lg``); in a book of verse it is the text (``lg``),
    every block of lines shaped as verse, also a stanza whose sentence runs on into the next (",") and
    the single line closing a canto after a stanza."""
    for k, block in enumerate(blocks):
        stanza = block.lines and verse_shaped(block) or "\n" not in block.text and k > 0 and blocks[k - 1].verse
        if block.kind == "p" and block.quote is None and (is_verse(block) or not quoted and stanza):
            block.quote, block.verse = ("none" if quoted else None), True


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
# The end of a paragraph after which a document is read out or posted: "…to read us the latest
# bulletins.", "…posted the following proclamations."  A verb of reading or posting, then the
# documents as the sentence's last words.
_READ_OUT = re.compile(r"\b(?:read|reads|reading|posted|pasted|handed|received|showed|brought)\b[^.!?:]*\b"
                       r"(?:the|these|its|their|his|her|our)\s+(?:(?:latest|last|new|following|first|official)\s+)?"
                       r"(?:bulletins|telegrams|despatches|dispatches|news|proclamations|communiqués|decrees|orders|"
                       r"resolutions|reports)[.:]$")
_ENTRY = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?: ")  # "Tseretelli: disarmed the workmen…"


def _introduced(blocks: list[Block], source: str) -> None:
    """A document the text introduces: after a short sentence ending with a colon ("…passed a
    resolution which began as follows:", "_Dielo Naroda_ said:"), after a paragraph announcing "the
    following document" or ending as documents are read out ("…read us the latest bulletins."), or opening with an address ("Citizens!", "TO THE PILLORY!") or a line in
    capitals.  It runs over the paragraphs that read as a document (see ``_document_like``).  Note texts
    whose markers the text has ("[2] PARIS AND THE SOCIAL REVOLUTION.") are neither, though in capitals."""
    for i, block in enumerate(blocks):
        if block.kind != "p" or block.quote is not None or opens_notes(block, source):
            continue
        before = blocks[i - 1] if i else None
        plain_before = before is not None and before.kind == "p" and before.quote is None
        announced = plain_before and bool(ANNOUNCES_DOCUMENT.search(before.text) or _READ_OUT.search(_last_sentence(before.text)))
        introduced = plain_before and (_INTRODUCES.search(_last_sentence(before.text)) or before.text.endswith(":")
                                       and len(words(_last_sentence(before.text))) <= 20)
        opens = _ADDRESS.fullmatch(block.text) or all_capitals(block.text) and len(words(block.text)) >= 3
        if not (opens or announced or introduced and len(words(block.text)) >= 8 and block.text[:2] != "--"):
            continue
        block.quote = "none"
        previous = block
        for after in blocks[i + 1 :]:
            # what follows its title or address lines ("To the Population…!", "Comrades…!") is its text
            heading = len(words(previous.text)) < 12 and (previous is block or previous.text.endswith("!"))
            if after.kind != "p" or after.quote is not None or _resumes(after.text) or opens_notes(after, source) or not (
                    heading or _document_like(previous, after)):
                break  # a note's text ("[Footnote 1: …]" after a letter's signature) is no part of the document
            after.quote, previous = "none", after


def _resumes(text: str) -> bool:
    """The narrative resumes after a document: a line of dialogue ("--Dans la pratique aussi…"), or the
    narrator's "we" or "I" with a verb in the past tense among the first words ("As we left the Duma…")."""
    return text.startswith(("--", "—", "–")) or _NARRATES.match(text) is not None


_NARRATES = re.compile(r"(?:\S+\s+){0,4}(?:we|I)\s+(?:\w+ed|went|came|left|saw|found|got|met|heard|took|made|ran|"
                       r"sat|stood|told|said|was|were|had|could|did|knew|thought|felt|drove|rode|walked)\b")
_ADDRESS = re.compile(r"[A-Z][^.?!\n]{0,60}!")  # "Citizens!", "To the Population of Petrograd!"
_ITEM = re.compile(r"(?:\d{1,2}|[a-z])[.)]\s")


def _document_like(previous: Block, block: Block) -> bool:
    """Whether ``block`` goes on the document ``previous`` belongs to: an elided paragraph ("…."),
    an exclamation, capitals, a numbered item, an italic line, a signature, the entries of a
    list ("Name: …"), or what a line of the document ending with a colon announces."""
    text = block.text
    return (previous.text.endswith(":") or text.endswith(("....", "!", "!..."))
            or all_capitals(text) or bool(_ITEM.match(text)) or _ENTRY.match(text) is not None
            or (text.startswith("_") and text.endswith(("_", "_.", ",_")) and len(words(text)) < 25)
            or len(words(text)) <= 6 and text.endswith("."))


def _last_sentence(text: str) -> str:
    return re.split(r"[.!?][”\"’)]*\s", text)[-1]


def _quoted_paragraphs(blocks: list[Block]) -> None:
    """A long paragraph that is a quotation from its first character to its last ("“We,” said a member…”",
    or in straight quotes with no other double quote inside, opening a sentence: "Property is the one
    social question. …"; not "its practical execution…", the end of the sentence before it)."""
    for block in blocks:
        text = block.text
        closing = _MARKS.get(text[:1], ("", ""))[0]
        balanced = text.count('"') == 2 and text[1:2].isupper() if text[:1] == '"' else text.count(text[:1]) == text.count(closing)
        if block.kind == "p" and block.quote is None and text[:1] in "“«\"" and text.rstrip(".").endswith(closing) \
                and len(words(text)) >= 30 and balanced:
            block.quote = "none"


_EXTRACT = re.compile(r"[^\n]*\b(?:the following|as follows|these words|thus)\s*:[ \t]*\n")


def _split_extracts(blocks: list[Block]) -> None:
    """"…we extract the following:" on the first line of the quoted text's block: two blocks."""
    for i, block in reversed(list(enumerate(blocks))):
        m = _EXTRACT.match(block.text) if block.kind == "p" and block.quote is None else None
        if m and len(words(m.group())) <= 20:
            rest = Block("p", block.text[m.end() :].lstrip(), 0, lines=block.lines)
            rest.offset = block.offset + len(block.text) - len(rest.text)
            block.text = block.text[: m.end()].rstrip()
            blocks.insert(i + 1, rest)


_LETTER_HEADING = 12  # most paragraphs from a letter's dateline to its valediction


def _letters(blocks: list[Block]) -> None:
    """A letter the text gives whole: from the lines of its address ending with commas ("Gray Gables,
    Buzzard's Bay, Mass.,") and its dateline ("October 6, 1895."), to its valediction ("Yours very
    truly,") and the signature under it ("Grover Cleveland."): Up from Slavery, Gutenberg #2376."""
    for k in range(len(blocks) - 1):
        if not (_plain(blocks[k]) and _plain(blocks[k + 1]) and VALEDICTION.fullmatch(blocks[k].text)
                and is_signature(blocks[k + 1].text)):
            continue
        dated = None
        for d in range(k - 1, max(-1, k - 1 - _LETTER_HEADING), -1):
            if not _plain(blocks[d]):
                break
            if is_dateline(blocks[d].text):
                dated = d
                break
        if dated is None:
            continue
        start = dated
        while start > 0 and _plain(blocks[start - 1]) and "\n" not in blocks[start - 1].text and blocks[start - 1].text.endswith(",") \
                and len(blocks[start - 1].text) <= 60:
            start -= 1
        for block in blocks[start : k + 2]:
            block.quote = "none"


def _plain(block: Block) -> bool:
    """A paragraph not yet in a quotation."""
    return block.kind == "p" and block.quote is None


def mark_block_quotes(doc: Document) -> None:
    divisions = (*(d for d in doc.prefaces if d.kind not in ("contents", "dedication")), *doc.sections)
    paragraphs = [b for d in divisions for b in d.blocks if b.kind == "p"]
    indented = _indented(doc, paragraphs)
    for division in divisions:
        _split_extracts(division.blocks)
        _marker_runs(division.blocks)
        _marked_runs(division.blocks)
        for block in division.blocks:
            if id(block) in indented and block.quote is None:
                block.quote = "none"
        _verse(division.blocks, quoted=not doc.verse)
        if not doc.verse:  # documents read out in prose; a book of verse is read as verse
            _letters(division.blocks)
            _capitals(division.blocks)
            _introduced(division.blocks, doc.source.text)
            _quoted_paragraphs(division.blocks)
        doc.stats["block quotations"] += sum(
            1 for k, b in enumerate(division.blocks) if b.quote is not None and (k == 0 or division.blocks[k - 1].quote != b.quote))
