"""The ``[names]`` table of ``edition.toml``: what the recogniser may propose and what is published.

::

    [names]
    publish = "proposed"          # or "confirmed"
    reject = ["Whereupon"]        # surfaces never to propose
    types = { "Vendôme" = "place" }   # retype a surface (person, place, org)

``publish = "proposed"`` (the default, right for a new text's first draft)
tags the recogniser's names in the master with ``@cert="low"`` and publishes
them in HTML, EPUB, PDF and the index of names beside the register's.
``publish = "confirmed"`` tags register names only; the proposals are still
written to ``tei/proposals/<slug>.xml`` for review.  ``edition review
--apply`` writes ``reject`` and ``types``; :func:`load` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import EditionError

PUBLISH = ("proposed", "confirmed")
KINDS = ("person", "place", "org")


@dataclass(frozen=True)
class NameSettings:
    publish: str = "proposed"
    reject: frozenset[str] = frozenset()
    types: dict[str, str] = field(default_factory=dict)

    @property
    def publish_proposed(self) -> bool:
        return self.publish == "proposed"


def load(raw: dict, where: str) -> NameSettings:
    """Check and read ``raw`` (the parsed edition.toml); errors name ``where``."""
    table = raw.get("names", {})
    if not isinstance(table, dict):
        raise EditionError("[names] must be a table", where)
    unknown = sorted(set(table) - {"publish", "reject", "types"})
    if unknown:
        raise EditionError(f"[names] unknown key {unknown[0]!r} (publish, reject, types)", where)
    publish = table.get("publish", "proposed")
    if publish not in PUBLISH:
        raise EditionError(f'[names] publish must be "proposed" or "confirmed", not {publish!r}', where)
    reject = table.get("reject", [])
    if not isinstance(reject, list) or not all(isinstance(r, str) and r for r in reject):
        raise EditionError("[names] reject must be a list of names", where)
    types = table.get("types", {})
    if not isinstance(types, dict) or not all(isinstance(k, str) and v in KINDS for k, v in types.items()):
        raise EditionError('[names] types must map names to "person", "place" or "org"', where)
    return NameSettings(publish, frozenset(reject), dict(types))
