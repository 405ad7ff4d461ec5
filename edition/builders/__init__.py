"""Builders: one class per output format, looked up by name.

Each builder has one entry point, ``build(edition, options) -> Path``, and
registers itself here; ``edition.orchestrate.builder_for`` imports the one
module a build needs and looks its builder up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

from ..project import Edition
from ..xmlio import parse_xml


@dataclass(frozen=True)
class BuildOptions:
    """Options shared by the API and the CLI."""

    pdf_variant: str | None = None
    # The PDF of a long book is typeset in chunks by worker processes: "auto" (by its
    # length), "on" or "off"; ``workers`` of them (None: one per core).
    pdf_chunks: str = "auto"
    workers: int | None = None
    # Set by ``edition build``: one EditionContext per edition, shared by its builders.
    context: "EditionContext | None" = None
    # Set by ``edition build all`` for the HTML: the formats (epub, pdf) still being built
    # beside it, which the site lists now and gets copied in when they are done.
    books_to_come: tuple[str, ...] = ()


class EditionContext:
    """What every builder of one edition needs, computed once (lazily) and shared.

    ``edition build all`` hands the same object to the PDF, EPUB and HTML
    builders through ``BuildOptions.context``, so the TEI is parsed once for
    lxml and once for Saxon.
    """

    def __init__(self, edition: Edition):
        self.edition = edition

    @cached_property
    def tree(self):
        """The TEI master as an lxml tree (parsed safely)."""
        return parse_xml(self.edition.tei_path)

    @cached_property
    def xdm(self):
        """The TEI master as a Saxon node, for ``Stylesheet.transform``."""
        from ..xslt import xdm_document

        return xdm_document(self.edition.tei_path)

    @cached_property
    def collation(self) -> str:
        """The stylesheets' ``collation`` parameter: register entries in UCA order.  Every
        builder needs it and making it loads pyuca's whole table (some 0.4 s of CPU), so it
        is remembered across runs under the sha256 of its inputs (pdf_xslt.py)."""
        from ..collation import collation_param
        from .pdf_xslt import ranks_inputs, remembered, saxon_version, xslt_inputs

        kept = self.edition.project.cache / "print" / f"{self.edition.slug}.collation.json"
        inputs = xslt_inputs(self.edition.tei_path) + ranks_inputs()
        return remembered(kept, inputs, {"saxon": saxon_version()}, lambda: collation_param(self.xdm))


def context_for(edition: Edition, options: BuildOptions) -> EditionContext:
    """The shared context in ``options`` when it is this edition's, else a fresh one.

    Every builder starts here, so a missing TEI master is reported the same way for all."""
    edition.master()
    shared = options.context
    return shared if shared is not None and shared.edition.slug == edition.slug else EditionContext(edition)


class Builder(Protocol):
    name: str

    def build(self, edition: Edition, options: BuildOptions) -> Path: ...


REGISTRY: dict[str, type] = {}


def register(cls):
    """Class decorator: make a builder available under ``cls.name``."""
    REGISTRY[cls.name] = cls
    return cls
