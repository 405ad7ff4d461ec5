"""A file given to ``edition validate``: parsed safely, with its source lines for columns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import EditionError
from ..xmlio import NS, parse_xml
from .findings import Finding

_PLACE = re.compile(r":(\d+):(\d+)$")
# The mark `edition convert` leaves in every master it writes (see tei/schema/README.md).
OURS = "tei:teiHeader/tei:encodingDesc/tei:appInfo/tei:application[@ident = 'edition']"


@dataclass
class Document:
    label: str  # the path as the user gave it: reports name files this way
    path: Path
    tree: etree._ElementTree
    lines: list[str]

    @property
    def is_edition_master(self) -> bool:
        """Whether the project schema and rules apply: the file says `edition convert` wrote it."""
        root = self.tree.getroot()
        return root.tag == f"{{{NS['tei']}}}TEI" and bool(root.xpath(OURS, namespaces=NS))

    def position(self, element: etree._Element) -> tuple[int, int]:
        """Line and column of ``element``'s start tag (lxml records only the line).

        The column is the n-th ``<name`` on that line, n counting the elements
        of the same name that start earlier on the same line.
        """
        line = element.sourceline or 0
        if not 0 < line <= len(self.lines):
            return line, 0
        name = etree.QName(element).localname
        tag = f"<{element.prefix}:{name}" if element.prefix else f"<{name}"
        earlier = 0
        for other in self.tree.iter(element.tag):
            if other is element:
                break
            earlier += other.sourceline == line
        column = -1
        for _ in range(earlier + 1):
            column = self.lines[line - 1].find(tag, column + 1)
            if column < 0:
                return line, 0
        return line, column + 1


def load(path: Path) -> Document | Finding:
    """Parse ``path``; an unreadable or malformed file becomes an ``xml`` finding instead."""
    label = str(path)
    try:
        # collect_ids off: a duplicate xml:id is a finding of the schemas, not a parse failure.
        tree = parse_xml(path, collect_ids=False)
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    except EditionError as exc:
        place = _PLACE.search(exc.place or "")
        line, column = (int(place[1]), int(place[2])) if place else (0, 0)
        rule = "parse" if place else "readable"  # parse: malformed, or a refused DOCTYPE
        return Finding(label, line, column, "error", "xml", rule, exc.message)
    return Document(label, path, tree, lines)
