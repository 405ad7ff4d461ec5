"""Archival metadata records derived from the teiHeader: DC, MODS, METS, OAI static repository.

Each crosswalk is one stylesheet under ``xslt/metadata/``; this module only
supplies what the teiHeader cannot know: the list of files with their
checksums (for the METS fileSec), the package date and where the OAI
repository will be served.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from lxml import etree

from . import __version__
from .cache import sha256_of
from .errors import EditionError
from .xmlio import write_text_atomic
from .xslt import stylesheet, xdm_document

DC_NS = "http://purl.org/dc/elements/1.1/"

# MIME types by suffix, fixed here rather than taken from the machine's
# mime.types, so two machines write the same METS.
MIME_TYPES = {
    ".css": "text/css",
    ".epub": "application/epub+zip",
    ".html": "text/html",
    ".ico": "image/vnd.microsoft.icon",
    ".jpg": "image/jpeg",
    ".js": "text/javascript",
    ".json": "application/json",
    ".md": "text/markdown",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".rng": "application/xml",
    ".sch": "application/xml",
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".txt": "text/plain",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".xhtml": "application/xhtml+xml",
    ".xml": "application/xml",
    ".xsl": "application/xslt+xml",
}

# TEI files are typed by their role, since their suffix is only ".xml".
TEI_USES = frozenset({"master", "register"})
TEI_MIME = "application/tei+xml"


@dataclass(frozen=True)
class FileEntry:
    """One file of a package as the METS fileSec lists it."""

    id: str
    path: str  # relative to the package root, with "/"
    use: str  # the METS fileGrp it belongs to
    mime: str
    size: int
    sha256: str


def file_entries(root: Path, uses: dict[str, str], exclude: frozenset[str] = frozenset()) -> list[FileEntry]:
    """Every file under ``root`` (sorted, ``exclude`` left out), with its use, type, size and digest.

    ``uses`` maps a relative path or a folder prefix ending in "/" to a METS
    USE value; the longest match wins, files matching none are "other".
    """
    files = sorted(p for p in root.rglob("*") if p.is_file())
    entries = []
    for path in files:
        relative = path.relative_to(root).as_posix()
        if relative in exclude:
            continue
        use = _use_of(relative, uses)
        entries.append(
            FileEntry(
                id=f"file-{len(entries) + 1:04d}",
                path=relative,
                use=use,
                mime=_mime_of(path, use),
                size=path.stat().st_size,
                sha256=sha256_of(path),
            )
        )
    return entries


def _mime_of(path: Path, use: str) -> str:
    return TEI_MIME if use in TEI_USES else MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")


def _use_of(relative: str, uses: dict[str, str]) -> str:
    matches = [key for key in uses if relative == key or (key.endswith("/") and relative.startswith(key))]
    return uses[max(matches, key=len)] if matches else "other"


@dataclass(frozen=True)
class Records:
    """The metadata records of one TEI master, as XML text."""

    dc: str
    mods: str

    def title(self) -> str:
        return self._dc_values("title")[0]

    def identifier(self) -> str:
        """The edition's persistent identifier: its first DC identifier (the urn:uuid)."""
        identifiers = self._dc_values("identifier")
        if not identifiers:
            raise EditionError("the teiHeader has no publicationStmt/idno: the edition needs an identifier")
        return identifiers[0]

    def _dc_values(self, name: str) -> list[str]:
        root = etree.fromstring(self.dc.encode("utf-8"))
        return [el.text or "" for el in root.iter(f"{{{DC_NS}}}{name}")]


def describe(tei: Path) -> Records:
    """The DC and MODS records of the TEI master ``tei``."""
    node = xdm_document(tei)
    return Records(
        dc=stylesheet("metadata/dc.xsl").transform(node),
        mods=stylesheet("metadata/mods.xsl").transform(node),
    )


def write_mets(tei: Path, target: Path, entries: list[FileEntry], created: datetime) -> None:
    """Write the METS document of a package whose files are ``entries`` (paths relative to ``target``)."""
    params = {
        "files": json.dumps([asdict(entry) for entry in entries]),
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "agent": f"edition {__version__}",
    }
    write_text_atomic(target, stylesheet("metadata/mets.xsl").transform(tei, params))


def oai_static_repository(tei: Path, base_url: str, admin_email: str, created: datetime) -> str:
    """The OAI-PMH static repository document offering the edition as oai_dc and MODS."""
    params = {"base-url": base_url, "admin-email": admin_email, "datestamp": created.strftime("%Y-%m-%d")}
    return stylesheet("metadata/oai-static.xsl").transform(tei, params)
