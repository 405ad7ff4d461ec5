"""Wikidata suggestions through the W3C Reconciliation Service API (the protocol OpenRefine speaks).

Protocol (Reconciliation Service API 0.2, https://reconciliation-api.github.io/specs/0.2/):
a client POSTs ``application/x-www-form-urlencoded`` ``queries=<JSON>`` to the
service's endpoint, the JSON being a *query batch*, an object of queries keyed
by strings::

    {"q0": {"query": "Kronstadt", "type": "Q2221906", "limit": 3}, ...}

and the service answers with a *result batch* under the same keys, each
candidate with ``id``, ``name``, ``score`` (higher is better; Wikidata's
service gives 0-100), and optionally ``description``, ``type`` and ``match``
(the service's own decision that the candidate is right)::

    {"q0": {"result": [{"id": "Q4002", "name": "Kronstadt", "score": 100, "match": true, ...}]}}

Settings, from the ``[reconcile]`` table of the edition's ``edition.toml``::

    [reconcile]
    endpoint = "https://wikidata.reconci.link/en/api"   # the default: the public Wikidata service
    timeout = 10                                         # seconds for each request
    limit = 3                                            # candidates per name

Each name is queried with a Wikidata type by kind: human (Q5), organization
(Q43229), geographic location (Q2221906); untyped names without a type.
Answers are kept in ``sources/<slug>/reconcile-cache.json`` (sorted JSON, one
entry per query), so a review repeats offline and a name is asked once.  When
the service cannot be reached or times out, the review goes on with what the
cache holds and says so; nothing is retried until the next run.
"""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import EditionError
from ..xmlio import write_text_atomic
from . import Suggestion

DEFAULT_ENDPOINT = "https://wikidata.reconci.link/en/api"
# Wikidata classes the queries are restricted to (checked on wikidata.org: Q5 "human",
# Q43229 "organization", Q2221906 "geographic location").
TYPES = {"person": "Q5", "org": "Q43229", "place": "Q2221906"}
BATCH = 10  # queries a request (the Wikidata service's manifest allows more)
CACHE_NAME = "reconcile-cache.json"
_ITEM = re.compile(r"Q[1-9]\d*")


@dataclass(frozen=True)
class Service:
    endpoint: str = DEFAULT_ENDPOINT
    timeout: float = 10.0
    limit: int = 3

    @classmethod
    def from_settings(cls, settings: dict, where: str) -> "Service":
        """The ``[reconcile]`` table of edition.toml (every key optional)."""
        table = settings.get("reconcile", {})
        if not isinstance(table, dict) or set(table) - {"endpoint", "timeout", "limit"}:
            raise EditionError("[reconcile] takes endpoint, timeout and limit", where)
        service = cls(**table)
        if not str(service.endpoint).startswith(("http://", "https://")):
            raise EditionError(f"[reconcile] endpoint must be an http(s) URL, not {service.endpoint!r}", where)
        if not isinstance(service.timeout, (int, float)) or service.timeout <= 0:
            raise EditionError("[reconcile] timeout must be a positive number of seconds", where)
        if not isinstance(service.limit, int) or not 1 <= service.limit <= 25:
            raise EditionError("[reconcile] limit must be a whole number from 1 to 25", where)
        return service


@dataclass
class Reconciler:
    """Queries a service for names, through the cache; ``problems`` says what could not be asked."""

    service: Service
    cache_path: Path
    problems: list[str] = field(default_factory=list)
    asked: int = 0  # requests sent (the tests check that a cached review sends none)
    _cache: dict | None = None
    _offline: bool = False

    def suggest(self, names: list[tuple[str, str | None]]) -> dict[tuple[str, str | None], list[Suggestion]]:
        """Suggestions for each (name, kind), best first; names the service could not answer get none."""
        queries = {pair: self._query(*pair) for pair in dict.fromkeys(names)}
        cache = self._load()
        missing = [q for q in dict.fromkeys(map(_key, queries.values())) if q not in cache]
        for start in range(0, len(missing), BATCH):
            if self._offline:
                break
            self._ask(missing[start : start + BATCH], cache)
        if any(key in cache for key in missing):
            self._save(cache)
        return {pair: [_suggestion(c) for c in cache.get(_key(q), [])] for pair, q in queries.items()}

    def _query(self, name: str, kind: str | None) -> dict:
        query = {"query": name, "limit": self.service.limit}
        if kind in TYPES:
            query["type"] = TYPES[kind]
        return query

    def _ask(self, keys: list[str], cache: dict) -> None:
        batch = {f"q{i}": json.loads(key) for i, key in enumerate(keys)}
        try:
            answer = self._post(batch)
        except (urllib.error.URLError, socket.timeout, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            self.problems.append(f"{self.service.endpoint}: {reason or 'timed out'}; "
                                 "names not in the cache have no Wikidata suggestions this time")
            self._offline = True
            return
        except ValueError as exc:
            self.problems.append(f"{self.service.endpoint}: {exc}")
            self._offline = True
            return
        for i, key in enumerate(keys):
            cache[key] = answer[f"q{i}"]

    def _post(self, batch: dict) -> dict:
        self.asked += 1
        data = urllib.parse.urlencode({"queries": json.dumps(batch)}).encode()
        request = urllib.request.Request(self.service.endpoint, data=data, headers={
            "User-Agent": f"edition-review/{__version__} (TEI edition toolchain)", "Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=self.service.timeout) as response:
            body = response.read()
        return _results(body, batch)

    def _load(self) -> dict:
        if self._cache is None:
            self._cache = {}
            if self.cache_path.exists():
                try:
                    stored = json.loads(self.cache_path.read_text(encoding="utf-8"))
                except (ValueError, UnicodeDecodeError) as exc:
                    raise EditionError(f"unreadable cache ({exc}); delete it to ask again", str(self.cache_path)) from None
                self._cache = stored.get(self.service.endpoint, {})
        return self._cache

    def _save(self, cache: dict) -> None:
        stored = {}
        if self.cache_path.exists():
            stored = json.loads(self.cache_path.read_text(encoding="utf-8"))
        stored[self.service.endpoint] = cache
        write_text_atomic(self.cache_path, json.dumps(stored, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def _key(query: dict) -> str:
    return json.dumps(query, ensure_ascii=False, sort_keys=True)


def _results(body: bytes, batch: dict) -> dict[str, list[dict]]:
    """The candidates of each query of ``batch`` from a result batch; ValueError if it is not one."""
    try:
        answer = json.loads(body)
    except ValueError:
        raise ValueError("the answer is not JSON") from None
    if not isinstance(answer, dict):
        raise ValueError("the answer is not a result batch")
    found = {}
    for key in batch:
        result = answer.get(key, {}).get("result") if isinstance(answer.get(key), dict) else None
        if not isinstance(result, list) or not all(_candidate(c) for c in result):
            raise ValueError(f"no valid result for query {key}")
        found[key] = [{k: c[k] for k in ("id", "name", "score", "description", "match") if k in c} for c in result]
    return found


def _candidate(candidate) -> bool:
    """A candidate with a Wikidata item id, a name and a score (the fields the review shows)."""
    return (isinstance(candidate, dict) and isinstance(candidate.get("id"), str) and bool(_ITEM.fullmatch(candidate["id"]))
            and isinstance(candidate.get("name"), str) and isinstance(candidate.get("score"), (int, float)))


def _suggestion(candidate: dict) -> Suggestion:
    return Suggestion("wikidata", candidate["id"], candidate["name"], candidate.get("description", ""),
                      float(candidate["score"]), bool(candidate.get("match", False)))
