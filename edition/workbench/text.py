"""The reading view: the TEI ``text`` of a master as HTML, and every mention in context.

``render`` gives the HTML of the text (names as links to their entry, classed
confirmed or proposed; quotations and corrections classed so the page can show
them on request); ``index`` gives each name mention, quotation and choice with
its keyword-in-context line.  The HTML is built as lxml elements and
serialised by lxml, so every character of the text and of the attributes is
escaped: a name spelt ``<script>`` stays text.

This is the workbench's view, not a publication writer: an element it has no
rule for is kept as a ``span`` (or ``div`` at block level) classed by its TEI
name, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from lxml import etree, html

from ..register import KINDS
from ..textdecisions import source_text
from ..xmlio import TEI_NS, XML_NS

_ID = f"{{{XML_NS}}}id"
NAME_KINDS = {tag: kind for kind, tag in KINDS.items()}
QUOTATIONS = ("quote", "soCalled", "title", "mentioned")
# TEI elements shown as their own HTML block; everything else is inline.
_BLOCK_TAGS = {
    "text": "div", "front": "div", "body": "div", "back": "div", "div": "section", "head": "h2", "p": "p",
    "byline": "p", "docImprint": "p", "docTitle": "div", "titlePart": "p", "closer": "div", "signed": "p", "dateline": "p",
    "list": "ul", "item": "li", "lg": "div", "l": "p", "floatingText": "div", "figure": "div",
    "sp": "div", "speaker": "p", "castList": "div", "castItem": "p",  # a play's (edition/convert/drama.py)
}
# HTML elements that may hold text only, not blocks.
_PHRASING = {"p", "h2", "span"}
# The blocks a keyword-in-context line is cut from.
_CONTEXT_BLOCKS = {"p", "head", "byline", "docImprint", "titlePart", "signed", "dateline", "item", "l", "stage", "castItem"}
# Readings that are not the text as read: the sic and orig sides of a choice, notes elsewhere.
_NOT_READ = {"sic", "orig"}
CONTEXT_CHARS = 70
_KEPT = re.compile(r'<section data-kept="(\d+)"></section>')


@dataclass(frozen=True)
class Context:
    """A keyword in context: the words before, the keyword, the words after."""

    before: str
    keyword: str
    after: str


class _InContext:
    """An element of the text whose keyword-in-context line is made when first asked for."""

    def __init__(self, element: etree._Element, contexts: "_Contexts"):
        self._element = element
        self._contexts = contexts

    @cached_property
    def context(self) -> Context:
        return self._contexts.of(self._element)


class Mention(_InContext):
    """One name element of the text: its id, the entry it names, its kind and @cert."""

    def __init__(self, element: etree._Element, contexts: "_Contexts"):
        super().__init__(element, contexts)
        self.id = element.get(_ID)
        self.entity = element.get("ref")[1:]
        self.kind = NAME_KINDS[local(element)]
        self.cert = element.get("cert", "")


class SourceMention:
    """A mention of a proposal the master does not tag (an edition publishing confirmed names only), in its source line."""

    def __init__(self, line: str, line_number: int, col: int, surface: str):
        self.id = f"line{line_number}.{col}"
        self.context = context_in(line, col - 1, col - 1 + len(surface))


class Quotation(_InContext):
    """One quote, soCalled or title of the text."""

    def __init__(self, element: etree._Element, contexts: "_Contexts"):
        super().__init__(element, contexts)
        self.id = element.get(_ID)
        self.element = local(element)
        self.cert = element.get("cert", "")

    @property
    def words(self) -> str:
        """Its words as the source has them (the sic side of a correction): how edition.toml names it."""
        return squeeze(source_text(self._element))


class Choice(_InContext):
    """One choice: sic/corr (a correction) or orig/reg (a normalisation); ``id`` is its HTML id."""

    def __init__(self, element: etree._Element, number: int, contexts: "_Contexts"):
        super().__init__(element, contexts)
        self.id = choice_id(number)
        sides = {local(c): c for c in element if isinstance(c.tag, str)}
        self.kind = "correction" if "sic" in sides else "normalisation"
        original, reading = ("sic", "corr") if self.kind == "correction" else ("orig", "reg")
        self.original = squeeze("".join(sides[original].itertext())) if original in sides else ""
        self.reading = squeeze(read_text(sides[reading])) if reading in sides else ""


@dataclass
class Index:
    """The mentions, quotations and choices of a text, in document order."""

    mentions: list[Mention] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)


def local(element: etree._Element) -> str:
    """The element's name without its namespace (a string split: QName is slower, and this runs per element)."""
    return element.tag.rpartition("}")[2]


def read_text(element: etree._Element) -> str:
    """The text as read: the corr/reg side of choices, whitespace kept."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and local(child) not in _NOT_READ:
            parts.append(read_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def squeeze(text: str) -> str:
    """Whitespace runs as single spaces, none at the ends."""
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


def context_in(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> Context:
    """The keyword ``text[start:end]`` with up to ``width`` characters each side, cut at words."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start > width and " " in before:
        before = "… " + before.split(" ", 1)[1]
    if end + width < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + " …"
    return Context(squeeze(before) + (" " if before[-1:].isspace() else ""), squeeze(text[start:end]),
                   (" " if after[:1].isspace() else "") + squeeze(after))


