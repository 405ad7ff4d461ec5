"""Register entries in the order a reader expects: the Unicode Collation Algorithm.

XSLT sorts strings by code point unless given a collation, and Saxon-HE has no UCA
collation of its own (it falls back to code points), so "Rákosi" would follow "Rykov".
The stylesheets therefore sort by a rank computed here: xslt/common/sort-labels.xsl lists
every string they sort entries by (index headings, register labels, variant names),
pyuca (a pure-Python UCA with the Default Unicode Collation Element Table) orders them,
and the ranks go back to the stylesheets as the ``collation`` parameter, read by
``f:collation-key`` (xslt/common/collation.xsl).
"""

from __future__ import annotations

import json
from functools import cache


@cache
def _collator():
    import pyuca

    return pyuca.Collator()


def ranks(labels: list[str]) -> dict[str, int]:
    """Each label's place in UCA order (labels with the same sort key share one)."""
    key = _collator().sort_key
    ordered = sorted(dict.fromkeys(key(label) for label in labels))
    place = {sort_key: number for number, sort_key in enumerate(ordered)}
    return {label: place[key(label)] for label in labels}


def collation_param(tei) -> str:
    """The ``collation`` parameter for the stylesheets that sort register entries, from
    ``tei`` (a path or a Saxon node of a TEI master)."""
    from .xslt import stylesheet

    labels = stylesheet("common/sort-labels.xsl").transform(tei).splitlines()
    return json.dumps(ranks([label for label in labels if label]), ensure_ascii=False, sort_keys=True)
