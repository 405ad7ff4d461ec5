"""The metadata crosswalks: DC, MODS, METS and the OAI static repository agree with the teiHeader.

METS is validated against mets.xsd (tests/data/schemas, from metsrw) with a
local XLink schema; MODS 3.x, oai_dc and the OAI static repository schema are
not available offline (see tests/data/schemas/README.md), so those records are
checked for their namespaces, element sets and facts instead.
"""

from __future__ import annotations

import hashlib
import importlib.util
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from edition import metadata
from edition.xmlio import NS, parse_xml, safe_parser

from .conftest import ROOT, SAMPLE_TEI
from .package_project import mets_schema as load_mets_schema

MASTER = ROOT / "tei" / "bureaucratism.xml"
DC = "http://purl.org/dc/elements/1.1/"
MODS = "http://www.loc.gov/mods/v3"
METS = "http://www.loc.gov/METS/"
OAI = "http://www.openarchives.org/OAI/2.0/"
STATIC = "http://www.openarchives.org/OAI/2.0/static-repository"
XLINK = "http://www.w3.org/1999/xlink"
DC_ELEMENTS = {
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
    "format", "identifier", "source", "language", "relation", "coverage", "rights",
}
MODS_TOP_LEVEL = {
    "titleInfo", "name", "typeOfResource", "genre", "originInfo", "language", "physicalDescription",
    "abstract", "tableOfContents", "targetAudience", "note", "subject", "classification",
    "relatedItem", "identifier", "location", "accessCondition", "part", "extension", "recordInfo",
}
CREATED = datetime(2025, 11, 25, tzinfo=timezone.utc)

masters = pytest.mark.parametrize(
    "tei",
    [
        SAMPLE_TEI,
        MASTER,
    ],
    ids=["sample", "bureaucratism"],
)


class Header:
    """The facts of a teiHeader, read with lxml independently of the stylesheets."""

    def __init__(self, tei: Path):
        root = parse_xml(tei).getroot()
        self.root = root
        self.title = " ".join(root.xpath("string(//tei:titleStmt/tei:title[@type='main'])", namespaces=NS).split())
        self.authors = root.xpath("//tei:titleStmt/tei:author", namespaces=NS)
        self.issued = root.xpath("string(//tei:publicationStmt/tei:date/@when)", namespaces=NS)
        self.created = root.xpath("string(//tei:profileDesc/tei:creation/tei:date/@when)", namespaces=NS)
        self.identifiers = [i.text.strip() for i in root.xpath("//tei:publicationStmt/tei:idno", namespaces=NS)]
        self.languages = root.xpath("//tei:langUsage/tei:language/@ident", namespaces=NS)

    def person(self, author) -> tuple[str, str] | None:
        """(forename, surname) of the register entry the author links to."""
        ref = author.xpath("string(tei:persName/@ref)", namespaces=NS).removeprefix("#")
        entry = self.root.xpath(f"//tei:person[@xml:id='{ref}']/tei:persName[@type='main']", namespaces=NS)
        if not ref or not entry:
            return None
        return entry[0].findtext(f"{{{NS['tei']}}}forename"), entry[0].findtext(f"{{{NS['tei']}}}surname")

    def author_names(self) -> list[str]:
        names = []
        for author in self.authors:
            person = self.person(author)
            names.append(f"{person[1]}, {person[0]}" if person else " ".join("".join(author.itertext()).split()))
        return names

    def heads(self) -> list[str]:
        divs = self.root.xpath("//tei:body/tei:div", namespaces=NS)
        return [" ".join(d.xpath("string(tei:head)", namespaces=NS).split()) for d in divs]


