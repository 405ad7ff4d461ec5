"""A throw-away project for packaging tests: a TEI master, a register and stand-in outputs.

The HTML, EPUB and PDF are small stand-in files, so packaging is tested
without depending on the real builders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from edition.project import Edition, Project

from .test_convert_helpers import REGISTER  # a small register that includes the sample's doe_jane

SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"

PACKAGE_SETTINGS = """
[package]
source_organization = "Edition toolchain project"
organization_address = "Online"
contact_name = "The editors"
contact_email = "editors@editions.uni-stadt.de"
base_url = "https://editions.uni-stadt.de/dist"
oai_gateway = "https://gateway.uni-stadt.de/oai"
"""

SAMPLE_TOML = """
[edition]
title = "A Sample Edition"
publisher = "Edition toolchain project"

[source]
file = "sample.txt"
""" + PACKAGE_SETTINGS


STAND_INS = {
    "html/index.html": b"<!DOCTYPE html><title>stand-in</title>",
    "html/css/screen.css": b"body{}",
    "html/.cache.json": b"{}",  # hidden: must stay out of the bag
    "{slug}.epub": b"PK\x03\x04 stand-in epub",
    "{slug}.pdf": b"%PDF-1.7 stand-in pdf",
}


def make_project(root: Path, tei: Path, slug: str = "sample", toml: str = SAMPLE_TOML) -> Edition:
    """A project under ``root`` holding ``tei`` as tei/<slug>.xml, a register and stand-in outputs."""
    (root / "sources" / slug).mkdir(parents=True)
    (root / "sources" / slug / "edition.toml").write_text(toml, encoding="utf-8")
    (root / "tei").mkdir()
    shutil.copyfile(tei, root / "tei" / f"{slug}.xml")
    (root / "tei" / "register.xml").write_text(REGISTER, encoding="utf-8")
    for name, data in STAND_INS.items():
        path = root / "dist" / slug / name.format(slug=slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return Project(root).edition(slug)


# oai_dc.xsd imports DCMI's simpledc20021212.xsd; its successor dc.xsd (2008-02-11) declares
# the same fifteen elements in the same namespace, and is the copy shipped here.
SUCCESSORS = {"simpledc20021212.xsd": "dc.xsd"}


class LocalSchemas(etree.Resolver):
    """Serve the schemas' remote imports from tests/data/schemas; nothing goes to the network."""

    def resolve(self, url, pubid, context):
        name = Path(url).name
        local = SCHEMAS / SUCCESSORS.get(name, name)
        return self.resolve_filename(str(local), context) if local.is_file() else None


def mets_schema() -> etree.XMLSchema:
    """mets.xsd (from metsrw) with its XLink import served locally."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "mets.xsd"), parser))
