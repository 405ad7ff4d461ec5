"""The register of persons, places and organisations (``tei/register.xml``).

The register is the only source of name tags: ``Register.find`` returns every
mention of a register entry in a plain text.  Each entry contributes its
*forms*: the main name, every ``@type="variant"`` name and, for persons, the
surname of the main name on its own ("Trotsky" for "Leon Trotsky").

Matching is leftmost-longest, whole words, case-sensitive.  A possessive stays
outside the span because the apostrophe is not a word character ("Stalin's",
"Engels'" give "Stalin", "Engels").  A hyphenated compound is one word, so
"Trotsky-Fascists" names nobody, while a form that itself holds a hyphen
("Brest-Litovsk") matches as a whole.  All forms are compiled into one regular
expression shaped as a trie, so each position of the text costs one
first-character test whatever the size of the register; the run time is
linear in the text.

Entries may be scoped to editions (``entry_scope``: the ``@corresp`` of the
lists holding them) or to a period (``entry_period``: a ``desc/date`` in
them); ``Register.load(path, slug, year)`` keeps the entries in the scope of
one edition, so two entries of different scopes may share a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from .errors import EditionError
from .xmlio import NS, XML_NS, parse_xml

KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}
_ID = f"{{{XML_NS}}}id"
# A word character, or a hyphen joining word characters ("Trotsky-Fascist"),
# right before a match.  "\Z", not "$": "$" also matches before a final
# newline, which made a name at the start of a wrapped line look like the end
# of the word on the line above.  "\w" is Unicode: "Wróblewski", "Vendôme".
_WORD_BEFORE = re.compile(r"\w-?\Z")
_WORD_AFTER = r"(?!\w|-\w)"
# Lists that may carry a scope, and how a scope names an edition: its master file.
LISTS = ("listPerson", "listPlace", "listOrg")
_SCOPE_TOKEN = re.compile(r"([a-z0-9][a-z0-9-]{0,63})\.xml")


class Match(NamedTuple):
    """One mention: ``text[start:end]`` names the entry ``id`` of ``kind``."""

    start: int
    end: int
    id: str
    kind: str


@dataclass(frozen=True)
class _Entry:
    id: str
    kind: str
    element: etree._Element
    forms: tuple[str, ...]
    surname: str | None


def _text(element: etree._Element) -> str:
    """The name as read: descendants' text with whitespace normalised."""
    return " ".join("".join(element.itertext()).split())


def _form(name: etree._Element) -> str:
    """The name as the text is matched against it: without a roleName ("General" in "General
    Marsh"), since titles stay outside the tag, as the recogniser leaves them."""
    return " ".join("".join(name.xpath(".//text()[not(ancestor::tei:roleName)]", namespaces=NS)).split())


def _entry(element: etree._Element, path: Path) -> _Entry:
    kind = etree.QName(element).localname
    place = f"{path}:{element.sourceline}"
    entry_id = element.get(_ID)
    if not entry_id:
        raise EditionError(f"<{kind}> without xml:id", place)
    names = element.findall(f"tei:{KINDS[kind]}", NS)
    main = [n for n in names if n.get("type") == "main"]
    if len(main) != 1:
        raise EditionError(f"{entry_id}: needs exactly one {KINDS[kind]} type=\"main\", found {len(main)}", place)
    if element.find("tei:note", NS) is None or not _text(element.find("tei:note", NS)):
        raise EditionError(f"{entry_id}: missing note", place)
    variants = [n for n in names if n.get("type") == "variant"]
    forms = [_form(n) for n in main + variants]
    if not all(forms):
        raise EditionError(f"{entry_id}: empty name", place)
    surname = main[0].find("tei:surname", NS) if kind == "person" else None
    surname_text = _text(surname) if surname is not None else None
    return _Entry(entry_id, kind, element, tuple(dict.fromkeys(forms)), surname_text)


