"""The editor's decisions on proposed names, applied to the register and to edition.toml.

One engine for ``edition review --apply FILE`` and for the workbench: a decision
is data (as in OpenRefine: candidates with scores, the human decides), the whole
list is checked before anything is written, and then ``tei/register.xml`` and
the edition's ``edition.toml`` are written atomically.

Python API::

    from edition.decisions import Decision, apply_decisions, parse_decisions

    changes = apply_decisions(project_root, "commune", [
        Decision("accept", ("Central Committee",), kind="org", target="central_committee_1871",
                 note="The National Guard's elected committee in Paris, 1871."),
        Decision("merge", ("Trotzky",), target="trotsky_leon"),
        Decision("reject", ("Whereupon",)),
        Decision("retype", ("Vendôme",), kind="place"),
        Decision("edit", (), target="engels_friedrich", ids=("Q34787",)),
    ])
    for change in changes:
        print(change)                   # "tei/register.xml: added org central_committee_1871 …"

    decisions = parse_decisions(Path("decisions.csv"))   # the file `review --export` writes

``apply_decisions`` raises :class:`~edition.errors.EditionError` naming the
decision (``file:line`` from ``parse_decisions``, else ``decision N``) and
writes nothing when any decision is wrong; ``dry_run=True`` checks and returns
the changes without writing.

Actions (``Decision.action``):

``accept``
    ``forms`` become a new register entry of ``kind`` (person, place, org; a
    kind other than the proposal's is a retyping): ``target`` is its xml:id
    (derived from the name when empty: ``trotsky_leon``, ``central_committee``, or
    ``central_committee_2`` when the register holds that id already),
    ``name`` its main name (default: the first form), the other forms its
    variants, ``note`` its note (required: the register's notes are the
    editors'), ``ids`` its authority ids.  The entry goes into the list scoped
    to the edition when the register uses scopes, else into the global list
    (tei/REGISTER.md, "Scope").  Forms the edition had rejected or retyped are
    taken out of ``[names]``.
``merge``
    ``forms`` become variant names of the existing entry ``target``, which must
    be in the edition's scope; ``ids``/``note`` as for ``edit``.
``edit``
    the existing entry ``target``: a new main ``name``, a new ``note``, ``ids``
    set (an id replaces the entry's id of the same authority).
``reject``
    ``forms`` are not names: added to ``[names] reject`` of edition.toml, so the
    recogniser stops proposing them.
``retype``
    ``forms`` are names of ``kind`` but not yet confirmed: ``[names] types``.
``quotation``, ``correct``, ``uncorrect``, ``split``
    decisions on the text (a quotation's class, a correction, one mention taken off its
    entry), written to edition.toml: see :mod:`edition.textdecisions`.  Their columns
    ``at`` (split: the mention's xml:id), ``before`` and ``after`` (a correction's context)
    are optional in the file.
``skip``
    nothing (an exported row the editor has not decided).

Splitting a proposal ("Trotsky" the person, "Trotsky Bridge" a place) is two
decisions on the proposal's forms, one for each part; a form may appear in one
decision only.

Authority ids (``ids``) are written as the review shows its suggestions:
``Q34787``/``wikidata:Q34787`` or a Wikidata entity URI, ``geonames:2988507``
or a GeoNames URI; they become ``idno type="URI"`` with ``@subtype``.
"""

from __future__ import annotations

import csv
import os
import re
import tomllib
import unicodedata
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import tomlkit
from lxml import etree

from .authority import URI
from .errors import EditionError
from .names import settings as name_settings
from .project import Project
from .register import KINDS, LISTS, Register, edition_scope, entry_period, entry_scope, in_scope
from .textdecisions import ACTIONS as TEXT_ACTIONS
from .textdecisions import TextPlan
from .xmlio import NS, TEI_NS, XML_NS, atomic_path, parse_xml

NAME_ACTIONS = ("accept", "merge", "edit", "reject", "retype")
ACTIONS = (*NAME_ACTIONS, *TEXT_ACTIONS, "skip")
# Columns of the decisions file; the editor fills the first ten (the first seven are required:
# at, before and after serve decisions on the text only), the others inform.
COLUMNS = ("action", "forms", "type", "id", "name", "note", "ids", "at", "before", "after",
           "proposal", "count", "first", "context", "suggestions")
