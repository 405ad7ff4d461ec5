"""``edition review SLUG``: what an editor should look at before publishing.

It shows, and with ``--export FILE`` writes as a decisions file for the editor:

* the names the register does not cover, grouped by type, each with its forms
  and their counts, its first mentions in context (line:col of the source),
  and authority suggestions with scores (GeoNames offline for places; Wikidata
  through a reconciliation service with ``--reconcile``: edition.authority).
  They are the recogniser's proposals (``tei/proposals/<slug>.xml``, written by
  ``convert``) or, before there are any, *candidates* found here, untyped:
  runs of capitalised words in
  the source text, less register matches, common capitalised words (STOP),
  derivatives of register names ("Stalinist", "Russian") and the typing
  errors that ``edition.toml`` corrects.  A run counts when it occurs once
  inside a sentence; a run seen only at sentence starts (or in title-case
  headings) counts only when it recurs and never occurs in lower case, so
  "Workers ..." opening a sentence is not a name but "Kosygin ..." is.
  What the editor rejected (``[names] reject`` of edition.toml) is left out.
* quotations the converter classified without a deciding cue (``@cert="low"``
  on ``quote``/``soCalled``/``title`` in ``tei/<slug>.xml``); the export gives each a row
  (its words, its class, its xml:id in ``at``) to decide with ``quotation``.

``--ids`` reviews the edition's register entries that lack authority ids
instead, with the same suggestions and the same decisions file.  ``--apply
FILE`` hands the edited file to edition.decisions, which writes the register
and edition.toml.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import click
from lxml import etree

from .authority import Suggestion
from .convert.p30_quotations import label_of
from .convert.source import read_source
from .decisions import FORM_SEPARATOR, apply_decisions, derived_id, parse_decisions, register_ids, write_decisions
from .project import Edition
from .register import KINDS, Register, edition_scope
from .textdecisions import source_text
from .xmlio import NS, XML_NS, parse_xml

# Common capitalised words of English prose: function words that open
# sentences, titles before names, months and days, compass points, and
# adjectives of nationality.  Specific to no text: a text's own non-names
# belong in its review, not here.
STOP = frozenset(
    """
    A About After Again Against All Also Although Among An And Any Are As At Be Because Before Being Between
    Both But By Can Could Did Do Does Each Either Even Every For From Had Has Have He Her Here Hers Him His
    How However I If In Into Is It Its Just Let Like May Me More Most Much Must My Neither No Nor Not Now
    Of On Once One Only Or Other Our Out Over Perhaps Since So Some Still Such Than That The Their Them Then
    There These They This Those Though Thus To Too Under Unless Until Up Upon Was We Were What When Where
    Whereas Whether Which While Who Whom Whose Why Will With Within Without Would Yet You Your
    Mr Mrs Ms Dr Sir Lady Lord General Colonel Admiral Captain Major Marshal Count Countess Comrade
    Professor President Chairman King Queen Prince Princess Saint St Tsar Tsars
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    North South East West Northern Southern Eastern Western Central
    African American Asian Asiatic Austrian Balkan Bavarian Belgian British Bulgarian Caucasian Chinese
    Czech Czechoslovak Dutch English European French Georgian German Greek Hungarian Indian Indonesian
    Irish Italian Japanese Jewish Mongolian Oriental Polish Romanian Rumanian Russian Scottish Soviet
    Spanish Ukrainian Victorian Vietnamese Welsh
    """.split()
)

_WORD = r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*"
# Runs of capitalised words, joined by single spaces or by "of" / "of the".
_RUN = re.compile(rf"(?<![\w-]){_WORD}(?:(?: | of (?:the )?){_WORD})*(?![\w-])")
_SENTENCE_END = ".!?:;…"
_OPENERS = "\"'“‘([ \t"
_CLOSERS = "\"'”’)]"
# Endings that make an adjective or a doctrine of a name: Russia-n, Stalin-ist, Lenin-ism.
_DERIVED = ("n", "ns", "an", "ans", "ian", "ians", "ese", "ism", "isms", "ist", "ists", "ite", "ites", "isation", "ization")
_MASK = "\x00"  # replaces register matches, so that no run crosses one


@dataclass(frozen=True)
class Candidate:
    """A capitalised run that may be a name missing from the register."""

    text: str
    count: int
    line: int
    col: int


@dataclass(frozen=True)
class Uncertain:
    """A quotation the converter classified without a deciding cue."""

    xml_id: str
    element: str
    text: str
    line: int


def _masked(text: str, register: Register) -> str:
    parts, pos = [], 0
    for match in register.find(text):
        parts += [text[pos : match.start], _MASK * (match.end - match.start)]
        pos = match.end
    return "".join(parts) + text[pos:]


class _Lines:
    """Line starts of a text, found once, so that each lookup is a bisection (no rescans)."""

    def __init__(self, text: str):
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        # Short lines without closing punctuation are title-case headings.
        self.headings = {start for start, line in zip(self.starts, text.split("\n")) if _is_heading(line.strip())}

    def start(self, offset: int) -> int:
        return self.starts[bisect_right(self.starts, offset) - 1]

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset)
        return index, offset - self.starts[index - 1] + 1


def _is_heading(line: str) -> bool:
    return bool(line) and len(line) < 80 and line[-1] not in _SENTENCE_END + _CLOSERS


def _at_sentence_start(text: str, start: int, lines: _Lines) -> bool:
    line_start = lines.start(start)
    if line_start in lines.headings:
        return True
    # '."For' and '.)Popular' open sentences too: skip opening, then closing marks
    # (a few characters back are enough: only punctuation is skipped).
    before = text[max(line_start, start - 8) : start].rstrip(_OPENERS).rstrip(_CLOSERS)
    return not before or before[-1] in _SENTENCE_END


class _Filter:
    """Cuts runs at uninteresting words: stopwords, derivatives of register names, corrected typos."""

    def __init__(self, register: Register, corrected: set[str]):
        self.forms = {f for f in register.forms() if " " not in f}
        self.corrected = corrected

    def dull(self, word: str) -> bool:
        if word in STOP or word in self.corrected or len(word) < 2:
            return True
        # "Bolshevik" beside the register's "Bolsheviks": the singular or adjective of a group.
        if word + "s" in self.forms:
            return True
        # "Stalinist", "Leninism", "Russians": a register name plus a derivational ending.
        return any(word.endswith(end) and word[: -len(end)] in self.forms for end in _DERIVED)

    def split(self, run: str, start: int) -> list[tuple[str, int]]:
        """The stretches of ``run`` between dull words, as (candidate, offset in the text)."""
        pieces, current = [], []
        for word in [*re.finditer(_WORD, run), None]:
            if word is not None and not self.dull(word.group()):
                current.append(word)
                continue
            if current:
                pieces.append((run[current[0].start() : current[-1].end()], start + current[0].start()))
            current = []
        return pieces


def _corrected_words(edition: Edition) -> set[str]:
    return {str(c.get("sic", "")) for c in edition.settings.get("corrections", []) if isinstance(c, dict)}


def _load_register(edition: Edition) -> Register:
    path = edition.project.register
    return Register.load(path, *edition_scope(edition)) if path.exists() else Register([], path)


def _rejected(edition: Edition) -> frozenset[str]:
    """What the editor said is not a name (``[names] reject``, written by ``review --apply``)."""
    from .names import settings

    return settings.load(edition.settings, os.path.relpath(edition.toml_path, edition.project.root)).reject


def review_candidates(edition: Edition) -> list[Candidate]:
    """Capitalised runs of the source the register does not cover, most frequent first."""
    shown = os.path.relpath(edition.text_path, edition.project.root)
    text = read_source(edition.text_path, shown).text
    register = _load_register(edition)
    masked = _masked(text, register)
    words_filter = _Filter(register, _corrected_words(edition))
    lines = _Lines(text)
    seen: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for run in _RUN.finditer(masked):
        for candidate, offset in words_filter.split(run.group(), run.start()):
            seen[candidate].append((offset, _at_sentence_start(text, offset, lines)))
    lower = set(re.findall(r"\b[a-z][a-z-]*\b", text))
    rejected = _rejected(edition)
    found = [_candidate(lines, name, places) for name, places in seen.items()
             if _counts(name, places, lower) and name not in rejected]
    return sorted(found, key=lambda c: (-c.count, c.text))


def _counts(name: str, places: list[tuple[int, bool]], lower: set[str]) -> bool:
    if not all(start for _, start in places):
        return True
    return len(places) > 1 and name.lower() not in lower


def _candidate(lines: _Lines, name: str, places: list[tuple[int, bool]]) -> Candidate:
    return Candidate(name, len(places), *lines.line_col(places[0][0]))


def review_uncertain(edition: Edition) -> list[Uncertain]:
    """quote/soCalled/title elements of tei/<slug>.xml marked @cert="low" (none if not converted yet)."""
    if not edition.tei_path.exists():
        return []
    root = parse_xml(edition.tei_path).getroot()
    found = root.xpath("//tei:text//*[@cert='low'][self::tei:quote or self::tei:soCalled or self::tei:title]", namespaces=NS)
    return [
        Uncertain(el.get(f"{{{XML_NS}}}id", ""), el.xpath("local-name()"), " ".join(source_text(el).split()), el.sourceline)
        for el in found
    ]


# Entities the review shows: proposals of the recogniser, or candidates before there are any.


@dataclass(frozen=True)
class Context:
    """A mention in its line of the source: 1-based line and column, and the words around it."""

    line: int
    col: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A name the register does not cover (or, for ``--ids``, a register entry), with what the
    editor needs to decide on it."""

    key: str  # the proposal's id (prop_…), or the candidate's text
    kind: str | None  # person, place, org; None for an untyped candidate
    surfaces: tuple[tuple[str, int], ...]  # (form, count), the main form first
    first: tuple[Context, ...]
    suggestions: tuple[Suggestion, ...] = ()
    registered: bool = False  # an entry of the register (``key`` is its xml:id), reviewed for its ids

    @property
    def main(self) -> str:
        return self.surfaces[0][0]

    @property
    def count(self) -> int:
        return sum(n for _, n in self.surfaces)


