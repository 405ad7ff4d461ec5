"""``edition convert``: plain text → TEI P5 master, in numbered passes.

p10 structure (with notes.py: note texts to their markers) → p20 typography →
p30 quotations → p40 names → p50 corrections → p55 line ends → p60 header.
Passes 10–55 only *annotate* the source text (see model.py);
``tei.py`` writes the document, which goes to ``tei/<slug>.xml`` atomically.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import click
from lxml import etree

from ..errors import EditionError
from ..names import proposals as proposal_file
from ..names import settings as name_settings
from ..project import Edition
from ..xmlio import TEI_NS, XML_NS, write_bytes_atomic
from . import p20_typography, p30_quotations, p40_names, p50_corrections, p55_lines
from .model import Block, Document, Source
from .notes import mark_notes
from .p10_structure import build_document
from .p60_header import build_header, build_standoff, recogniser_application
from .settings import Settings, load_settings
from .source import read_source
from .tei import build_text, serialise

def _shown(path: Path, root: Path) -> str:
    """A path as messages show it: relative to the project when inside it."""
    try:
        return os.path.relpath(path, root) if path.is_relative_to(root) else str(path)
    except ValueError:
        return str(path)


def load_register(edition: Edition, warnings: list[str]):
    from ..register import Register, edition_scope

    path = edition.project.register
    if not path.exists():
        warnings.append(f"{_shown(path, edition.project.root)}: no register: only recognised names are tagged")
        return Register([], path)
    return Register.load(path, *edition_scope(edition))


@dataclass(frozen=True)
class Conversion:
    """The TEI master and the proposals file of one edition, not yet written."""

    tree: etree._ElementTree
    proposals: etree._Element


def convert(edition: Edition, warnings: list[str] | None = None) -> Conversion:
    """Run every pass (nothing is written); warnings are appended."""
    with _CONVERTING:  # the document of the last conversion is reused: one conversion at a time
        return _convert(edition, [] if warnings is None else warnings)


def _convert(edition: Edition, warnings: list[str]) -> Conversion:
    settings = load_settings(edition)
    names_settings = name_settings.load(edition.settings, str(edition.toml_path))
    # A typing error that a correction turns into a name ("Russiua") is no name to propose.
    names_settings = replace(names_settings, reject=names_settings.reject | {c.sic for c in settings.corrections})
    source = read_source(edition.text_path, _shown(edition.text_path, edition.project.root))
    register = load_register(edition, warnings)
    language = str(edition.settings.get("edition", {}).get("language", "en"))
    doc = _quoted(source, settings, language)
    names = p40_names.run(doc, register, names_settings, language, settings.splits, settings.where)
    used = names.used | p50_corrections.run(doc, settings.corrections, register, settings.where)
    used |= _author_refs(edition, register)
    p55_lines.run(doc, language)
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}lang", language)
    root.set(f"{{{XML_NS}}}id", edition.slug)
    title = str(edition.settings.get("edition", {}).get("title", edition.slug))
    text = build_text(doc, root, title)
    text.addprevious(build_header(edition, doc, settings, used, recognised=bool(names.published)))
    standoff = build_standoff(register, used, _cited(text), settings, names.published)
    if standoff is not None:
        text.addprevious(standoff)
    warnings.extend(doc.warnings)
    proposals = proposal_file.document(names.proposals, title, source.path, recogniser_application())
    return Conversion(etree.ElementTree(root), proposals)


# The documents after passes 10-30 and what they left in them, by what they read: re-converting
# after a decision on names (the workbench) starts again from there.  Two entries: the state
# before a decision is there again when it is undone.
_QUOTED: dict[tuple, tuple[Document, list[tuple[Block, int]], Counter, list[str]]] = {}
_CONVERTING = threading.Lock()


def _quoted(source: Source, settings: Settings, language: str) -> Document:
    """The document after the passes that read only the text and its settings for structure,
    notes and quotations (10-30): built, or taken from the last conversion with what the later
    passes added taken off again."""
    key = (source.path, source.name, source.sha256, language, settings.structure, settings.note_place, settings.titles, settings.terms, settings.works,
           settings.quotes, settings.mentioned, settings.not_quotations)
    if key in _QUOTED:
        doc, marks, stats, warnings = _QUOTED[key]
        for block, count in marks:
            del block.annotations[count:]
        doc.stats, doc.warnings = Counter(stats), list(warnings)
        return doc
    doc = build_document(source, settings.structure)
    mark_notes(doc, settings.note_place)
    p20_typography.run(doc, language, frozenset(settings.titles))
    p30_quotations.run(doc, settings)
    while len(_QUOTED) > 1:
        del _QUOTED[next(iter(_QUOTED))]
    _QUOTED[key] = (doc, [(b, len(b.annotations)) for b in doc.blocks()], Counter(doc.stats), list(doc.warnings))
    return doc


def convert_document(edition: Edition, warnings: list[str] | None = None) -> etree._ElementTree:
    """The TEI master of ``edition`` (nothing is written); warnings are appended."""
    return convert(edition, warnings).tree


def _author_refs(edition: Edition, register) -> set[str]:
    refs = {a.get("ref") for a in edition.settings.get("edition", {}).get("authors", []) if isinstance(a, dict)}
    refs.discard(None)
    if not register.path.exists():
        return set()  # no register yet: the authors are not linked
    missing = sorted(refs - set(register.ids()))
    if missing:
        raise EditionError(f"[edition] authors refer to {', '.join(missing)}, not in the register", str(edition.toml_path))
    return refs


def _cited(text: etree._Element) -> set[str]:
    return {s[1:] for s in text.xpath("//t:quote/@source", namespaces={"t": TEI_NS})}


def convert_edition(edition: Edition) -> Path:
    """Convert ``edition``; write ``tei/<slug>.xml`` and ``tei/proposals/<slug>.xml`` atomically; return the master's path."""
    warnings: list[str] = []
    conversion = convert(edition, warnings)
    data = serialise(conversion.tree.getroot())
    proposals = serialise(conversion.proposals)
    for warning in warnings:  # after the run, so a failing run shows only its error
        click.echo(f"warning: {warning}", err=True)
    write_bytes_atomic(proposal_file.path_for(edition.project.root, edition.slug), proposals)
    write_bytes_atomic(edition.tei_path, data)
    return edition.tei_path
