"""XMP metadata in every PDF (ISO 32000-1, 14.3.2), for catalogues and archives that read
XMP rather than the document information dictionary.

WeasyPrint writes an XMP packet only for its PDF/A, PDF/UA and PDF/X variants; for a plain
PDF this finisher adds one, from what WeasyPrint read from the print HTML's head: title,
authors, description, keywords, the tool, dates, and the rights (``dcterms.rights``, the
licences as the TEI states them, and ``dcterms.license``, the text's rights statement URL),
as Dublin Core, xmp, pdf and xmpRights properties. A variant's own packet is left as it is.
"""

from __future__ import annotations

from lxml import etree

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def add_xmp(document, pdf) -> None:
    """A write_pdf finisher: the catalog's /Metadata stream, unless the variant wrote one."""
    import pydyf

    if "Metadata" in pdf.catalog:
        return
    stream = pydyf.Stream([packet(document.metadata)], {"Type": "/Metadata", "Subtype": "/XML"}, compress=False)
    pdf.add_object(stream)
    pdf.catalog["Metadata"] = stream.reference


def packet(metadata) -> bytes:
    """The XMP packet (UTF-8) for WeasyPrint's DocumentMetadata ``metadata``."""
    meta = etree.Element(f"{{{NS['x']}}}xmpmeta", nsmap={"x": NS["x"]})
    rdf = etree.SubElement(meta, f"{{{NS['rdf']}}}RDF", nsmap={k: v for k, v in NS.items() if k != "x"})
    about = etree.SubElement(rdf, f"{{{NS['rdf']}}}Description", {f"{{{NS['rdf']}}}about": ""})
    rights = metadata.custom.get("dcterms.rights")
    _alternative(about, "dc", "title", metadata.title)
    if metadata.authors:
        _container(about, "dc", "creator", "Seq", metadata.authors)
    _alternative(about, "dc", "description", metadata.description)
    _alternative(about, "dc", "rights", rights)
    _simple(about, "pdf", "Keywords", metadata.keywords and ", ".join(metadata.keywords))
    _simple(about, "pdf", "Producer", _producer())
    _simple(about, "xmp", "CreatorTool", metadata.generator)
    _simple(about, "xmp", "CreateDate", metadata.created)
    _simple(about, "xmp", "ModifyDate", metadata.modified)
    _simple(about, "xmpRights", "Marked", "True" if rights else None)
    _simple(about, "xmpRights", "WebStatement", metadata.custom.get("dcterms.license"))
    body = etree.tostring(meta, encoding="utf-8")
    return b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + b'\n<?xpacket end="r"?>'


def _producer() -> str:
    from weasyprint import __version__

    return f"WeasyPrint {__version__}"


def _simple(parent, prefix: str, name: str, value: str | None) -> None:
    if value:
        etree.SubElement(parent, f"{{{NS[prefix]}}}{name}").text = value


def _alternative(parent, prefix: str, name: str, value: str | None) -> None:
    """A language alternative with one default entry (dc:title, dc:description, dc:rights)."""
    if value:
        item = _container(parent, prefix, name, "Alt", [value])
        item[0].set(XML_LANG, "x-default")


def _container(parent, prefix: str, name: str, kind: str, values: list[str]):
    bag = etree.SubElement(etree.SubElement(parent, f"{{{NS[prefix]}}}{name}"), f"{{{NS['rdf']}}}{kind}")
    for value in values:
        etree.SubElement(bag, f"{{{NS['rdf']}}}li").text = value
    return bag
