"""Derive the project schema ``tei/schema/edition.rng`` from TEI P5 ``tei_all.rng``.

Run ``python -m edition.validation.make_schema`` after changing the lists
below; a test checks that the committed ``edition.rng`` is what this produces.

The method is the one an ODD customisation would express, done on the compiled
RELAX NG because the TEI ODD processor is not available offline:

1. keep only the elements the encoding contract (``tei/ENCODING.md``) allows;
   every reference to a dropped element becomes ``notAllowed``;
2. tighten a few attributes (``@ref`` and ``@source`` must be one local
   pointer ``#id``) and the document shape (``TEI`` holds exactly
   ``teiHeader``, an optional ``standOff``, ``text``);
3. simplify as the RELAX NG specification does (section 4.19: a group holding
   ``notAllowed`` is ``notAllowed``, an optional one is ``empty`` …) and drop
   every definition no longer reachable from ``start``, and all annotations.

Each step only removes choices or narrows a datatype, so every document valid
against ``edition.rng`` is also valid against ``tei_all.rng``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

from ..resources import data_dir
from ..xmlio import parse_xml

RNG_NS = "http://relaxng.org/ns/structure/1.0"
R = f"{{{RNG_NS}}}"

# The contract's elements, by the part of the master they appear in.
DOCUMENT = "TEI teiHeader standOff text front body back"
HEADER = """
    fileDesc titleStmt title author editor respStmt resp name funder sponsor principal
    editionStmt edition publicationStmt publisher distributor authority pubPlace date
    availability licence idno extent measure seriesStmt notesStmt sourceDesc bibl
    encodingDesc projectDesc samplingDecl editorialDecl correction normalization quotation
    hyphenation segmentation interpretation punctuation stdVals appInfo application
    profileDesc langUsage language creation textClass keywords term abstract
    revisionDesc listChange change desc label ptr ref
"""
REGISTER = "listPerson person listPlace place listOrg org listBibl forename surname addName roleName nameLink"
TEXT = "docTitle titlePart docAuthor docDate docImprint byline div head argument p opener closer signed dateline salute trailer sp speaker stage castList castItem"
PHRASE = """
    persName placeName orgName quote q soCalled cit choice sic corr orig reg supplied pc
    list item lg l hi note lb emph foreign mentioned anchor figure figDesc milestone pb
"""
KEPT_ELEMENTS = frozenset(" ".join((DOCUMENT, HEADER, REGISTER, TEXT, PHRASE)).split())

# A single local pointer: "#" and an NCName (XML Schema regex: \i initial, \c name character).
LOCAL_POINTER = r"#[\i-[:]][\c-[:]]*"
POINTER_ATTRIBUTES = {
    "att.canonical.attribute.ref": "ref",  # persName/placeName/orgName/title @ref
    "att.global.source.attribute.source": "source",  # quote @source
}
# "?" marks an optional child: a text that names no register entry has no standOff.
CONTENT_OVERRIDES = {"TEI": ("teiHeader", "standOff?", "text")}
START = "TEI"


def _local(node) -> str:
    return etree.QName(node).localname


def _rng(tag: str, *children, **attrs) -> etree._Element:
    node = etree.Element(R + tag, **attrs)
    node.extend(children)
    return node


def _content_ref(child: str) -> etree._Element:
    if child.endswith("?"):
        return _rng("optional", _rng("ref", name=child[:-1]))
    return _rng("ref", name=child)


def _strip_annotations(grammar: etree._Element) -> None:
    """Drop documentation, embedded Schematron and comments: they are not part of the grammar."""
    for node in list(grammar.iter()):
        if not isinstance(node.tag, str) or etree.QName(node).namespace != RNG_NS:
            node.getparent().remove(node)


def _drop_elements(grammar: etree._Element) -> None:
    """Remove element definitions outside the contract; their references become notAllowed."""
    dropped = set()
    for define in grammar.findall(R + "define"):
        element = define.find(R + "element")
        if element is not None and element.get("name") not in KEPT_ELEMENTS:
            dropped.add(define.get("name"))
            grammar.remove(define)
    for ref in list(grammar.iter(R + "ref")):
        if ref.get("name") in dropped:
            ref.getparent().replace(ref, _rng("notAllowed"))


def _tighten(grammar: etree._Element) -> None:
    """Narrow the pointer attributes, the document's shape and the start element."""
    for define in grammar.findall(R + "define"):
        name = define.get("name")
        if name in POINTER_ATTRIBUTES:
            pattern = _rng("data", _rng("param", name="pattern"), type="string")
            pattern[0].text = LOCAL_POINTER
            define[:] = [_rng("optional", _rng("attribute", pattern, name=POINTER_ATTRIBUTES[name]))]
        children = CONTENT_OVERRIDES.get(name)
        if children:
            element = define.find(R + "element")
            content = element.find(R + "group")
            element.replace(content, _rng("group", *(_content_ref(child) for child in children)))
    start = grammar.find(R + "start")
    start[:] = [_rng("ref", name=START)]


