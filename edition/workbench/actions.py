"""From a form of the workbench to a decision of ``edition.decisions``, and its application.

The workbench writes nothing itself: each button becomes one
:class:`edition.decisions.Decision`, applied by ``apply_decisions``, the code
path of ``edition review --apply``.  A proposal is decided by its forms (its
main name and variants); "split off" decides one form of it alone, or one
occurrence (``split``: that mention goes to another entry, or is no name).  A
confirmed entry can be edited (main name, note) and given authority ids.  An
uncertain quotation is given its class; a correction is made or taken back.
"""

from __future__ import annotations

from ..authority import Suggestion
from ..decisions import Change, Decision, apply_decisions
from ..convert.p30_quotations import label_of
from ..errors import EditionError
from ..project import Edition
from ..register import KINDS
from ..review import Entity as Reviewed
from ..review import with_suggestions
from .model import EditionView, Entity

ON_PROPOSALS = ("accept", "reject", "retype", "merge")
ON_CONFIRMED = ("edit", "set_id")
ON_TEXT = ("quotation", "correct", "uncorrect")
QUOTATION_CLASSES = {"quote": "a quotation", "soCalled": "so-called (scare quotes)", "title": "a title",
                     "mentioned": "a word mentioned", "none": "not a quotation"}


def forms_of(entity: Entity, only: str = "") -> tuple[str, ...]:
    """The forms a decision on ``entity`` covers: all its names, or the one form split off."""
    forms = tuple(dict.fromkeys((entity.name, *entity.variants)))
    if only:
        if only not in forms:
            raise EditionError(f"{only!r} is not a form of {entity.id}")
        return (only,)
    return forms


def _line(form: dict[str, str], name: str) -> str:
    """A field of the form as one line of text."""
    return " ".join(form.get(name, "").split())


def decision_from(form: dict[str, str], view: EditionView) -> tuple[Decision, str]:
    """The decision a submitted form asks for, and a line saying what it does."""
    action = form.get("action", "")
    if action in ON_TEXT:
        return _on_text(action, form, view)
    entity = view.entity(form.get("entity", ""))
    if entity is None:
        raise EditionError(f"no entry {form.get('entity', '')!r} in this edition (decided in another tab?)")
    if action in ON_PROPOSALS:
        if entity.status != "proposed":
            raise EditionError(f"{entity.name} is confirmed already: edit it, or set its ids")
        return _on_proposal(action, entity, form, view)
    if action in ON_CONFIRMED:
        if entity.status != "confirmed":
            raise EditionError(f"{entity.name} is a proposal: accept it first")
        return _on_confirmed(action, entity, form)
    if action == "split":
        return _split(entity, form, view)
    raise EditionError(f"unknown action {action!r}")


def _on_text(action: str, form: dict[str, str], view: EditionView) -> tuple[Decision, str]:
    if action == "quotation":
        quotation = next((q for q in view.index.quotations if q.id == form.get("quotation")), None)
        if quotation is None:
            raise EditionError(f"no quotation {form.get('quotation', '')!r} in this edition (decided in another tab?)")
        label, kind = label_of(quotation.words), form.get("class", "")
        if kind not in QUOTATION_CLASSES:
            raise EditionError(f"unknown class {kind!r} (quote, soCalled, title, mentioned, none)")
        return Decision("quotation", (label,), kind=kind), f"quotation “{label}”: {QUOTATION_CLASSES[kind]}"
    sic, corr = form.get("sic", ""), _line(form, "corr")
    decision = Decision(action, (sic,) if sic else (), name=corr or None, note=_line(form, "reason") or None,
                        before=form.get("before", ""), after=form.get("after", ""))
    if action == "correct":
        return decision, f"correct “{sic}” → “{corr}”"
    return decision, f"take back the correction of “{sic}”"


def _split(entity: Entity, form: dict[str, str], view: EditionView) -> tuple[Decision, str]:
    """One mention of ``entity`` taken off it: to a confirmed entry (``into``), or no name."""
    mention = next((m for m in view.mentions_of(entity.id) if m.id == form.get("mention")), None)
    if mention is None or entity.id in view.unpublished:
        raise EditionError(f"no mention {form.get('mention', '')!r} of {entity.name} in the text")
    into = _line(form, "into")
    target = view.register_entries.get(into) if into else None
    if into and target is None:
        raise EditionError(f"no confirmed entry {into!r} to give the mention to")
    shown = f"“{mention.context.keyword}” ({mention.id})"
    label = f"split {shown} off {entity.name}: " + (f"it names {target.name}" if target else "no name")
    return Decision("split", (), target=target.id if target else None, at=mention.id), label


def _on_proposal(action: str, entity: Entity, form: dict[str, str], view: EditionView) -> tuple[Decision, str]:
    forms = forms_of(entity, _line(form, "only"))
    shown = " | ".join(forms)
    kind = _line(form, "to") or entity.kind
    if kind not in KINDS:
        raise EditionError(f"unknown type {kind!r}")
    if action == "accept":
        uri = _line(form, "uri")
        decision = Decision("accept", forms, kind=kind, name=_line(form, "name") or None,
                            note=_line(form, "note") or None, ids=(uri,) if uri else ())
        return decision, f"accept {shown} as {kind}"
    if action == "reject":
        return Decision("reject", forms), f"reject {shown} (not a name)"
    if action == "retype":
        return Decision("retype", forms, kind=kind), f"retype {shown} as {kind}"
    target = view.register_entries.get(_line(form, "into"))
    if target is None:
        raise EditionError(f"no confirmed entry {_line(form, 'into')!r} to merge into")
    return Decision("merge", forms, target=target.id), f"merge {shown} into {target.name}"


def _on_confirmed(action: str, entity: Entity, form: dict[str, str]) -> tuple[Decision, str]:
    if action == "edit":
        decision = Decision("edit", (), target=entity.id, name=_line(form, "name") or None, note=_line(form, "note") or None)
        return decision, f"edit {entity.name}"
    uri = _line(form, "uri")
    if not uri:
        raise EditionError("give an id: a GeoNames or Wikidata URI, geonames:123 or Q123")
    return Decision("edit", (), target=entity.id, ids=(uri,)), f"set id {uri} on {entity.name}"


def apply(edition: Edition, decisions: list[Decision]) -> list[Change]:
    """Write ``decisions`` through the engine of ``edition review --apply``."""
    return apply_decisions(edition.project.root, edition.slug, decisions)


def suggestions(edition: Edition, entity: Entity, online: bool) -> tuple[list[Suggestion], list[str]]:
    """Authority suggestions for ``entity``, best first, as ``edition review`` finds them, and any problem met.

    GeoNames (offline) for places; with ``online``, Wikidata through the
    reconciliation service of the edition's settings, whose answers are cached.
    """
    asked = Reviewed(entity.id, entity.kind, ((entity.name, entity.count),), ())
    found, problems = with_suggestions(edition, [asked], reconcile=online)
    return list(found[0].suggestions), problems