EDITED = 10
FORM_SEPARATOR = " | "
_ID = f"{{{XML_NS}}}id"
_NCNAME = re.compile(r"[A-Za-z_][\w.-]*")
# How an editor may write an id of each authority (the URI it becomes: edition.authority.URI).
_AUTHORITIES = {
    "wikidata": re.compile(r"(?:wikidata:|https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[1-9]\d*)"),
    "geonames": re.compile(r"(?:geonames:|https?://(?:sws|www)\.geonames\.org/)([1-9]\d*)/?(?:[\w.-]*\.html)?"),
}


@dataclass(frozen=True)
class Decision:
    """One decision of the editor (see the module docstring for the actions)."""

    action: str
    forms: tuple[str, ...] = ()
    kind: str | None = None
    target: str | None = None
    name: str | None = None
    note: str | None = None
    ids: tuple[str, ...] = ()
    place: str = ""  # where the decision was written ("decisions.csv:7"), for errors
    at: str = ""  # split: the xml:id of the mention
    before: str = ""  # correct, uncorrect: the context around the sic
    after: str = ""


@dataclass(frozen=True)
class Change:
    """One thing ``apply_decisions`` changed (or would change), in the file ``file``."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass
class _Plan:
    """The register tree and the [names] table being changed, and what changed."""

    root: etree._Element
    scope: Register
    slug: str
    year: int | None
    reject: list[str]
    types: dict[str, str]
    text: TextPlan
    changes: list[Change] = field(default_factory=list)
    claimed: dict[str, str] = field(default_factory=dict)  # form → place of the decision that took it


# Reading the decisions file.


def parse_decisions(path: Path | str) -> list[Decision]:
    """The decisions of a CSV file written by ``edition review --export`` (rows to skip left out).

    A malformed file raises EditionError at ``file:line``.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return _rows(csv.DictReader(handle, strict=True), str(path))
    except OSError as exc:
        raise EditionError(f"cannot read: {exc.strerror}", str(path)) from None
    except UnicodeDecodeError:
        raise EditionError("not UTF-8 text", str(path)) from None


