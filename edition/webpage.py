"""A web page as a user saved it (``.html``): ``edition new`` takes out its text.

Texts come as web transcriptions as often as plain files (an archive's page of a pamphlet,
a speech, a letter).  The converter reads plain text as printed books set it, and a web
page's title as a Markdown ``#`` line, so the page's text is written in that form: the main
heading (``<h1>``) as ``# Title``, the others as lines of their own (pages use ``<h3>`` for a
chapter as often as for a date line, and the converter's rules tell them apart as in a
printed book), ``_italics_``, quoted paragraphs indented, ``[1]`` note calls, a contents list
one entry a line, an image standing alone (a plate, a figure) as ``[Illustration: its alt
text]``; one block per paragraph, heading, list item or quoted paragraph, blank lines between
them, lines broken only where the page breaks them (``<br>``).  What is not the text is left
out: the head, scripts, styles, forms, navigation bars, the page's header and footer,
decorations (an image with no alternative text, or "decoration"), and the printed book's page
numbers that Project Gutenberg and Wikisource set in the margin (``class="pagenum"``).
``new`` stores the page beside the text taken from it and notes both in edition.toml and the
TEI header.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass

from lxml import etree, html

from .errors import EditionError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_OPENING = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)

# Elements whose content is not the text of the page.
_LEFT_OUT = {"head", "script", "style", "noscript", "template", "nav", "header", "footer", "form",
             "button", "select", "textarea", "iframe", "object", "embed", "svg", "canvas", "map", "audio", "video"}
# Elements that end a block of text before and after them.
_BLOCKS = {"p", "div", "section", "article", "main", "aside", "address", "center", "figure", "figcaption",
           "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "pre",
           "table", "thead", "tbody", "tfoot", "tr", "caption", "hr", "body", "html"}
_ITALIC = {"i", "em", "cite", "dfn", "var"}
_BY = re.compile(r"by\b", re.IGNORECASE)
_MARKS = re.compile(r"^(?:#+ |- |\d+\. )")  # a heading's or a list item's marks, off a contents entry
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LISTS = {"blockquote", "div", "ul", "ol", "table", "section", "nav"}
_YEAR_AFTER = re.compile(r",?\s+\(?\d{4}\)?$")  # "Jenny Brown 1889": the year the archive adds
_SPACE = re.compile(r"[ \t\r\n\f]+")
_BREAK = "\x00"  # a <br> in the text being gathered (the page's own newlines are spaces)
# A block made only of links to other pages and separators is a navigation bar.
_SEPARATORS = re.compile(r"[\s|·•»«/\-–—\[\]()>:]*")
_NOTE_MARK = re.compile(r"\[?(\d{1,3}|[*†‡§])\]?")  # a superscript that is a note's call: 1, [1], *
# An image's words while its block is gathered: a block that is only the image is an illustration.
_IMAGE = re.compile("\x01([^\x01\x02]*)\x02")
_DECORATION = re.compile(r"\s*(?:decorat\w*|ornament\w*)?\s*", re.IGNORECASE)  # alt="" or "decoration": no words of the text


@dataclass(frozen=True)
class Page:
    """The text of a page, and the page as received."""

    text: str
    sha256: str
    byline: str | None = None  # the author's name set over the title, without a year after it

    def description(self) -> str:
        return (f"Received as a web page (HTML, sha256 {self.sha256} of the file as received); its text "
                "taken out by edition new: the main heading as a '#' line, italics as _…_, quoted paragraphs "
                "indented, list items and line breaks kept, an image standing alone as [Illustration: its alternative "
                "text]; navigation, scripts, styles, decorations and the printed book's page numbers left out.")


def is_html(data: bytes, name: str) -> bool:
    """Whether a received file is a web page: by its name, or by how it opens."""
    return name.lower().endswith(HTML_SUFFIXES) or bool(_OPENING.match(data[:4096]))


def page_text(data: bytes, shown: str) -> Page:
    """The text of the page ``data`` in the converter's plain form; a one-line error when it has none."""
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise EditionError(f"not a readable web page ({exc})", shown) from None
    writer = _Writer()
    body = root.find("body")
    writer.walk(body if body is not None else root)
    blocks = writer.finish()
    if not blocks:
        raise EditionError("the web page has no text in its body", shown)
    ordered, moved = _title_first(blocks, writer.headings, root)
    byline = _YEAR_AFTER.sub("", moved[0]) if len(moved) == 1 else None
    return Page("\n\n".join(ordered) + "\n", hashlib.sha256(data).hexdigest(), byline)


def _title_first(blocks: list[str], headings: set[int], root) -> tuple[list[str], list[str]]:
    """The blocks with the page's main heading first, as a title page opens, and the headings
    that were set over it (an archive's "Author 1889" above the title), which follow it; a page
    with no main heading near its top gets its <title> as one."""
    first = next((i for i, block in enumerate(blocks[:4]) if block.startswith("# ")), None)
    if first is None:
        title = _SPACE.sub(" ", root.findtext(".//title") or "").strip()
        return (["# " + title, *blocks] if title else blocks), []
    above = blocks[:first]
    if not headings.issuperset(range(first)):
        return blocks, []
    return [blocks[first], *above, *blocks[first + 1:]], above


def _navigation(element) -> bool:
    """A block of links to other pages ("Works Index | Archive"), nothing else in words."""
    links = [a for a in element.iter("a") if not (a.get("href") or "#").startswith("#")]
    return bool(links) and _SEPARATORS.fullmatch(_text_outside_links(element)) is not None


