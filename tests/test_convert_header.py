"""Pass 60: the teiHeader and standOff say what the conversion did."""

from __future__ import annotations

import uuid

import pytest
from lxml import etree

from edition.convert import convert_document
from edition.convert.p60_header import EDITION_NS
from edition.errors import EditionError
from edition.xmlio import TEI_NS
from edition.project import Project
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
    assert _s(header, "//t:licence[@n='text']/@target") == "https://creativecommons.org/publicdomain/mark/1.0/"
    assert _s(header, "//t:licence[@n='text']") == "The text: Public Domain Mark 1.0."
    assert _s(header, "//t:licence[@n='edition']/@target") == "https://creativecommons.org/licenses/by/4.0/"
    assert _s(header, "//t:titleStmt/t:respStmt/t:orgName") == "Unknown publisher"
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


def _header(tmp_path, edition_keys: str = "", extra_toml: str = "", rights: bool = True):
    """The teiHeader of the sample with ``edition_keys`` added to [edition] and ``extra_toml`` appended."""
    project = make_project(tmp_path, extra_toml=extra_toml)
    toml = project.root / "sources" / "sample" / "edition.toml"
    text = toml.read_text(encoding="utf-8").replace("[edition]\n", f"[edition]\n{edition_keys}\n", 1)
    if not rights:
        text = text[: text.index("[rights]")] + text[text.index("[source]"):]
    toml.write_text(text, encoding="utf-8")
    return convert_document(Project(project.root).edition("sample")).getroot().find("t:teiHeader", NS)


def test_rights_holders_editors_keywords_description_and_address(tmp_path):
    keys = ('subject = "Labour; London"\nkeywords = ["London", "walks"]\ndescription = "A walk."\ngenre = "essay"\n'
            'editors = [{ name = "Ann Editor", resp = "Edited by" }]')
    header = _header(tmp_path, keys, '[package]\nbase_url = "https://editions.uni-stadt.de/dist"\n')
    assert _s(header, "//t:respStmt/t:resp") == "Edited by" and _s(header, "//t:respStmt/t:persName") == "Ann Editor"
    terms = header.xpath("//t:textClass/t:keywords[not(@n)]/t:term/text()", namespaces=NS)
    assert terms == ["Labour", "London", "walks"]
    assert header.xpath("//t:keywords[@n='genre']/t:term/text()", namespaces=NS) == ["essay"]
    assert _s(header, "//t:profileDesc/t:abstract") == "A walk."
    assert _s(header, "//t:publicationStmt/t:idno[@type='URL']") == "https://editions.uni-stadt.de/dist/sample/html/"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[package]\nbase_url = "https://editions.example.org"', r"\[package\] base_url is a placeholder"),
        ('[rights]\ntext_status = "In copyright"', r"\[rights\] text_status 'In copyright' is not one of"),
        ('[rights]\ntext_holders = ["FILL IN"]', r"\[rights\] text_holders still holds a placeholder"),
        ('[rights]\nedition_licence_url = "https://licence.invalid/x"', r"\[rights\] edition_licence_url is a placeholder"),
    ],
)
def test_bad_rights_and_addresses_are_one_line_errors(tmp_path, extra, message):
    with pytest.raises(EditionError, match=message) as caught:
        _header(tmp_path, extra_toml="\n" + extra + "\n", rights=False)
    assert caught.value.place.endswith("edition.toml")


def test_the_editors_release_date_is_not_overridden_by_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15
    header = _header(tmp_path, 'release_date = "2024-05-01"')
    assert _s(header, "//t:publicationStmt/t:date/@when") == "2024-05-01"
    assert _s(header, "//t:revisionDesc/t:change/@when") == "2024-05-01"
