"""What the workbench shows of one edition, read from its files and re-read when they change.

The TEI master is self-contained (its ``standOff`` copies every entry the text
refers to), so the reading view, the entries and their mentions all come from
``tei/<slug>.xml``; the confirmed register says which entries are confirmed and
offers the merge targets.  A ``stamp`` of the files (size and modification time)
tells a second tab, or the next request, that a decision changed them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

from lxml import etree

from ..convert.source import read_source
from ..names import proposals as names_proposals
from ..project import Edition
from ..register import KINDS, Register, edition_scope
from ..xmlio import NS, XML_NS, parse_xml
from .text import Index, Mention, SourceMention, index, local, render, squeeze, tei_text

_ID = f"{{{XML_NS}}}id"
ENTRY_XPATH = "//tei:standOff//tei:person | //tei:standOff//tei:place | //tei:standOff//tei:org"


@dataclass(frozen=True)
class Entity:
    """A register entry as the workbench lists it."""

    id: str
    kind: str
    name: str
    note: str
    variants: tuple[str, ...]
    idnos: tuple[tuple[str, str], ...]  # (subtype, URI)
    status: str  # "confirmed" (in tei/register.xml) or "proposed"
    count: int


def entity_from(element: etree._Element, status: str, count: int) -> Entity:
    kind = local(element)
    names = element.findall(f"tei:{KINDS[kind]}", NS)
    main = next((n for n in names if n.get("type") == "main"), names[0] if names else None)
    note = element.find("tei:note", NS)
    return Entity(
        id=element.get(_ID, ""),
        kind=kind,
        name=squeeze("".join(main.itertext())) if main is not None else "",
        note=squeeze("".join(note.itertext())) if note is not None else "",
        variants=tuple(squeeze("".join(n.itertext())) for n in names if n.get("type") == "variant"),
        idnos=tuple((i.get("subtype", i.get("type", "")), squeeze(i.text or "")) for i in element.findall("tei:idno", NS)),
        status=status,
        count=count,
    )


def stamp(paths: list[Path]) -> str:
    """Size and modification time of each file: changes whenever a decision rewrites one."""
    parts = []
    for path in paths:
        try:
            info = path.stat()
            parts.append(f"{info.st_size}.{info.st_mtime_ns}")
        except FileNotFoundError:
            parts.append("-")
    return "-".join(parts)


class EditionView:
    """One edition as the workbench reads it: the text, its entries, mentions, quotations, choices."""

    def __init__(self, edition: Edition, entity_url: Callable[[str], str], kept: dict | None = None):
        self.edition = edition
        self._kept = kept  # the HTML of the text's divisions, kept between views (text.render)
        self.stamp = stamp(watched(edition))
        path = edition.project.register
        # as the conversion loaded it (Register keeps the last ones read, by their bytes): not parsed again
        self._register = Register.load(path, *edition_scope(edition)) if path.exists() else None
        confirmed = {el.get(_ID) for el in self._register_elements()}
        root = parse_xml(edition.master()).getroot()
        self.title = squeeze(" ".join(root.xpath("//tei:titleStmt/tei:title[1]//text()", namespaces=NS))) or edition.slug
        elements = root.xpath(ENTRY_XPATH, namespaces=NS)
        self.proposed_ids = {el.get(_ID) for el in elements} - confirmed
        self.text = tei_text(root)
        self.entity_url = entity_url
        self.index: Index = index(self.text)
        counts = Counter(m.entity for m in self.index.mentions)
        self.entities = {
            el.get(_ID): entity_from(el, "proposed" if el.get(_ID) in self.proposed_ids else "confirmed", counts[el.get(_ID)])
            for el in elements
        }
        self._add_unpublished_proposals()

    def _register_elements(self) -> list[etree._Element]:
        """The confirmed entries in the edition's scope."""
        if self._register is None:
            return []
        return [self._register.element(entry_id) for entry_id in self._register.ids()]

    @cached_property
    def register_entries(self) -> dict[str, Entity]:
        """The confirmed entries in the edition's scope, by id (merge targets, entries the text lacks)."""
        return {el.get(_ID): entity_from(el, "confirmed", 0) for el in self._register_elements()}

    def _add_unpublished_proposals(self) -> None:
        """Proposals the master does not carry (an edition that publishes confirmed names only).

        Their first mentions, as the proposals file records them, stand in for
        the occurrences the text does not tag.
        """
        self.unpublished: dict[str, list[SourceMention]] = {}
        found = [p for p in names_proposals.load(self.edition.project.root, self.edition.slug) if p.id not in self.entities]
        if not found:
            return
        lines = read_source(self.edition.text_path, str(self.edition.text_path.relative_to(self.edition.project.root))).text.split("\n")
        for p in found:
            self.entities[p.id] = Entity(p.id, p.kind, p.main, "", p.variants, (), "proposed", p.count)
            self.unpublished[p.id] = [SourceMention(lines[m.line - 1], m.line, m.col, m.surface)
                                      for m in p.first if 0 < m.line <= len(lines)]

    def proposals(self, kind: str = "", status: str = "") -> list[Entity]:
        """Entries of the text, most mentioned first, filtered by kind and status when given."""
        chosen = [e for e in self.entities.values() if (not kind or e.kind == kind) and (not status or e.status == status)]
        return sorted(chosen, key=lambda e: (-e.count, e.name.casefold(), e.id))

    @cached_property
    def html(self) -> str:
        """The reading view of the text (made when a page first shows it)."""
        return render(self.text, self.entity_url, self.proposed_ids, self._kept)

    def mentions_of(self, entity_id: str) -> list[Mention] | list[SourceMention]:
        """The entry's mentions in the text; for a proposal the master does not tag, its first mentions in the source."""
        if entity_id in self.unpublished:
            return self.unpublished[entity_id]
        return [m for m in self.index.mentions if m.entity == entity_id]

    def entity(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id) or self.register_entries.get(entity_id)

    def merge_targets(self, entity: Entity) -> list[Entity]:
        """Confirmed entries of the edition's scope a proposal may join: its own kind first (its type may be wrong), by name."""
        pool = (e for e in self.register_entries.values() if e.id != entity.id)
        return sorted(pool, key=lambda e: (e.kind != entity.kind, e.name.casefold()))


def watched(edition: Edition) -> list[Path]:
    """The files whose change changes what the workbench shows."""
    return [edition.tei_path, edition.project.register, edition.toml_path]
