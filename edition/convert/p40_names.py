"""Pass 40: names → persName / placeName / orgName.

First the register (tei/register.xml, edition.register): whole-word,
case-sensitive, longest-first matches with the possessive 's outside the
span.  Then the recogniser (edition.names) reads the whole text for the
names the register does not cover; each becomes a proposed entry.  With
``[names] publish = "proposed"`` (the default) those mentions are tagged too,
``@cert="low" @resp="#recogniser"``, pointing to the proposed entry; with
``"confirmed"`` only the register's names are tagged.  A match that would
cross an element already marked (a quotation boundary, a list item) is
skipped and counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..errors import EditionError
from ..names.proposals import RESP, Proposal
from ..names.recogniser import Block as TextBlock
from ..names.recogniser import recognise
from ..names.settings import NameSettings
from ..register import Match
from .model import Annotation, Block, Document
from .settings import Split

TAG = {"person": "persName", "place": "placeName", "org": "orgName"}


@dataclass
class Names:
    """What the pass found: register ids used, every proposal, the proposals the master uses."""

    used: set[str] = field(default_factory=set)
    proposals: list[Proposal] = field(default_factory=list)
    published: list[Proposal] = field(default_factory=list)


def mark_names(block: Block, register, matches=None) -> tuple[list[str], int]:
    """Tag the register's mentions in ``block`` (``matches``, when found already); return the ids
    referred to and the count skipped."""
    refs, skipped = [], 0
    for match in register.find(block.text) if matches is None else matches:
        if not block.free(match.start, match.end):
            skipped += 1
            continue
        block.add(Annotation(match.start, match.end, TAG[match.kind], {"ref": f"#{match.id}"}))
        refs.append(match.id)
    return refs, skipped


def _text_block(block: Block, matches) -> TextBlock:
    taken = tuple((m.start, m.end) for m in matches)
    # an argument's topics open with capitals, as a heading's words do
    return TextBlock(block.text, taken, heading=block.kind in ("head", "argument"))


# The last two recognitions, by what they read: a re-conversion that leaves the register's matches,
# [names] and the text as they were (a note or an id decided in the workbench), or an undo, reuses one.
_RECOGNISED: dict[tuple, tuple[list, list[Proposal]]] = {}


def run(doc: Document, register, settings: NameSettings = NameSettings(), lang: str = "en", splits: tuple[Split, ...] = (),
        where: str = "edition.toml") -> Names:
    """Tag every block; return the register ids and proposals the text (in language ``lang``) refers to.

    ``splits`` (``[[occurrences]]`` of edition.toml) take single mentions off
    the entry they match: to another register entry, or to no name at all.
    """
    names = Names()
    blocks = [b for b in doc.blocks(authors_only=True) if b.kind != "speaker"]  # a play's speaker labels are no mentions
    matches = [register.find(block.text) for block in blocks]
    splitter = _Splitter(splits, register, doc, where)
    for block, found in zip(blocks, matches):
        refs, skipped = mark_names(block, register, splitter.matches(block, found))
        names.used.update(refs)
        doc.stats["names"] += len(refs)
        doc.stats["names skipped"] += skipped
    text_blocks = [_text_block(b, m) for b, m in zip(blocks, matches)]
    key = (tuple(text_blocks), tuple(b.offset for b in blocks), doc.source.sha256, settings.reject, tuple(settings.types.items()), lang)
    if key not in _RECOGNISED:
        while len(_RECOGNISED) > 1:
            del _RECOGNISED[next(iter(_RECOGNISED))]
        _RECOGNISED[key] = recognise(text_blocks, settings, lambda i, offset: _line_col(doc, blocks[i], offset), lang)
    found, names.proposals = _RECOGNISED[key]
    found = splitter.found(blocks, found)
    names.used.update(splitter.used)
    if settings.publish_proposed:
        names.published = _mark_found(doc, blocks, found, names.proposals)
    splitter.report()
    return names


class _Splitter:
    """Where ``[[occurrences]]`` take a mention off its entry: the ``n``-th whole-word ``form`` of a block."""

    def __init__(self, splits: tuple[Split, ...], register, doc: Document, where: str):
        self.splits, self.register, self.doc = splits, register, doc
        self.unused, self.used = set(splits), set()
        for split in splits:
            if split.ref and split.ref not in register.ids():
                raise EditionError(f"[[occurrences]] {split.form!r} of {split.at}: {split.ref!r} is not an entry of the register", where)

    def kind(self, split: Split) -> str:
        return etree.QName(self.register.element(split.ref)).localname

    def at(self, block: Block, start: int, end: int) -> Split | None:
        form = " ".join(block.text[start:end].split())
        for split in self.splits:
            if split.at == block.xml_id and split.form == form and _ordinal(block.text, form, start) == split.n:
                self.unused.discard(split)
                return split
        return None

    def matches(self, block: Block, found: list[Match]) -> list[Match]:
        """The register's matches in ``block``, each split one given its new entry or left out."""
        if not any(split.at == block.xml_id for split in self.splits):
            return found
        kept = []
        for match in found:
            split = self.at(block, match.start, match.end)
            if split is None:
                kept.append(match)
            elif split.ref:
                kept.append(Match(match.start, match.end, split.ref, self.kind(split)))
        return kept

    def found(self, blocks: list[Block], found: list) -> list:
        """The recogniser's mentions less those split off (a split to a register entry tags it as that entry)."""
        kept = []
        for f in found:
            split = self.at(blocks[f.block], f.start, f.end) if self.splits else None
            if split is None:
                kept.append(f)
            elif split.ref and blocks[f.block].free(f.start, f.end):
                blocks[f.block].add(Annotation(f.start, f.end, TAG[self.kind(split)], {"ref": f"#{split.ref}"}))
                self.used.add(split.ref)
        return kept

    def report(self) -> None:
        for split in sorted(self.unused, key=lambda s: (s.at, s.form, s.n)):
            self.doc.warnings.append(f"[[occurrences]] {split.form!r} number {split.n} of {split.at}: no such mention (the text or the register changed?)")


def _ordinal(text: str, form: str, start: int) -> int:
    """Which whole-word occurrence of ``form`` in ``text`` starts at ``start`` (1 for the first)."""
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, form.split())) + r"(?!\w)"
    return sum(1 for m in re.finditer(pattern, text) if m.start() <= start)


def _mark_found(doc: Document, blocks: list[Block], found, proposals: list[Proposal]) -> list[Proposal]:
    """Tag the recognised mentions; return the proposals tagged at least once."""
    tagged = set()
    for f in found:
        block = blocks[f.block]
        if any(a.tag == "title" and a.covers(f.start, f.end) for a in block.annotations):
            continue  # a word of a title is not a name ("Wealth")
        if not block.free(f.start, f.end):
            doc.stats["names skipped"] += 1
            continue
        block.add(Annotation(f.start, f.end, TAG[f.kind], {"ref": f"#{f.id}", "cert": "low", "resp": RESP}))
        tagged.add(f.id)
        doc.stats["names proposed"] += 1
    return [p for p in proposals if p.id in tagged]


def _line_col(doc: Document, block: Block, offset: int) -> tuple[int, int]:
    line, col = doc.source.place(block.offset + offset).rsplit(":", 2)[1:]
    return int(line), int(col)
