"""EPUB 3: EPUBCheck-clean, a linked index of names, print page-list, metadata, reproducibility."""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from edition.builders.epub import publication_id
from edition.errors import EditionError

from .conftest import SAMPLE_TEI
from .test_html import correction_reasons
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


def _mentions_by_entity(tei):
    mentions: dict[str, list] = {}
    for el in tei.iterfind(f".//{TEI}text//*[@ref]"):
        if el.tag in {f"{TEI}persName", f"{TEI}placeName", f"{TEI}orgName"}:
            mentions.setdefault(el.get("ref")[1:], []).append(el)
    return mentions


def _paragraph_place(mention):
    """Where the paged-less index locates a mention: its division and its paragraph (or other block)."""
    block = next(a for a in mention.iterancestors() if a.tag in {f"{TEI}p", f"{TEI}head", f"{TEI}closer", f"{TEI}byline"})
    division = next((a for a in mention.iterancestors() if a.tag == f"{TEI}div"), None)
    return division, block


@pytest.mark.parametrize("which", ["sample", "seed_paged"])
def test_one_locator_per_place_linking_the_first_mention_there(which, request):
    """Lenin on page 14 four times is "14" once, not "14, 14, 14, 14"; without the PDF, once per paragraph."""
    project, epub, *paged = request.getfixturevalue(which)
    slug = epub.stem
    tei = xml((project.tei_dir / f"{slug}.xml").read_bytes())
    place = (lambda m: paged[0]["anchors"][m.get(XML_ID)]) if paged else _paragraph_place
    index = documents(epub)["index.xhtml"]
    entries = 0
    for entity, mentions in _mentions_by_entity(tei).items():
        first_at: dict = {}
        for mention in mentions:
            first_at.setdefault(place(mention), mention.get(XML_ID))
        locators = index.xpath("//*[@id=$id]//h:a[@epub:type='index-locator']", namespaces=NSMAP, id="index-" + entity)
        assert [a.get("href").partition("#")[2] for a in locators] == list(first_at.values()), entity
        if paged:
            assert [a.text for a in locators] == [str(page) for page in first_at], entity
        entries += 1
    assert entries > (100 if paged else 5)


def test_index_and_notes_are_set_as_the_text_is(seed_paged):
    """The index of names and the name notes: typographic apostrophes, en dashes in ranges."""
    docs = documents(seed_paged[1])
    for name in ("index.xhtml", "s02.xhtml", "s04.xhtml"):
        shown = "".join(docs[name].xpath("//h:body", namespaces=NSMAP)[0].itertext())
        assert "'" not in shown and not re.search(r"\d-\d", shown), name
    assert "Lenin\u2019s Mausoleum" in "".join(docs["index.xhtml"].itertext())


