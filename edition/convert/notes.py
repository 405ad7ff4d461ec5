"""Notes: the texts of footnotes and endnotes go to their markers.

A note text is a paragraph (or a line of one) opening with a marker: ``[1]``,
``(1)``, ``{1}``, ``*``, ``†``, ``(*)``, ``(+)``, a superscript number, or ``1.`` under a "Notes"
heading (or closing the text, when each has its marker).  A note text the source indents
under its paragraph is a note, not a block quotation.  It may stand after the paragraph that refers to it, at the end of a
section or of the text, or under a "Notes" heading.  Its marker is looked for
forward in the running text, from the previous note's marker on; found, the
marker becomes ``note`` (``@n``, ``@place``, ``@rend`` = the marker's form, plus
the note text's form when it differs) holding the note text, and where the
texts stood an ``anchor type="notes"`` points to them (so the source can be
restored).  A bracketed note inside a paragraph that ends with its attribution
("[Note by Engels]") stays where it stands, a note with the marker "*".  A note
text without a marker and a bracketed or superscript marker without a note text
are warnings naming file:line:col.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gutenberg import edition_span
from .model import Annotation, Block, Document, Section
from .markup import XML_ID

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP = str.maketrans("0123456789", _SUPERSCRIPTS)
_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
# The marker at the start of a note text: (form, pattern); group 1 is the number or symbol.
_TEXT_FORMS = (
    ("footnote", re.compile(r"\[Footnote (\d{1,3}|[A-Za-z*]): *")),  # Project Gutenberg's form
    ("bracket", re.compile(r"\[(\d{1,3}|[a-zA-Z*†‡])\][ \t]*")),
    ("paren", re.compile(r"\((\d{1,3}|[*+†‡§]{1,3})\)[ \t]*")),  # "(*)", "(+)": Gutenberg's footnotes
    ("symbol", re.compile(r"(\*{1,3}|[†‡§])[ \t]*(?=[^\s*])")),
    ("sup", re.compile(rf"([{_SUPERSCRIPTS}]+)[ \t]*")),
)
# "[Engels footnote: …]": a note the source gives no marker; it belongs where it stands.
_UNMARKED = re.compile(r"\[((?:[\w’'.]+ ){0,3}(?:foot-?)?note:)\s[^\]]*\]$", re.I)
# "[The first censor … affairs.” [Note by Engels]": a note set in brackets inside a paragraph,
# closed by its attribution in brackets; no marker: it stands where it is.
_ATTRIBUTED = re.compile(r"\[([^\[\]]{20,}?)[ \t]*\[((?:(?:foot-?)?note|[\w’'.]+(?: [\w’'.]+){0,2} (?:foot-?)?note)"
                         r"(?: by [^\[\]\n]{1,40})?)\]", re.I)
_NUMBERED = ("number", re.compile(r"(\d{1,3})\.[ \t]+(?=\S)"))  # only under a "Notes" heading
# "{2}": some Gutenberg transcriptions' (London, #1688), only under a "Notes" heading (elsewhere braces
# hold the printed page numbers: p20_typography)
_BRACED = ("brace", re.compile(r"\{(\d{1,3})\}[ \t]*"))
_AFTER_SYMBOL = r"(?=[\s.,;:!?)\]\"”’»]|$)"
# "[#1 Silk-stocking republican]": marker and note text together, inside the paragraph.
_INLINE = re.compile(r"\[#(\d{1,3})[ \t]+([^\[\]]+)\]")
_STRAY = re.compile(rf"\[\d{{1,3}}\]|(?<=\S)[{_SUPERSCRIPTS}]+")


@dataclass
class _Text:
    block: Block  # the note's text, marker cut
    n: str
    form: str  # the form of the note text's marker
    source: Block  # where the note text stood: the anchor ("notes" block)


def _note_start(line: str, numbered: bool):
    for form, pattern in (*_TEXT_FORMS, *((_NUMBERED, _BRACED) if numbered else ())):
        m = pattern.match(line)
        if m and len(line) > m.end():
            return form, m
    return None


def starts_note_text(text: str) -> bool:
    """Whether a block opens with a note's marker as note texts do under a Notes heading ("[1] …", "1. …", "{2} …")."""
    return _note_start(text.split("\n")[0], True) is not None


def _has_marker(n: str, form: str, text: str) -> bool:
    """(1) and * open paragraphs of lists and section breaks too: notes only if a marker exists."""
    return form not in ("paren", "symbol") or bool(_marker_pattern(n, form).search(text))


def _split(block: Block, numbered: bool) -> list[tuple[str, re.Match, int, int]] | None:
    """The notes a block holds, each (form, marker match, start, end), if it is made of notes only."""
    starts, pos = [], 0
    for line in block.text.split("\n"):
        hit = _note_start(line, numbered)
        if hit:
            starts.append((hit[0], hit[1], pos))
        elif not starts:
            return None
        pos += len(line) + 1
    ends = [s[2] for s in starts[1:]] + [len(block.text)]
    return [(form, m, start, end) for (form, m, start), end in zip(starts, ends)]