def _rows(reader: csv.DictReader, shown: str) -> list[Decision]:
    decisions = []
    try:
        missing = [c for c in COLUMNS[:7] if c not in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise EditionError(f"malformed CSV: {exc}", f"{shown}:1") from None
    if missing:
        raise EditionError(f"no column {missing[0]!r} (the header needs {', '.join(COLUMNS[:7])})", f"{shown}:1")
    while True:
        place = f"{shown}:{reader.line_num + 1}"  # the row's first line
        try:
            row = next(reader)
        except StopIteration:
            return decisions
        except csv.Error as exc:
            raise EditionError(f"malformed CSV: {exc}", place) from None
        if None in row:
            raise EditionError("more cells than the header has columns", place)
        decision = _decision(row, place)
        if decision.action != "skip":
            decisions.append(decision)


def _decision(row: dict, place: str) -> Decision:
    cell = {key: (row.get(key) or "").strip() for key in COLUMNS[:EDITED]}
    cell["before"], cell["after"] = row.get("before") or "", row.get("after") or ""  # context: spaces count
    return Decision(
        action=cell["action"].lower() or "skip",
        forms=tuple(f.strip() for f in cell["forms"].split(FORM_SEPARATOR.strip()) if f.strip()),
        kind=cell["type"] or None,
        target=cell["id"] or None,
        name=cell["name"] or None,
        note=cell["note"] or None,
        ids=tuple(cell["ids"].replace(";", " ").replace(",", " ").split()),
        place=place,
        at=cell["at"],
        before=cell["before"],
        after=cell["after"],
    )


def write_decisions(path: Path | str, rows: list[dict[str, str]]) -> None:
    """Write the rows (dicts keyed by COLUMNS) as the decisions file, atomically."""
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# Applying decisions.


def apply_decisions(project_root: Path | str, slug: str, decisions: list[Decision], dry_run: bool = False) -> list[Change]:
    """Check every decision, then write the register and edition.toml atomically; return the changes.

    Nothing is written when a decision is wrong (EditionError naming it) or when
    ``dry_run`` is true.
    """
    project = Project(Path(project_root).resolve())
    edition = project.edition(slug)
    register_path = project.register
    if not register_path.exists():
        raise EditionError("no register (run edition new first)", _shown(register_path, project))
    name_settings.load(edition.settings, _shown(edition.toml_path, project))  # a malformed [names] stops here
    names = edition.settings.get("names", {})
    data = register_path.read_bytes()
    plan = _Plan(
        root=parse_xml(register_path, data).getroot(),
        scope=Register.from_bytes(data, register_path, *edition_scope(edition)),
        slug=slug,
        year=edition_scope(edition)[1],
        reject=list(names.get("reject", [])),
        types=dict(names.get("types", {})),
        text=TextPlan.of(edition),
    )
    for number, decision in enumerate(decisions, 1):
        _apply_one(plan, decision, decision.place or f"decision {number}")
    data = _check_register(plan, project)
    register_shown, toml_shown = _shown(register_path, project), _shown(edition.toml_path, project)
    changes = [Change(register_shown if c.file == "register" else toml_shown, c.message) for c in plan.changes]
    if not dry_run and changes:
        _write(register_path, data, edition.toml_path, plan)
    return changes


def _shown(path: Path, project: Project) -> str:
    return os.path.relpath(path, project.root)


def _apply_one(plan: _Plan, d: Decision, place: str) -> None:
    if d.action not in ACTIONS:
        raise EditionError(f"unknown action {d.action!r} ({', '.join(ACTIONS)})", place)
    if d.action in TEXT_ACTIONS:
        scope_ids = set(plan.scope.ids())
        plan.changes += [Change("toml", message) for message in plan.text.apply(d, place, scope_ids)]
        return
    if d.kind is not None and d.kind not in KINDS:
        raise EditionError(f"unknown type {d.kind!r} (person, place, org)", place)
    for form in dict.fromkeys([*d.forms, *([d.name] if d.name and d.action == "accept" else [])]):
        if form in plan.claimed:
            raise EditionError(f"{form!r} is already decided at {plan.claimed[form]}", place)
        plan.claimed[form] = place
    if d.action != "skip":
        {"accept": _accept, "merge": _merge, "edit": _edit, "reject": _reject, "retype": _retype}[d.action](plan, d, place)


def _accept(plan: _Plan, d: Decision, place: str) -> None:
    if not d.forms and not d.name:
        raise EditionError("accept needs the forms (or name) of the new entry", place)
    if d.kind is None:
        raise EditionError("accept needs a type: person, place or org", place)
    if not d.note:
        raise EditionError("accept needs a note (who or what it is, and why the text names it)", place)
    name = d.name or d.forms[0]
    entry_id = d.target or derived_id(name, d.kind, set(plan.root.xpath("//@xml:id")))
    if not _NCNAME.fullmatch(entry_id):
        raise EditionError(f"{entry_id!r} is not a valid xml:id", place)
    if _find(plan.root, entry_id) is not None:
        raise EditionError(f"register entry {entry_id!r} exists already: merge into it, or give another id", place)
    forms = list(dict.fromkeys([name, *d.forms]))
    _check_free(plan, forms, place)
    entry = etree.Element(f"{{{TEI_NS}}}{d.kind}", {_ID: entry_id})
    entry.append(_main_name(d.kind, name))
    for form in forms[1:]:
        entry.append(_name(d.kind, form, "variant"))
    _sub(entry, "note", d.note)
    for subtype, uri in _authority_ids(d.ids, place):
        _sub(entry, "idno", uri, type="URI", subtype=subtype)
    _insert_sorted(_list_for(plan, d.kind), entry)
    _indent(entry)
    plan.changes.append(Change("register", f"added {d.kind} {entry_id} ({'; '.join(forms)})"))
    _unlist(plan, forms)


def _merge(plan: _Plan, d: Decision, place: str) -> None:
    entry = _existing(plan, d, place, "merge into")
    if not d.forms:
        raise EditionError("merge needs the forms to add to the entry", place)
    kind = etree.QName(entry).localname
    known = {" ".join("".join(n.itertext()).split()) for n in entry.findall(f"tei:{KINDS[kind]}", NS)}
    new = [form for form in d.forms if form not in known]
    _check_free(plan, new, place)
    last_name = entry.findall(f"tei:{KINDS[kind]}", NS)[-1]
    for form in reversed(new):
        last_name.addnext(_name(kind, form, "variant"))
    _indent(entry)
    if new:
        plan.changes.append(Change("register", f"{d.target}: added {'; '.join(new)}"))
    _unlist(plan, d.forms)
    _edit(plan, Decision("edit", (), target=d.target, note=d.note, ids=d.ids), place)


def _edit(plan: _Plan, d: Decision, place: str) -> None:
    entry = _existing(plan, d, place, "edit")
    kind = etree.QName(entry).localname
    if d.forms and d.action == "edit":
        raise EditionError("edit changes an entry's name, note or ids; add forms with merge", place)
    if d.name:
        _rename(plan, entry, kind, d.name, place)
    if d.note:
        note = entry.find("tei:note", NS)
        if " ".join("".join(note.itertext()).split()) != d.note:
            note[:] = []
            note.text = d.note
            plan.changes.append(Change("register", f"{d.target}: note set"))
    for subtype, uri in _authority_ids(d.ids, place):
        _set_id(plan, entry, subtype, uri)


def _rename(plan: _Plan, entry: etree._Element, kind: str, name: str, place: str) -> None:
    main = entry.find(f"tei:{KINDS[kind]}[@type='main']", NS)
    old = " ".join("".join(main.itertext()).split())
    if old == name:
        return
    _check_free(plan, [name], place, allow=entry.get(_ID))
    new = _main_name(kind, name)
    new.tail = main.tail
    main.getparent().replace(main, new)
    plan.changes.append(Change("register", f"{entry.get(_ID)}: main name {old} → {name}"))


def _set_id(plan: _Plan, entry: etree._Element, subtype: str, uri: str) -> None:
    old = entry.find(f"tei:idno[@type='URI'][@subtype='{subtype}']", NS)
    if old is not None and old.text == uri:
        return
    if old is not None:
        plan.changes.append(Change("register", f"{entry.get(_ID)}: {subtype} id {uri} (was {old.text})"))
        old.text = uri
        return
    _sub(entry, "idno", uri, type="URI", subtype=subtype)
    _indent(entry)
    plan.changes.append(Change("register", f"{entry.get(_ID)}: {subtype} id {uri}"))


def _reject(plan: _Plan, d: Decision, place: str) -> None:
    if not d.forms:
        raise EditionError("reject needs the forms that are not names", place)
    for form in d.forms:
        owner = plan.scope.forms().get(form)
        if owner is not None:
            raise EditionError(f"{form!r} is a name of register entry {owner}: edit the register instead", place)
        if form not in plan.reject:
            plan.reject.append(form)
            plan.changes.append(Change("toml", f"[names] reject {form!r}"))
        if plan.types.pop(form, None) is not None:
            plan.changes.append(Change("toml", f"[names] types: {form!r} removed"))


def _retype(plan: _Plan, d: Decision, place: str) -> None:
    if not d.forms or d.kind is None:
        raise EditionError("retype needs the forms and their type", place)
    for form in d.forms:
        if plan.types.get(form) != d.kind:
            plan.types[form] = d.kind
            plan.changes.append(Change("toml", f"[names] types: {form!r} = {d.kind!r}"))
        if form in plan.reject:
            plan.reject.remove(form)
            plan.changes.append(Change("toml", f"[names] reject: {form!r} removed"))


def _unlist(plan: _Plan, forms) -> None:
    """Confirmed forms leave [names]: they are the register's now."""
    for form in forms:
        if form in plan.reject:
            plan.reject.remove(form)
            plan.changes.append(Change("toml", f"[names] reject: {form!r} removed"))
        if plan.types.pop(form, None) is not None:
            plan.changes.append(Change("toml", f"[names] types: {form!r} removed"))


# The register tree.


def derived_id(name: str, kind: str, taken: set[str] = frozenset()) -> str:
    """An xml:id from a name, as tei/REGISTER.md asks (``trotsky_leon``, ``central_committee``),
    made unique against ``taken`` with ``_2``, ``_3``… (a shared register may hold the name already)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_name) or ["entry"]
    if kind == "person" and len(words) > 1:
        words = [words[-1], *words[:-1]]
    base = "_".join(words)
    base = base if base[0].isalpha() else f"n_{base}"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}_{number}"
    return candidate


def register_ids(project_root: Path | str) -> set[str]:
    """Every xml:id of the project's register, whatever its scope (ids are unique in the file)."""
    path = Project(Path(project_root)).register
    return set(parse_xml(path).getroot().xpath("//@xml:id")) if path.exists() else set()


def _find(root: etree._Element, entry_id: str) -> etree._Element | None:
    found = root.xpath("//tei:*[@xml:id=$id][self::tei:person or self::tei:place or self::tei:org]", namespaces=NS, id=entry_id)
    return found[0] if found else None


def _existing(plan: _Plan, d: Decision, place: str, verb: str) -> etree._Element:
    if not d.target:
        raise EditionError(f"{d.action} needs the id of an existing register entry", place)
    entry = _find(plan.root, d.target)
    if entry is None:
        raise EditionError(f"cannot {verb} {d.target!r}: no such register entry", place)
    if not in_scope(entry, plan.slug, "", plan.year):
        raise EditionError(f"register entry {d.target!r} is not in the scope of {plan.slug}", place)
    if d.kind is not None and d.kind != etree.QName(entry).localname:
        raise EditionError(f"{d.target!r} is a {etree.QName(entry).localname}, not a {d.kind}", place)
    return entry


def _check_free(plan: _Plan, forms, place: str, allow: str | None = None) -> None:
    """A form may name one entry of the edition's scope: it must not be another's already."""
    for form in forms:
        owner = plan.scope.names().get(form)
        if owner is not None and owner != allow:
            raise EditionError(f"{form!r} is already a name of {owner}: merge into it instead", place)


def _main_name(kind: str, name: str) -> etree._Element:
    """The main name; a person's as forename(s) and surname (the last word), so the surname matches alone."""
    element = _name(kind, "" if kind == "person" else name, "main")
    if kind == "person":
        words = name.split()
        if len(words) > 1:
            _sub(element, "forename", " ".join(words[:-1])).tail = " "
        _sub(element, "surname", words[-1])
    return element


def _name(kind: str, text: str, name_type: str) -> etree._Element:
    element = etree.Element(f"{{{TEI_NS}}}{KINDS[kind]}", type=name_type)
    element.text = text or None
    return element


def _sub(parent: etree._Element, tag: str, text: str, **attrs) -> etree._Element:
    element = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs)
    element.text = text
    return element


