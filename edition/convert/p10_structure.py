"""Pass 10: blocks → title, bylines, prefaces, contents, sections with heads, paragraphs, closers.

Blocks are separated by blank lines (a hard-wrapped paragraph is one block).
The first block is the title (or, after an author's name or a series line, the second); bylines
("by …", "Translated by …") and a date follow.  Heads are recognised by their
shape (heads.py): a label and the title after it make one head, a head must be
followed by text, the title repeated before the text is front matter, a
heading "Preface" / "Contents" / "Notes" opens a division of that kind.  A
signature, valediction and dateline ending a division are its closer; ``*``
breaks divide a text without heads; documents quoted whole are marked by
quoteblocks.py.  ``[structure]`` in edition.toml forces roles, overrides heads
(``heads``, ``not_heads``, ``head_patterns``, ``not_head_patterns``) and
declares run-together enumerations (``[[structure.lists]]``).
"""

from __future__ import annotations

import re

from ..errors import EditionError
from ..gutenberg import edition_span, header_fields
from . import drama
from .heads import (ANNOUNCES_DOCUMENT, BACK_MATTER, BREAK, BYLINE, CONTENTS, DEDICATION, DOC_DATE, ENDS_THE_TEXT, FIGURE, FINAL_ASIDE,
                    LABELLED_TITLE, MONTH_YEAR, NOTES, NUMBERED, PART_LABEL, PREFACE, TRANSCRIBERS_NOTE, VALEDICTION,
                    all_capitals, first_part, full_stop, head_shape, is_argument, is_credited_signature, is_dateline, is_label, is_salute,
                    is_signature, is_source_statement, is_summary, is_title_case, opens_with_label, part_unit, signed_then_dated, title_line)
from .model import Annotation, Block, Document, Section, Source
from .notes import closing_notes, starts_note_text
from .quoteblocks import book_of_verse, indent, is_verse, mark_block_quotes, verse_shaped
from .settings import ListRule, Structure

_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
# An item boundary of a run-together list: sentence end directly followed by a capital.
_RUN_TOGETHER = re.compile(r"(?<=[.!?:)])(?=[A-Z])")


def split_blocks(source: Source) -> list[Block]:
    """Blank-line separated blocks, stripped, each knowing its source offset; a Project
    Gutenberg file's header and licence are left out (gutenberg.py); in a text that marks
    paragraphs by indentation alone, a block of them is split into them (``indented_paragraphs``)."""
    blocks, (pos, stop) = [], edition_span(source.text)
    for gap in [*_BLANK_LINES.finditer(source.text, pos, stop), None]:
        end = gap.start() if gap else stop
        raw = source.text[pos:end]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            blocks.append(Block("p", raw.strip(), pos + lead))
        pos = gap.end() if gap else end
    split = [indented_paragraphs(block) for block in blocks]
    if sum(len(parts) - 1 for parts in split) < _INDENTED_TEXT:
        return blocks  # an indented line or two: a quotation or a verse inside a paragraph, not the text's way
    return [part for parts in split for part in parts]


_INDENTED_TEXT = 3  # paragraphs a text must begin by indentation alone before any is split

# "## February 1844": a heading of a web page saved as Markdown (closing hashes are not read).
_ATX = re.compile(r"(#{1,6})[ \t]+(\S[^\n]*)")


def _markdown_heads(blocks: list[Block], text: str) -> None:
    """A Markdown heading is a heading whatever its words; its marks are not stored (``@rend``
    "markdown2" gives back "## "), so the title page, the heads and the writers see its words.  It
    starts its line ("   # mount /dev/cdrom", indented, is a command at a root prompt)."""
    for block in blocks:
        m = _ATX.fullmatch(block.text)
        if m and not indent(block, text):
            block.kind, block.text, block.offset = "head", m.group(2).rstrip(), block.offset + m.start(2)
            block.attrs = {"rend": f"markdown{len(m.group(1))}"}


def _markdown(block: Block) -> bool:
    return block.attrs.get("rend", "").startswith("markdown")


# A paragraph's first line indented by one to eight spaces or a tab; its wrapped lines flush left.
_PARAGRAPH_START = re.compile(r"\n(?:[ ]{1,8}|\t)(?=\S)")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’»)\]]*$|[\"”’»]$|--$|—$")


def indented_paragraphs(block: Block) -> list[Block]:
    """The paragraphs of a block that marks them by indenting their first line only, with no blank
    line between them.  Only wrapped prose is split: every line other than a paragraph's first is
    flush left, the line before each indented one ends a sentence, and most paragraphs run over
    more than one line (verse, addresses and indented quotations are left whole)."""
    starts = list(_PARAGRAPH_START.finditer(block.text))
    if not starts:
        return [block]
    cuts = [0] + [m.end() for m in starts]
    parts = [block.text[a:b].rstrip() for a, b in zip(cuts, [m.start() for m in starts] + [len(block.text)])]
    wrapped = sum("\n" in part for part in parts)
    flush = all(not line[:1].isspace() for part in parts for line in part.split("\n")[1:])
    ended = all(_ENDS_SENTENCE.search(part) for part in parts[:-1])
    if not (flush and ended and wrapped * 2 >= len(parts)):
        return [block]
    return [Block("p", part, block.offset + cut, indented=True) for cut, part in zip(cuts, parts)]