def opens_notes(block: Block, source: str) -> bool:
    """Whether a paragraph is made of note texts whose markers the text has: a note, also when
    the source indents it under its paragraph (not a block quotation)."""
    parts = _split(block, False) if block.kind == "p" else None
    return bool(parts) and all(_has_marker(m.group(1), form, source) for form, m, _, _ in parts)


def _texts_in(blocks: list[Block], numbered: bool, source: str, first: int = 0) -> list[_Text]:
    found = []
    for i, block in enumerate(blocks[first:], first):
        if block.kind == "p" and block.quote is None and _UNMARKED.match(block.text):
            note = Block("note", block.text[1:-1], block.offset + 1, lines=block.lines, attrs={"rend": "bracketed"})
            blocks[i] = Block("notes", "", block.offset, notes=[note])
            continue
        parts = _split(block, numbered) if block.kind == "p" and block.quote is None and (i or numbered) else None
        if not parts or not all(_has_marker(m.group(1), form, source) for form, m, _, _ in parts):
            continue
        if i and _continues_list(blocks[i - 1], parts[0]):
            continue
        anchor = Block("notes", "", block.offset)
        for form, m, start, end in parts:
            body = block.text[start + m.end() : end].rstrip()
            if form == "footnote":
                if not body.endswith("]"):
                    return found
                body = body[:-1]  # the closing bracket
            note = Block("note", body, block.offset + start + m.end(), lines=block.lines)
            found.append(_Text(note, m.group(1).translate(_DIGITS), form, anchor))
        blocks[i] = anchor
    return found


def closing_notes(blocks: list[Block], source: str) -> int:
    """Where the "1. …" paragraphs closing the text begin (``len(blocks)`` if none): with no "Notes"
    heading above them they are note texts when the text has a marker for each ("…refugees.[1]"),
    not a numbered list."""
    first = len(blocks)
    while first > 1 and (parts := _split(blocks[first - 1], True)) and all(
            form == "number" and _marker_pattern(m.group(1), form).search(source) for form, m, _, _ in parts):
        first -= 1
    return first


def _closing_texts(section: Section, source: str) -> list[_Text]:
    if section.tail:  # after the signature (p10_structure put them there)
        return _texts_in(section.tail, True, source)
    return _texts_in(section.blocks, True, source, closing_notes(section.blocks, source))


def _continues_list(previous: Block, first: tuple[str, re.Match, int, int]) -> bool:
    """ "(3) Beginning at…" after "(2) Beginning with…": the next item of a numbered list, not a note."""
    form, m, _, _ = first
    n = m.group(1)
    return form == "paren" and n.isdigit() and int(n) > 1 and previous.kind == "p" and previous.text.startswith(f"({int(n) - 1})")


def _marker_pattern(n: str, form: str) -> re.Pattern:
    number = re.escape(n)
    if form == "symbol":
        return re.compile(rf"(?<=\S){re.escape(n)}{_AFTER_SYMBOL}")
    forms = {
        "bracket": rf"\[{number}\]",
        "paren": rf"(?<=\S)\({number}\)",
        "brace": rf"\{{{number}\}}",
        "sup": rf"(?<=\S)(?<![{_SUPERSCRIPTS}]){re.escape(n.translate(_SUP))}(?![{_SUPERSCRIPTS}])",
    }
    if form in ("number", "footnote"):  # a letter is no superscript: "[A]" is marked "[A]", never a capital A inside a word
        return re.compile("|".join(f"(?P<{k}>{v})" for k, v in forms.items() if k != "sup" or n.isdigit()))
    return re.compile(forms[form])


class _Cursor:
    """Where the last marker of a series was found: its next marker is looked for forward from there."""

    def __init__(self, blocks: list[Block]):
        self.blocks, self.at, self.pos = blocks, 0, 0

    def find(self, pattern: re.Pattern, limit: int) -> tuple[Block, re.Match] | None:
        for k in range(self.at, min(limit, len(self.blocks))):
            block = self.blocks[k]
            for m in pattern.finditer(block.text, self.pos if k == self.at else 0):
                if block.free(m.start(), m.end()) and not any(a.tag in ("note", "ptr") and a.start < m.end() and m.start() < a.end for a in block.annotations):
                    self.at, self.pos = k, m.end()
                    return block, m
        return None


def _left(doc: Document) -> int:
    """Paragraphs and note texts of the "Notes" divisions that found no marker: they stay in back (p60_header says so)."""
    return sum(block.kind == "p" or sum(note.stranded for note in block.notes) for section in doc.notes for block in section.blocks)


def _series(text: _Text) -> str:
    """Notes numbered 1, 2, 3 and notes lettered A, B, C are two series, each in its own order."""
    return f"{text.form}{text.n.isdigit()}"


