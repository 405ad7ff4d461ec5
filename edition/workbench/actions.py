"""From a form of the workbench to a decision of ``edition.decisions``, and its application.

The workbench writes nothing itself: each button becomes one
:class:`edition.decisions.Decision`, applied by ``apply_decisions``, the code
path of ``edition review --apply``.  A proposal is decided by its forms (its
main name and variants); "split off" decides one form of it alone.  A
confirmed entry can be edited (main name, note) and given authority ids.
"""

from __future__ import annotations

from ..authority import Suggestion
from ..decisions import Change, Decision, apply_decisions
from ..errors import EditionError
from ..project import Edition
from ..register import KINDS
from ..review import Entity as Reviewed
from ..review import with_suggestions
from .model import EditionView, Entity

ON_PROPOSALS = ("accept", "reject", "retype", "merge")
ON_CONFIRMED = ("edit", "set_id")


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
    raise EditionError(f"unknown action {action!r}")


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
