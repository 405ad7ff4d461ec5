"""How well a PDF's text is justified, read from the word boxes of `pdftotext -bbox-layout`.

A book designer's measures (issue 15):

- a *loose line* is a full-width justified line whose mean word space is more than
  twice the natural space, the natural space being the 10th percentile of the mean
  word spaces of all full lines;
- a *ladder* is a run of consecutive lines ending in a hyphen (three or more is bad);
- a *page-turn split* is a page whose last line of text ends in a hyphen; on a recto the
  reader must turn the leaf to finish the word (*across a spread*);
- a *lone broken word* is a line holding nothing but one hyphenated word part;
- a *broken last word* is a short line (a paragraph's last) holding only the end of the
  word the line before broke ("ted.");
- a *cramped short line* is a line short of the block's right edge (a paragraph's last line)
  whose mean word space is under 0.8 times the natural space: such a line is not justified,
  so its spaces should be natural.

Only lines of the text size are measured (the most common line height): running heads,
footnotes, headings and the index are left out.

    python -m tests.pdf_measures dist/bureaucratism/bureaucratism.pdf
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

HYPHENS = ("-", "\u2010")
XHTML = "{http://www.w3.org/1999/xhtml}"
FULL_TOLERANCE = 1.0  # pt: a line ending this close to the block's right edge is full


@dataclass
class Line:
    page: int  # physical, from 1
    words: list[tuple[float, float, str]]  # (xMin, xMax, text)
    top: float
    height: float

    @property
    def text(self) -> str:
        return " ".join(word for _, _, word in self.words)

    @property
    def right(self) -> float:
        return self.words[-1][1]

    @property
    def hyphenated(self) -> bool:
        return self.words[-1][2].endswith(HYPHENS)

    def mean_space(self) -> float | None:
        gaps = [b[0] - a[1] for a, b in zip(self.words, self.words[1:])]
        return sum(gaps) / len(gaps) if gaps else None


@dataclass
class Measures:
    loose: list[Line] = field(default_factory=list)
    ladders: list[list[Line]] = field(default_factory=list)  # runs of 3 or more
    page_turn_splits: list[Line] = field(default_factory=list)
    spread_splits: list[Line] = field(default_factory=list)  # the subset on rectos
    lone_broken_words: list[Line] = field(default_factory=list)
    cramped_short_lines: list[Line] = field(default_factory=list)
    broken_last_words: list[Line] = field(default_factory=list)
    hyphenated_lines: int = 0
    lines: int = 0
    natural_space: float = 0.0

    def table(self) -> str:
        rows = [
            ("text lines", self.lines),
            ("lines ending in a hyphen", self.hyphenated_lines),
            (f"loose lines (mean space > 2 × {self.natural_space:.2f} pt)", len(self.loose)),
            ("hyphen ladders of three or more", len(self.ladders)),
            ("words split across a page turn", len(self.page_turn_splits)),
            ("  of which across a spread (foot of a recto)", len(self.spread_splits)),
            ("lines holding a single broken word", len(self.lone_broken_words)),
            ("short lines with cramped spaces", len(self.cramped_short_lines)),
            ("last lines holding only the end of a broken word", len(self.broken_last_words)),
        ]
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"| {name:<{width}} | {value:>5} |" for name, value in rows)

    def details(self) -> str:
        out = [f"loose p{l.page}: {l.text}" for l in self.loose]
        out += [f"ladder p{run[0].page}: " + " / ".join(l.words[-1][2] for l in run) for run in self.ladders]
        out += [f"page-turn p{l.page}{' (recto)' if l in self.spread_splits else ''}: {l.words[-1][2]}" for l in self.page_turn_splits]
        out += [f"lone broken word p{l.page}: {l.text}" for l in self.lone_broken_words]
        out += [f"cramped short line p{l.page}: {l.text}" for l in self.cramped_short_lines]
        out += [f"broken last word p{l.page}: {l.text}" for l in self.broken_last_words]
        return "\n".join(out)


def pages_of(pdf: Path) -> list[list[Line]]:
    """The text lines of every page, top to bottom."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    pages = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        lines = []
        for line in page.iter(f"{XHTML}line"):
            words = [(float(w.get("xMin")), float(w.get("xMax")), w.text or "") for w in line.iter(f"{XHTML}word")]
            if words:
                top, bottom = float(line.get("yMin")), float(line.get("yMax"))
                lines.append(Line(number, words, top, round(bottom - top, 1)))
        pages.append(_joined(sorted(lines, key=lambda l: (l.top, l.words[0][0]))))
    return pages


def _joined(lines: list[Line]) -> list[Line]:
    """pdftotext cuts a line with very wide spaces in two: join pieces on one baseline."""
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous and abs(previous.top - line.top) < 0.5 and previous.height == line.height:
            previous.words = sorted(previous.words + line.words)
        else:
            joined.append(line)
    return joined


def measure(pdf: Path) -> Measures:
    pages = pages_of(pdf)
    text_height = Counter(l.height for page in pages for l in page).most_common(1)[0][0]
    text_pages = [[l for l in page if abs(l.height - text_height) < 0.3] for page in pages]
    result = Measures()
    full: list[tuple[Line, float]] = []
    short: list[tuple[Line, float]] = []
    for lines in text_pages:
        if not lines:
            continue
        edge = max(l.right for l in lines)
        full += [(l, l.mean_space()) for l in lines if l.right >= edge - FULL_TOLERANCE and l.mean_space() is not None]
        short += [(l, l.mean_space()) for l in lines if l.right < edge - FULL_TOLERANCE and l.mean_space() is not None]
        result.broken_last_words += [line for before, line in zip(lines, lines[1:])
                                     if before.hyphenated and len(line.words) == 1 and line.right < edge - FULL_TOLERANCE]
        result.lines += len(lines)
        result.hyphenated_lines += sum(l.hyphenated for l in lines)
        result.ladders += [run for run in _runs(lines) if len(run) >= 3]
        result.lone_broken_words += [l for l in lines if len(l.words) == 1 and l.hyphenated]
        if lines[-1].hyphenated:
            result.page_turn_splits.append(lines[-1])
            if lines[-1].page % 2:
                result.spread_splits.append(lines[-1])
    spaces = sorted(space for _, space in full)
    result.natural_space = statistics.quantiles(spaces, n=10)[0] if len(spaces) > 1 else (spaces or [0.0])[0]
    result.loose = [line for line, space in full if space > 2 * result.natural_space]
    result.cramped_short_lines = [line for line, space in short if space < 0.8 * result.natural_space]
    return result


def _runs(lines: list[Line]) -> list[list[Line]]:
    runs, current = [], []
    for line in lines:
        if line.hyphenated:
            current.append(line)
        else:
            if current:
                runs.append(current)
            current = []
    return runs + ([current] if current else [])


if __name__ == "__main__":
    found = measure(Path(sys.argv[1]))
    print(found.table())
    if "-v" in sys.argv:
        print(found.details())