def xml(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"), safe_parser())


def texts(root: etree._Element, path: str, ns: dict) -> list[str]:
    return [" ".join("".join(el.itertext()).split()) for el in root.xpath(path, namespaces=ns)]


@masters
def test_dc_carries_the_header_facts(tei):
    header, dc = Header(tei), xml(metadata.describe(tei).dc)
    ns = {"dc": DC}
    assert dc.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"
    assert texts(dc, "dc:title", ns) == [header.title]
    assert texts(dc, "dc:creator", ns) == header.author_names()
    assert texts(dc, "dc:date", ns) == [header.issued]
    assert texts(dc, "dc:identifier", ns) == header.identifiers
    assert texts(dc, "dc:language", ns) == header.languages
    assert {etree.QName(el).localname for el in dc} <= DC_ELEMENTS
    assert {etree.QName(el).namespace for el in dc} == {DC}


@masters
def test_mods_carries_the_header_facts(tei):
    header, mods = Header(tei), xml(metadata.describe(tei).mods)
    ns = {"m": MODS}
    assert mods.tag == f"{{{MODS}}}mods" and mods.get("version") == "3.8"
    assert texts(mods, "m:titleInfo/m:title", ns) == [header.title]
    names = mods.xpath("m:name[@type='personal']", namespaces=ns)
    assert len(names) == len(header.authors)
    for name, author in zip(names, header.authors):
        person = header.person(author)
        if person:
            assert texts(name, "m:namePart[@type='given']", ns) == [person[0]]
            assert texts(name, "m:namePart[@type='family']", ns) == [person[1]]
        else:
            assert texts(name, "m:namePart", ns) == [" ".join("".join(author.itertext()).split())]
        assert texts(name, "m:role/m:roleTerm[@type='code']", ns) == ["aut"]
    assert texts(mods, "m:originInfo/m:dateIssued", ns) == [header.issued]
    assert texts(mods, "m:relatedItem[@type='original']/m:originInfo/m:dateCreated", ns) == [header.created]
    assert texts(mods, "m:identifier", ns) == header.identifiers
    assert {etree.QName(el).localname for el in mods} <= MODS_TOP_LEVEL


def test_linked_authors_are_inverted_and_carry_their_authority_ids(tmp_path):
    tei = tmp_path / "linked.xml"
    idno = '<idno type="URI" subtype="wikidata">http://www.wikidata.org/entity/Q1</idno>'
    text = SAMPLE_TEI.read_text(encoding="utf-8")
    tei.write_text(text.replace("Author of the sample.</note>", f"Author of the sample.</note>{idno}"), encoding="utf-8")
    records = metadata.describe(tei)
    assert texts(xml(records.dc), "dc:creator", {"dc": DC}) == ["Doe, Jane", "Roe, Richard"]
    assert texts(xml(records.mods), "m:name/m:nameIdentifier", {"m": MODS}) == ["http://www.wikidata.org/entity/Q1"]


@pytest.fixture(scope="module")
def mets_schema() -> etree.XMLSchema:
    return load_mets_schema()


@pytest.fixture
def payload(tmp_path) -> tuple[Path, list[metadata.FileEntry]]:
    root = tmp_path / "payload"
    for name, data in {"tei/sample.xml": SAMPLE_TEI.read_bytes(), "html/index.html": b"<p>x</p>",
                       "sample.epub": b"PK", "sample.pdf": b"%PDF", "metadata/dc.xml": b"<dc/>"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    uses = {"tei/": "master", "html/": "html", "metadata/": "metadata"}
    return root, metadata.file_entries(root, uses)


def mets_of(tei: Path, payload, tmp_path) -> etree._Element:
    target = tmp_path / "mets.xml"
    metadata.write_mets(tei, target, payload[1], CREATED)
    return parse_xml(target).getroot()


@masters
def test_mets_validates_and_lists_every_file_with_its_checksum(tei, payload, tmp_path, mets_schema):
    mets = mets_of(tei, payload, tmp_path)
    mets_schema.assertValid(mets)
    ns = {"mets": METS, "xlink": XLINK}
    header = Header(tei)
    assert mets.get("OBJID") == header.identifiers[0] and mets.get("LABEL") == header.title
    files = mets.xpath("//mets:file", namespaces=ns)
    root = payload[0]
    assert [f.find(f"{{{METS}}}FLocat").get(f"{{{XLINK}}}href") for f in files] == [e.path for e in payload[1]]
    for file in files:
        path = root / file.find(f"{{{METS}}}FLocat").get(f"{{{XLINK}}}href")
        assert file.get("CHECKSUM") == hashlib.sha256(path.read_bytes()).hexdigest() and file.get("CHECKSUMTYPE") == "SHA-256"
        assert int(file.get("SIZE")) == path.stat().st_size
    mimes = {f.find(f"{{{METS}}}FLocat").get(f"{{{XLINK}}}href"): f.get("MIMETYPE") for f in files}
    assert mimes["sample.pdf"] == "application/pdf" and mimes["sample.epub"] == "application/epub+zip"
    assert mimes["tei/sample.xml"] == "application/tei+xml"
    assert mets.xpath("//mets:fileGrp/@USE", namespaces=ns) == ["HTML", "METADATA", "OTHER", "CONTENT"]
    mods = mets.find(f".//{{{METS}}}mdWrap[@MDTYPE='MODS']/{{{METS}}}xmlData/{{{MODS}}}mods")
    assert texts(mods, "m:titleInfo/m:title", {"m": MODS}) == [header.title]


@masters
def test_mets_structmap_follows_the_divisions(tei, payload, tmp_path):
    mets = mets_of(tei, payload, tmp_path)
    ns = {"mets": METS}
    edition = mets.find(f".//{{{METS}}}structMap/{{{METS}}}div")
    sections = edition.xpath("mets:div[@TYPE='section']", namespaces=ns)
    assert [s.get("LABEL") for s in sections] == Header(tei).heads()
    assert [s.get("ORDER") for s in sections] == [str(n) for n in range(1, len(sections) + 1)]
    assert edition.xpath("mets:div[@TYPE='front']/mets:div[@TYPE='preface']", namespaces=ns)
    master_id = next(e.id for e in payload[1] if e.use == "master")
    areas = edition.xpath(".//mets:area", namespaces=ns)
    assert {a.get("FILEID") for a in areas} == {master_id}
    ids = set(parse_xml(tei).getroot().xpath("//@xml:id"))
    assert {a.get("BEGIN") for a in areas} <= ids


def test_the_mets_schema_is_really_applied(payload, tmp_path, mets_schema):
    mets = mets_of(SAMPLE_TEI, payload, tmp_path)
    mets.find(f".//{{{METS}}}file").set("CHECKSUMTYPE", "SHA-999")
    assert not mets_schema.validate(mets)


def test_oai_static_repository_offers_dc_and_mods(tmp_path):
    repo = xml(metadata.oai_static_repository(SAMPLE_TEI, "https://x.example/oai.xml", "a@x.example", CREATED))
    ns = {"s": STATIC, "oai": OAI, "dc": DC, "m": MODS}
    assert repo.tag == f"{{{STATIC}}}Repository"
    assert texts(repo, "s:Identify/oai:baseURL", ns) == ["https://x.example/oai.xml"]
    assert texts(repo, "s:Identify/oai:granularity", ns) == ["YYYY-MM-DD"]
    assert repo.xpath("s:ListMetadataFormats/oai:metadataFormat/oai:metadataPrefix/text()", namespaces=ns) == ["oai_dc", "mods"]
    assert repo.xpath("s:ListRecords/@metadataPrefix", namespaces=ns) == ["oai_dc", "mods"]
    header = Header(SAMPLE_TEI)
    assert texts(repo, "//oai:header/oai:identifier", ns) == [header.identifiers[0]] * 2
    assert texts(repo, "//oai:header/oai:datestamp", ns) == ["2025-11-25"] * 2
    assert texts(repo, "//oai:metadata/*/dc:title", ns) == [header.title]
    assert texts(repo, "//oai:metadata/m:mods/m:titleInfo/m:title", ns) == [header.title]


def test_file_entries_skip_excluded_files_and_type_by_suffix(payload):
    root, _ = payload
    entries = metadata.file_entries(root, {"tei/": "master"}, exclude=frozenset({"sample.pdf"}))
    assert [e.path for e in entries] == ["html/index.html", "metadata/dc.xml", "sample.epub", "tei/sample.xml"]
    assert [e.use for e in entries] == ["other", "other", "other", "master"]
    assert entries[-1].mime == "application/tei+xml" and entries[0].mime == "text/html"
    assert entries[1].mime == "application/xml"


def test_the_shipped_mets_schema_is_metsrw_s():
    spec = importlib.util.find_spec("metsrw")
    installed = Path(spec.submodule_search_locations[0]) / "resources" / "mets.xsd"
    assert (ROOT / "tests" / "data" / "schemas" / "mets.xsd").read_bytes() == installed.read_bytes()