def _trie_pattern(forms: list[str]) -> str:
    """One regex alternation factored by common prefixes; longer branches first."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends = "" in node
    branches = [_char_pattern(c) + _node_pattern(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy "?" tries the longer continuation first, then stops here.
    return f"(?:{body})?" if ends else body


def _char_pattern(char: str) -> str:
    # A space inside a name may be any run of whitespace (a line break in the source).
    return r"\s+" if char == " " else re.escape(char)


def entry_scope(element: etree._Element, path: Path | str = "") -> frozenset[str] | None:
    """The editions an entry is for (None: every edition).

    The scope is a property of the lists that hold the entry: the ``@corresp``
    of an enclosing ``listPerson``/``listPlace``/``listOrg`` is a
    space-separated list of edition masters (``bureaucratism.xml``, the file
    ``tei/<slug>.xml`` beside the register); nested scoped lists narrow the
    scope to the editions they all name.  See tei/REGISTER.md.
    """
    scope = None
    for ancestor in _lists_around(element):
        value = ancestor.get("corresp")
        if value is not None:
            editions = frozenset(_scope_slug(token, ancestor, path) for token in value.split())
            scope = editions if scope is None else scope & editions
    return scope


def entry_period(element: etree._Element, path: Path | str = "") -> tuple[int | None, int | None] | None:
    """The years an entry is for, from ``<desc><date from=".." to=".."/></desc>`` of its lists (None: any).

    An edition is in a period when the year of its ``[edition] date`` lies
    within it; nested periods narrow it.
    """
    period = None
    for ancestor in _lists_around(element):
        for date in ancestor.iterfind("tei:desc/tei:date", NS):
            start, end = (_year(date.get(attr), date, path) for attr in ("from", "to"))
            if period is not None:
                start = max(filter(None, (start, period[0])), default=None)
                end = min(filter(None, (end, period[1])), default=None)
            period = (start, end)
    return period


def _lists_around(element: etree._Element):
    return element.iterancestors(*(f"{{{NS['tei']}}}{tag}" for tag in LISTS))


def _year(value: str | None, where: etree._Element, path: Path | str) -> int | None:
    if value is None:
        return None
    match = re.match(r"-?\d{4}", value)
    if match is None:
        raise EditionError(f"period date {value!r}: expected a year (YYYY or YYYY-MM-DD)", f"{path}:{where.sourceline}")
    return int(match.group())


def edition_scope(edition) -> tuple[str, int | None]:
    """What :meth:`Register.load` needs to pick an edition's entries: its slug and the year of
    its text (``[edition] date`` of its edition.toml, for period scopes)."""
    match = re.search(r"\d{4}", str(edition.settings.get("edition", {}).get("date", "")))
    return edition.slug, int(match.group()) if match else None


def _scope_slug(token: str, where: etree._Element, path: Path | str) -> str:
    match = _SCOPE_TOKEN.fullmatch(token)
    if match is None:
        raise EditionError(f"scope {token!r}: expected an edition master such as bureaucratism.xml", f"{path}:{where.sourceline}")
    return match.group(1)


def in_scope(element: etree._Element, edition: str | None, path: Path | str = "", year: int | None = None) -> bool:
    """Whether the entry ``element`` applies to ``edition`` of ``year`` (every entry applies when None)."""
    if edition is None:
        return True
    scope, period = entry_scope(element, path), entry_period(element, path)
    if scope is not None and edition not in scope:
        return False
    if period is None:
        return True
    start, end = period
    return year is not None and (start is None or start <= year) and (end is None or year <= end)


_RECENT: dict[tuple, "Register"] = {}  # Register.from_bytes's last registers, oldest first
_RECENT_SIZE = 4


class Register:
    """The entries of a register file and a matcher over all their forms."""

    def __init__(self, entries: list[_Entry], path: Path):
        self.path = path
        self._entries = {e.id: e for e in entries}
        self._form_ids = self._index_forms(entries)
        pattern = _trie_pattern(sorted(self._form_ids)) if self._form_ids else r"(?!)"
        # The right edge is checked in the pattern; the left edge in find(),
        # so that the regex keeps its fast first-character scan.
        self._regex = re.compile(f"(?:{pattern}){_WORD_AFTER}")

    @classmethod
    def load(cls, path: Path | str, edition: str | None = None, year: int | None = None) -> "Register":
        """The entries of ``path`` in the scope of ``edition``, whose text is of ``year``
        (every entry when ``edition`` is None).

        Two entries may share a name when their scopes differ, so a register
        with such entries is loaded per edition.
        """
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError:
            data = None  # parse_xml says why, in one line
        return cls.from_bytes(data, path, edition, year) if data is not None else cls._of_tree(parse_xml(path).getroot(), path, edition, year)

    @classmethod
    def from_bytes(cls, data: bytes, path: Path | str, edition: str | None = None, year: int | None = None) -> "Register":
        """As :meth:`load`, from the register's bytes (a changed register checked before it is written).

        The last few registers made are kept by their bytes and scope: the
        workbench checks a changed register, then re-converts with the same file.
        """
        key = (data, str(path), edition, year)
        if key not in _RECENT:
            _RECENT[key] = cls._of_tree(parse_xml(path, data).getroot(), Path(path), edition, year)
            while len(_RECENT) > _RECENT_SIZE:
                del _RECENT[next(iter(_RECENT))]
        return _RECENT[key]

    @classmethod
    def _of_tree(cls, root: etree._Element, path: Path, edition: str | None, year: int | None) -> "Register":
        elements = root.xpath("//tei:person | //tei:place | //tei:org", namespaces=NS)
        # Duplicate xml:ids need no check here: the parser refuses them.
        chosen = [el for el in elements if in_scope(el, edition, path, year)]
        return cls([_entry(el, path) for el in chosen], path)

    def _index_forms(self, entries: list[_Entry]) -> dict[str, str]:
        """Map each form to its entry; a form claimed by two entries is an error.

        A bare surname is only a form when no other entry claims it (two
        persons called Kennedy leave "Kennedy" untagged rather than guessed).
        """
        owner: dict[str, _Entry] = {}
        for entry in entries:
            for form in entry.forms:
                other = owner.get(form)
                if other is not None and other.id != entry.id:
                    place = f"{self.path}:{entry.element.sourceline}"
                    raise EditionError(f"name {form!r} of {entry.id} is already a name of {other.id}", place)
                owner[form] = entry
        surnames: dict[str, set[str]] = {}
        for entry in entries:
            if entry.surname and entry.surname not in owner:
                surnames.setdefault(entry.surname, set()).add(entry.id)
        forms = {form: entry.id for form, entry in owner.items()}
        forms.update({s: next(iter(ids)) for s, ids in surnames.items() if len(ids) == 1})
        return forms

    def find(self, text: str) -> list[Match]:
        """Every mention in ``text``: non-overlapping, leftmost-longest, whole words."""
        matches: list[Match] = []
        pos = 0
        while (m := self._regex.search(text, pos)) is not None:
            start = m.start()
            if _WORD_BEFORE.search(text, max(0, start - 2), start):
                pos = start + 1  # inside a word ("Leningrad" is not "…grad")
                continue
            entry = self._entries[self._form_ids[" ".join(m.group().split())]]
            matches.append(Match(start, m.end(), entry.id, entry.kind))
            pos = m.end()
        return matches

    def element(self, entry_id: str) -> etree._Element:
        """The ``<person>``, ``<place>`` or ``<org>`` element of ``entry_id``."""
        try:
            return self._entries[entry_id].element
        except KeyError:
            raise EditionError(f"no register entry {entry_id!r}", str(self.path)) from None

    def ids(self) -> list[str]:
        """Entry ids in document order."""
        return list(self._entries)

    def names(self) -> dict[str, str]:
        """Every main and variant name and the id it names (bare surnames left out)."""
        return {form: entry.id for entry in self._entries.values() for form in entry.forms}

    def forms(self) -> dict[str, str]:
        """Every matched form and the id it names (for review and reports)."""
        return dict(self._form_ids)