SHOWN_CONTEXTS = 3
_KIND_ORDER = {"person": 0, "place": 1, "org": 2, None: 3}
_HEADINGS = {"person": "Persons", "place": "Places", "org": "Organisations", None: "Untyped candidates"}


def review_entities(edition: Edition) -> tuple[list[Entity], str]:
    """The entities to review and where they come from (the proposals file, or the source's candidates)."""
    from .names import proposals

    lines = _source_lines(edition)
    found = proposals.load(edition.project.root, edition.slug)
    if found:
        shown = os.path.relpath(proposals.path_for(edition.project.root, edition.slug), edition.project.root)
        decided = _decided(edition)
        entities = [Entity(p.id, p.kind, p.surfaces, tuple(_context(lines, m.line, m.col) for m in p.first))
                    for p in found if not all(form in decided for form, _ in p.surfaces)]
        return entities, shown
    shown = os.path.relpath(edition.text_path, edition.project.root)
    candidates = review_candidates(edition)
    return [Entity(c.text, None, ((c.text, c.count),), (_context(lines, c.line, c.col),)) for c in candidates], shown


def entries_without_ids(edition: Edition) -> tuple[list[Entity], str]:
    """The register entries of the edition's scope that lack a Wikidata id (places: or a GeoNames
    id), with where the text names them, for ``review --ids``."""
    register = _load_register(edition)
    source = _source_lines(edition)
    text = "\n".join(source)
    where: dict[str, list[int]] = defaultdict(list)
    for match in register.find(text):
        where[match.id].append(match.start)
    lines, found = _Lines(text), []
    for entry_id in register.ids():
        element = register.element(entry_id)
        kind = etree.QName(element).localname
        present = {i.get("subtype") for i in element.iterfind("tei:idno[@type='URI']", NS)}
        if "wikidata" in present and (kind != "place" or "geonames" in present):
            continue
        main = " ".join("".join(element.find(f"tei:{KINDS[kind]}[@type='main']", NS).itertext()).split())
        contexts = tuple(_context(source, *lines.line_col(offset)) for offset in where[entry_id][:SHOWN_CONTEXTS])
        found.append(Entity(entry_id, kind, ((main, len(where[entry_id])),), contexts, registered=True))
    return found, os.path.relpath(edition.project.register, edition.project.root)