def _link_list(element) -> bool:
    """A block that is mostly links (a contents list under its heading): kept, but not quoted."""
    words = len(_SPACE.sub("", "".join(element.itertext())))
    outside = len(_SPACE.sub("", _text_outside_links(element)))
    return len(element.findall(".//a[@href]")) >= 2 and outside <= 0.2 * words


def _text_outside_links(element) -> str:
    """The text of ``element`` that is not inside a link."""
    return (element.text or "") + "".join(
        ("" if _tag(child) == "a" else _text_outside_links(child)) + (child.tail or "") for child in element)


def _tag(element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _page_number(element) -> bool:
    """The printed book's page number set in the margin (Project Gutenberg's and Wikisource's
    ``<span class="pagenum">[Pg 4]</span>``): not words of the text."""
    return any(token.startswith(("pagenum", "ws-pagenum")) for token in (element.get("class") or "").split())


class _Writer:
    """Walks the page, gathering the inline text of the block being written."""

    def __init__(self):
        self.blocks: list[str] = []
        self.parts: list[str] = []
        self.prefix = ""  # "# " of the main heading, "1. " or "- " of a list item
        self.headings: set[int] = set()  # the blocks that are headings of the page
        self.depth = 0    # how many quotations the block stands in

    def walk(self, element) -> None:
        tag = _tag(element)
        # the words of an inline element, read only where they decide how it is written
        text = "".join(element.itertext()).strip() if tag in _ITALIC or tag == "sup" else ""
        mark = _NOTE_MARK.fullmatch(text) if tag == "sup" else None
        if tag in _BLOCKS:
            self.flush()
            self.block(element, tag)
            self.flush()
        elif tag == "br":
            self.parts.append(_BREAK)
        elif tag == "img":
            self.image(element.get("alt") or "")
        elif _page_number(element):
            pass
        elif tag in _ITALIC and text:
            self.italic(element)
        elif mark:
            self.parts.append(f"[{mark.group(1)}]")
        elif tag and tag not in _LEFT_OUT:
            self.children(element)
        self.add(element.tail)

    def italic(self, element) -> None:
        """``_words_``, the spaces at its edges outside the marks (as the converter reads them)."""
        start = len(self.parts)
        self.children(element)
        inner = "".join(self.parts[start:])
        del self.parts[start:]
        words = inner.strip()
        self.parts.append(inner[: len(inner) - len(inner.lstrip())] + f"_{words}_" + inner[len(inner.rstrip()):])

    def image(self, alt: str) -> None:
        """An image's words: its alternative text in a sentence, ``[Illustration: …]`` when it is
        a block of its own (a plate, a figure), nothing when it is a decoration."""
        if not _DECORATION.fullmatch(alt):
            self.parts.append(f"\x01{alt}\x02")

    def children(self, element) -> None:
        self.add(element.text)
        for child in element:
            self.walk(child)

    def block(self, element, tag: str) -> None:
        if tag == "hr":
            self.blocks.append("* * *")
        elif tag == "pre":  # its lines as they are (a Gutenberg header, a poem), out of its margin
            lines = textwrap.dedent("".join(element.itertext()).strip("\n")).splitlines()
            self.blocks.append("\n".join("    " * self.depth + line.rstrip() if line.strip() else "" for line in lines))
        elif tag in _LISTS and _link_list(element):
            self.contents(element)
        elif tag == "blockquote":
            self.depth += 1
            self.children(element)
            self.flush()
            self.depth -= 1
        elif tag in ("ul", "ol"):
            self.items(element, tag)
        elif not _navigation(element):
            if tag == "h1" and not _BY.match("".join(element.itertext()).strip()):  # "By …": a byline
                self.prefix = "# "
            self.children(element)
            if tag in _HEADINGS and self.flush():
                self.headings.add(len(self.blocks) - 1)

    def contents(self, element) -> None:
        """A contents list: its entries (the parts holding a link) in one block, one a line, as a
        printed contents is read; its head and any other part blocks of their own."""
        entries: list[str] = []
        for child in [element.text, *element]:
            start = len(self.blocks)
            if isinstance(child, str) or child is None:
                self.add(child)
            else:
                self.walk(child)
            self.flush()
            if not isinstance(child, str) and child is not None and (_tag(child) == "a" or child.find(".//a[@href]") is not None):
                entries += [_MARKS.sub("", line) for block in self.blocks[start:] for line in block.splitlines()]
                del self.blocks[start:]
            elif entries and len(self.blocks) > start:  # the list ends: its entries before what follows
                self.blocks.insert(start, "\n".join(entries))
                entries = []
        if entries:
            self.blocks.append("\n".join(entries))

    def items(self, element, tag: str) -> None:
        self.add(element.text)
        number = 0
        for child in element:
            if _tag(child) == "li":
                number += 1
                self.flush()
                self.prefix = f"{number}. " if tag == "ol" else "- "
                self.children(child)
                self.flush()
                self.add(child.tail)
            else:
                self.walk(child)

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)

    def flush(self) -> bool:
        """Ends the block being written (whether it had words); a block with no words keeps its
        prefix for the next."""
        gathered = "".join(self.parts)
        alone = _IMAGE.fullmatch(gathered.strip())
        gathered = f"[Illustration: {_SPACE.sub(' ', alone.group(1)).strip()}]" if alone else _IMAGE.sub(r"\1", gathered)
        lines = [_SPACE.sub(" ", line).strip() for line in gathered.split(_BREAK)]
        lines = [line for line in lines if line.strip("_ ")]
        self.parts = []
        if lines:
            lines[0] = self.prefix + lines[0]
            self.blocks.append("\n".join("    " * self.depth + line for line in lines))
            self.prefix = ""
        return bool(lines)

    def finish(self) -> list[str]:
        self.flush()
        return self.blocks
