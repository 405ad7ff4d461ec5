"""Pass 60: the teiHeader and standOff say what the conversion did."""

from __future__ import annotations

import uuid

import pytest
from lxml import etree

from edition.convert import convert_document
from edition.convert.p60_header import EDITION_NS
from edition.errors import EditionError
from edition.xmlio import TEI_NS
from tests.test_convert_helpers import make_project

NS = {"t": TEI_NS}


@pytest.fixture
def header(tmp_path):
    tree = convert_document(make_project(tmp_path).edition("sample"))
    return tree.getroot().find("t:teiHeader", NS)


def _s(node, xpath: str) -> str:
    return node.xpath(f"string({xpath})", namespaces=NS)


def test_file_desc(header):
    assert _s(header, "//t:titleStmt/t:title") == "A Walk in London"
    assert _s(header, "//t:titleStmt/t:author/t:persName/@ref") == "#doe_jane"
    assert _s(header, "//t:publicationStmt/t:date/@when") == "2025-11-25"  # SOURCE_DATE_EPOCH of the tests
    assert _s(header, "//t:publicationStmt/t:idno") == f"urn:uuid:{uuid.uuid5(EDITION_NS, 'sample')}"
    assert _s(header, "//t:licence/@target") == "https://creativecommons.org/licenses/by/4.0/"
    assert _s(header, "//t:sourceDesc//t:idno[@type='filename']") == "text.txt"
    assert len(_s(header, "//t:sourceDesc//t:idno[@type='sha256']")) == 64


def test_editorial_decl_reports_counts(header):
    quotation = _s(header, "//t:quotation")
    assert "2 quotations (quote)" in quotation and "1 titles (title)" in quotation
    assert "1 square-bracket insertions" in _s(header, "//t:interpretation")
    assert "2 sections" in _s(header, "//t:segmentation")
    assert _s(header, "//t:application/@ident") == "edition"
    assert {etree.QName(e).localname for e in header.find("t:encodingDesc/t:editorialDecl", NS)} == {
        "correction", "normalization", "quotation", "hyphenation", "segmentation", "interpretation"}


def test_profile_and_revision(header):
    assert _s(header, "//t:langUsage/t:language/@ident") == "en"
    assert _s(header, "//t:creation/t:date/@when") == "1901"
    assert _s(header, "//t:revisionDesc/t:change/@when") == "2025-11-25"


def test_bad_epoch_is_an_edition_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(EditionError, match="SOURCE_DATE_EPOCH"):
        convert_document(make_project(tmp_path).edition("sample"))


def test_author_missing_from_register_is_refused(tmp_path):
    project = make_project(tmp_path)
    toml = project.root / "sources/sample/edition.toml"
    toml.write_text(toml.read_text().replace('ref = "doe_jane"', 'ref = "nobody"'))
    with pytest.raises(EditionError, match="authors refer to nobody"):
        convert_document(project.edition("sample"))