def wrap_width(source: Source) -> int:
    """The width the text is wrapped at: the 90th percentile of its line lengths."""
    lengths = sorted(len(line.rstrip()) for line in source.text.split("\n") if line.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def is_lines(block: Block, width: int) -> bool:
    """Short lines kept as lines (an address, a signature, a contents list), not wrapped prose."""
    lines = block.text.split("\n")
    if len(lines) < 2:
        return False
    full = sorted(len(line.rstrip()) for line in lines[:-1])
    return full[len(full) // 2] < 0.6 * width


def is_head(block: Block, rules: Structure) -> bool:
    return head_shape(block.text, rules) is not None


def build_document(source: Source, rules: Structure) -> Document:
    blocks = split_blocks(source)
    width = wrap_width(source)
    _markdown_heads(blocks, source.text)
    verse = book_of_verse(blocks)
    for block in blocks:
        block.lines = is_lines(block, width) or verse and verse_shaped(block)
    note = _leading_note(blocks, rules)
    frontispiece = []  # "[Illustration]" over the title: a figure, not the title
    while len(blocks) > 1 and FIGURE.fullmatch(blocks[0].text):
        frontispiece.append(blocks.pop(0))
    doc = _title_page(source, blocks, rules)
    dedication = _dedication(blocks)
    blocks[:0] = frontispiece
    doc.verse = verse
    _figures(doc, blocks)
    _contents(blocks, rules)
    blocks[:] = [part for block in blocks for part in _breaks(block, source)]
    trailer, doc.back = _back_matter(blocks)
    doc.stats["back matter"] = len(doc.back)
    if rules.closer and len(blocks) > 1 and is_head(blocks[-1], rules):
        blocks[-1].kind = "signed"
    drama.mark_play(doc, blocks, rules)
    doc.summarised = _summarised(blocks)
    _sections(doc, blocks, rules)
    if doc.play:
        drama.front_cast(doc)
    _nest(doc)
    _enumerated_levels(doc)
    _clauses(doc)
    _arguments(doc)
    for section in doc.sections:
        _opener(section)
    book = source.text[slice(*edition_span(source.text))]
    for section in (*doc.prefaces, *doc.sections):  # notes closing the text: the last section's, with no Notes head
        _closer(section, book if doc.sections and section is doc.sections[-1] and not doc.notes else "")
    if not doc.sections and not doc.prefaces:
        raise EditionError("no text after the title and byline: nothing to put in the TEI body", source.path)
    if not doc.sections:  # a text without heads: its paragraphs are the body, not a preface
        doc.sections.append(doc.prefaces.pop())
        doc.sections[0].kind = "section"
    if dedication:
        doc.prefaces.insert(0, dedication)
    if note:
        doc.prefaces.insert(0, note)
    (doc.sections or doc.prefaces)[-1].trailer = trailer
    _back_divisions(doc)
    mark_block_quotes(doc)
    _count(doc, blocks)
    _number(doc)
    for rule in rules.lists:
        _mark_list(doc, rule)
    return doc


# A publisher's list of books after the text: "PUBLISHED BY", "Crown 8vo, cloth, … price 6s. net".
_ADVERTISES = re.compile(r"\bpublished\s+by\b|\bprice\b|\b(?:4|8|12|16)(?:vo|mo)\b|\bpost\s+free\b", re.I)


def _back_matter(blocks: list[Block]) -> tuple[Block | None, list[Section]]:
    """ "THE END." is the text's trailer; what follows it, publishers' advertisements and a transcriber's
    note, is back matter (``div type="advertisement"``, ``"transcriber-note"``), not sections of the text.
    The author's matter after it (an appendix, a postscript: no publisher's cue) stays the text's, in
    divisions of its own after the one "THE END." closes (its ``trailer``, left among the blocks)."""
    end = next((i for i in range(len(blocks) - 1, 0, -1)
                if blocks[i].kind == "p" and ENDS_THE_TEXT.fullmatch(blocks[i].text.strip())), None)
    if end is None:
        return None, []
    after = blocks[end + 1 :]
    cut = next((k for k, block in enumerate(after) if TRANSCRIBERS_NOTE.match(block.text)), len(after))
    adverts, note = after[:cut], after[cut:]
    authors = adverts and not any(_ADVERTISES.search(block.text) for block in adverts)
    if authors:
        adverts = []
    back = [Section(0, "", None, blocks=part, kind=kind)
            for part, kind in ((adverts, "advertisement"), (note, "transcriber-note")) if part]
    if authors:
        _role(blocks[end], "trailer", "trailer")
        del blocks[end + 1 + cut :]
        return None, back
    trailer = _role(blocks[end], "trailer", "")
    del blocks[end:]
    return trailer, back


def _count(doc: Document, blocks: list[Block]) -> None:
    """What the header declares of the divisions (p60_header)."""
    doc.stats["section breaks"] = sum(b.kind == "break" for b in blocks)
    doc.stats["contents"] = sum(s.kind == "contents" for s in doc.prefaces)
    doc.stats["openers"] = sum(bool(s.opener) for s in doc.sections)
    doc.stats["datelines and salutes"] = sum(b.kind in ("dateline", "salute") for s in (*doc.prefaces, *doc.sections) for b in s.closer)
    doc.stats["repeated title"] = int(doc.repeated_title is not None)
    doc.stats["supplied title"] = int(not doc.title.text)
    doc.stats["series"] = int(doc.series is not None)
    doc.stats["source statement"] = sum(is_source_statement(block.text) for block in doc.imprint)


_LONGEST_DEDICATION = 12  # lines


def _dedication(blocks: list[Block]) -> Section | None:
    """The block right under the title page dedicating the book ("This volume is dedicated to my Wife /
    …"), text following it: front matter (``div type="dedication"``), not the text's first section."""
    if len(blocks) < 2 or blocks[0].kind != "p" or not DEDICATION.match(blocks[0].text) \
            or blocks[0].text.count("\n") >= _LONGEST_DEDICATION:
        return None
    return Section(0, "", None, blocks=[blocks.pop(0)], kind="dedication")


def _subtitle(block: Block, following: Block, rules: Structure) -> bool:
    """A line under the title shaped as a heading, not a label, with the byline right under it."""
    return block.kind == "p" and "\n" not in block.text and not is_label(block.text) and head_shape(block.text, rules) is not None \
        and following.kind == "p" and bool(BYLINE.match(following.text)) and len(following.text) <= 100 and not is_source_statement(following.text)


def _paragraph_first(blocks: list[Block]) -> bool:
    """A text that opens with its prose, with no title: one block only, or a first block of some
    hundred characters, not in capitals, ending a sentence (a title is short; a long one does not
    end with a full stop)."""
    first = blocks[0].text.strip() if blocks else ""
    return len(blocks) == 1 or (len(first) > _LONGEST_TITLE and not all_capitals(first) and bool(_ENDS_SENTENCE.search(first)))


_LONGEST_TITLE = 200  # characters: a title with its subtitle on a title page is shorter


_LONGEST_NOTE = 12  # blocks of a transcriber's note before the title page


def _leading_note(blocks: list[Block], rules: Structure) -> Section | None:
    """A transcriber's note opening the file, before the title page ("NOTA DE TRANSCRIPCIÓN" and its
    items, "Transcriber's Note: …"): front matter about the file, not the title; it runs up to the
    first block shaped as a heading (the title).  ``blocks`` keeps the rest."""
    if not blocks or not TRANSCRIBERS_NOTE.match(blocks[0].text):
        return None
    end = next((k for k in range(1, min(len(blocks), _LONGEST_NOTE + 1)) if head_shape(blocks[k].text, rules)), None)
    if end is None or end == len(blocks) - 1:
        return None
    head = blocks[0] if head_shape(blocks[0].text, rules) or TRANSCRIBERS_NOTE.fullmatch(blocks[0].text.strip().rstrip(":.")) \
        else None
    if head is not None:
        head.kind = "head"
    note = Section(0, "", head, blocks=blocks[1 if head else 0 : end], kind="transcriber-note")
    del blocks[:end]
    return note


def _title_page(source: Source, blocks: list[Block], rules: Structure) -> Document:
    """Take the title, the bylines and a date from the first blocks (``blocks`` keeps the rest)."""
    first_head = rules.title and not rules.byline and blocks and (
        _marked_heading(blocks[0]) or is_label(blocks[0].text.split("\n")[0]))  # "Chapter VII": no title page
    title = blocks.pop(0) if rules.title and not first_head and not _paragraph_first(blocks) else Block("title", "", 0)
    while title.text and blocks and _ENDS_UNFINISHED.search(title.text) and "\n" not in blocks[0].text and len(blocks[0].text) <= 80:
        title = _merge(title, blocks.pop(0), source)  # "THE AUTOBIOGRAPHY OF" / "BENJAMIN FRANKLIN"
    doc = Document(source, title)
    if first_head:
        blocks[0].kind, blocks[0].lines = "head", "\n" in blocks[0].text
    if title.text and not rules.byline and blocks and _name_above_title(title, blocks[0], rules):
        doc.bylines.append(_role(title, "byline", "byline"))
        doc.title = blocks.pop(0)
    elif title.text and not rules.byline and _series_above_title(title, blocks, rules):
        dated = _author_and_date(title)
        if dated:  # "Paul Lafargue September 1897" / "Socialism in France 1874-1896" / "Source: …"
            doc.bylines.append(dated[0])
            doc.date = dated[1]
        else:
            doc.series = _role(title, "title", "")
        doc.title = blocks.pop(0)
    if doc.title.text and len(blocks) > 1 and _subtitle(blocks[0], blocks[1], rules):
        doc.title = _merge(doc.title, blocks.pop(0), source)  # "A TALE OF TWO CITIES" / "A STORY OF THE …" / "By …"
    doc.title.kind = "title"
    if doc.title.text and len(blocks) > 1 and _volume_of_title(blocks[0], blocks[1]):
        doc.volume = _role(blocks.pop(0), "title", "")
    byline = _byline_in_title(doc.title, source)
    if byline:
        doc.bylines.append(_role(byline, "byline", "byline"))
    if blocks and DOC_DATE.fullmatch(blocks[0].text):
        doc.date = blocks.pop(0)
    if rules.byline and blocks:
        doc.bylines.append(_role(blocks.pop(0), "byline", "byline"))
    while blocks and BYLINE.match(blocks[0].text) and len(blocks[0].text) <= 200 and not is_source_statement(blocks[0].text):
        byline = blocks.pop(0)
        if BYLINE.fullmatch(byline.text) and blocks and is_signature(blocks[0].text):
            byline = _merge(byline, blocks.pop(0), source)  # "VON" / "FRANZ KAFKA", a blank line between
        doc.bylines.append(_role(byline, "byline", f"byline{len(doc.bylines) + 1}" if doc.bylines else "byline"))
    if doc.date is None and doc.bylines and blocks and DOC_DATE.fullmatch(blocks[0].text):
        doc.date = blocks.pop(0)  # "THE RISE OF THE DUTCH REPUBLIC" / "By John Lothrop Motley" / "1855"
    if blocks and is_source_statement(blocks[0].text):  # "Written: …" is a field of it, not a byline
        doc.imprint.append(_role(blocks.pop(0), "imprint", "imprint"))
        doc.imprint[-1].lines = True
    while doc.title.text and len(blocks) > 1 and (_imprint(blocks[0]) and (_names_printer(blocks[0]) or _names_printer(blocks[1]))
                                                  or _starred_imprint(blocks)):
        if BREAK.fullmatch(blocks[0].text):  # "* * * * *" over "BRISTOL / J. W. ARROWSMITH, PRINTER": the imprint's
            blocks[:2] = [_merge(blocks[0], blocks[1], source)]
        doc.imprint.append(_role(blocks.pop(0), "imprint", f"imprint{len(doc.imprint) + 1}"))
    if doc.title.text and len(blocks) > 1 and _half_title(blocks[0], doc.title) and is_label(blocks[1].text.split("\n")[0]):
        doc.repeated_title = _role(blocks.pop(0), "title", "")  # "HISTORY OF ENGLAND." over "CHAPTER I."
    return doc


# The volume a file holds, under the title: "VOLUME 1 (of 5)", "Vol. II".
_VOLUME_LABEL = re.compile(r"(?:volume|vol\.)\s+(?:\d{1,3}|[ivxlc]{1,6})\.?(\s+\(of\s+(?:\d{1,3}|[ivxlc]{1,6})\))?", re.I)


def _volume_of_title(block: Block, following: Block) -> bool:
    """A volume's label under the title names the file's volume, not a division of it, when it counts the
    volumes ("(of 5)") or the byline follows it (the title page goes on)."""
    m = _VOLUME_LABEL.fullmatch(" ".join(block.text.split()))
    return bool(m) and bool(m.group(1) or BYLINE.match(following.text))


def _half_title(block: Block, title: Block) -> bool:
    """The title's first words again on one line before the text ("HISTORY OF ENGLAND." under "THE HISTORY
    OF ENGLAND FROM THE ACCESSION OF JAMES II,"): the half-title, no head."""
    def words(text: str) -> list[str]:
        found = re.findall(r"\w+", text.lower())
        return found[1:] if found[:1] in (["the"], ["a"], ["an"]) else found
    short, full = words(block.text), words(title.text)
    return "\n" not in block.text and 2 <= len(short) < len(full) and full[: len(short)] == short


# A title's line ending in a word that cannot end it: the title goes on in the next block.
_ENDS_UNFINISHED = re.compile(r"\b(?:of|the|a|an|and|to|for|in|on|with|from|by)$", re.I)


# A title page's imprint: short lines in capitals naming a publisher, printer, place or year
# ("EMBERLIN AND SON / 4, MAGDALEN STREET / OXFORD", "K U R T  W O L F F  V E R L A G", "FIRST PUBLISHED 1890.").
_IMPRINT = re.compile(r"VERLAG|PUBLISHED|PUBLISHERS?\b|PRINTED|PRINTERS?\b|PRESS\b|COPYRIGHT|EDITION|\bSONS?\b|&\s*CO\b|"
                      r"\bLTD\b|LONDON|NEWYORK|LEIPZIG|BERLIN|PARIS|OXFORD|BOSTON|ILLUSTRATIONS|\b1[5-9]\d\d\b|"
                      r"^M[DCLXVI]{3,}\.?$|ÉDITEUR|LIBRAIRIE|DRUCK")


def _starred_imprint(blocks: list[Block]) -> bool:
    """A row of stars on the title page over a printer's imprint."""
    return len(blocks) > 2 and bool(BREAK.fullmatch(blocks[0].text)) and _imprint(blocks[1]) and _names_printer(blocks[1])


# The same in title case, where only a publisher's or an edition's word says it ("First American Edition",
# "Mother Earth Publishing Association / 20 East 125th Street / New York City").
_IMPRINT_TITLE_CASE = re.compile(r"\b(?:edition|publish(?:ed|ing|ers?)|press|printed|printers?|verlag|\w+ street)\b", re.I)


def _names_printer(block: Block) -> bool:
    """An imprint's cue in the block, its letter-spaced capitals joined ("K U R T  W O L F F  V E R L A G")."""
    return bool(_IMPRINT.search(block.text) or _IMPRINT.search(re.sub(r"\s", "", block.text))) or _title_case_imprint(block)


def _title_case_imprint(block: Block) -> bool:
    return all(is_title_case(line) for line in block.text.split("\n")) and bool(_IMPRINT_TITLE_CASE.search(block.text))


def _imprint(block: Block) -> bool:
    lines = block.text.split("\n")
    return block.kind == "p" and (all_capitals(block.text) or _title_case_imprint(block)) and len(lines) <= 5 \
        and all(len(line.strip()) <= 80 for line in lines) \
        and not is_label(lines[0].strip()) and not CONTENTS.fullmatch(block.text.strip()) and not PREFACE.fullmatch(block.text.strip())


def _byline_in_title(title: Block, source: Source) -> Block | None:
    """ "SECOND TREATISE OF GOVERNMENT by JOHN LOCKE": the byline cut off a one-line title, when the
    name after "by" is the author a Project Gutenberg header names (a title may say "by" otherwise)."""
    author = header_fields(source.text).get("author", "")
    m = re.fullmatch(r"(.+?)\s+((?:by|BY|By)\s+(.+))", title.text)
    if not m or not author or "\n" in title.text or " ".join(m.group(3).split()).casefold() != author.casefold():
        return None
    title.text = m.group(1)
    return Block("byline", m.group(2), title.offset + m.start(2))


def _breaks(block: Block, source: Source) -> list[Block]:
    """A section break on its own ("* * *"), or opening a paragraph ("* In 1836…") in a text that
    has no "*" note markers."""
    if BREAK.fullmatch(block.text):
        block.kind = "break"
        return [block]
    m = re.match(r"\*[ \t]+(?=\w)", block.text)
    if block.kind != "p" or not m or re.search(r"\S\*(?=[\s.,;:]|$)", source.text):
        return [block]
    rest = Block("p", block.text[m.end() :], block.offset + m.end(), lines=block.lines)
    return [Block("break", "*", block.offset), rest]


def _marked_heading(block: Block) -> bool:
    """A first line carrying a note marker ("RECEPTION SPEECH [10]. At Finsbury…") heads the text:
    a title page has no notes."""
    return block.text.count("\n") < 2 and len(block.text) <= 200 and bool(re.search(r"\[\d{1,3}\]|\(\d{1,2}\)", block.text))


def _name_above_title(first: Block, second: Block, rules: Structure) -> bool:
    """"Jules Verne" / "LE TOUR DU MONDE…": an author's name, then the title."""
    return _personal_name(first.text) and head_shape(second.text, rules) is not None \
        and not is_label(second.text.split("\n")[0]) and not CONTENTS.fullmatch(" ".join(second.text.split()))


def _author_and_date(block: Block) -> tuple[Block, Block] | None:
    """"Paul Lafargue September 1897": the author's name and the month the text is dated, on one line."""
    m = re.fullmatch(rf"(.+?)\s+({MONTH_YEAR.pattern})", block.text)
    if not m or not _personal_name(m.group(1)):
        return None
    return _role(Block("byline", m.group(1), block.offset), "byline", "byline"), Block("date", m.group(2), block.offset + m.start(2))


def _personal_name(text: str) -> bool:
    names = text.split()
    return is_signature(text) and not any(ch.isdigit() for ch in text) and 2 <= len(names) <= 4 \
        and not {w.lower() for w in names} & _NOT_IN_NAMES


def _series_above_title(first: Block, blocks: list[Block], rules: Structure) -> bool:
    """"Works of Frederick Engels 1877" / "Karl Marx" / "Written: …" "Source: …": the first line
    names the series, the second is the title, since a source statement follows them; or the first
    line names a volume ("MOTLEY'S HISTORY OF THE NETHERLANDS, … Vol. 30" / "THE RISE OF …")."""
    if len(blocks) < 2 or is_label(blocks[0].text.split("\n")[0]):
        return False
    title = head_shape(blocks[0].text, rules) is not None
    if is_source_statement(blocks[1].text):
        return title
    return "\n" not in first.text + blocks[0].text and bool(_VOLUME.search(first.text)) and (title or all_capitals(blocks[0].text))


_VOLUME = re.compile(r"\b(?:Vol|Volume|Band|Tome)\.?\s+(?:\d{1,3}|[IVXLC]{1,6})\.?$", re.I)


_NOT_IN_NAMES = {"the", "a", "an", "of", "on", "in", "to", "and", "le", "la", "les", "der", "die", "das", "und", "des"}


# A contents entry's page number ("_How to begin a Letter_      9") or its paragraphs ("1. Introduction   1-30"),
# the column's head ("PAGE.", "Paragraph.") alone or closing the first entry's line.
_ENTRY_PAGE = re.compile(r"[ \t.]+\d{1,4}(?:[-–]\d{1,4})?$|[ \t]{2,}(?:page|pages|paragraphs?)\.?$", re.I)
_PAGE_COLUMN = re.compile(r"(?:page|pages|seite|p|paragraphs?)\.?", re.I)
# "(_a_) Close order": a lettered entry under a numbered one.
_SUB_ENTRY = re.compile(r"\(_?[a-z]_?\)\s+")


def _contents(blocks: list[Block], rules: Structure) -> None:
    """A table of contents: its head, then entries shaped like heads (with their page numbers, when the
    first has one), up to the first chapter's label."""
    for i, block in enumerate(blocks):
        if block.kind == "p" and CONTENTS.fullmatch(" ".join(block.text.split())):
            block.kind, paged, first = "head", None, None
            for j, entry in enumerate(blocks[i + 1 :], i + 1):
                if entry.kind == "p" and _PAGE_COLUMN.fullmatch(entry.text.strip()):
                    entry.kind = "entry"
                    continue
                lines = [line.strip() for line in entry.text.split("\n") if line.strip()]
                if first is not None and _plain(lines[0]) == first:
                    break  # the text begins: its first head is the first entry ("Book the First--Recalled to Life")
                title = _ENTRY_PAGE.sub("", entry.text.strip()).strip("_* ")
                paged = bool(_ENTRY_PAGE.search(entry.text.strip())) if paged is None else paged
                numbered = re.match(r"(?:[IVXLCDM]+|\d+)\.?\s+\S", entry.text) and len(entry.text) < 300
                listed = len(lines) > 1 and all(_entry_line(line, rules) for line in lines)  # entries one a line
                group = j + 1 < len(blocks) and _paged_list(blocks[j + 1], rules)  # "PART II--_Combat._" over its entries
                if entry.kind != "p" or not listed and (is_label(entry.text.strip()) or not (numbered or _entry_line(title, rules))
                                                        or paged and not _ENTRY_PAGE.search(entry.text.strip()) and not group):
                    break
                entry.kind, first = "entry", first or _plain(lines[0])
            return


def _paged_list(block: Block, rules: Structure) -> bool:
    """Entries one a line, most with their pages or paragraphs ("1. Introduction   350-357")."""
    lines = [line.strip() for line in block.text.split("\n") if line.strip()]
    return block.kind == "p" and len(lines) > 1 and all(_entry_line(line, rules) for line in lines) \
        and sum(bool(_ENTRY_PAGE.search(line)) for line in lines) * 2 > len(lines)


def _entry_line(line: str, rules: Structure) -> bool:
    """One line of a contents list: a label, a numbered title or a heading, with its page or not
    ("Chapter I      The Period", "Book the Second--the Golden Thread", "The Lamb   6"), or a lettered
    entry under one ("(_a_) Bugle calls.")."""
    if _SUB_ENTRY.match(line):
        return True
    title = _SUB_ENTRY.sub("", _ENTRY_PAGE.sub("", line), count=1).strip("_* ")
    return bool(title) and (is_label(title) or bool(NUMBERED.match(title)) or bool(part_unit(title))
                            or head_shape(title, rules) is not None)


def _role(block: Block, kind: str, xml_id: str) -> Block:
    block.kind, block.xml_id = kind, xml_id
    return block


def _figures(doc: Document, blocks: list[Block]) -> None:
    """``[Illustration: …]`` on its own: a figure whose description is the bracketed text."""
    for block in blocks:
        if FIGURE.fullmatch(block.text):
            block.kind, block.text, block.offset = "figure", block.text[1:-1], block.offset + 1
            doc.stats["figures"] += 1




def _merge(first: Block, last: Block, source: Source) -> Block:
    """One block from ``first`` to ``last`` (a heading set on two blocks: "Chapter IV", "The Fall")."""
    end = last.offset + len(last.text)
    return Block("head", source.text[first.offset : end], first.offset, lines=True)


_YEARS = re.compile(r"1[0-9]\d\d(?:\s*(?:-|–|--|to)\s*1[0-9]\d\d)?\.?")


def _heads(blocks: list[Block], rules: Structure, source: Source, title_text: str, verse: bool = False, play: bool = False,
           summarised: bool = False) -> list[Block]:
    """Mark heads; a label and the title after it become one head; a head must be followed by text.
    In a book of verse the short lines over a poem are its title; in a book whose chapters open with
    a summary under their labels, a sentence there is a summary too, no title."""
    shapes = [head_shape(b.text, rules) if b.kind == "p" and not b.speech else None for b in blocks]
    shapes = [("label" if is_label(b.text) else "head") if b.kind == "head" else shape for b, shape in zip(blocks, shapes)]
    poems = _poem_titles(blocks, rules) if verse else set()
    shapes = [shape or ("head" if i in poems else None) for i, shape in enumerate(shapes)]
    for i in _alphabet(blocks):
        shapes[i] = "label"
    for i in range(1, len(blocks)):  # what follows a "Notes" heading is notes
        if shapes[i - 1] and NOTES.fullmatch(" ".join(blocks[i - 1].text.split())):
            shapes[i] = None
    ended = next((i for i, b in enumerate(blocks) if b.kind == "trailer"), len(blocks))  # the author's matter after "THE END."
    if any(shape and opens_with_label(b.text.split("\n")[0]) and not BACK_MATTER.match(b.text) and part_unit(b.text) in (None, "act")
           for b, shape in zip(blocks, shapes)):  # (an appendix's or a book's label says nothing of the chapters)
        for i, block in enumerate(blocks):  # a text whose chapters are labelled has no unlabelled heads
            if shapes[i] == "head" and i not in poems and not _labelled(blocks, shapes, i) and rules.override(block.text) is not True \
                    and _plain(block.text) != _plain(title_text) and i < ended:
                shapes[i] = None
    for i in range(1, len(blocks)):  # "FEDERALIST No. 19", then its title wrapped over up to three lines (in italics or not)
        if shapes[i - 1] == "label" and not shapes[i] and blocks[i].kind == "p" and blocks[i].text.count("\n") <= 2 \
                and title_line(FINAL_ASIDE.sub("", " ".join(_EMPHASISED.sub(r"\2", blocks[i].text).split())), rules, room=2) \
                and (not is_argument(blocks[i].text) or all_capitals(blocks[i].text)) \
                and not (summarised and full_stop(blocks[i].text)):
            shapes[i] = "head"  # the chapter's summary of topics is no title, unless in capitals as a title is set
    for i in range(1, len(blocks)):  # "BENJAMIN FRANKLIN" / "HIS AUTOBIOGRAPHY" / "1706-1757": the years a head covers are its own
        if shapes[i - 1] and not shapes[i] and _YEARS.fullmatch(blocks[i].text.strip()):
            shapes[i] = "head"
    for i in range(len(blocks) - 1):  # a title in capitals over up to three lines with "BY" under it
        if not shapes[i] and _titled_by(blocks[i], blocks[i + 1]):
            shapes[i] = "head"
    for i in range(1, len(blocks)):  # "SWINBURNE.", indented under the verse it quotes: its author, no head
        if shapes[i] == "head" and _attribution(blocks[i - 1], blocks[i], source.text):
            shapes[i] = None
    for i in range(1, len(blocks)):  # the title of a document the paragraph before announces (not a section over its subsection's)
        if shapes[i] and ANNOUNCES_DOCUMENT.search(blocks[i - 1].text) and rules.override(blocks[i].text) is not True \
                and not (i + 1 < len(blocks) and shapes[i + 1] and _subdivides(blocks[i].text, blocks[i + 1].text)):
            shapes[i] = None
    title = _plain(title_text)
    parts = _parts(blocks, shapes, 1 if play else 2)
    if parts:  # books or acts listed one under another ("ACT I.  A Flat", "ACT II.  A Garden"): a list, not heads
        listed = {k for i in range(len(blocks) - 1) for k in (i, i + 1)
                  if shapes[i] and shapes[i + 1] and part_unit(blocks[i].text) and part_unit(blocks[i + 1].text)}
        shapes = [None if i in listed else shape for i, shape in enumerate(shapes)]
    out: list[Block] = []
    i, begun = 0, False  # begun: the text has started (a later repeat of the title is a running title)
    while i < len(blocks):
        block, first = blocks[i], i
        while shapes[i] and i + 1 < len(blocks) and shapes[i + 1] and (_plain(blocks[i].text) != title or begun) and not (
                is_signature(blocks[i].text) and i > 0 and not shapes[i - 1] and shapes[i] != "label") \
                and not _markdown(blocks[i]) and not _markdown(blocks[i + 1]) \
                and not (parts and part_unit(blocks[first].text) and (_opens_chapter(blocks[i + 1], shapes[i + 1]) or i > first)) \
                and not _subdivides(blocks[i].text, blocks[i + 1].text):
            i += 1  # "CHAPTER I", "THE BEGINNING": one head; the title repeated over the next head (a part's takes one title)
        if i > first:
            block = _merge(block, blocks[i], source)
        if shapes[first]:
            block.kind = "head"
            block.lines = "\n" in block.text
        out.append(block)
        begun = begun or _plain(block.text) != title
        i += 1
    # A "head" followed by no text (the end, another head) is not one: a signature, a repeated line.
    for j, block in enumerate(out):
        nxt = out[j + 1] if j + 1 < len(out) else None
        if block.kind != "head" or rules.override(block.text) is True or _markdown(block):
            continue
        if j and out[j - 1].kind == "p" and VALEDICTION.fullmatch(out[j - 1].text) and is_signature(block.text):
            block.kind = "p"  # "Yours very truly," / "D.C. Gilman": a letter's signature inside the text (quoteblocks.py)
        elif nxt is None:
            block.kind = "signed" if is_signature(block.text) else "p"
        elif nxt.kind in ("head", "signed") and _plain(block.text) != title and not (parts and part_unit(block.text)) \
                and not (nxt.kind == "head" and _subdivides(block.text, nxt.text)):
            block.kind = "p"  # (a book's head is followed by its first chapter's, a section's by its first subsection's)
    return out


def _attribution(verse: Block, block: Block, text: str) -> bool:
    """A name alone ("SWINBURNE.", "--Byron."), indented as the verse right above it is: the verse's author
    (an epigraph's or a quotation's), not a heading."""
    name = block.text.strip().lstrip("-—– ")
    return verse.kind == "p" and is_verse(verse) and indent(verse, text) >= 2 and indent(block, text) >= 2 \
        and is_signature(name)


# "_The State of Greece … War_": a title in italics (the marks are read later, emphasis.py).
_EMPHASISED = re.compile(r"\A([_*])(\S.*\S)\1\Z", re.S)


def _parts(blocks: list[Block], shapes: list, least: int) -> bool:
    """A text divided into two or more books or parts, or a play into acts: each of their heads is one
    of its own, over the head of its first chapter or scene.  So is the first book alone over its first
    chapter ("BOOK I" / "CHAPTER I": an excerpt, or a text cut off after it), but one "Book II" over a
    chapter is one head (the text is that book of a larger work)."""
    heads = [i for i, (b, shape) in enumerate(zip(blocks, shapes)) if shape and part_unit(b.text)]
    if len(heads) >= least:
        return True
    return len(heads) == 1 and heads[0] + 1 < len(blocks) and first_part(blocks[heads[0]].text) \
        and _opens_chapter(blocks[heads[0] + 1], shapes[heads[0] + 1])


def _opens_chapter(block: Block, shape: str | None) -> bool:
    """A chapter's or a scene's head under a book's or an act's: its label, or a numbered title."""
    first = block.text.split("\n")[0].strip()
    return not part_unit(first) and (shape == "label" or is_label(first) or bool(NUMBERED.match(first)))


def _nest(doc: Document) -> None:
    """The divisions after a book's, part's or act's head, up to the next, are inside it (level 1),
    in a text with two or more of them (a play: one act) and a division to put inside.  A head whose
    label comes again later ("THIRD PART." in a volume's contents, then over its letters) is a
    contents entry, no book."""
    units = [part_unit(s.head.text) if s.head else None for s in doc.sections]
    labels = [" ".join(PART_LABEL.match(s.head.text.strip()).group(0).split()).casefold() if u else None
              for s, u in zip(doc.sections, units)]
    units = [None if u and label in labels[i + 1 :] else u for i, (u, label) in enumerate(zip(units, labels))]  # a contents entry
    alone = [s for s, u in zip(doc.sections, units) if u]  # the first book alone, its head right over its first chapter's
    first = len(alone) == 1 and first_part(alone[0].head.text) and not alone[0].blocks
    if sum(bool(u) for u in units) < (1 if doc.play or first else 2) or all(units[i] or not any(units[:i]) for i in range(len(units))):
        return
    inside = False
    for section, unit in zip(doc.sections, units):
        if unit:
            section.kind, inside = ("act" if doc.play else unit), True
        elif section.head and BACK_MATTER.match(section.head.text):
            inside = False  # an appendix after the last book is the book's, not the last book's
        elif inside:
            section.level = 1
    doc.stats["nested divisions"] = sum(s.level for s in doc.sections)


# "III.  SOCIALIST AND COMMUNIST LITERATURE", "1. REACTIONARY SOCIALISM", "A. Feudal Socialism" (the Manifesto,
# Gutenberg #61): a title numbered in one of three series, Roman, Arabic or by letter.
_ENUMERATED = re.compile(r"(?P<n>\d{1,2}|[IVXLC]{1,6}|[A-Z])\.\s+\S")


def _series(text: str, letter: str = "") -> str | None:
    """The series numbering a head's title: "arabic", "roman", "letter", or None.  "I", "V", "X" alone are
    Roman unless they follow ``letter``, the last letter of the letter series ("H." then "I.")."""
    m = _ENUMERATED.match(text.strip())
    if not m:
        return None
    n = m.group("n")
    if n.isdigit():
        return "arabic"
    if len(n) == 1 and (n not in "IVX" or letter and ord(n) == ord(letter) + 1):
        return "letter"
    return "roman"


def _subdivides(head: str, following: str) -> bool:
    """A numbered title right over one numbered in another series: a section's head over its first
    subsection's, two heads (not a label and its title)."""
    first, second = _series(head), _series(following)
    return bool(first and second) and first != second and "\n" not in following.strip()


def _enumerated_levels(doc: Document) -> None:
    """Sections headed by titles numbered in two or three series, one right over another somewhere
    ("III." / "1." / "A."): each series is a level, in the order the text opens them, and a head goes
    inside the last head of the level above (a level ends where a head of a series above it comes)."""
    heads = [s.head.text if s.head and s.kind == "section" else "" for s in doc.sections]
    nested = any(s.level for s in doc.sections) or not any(
        not section.blocks and _subdivides(head, after) for section, head, after in zip(doc.sections, heads, heads[1:]))
    if nested:
        return
    opened: list[str] = []  # the series, outermost first
    letter = ""
    for section, head in zip(doc.sections, heads):
        series = _series(head, letter)
        if series is None:
            opened = []
            continue
        if series == "letter":
            letter = _ENUMERATED.match(head.strip()).group("n")
        if series in opened:
            del opened[opened.index(series) + 1 :]
        else:
            opened.append(series)
        section.level = len(opened) - 1
    doc.stats["nested divisions"] = sum(s.level for s in doc.sections)


# "Article 1", "ARTICLE THREE": a legal text's article; "Section 1.  All legislative Powers …": its section,
# the label run into the first paragraph.
_ARTICLE = re.compile(r"(?:Article|ARTICLE)\.?\s+(?:\d{1,2}|[IVXL]+|[A-Z]+|[A-Z][a-z]+)\.?")
_RUN_IN = re.compile(r"(?:Section|SECTION|Sec\.|SEC\.)\s+(\d{1,2})\.(?=[ \t]+[A-Z])")


def _clauses(doc: Document) -> None:
    """A legal text's articles ("Article 1", "ARTICLE THREE") whose paragraphs open with run-in section
    labels numbered from 1 ("Section 1.  All legislative Powers …"): each section is a division inside
    its article, its label the head.  (Numbered paragraphs under a chapter, Locke's "Sect. 4.", stay
    paragraphs: only an article's sections are divisions.)"""
    out: list[Section] = []
    for section in doc.sections:
        out.append(section)
        starts = [k for k, b in enumerate(section.blocks) if b.kind == "p" and _RUN_IN.match(b.text)]
        numbers = [int(_RUN_IN.match(section.blocks[k].text).group(1)) for k in starts]
        if not (section.head and _ARTICLE.fullmatch(" ".join(section.head.text.split())) and not section.level
                and len(starts) >= 2 and numbers == list(range(1, len(starts) + 1))):
            continue
        section.kind = "article"
        blocks, section.blocks = section.blocks, section.blocks[: starts[0]]
        for k, end in zip(starts, [*starts[1:], len(blocks)]):
            first, label = blocks[k], _RUN_IN.match(blocks[k].text)
            rest = first.text[label.end() :]
            head = Block("head", label.group(0), first.offset)
            text = Block("p", rest.lstrip(), first.offset + label.end() + len(rest) - len(rest.lstrip()), lines=first.lines)
            out.append(Section(0, "", head, blocks=[text, *blocks[k + 1 : end]], level=1))
            doc.stats["nested divisions"] += 1
    if any(s.kind == "article" for s in out):  # the articles without sections too
        for section in out:
            if section.head and not section.level and _ARTICLE.fullmatch(" ".join(section.head.text.split())):
                section.kind = "article"
    doc.sections[:] = out


_LETTER = re.compile(r"[A-Z]\.?")
_LEAST_LETTERS = 5


def _alphabet(blocks: list[Block]) -> set[int]:
    """The letters heading the sections of a dictionary, a glossary or an index: "A", "B", … alone in
    their blocks, at least five and in alphabetical order (a few Roman numerals alone are not)."""
    found = [(i, b.text.strip()[0]) for i, b in enumerate(blocks) if b.kind == "p" and _LETTER.fullmatch(b.text.strip())]
    letters = [letter for _, letter in found]
    return {i for i, _ in found} if len(found) >= _LEAST_LETTERS and letters == sorted(set(letters)) else set()


def _poem_titles(blocks: list[Block], rules: Structure) -> set[int]:
    """The blocks titling a poem: up to four short blocks ("Epistle" / "TO JOHN SARGENT, ESQ." /
    "OCTOBER, 1814.") standing right over a block of verse, not verse themselves, not ending
    mid-sentence ("," ";"), in capitals or title case, of one or two lines unless in capitals (not a
    tercet of names: "Euclid, geometrician, and Ptolemy, / Galen, …")."""
    def short(block: Block) -> bool:
        text = block.text.strip()
        first = text.lstrip("_*[(\"'“‘")[:1]  # "_Hymn to the Creator._"
        return block.kind == "p" and (text.count("\n") < 2 or all_capitals(text)) and len(text.split()) <= 15 and (first.isupper() or first.isdigit()) \
            and not text.endswith((",", ";")) and not is_verse(block) and rules.override(text) is not False \
            and (all_capitals(text) or is_title_case(text))  # not a canto's last line ("And to a place I come …")
    titles: set[int] = set()
    for i in range(len(blocks) - 1):
        if is_verse(blocks[i + 1]) and blocks[i + 1].kind == "p":
            k = i
            while k >= 0 and i - k < 4 and short(blocks[k]):
                titles.add(k)
                k -= 1
    return titles


def _titled_by(block: Block, following: Block) -> bool:
    """"DESCRIPTION OF THE METHODS … / … ORSINI" then "BY" alone: the title of a piece the book adds
    (the author's name follows); a head, also in a book whose chapters are labelled."""
    return block.kind == "p" and following.kind == "p" and all_capitals(block.text) and block.text.count("\n") <= 2 \
        and not block.text.endswith((".", ",", ";", ":")) and bool(BYLINE.fullmatch(following.text.strip()))


# "II. Papa se fâche.", "Chapter IV. The Fall": a title numbered in its own line carries its label.
# (Not "M. Thiers", "C. Gracchus": one of L, C, D, M alone is an initial.)
_ROMAN_NUMBERED = re.compile(r"(?:[IVX]+|[IVXLC]{2,})\.\s+[\"“«„‘']?[^\W\d_]")


def _labelled(blocks: list[Block], shapes: list, i: int) -> bool:
    """A head with its label ("Chapter IV" / "The Stores", "II. Papa se fâche."), after its label, or a
    preface, contents or notes."""
    text = " ".join(blocks[i].text.split())
    return opens_with_label(blocks[i].text.split("\n")[0]) or (i > 0 and shapes[i - 1] == "label") or bool(
        LABELLED_TITLE.match(text) or _ROMAN_NUMBERED.match(text) or part_unit(text) or PREFACE.fullmatch(text)
        or CONTENTS.fullmatch(text) or NOTES.fullmatch(text))


def _plain(text: str) -> str:
    return " ".join(text.split()).lower()


def _sections(doc: Document, blocks: list[Block], rules: Structure) -> None:
    blocks = _heads(blocks, rules, doc.source, doc.title.text, doc.verse, doc.play, doc.summarised)
    breaks_divide = not any(b.kind == "head" for b in blocks)  # a text without heads: "*" starts a division
    current: Section | None = None
    for k, block in enumerate(blocks):
        if block.kind == "entry":
            block.kind = "p"
        if block.kind == "trailer":  # "THE END." with the author's matter after it: it closes this division
            if current is not None:
                current.trailer, current = block, None
                continue
            block.kind = "p"
        if block.kind == "break" and breaks_divide and current is not None:
            current = Section(0, "", None)
            doc.sections.append(current)
        same_as_title = _plain(block.text) == _plain(doc.title.text)
        if block.kind == "head" and same_as_title and not doc.sections and doc.repeated_title is None:
            doc.repeated_title = _role(block, "title", "")
            current = None
        elif block.kind == "head":
            kind = (doc.play and drama.division_kind(block.text)) or _division_kind(block.text, doc)
            if kind == "notes" and k + 1 < len(blocks) and not starts_note_text(blocks[k + 1].text):
                kind = "section"  # "EDITOR'S NOTES." over the editor's prose: text of the book, no note texts
            if kind in ("preface", "contents") and doc.sections:  # untitled paragraphs before it: front matter
                for section in doc.sections:  # (a note on the author under the title, then "INTRODUCTION")
                    section.kind = "preface"
                doc.prefaces[:0], doc.sections[:] = doc.sections, []
            current = Section(0, "", block, kind=kind)
            {"preface": doc.prefaces, "contents": doc.prefaces, "notes": doc.notes}.get(kind, doc.sections).append(current)
        else:
            if current is None:
                kind = "preface" if rules.preface and not doc.sections and not doc.prefaces else "section"
                if not doc.sections and not doc.prefaces and TRANSCRIBERS_NOTE.match(block.text):
                    kind = "transcriber-note"  # before the text's first head: front matter, as a preface is
                current = Section(0, "", None, kind=kind)
                (doc.sections if kind == "section" else doc.prefaces).append(current)
            current.blocks.append(block)


def _summarised(blocks: list[Block]) -> bool:
    """Whether the chapters open with a summary in short sentences under their labels ("CHAPTER II" /
    "Tradesmen and the scraper still troublesome.  Gowing rather tiresome …"), three or more and at
    least half of them."""
    after = [blocks[i + 1] for i in range(len(blocks) - 1) if blocks[i].kind == blocks[i + 1].kind == "p" and is_label(blocks[i].text)]
    summaries = sum(is_summary(b.text) for b in after)
    return summaries >= 3 and summaries * 2 >= len(after)


def _arguments(doc: Document) -> None:
    """The summary of a chapter's topics printed under its head (heads.is_argument): its argument; in
    a book whose chapters open with a summary in sentences, the sentences under a label."""
    for section in (*doc.prefaces, *doc.sections):
        first = section.blocks[0] if section.head and section.blocks and section.kind in ("section", "preface") else None
        summary = first is not None and doc.summarised and is_label(section.head.text) and full_stop(first.text) \
            and first.text.count("\n") < 5 and first.text[:1] not in "\"'“‘«" and len(section.blocks) > 1
        if first is not None and first.kind == "p" and (is_argument(first.text) or summary):
            first.kind = "argument"
            doc.stats["arguments"] += 1


def _back_divisions(doc: Document) -> None:
    """An appendix, glossary, bibliography or index the book prints after its chapters is back
    matter: from the first division of the body (not its first, not inside a book) headed so and
    followed by less than half the text, every division to the end goes to TEI back, its kind the word of its head ("appendix" if none).  They
    stay in ``doc.sections`` (read as the text is, numbered on); tei.py writes them in back."""
    heads = [BACK_MATTER.match(" ".join(s.head.text.split())) if s.head and not s.level else None for s in doc.sections]
    size = [sum(len(b.text) for b in s.blocks) for s in doc.sections]
    # back matter is shorter than the text: a glossary closing an early chapter is the chapter's
    first = next((i for i, m in enumerate(heads) if i and m and sum(size[i:]) * 2 < sum(size)), None)
    if first is None:
        return
    for section, m in zip(doc.sections[first:], heads[first:]):
        word = m.group("kind").lower() if m else "appendix"
        section.kind = {"appendices": "appendix", "addendum": "addenda"}.get(word, word)
        section.level = 0
    doc.stats["back divisions"] = len(doc.sections) - first


def _division_kind(head: str, doc: Document) -> str:
    text = " ".join(head.split())
    if NOTES.fullmatch(text):
        return "notes"
    untitled = all(s.head is None for s in doc.sections)  # only paragraphs before it, no chapter yet
    if CONTENTS.fullmatch(text) and untitled:
        return "contents"
    return "preface" if PREFACE.fullmatch(text) and untitled else "section"


def _closer(section: Section, book: str) -> None:
    """A signature and dateline ending a division (after at least one paragraph) form its closer;
    note texts closing the text after the signature ("1. Among these…", markers looked for in
    ``book``) stand after it (``tail``)."""
    notes = closing_notes(section.blocks, book)
    section.blocks, tail = section.blocks[:notes], section.blocks[notes:]
    while _text_before(section.blocks) and section.blocks[-1].kind in ("p", "signed") and not section.blocks[-1].speech \
            and len(section.closer) < 3:
        block = section.blocks[-1]
        split = signed_then_dated(block.text)
        if split:
            dateline = Block("dateline", block.text[split:], block.offset + split)
            section.closer.insert(0, dateline)
            block.text = block.text[:split].rstrip()
            block.kind = "signed"
        elif block.kind == "signed" or is_signature(block.text) or is_credited_signature(block.text):
            block.kind = "signed"
        elif is_dateline(block.text) or VALEDICTION.fullmatch(block.text):
            block.kind = "dateline" if is_dateline(block.text) else "salute"
        elif not section.closer and len(section.blocks) > 2 and is_signature(section.blocks[-2].text) and _address(block):
            block.kind = "dateline"  # where the signer wrote: "_The Laurels_, / _Brickfield Terrace_, / _Holloway_."
        elif "\n" in block.text and (lines := _closing_lines(block)):
            section.blocks.pop()
            section.closer[:0] = lines
            continue
        elif book and not section.closer and _exhortation(block.text):
            block.kind = "salute"  # "WORKING MEN OF ALL COUNTRIES, UNITE!" closing the Manifesto
        else:
            break
        section.closer.insert(0, section.blocks.pop())
    if section.closer:
        section.tail = tail
    else:
        section.blocks += tail


_OPENER_BLOCKS = 3


def _opening(text: str) -> str | None:
    """The role of a block opening a paper or a letter under its head: "dateline" ("For the Independent
    Journal. Saturday, October 27, 1787"), "salute" ("To the People of the State of New York:"), "byline"
    (its author's name alone: "HAMILTON"), or None."""
    return "dateline" if is_dateline(text) else "salute" if is_salute(text) else "byline" if is_signature(text) else None


def _opener(section: Section) -> None:
    """The dateline, author and salutation a paper or a letter opens with, under its head and before its
    text, form its opener: at least a dateline or a salutation among them (a name alone opens a play's
    speech as well), and text after them."""
    if section.head is None:
        return
    roles: list[str] = []
    for block in section.blocks[: min(_OPENER_BLOCKS, len(section.blocks) - 1)]:
        role = _opening(block.text) if block.kind == "p" and block.quote is None else None
        if role is None:
            break
        roles.append(role)
    if not set(roles) & {"dateline", "salute"}:
        return
    for block, role in zip(section.blocks, roles):
        block.kind = role
    section.opener, section.blocks = section.blocks[: len(roles)], section.blocks[len(roles) :]


_EXHORTATION_WORDS = 10


def _exhortation(text: str) -> bool:
    """The text's last words, a call in capitals on a line of its own ("WORKING MEN OF ALL COUNTRIES,
    UNITE!", "VIVE LA COMMUNE!"): its closing salute, not a quotation."""
    return "\n" not in text and text.endswith("!") and all_capitals(text) and len(text.split()) <= _EXHORTATION_WORDS


def _text_before(blocks: list[Block]) -> bool:
    """Whether a block other than a section break ("* * *", a milestone) stands before the last one:
    a closer follows the division's text, never its head or a break alone (TEI)."""
    return any(block.kind != "break" for block in blocks[:-1])


def _address(block: Block) -> bool:
    """An address on two to four short lines, each but the last closing with a comma, every one opening
    with a capital ("_The Laurels_," / "_Brickfield Terrace_," / "_Holloway_.")."""
    lines = [line.strip() for line in block.text.split("\n")]
    return 2 <= len(lines) <= 4 and all(len(line) <= 40 and line.lstrip("_*")[:1].isupper() for line in lines) \
        and all(line.endswith(",") for line in lines[:-1]) and not lines[-1].endswith((",", ";", ":"))


def _closing_lines(block: Block) -> list[Block] | None:
    """A block of closing lines ("Yours truly," / "John Smith" / "London, May 2, 1848"), one block per line."""
    parts, pos = [], 0
    for line in block.text.split("\n"):
        text = line.strip()
        kind = "salute" if VALEDICTION.fullmatch(text) else "signed" if is_signature(text) else \
            "dateline" if is_dateline(text) else None
        if kind is None:
            return None
        parts.append(Block(kind, text, block.offset + pos + len(line) - len(line.lstrip())))
        pos += len(line) + 1
    return parts


def _number(doc: Document) -> None:
    """Positional ids as in tei/ENCODING.md: s01…, s01.p1…, preface.p1…"""
    width = max(2, len(str(len(doc.sections))))
    for n, section in enumerate(doc.sections, 1):
        _ids(section, n, f"s{n:0{width}d}")
    for n, section in enumerate((*doc.prefaces, *doc.back), 1):
        kind = section.kind
        same = [s for s in (*doc.prefaces, *doc.back) if s.kind == kind]
        k = same.index(section) + 1
        name = {"contents": "source-contents"}.get(kind, kind)  # "contents" is the edition's own contents page
        _ids(section, n, name if k == 1 else f"{name}{k}")
    for n, section in enumerate(doc.notes, 1):
        _ids(section, n, "notes" if n == 1 else f"notes{n}")
    last = (doc.sections or doc.prefaces)[-1]
    for k, block in enumerate(last.closer, 1):  # the text's own closing signature, as in tei/ENCODING.md
        block.xml_id = "closer" if k == 1 else f"closer{k}"
    if last.trailer:
        last.trailer.xml_id = "trailer"


def _ids(section: Section, n: int, xml_id: str) -> None:
    section.number, section.xml_id = n, xml_id
    if section.head:
        section.head.xml_id = f"{xml_id}.head"
    paragraphs = [b for b in section.blocks if b.kind == "p"]
    for i, block in enumerate(paragraphs, 1):
        block.xml_id = f"{xml_id}.p{i}"
    for block in (b for b in section.blocks if b.kind == "argument"):
        block.xml_id = f"{xml_id}.argument"
    for i, block in enumerate((b for b in section.blocks if b.kind == "figure"), 1):
        block.xml_id = f"{xml_id}.fig{i}"
    for i, block in enumerate(section.opener, 1):
        block.xml_id = f"{xml_id}.opener{i}"
    for i, block in enumerate(section.closer, 1):
        block.xml_id = f"{xml_id}.closer{i}"
    for kind in ("speaker", "stage", "castItem"):  # a play's (drama.py)
        for i, block in enumerate((b for b in section.blocks if b.kind == kind), 1):
            block.xml_id = f"{xml_id}.{kind}{i}"


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
