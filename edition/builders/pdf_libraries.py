"""WeasyPrint's C libraries, found without running the compiler at every import.

Importing WeasyPrint opens Pango, HarfBuzz, fontconfig and GObject through cffi, trying
several names for each (``libgobject-2.0-0``, ``gobject-2.0-0``, ``gobject-2.0`` …).  A
name cffi cannot open as it is goes to ``ctypes.util.find_library``, which on Linux runs
``ldconfig -p``, then ``gcc`` and ``ld`` to ask the linker: 22 look-ups in WeasyPrint
70, 16 of which find nothing (the Windows and macOS names, and ``harfbuzz-vector``,
absent from Debian 12), each costing a gcc and an ld process.  Measured on this
machine: 0.3–0.6 s of the PDF builder's start, on the critical path of every build.

``remembered_library_lookups`` answers those look-ups from a file of earlier answers,
kept while everything they depend on is unchanged: the dynamic linker's cache
(``/etc/ld.so.cache``, rewritten by ldconfig whenever a package installs a library), the
library folders the linker and gcc search (their mtimes change when a file is added or
removed), the environment variables that add folders, and the gcc, ld and objdump
that ``PATH`` finds.  A
name not on file is looked up as before and its answer kept.  WeasyPrint's own files are
not touched: ``find_library`` is replaced only inside the block, in this process.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import hashlib
import json
import os
import shutil
import sys
import sysconfig
from pathlib import Path

from ..xmlio import write_text_atomic

LIBRARY_FOLDERS = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib")
LINKER_CACHE = "/etc/ld.so.cache"
ENVIRONMENT = ("LD_LIBRARY_PATH", "LIBRARY_PATH")
TOOLS = ("gcc", "cc", "ld", "objdump")  # what find_library runs, found on PATH


def system_state() -> str:
    """A digest of what ``find_library``'s answers depend on here."""
    multiarch = sysconfig.get_config_var("MULTIARCH")
    folders = [*LIBRARY_FOLDERS, *(f"{folder}/{multiarch}" for folder in ("/lib", "/usr/lib") if multiarch)]
    for variable in ENVIRONMENT:
        folders += [folder for folder in os.environ.get(variable, "").split(os.pathsep) if folder]
    tools = [shutil.which(tool) for tool in TOOLS]
    stamps = {path: _stamp(path) for path in [LINKER_CACHE, *folders, *filter(None, tools)]}
    values = {"stamps": stamps, "tools": tools, "environment": {name: os.environ.get(name) for name in ENVIRONMENT},
              "python": sys.version, "platform": sys.platform}
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def _stamp(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


@contextlib.contextmanager
def remembered_library_lookups(path: Path):
    """Inside the block, ``ctypes.util.find_library`` answers from ``path`` what it answered
    before on this system; new answers are added to ``path`` afterwards.  Only on Linux (where
    a look-up runs the compiler); elsewhere the block runs as it is."""
    if not sys.platform.startswith("linux"):
        yield
        return
    state = system_state()
    known = _load(path, state)
    count = len(known)
    find = ctypes.util.find_library

    def remembered(name: str) -> str | None:
        if name not in known:
            known[name] = find(name)
        return known[name]

    ctypes.util.find_library = remembered
    try:
        yield
    finally:
        ctypes.util.find_library = find
    if len(known) > count:
        with contextlib.suppress(OSError):  # a cache that cannot be written is no error
            write_text_atomic(path, json.dumps({"state": state, "found": known}, indent=1, sort_keys=True) + "\n")


def _load(path: Path, state: str) -> dict[str, str | None]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["state"] == state and isinstance(kept["found"], dict):
            return kept["found"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return {}