def test_a_text_in_another_language_is_marked_so_and_the_edition_speaks_english(tmp_path):
    """The book's own documents and notes are English; the text's sections, title page and contents
    entries carry the text's language (dc:language stays the text's), and so do the words that
    lead a reader through the book (contents, landmarks, the index of names and its groups)."""
    project = sample_project(tmp_path)
    tei = project.tei_dir / "sample.xml"
    tei.write_bytes(tei.read_bytes().replace(b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"', b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fr"', 1))
    epub = build(project, "sample")
    docs = documents(epub)
    assert {d.get("lang") for d in docs.values()} == {"en"}
    assert docs["s01.xhtml"].xpath("//h:section[@id='s01']/@lang", namespaces=NSMAP) == ["fr"]
    assert docs["title.xhtml"].xpath("//h:section[@epub:type='titlepage']/@lang", namespaces=NSMAP) == ["fr"]
    contents = docs["nav.xhtml"].xpath("//h:nav[@epub:type='toc']//h:a", namespaces=NSMAP)
    assert {a.get("href"): a.get("lang") for a in contents}["s01.xhtml"] == "fr" and {a.get("lang") for a in contents} == {"fr", None}
    assert docs["s01.xhtml"].xpath("//h:aside[@epub:type='footnote']/ancestor-or-self::*[@lang][1]/@lang", namespaces=NSMAP)[0] == "en"
    labelled = {element.get("id"): (element.get("lang") or element.getparent().get("lang"), "".join(element.itertext()))
                for element in docs["nav.xhtml"].xpath("//h:h1 | //h:h2", namespaces=NSMAP) + docs["index.xhtml"].xpath("//h:h1", namespaces=NSMAP)}
    assert labelled == {"toc-head": ("fr", "Table des matières"), "landmarks-head": ("fr", "Repères"), "index-head": ("fr", "Index des noms")}
    assert [a.text for a in docs["nav.xhtml"].xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=NSMAP)] == [
        "Couverture", "Page de titre", "Table des matières", "Début du texte", "Index des noms"]
    assert docs["index.xhtml"].xpath("//h:section[@id='index-persons']/h:h2[@lang='fr']/text()", namespaces=NSMAP) == ["Personnes"]
    assert "About this edition" in "".join(docs["about.xhtml"].itertext())
    opf = xml(parts(epub)["EPUB/package.opf"])
    assert opf.findtext(".//dc:language", namespaces=NSMAP) == "fr"
    assert _problems(epub) == []


@pytest.mark.parametrize("which", ["sample", "seed_paged"])
def test_names_and_corrections_open_popup_notes(which, request):
    """Touch and e-ink readers show no `title`: each mention is a noteref to an aside in its own document."""
    project, epub = request.getfixturevalue(which)[:2]
    tei = xml((project.tei_dir / f"{epub.stem}.xml").read_bytes())
    docs = documents(epub)
    checked = 0
    for mentions in _mentions_by_entity(tei).values():
        for mention in mentions:
            name = next(d for d in docs.values() if d.xpath("//*[@id=$id]", id=mention.get(XML_ID)))
            ref = name.xpath("//*[@id=$id]", id=mention.get(XML_ID))[0]
            assert ref.tag == f"{{{XHTML}}}a" and ref.get(f"{{{OPS}}}type") == "noteref" and ref.get("title") is None
            entity = mention.get("ref")[1:]
            assert ref.get("href") == f"#name-{entity}"
            aside = name.xpath("//h:aside[@id=$id]", namespaces=NSMAP, id=f"name-{entity}")
            assert len(aside) == 1 and aside[0].get(f"{{{OPS}}}type") == "footnote"
            assert [a.get("href") for a in aside[0].iter(f"{{{XHTML}}}a")] == [f"index.xhtml#index-{entity}"]
            assert _resolves(docs, f"index.xhtml#index-{entity}")
            checked += 1
    assert checked == len(tei.xpath("//t:text//*[@ref]", namespaces={"t": TEI[1:-1]}))
    corrections = tei.xpath("//t:text//t:choice[t:corr]", namespaces={"t": TEI[1:-1]})
    asides = [a for d in docs.values() for a in d.xpath("//h:aside[starts-with(@id, 'correction-')]", namespaces=NSMAP)]
    assert corrections and len(asides) == len(corrections)
    reasons = correction_reasons(tei)  # the seed gives one for each; the sample none
    assert len(reasons) == (3 if which == "seed_paged" else 0)
    for choice, aside in zip(corrections, asides):  # both in reading order
        sic, corr = choice.findtext(f"{TEI}sic"), choice.findtext(f"{TEI}corr")
        words = f"The source has the misprint \u201c{sic}\u201d, corrected here to \u201c{corr}\u201d."
        assert " ".join([words, reasons.get((sic, corr), "")]).strip() in "".join(aside.itertext())
        assert [_resolves(docs, a.get("href")) for a in aside.iter(f"{{{XHTML}}}a")] == [True]  # the list in About
        doc = aside.getroottree()
        assert len(doc.xpath("//h:a[@epub:type='noteref'][@href=$h]", namespaces=NSMAP, h="#" + aside.get("id"))) == 1
    for doc in docs.values():
        assert not doc.xpath("//h:details | //h:summary | //h:body//*[@title]", namespaces=NSMAP)
        for aside in doc.xpath("//h:aside", namespaces=NSMAP):  # every note is called from its document
            assert doc.xpath("//h:a[@epub:type='noteref'][@href=$h]", namespaces=NSMAP, h="#" + aside.get("id"))


def test_one_back_matter_index_with_the_register_notes(seed_paged):
    """No second "Register of names": the index entries carry the register's variants, notes and ids."""
    project, epub, _ = seed_paged
    docs = documents(epub)
    contents = [a.text for a in docs["nav.xhtml"].xpath("//h:nav[@epub:type='toc']//h:a", namespaces=NSMAP)]
    assert contents.count("Index of names") == 1 and not [c for c in contents if "egister" in c]
    assert "register.xhtml" not in docs
    tei = xml((project.tei_dir / "bureaucratism.xml").read_bytes())
    lenin = tei.xpath("//t:person[@xml:id='lenin_vladimir']", namespaces={"t": TEI[1:-1]})[0]
    entry = docs["index.xhtml"].xpath("//*[@id='index-lenin_vladimir']", namespaces=NSMAP)[0]
    about = entry.xpath("h:div[@epub:type='index-editor-note']", namespaces=NSMAP)[0]
    note = " ".join(lenin.findtext(f"{TEI}note").split())
    assert note.replace("1917-1924", "1917\u20131924") in "".join(about.itertext())  # set as the text is
    assert about.xpath(".//h:a/@href", namespaces=NSMAP) == [i.text.strip() for i in lenin.iterfind(f"{TEI}idno[@type='URI']")]


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
    # No conformance claim that no evaluator made (EPUB Accessibility 1.1 asks for one with a report).
    assert meta("dcterms:conformsTo") == [] and meta("a11y:certifiedBy") == []
    assert meta("schema:accessModeSufficient") == ["textual"]
    assert meta("schema:accessibilityHazard") == ["none"]
    assert {"tableOfContents", "index", "readingOrder", "structuralNavigation"} <= set(meta("schema:accessibilityFeature"))
    assert not {"printPageNumbers", "pageBreakMarkers", "pageNavigation"} & set(meta("schema:accessibilityFeature"))
    assert opf.xpath("//dc:source/text()", namespaces=NSMAP) == ["Jane Doe, A Sample Edition (1967)"]
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
    features = opf.xpath("//opf:meta[@property='schema:accessibilityFeature']/text()", namespaces=NSMAP)
    assert {"pageBreakMarkers", "pageNavigation"} <= set(features) and "printPageNumbers" not in features


def test_package_metadata_from_the_tei_header(seed_paged):
    """Source, description, subjects and dates as the TEI header states them; typographic apostrophes."""
    project, epub, _ = seed_paged
    opf = _package(epub)
    dc = lambda name: opf.xpath(f"//dc:{name}/text()", namespaces=NSMAP)  # noqa: E731
    header = xml((project.tei_dir / "bureaucratism.xml").read_bytes()).find(f"{TEI}teiHeader")
    text = lambda path: " ".join("".join(header.find(path).itertext()).split()).replace("'", "\u2019")  # noqa: E731
    assert dc("title") == ["Bureaucratism or Workers\u2019 Power"]
    assert dc("source") == ["Ted Grant and Roger Silverman, Bureaucratism or Workers\u2019 Power (1967)"]
    assert dc("description") == [text(f"{TEI}profileDesc/{TEI}abstract")]
    terms = header.findall(f"{TEI}profileDesc/{TEI}textClass/{TEI}keywords/{TEI}term")
    assert dc("subject") == [t.text.replace("'", "\u2019") for t in terms if t.getparent().get("n") is None]
    assert "essay" not in dc("subject") and len(dc("subject")) >= 5
    assert dc("date") == [header.find(f"{TEI}fileDesc/{TEI}publicationStmt/{TEI}date").get("when")]
    assert opf.xpath("//opf:meta[@property='dcterms:modified']/text()", namespaces=NSMAP) == ["2025-11-25T00:00:00Z"]
    assert len(dc("rights")) == len(header.findall(f".//{TEI}availability/{TEI}licence")) == 2
    assert not [v for v in dc("title") + dc("source") + dc("subject") + dc("rights") if "'" in v]


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


def test_the_cover_is_drawn_once_for_its_inputs_and_again_when_they_change(tmp_path, monkeypatch):
    from edition.builders import cover
    from edition.builders.pdf_fonts import font_files

    drawn = []
    monkeypatch.setattr(cover, "cover_png", lambda *args: drawn.append(args) or f"png of {args[3]}".encode())
    font = font_files()["normal"]

    def kept(note: str) -> bytes:
        return cover.kept_cover_png("A Title", ("An Author",), font, note, tmp_path / "covers")

    assert kept("First edition") == kept("First edition") == b"png of First edition"
    assert kept("Second edition") == b"png of Second edition"
    assert len(drawn) == 2