def _authority_ids(ids: tuple[str, ...], place: str) -> list[tuple[str, str]]:
    found = []
    for given in ids:
        for subtype, pattern in _AUTHORITIES.items():
            match = pattern.fullmatch(given)
            if match:
                found.append((subtype, URI[subtype].format(match.group(1))))
                break
        else:
            raise EditionError(f"unknown authority id {given!r} (Q123 or wikidata:Q123, geonames:123, or their URIs)", place)
    return found


def _list_for(plan: _Plan, kind: str) -> etree._Element:
    """The list a new entry of the edition goes into: the edition's own when the register uses scopes."""
    tag = LISTS[list(KINDS).index(kind)]
    lists = plan.root.xpath(f"//tei:{tag}", namespaces=NS)
    scoped = any(lst.get("corresp") for lst in plan.root.xpath(" | ".join(f"//tei:{t}" for t in LISTS), namespaces=NS))
    wanted = f"{plan.slug}.xml" if scoped else None
    for lst in lists:
        if lst.get("corresp") == wanted and (wanted or _global(lst)):
            return lst
    standoff = plan.root.find("tei:standOff", NS)
    if standoff is None:  # a new project's register has none until its first entry
        standoff = etree.Element(f"{{{TEI_NS}}}standOff")
        text = plan.root.find("tei:text", NS)  # the standOff goes before the text (after the teiHeader)
        if text is not None:
            text.addprevious(standoff)
        else:
            plan.root.append(standoff)
        _indent(standoff)
    new = etree.SubElement(standoff, f"{{{TEI_NS}}}{tag}", {"corresp": wanted} if wanted else {})
    _indent(standoff)
    plan.changes.append(Change("register", f"new {tag}" + (f" for {wanted}" if wanted else "")))
    return new


