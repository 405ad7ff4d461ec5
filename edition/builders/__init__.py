"""Builders: one class per output format, looked up by name.

Each builder has one entry point, ``build(edition, options) -> Path``, and
registers itself here; the registry also feeds the CLI's choices
(``edition build html|epub|pdf|all``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..project import Edition


@dataclass(frozen=True)
class BuildOptions:
    """Options shared by the API and the CLI."""

    pdf_variant: str | None = None
    force: bool = False
    verbose: bool = False


class Builder(Protocol):
    name: str

    def build(self, edition: Edition, options: BuildOptions) -> Path: ...


REGISTRY: dict[str, type] = {}


def register(cls):
    """Class decorator: make a builder available under ``cls.name``."""
    REGISTRY[cls.name] = cls
    return cls


def load_builders() -> dict[str, type]:
    """Import the builder modules (each registers itself) and return the registry."""
    from . import epub, html, pdf  # noqa: F401  (imported for their @register side effect)

    return dict(sorted(REGISTRY.items()))
