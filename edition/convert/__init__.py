"""``edition convert``: plain text → TEI P5 master, in numbered passes.

p10 structure (with notes.py: note texts to their markers) → p20 typography →
p30 quotations → p40 names → p50 corrections → p55 line ends → p60 header.  Passes 10–50 only *annotate* the source text (see model.py);
``tei.py`` writes the document, which goes to ``tei/<slug>.xml`` atomically.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from lxml import etree

from ..errors import EditionError
from ..project import Edition
from ..xmlio import TEI_NS, XML_NS, write_bytes_atomic
from . import p20_typography, p30_quotations, p40_names, p50_corrections, p55_lines
from .notes import mark_notes
from .p10_structure import build_document
from .p60_header import build_header, build_standoff
from .settings import load_settings
from .source import read_source
from .tei import build_text, serialise

def _shown(path: Path, root: Path) -> str:
    """A path as messages show it: relative to the project when inside it."""
    try:
        return os.path.relpath(path, root) if path.is_relative_to(root) else str(path)
    except ValueError:
        return str(path)


def load_register(edition: Edition, warnings: list[str]):
    path = edition.project.register
    if not path.exists():
        warnings.append(f"{_shown(path, edition.project.root)}: no register: names are not tagged")
        return None
    from ..register import Register

    return Register.load(path)


def convert_document(edition: Edition, warnings: list[str] | None = None) -> etree._ElementTree:
    """Run every pass and return the TEI document (nothing is written); warnings are appended."""
    warnings = [] if warnings is None else warnings
    settings = load_settings(edition)
    source = read_source(edition.text_path, _shown(edition.text_path, edition.project.root))
    register = load_register(edition, warnings)
    doc = build_document(source, settings.structure)
    mark_notes(doc, settings.note_place)
    p20_typography.run(doc)
    p30_quotations.run(doc, settings)
    used = p40_names.run(doc, register) if register else set()
    used |= p50_corrections.run(doc, settings.corrections, register, settings.where)
    used |= _author_refs(edition, register)
    language = str(edition.settings.get("edition", {}).get("language", "en"))
    p55_lines.run(doc, language)
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}lang", language)
    root.set(f"{{{XML_NS}}}id", edition.slug)
    text = build_text(doc, root, str(edition.settings.get("edition", {}).get("title", edition.slug)))
    text.addprevious(build_header(edition, doc, settings, used))
    standoff = build_standoff(register, used, _cited(text), settings)
    if standoff is not None:
        text.addprevious(standoff)
    warnings.extend(doc.warnings)
    return etree.ElementTree(root)


def _author_refs(edition: Edition, register) -> set[str]:
    refs = {a.get("ref") for a in edition.settings.get("edition", {}).get("authors", []) if isinstance(a, dict)}
    refs.discard(None)
    missing = sorted(refs - set(register.ids())) if register else []
    if missing:
        raise EditionError(f"[edition] authors refer to {', '.join(missing)}, not in the register", str(edition.toml_path))
    return refs if register else set()


def _cited(text: etree._Element) -> set[str]:
    return {s[1:] for s in text.xpath("//t:quote/@source", namespaces={"t": TEI_NS})}


def convert_edition(edition: Edition) -> Path:
    """Convert ``edition`` and write ``tei/<slug>.xml`` atomically; return its path."""
    warnings: list[str] = []
    data = serialise(convert_document(edition, warnings).getroot())
    for warning in warnings:  # after the run, so a failing run shows only its error
        click.echo(f"warning: {warning}", err=True)
    write_bytes_atomic(edition.tei_path, data)
    return edition.tei_path
