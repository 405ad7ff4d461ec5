"""The corpus of real texts (tests/corpus/) and the held-out texts (benchmarks/heldout/).

Each text is a folder <slug>/ holding <slug>.txt, source.toml, expected.toml and, for the
annotated ones, names.json. Formats: tests/corpus/README.md.

    from tests.corpuskit import texts, load
    for t in texts():                # the corpus; texts(heldout=True) for the held-out ones
        t.text, t.expected["sections"], t.mentions
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
HELDOUT = Path(__file__).resolve().parent.parent / "benchmarks" / "heldout"
TYPES = ("person", "place", "org")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str


@dataclass(frozen=True)
class CorpusText:
    folder: Path

    @property
    def slug(self) -> str:
        return self.folder.name

    @property
    def path(self) -> Path:
        return self.folder / f"{self.slug}.txt"

    @cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @cached_property
    def source(self) -> dict:
        return tomllib.loads((self.folder / "source.toml").read_text(encoding="utf-8"))

    @cached_property
    def expected(self) -> dict:
        return tomllib.loads((self.folder / "expected.toml").read_text(encoding="utf-8"))

    @property
    def annotated(self) -> bool:
        return (self.folder / "names.json").is_file()

    @cached_property
    def mentions(self) -> list[Mention]:
        """The gold name mentions, in text order; empty when the text is not annotated."""
        if not self.annotated:
            return []
        data = json.loads((self.folder / "names.json").read_text(encoding="utf-8"))
        return [Mention(m["start"], m["end"], m["text"], m["type"]) for m in data["mentions"]]


def texts(heldout: bool = False) -> list[CorpusText]:
    """The corpus texts (or the held-out ones), sorted by slug."""
    root = HELDOUT if heldout else CORPUS
    return [CorpusText(d) for d in sorted(root.iterdir()) if (d / f"{d.name}.txt").is_file()]


def load(slug: str) -> CorpusText:
    """One text by slug, looked up in the corpus, then among the held-out texts."""
    for root in (CORPUS, HELDOUT):
        if (root / slug / f"{slug}.txt").is_file():
            return CorpusText(root / slug)
    raise KeyError(f"no corpus text {slug!r}")
