"""Content-hash cache: an artefact is rebuilt only when one of its inputs changed.

``dist/<slug>/.cache.json`` records, per artefact, the key its inputs hashed to
when it was last built and a stamp (size, mtime) of the output, so a deleted or
replaced output is rebuilt too.  File digests are memoised by (size, mtime_ns),
like git's index, so a no-op build stats its inputs but reads none of them.
A missing, corrupt or foreign cache file is treated as empty: never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from .xmlio import write_text_atomic

CACHE_NAME = ".cache.json"
CACHE_VERSION = 1


def sha256_of(path: Path) -> str:
    """The sha256 of a file's bytes, read in blocks."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files of ``paths``, folders walked recursively (hidden entries skipped), sorted."""
    files: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files.update(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        else:
            files.add(path)
    return sorted(files)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in relative.parts)


def _stamp(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


class Cache:
    """The cache file of one edition's output folder."""

    def __init__(self, dist_dir: Path):
        self.path = dist_dir / CACHE_NAME
        self.data = self._load()

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            data = {"version": CACHE_VERSION}
        data.setdefault("files", {})
        data.setdefault("artefacts", {})
        return data

    def file_digest(self, path: Path) -> str:
        """sha256 of ``path`` (``absent`` if missing), re-read only when its stat changed."""
        stamp = _stamp(path)
        if stamp is None:
            return "absent"
        key = str(path)
        known = self.data["files"].get(key)
        if known and known[:2] == stamp:
            return known[2]
        digest = sha256_of(path)
        self.data["files"][key] = [*stamp, digest]
        return digest

    def key(self, paths: Iterable[Path], extra: dict | None = None) -> str:
        """One digest over the names and contents of ``paths`` and the values of ``extra``."""
        digest = hashlib.sha256(json.dumps(extra or {}, sort_keys=True).encode())
        for path in expand(paths):
            digest.update(f"{path}\0{self.file_digest(path)}\n".encode())
        return digest.hexdigest()

    def output_digest(self, path: Path) -> str:
        """Content digest of an output file or folder (folders: every file's name and digest)."""
        if path.is_dir():
            return self.key([path])
        return self.file_digest(path)

    def fresh(self, name: str, key: str, output: Path | None = None) -> bool:
        """True when ``name`` was built from ``key`` and its output is untouched since."""
        record = self.data["artefacts"].get(name)
        if not record or record.get("key") != key:
            return False
        output = output or Path(record["output"])
        return record.get("stamp") == self._output_stamp(output)

    def output(self, name: str) -> Path | None:
        record = self.data["artefacts"].get(name)
        return Path(record["output"]) if record else None

    def digest_of(self, name: str) -> str:
        """The recorded content digest of artefact ``name`` (``absent`` if never built)."""
        record = self.data["artefacts"].get(name)
        return record.get("digest", "absent") if record else "absent"

    def record(self, name: str, key: str, output: Path) -> None:
        self.data["artefacts"][name] = {
            "key": key,
            "output": str(output),
            "stamp": self._output_stamp(output),
            "digest": self.output_digest(output),
        }

    def save(self) -> None:
        self._drop_vanished()
        write_text_atomic(self.path, json.dumps(self.data, indent=1, sort_keys=True) + "\n")

    def _drop_vanished(self) -> None:
        self.data["files"] = {k: v for k, v in self.data["files"].items() if os.path.exists(k)}

    @staticmethod
    def _output_stamp(output: Path):
        """Size and mtime of a file; of a folder, those of every file in it."""
        if output.is_dir():
            return [[str(p.relative_to(output)), *_stamp(p)] for p in expand([output])]
        return _stamp(output)
