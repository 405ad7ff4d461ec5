"""EPUB content documents in headless Chromium: the text renders in the embedded EB Garamond.

The book is unzipped and a chapter opened from disk, as a browser-based reading
system would. A screenshot goes to dist/review/ (git-ignored) for review.
"""

from __future__ import annotations

import zipfile

import pytest

from .conftest import ROOT
from .epub_build import build, sample_project

import playwright.sync_api as playwright_api

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
REVIEW = ROOT / "dist" / "review"

# The faces the document actually used, once fonts have settled.
FONT_STATE = """async () => {
  await document.fonts.ready;
  const faces = [...document.fonts].map(f => ({family: f.family.replace(/"/g, ''), style: f.style, status: f.status}));
  const p = document.querySelector('p');
  return {faces, family: getComputedStyle(p).fontFamily,
          check: document.fonts.check('1em "EB Garamond"', p.textContent)};
}"""


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    root = tmp_path_factory.mktemp("epub-browser")
    epub = build(sample_project(root), "sample")
    with zipfile.ZipFile(epub) as archive:
        archive.extractall(root / "book")
    return root / "book" / "EPUB"


def test_text_renders_in_embedded_font(unzipped):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 800, "height": 1000})
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto((unzipped / "s01.xhtml").as_uri())
        state = page.evaluate(FONT_STATE)
        REVIEW.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(REVIEW / "epub-s01.png"), full_page=True)
        browser.close()
    assert failed == []
    assert state["family"].startswith('"EB Garamond"')
    assert state["check"] is True
    loaded = {(f["family"], f["style"]) for f in state["faces"] if f["status"] == "loaded"}
    assert ("EB Garamond", "normal") in loaded  # the body text; italic loads only when a cite needs it
