"""Assemble the TEI document from the model and serialise it byte-for-byte stably."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..xmlio import TEI_NS, XML_NS
from .markup import fill
from .model import BACK_KINDS, TEXT_DIVISIONS, Block, Document, Section

# Elements whose content is text: never indented, so no whitespace is added to the text.
_MIXED = {
    "p", "head", "byline", "signed", "item", "quote", "soCalled", "title", "mentioned", "titlePart", "persName",
    "placeName", "orgName", "forename", "surname", "addName", "roleName", "name", "note", "bibl",
    "licence", "edition", "change", "date", "idno", "label", "language", "publisher", "pubPlace",
    "author", "desc", "country", "settlement", "region", "birth", "death", "dateline", "figDesc", "hi", "docDate", "salute",
    "docImprint", "trailer", "l", "speaker", "stage", "castItem",
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


def build_text(doc: Document, tei: etree._Element, supplied_title: str = "") -> etree._Element:
    """Write the ``text`` element into ``tei`` (built in place: moving a large tree between documents is slow)."""
    text = el(tei, "text")
    front = el(text, "front")
    for _, write in sorted(_title_page(doc, supplied_title), key=lambda item: item[0]):
        write(front)
    last = (doc.sections or doc.prefaces)[-1]
    for section in doc.prefaces:
        _division(front, section, last)
    body = el(text, "body")
    if doc.repeated_title:
        el(body, "head", doc.repeated_title.text, type="repeated")
    outers = [body]  # a division of level n goes into the last of level n - 1 (a book's chapter, an act's scene)
    appendices = [s for s in doc.sections if s.kind in BACK_KINDS]
    for section in doc.sections[: len(doc.sections) - len(appendices)]:
        level = min(section.level, len(outers) - 1)
        outers[level + 1 :] = [_division(outers[level], section, last)]
    if appendices or doc.notes or doc.back:
        back = el(text, "back")
        for section in (*appendices, *doc.notes, *doc.back):
            _division(back, section, last)
    if not len(front):
        text.remove(front)
    return text


def _title_page(doc: Document, supplied_title: str) -> list[tuple[int, Callable[[etree._Element], object]]]:
    """The front's title, bylines, date and imprint, each with its offset: written in the source's order."""
    items: list[tuple[int, Callable[[etree._Element], object]]] = []
    if doc.title.text:
        def title(front: etree._Element) -> None:
            part = el(front, "docTitle")
            if doc.series:
                el(part, "titlePart", doc.series.text, type="series")
            if doc.title.annotations:  # the title in italics (pass 20)
                fill(el(part, "titlePart", type="main", **doc.title.attrs), doc.title, "title")
            else:
                el(part, "titlePart", doc.title.text, type="main", **doc.title.attrs)
            if doc.volume:
                el(part, "titlePart", doc.volume.text, type="volume")
        items.append(((doc.series or doc.title).offset, title))
    elif supplied_title:  # the text opens with its first heading: the editor's title, not the source's
        items.append((-1, lambda front: el(el(front, "docTitle"), "titlePart", supplied_title, type="supplied")))
    if doc.date is not None:
        items.append((doc.date.offset, lambda front: el(front, "docDate", doc.date.text)))
    for kind, blocks in (("byline", doc.bylines), ("docImprint", doc.imprint)):
        items += [(b.offset, lambda front, b=b, kind=kind: _block(front, kind, b, xml_id=b.xml_id)) for b in blocks]
    return items


def _division(parent: etree._Element, section: Section, last: Section) -> etree._Element:
    numbered = {"n": str(section.number)} if section.kind in TEXT_DIVISIONS else {}
    div = el(parent, "div", type=section.kind, xml_id=section.xml_id, **numbered)
    if section.head:
        _block(div, "head", section.head, **section.head.attrs)
    if section.opener:
        opener = el(div, "opener", xml_id=f"{section.xml_id}.opener")
        for block in section.opener:
            _block(opener, block.kind, block)
    quote, quotes, group = None, 0, None
    for block in section.blocks:
        container = div
        if block.quote is not None and not block.speech:  # a speech stands in its sp
            if quote is None or quote.get("rend", "") != (block.quote or ""):
                quotes += 1
                quote = el(div, "quote", xml_id=f"{section.xml_id}.bq{quotes}", **({"rend": block.quote} if block.quote else {}))
            container = quote
        else:
            quote = None
        group = _play_item(container, group, block)
        if group is None:
            _item(container, block)
    if section.closer:
        closer = el(div, "closer", xml_id="closer" if section is last else f"{section.xml_id}.closer")
        for block in section.closer:
            _block(closer, block.kind, block)
    for block in section.tail:  # where note texts printed after the signature stood
        _item(div, block)
    if section.trailer:
        _block(div, "trailer", section.trailer, xml_id=section.trailer.xml_id)
    return div


def _play_item(parent: etree._Element, group: etree._Element | None, block: Block) -> etree._Element | None:
    """A play's speaker opens an sp that holds the speech after it; a cast list's heading and
    lines make one castList.  Returns the sp or castList the block went into (None: not a play's)."""
    local = etree.QName(group).localname if group is not None else ""
    if block.kind == "speaker":
        group = el(parent, "sp")
        _block(group, "speaker", block, xml_id=block.xml_id)
    elif block.speech and local == "sp":
        _item(group, block)
    elif block.kind == "castHead":
        group = el(parent, "castList")
        _block(group, "head", block)
    elif block.kind == "castItem":
        group = group if local == "castList" else el(parent, "castList")
        _block(group, "castItem", block, xml_id=block.xml_id)
    else:
        return None
    return group


def _item(parent: etree._Element, block: Block) -> None:
    """One block of a division: a paragraph, an argument, a figure, or where note texts stood."""
    if block.kind == "figure":
        _block(el(parent, "figure", xml_id=block.xml_id, rend="bracketed"), "figDesc", block)
    elif block.kind == "argument":  # a chapter's summary under its head
        _block(el(parent, "argument"), "p", block, xml_id=block.xml_id)
    elif block.kind == "stage":  # a play's stage direction on its own
        _block(parent, "stage", block, xml_id=block.xml_id, **block.attrs)
    elif block.kind == "break":
        el(parent, "milestone", unit="section", rend=block.text)
    elif block.kind == "notes":
        for note in block.notes:
            if note.attrs:  # no marker in the text: the note stays where it stood
                _block(parent, "note", note, xml_id=note.xml_id, **note.attrs)
                continue
            el(parent, "anchor", type="note", corresp=f"#{note.xml_id}")
    else:
        _block(parent, "lg" if block.verse else "p", block, xml_id=block.xml_id)


def indent(node: etree._Element, level: int = 0) -> None:
    """Indent element-only content by two spaces; leave mixed content exactly as it is."""
    local = etree.QName(node).localname
    if local in _MIXED or not len(node) or (node.text or "").strip() or any((child.tail or "").strip() for child in node):
        return  # text between the children: mixed content, whatever the element (never lose a tail)
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
