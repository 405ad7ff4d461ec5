"""Records as a library's ingest reads them: MODS against the official MODS 3.8 schema, each
DC element against the DCMI schema, rights stated apart for the text and the edition in every
record, bag folders and files readable by another user, and verify catching what fixity cannot."""

from __future__ import annotations

import copy
import os
import stat
from pathlib import Path

import bagit
import pytest
from lxml import etree

from edition import metadata, package
from edition.errors import EditionError
from edition.xmlio import safe_parser

from .buildkit import make_corpus, run, use_fake_builders
from .conftest import ROOT, SAMPLE_TEI
from .package_project import SCHEMAS, LocalSchemas, make_project

MASTER = ROOT / "tei" / "bureaucratism.xml"
DC = "http://purl.org/dc/elements/1.1/"
MODS = "http://www.loc.gov/mods/v3"
XLINK = "http://www.w3.org/1999/xlink"
IN_COPYRIGHT = "http://rightsstatements.org/vocab/InC/1.0/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def schema(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name), parser))


def xml(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"), safe_parser())


@pytest.mark.parametrize("tei", [SAMPLE_TEI, MASTER], ids=["sample", "bureaucratism"])
def test_mods_is_valid_mods_3_8(tei):
    schema("mods-3-8.xsd").assertValid(xml(metadata.describe(tei).mods))


@pytest.mark.parametrize("tei", [SAMPLE_TEI, MASTER], ids=["sample", "bureaucratism"])
def test_dc_is_valid_oai_dc(tei):
    schema("oai_dc.xsd").assertValid(xml(metadata.describe(tei).dc))


def oai_pmh_schema() -> etree.XMLSchema:
    """OAI-PMH 2.0 with the oai_dc and MODS schemas its strict metadata wildcard needs."""
    driver = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="http://www.openarchives.org/OAI/2.0/" schemaLocation="{SCHEMAS / 'OAI-PMH.xsd'}"/>
      <xs:import namespace="http://www.openarchives.org/OAI/2.0/oai_dc/" schemaLocation="{SCHEMAS / 'oai_dc.xsd'}"/>
      <xs:import namespace="{MODS}" schemaLocation="{SCHEMAS / 'mods-3-8.xsd'}"/>
    </xs:schema>"""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(LocalSchemas())
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=str(SCHEMAS) + "/"))


def gateway_responses(repository: etree._Element, base_url: str) -> list[etree._Element]:
    """What a static repository gateway answers from the file: Identify, ListMetadataFormats
    and ListRecords for each format, as OAI-PMH responses."""
    oai, static = "http://www.openarchives.org/OAI/2.0/", "http://www.openarchives.org/OAI/2.0/static-repository"
    responses = []
    for verb, element, prefix in [("Identify", "Identify", None), ("ListMetadataFormats", "ListMetadataFormats", None),
                                  *[("ListRecords", "ListRecords", p) for p in repository.xpath("s:ListRecords/@metadataPrefix", namespaces={"s": static})]]:
        response = etree.Element(f"{{{oai}}}OAI-PMH")
        etree.SubElement(response, f"{{{oai}}}responseDate").text = "2025-11-25T00:00:00Z"
        request = etree.SubElement(response, f"{{{oai}}}request", verb=verb, **({"metadataPrefix": prefix} if prefix else {}))
        request.text = base_url
        body = etree.SubElement(response, f"{{{oai}}}{element}")
        source = repository.find(f"{{{static}}}{element}") if prefix is None else repository.xpath(
            "s:ListRecords[@metadataPrefix = $p]", namespaces={"s": static}, p=prefix)[0]
        body.extend(copy.deepcopy(child) for child in source)
        responses.append(response)
    return responses


def test_the_gateways_answers_from_the_static_repository_are_valid_oai_pmh(published):
    edition = published[1]
    package.package_edition(edition)
    repository = etree.parse(str(edition.dist_dir / "oai-static.xml")).getroot()
    base_url = repository.xpath("string(//*[local-name()='baseURL'])")
    assert base_url == "https://gateway.uni-stadt.de/oai/editions.uni-stadt.de/dist/sample/oai-static.xml"
    validator = oai_pmh_schema()
    responses = gateway_responses(repository, base_url)
    assert [r[1].get("verb") for r in responses] == ["Identify", "ListMetadataFormats", "ListRecords", "ListRecords"]
    for response in responses:
        validator.assertValid(response)


@pytest.mark.parametrize("tei", [SAMPLE_TEI, MASTER], ids=["sample", "bureaucratism"])
def test_every_dc_element_is_valid_dcmes(tei):
    dc_schema = schema("dc.xsd")
    elements = list(xml(metadata.describe(tei).dc))
    assert elements and all(element.tag.startswith(f"{{{DC}}}") for element in elements)
    for element in elements:
        dc_schema.assertValid(etree.ElementTree(element))


def test_the_seed_states_the_texts_rights_and_the_editions_licence_apart():
    records = metadata.describe(MASTER)
    dc, mods = xml(records.dc), xml(records.mods)
    assert dc.xpath("dc:rights/text()", namespaces={"dc": DC}) == [
        "The text: In Copyright.", IN_COPYRIGHT,
        "This edition's encoding, register and apparatus: Creative Commons Attribution 4.0 International (CC BY 4.0).", CC_BY,
    ]
    conditions = mods.xpath("m:accessCondition", namespaces={"m": MODS})
    assert [(c.get("displayLabel"), c.get(f"{{{XLINK}}}href")) for c in conditions] == [
        ("Rights of the text", IN_COPYRIGHT), ("Licence of this edition", CC_BY)]
    assert "CC BY" not in conditions[0].text and "In Copyright" not in conditions[1].text


def test_subjects_description_and_genre_reach_dc_and_mods():
    records = metadata.describe(MASTER)
    dc, mods = xml(records.dc), xml(records.mods)
    assert "Stalinism" in dc.xpath("dc:subject/text()", namespaces={"dc": DC})
    assert dc.xpath("string(dc:description)", namespaces={"dc": DC}).startswith("An analysis")
    assert mods.xpath("string(m:abstract)", namespaces={"m": MODS}).startswith("An analysis")
    assert mods.xpath("m:genre/text()", namespaces={"m": MODS}) == ["essay"]


@pytest.fixture
def published(tmp_path, monkeypatch):
    """A bag of the sample with an address: its TEI says where the edition lives."""
    monkeypatch.setattr(package, "epubcheck_jar", lambda: None)
    tei = tmp_path / "with-url.xml"
    url = "https://editions.uni-stadt.de/dist/sample/html/"
    text = SAMPLE_TEI.read_text(encoding="utf-8")
    marker = "<idno type=\"URI\">"
    assert marker in text
    tei.write_text(text.replace(marker, f'<idno type="URL">{url}</idno>{marker}', 1), encoding="utf-8")
    return url, make_project(tmp_path / "project", tei)


def test_the_editions_address_is_in_dc_mods_and_mets(published):
    url, edition = published
    records = metadata.describe(edition.tei_path)
    assert url in xml(records.dc).xpath("dc:identifier/text()", namespaces={"dc": DC})
    assert xml(records.mods).xpath("m:location/m:url/text()", namespaces={"m": MODS}) == [url]
    schema("mods-3-8.xsd").assertValid(xml(records.mods))
    mets = etree.parse(str(package.package_edition(edition) / "data" / "mets.xml"))
    assert mets.xpath("//m:metsHdr/m:altRecordID[@TYPE='URL']/text()", namespaces={"m": "http://www.loc.gov/METS/"}) == [url]


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_bag_folders_and_files_have_the_usual_modes(published, umask):
    _url, edition = published
    old = os.umask(umask)
    try:
        bag = package.package_edition(edition)
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [bag, *bag.rglob("*")] if p.is_dir()}
    assert modes == {0o777 & ~umask}
    modes = {stat.S_IMODE(p.stat().st_mode) for p in bag.rglob("*") if p.is_file()}
    assert modes == {0o666 & ~umask}


def test_the_bag_declares_bagit_1_0_and_validates(published):
    bag = package.package_edition(published[1])
    assert (bag / "bagit.txt").read_text(encoding="utf-8").startswith("BagIt-Version: 1.0\n")
    checked = bagit.Bag(str(bag))
    assert checked.version_info == (1, 0)
    checked.validate()


def _remanifest(bag: Path, relative: str, data: bytes) -> None:
    """Edit a payload file and rewrite the bag's manifests, as someone covering their tracks would."""
    (bag / "data" / relative).write_bytes(data)
    bagit.Bag(str(bag)).save(manifests=True)


def test_verify_catches_a_file_edited_and_re_manifested(published):
    bag = package.package_edition(published[1])
    _remanifest(bag, "README.txt", b"rewritten\n")
    bagit.Bag(str(bag)).validate()  # BagIt alone is satisfied
    with pytest.raises(EditionError, match="SHA-256 differs from the METS fileSec") as caught:
        package.verify_bag(bag)
    assert caught.value.place == str(bag / "data" / "README.txt")


def test_verify_names_the_manifest_when_the_manifest_was_edited(published):
    bag = package.package_edition(published[1])
    manifest = bag / "manifest-sha256.txt"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines[0] = "0" * 64 + lines[0][64:]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(EditionError, match="checksum mismatch") as caught:
        package.verify_bag(bag)
    assert caught.value.place == str(manifest)


def test_a_build_leaves_no_staging_folder_behind(tmp_path, monkeypatch):
    root = tmp_path / "project"
    make_corpus(root, 1)
    use_fake_builders(monkeypatch)
    result = run(root, "build", "all", "--all-editions", "--quiet")
    assert result.exit_code == 0, result.output
    assert not (root / "dist" / ".staging").exists()
