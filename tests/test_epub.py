"""EPUB 3: EPUBCheck-clean, a linked index of names, print page-list, metadata, reproducibility."""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from edition.builders.epub import publication_id
from edition.errors import EditionError

from .conftest import SAMPLE_TEI
from .epub_build import NSMAP, OPS, XHTML, build, documents, epubcheck_messages, parts, sample_project, seed_project, write_pages, xml

pytestmark = pytest.mark.slow

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# EPUBCheck reports every @font-face at "usage" level; embedding fonts is the point.
EXPECTED_USAGE = {"CSS-028"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    project = sample_project(tmp_path_factory.mktemp("sample"))
    return project, build(project, "sample")


@pytest.fixture(scope="module")
def seed_paged(tmp_path_factory):
    """The seed edition built after a (stand-in) PDF page map."""
    project = seed_project(tmp_path_factory.mktemp("seed"))
    pages = write_pages(project, "bureaucratism")
    return project, build(project, "bureaucratism"), pages


def _problems(epub):
    return [m for m in epubcheck_messages(epub) if m["severity"] != "USAGE" or m["ID"] not in EXPECTED_USAGE]


def test_epubcheck_sample_clean(sample):
    assert _problems(sample[1]) == []


def test_epubcheck_seed_with_page_list_clean(seed_paged):
    assert _problems(seed_paged[1]) == []


def test_container_mimetype_first_and_stored(sample):
    with zipfile.ZipFile(sample[1]) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/epub+zip"
        assert {info.date_time for info in archive.infolist()} == {(2025, 11, 25, 0, 0, 0)}
    assert sample[1].read_bytes()[30:38] == b"mimetype"  # no extra field before the name


def test_two_builds_identical(tmp_path):
    project = seed_project(tmp_path)
    first = hashlib.sha256(build(project, "bureaucratism").read_bytes()).hexdigest()
    second = hashlib.sha256(build(project, "bureaucratism").read_bytes()).hexdigest()
    assert first == second


def _locators(docs):
    return [a.get("href") for a in docs["index.xhtml"].iterfind(f".//{{{XHTML}}}a[@{{{OPS}}}type='index-locator']")]


def _resolves(docs, href):
    file, _, fragment = href.partition("#")
    return bool(docs[file].xpath("//*[@id=$id]", id=fragment))


@pytest.mark.parametrize("which", ["sample", "seed_paged"])
def test_every_index_link_resolves(which, request):
    docs = documents(request.getfixturevalue(which)[1])
    locators = _locators(docs)
    assert locators
    assert [href for href in locators if not _resolves(docs, href)] == []


@pytest.mark.parametrize("which", ["sample", "seed_paged"])
def test_every_mention_is_in_the_index(which, request):
    project, epub = request.getfixturevalue(which)[:2]
    slug = epub.stem
    tei = xml((project.tei_dir / f"{slug}.xml").read_bytes())
    mentions = [el for el in tei.iterfind(f".//{TEI}text//*[@ref]") if el.tag in {f"{TEI}persName", f"{TEI}placeName", f"{TEI}orgName"}]
    docs = documents(epub)
    targets = {href.partition("#")[2] for href in _locators(docs)}
    assert [m.get(XML_ID) for m in mentions if m.get(XML_ID) not in targets] == []
    for mention in mentions:  # …and under the entry of the entity it refers to
        entry = docs["index.xhtml"].xpath("//*[@id=$id]", id="index-" + mention.get("ref")[1:])
        assert entry and entry[0].xpath(".//h:a[substring-after(@href, '#')=$m]", namespaces=NSMAP, m=mention.get(XML_ID))


def test_index_vocabulary(sample):
    index = documents(sample[1])["index.xhtml"]
    entries = index.xpath("//h:section[@epub:type='index']//h:li[@epub:type='index-entry']", namespaces=NSMAP)
    terms = [e.xpath("string(h:span[@epub:type='index-term'])", namespaces=NSMAP) for e in entries]
    assert terms == ["Doe, Jane", "Roe, Richard", "Trotsky, Leon", "Kronstadt", "Russia", "Bolsheviks"]


def _package(epub):
    return xml(parts(epub)["EPUB/package.opf"])


def test_package_metadata(sample):
    opf = _package(sample[1])
    meta = lambda prop: opf.xpath("//opf:meta[@property=$p]/text()", namespaces=NSMAP, p=prop)  # noqa: E731
    assert opf.xpath("//dc:identifier/text()", namespaces=NSMAP) == ["urn:uuid:00000000-0000-5000-8000-000000000000"]
    assert opf.xpath("//dc:creator/text()", namespaces=NSMAP) == ["Jane Doe", "Richard Roe"]
    assert opf.xpath("//opf:meta[@property='role'][@scheme='marc:relators']/text()", namespaces=NSMAP) == ["aut", "aut"]
    assert opf.xpath("//dc:title/text()", namespaces=NSMAP) == ["A Sample Edition & Its <Test> Title"]
    assert meta("dcterms:modified") == ["2025-11-25T00:00:00Z"]
    assert meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert meta("schema:accessModeSufficient") == ["textual"]
    assert meta("schema:accessibilityHazard") == ["none"]
    assert {"tableOfContents", "index", "readingOrder", "structuralNavigation"} <= set(meta("schema:accessibilityFeature"))
    assert "printPageNumbers" not in meta("schema:accessibilityFeature")
    assert opf.xpath("//opf:item[@properties='cover-image']/@href", namespaces=NSMAP) == ["images/cover.png"]


def _tei_with_idno(idno: str):
    return etree.ElementTree(xml(SAMPLE_TEI.read_bytes().replace(b"urn:uuid:00000000-0000-5000-8000-000000000000", idno.encode())))


def test_identifier_is_derived_when_not_a_uuid():
    derived = publication_id(_tei_with_idno("https://example.org/sample"), "sample")
    assert derived == "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/sample"))