def _global(lst: etree._Element) -> bool:
    """Whether entries of ``lst`` are for every edition: no edition or period scope on it or around it."""
    return (entry_scope(lst) is None and entry_period(lst) is None
            and lst.get("corresp") is None and lst.find("tei:desc/tei:date", NS) is None)


def _insert_sorted(parent: etree._Element, entry: etree._Element) -> None:
    """Insert ``entry`` among ``parent``'s entries in xml:id order (the register's order)."""
    for index, child in enumerate(parent):
        if (child.get(_ID) or "") > entry.get(_ID):
            parent.insert(index, entry)
            return
    parent.append(entry)


def _indent(element: etree._Element) -> None:
    """Lay out ``element``'s parent's children and ``element``'s own one a line, two spaces a level,
    as the register is (a name's forename and surname stay inline)."""
    for node in (element.getparent(), element):
        if node is None or not len(node):
            continue
        depth = sum(1 for _ in node.iterancestors())
        inner, outer = "\n" + "  " * (depth + 1), "\n" + "  " * depth
        node.text = inner
        for child in node:
            child.tail = inner
        node[-1].tail = outer


def _check_register(plan: _Plan, project: Project) -> bytes:
    """The changed register must load for every edition of the project (names unique within each scope);
    return its bytes."""
    _drop_empty_lists(plan)
    data = _serialise(plan.root)
    for slug in sorted({plan.slug, *project.slugs()}):
        try:
            Register.from_bytes(data, project.register, *edition_scope(project.edition(slug)))
        except EditionError as exc:
            raise EditionError(f"the decisions would break the register for {slug}: {exc.message}", exc.place) from None
    return data