_PATTERNS = frozenset(
    "element attribute group interleave choice optional zeroOrMore oneOrMore list mixed ref empty "
    "text value data notAllowed".split()
)
_NEVER = "notAllowed"


def _patterns(node: etree._Element) -> list[etree._Element]:
    """The pattern children of ``node``: not its name class, not a datatype's params."""
    if _local(node) in ("data", "value", "ref", "empty", "text", "notAllowed"):
        return []
    children = [c for c in node if _local(c) in _PATTERNS]
    if _local(node) in ("element", "attribute") and node.get("name") is None:
        children = children[1:]  # the first child is a name class, e.g. <anyName/>
    return children


def _reduce(node: etree._Element, never: set[str]) -> str | None:
    """Simplify below ``node``; return what ``node`` itself becomes: "notAllowed", "empty" or None (itself)."""
    for child in _patterns(node):
        became = _reduce(child, never)
        if became:
            node.replace(child, _rng(became))
    name = _local(node)
    kinds = [_local(c) for c in _patterns(node)]
    if name == "ref":
        return _NEVER if node.get("name") in never else None
    if name == "choice":
        for child in _patterns(node):
            if _local(child) == _NEVER:
                node.remove(child)
        return _NEVER if not _patterns(node) else None
    if _NEVER not in kinds or name == "define":
        return None
    return "empty" if name in ("optional", "zeroOrMore") else _NEVER


def _simplify(grammar: etree._Element) -> None:
    """Propagate notAllowed to a fixpoint: a definition that can match nothing poisons its references."""
    never: set[str] = set()
    while True:
        for define in grammar.findall(R + "define"):
            _reduce(define, never)
        newly = {
            d.get("name")
            for d in grammar.findall(R + "define")
            if _NEVER in [_local(c) for c in _patterns(d)] and d.get("name") not in never
        }
        if not newly:
            break
        never |= newly
    _reduce(grammar.find(R + "start"), never)
    for define in grammar.findall(R + "define"):
        if define.get("name") in never:
            grammar.remove(define)


def _prune(grammar: etree._Element) -> None:
    """Drop every definition that ``start`` no longer reaches."""
    defines = {d.get("name"): d for d in grammar.findall(R + "define")}
    reached, todo = set(), [grammar.find(R + "start")]
    while todo:
        for ref in todo.pop().iter(R + "ref"):
            name = ref.get("name")
            if name not in reached:
                reached.add(name)
                todo.append(defines[name])
    for name, define in defines.items():
        if name not in reached:
            grammar.remove(define)


HEADER_COMMENT = (
    " Generated by `python -m edition.validation.make_schema` from TEI P5 tei_all.rng "
    "(TEI Consortium, CC BY 3.0 / BSD-2): do not edit; change the lists in "
    "edition/validation/make_schema.py and regenerate. "
)


def derive(tei_all: Path) -> bytes:
    """The project schema as bytes, derived from ``tei_all``."""
    grammar = parse_xml(tei_all).getroot()
    _strip_annotations(grammar)
    _drop_elements(grammar)
    _tighten(grammar)
    _simplify(grammar)
    _prune(grammar)
    grammar.insert(0, etree.Comment(HEADER_COMMENT))
    etree.indent(grammar, space=" ")
    return etree.tostring(grammar, xml_declaration=True, encoding="UTF-8") + b"\n"


def main() -> int:
    from ..xmlio import write_bytes_atomic

    schema = data_dir("schema")
    write_bytes_atomic(schema / "edition.rng", derive(schema / "tei_all.rng"))
    print(schema / "edition.rng")
    return 0


if __name__ == "__main__":
    sys.exit(main())
