"""The document model the passes share: blocks of source text plus annotations.

Every pass adds *annotations* (spans over a block's source text) instead of
editing the text, so the source characters survive untouched until
``markup.py`` turns each block into TEI.  That is what makes the conversion
lossless by construction: the only characters that do not reach the TEI text
are the ones an annotation explicitly ``trim``s (quote marks, brackets), and
writers restore those from the element.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

# Which of two annotations with the same span is the outer one (lower = outer).
RANK = {
    "list": 0, "item": 1, "l": 1, "supplied": 2, "stage": 2, "quote": 3, "soCalled": 3, "title": 3, "mentioned": 3,
    "persName": 4, "placeName": 4, "orgName": 4, "choice": 5, "pc": 6,
}


@dataclass
class Annotation:
    """An element over ``text[start:end]`` of a block.

    ``trim`` source characters at each end are not written (quote marks,
    brackets: writers render them).  ``alt`` makes a ``choice``: the covered
    text goes into ``alt[0]`` (sic/orig) and ``alt[2]`` into ``alt[1]``
    (corr/reg).  A zero-width annotation (``start == end``) is an insertion.
    """

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    trim: tuple[int, int] = (0, 0)
    alt: tuple[str, str, str] | None = None
    content: "Block | None" = None  # a note: the element holds this block, not the covered marker

    @property
    def rank(self) -> int:
        return RANK.get(self.tag, 9)

    def covers(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(eq=False)
class Block:
    """One blank-line separated block of the source and its role in the TEI."""

    kind: str  # title, byline, head, argument, p, signed, dateline, trailer, figure, note, notes (where note texts stood),
    # a play's speaker, stage, castHead, castItem (drama.py)
    text: str
    offset: int  # of text[0] in the source
    xml_id: str = ""  # the id of the element, or the prefix for mention ids
    annotations: list[Annotation] = field(default_factory=list)
    lines: bool = False  # a block of short lines (address, signature, contents): its line breaks are kept
    quote: str | None = None  # inside a block quotation: its @rend ("" for straight marks, "none" for unmarked)
    notes: list["Block"] = field(default_factory=list)  # kind "notes": the note texts that stood here
    attrs: dict[str, str] = field(default_factory=dict)  # a note text without a marker: its @n, @rend
    indented: bool = False  # one of paragraphs the source marks by indenting their first line, not by blank lines
    verse: bool = False  # lines of verse: an lg, each line an l
    speech: bool = False  # a play's speech: in the sp of the speaker block before it (drama.py)
    stranded: bool = False  # a note text no marker was found for: it stays where it stood

    def add(self, ann: Annotation) -> Annotation:
        self.annotations.append(ann)
        return ann

    def free(self, start: int, end: int) -> bool:
        """True if no annotation crosses ``[start, end)`` (nesting either way is fine)."""
        for a in self.annotations:
            if a.start == a.end:
                if start < a.start < end:
                    return False
                continue
            overlaps = a.start < end and start < a.end
            if overlaps and not (a.covers(start, end) or (start <= a.start and a.end <= end)):
                return False
        return True


@dataclass
class Section:
    number: int
    xml_id: str
    head: Block | None
    blocks: list[Block] = field(default_factory=list)
    opener: list[Block] = field(default_factory=list)  # dateline / byline / salute blocks under the head
    closer: list[Block] = field(default_factory=list)  # signed / dateline blocks ending the division
    kind: str = "section"  # or "act", "scene"; "preface", "contents", "cast", "transcriber-note", "notes", "advertisement"
    trailer: Block | None = None  # "THE END." closing the text (or its main part, an appendix following)
    tail: list[Block] = field(default_factory=list)  # note texts printed after the closer ("1. …")
    level: int = 0  # n: inside the last division of level n - 1 before it (a book's chapter, an act's scene, a subsection)

    def all_blocks(self):
        if self.head:
            yield self.head
        yield from self.opener
        yield from self.blocks
        yield from self.closer
        yield from self.tail
        if self.trailer:
            yield self.trailer


@dataclass
class Source:
    """The decoded source text and where it came from."""

    path: str  # as shown in messages
    name: str
    text: str
    sha256: str
    newline_fixes: int = 0  # CRLF / CR line ends turned into LF
    bom: bool = False
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def place(self, offset: int) -> str:
        """``file:line:col`` (1-based) of a character offset."""
        if not self._line_starts:
            self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        line = bisect_right(self._line_starts, offset)
        col = offset - self._line_starts[line - 1] + 1
        return f"{self.path}:{line}:{col}"


# The kinds of the book's back matter after its last chapter (div @type in back; p10_structure._back_divisions).
BACK_KINDS = frozenset({"appendix", "glossary", "index", "bibliography", "addenda"})

# The kinds of the text's own numbered divisions (div @type, with @n).
TEXT_DIVISIONS = frozenset({"section", "act", "scene", "book", "part", "volume"})

# Divisions about the transcription or the publisher's other books, not the author's text: their
# names are not recognised (the register indexes the text, as it leaves out a Gutenberg header).
NOT_THE_TEXT = frozenset({"transcriber-note", "advertisement"})


@dataclass
class Document:
    source: Source
    title: Block
    bylines: list[Block] = field(default_factory=list)
    imprint: list[Block] = field(default_factory=list)  # the printed source's imprint, a transcription's source statement
    prefaces: list[Section] = field(default_factory=list)
    series: Block | None = None  # a series line above the title ("Works of Frederick Engels 1877")
    volume: Block | None = None  # the volume the file holds, under the title ("VOLUME 1 (of 5)")
    repeated_title: Block | None = None  # the title again before the text
    date: Block | None = None  # "(1873)" under the title
    sections: list[Section] = field(default_factory=list)
    notes: list[Section] = field(default_factory=list)  # "Notes" divisions: their texts went to the markers
    back: list[Section] = field(default_factory=list)  # after "THE END.": publishers' advertisements, a transcriber's note
    verse: bool = False  # a book of verse (most of its text): its verse is the text, not quotations, and titles its poems
    play: bool = False  # a play: speeches, stage directions, a cast list (drama.py)
    summarised: bool = False  # its chapters open with a summary in sentences under their labels: their arguments
    stats: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)  # "file:line:col: message", shown by convert

    def blocks(self, authors_only: bool = False):
        """Every block whose text is tagged (the title is not), in document order; note texts last.
        ``authors_only``: without the divisions about the file or the publisher (NOT_THE_TEXT), nor what is
        left in a "Notes" division once its note texts went to their markers (kept in back, not rendered:
        a name there would have no page)."""
        yield from self.bylines
        yield from self.imprint
        for section in (*self.prefaces, *self.sections, *self.notes, *self.back):
            if authors_only and (section.kind in NOT_THE_TEXT or section in self.notes):
                continue
            for block in section.all_blocks():
                if block.kind != "notes":
                    yield block
        for block in self.note_texts(rendered_only=authors_only):
            yield block

    def note_texts(self, rendered_only: bool = False):
        """Every note text; ``rendered_only``: not those left in a "Notes" division for want of a marker."""
        for section in (*self.prefaces, *self.sections, *self.notes, *self.back):
            for block in (*section.blocks, *section.tail):
                yield from (note for note in block.notes if not (rendered_only and note.stranded and section in self.notes))