def test_malformed_uuid_identifier_is_an_error():
    with pytest.raises(EditionError, match="not a valid urn:uuid"):
        publication_id(_tei_with_idno("urn:uuid:not-a-uuid"), "sample")


def test_no_page_list_without_pdf(sample):
    docs = documents(sample[1])
    assert not docs["nav.xhtml"].xpath("//h:nav[@epub:type='page-list']", namespaces=NSMAP)
    assert not any(d.xpath("//*[@epub:type='pagebreak']", namespaces=NSMAP) for d in docs.values())


def test_page_list_follows_the_pdf(seed_paged):
    project, epub, pages = seed_paged
    docs = documents(epub)
    opf = _package(epub)
    tei = xml((project.tei_dir / "bureaucratism.xml").read_bytes())
    order = [el.get(XML_ID) for el in tei.iterfind(f".//{TEI}text//*[@{XML_ID}]")]
    first_on_page = {}
    for anchor in order:
        first_on_page.setdefault(pages["anchors"][anchor], anchor)
    links = docs["nav.xhtml"].xpath("//h:nav[@epub:type='page-list']//h:a", namespaces=NSMAP)
    assert [a.text for a in links] == [str(n) for n in sorted(first_on_page)]  # the empty last page has no marker
    for link in links:
        file, _, fragment = link.get("href").partition("#")
        marker = docs[file].xpath("//*[@id=$id]", id=fragment)[0]
        assert marker.get(f"{{{OPS}}}type") == "pagebreak" and marker.get("role") == "doc-pagebreak"
        assert marker.getparent().get("id") == first_on_page[int(link.text)]
    assert "printPageNumbers" in opf.xpath("//opf:meta[@property='schema:accessibilityFeature']/text()", namespaces=NSMAP)