def _running(doc: Document) -> list[Block]:
    """Blocks that can hold a marker, in document order (the notes "blocks" mark where note texts stood)."""
    out = [*doc.bylines, *doc.imprint]
    for section in (*doc.prefaces, *doc.sections, *doc.notes):
        out.extend(section.all_blocks())
    return out


def _inline_notes(doc: Document, blocks: list[Block], place: str) -> None:
    for block in blocks:
        for m in _INLINE.finditer(block.text):
            doc.stats["notes"] += 1
            attrs = {"n": m.group(1), "place": place, "rend": "inline", XML_ID: f"fn{doc.stats['notes']}"}
            block.add(Annotation(m.start(), m.end(), "note", attrs, trim=(m.start(2) - m.start(), 1)))


def _more_markers(doc: Document, cursor: "_Cursor", pattern: re.Pattern, limit: int, note: Block, rend: str) -> None:
    """Later markers of the same note before its text (``[2]`` twice): pointers to the note."""
    while (hit := cursor.find(pattern, limit)) is not None:
        block, m = hit
        attrs = {"type": "note", "target": f"#{note.xml_id}", "n": re.sub(r"\W", "", m.group()).translate(_DIGITS), "rend": rend}
        block.add(Annotation(m.start(), m.end(), "ptr", attrs, trim=(m.end() - m.start(), 0)))
        doc.stats["note pointers"] += 1


def mark_notes(doc: Document, place: str) -> None:
    _inline_notes(doc, _running(doc), place)
    start, end = edition_span(doc.source.text)  # a marker in a Gutenberg licence ("501(c)(3)") marks no note
    book = doc.source.text[start:end]
    texts = [t for s in (*doc.prefaces, *doc.sections) for t in _texts_in(s.blocks, False, book)]
    texts += [t for s in doc.notes for t in _texts_in(s.blocks, True, book)]
    if not doc.notes and doc.sections:
        texts += _closing_texts(doc.sections[-1], book)
    unmarked = [n for s in (*doc.prefaces, *doc.sections) for b in s.blocks for n in b.notes if b.kind == "notes"]
    for k, note in enumerate(unmarked, 1):
        note.xml_id = f"fnu{k}"
    doc.stats["notes without marker"] += len(unmarked)
    _attributed_notes(doc, place, len(unmarked))
    blocks = _running(doc)
    cursors, position = {}, {id(b): k for k, b in enumerate(blocks)}
    for k, text in enumerate(texts, doc.stats["notes"] + 1):
        text.block.xml_id = f"fn{k}"
        text.source.notes.append(text.block)
        limit = position.get(id(text.source), len(blocks))
        cursor = cursors.setdefault(_series(text), _Cursor(blocks))
        hit = cursor.find(_marker_pattern(text.n, text.form), limit)
        if hit is None:  # stays where it stood, a note without an anchor in the text
            doc.warnings.append(f"{doc.source.place(text.block.offset)}: note text {text.n!r} has no marker before it")
            text.block.attrs, text.block.stranded = {"n": text.n, "rend": text.form}, True
            doc.stats["notes without marker"] += 1
            continue
        block, m = hit
        form = text.form if text.form not in ("number", "footnote") else m.lastgroup
        rend = form if form == text.form else f"{form} {text.form}"
        attrs = {"n": text.n, "place": place, "rend": rend, XML_ID: text.block.xml_id}
        block.add(Annotation(m.start(), m.end(), "note", attrs, trim=(m.end() - m.start(), 0), content=text.block))
        doc.stats["notes"] += 1
        _more_markers(doc, cursor, _marker_pattern(text.n, form), limit, text.block, form)
    _stray_markers(doc, blocks)
    doc.stats["notes left"] = _left(doc)


def _attributed_notes(doc: Document, place: str, numbered: int) -> None:
    """A bracketed note inside a paragraph, closed by "[Note by …]", is a note where it stands: the
    edition gives it the marker "*"; the opening bracket is not stored (its attribution's brackets
    are a supplied inside it)."""
    for block in (b for s in (*doc.prefaces, *doc.sections) for b in s.blocks if b.kind == "p"):
        for m in _ATTRIBUTED.finditer(block.text):
            if block.free(m.start(), m.end()):
                numbered += 1
                attrs = {"n": "*", "place": place, "rend": "bracketed", XML_ID: f"fnu{numbered}"}
                block.add(Annotation(m.start(), m.end(), "note", attrs, trim=(1, 0)))
                doc.stats["notes without marker"] += 1


def _stray_markers(doc: Document, blocks: list[Block]) -> None:
    for block in blocks:
        if "[" not in block.text and not any(ch in block.text for ch in _SUPERSCRIPTS):
            continue
        notes = [a for a in block.annotations if a.tag in ("note", "ptr")]
        for m in _STRAY.finditer(block.text):
            if not any(a.start <= m.start() < a.end for a in notes):
                doc.warnings.append(f"{doc.source.place(block.offset + m.start())}: note marker {m.group()!r} without a note text")
                doc.stats["markers without note"] += 1