def _decided(edition: Edition) -> set[str]:
    """Forms decided since the proposals were written: register names of the edition, rejected forms."""
    return set(_load_register(edition).forms()) | _rejected(edition)


def _source_lines(edition: Edition) -> list[str]:
    shown = os.path.relpath(edition.text_path, edition.project.root)
    return read_source(edition.text_path, shown).text.split("\n")


def _context(lines: list[str], line: int, col: int, width: int = 36) -> Context:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    start, end = max(0, col - 1 - width), min(len(text), col - 1 + width)
    snippet = ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
    return Context(line, col, snippet)


def with_suggestions(edition: Edition, entities: list[Entity], reconcile: bool) -> tuple[list[Entity], list[str]]:
    """``entities`` with authority suggestions, best first, and the problems met asking for them.

    Places and untyped names get GeoNames suggestions (offline); with
    ``reconcile``, every entity also gets Wikidata's, through the service of
    the edition's ``[reconcile]`` settings and its cache.
    """
    from .authority import geonames

    remote: dict = {}
    problems: list[str] = []
    if reconcile:
        from .authority.reconcile import CACHE_NAME, Reconciler, Service

        shown = os.path.relpath(edition.toml_path, edition.project.root)
        reconciler = Reconciler(Service.from_settings(edition.settings, shown), edition.source_dir / CACHE_NAME)
        remote = reconciler.suggest([(e.main, e.kind) for e in entities])
        problems = reconciler.problems
    result = []
    for entity in entities:
        found = list(remote.get((entity.main, entity.kind), []))
        if entity.kind in ("place", None):
            found += geonames.suggest(entity.main)
        result.append(replace(entity, suggestions=tuple(sorted(found, key=lambda s: -s.score))))
    return result, problems


