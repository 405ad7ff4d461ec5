"""The reading view: the TEI ``text`` of a master as HTML, and every mention in context.

One walk over the TEI gives both: the HTML of the text (names as links to their
entry, classed confirmed or proposed; quotations and corrections classed so the
page can show them on request) and, for each name mention, quotation and
correction, its keyword-in-context line.  The HTML is built as lxml elements and
serialised by lxml, so every character of the text and of the attributes is
escaped: a name spelt ``<script>`` stays text.

This is the workbench's view, not a publication writer: an element it has no
rule for is kept as a ``span`` (or ``div`` at block level) classed by its TEI
name, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lxml import etree, html

from ..register import KINDS
from ..xmlio import TEI_NS, XML_NS

_ID = f"{{{XML_NS}}}id"
NAME_KINDS = {tag: kind for kind, tag in KINDS.items()}
QUOTATIONS = ("quote", "soCalled", "title")
# TEI elements shown as their own HTML block; everything else is inline.
_BLOCK_TAGS = {
    "front": "div", "body": "div", "back": "div", "div": "section", "head": "h2", "p": "p",
    "byline": "p", "docTitle": "div", "titlePart": "p", "closer": "div", "signed": "p", "dateline": "p",
    "list": "ul", "item": "li", "lg": "div", "l": "p", "floatingText": "div", "figure": "div",
}
# The blocks a keyword-in-context line is cut from.
_CONTEXT_BLOCKS = {"p", "head", "byline", "titlePart", "signed", "dateline", "item", "l"}
# Readings that are not the text as read: the sic and orig sides of a choice, notes elsewhere.
_NOT_READ = {"sic", "orig"}
CONTEXT_CHARS = 70


@dataclass(frozen=True)
class Context:
    """A keyword in context: the words before, the keyword, the words after."""

    before: str
    keyword: str
    after: str


@dataclass(frozen=True)
class Mention:
    """One name element of the text."""

    id: str
    entity: str
    kind: str
    cert: str
    context: Context


@dataclass(frozen=True)
class Quotation:
    """One quote, soCalled or title of the text."""

    id: str
    element: str
    cert: str
    context: Context


@dataclass(frozen=True)
class Choice:
    """One choice: sic/corr (a correction) or orig/reg (a normalisation), with where it stands."""

    id: str
    kind: str
    original: str
    reading: str
    context: Context


@dataclass
class Reading:
    """The text as HTML and its mentions, quotations and choices, in document order."""

    html: str
    mentions: list[Mention] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def read_text(element: etree._Element) -> str:
    """The text as read: the corr/reg side of choices, whitespace kept."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and local(child) not in _NOT_READ:
            parts.append(read_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _spans(block: etree._Element) -> tuple[str, dict[etree._Element, tuple[int, int]]]:
    """The read text of ``block`` and the (start, end) of each element inside it."""
    out: list[str] = []
    spans: dict[etree._Element, tuple[int, int]] = {}
    length = 0

    def walk(element: etree._Element) -> None:
        nonlocal length
        start = length
        if element.text:
            out.append(element.text)
            length += len(element.text)
        for child in element:
            if isinstance(child.tag, str) and local(child) not in _NOT_READ:
                walk(child)
            if child.tail:
                out.append(child.tail)
                length += len(child.tail)
        spans[element] = (start, length)

    walk(block)
    return "".join(out), spans


def _context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> Context:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start > width and " " in before:
        before = "… " + before.split(" ", 1)[1]
    if end + width < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + " …"
    return Context(_squeeze(before) + (" " if before[-1:].isspace() else ""), _squeeze(text[start:end]),
                   (" " if after[:1].isspace() else "") + _squeeze(after))


class _Walker:
    def __init__(self, entity_url: Callable[[str], str], proposed: set[str]):
        self.entity_url = entity_url
        self.proposed = proposed
        self.reading = Reading("")
        self.block_text = ""
        self.block_spans: dict[etree._Element, tuple[int, int]] = {}

    def context(self, element: etree._Element) -> Context:
        if element not in self.block_spans:  # an element outside any context block (a bare title)
            return Context("", _squeeze(read_text(element)), "")
        return _context(self.block_text, *self.block_spans[element])

    def convert(self, element: etree._Element) -> etree._Element:
        name = local(element)
        if name in _CONTEXT_BLOCKS and element not in self.block_spans:
            self.block_text, self.block_spans = _spans(element)
        out = self.shell(element, name)
        if element.get(_ID):
            out.set("id", element.get(_ID))
        out.text = element.text
        for child in element:
            if isinstance(child.tag, str):
                out.append(self.convert(child))
                out[-1].tail = child.tail
            elif len(out):
                out[-1].tail = (out[-1].tail or "") + (child.tail or "")
            else:
                out.text = (out.text or "") + (child.tail or "")
        return out

    def shell(self, element: etree._Element, name: str) -> etree._Element:
        if name in NAME_KINDS and element.get("ref", "").startswith("#"):
            return self.name(element, name)
        if name in QUOTATIONS:
            self.record_quotation(element, name)
        tag = _BLOCK_TAGS.get(name, "span")
        out = etree.Element(tag)
        if name == "choice":
            out.set("id", self.record_choice(element))
        classes = [f"t-{name}"]
        if element.get("cert") == "low":
            classes.append("low")
        if element.get("type"):
            out.set("data-type", element.get("type"))
        out.set("class", " ".join(classes))
        return out

    def name(self, element: etree._Element, name: str) -> etree._Element:
        entity = element.get("ref")[1:]
        status = "proposed" if element.get("cert") == "low" or entity in self.proposed else "confirmed"
        mention_id = element.get(_ID, "")
        if mention_id:
            self.reading.mentions.append(
                Mention(mention_id, entity, NAME_KINDS[name], element.get("cert", ""), self.context(element))
            )
        out = etree.Element("a", {"class": f"name {NAME_KINDS[name]} {status}", "href": self.entity_url(entity)})
        out.set("data-entity", entity)
        return out

    def record_quotation(self, element: etree._Element, name: str) -> None:
        if element.get(_ID):
            self.reading.quotations.append(
                Quotation(element.get(_ID), name, element.get("cert", ""), self.context(element))
            )

    def record_choice(self, element: etree._Element) -> str:
        """Record a sic/corr or orig/reg choice; return the id its HTML gets (choices have none in TEI)."""
        choice_id = f"choice{len(self.reading.choices) + 1}"
        sides = {local(c): c for c in element if isinstance(c.tag, str)}
        kind = "correction" if "sic" in sides else "normalisation"
        original, reading = ("sic", "corr") if kind == "correction" else ("orig", "reg")
        self.reading.choices.append(Choice(
            choice_id, kind, _squeeze(read_text_all(sides[original])) if original in sides else "",
            _squeeze(read_text(sides[reading])) if reading in sides else "", self.context(element),
        ))
        return choice_id


def read_text_all(element: etree._Element) -> str:
    """Every character inside ``element`` (the sic side itself, say)."""
    return "".join(element.itertext())


def render(text: etree._Element, entity_url: Callable[[str], str], proposed: set[str]) -> Reading:
    """The reading of the TEI ``text`` element; ``entity_url(id)`` gives each name's link."""
    walker = _Walker(entity_url, proposed)
    body = walker.convert(text)
    walker.reading.html = html.tostring(body, encoding="unicode")
    return walker.reading


def tei_text(root: etree._Element) -> etree._Element:
    found = root.find(f"{{{TEI_NS}}}text")
    return found if found is not None else etree.Element(f"{{{TEI_NS}}}text")