def _drop_empty_lists(plan: _Plan) -> None:
    """A list the decisions emptied (its last entry rejected or merged away), and then a standOff left
    with no list, is removed: TEI allows neither empty."""
    entries = {f"{{{TEI_NS}}}{tag}" for tag in ("person", "place", "org", *LISTS)}
    for lst in plan.root.xpath(" | ".join(f"//tei:standOff//tei:{t}" for t in LISTS), namespaces=NS)[::-1]:
        if not any(child.tag in entries for child in lst):
            parent = lst.getparent()
            parent.remove(lst)
            plan.changes.append(Change("register", f"empty {etree.QName(lst).localname} removed"))
            _indent(parent)
    standoff = plan.root.find("tei:standOff", NS)
    if standoff is not None and not len(standoff):
        plan.root.remove(standoff)


def _serialise(root: etree._Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"


def _write(register_path: Path, register: bytes, toml_path: Path, plan: _Plan) -> None:
    """Each changed file, or none: all are written to temporary files first, then renamed
    (edition.toml is edited with tomlkit, which keeps its comments and layout)."""
    outputs = []
    if any(c.file == "register" for c in plan.changes):
        outputs.append((register_path, register))
    if any(c.file == "toml" for c in plan.changes):
        toml = tomlkit.parse(toml_path.read_text(encoding="utf-8"))
        if any(c.file == "toml" and c.message.startswith("[names]") for c in plan.changes):
            _update_names(toml, plan)
        plan.text.write(toml)
        text = tomlkit.dumps(toml)
        plan.text.check(tomllib.loads(text))
        outputs.append((toml_path, text.encode("utf-8")))
    with ExitStack() as stack:
        for path, data in outputs:
            stack.enter_context(atomic_path(path)).write_bytes(data)


def _update_names(toml, plan: _Plan) -> None:
    """``[names] reject`` and ``types`` as the plan left them (the rest of the file as it was)."""
    table = toml.get("names")
    if table is None:
        table = tomlkit.table()
        toml["names"] = table
    _set_or_drop(table, "reject", _array(plan.reject))
    _set_or_drop(table, "types", _inline(plan.types))


def _set_or_drop(table, key: str, value) -> None:
    if len(value):
        table[key] = value
    elif key in table:
        del table[key]


def _array(items: list[str]):
    array = tomlkit.array()
    array.extend(items)
    if len(items) > 3:
        array.multiline(True)
    return array


def _inline(mapping: dict[str, str]):
    table = tomlkit.inline_table()
    table.update(mapping)
    return table


