"""Turn a block (text + annotations) into TEI mixed content.

Annotations nest by span (the wider is outer; equal spans by ``RANK``); a
zero-width annotation goes into the innermost element that strictly contains
its position.  Mention ids follow tei/ENCODING.md: ``<block id>.n<k>`` for
names, ``<block id>.q<k>`` for quote/soCalled/title, counted in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..xmlio import TEI_NS, XML_NS
from .model import Annotation, Block

NAME_TAGS = {"persName", "placeName", "orgName"}
QUOTE_TAGS = {"quote", "soCalled", "title", "mentioned"}
XML_ID = f"{{{XML_NS}}}id"


@dataclass
class _Node:
    ann: Annotation
    children: list["_Node"] = field(default_factory=list)


def _contains(outer: Annotation, inner: Annotation) -> bool:
    if inner.start == inner.end:
        return outer.start < inner.start < outer.end
    return outer.covers(inner.start, inner.end)


def _order(a: Annotation) -> tuple:
    """Document order; insertions before elements starting at the same place, outer before inner."""
    return (a.start, a.start != a.end, -a.end, a.rank)


def _nest(block: Block) -> _Node:
    root = _Node(Annotation(0, len(block.text), "_root"))
    stack = [root]
    for ann in sorted(block.annotations, key=_order):
        while stack[-1] is not root and not _contains(stack[-1].ann, ann):
            stack.pop()
        if ann.start < stack[-1].ann.start or ann.end > stack[-1].ann.end:
            raise AssertionError(f"crossing annotations in {block.xml_id}: {ann}")  # a pass failed to check free()
        node = _Node(ann)
        stack[-1].children.append(node)
        stack.append(node)
    return root


class _Ids:
    def __init__(self, prefix: str):
        self.prefix, self.names, self.quotes = prefix, 0, 0

    def assign(self, el: etree._Element, tag: str) -> None:
        if tag in NAME_TAGS:
            self.names += 1
            el.set(XML_ID, f"{self.prefix}.n{self.names}")
        elif tag in QUOTE_TAGS:
            self.quotes += 1
            el.set(XML_ID, f"{self.prefix}.q{self.quotes}")


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _emit(node: _Node, parent: etree._Element, text: str, ids: _Ids) -> None:
    a = node.ann
    cursor, stop = a.start + a.trim[0], a.end - a.trim[1]
    for child in node.children:
        _append_text(parent, text[cursor : child.ann.start])
        _emit_element(child, parent, text, ids)
        cursor = child.ann.end
    _append_text(parent, text[cursor:stop])


def _emit_element(node: _Node, parent: etree._Element, text: str, ids: _Ids) -> None:
    a = node.ann
    el = etree.SubElement(parent, f"{{{TEI_NS}}}{a.tag}")
    ids.assign(el, a.tag)
    for name, value in sorted(a.attrs.items()):
        el.set(name, value)
    if a.content is not None:  # a note: its text, not the marker it replaces
        fill(el, a.content)
        return
    if a.alt is None:
        _emit(node, el, text, ids)
        return
    first, second, reading = a.alt
    _emit(node, etree.SubElement(el, f"{{{TEI_NS}}}{first}"), text, ids)
    etree.SubElement(el, f"{{{TEI_NS}}}{second}").text = reading


def fill(el: etree._Element, block: Block, id_prefix: str | None = None) -> etree._Element:
    """Write ``block`` as the mixed content of ``el``."""
    _emit(_nest(block), el, block.text, _Ids(id_prefix or block.xml_id))
    return el
