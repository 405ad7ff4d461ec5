"""An edition's settings and paths: one object shared by the CLI and the API.

A project folder holds ``sources/<slug>/`` (the plain text and its
``edition.toml``), ``tei/`` (masters and the register) and ``dist/`` (outputs).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EditionError

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def check_slug(slug: str) -> str:
    """Refuse slugs that could escape ``dist/`` or ``sources/`` (``../x``, ``a/b``)."""
    if not SLUG_RE.match(slug):
        raise EditionError(f"invalid slug {slug!r}: use lower-case letters, digits and hyphens")
    return slug


@dataclass(frozen=True)
class Project:
    """The folder the CLI works in."""

    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def tei_dir(self) -> Path:
        return self.root / "tei"

    @property
    def register(self) -> Path:
        return self.tei_dir / "register.xml"

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    @property
    def cache(self) -> Path:
        """``dist/.cache/``: what runs share (font subsets, GeoNames facts, EPUBCheck verdicts).
        Always the project's own dist/, also while a build stages its outputs elsewhere."""
        return self.root / "dist" / ".cache"

    def slugs(self) -> list[str]:
        """Every edition under ``sources/`` (a folder with an ``edition.toml``), sorted."""
        return sorted(p.parent.name for p in self.sources.glob("*/edition.toml"))

    def edition(self, slug: str) -> "Edition":
        return Edition.load(self, check_slug(slug))


@dataclass(frozen=True)
class Edition:
    """One edition: its settings from ``edition.toml`` and where its files live."""

    project: Project
    slug: str
    settings: dict = field(repr=False)

    @classmethod
    def load(cls, project: Project, slug: str) -> "Edition":
        toml_path = project.sources / slug / "edition.toml"
        if not toml_path.is_file():
            raise EditionError("no such edition (edition.toml not found)", str(toml_path))
        try:
            settings = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise EditionError(f"invalid TOML: {exc}", str(toml_path)) from None
        return cls(project, slug, settings)

    @property
    def source_dir(self) -> Path:
        return self.project.sources / self.slug

    @property
    def toml_path(self) -> Path:
        return self.source_dir / "edition.toml"

    @property
    def text_path(self) -> Path:
        name = self.settings.get("source", {}).get("file")
        if not name:
            raise EditionError("[source] file is not set", str(self.toml_path))
        return self.source_dir / name

    @property
    def tei_path(self) -> Path:
        return self.project.tei_dir / f"{self.slug}.xml"

    def master(self) -> Path:
        """The TEI master every output is built from; one clear error when it is missing."""
        if not self.tei_path.is_file():
            raise EditionError("no TEI master: run `edition convert` first", str(self.tei_path))
        return self.tei_path

    @property
    def dist_dir(self) -> Path:
        return self.project.dist / self.slug
