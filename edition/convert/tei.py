"""Assemble the TEI document from the model and serialise it byte-for-byte stably."""

from __future__ import annotations

from lxml import etree

from ..xmlio import TEI_NS, XML_NS
from .markup import fill
from .model import Block, Document, Section

# Elements whose content is text: never indented, so no whitespace is added to the text.
_MIXED = {
    "p", "head", "byline", "signed", "item", "quote", "soCalled", "title", "titlePart", "persName",
    "placeName", "orgName", "forename", "surname", "addName", "roleName", "name", "note", "bibl",
    "licence", "edition", "change", "date", "idno", "label", "language", "publisher", "pubPlace",
    "author", "desc", "country", "settlement", "region", "birth", "death",
}


def el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A TEI element (``xml_id`` and ``xml_lang`` name the xml: attributes)."""
    qname = f"{{{TEI_NS}}}{tag}"
    node = etree.Element(qname) if parent is None else etree.SubElement(parent, qname)
    for name, value in attrs.items():
        key = f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml_") else name
        node.set(key, value)
    node.text = text
    return node


def _block(parent: etree._Element, tag: str, block: Block, **attrs: str) -> etree._Element:
    return fill(el(parent, tag, **attrs), block)


def build_text(doc: Document, tei: etree._Element) -> etree._Element:
    """Write the ``text`` element into ``tei`` (built in place: moving a large tree between documents is slow)."""
    text = el(tei, "text")
    front = el(text, "front")
    if doc.title.text:
        el(el(front, "docTitle"), "titlePart", doc.title.text, type="main")
    if doc.byline:
        _block(front, "byline", doc.byline, xml_id="byline")
    if doc.preface:
        preface = el(front, "div", type="preface", xml_id="preface")
        for block in doc.preface:
            _block(preface, "p", block, xml_id=block.xml_id)
    body = el(text, "body")
    for section in doc.sections:
        _section(body, section)
    if doc.closer:
        closer = el(body[-1], "closer", xml_id="closer")
        fill(el(closer, "signed"), doc.closer)
    if not len(front):
        text.remove(front)
    return text


def _section(body: etree._Element, section: Section) -> None:
    div = el(body, "div", type="section", xml_id=section.xml_id, n=str(section.number))
    if section.head:
        _block(div, "head", section.head)
    for block in section.blocks:
        _block(div, "p", block, xml_id=block.xml_id)


def indent(node: etree._Element, level: int = 0) -> None:
    """Indent element-only content by two spaces; leave mixed content exactly as it is."""
    local = etree.QName(node).localname
    if local in _MIXED or not len(node) or (node.text or "").strip():
        return
    pad = "\n" + "  " * (level + 1)
    node.text = pad
    for child in node:
        indent(child, level + 1)
        child.tail = pad
    node[-1].tail = pad[:-2]


def serialise(root: etree._Element) -> bytes:
    indent(root)
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"
