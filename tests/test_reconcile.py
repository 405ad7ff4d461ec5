"""Authority suggestions: Wikidata through the Reconciliation API (replayed), GeoNames offline.

No network: a server on 127.0.0.1 answers as a reconciliation service would.
Its answers were written by hand in the format of the Reconciliation Service
API 0.2 (a result batch keyed like the query batch, candidates with id, name,
description, score, match, type), not recorded from the live service; the ids
are those of tei/register.xml (Marx Q9061, Berlin Q64) and issue 13 (Engels
is Q34787), the descriptions are ours.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from edition.authority import Suggestion, geonames
from edition.authority.reconcile import CACHE_NAME, TYPES, Reconciler, Service
from edition.cli import main
from edition.errors import EditionError

from .test_convert_helpers import make_project
from .test_decisions import TEXT, _rows

ANSWERS = {
    ("Friedrich Engels", "Q5"): [
        {"id": "Q34787", "name": "Friedrich Engels", "description": "German philosopher and revolutionary (1820-1895)",
         "score": 100, "match": True, "type": [{"id": "Q5", "name": "human"}]},
    ],
    ("Karl Marx", "Q5"): [
        {"id": "Q9061", "name": "Karl Marx", "description": "German philosopher and economist (1818-1883)",
         "score": 100, "match": True, "type": [{"id": "Q5", "name": "human"}]},
    ],
    ("Berlin", "Q2221906"): [
        {"id": "Q64", "name": "Berlin", "description": "capital of Germany", "score": 98, "match": False,
         "type": [{"id": "Q515", "name": "city"}]},
    ],
}


class Replay(BaseHTTPRequestHandler):
    """POST queries=<batch> → a result batch from ANSWERS (an empty result for anything else)."""

    delay = 0.0
    body: bytes | None = None  # a fixed (broken) answer instead of the replayed one
    requests: list[dict] = []

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        batch = json.loads(form["queries"][0])
        type(self).requests.append(batch)
        time.sleep(self.delay)
        answer = {key: {"result": ANSWERS.get((q["query"], q.get("type")), [])[: q.get("limit", 3)]} for key, q in batch.items()}
        data = self.body if self.body is not None else json.dumps(answer).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout test)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def service():
    """A replay server on 127.0.0.1; yields a function making a handler class with given behaviour."""
    servers = []

    def start(delay: float = 0.0, body: bytes | None = None) -> tuple[str, type, ThreadingHTTPServer]:
        handler = type("Handler", (Replay,), {"delay": delay, "body": body, "requests": []})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/en/api", handler, server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


NAMES = [("Friedrich Engels", "person"), ("Karl Marx", "person"), ("Berlin", "place"), ("Kronstadt", "place")]


def test_suggestions_come_from_the_service_then_from_the_cache(service, tmp_path):
    endpoint, handler, server = service()
    cache = tmp_path / CACHE_NAME
    reconciler = Reconciler(Service(endpoint, timeout=5), cache)
    found = reconciler.suggest(NAMES)
    assert found[("Friedrich Engels", "person")] == [
        Suggestion("wikidata", "Q34787", "Friedrich Engels", "German philosopher and revolutionary (1820-1895)", 100.0, True)]
    assert str(found[("Berlin", "place")][0]) == "wikidata:Q64 Berlin, capital of Germany (98)"
    assert found[("Kronstadt", "place")] == []
    # One request for the four names, each typed by kind, as the spec's query batch.
    assert len(handler.requests) == 1 and reconciler.asked == 1 and not reconciler.problems
    assert sorted(handler.requests[0].values(), key=lambda q: q["query"]) == [
        {"query": "Berlin", "type": TYPES["place"], "limit": 3},
        {"query": "Friedrich Engels", "type": "Q5", "limit": 3},
        {"query": "Karl Marx", "type": "Q5", "limit": 3},
        {"query": "Kronstadt", "type": "Q2221906", "limit": 3},
    ]
    assert list(json.loads(cache.read_text(encoding="utf-8"))) == [endpoint]  # answers are kept per service
    # Offline now (the server is gone): the cache answers, nothing is sent, the suggestions are the same.
    server.shutdown()
    server.server_close()
    offline = Reconciler(Service(endpoint, timeout=5), cache)
    assert offline.suggest(NAMES) == found and offline.asked == 0 and not offline.problems


def test_a_service_that_is_down_leaves_the_cached_answers(service, tmp_path):
    endpoint, _, server = service()
    cache = tmp_path / CACHE_NAME
    Reconciler(Service(endpoint), cache).suggest(NAMES[:1])
    server.shutdown()
    server.server_close()
    down = Reconciler(Service(endpoint, timeout=1), cache)
    found = down.suggest(NAMES[:2])
    assert found[NAMES[0]][0].id == "Q34787" and found[NAMES[1]] == []
    assert down.asked == 1 and "refused" in down.problems[0]


def test_timeout(service, tmp_path):
    endpoint, handler, _ = service(delay=1.5)
    reconciler = Reconciler(Service(endpoint, timeout=0.2), tmp_path / CACHE_NAME)
    started = time.monotonic()
    found = reconciler.suggest(NAMES + [(f"Name {i}", None) for i in range(20)])
    assert time.monotonic() - started < 1.0, "one timeout stops the run: no waiting for every batch"
    assert all(s == [] for s in found.values())
    assert reconciler.asked == 1 and "timed out" in reconciler.problems[0]
    assert not (tmp_path / CACHE_NAME).exists()  # nothing learnt, nothing cached


@pytest.mark.parametrize("body, problem", [
    (b"<html>busy</html>", "the answer is not JSON"),
    (b'{"q0": {"candidates": []}}', "no valid result for query q0"),
    (b'{"q0": {"result": [{"id": "x1", "name": "Not Wikidata", "score": 1}]}}', "no valid result for query q0"),
])
def test_a_malformed_answer_is_a_problem_not_a_crash(service, tmp_path, body, problem):
    endpoint, _, _ = service(body=body)
    reconciler = Reconciler(Service(endpoint), tmp_path / CACHE_NAME)
    assert reconciler.suggest(NAMES[:1]) == {NAMES[0]: []}
    assert problem in reconciler.problems[0]


def test_review_reconcile_end_to_end_and_offline(service, tmp_path):
    endpoint, handler, _ = service()
    project = make_project(tmp_path, TEXT, extra_toml=f'\n[reconcile]\nendpoint = "{endpoint}"\ntimeout = 5\n')
    decisions = tmp_path / "decisions.csv"
    args = ["--project", str(project.root), "review", "sample", "--reconcile", "--export", str(decisions)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert (project.root / "sources" / "sample" / CACHE_NAME).exists()
    rows = {r["name"]: r for r in _rows(decisions)}
    # Untyped candidates are asked without a type; the replayed service knows typed queries only,
    # so the review's offline GeoNames suggestion is what Kronstadt gets.
    assert rows["Kronstadt"]["suggestions"].startswith("geonames:540771 Kronstadt")
    first = decisions.read_text(encoding="utf-8")
    handler.requests.clear()
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and handler.requests == []  # the second review is served by the cache
    assert decisions.read_text(encoding="utf-8") == first


def test_review_goes_on_when_the_service_times_out(service, tmp_path):
    endpoint, _, _ = service(delay=1.5)
    project = make_project(tmp_path, TEXT, extra_toml=f'\n[reconcile]\nendpoint = "{endpoint}"\ntimeout = 0.2\n')
    result = CliRunner().invoke(main, ["--project", str(project.root), "review", "sample", "--reconcile"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"warning: {endpoint}: timed out")
    assert "Kronstadt  ×2" in result.stdout


@pytest.mark.parametrize("table, message", [
    ('endpoint = "ftp://x"', "endpoint must be an http(s) URL"),
    ("timeout = -1", "timeout must be a positive number"),
    ("limit = 0", "limit must be a whole number"),
    ("retries = 3", "[reconcile] takes endpoint, timeout and limit"),
])
def test_bad_reconcile_settings(tmp_path, table, message):
    project = make_project(tmp_path, TEXT, extra_toml=f"\n[reconcile]\n{table}\n")
    result = CliRunner().invoke(main, ["--project", str(project.root), "review", "sample", "--reconcile"])
    assert result.exit_code == 1 and message in result.output and "edition.toml" in result.output


def test_service_settings_default_to_public_wikidata():
    assert Service.from_settings({}, "edition.toml") == Service("https://wikidata.reconci.link/en/api", 10.0, 3)
    with pytest.raises(EditionError):
        Service.from_settings({"reconcile": []}, "edition.toml")


def test_geonames_suggestions_offline():
    paris = geonames.suggest("Paris")
    assert [(s.id, s.score) for s in paris[:2]] == [("2988507", 99.4), ("4717560", 60.5)]
    assert paris[0].detail == "city (class P), FR, 48.85 2.35" and paris[0].uri == "https://sws.geonames.org/2988507/"
    # Kronstadt, Russia first; Braşov, once called Kronstadt, second (an alternate name counts less).
    assert [s.label for s in geonames.suggest("Kronstadt")] == ["Kronstadt", "Braşov"]
    assert geonames.suggest("Russia")[0].detail == "country (class A), RU"
    assert geonames.suggest("Nowhereville") == []


def test_an_unreadable_cache_is_a_one_line_error(tmp_path):
    project = make_project(tmp_path, TEXT, extra_toml='\n[reconcile]\nendpoint = "http://127.0.0.1:9/api"\n')
    (project.root / "sources" / "sample" / CACHE_NAME).write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(project.root), "review", "sample", "--reconcile"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert f"sources/sample/{CACHE_NAME}: unreadable cache" in result.output and "delete it to ask again" in result.output
