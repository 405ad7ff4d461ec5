"""One edition open in the workbench: its current view, its decisions and their undo history.

A decision goes through ``edition.decisions.apply_decisions``, the code path of
``edition review --apply``, which writes the register and ``edition.toml``
atomically; the files it may change are snapshotted first (``History``), and the
TEI master is re-converted after it, so the next page shows the new state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..convert import convert_edition
from ..errors import EditionError
from ..project import Edition
from . import actions
from .history import History
from .model import EditionView, stamp, watched


class Session:
    """An edition open in the workbench (one per slug, shared by every tab)."""

    def __init__(self, edition: Edition, entity_url: Callable[[str], str]):
        self.edition = edition
        self.entity_url = entity_url
        root = edition.project.root
        self.history = History(root / ".cache" / "workbench" / edition.slug / "undo", root)
        self._view: EditionView | None = None
        self._kept: dict = {}  # the reading view's divisions as HTML: a decision renders only those it changed
        if self._master_is_stale():
            convert_edition(edition)  # a decision written just before a crash, or the register edited by hand

    def _master_is_stale(self) -> bool:
        """Whether the register or edition.toml changed after the master was last converted."""
        master = self.edition.tei_path
        if not master.exists():
            return False
        written = master.stat().st_mtime_ns
        return any(path.exists() and path.stat().st_mtime_ns > written for path in self.decided_files())

    def view(self) -> EditionView:
        """The edition as its files are now (re-read only when a file changed)."""
        if self._view is None or self._view.stamp != stamp(watched(self.edition)):
            self.edition = self.edition.project.edition(self.edition.slug)  # edition.toml may have changed
            self._view = EditionView(self.edition, self.entity_url, self._kept)
        return self._view

    def decided_files(self) -> list[Path]:
        """What a decision may write: the register and edition.toml (the master is re-converted from them)."""
        return [self.edition.project.register, self.edition.toml_path]

    def decide(self, form: dict[str, str]) -> str:
        """Apply the decision a form describes; return what was done, in words."""
        decision, label = actions.decision_from(form, self.view())
        steps = len(self.history.steps())
        with self.history.record(label, self.decided_files()):
            changes = actions.apply(self.edition, [decision])
        try:
            convert_edition(self.edition.project.edition(self.edition.slug))
        except EditionError:
            if len(self.history.steps()) > steps:
                self.undo()  # a decision the text cannot be converted with is taken back whole
            raise
        return "; ".join(map(str, changes)) or f"{label}: nothing to change"

    def undo(self) -> str:
        """Take back the latest decision and re-convert; say what was undone."""
        label = self.history.undo()
        if label is None:
            return "Nothing to undo."
        convert_edition(self.edition.project.edition(self.edition.slug))
        return f"Undone: {label}"

    def corrections(self) -> list[dict]:
        """The corrections of edition.toml (sic, corr, reason, …) as the file gives them."""
        return [c for c in self.edition.settings.get("corrections", []) if isinstance(c, dict)]
