"""Where things fell: the page of every anchor and the label each folio prints.

WeasyPrint's rendered ``Document`` knows, page by page, the ids laid out on
it (``page.anchors``).  The index of names, the table of contents check and
the EPUB page-list all read their page numbers from here, so no number is
ever guessed or counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import EditionError

ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


def lower_roman(number: int) -> str:
    digits = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def first_pages(document) -> dict[str, int]:
    """Every id in ``document`` with the (1-based) page it first appears on."""
    found: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            found.setdefault(anchor, number)
    return found


@dataclass(frozen=True)
class PageMap:
    """The pages of the body document: anchors and folio labels.

    The front matter is numbered in lower-case Roman numerals; Arabic numbering
    starts at 1 on the page holding ``body_anchor`` (print.css resets the page
    counter there, on the first page of the named page ``body``).
    """

    anchors: dict[str, int]
    labels: list[str]

    @classmethod
    def of(cls, document, body_anchor: str, place: str) -> "PageMap":
        anchors = first_pages(document)
        if body_anchor not in anchors:
            raise EditionError(f"the rendered book has no #{body_anchor}", place)
        start = anchors[body_anchor]
        labels = [lower_roman(n) if n < start else str(n - start + 1) for n in range(1, len(document.pages) + 1)]
        return cls(anchors, labels)

    def page_of(self, anchor: str, place: str) -> int:
        if anchor not in self.anchors:
            raise EditionError(f"#{anchor} was not laid out on any page", place)
        return self.anchors[anchor]

    def extended(self, labels: list[str]) -> "PageMap":
        """This map with more pages (the index) appended after its own."""
        return PageMap(self.anchors, self.labels + labels)

    def truncated(self, count: int) -> "PageMap":
        """The first ``count`` pages (anchors beyond them are dropped)."""
        return PageMap({k: v for k, v in self.anchors.items() if v <= count}, self.labels[:count])

    def label_runs(self) -> list[tuple[int, str, int]]:
        """The folios as runs of consecutive numbers: (first page, 0-based; "r" for lower-case
        Roman or "D" for Arabic; the number on that page), as a PDF /PageLabels tree needs."""
        roman = {lower_roman(n): n for n in range(1, len(self.labels) + 1)}
        runs: list[tuple[int, str, int]] = []
        previous: tuple[str, int] | None = None
        for index, label in enumerate(self.labels):
            style, number = ("D", int(label)) if label.isdigit() else ("r", roman[label])
            if previous != (style, number - 1):
                runs.append((index, style, number))
            previous = (style, number)
        return runs

    def as_json(self, ids: list[str]) -> dict:
        """The pages.json record: page labels and the page of each of ``ids``."""
        return {
            "page_count": len(self.labels),
            "pages": [{"index": n, "label": label} for n, label in enumerate(self.labels, start=1)],
            "anchors": {anchor: self.anchors[anchor] for anchor in ids if anchor in self.anchors},
        }
