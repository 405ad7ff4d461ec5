"""The editor's decisions on the text itself, for ``edition.decisions``: quotations, corrections,
single mentions.  They are written to ``edition.toml``, where the converter reads them:

``quotation``
    the quotation whose words (between the marks) are ``forms[0]`` is of class ``kind``:
    ``quote``, ``soCalled``, ``title`` or ``mentioned`` (``[quotations] quotes``, ``terms``,
    ``titles``, ``mentioned``), or
    ``none``: its marks are no quotation's and stay characters (``[quotations] not_quotations``).
``correct``
    ``forms[0]`` (sic) is corrected to ``name`` (corr) for the reason ``note``
    (``[[corrections]]``); ``before``/``after`` are the context that picks one occurrence.
    The sic must occur exactly once in the source in that context.
``uncorrect``
    the correction of ``forms[0]`` (with the same ``before``/``after``) is taken back.
``split``
    the mention ``at`` (its xml:id in the TEI master, e.g. ``s04.p4.n5``) no longer belongs to
    the entry it matched: it names the register entry ``target`` instead, or no one when
    ``target`` is empty (``[[occurrences]]``, by block, form and which occurrence in the block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tomlkit
from lxml import etree

from .convert.p30_quotations import label_of
from .convert.p50_corrections import pattern
from .convert.settings import Correction
from .convert.source import read_source
from .errors import EditionError
from .project import Edition
from .xmlio import NS, parse_xml

ACTIONS = ("quotation", "correct", "uncorrect", "split")
# A quotation's class → the [quotations] list that says so.
CLASSES = {"quote": "quotes", "soCalled": "terms", "title": "titles", "mentioned": "mentioned", "none": "not_quotations"}
_NAMES = ("persName", "placeName", "orgName")
# The elements a block of the source becomes (a list's items are inside their paragraph's block).
_BLOCKS = ("p", "head", "byline", "signed", "dateline", "salute", "titlePart", "note")
_NOT_SOURCE = ("note", "corr", "reg")  # not in a block's source text: a note's own block, the editor's readings


@dataclass
class TextPlan:
    """The tables of edition.toml these decisions change, as lists of plain values."""

    edition: Edition
    quotations: dict[str, list[str]]
    corrections: list[dict]
    occurrences: list[dict]
    touched: set[str] = field(default_factory=set)  # "quotations", "corrections", "occurrences"
    master: etree._Element | None = None

    @classmethod
    def of(cls, edition: Edition) -> "TextPlan":
        settings = edition.settings
        quotations = settings.get("quotations", {})
        return cls(
            edition,
            {key: [str(v) for v in quotations.get(key, [])] for key in CLASSES.values()},
            [dict(c) for c in settings.get("corrections", [])],
            [dict(o) for o in settings.get("occurrences", [])],
        )

    def apply(self, d, place: str, scope_ids: set[str]) -> list[str]:
        """Apply one decision; return what changed (messages about edition.toml)."""
        return {"quotation": self._quotation, "correct": self._correct, "uncorrect": self._uncorrect,
                "split": lambda d, place: self._split(d, place, scope_ids)}[d.action](d, place)

    # -- the decisions ------------------------------------------------------

    def _quotation(self, d, place: str) -> list[str]:
        if d.kind not in CLASSES:
            raise EditionError(f"a quotation's type is quote, soCalled, title, mentioned or none, not {d.kind!r}", place)
        if len(d.forms) != 1 or not label_of(d.forms[0]):
            raise EditionError("quotation needs its words (the text between the marks) in forms", place)
        label, wanted = label_of(d.forms[0]), CLASSES[d.kind]
        changes = []
        for key, labels in self.quotations.items():
            if key != wanted and label in labels:
                labels.remove(label)
                changes.append(f"[quotations] {key}: {label!r} removed")
        if label not in self.quotations[wanted]:
            self.quotations[wanted].append(label)
            changes.append(f"[quotations] {wanted} {label!r}")
        if changes:
            self.touched.add("quotations")
        return changes

    def _correct(self, d, place: str) -> list[str]:
        sic, before, after = self._sic(d, place)
        if not d.name:
            raise EditionError("correct needs the corrected reading (corr) in name", place)
        if not d.note:
            raise EditionError("correct needs a reason in note (why the source is wrong here)", place)
        fix = Correction(sic, d.name, d.note, before=before, after=after)
        text = read_source(self.edition.text_path, str(self.edition.text_path)).text
        found = len(pattern(fix).findall(text))
        if found != 1:
            where = f" after {before!r}" if before else ""
            where += f" before {after!r}" if after else ""
            raise EditionError(f"{sic!r}{where} occurs {found} times in the text, not once"
                               + (": give context before or after it" if found else ""), place)
        entry = {"sic": sic, "corr": d.name, **({"before": before} if before else {}),
                 **({"after": after} if after else {}), "reason": d.note}
        index = self._correction(sic, before, after)
        self.touched.add("corrections")
        if index is None:
            self.corrections.append(entry)
            return [f"[[corrections]] {sic!r} → {d.name!r} added"]
        self.corrections[index] = entry
        return [f"[[corrections]] {sic!r} → {d.name!r} changed"]

    def _uncorrect(self, d, place: str) -> list[str]:
        sic, before, after = self._sic(d, place)
        index = self._correction(sic, before, after)
        if index is None:
            raise EditionError(f"no correction of {sic!r} in this context in edition.toml", place)
        removed = self.corrections.pop(index)
        self.touched.add("corrections")
        return [f"[[corrections]] {sic!r} → {removed.get('corr')!r} removed"]

    def _split(self, d, place: str, scope_ids: set[str]) -> list[str]:
        if not d.at:
            raise EditionError("split needs the xml:id of the mention (at), e.g. s04.p4.n5", place)
        if d.target and d.target not in scope_ids:
            raise EditionError(f"cannot split {d.at} to {d.target!r}: no such register entry in the edition's scope", place)
        block, form, n = self._occurrence(d.at, place)
        if d.forms and " ".join(d.forms[0].split()) != form:
            raise EditionError(f"{d.at} is {form!r}, not {d.forms[0]!r}", place)
        entry = {"at": block, "form": form, "n": n, "ref": d.target or ""}
        self.occurrences = [o for o in self.occurrences if (o.get("at"), o.get("form"), o.get("n")) != (block, form, n)]
        self.occurrences.append(entry)
        self.touched.add("occurrences")
        return [f"[[occurrences]] {form!r} {n} of {block} → {d.target or 'no name'}"]

    # -- helpers --------------------------------------------------------------

    @staticmethod
    def _sic(d, place: str) -> tuple[str, str, str]:
        if len(d.forms) != 1 or not d.forms[0]:
            raise EditionError(f"{d.action} needs the text to correct (sic) in forms", place)
        return d.forms[0], d.before or "", d.after or ""

    def _correction(self, sic: str, before: str, after: str) -> int | None:
        for index, c in enumerate(self.corrections):
            if (c.get("sic"), c.get("before", ""), c.get("after", "")) == (sic, before, after):
                return index
        return None

    def _occurrence(self, mention_id: str, place: str) -> tuple[str, str, int]:
        """The block, form and ordinal (which whole-word occurrence of the form in the block's
        source text) of the mention ``mention_id`` of the master, as ``[[occurrences]]`` names it."""
        if self.master is None:
            self.master = parse_xml(self.edition.master()).getroot()
        found = self.master.xpath("//tei:text//*[@xml:id=$id]", namespaces=NS, id=mention_id)
        if not found or etree.QName(found[0]).localname not in _NAMES:
            raise EditionError(f"{mention_id!r} is no name's mention in {self.edition.slug}'s text", place)
        mention = found[0]
        block = next((a for a in mention.iterancestors() if etree.QName(a).localname in _BLOCKS), None)
        if block is None:
            raise EditionError(f"{mention_id!r} is in no block of the text", place)
        form = " ".join(source_text(mention).split())
        before = source_text(block, stop=mention)
        words = r"(?<!\w)" + r"\s+".join(map(re.escape, form.split())) + r"(?!\w)"
        return mention_id.rpartition(".n")[0], form, len(re.findall(words, before + form))

    # -- writing ----------------------------------------------------------------

    def check(self, written: dict) -> None:
        """``written`` (edition.toml as written, parsed again) must hold the tables as decided."""
        quotations = written.get("quotations", {})
        found = ({key: quotations.get(key, []) for key in CLASSES.values()},
                 written.get("corrections", []), written.get("occurrences", []))
        if found != (self.quotations, self.corrections, self.occurrences):
            raise EditionError("edition.toml could not be written as decided (nothing was written)", str(self.edition.toml_path))

    def write(self, toml) -> None:
        """Set the touched tables of the tomlkit document ``toml`` (the rest as it was)."""
        if "quotations" in self.touched:
            table = toml.setdefault("quotations", tomlkit.table())
            for key, labels in self.quotations.items():
                if labels:
                    table[key] = labels
                elif key in table:
                    del table[key]
        for key in ("corrections", "occurrences"):
            if key in self.touched:
                _set_tables(toml, key, getattr(self, key))


def source_text(element: etree._Element, stop: etree._Element | None = None) -> str:
    """The text of ``element`` as its block's source has it (sic/orig sides, no note texts),
    up to ``stop`` when given."""
    parts: list[str] = []

    def walk(node: etree._Element) -> bool:
        parts.append(node.text or "")
        for child in node:
            if child is stop:
                return True
            if isinstance(child.tag, str) and etree.QName(child).localname not in _NOT_SOURCE and walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(element)
    return "".join(parts)


def _set_tables(toml, key: str, entries: list[dict]) -> None:
    """``[[key]]`` as ``entries``: the file's tables that stay are left as they are (with their
    comments), the others removed; new ones are added at the end of the array."""
    old = toml.get(key)
    if old is None:
        if entries:
            toml.add(key, tomlkit.aot())
            old = toml[key]
        else:
            return
    current = [t.unwrap() for t in old]
    for index in reversed(range(len(current))):
        if current[index] not in entries:
            del old[index]
            del current[index]
    for entry in entries:
        if entry not in current:
            table = tomlkit.table()
            table.trivia.indent = "\n"  # a blank line above it, as the file's tables have
            table.update(entry)
            old.append(table)
    if not len(old):
        del toml[key]