def export_rows(entities: list[Entity], taken: set[str]) -> list[dict[str, str]]:
    """One row of the decisions file per entity (edition.decisions.COLUMNS), undecided; the
    prefilled ids of new entries avoid ``taken`` (the register's ids) and each other."""
    taken = set(taken)
    return [
        {
            "action": "",
            "forms": "" if e.registered else FORM_SEPARATOR.join(form for form, _ in e.surfaces),
            "type": e.kind or "",
            "id": e.key if e.registered else _new_id(e, taken),
            "name": e.main,
            "note": "",
            "ids": "",
            "proposal": e.key,
            "count": str(e.count),
            "first": " ".join(f"{c.line}:{c.col}" for c in e.first),
            "context": e.first[0].text if e.first else "",
            "suggestions": "; ".join(map(str, e.suggestions)),
        }
        for e in _in_order(entities)
    ]


def quotation_rows(uncertain: list[Uncertain]) -> list[dict[str, str]]:
    """One row of the decisions file per uncertain quotation, undecided: the editor writes
    ``quotation`` in the action column and the class (quote, soCalled, title, none) in type."""
    return [{"action": "", "forms": label_of(u.text), "type": u.element, "at": u.xml_id,
             "first": str(u.line), "context": u.text} for u in uncertain]


def _new_id(entity: Entity, taken: set[str]) -> str:
    if entity.kind is None:
        return ""
    entry_id = derived_id(entity.main, entity.kind, taken)
    taken.add(entry_id)
    return entry_id


def _in_order(entities: list[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (_KIND_ORDER[e.kind], -e.count, e.main))


# The command.


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()

    return [line(headers), line(tuple("-" * w for w in widths)), *map(line, rows)]


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _entity_lines(entity: Entity) -> list[str]:
    forms = "; ".join(f"{form} ({n})" if len(entity.surfaces) > 1 else form for form, n in entity.surfaces)
    key = f"  [{entity.key}]" if entity.key != entity.main else ""
    lines = [f"  {forms}  ×{entity.count}{key}"]
    lines += [f"      {c.line}:{c.col}  {c.text}" for c in entity.first[:SHOWN_CONTEXTS]]
    if entity.suggestions:
        lines.append("      suggested: " + "; ".join(map(str, entity.suggestions[:3])))
    return lines


def print_entities(entities: list[Entity], label: str, shown: str) -> None:
    click.echo(f"{label} ({len(entities)}), from {shown}:")
    for kind in _KIND_ORDER:
        group = [e for e in _in_order(entities) if e.kind == kind]
        if group:
            click.echo(f"{_HEADINGS[kind]} ({len(group)})")
            click.echo("\n".join(line for e in group for line in _entity_lines(e)))


def print_uncertain(edition: Edition) -> None:
    uncertain = review_uncertain(edition)
    tei = os.path.relpath(edition.tei_path, edition.project.root)
    state = "" if edition.tei_path.exists() else " (not converted yet: run edition convert)"
    click.echo(f"\nQuotations classified with low confidence ({len(uncertain)}), from {tei}{state}:")
    if uncertain:
        rows = [(u.xml_id, u.element, str(u.line), _short(u.text)) for u in uncertain]
        click.echo("\n".join(_table(("id", "element", "line", "text"), rows)))


def review_command(edition: Edition, reconcile: bool = False, export: Path | None = None, ids: bool = False) -> None:
    """The CLI's ``review SLUG``: print the names to decide on and the uncertain quotations (or,
    with ``ids``, the register entries without authority ids); with ``export``, also write them
    as a decisions file."""
    entities, shown = entries_without_ids(edition) if ids else review_entities(edition)
    entities, problems = with_suggestions(edition, entities, reconcile)
    for problem in problems:
        click.echo(f"warning: {problem}", err=True)
    rows = export_rows(entities, register_ids(edition.project.root)) + ([] if ids else quotation_rows(review_uncertain(edition)))
    if export is not None:  # first, so that a reader who stops the listing early still has the file
        write_decisions(export, rows)
    if ids:
        print_entities(entities, "Register entries without an authority id", shown)
    else:
        print_entities(entities, "Names not in the register", shown)
        print_uncertain(edition)
    if export is not None:
        click.echo(f"\nDecisions file: {export} ({len(rows)} rows; fill in the action column, then edition review {edition.slug} --apply {export})")


def apply_command(edition: Edition, path: Path) -> None:
    """The CLI's ``review SLUG --apply FILE``: check every decision, write, print what changed."""
    changes = apply_decisions(edition.project.root, edition.slug, parse_decisions(path))
    for change in changes:
        click.echo(str(change))
    click.echo(f"{len(changes)} change(s)" + (f"; run edition convert {edition.slug} to tag the confirmed names" if changes else ""))
