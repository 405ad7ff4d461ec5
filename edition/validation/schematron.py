"""The Schematron layer: tei/schema/edition.sch run by lxml.isoschematron (XSLT 1.0, offline)."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree, isoschematron

from ..errors import EditionError
from ..xmlio import parse_xml
from .document import Document
from .findings import Finding

SVRL = "{http://purl.oclc.org/dsdl/svrl}"


@functools.cache
def compiled(schema: Path) -> isoschematron.Schematron:
    try:
        return isoschematron.Schematron(parse_xml(schema), store_report=True)
    except (etree.SchematronParseError, etree.XSLTParseError) as exc:
        raise EditionError(f"cannot compile Schematron: {exc}", str(schema)) from None


def schematron_findings(schema: Path, schema_name: str, doc: Document) -> list[Finding]:
    validator = compiled(schema)
    if validator.validate(doc.tree):
        return []
    return [_finding(doc, schema_name, failed) for failed in validator.validation_report.iter(f"{SVRL}failed-assert")]


def _finding(doc: Document, schema_name: str, failed: etree._Element) -> Finding:
    nodes = doc.tree.xpath(failed.get("location"))
    line, column = doc.position(nodes[0]) if nodes and isinstance(nodes[0], etree._Element) else (0, 0)
    severity = "warning" if failed.get("role") == "warning" else "error"
    message = " ".join(failed.findtext(f"{SVRL}text", "").split())
    return Finding(doc.label, line, column, severity, schema_name, failed.get("id", "assert"), message)
