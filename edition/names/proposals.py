"""Proposed register entries: the names the recogniser found, awaiting the editor.

``edition convert SLUG`` writes them to ``tei/proposals/<slug>.xml``, a TEI
document of its own, apart from the curated ``tei/register.xml``.  The
review loop (``edition review``) and the workbench read it through
:func:`load`; nothing else should parse the file.

File format (valid against tei_all and the project schema's register part)::

    <TEI xmlns="http://www.tei-c.org/ns/1.0">
      <teiHeader> … title "Proposed names: <title>", the source file,
        encodingDesc/appInfo/application xml:id="recogniser" … </teiHeader>
      <standOff>
        <listPerson type="proposed">
          <person xml:id="prop_karl_marx" cert="low" resp="#recogniser" n="12">
            <persName type="main" n="3">Karl Marx</persName>
            <persName type="variant" n="9">Marx</persName>
            <note>Proposed by the recogniser (12 mentions; first at 4:17). Not yet reviewed.</note>
            <note type="mentions">
              <list><item n="4:17">Karl Marx</item> <item n="9:1">Marx</item> …</list>
            </note>
          </person>
        </listPerson>
        <listPlace type="proposed"> … <place> with placeName … </listPlace>
        <listOrg type="proposed"> … <org> with orgName … </listOrg>
      </standOff>
      <text><body><p/></body></text>
    </TEI>

* ``xml:id`` is ``prop_`` + the main name folded to ASCII, lower case, words
  joined by ``_`` (a second entry with the same id gets ``_2``, ``_3`` …).  The
  ``prop_`` prefix keeps proposed ids apart from the register's; accepting a
  proposal gives it a register id of its own.
* ``@n`` on the entry is the number of mentions tagged in the text; ``@n`` on
  each name is how often that exact surface occurs (the main name is the
  most frequent full form; variants are the other surfaces: a surname alone,
  another spelling such as "Trotzky" beside "Trotsky").
* ``note type="mentions"`` lists the first mentions (at most
  ``FIRST_MENTIONS``) as ``line:col`` (1-based, in the source text) and the
  surface found there.

The TEI master of an edition that publishes proposed names (``[names] publish
= "proposed"`` in edition.toml) carries copies of the entries it uses in its
own ``standOff``, in lists marked ``type="proposed"`` (without the note of
mentions: one note, as in a register entry); its mentions are tagged
``@cert="low" @resp="#recogniser" @ref="#prop_…"``.

Python API::

    from edition.names import proposals
    for p in proposals.load(project_root, slug):      # [] before the first convert
        p.id, p.kind, p.main, p.count                  # "prop_karl_marx", "person", "Karl Marx", 12
        p.surfaces                                     # (("Karl Marx", 3), ("Marx", 9))
        p.first                                        # (Mention(line=4, col=17, surface="Karl Marx"), …)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import EditionError
from ..xmlio import NS, TEI_NS, XML_NS, parse_xml

KINDS = ("person", "place", "org")
NAME_TAG = {"person": "persName", "place": "placeName", "org": "orgName"}
LIST_TAG = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
RESP = "#recogniser"
FIRST_MENTIONS = 5
_ID = f"{{{XML_NS}}}id"


@dataclass(frozen=True)
class Mention:
    """Where a proposed name occurs: 1-based line and column in the source text."""

    line: int
    col: int
    surface: str


@dataclass(frozen=True)
class Proposal:
    """One proposed entry: a person, place or organisation the register lacks."""

    id: str
    kind: str  # "person" | "place" | "org"
    main: str
    surfaces: tuple[tuple[str, int], ...]  # (surface, count), the main name first
    first: tuple[Mention, ...]  # the first mentions, in text order

    @property
    def count(self) -> int:
        return sum(n for _, n in self.surfaces)

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(s for s, _ in self.surfaces if s != self.main)


def path_for(project_root: Path | str, slug: str) -> Path:
    """``tei/proposals/<slug>.xml`` of the project."""
    return Path(project_root) / "tei" / "proposals" / f"{slug}.xml"


def proposal_id(main: str, taken: set[str]) -> str:
    """``prop_`` + the main name in ASCII lower case, unique among ``taken`` (which it joins)."""
    ascii_name = unicodedata.normalize("NFKD", main).encode("ascii", "ignore").decode()
    base = "prop_" + ("_".join(re.findall(r"[a-z0-9]+", ascii_name.lower())) or "name")
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def load(project_root: Path | str, slug: str) -> list[Proposal]:
    """The proposals of edition ``slug``, persons, then places, then organisations; [] if none written yet."""
    path = path_for(project_root, slug)
    if not path.exists():
        return []
    root = parse_xml(path).getroot()
    found = []
    for kind in KINDS:
        for entry in root.iterfind(f"tei:standOff/tei:{LIST_TAG[kind]}/tei:{kind}", NS):
            found.append(_read(entry, kind, path))
    return found


def _read(entry: etree._Element, kind: str, path: Path) -> Proposal:
    names = entry.findall(f"tei:{NAME_TAG[kind]}", NS)
    main = [n for n in names if n.get("type") == "main"]
    if len(main) != 1:
        raise EditionError("proposal without one main name", f"{path}:{entry.sourceline}")
    surfaces = tuple((" ".join("".join(n.itertext()).split()), int(n.get("n", "0"))) for n in main + [
        n for n in names if n.get("type") == "variant"])
    first = []
    for item in entry.iterfind("tei:note[@type='mentions']/tei:list/tei:item", NS):
        line, col = item.get("n", "0:0").split(":")
        first.append(Mention(int(line), int(col), item.text or ""))
    return Proposal(entry.get(_ID, ""), kind, surfaces[0][0], surfaces, tuple(first))


def entry_element(proposal: Proposal, mentions: bool = True) -> etree._Element:
    """The ``<person>``/``<place>``/``<org>`` of a proposal; ``mentions``: with the note of first
    mentions (the proposals file has it; the master's copy, one note like a register entry, has not)."""
    from ..convert.tei import el

    entry = el(None, proposal.kind, xml_id=proposal.id, cert="low", resp=RESP, n=str(proposal.count))
    tag = NAME_TAG[proposal.kind]
    for surface, count in proposal.surfaces:
        el(entry, tag, surface, type="main" if surface == proposal.main else "variant", n=str(count))
    where = f"; first at {proposal.first[0].line}:{proposal.first[0].col}" if proposal.first else ""
    count = f"{proposal.count} mention{'s' if proposal.count != 1 else ''}"
    el(entry, "note", f"Proposed by the recogniser ({count}{where}). Not yet reviewed.")
    if mentions and proposal.first:
        items = el(el(entry, "note", type="mentions"), "list")
        for mention in proposal.first:
            el(items, "item", mention.surface, n=f"{mention.line}:{mention.col}")
    return entry


def proposed_lists(proposals: list[Proposal], parent: etree._Element, mentions: bool = False) -> None:
    """Append ``listPerson``/``listPlace``/``listOrg type="proposed"`` holding ``proposals`` to ``parent``."""
    from ..convert.tei import el

    for kind in KINDS:
        chosen = [p for p in proposals if p.kind == kind]
        if chosen:
            parent_list = el(parent, LIST_TAG[kind], type="proposed")
            parent_list.extend(entry_element(p, mentions) for p in chosen)


def document(proposals: list[Proposal], title: str, source: str, application: etree._Element) -> etree._Element:
    """The proposals file of one edition as a TEI document (``application`` describes the recogniser)."""
    from ..convert.tei import el

    tei = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    header = el(tei, "teiHeader")
    file_desc = el(header, "fileDesc")
    el(el(file_desc, "titleStmt"), "title", f"Proposed names: {title}")
    el(el(file_desc, "publicationStmt"), "p", "Written by edition convert; the editor reviews it with edition review.")
    el(el(file_desc, "sourceDesc"), "p", f"Names recognised automatically in {source}, not covered by the register.")
    el(el(header, "encodingDesc"), "appInfo").append(application)
    standoff = el(tei, "standOff")
    proposed_lists(proposals, standoff, mentions=True)
    if not len(standoff):
        tei.remove(standoff)
    el(el(el(tei, "text"), "body"), "p")
    return tei
