"""The HTML edition in headless Chromium (Debian's): names, search, accessibility, screenshots.

Pages are opened from disk (file://), as a reader who unzips the site would.
Screenshots at 1280 and 375 px go to dist/review/ (git-ignored) for review.
"""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .test_html import sample_site, seed_site  # noqa: F401  (session fixtures)

import playwright.sync_api as playwright_api

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


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def test_name_leads_to_register_entry_and_back(tab, sample_site):  # noqa: F811
    tab.goto((sample_site / "s01.html").as_uri())
    name = tab.locator("#s01\\.p1\\.n2")
    name.focus()
    assert tab.locator("#s01\\.p1\\.n2-tip").is_visible()  # the description shows on focus
    name.click()
    tab.wait_for_url("**/places.html#kronstadt")
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


@pytest.mark.parametrize("file", ["index.html", "s01.html", "persons.html", "about.html", "search.html"])
def test_axe_finds_no_serious_or_critical_violation(tab, seed_site, file):  # noqa: F811
    if not AXE.is_file():
        pytest.fail(f"axe-core missing: run `bash tests/run` or npm install --prefix .cache/node axe-core@4 ({AXE})")
    tab.goto((seed_site / file).as_uri())
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run()")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, bad


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_for_review(browser, seed_site, width):  # noqa: F811
    REVIEW.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    for file in ("index.html", "s01.html", "persons.html", "about.html"):
        page.goto((seed_site / file).as_uri())
        page.wait_for_load_state("load")
        shot = REVIEW / f"html-{file.removesuffix('.html')}-{width}.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 5000
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{file} scrolls sideways at {width}px"
    context.close()