class _Contexts:
    """Keyword-in-context lines, each block's text read once (the outermost block around an element)."""

    def __init__(self) -> None:
        self.blocks: dict[etree._Element, tuple[str, dict[etree._Element, tuple[int, int]]]] = {}

    def of(self, element: etree._Element) -> Context:
        around = [a for a in element.iterancestors() if isinstance(a.tag, str) and local(a) in _CONTEXT_BLOCKS]
        if not around:  # an element outside any block (a bare title)
            return Context("", squeeze(read_text(element)), "")
        block = around[-1]
        if block not in self.blocks:
            self.blocks[block] = _spans(block)
        text, spans = self.blocks[block]
        return context_in(text, *spans[element])


def index(text: etree._Element) -> Index:
    """Every name mention (with an xml:id), quotation and choice of the TEI ``text``, in context."""
    found = Index()
    contexts = _Contexts()
    tags = [f"{{{TEI_NS}}}{name}" for name in (*NAME_KINDS, *QUOTATIONS, "choice")]
    for element in text.iter(*tags):
        name = local(element)
        if name in NAME_KINDS and element.get("ref", "").startswith("#") and element.get(_ID):
            found.mentions.append(Mention(element, contexts))
        elif name in QUOTATIONS and element.get(_ID):
            found.quotations.append(Quotation(element, contexts))
        elif name == "choice":
            found.choices.append(Choice(element, len(found.choices) + 1, contexts))
    return found


def choice_id(number: int) -> str:
    """The HTML id of the n-th choice of the text (choices have no xml:id in TEI)."""
    return f"choice{number}"


def render(text: etree._Element, entity_url: Callable[[str], str], proposed: set[str], kept: dict | None = None) -> str:
    """The TEI ``text`` element as HTML; ``entity_url(id)`` gives each name's link.

    An element holding a block (a ``list`` inside a ``p``, paragraphs inside a
    ``quote``) becomes a ``div``, so the HTML nests as HTML allows.  With
    ``kept`` (a dict the caller keeps between renders with the same
    ``entity_url``), each division of the text is rendered once per content:
    after a decision only the divisions it changed are rendered again.
    """
    choices = 0
    parts: list[str] = []  # the HTML of kept divisions, put in place of their placeholders at the end
    fresh: dict = {}

    def convert(element: etree._Element) -> etree._Element:
        nonlocal choices
        name = local(element)
        if kept is not None and name == "div" and local(element.getparent()) in ("front", "body", "back"):
            return division(element)
        if name in NAME_KINDS and element.get("ref", "").startswith("#"):
            entity = element.get("ref")[1:]
            status = "proposed" if element.get("cert") == "low" or entity in proposed else "confirmed"
            out = etree.Element("a", {"class": f"name {NAME_KINDS[name]} {status}", "href": entity_url(entity)})
        else:
            tag = _BLOCK_TAGS.get(name, "span")
            if tag in _PHRASING and any(isinstance(e.tag, str) and local(e) in _BLOCK_TAGS for e in element.iterdescendants()):
                tag = "div"
            out = etree.Element(tag, {"class": f"t-{name} low" if element.get("cert") == "low" else f"t-{name}"})
        if name == "choice":
            choices += 1
            out.set("id", choice_id(choices))
        elif element.get(_ID):
            out.set("id", element.get(_ID))
        out.text = element.text
        for child in element:
            if isinstance(child.tag, str):
                out.append(convert(child))
                out[-1].tail = child.tail
            elif len(out):  # a comment or processing instruction: its tail is text
                out[-1].tail = (out[-1].tail or "") + (child.tail or "")
            else:
                out.text = (out.text or "") + (child.tail or "")
        return out

    def division(element: etree._Element) -> etree._Element:
        """A placeholder for the division's HTML, made or taken from ``kept`` by what it depends on."""
        nonlocal choices
        refs = {ref[1:] for ref in element.xpath(".//@ref") if ref.startswith("#")}
        key = (etree.tostring(element, with_tail=False), choices, frozenset(refs & proposed))
        if key not in kept:
            first = choices
            markup = html.tostring(convert_whole(element), encoding="unicode", with_tail=False)
            kept[key] = (markup, choices - first)
        fresh[key] = kept[key]
        markup, count = kept[key]
        choices = key[1] + count
        parts.append(markup)
        return etree.Element("section", {"data-kept": str(len(parts) - 1)})

    def convert_whole(element: etree._Element) -> etree._Element:
        nonlocal kept
        outer, kept = kept, None  # the division itself, not a placeholder again
        try:
            return convert(element)
        finally:
            kept = outer

    result = html.tostring(convert(text), encoding="unicode")
    if kept is not None:
        kept.clear()
        kept.update(fresh)
        result = _KEPT.sub(lambda m: parts[int(m.group(1))], result)  # the text's own "<" are escaped
    return result


def tei_text(root: etree._Element) -> etree._Element:
    found = root.find(f"{{{TEI_NS}}}text")
    return found if found is not None else etree.Element(f"{{{TEI_NS}}}text")
