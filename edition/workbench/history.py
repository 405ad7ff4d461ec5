"""Undo for the workbench: a snapshot of the files each decision changed.

Before a decision is applied, the files it may change are copied into a new
step folder under ``.cache/workbench/<slug>/undo/`` (written whole, then
renamed into place); a decision that fails or changes nothing leaves no step.  Undo writes the
copies of the latest step back, each atomically, and only then removes the
step, so an undo cut short by a crash is simply repeated.  The history lives
on disk: it survives a restart of the workbench.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

from ..xmlio import atomic_dir, write_bytes_atomic

MANIFEST = "step.json"


class History:
    """The undo steps of one edition, oldest first."""

    def __init__(self, folder: Path, root: Path):
        self.folder = folder
        self.root = root

    def steps(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith("."))

    def labels(self) -> list[str]:
        """What each step did, latest first."""
        return [json.loads((step / MANIFEST).read_text(encoding="utf-8"))["label"] for step in reversed(self.steps())]

    @contextlib.contextmanager
    def record(self, label: str, files: list[Path]):
        """Snapshot ``files`` (inside the project) on disk, then run the body.

        The step is written before the body runs, so a crash in the middle of
        a decision still leaves the way back; it is removed again when the
        body fails or changes none of the files.
        """
        before = {path: path.read_bytes() if path.exists() else None for path in files}
        steps = self.steps()
        number = int(steps[-1].name) + 1 if steps else 1
        with atomic_dir(self.folder / f"{number:06d}") as step:
            manifest = {"label": label, "files": []}
            for index, (path, data) in enumerate(before.items()):
                manifest["files"].append({"path": path.relative_to(self.root).as_posix(), "existed": data is not None})
                if data is not None:
                    (step / str(index)).write_bytes(data)
            (step / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        step = self.folder / f"{number:06d}"
        try:
            yield
        except BaseException:
            shutil.rmtree(step, ignore_errors=True)
            raise
        if all((path.read_bytes() if path.exists() else None) == data for path, data in before.items()):
            shutil.rmtree(step)

    def undo(self) -> str | None:
        """Restore the files of the latest step; return its label (None when there is nothing to undo)."""
        steps = self.steps()
        if not steps:
            return None
        step = steps[-1]
        manifest = json.loads((step / MANIFEST).read_text(encoding="utf-8"))
        for index, entry in enumerate(manifest["files"]):
            target = self.root / entry["path"]
            if entry["existed"]:
                write_bytes_atomic(target, (step / str(index)).read_bytes())
            else:
                target.unlink(missing_ok=True)
        shutil.rmtree(step)
        return manifest["label"]