def test_fonts_are_subset_and_cover_the_text(sample):
    files = parts(sample[1])
    text = "".join("".join(d.find(f"{{{XHTML}}}body").itertext()) for d in documents(sample[1]).values())
    for name in ("EPUB/fonts/eb-garamond.woff2", "EPUB/fonts/eb-garamond-italic.woff2"):
        assert len(files[name]) < 100_000
        font = TTFont(io.BytesIO(files[name]))
        assert set(text) - {"\n", "\t"} <= {chr(c) for c in font.getBestCmap()}
    assert b"SIL OPEN FONT LICENSE" in files["EPUB/font-licence.xhtml"].upper()


def test_invalid_page_map_is_one_line_error(tmp_path):
    project = sample_project(tmp_path)
    (project.dist / "sample").mkdir(parents=True)
    (project.dist / "sample" / "sample.pages.json").write_text('{"pages": [}')
    with pytest.raises(EditionError, match=r"sample\.pages\.json:1:\d+: invalid JSON"):
        build(project, "sample")
    assert not (project.dist / "sample" / "sample.epub").exists()


def test_missing_master_is_a_one_line_error(tmp_path):
    project = sample_project(tmp_path)
    (project.tei_dir / "sample.xml").unlink()
    with pytest.raises(EditionError, match="no TEI master"):
        build(project, "sample")
    assert not (project.dist / "sample" / "sample.epub").exists()


def test_a_text_within_the_repertoire_uses_the_shipped_subsets(tmp_path, monkeypatch):
    from edition.builders import epub_fonts

    def no_subsetting(*args):
        raise AssertionError("the shipped subset covers this text: nothing to subset")

    monkeypatch.setattr(epub_fonts, "subset_woff2", no_subsetting)
    project = sample_project(tmp_path)
    files = parts(build(project, "sample"))
    for name in epub_fonts.BOOK_FONTS:
        assert files[f"EPUB/fonts/{name}"] == (epub_fonts.shipped_dir() / name).read_bytes()


def test_a_rarer_character_gets_its_own_subset_cached(tmp_path, monkeypatch):
    from edition.builders import epub, epub_fonts

    project = sample_project(tmp_path)
    tei = project.tei_dir / "sample.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("Kronstadt</placeName> said", "Kronstadt</placeName> said (λόγος)"), encoding="utf-8")
    first = parts(build(project, "sample"))
    cached = sorted(epub.font_cache(project.edition("sample")).glob("*.woff2"))
    assert len(cached) == 2
    font = TTFont(io.BytesIO(first["EPUB/fonts/eb-garamond.woff2"]))
    assert {"λ", "ό", "γ", "ο", "ς"} <= {chr(c) for c in font.getBestCmap()}

    monkeypatch.setattr(epub_fonts, "subset_woff2", lambda *args: pytest.fail("a cached subset was made again"))
    again = parts(build(project, "sample"))
    assert again["EPUB/fonts/eb-garamond.woff2"] == first["EPUB/fonts/eb-garamond.woff2"]


def test_shipped_subsets_are_cut_from_the_installed_fonts():
    """`python -m edition.builders.epub_fonts` remakes them when the font package changes."""
    import json

    from edition.builders import epub_fonts
    from edition.builders.pdf_fonts import font_files

    manifest = json.loads((epub_fonts.shipped_dir() / "manifest.json").read_text(encoding="utf-8"))
    for name, style in epub_fonts.BOOK_FONTS.items():
        assert manifest[name] == hashlib.sha256(font_files()[style].read_bytes()).hexdigest(), f"{name} is stale"
        cmap = {chr(c) for c in TTFont(io.BytesIO((epub_fonts.shipped_dir() / name).read_bytes())).getBestCmap()}
        source = {chr(c) for c in TTFont(str(font_files()[style])).getBestCmap()}
        assert cmap == set(epub_fonts.REPERTOIRE) & source
    assert "SIL OPEN FONT LICENSE" in (epub_fonts.shipped_dir() / "OFL.txt").read_text(encoding="utf-8").upper()
