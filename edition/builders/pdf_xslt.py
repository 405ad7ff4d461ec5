"""The print HTML, made by Saxon in a helper process beside the typesetting.

The XSLT (parsing the TEI for Saxon, ranking the register's labels, compiling and
running xslt/print/) and the start of the typesetting (importing WeasyPrint, reading
the CSS and the fonts) do not depend on each other, and each takes about half a
second.  So the builder forks a helper that runs the XSLT while it gets WeasyPrint
ready; the helper then compiles the index stylesheet while the body is laid out,
and makes the index's HTML from the body's page map.  On two cores the XSLT then
costs the build no time (nor does parsing the book's HTML, which the helper does too).
Saxon holds the GIL (a thread would not overlap), and a
process already running Saxon's VM must not fork: there the HTML is made in this
process, one step after the other, with the same results.

Both XSLT results that do not depend on the layout, the book's print HTML and the
register's collation ranks, are pure functions of files and parameters, so they are
kept across runs in ``dist/.cache/print/`` (``remembered``) under the sha256 of all
of their inputs (so are the HTML site's pages and the EPUB's content documents, with
``remembered_transform``): the TEI master, every stylesheet, the Python that runs them, the
parameters, Saxon's version and, for the ranks, pyuca's table.  A changed input makes a
new key; one entry is kept per edition and result.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable

from ..errors import EditionError
from ..resources import data_dir
from ..xmlio import write_text_atomic
from .pdf_pages import PageMap


def saxon_started() -> bool:
    from .. import xslt

    return xslt.processor.cache_info().currsize > 0


class PrintHtml:
    """``body()``: the print HTML of the book (as ``make_body`` gives it); ``index(pages)``: that
    of its index of names (as ``make_index`` gives it).

    ``make_body`` and ``make_index`` run in the helper when there is one, else here."""

    def __init__(self, make_body: Callable[[], object], make_index: Callable[[PageMap], object], prepare_index: Callable[[], object]):
        self.make_body, self.make_index = make_body, make_index
        self._conn, self._pid = None, None
        if hasattr(os, "fork") and not saxon_started():
            self._fork(prepare_index)

    def _fork(self, prepare_index) -> None:
        import multiprocessing

        ours, theirs = multiprocessing.Pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: everything here, one step after the other
            ours.close()
            theirs.close()
            return
        if pid == 0:  # the helper
            ours.close()
            try:
                from ..orchestrate import die_with_parent

                die_with_parent()  # killed with the builder, not left to finish its XSLT
                _serve(theirs, self.make_body, self.make_index, prepare_index)
            finally:
                os._exit(0)
        theirs.close()
        self._conn, self._pid = ours, pid

    def body(self):
        return self.make_body() if self._conn is None else self._receive()

    def index(self, pages: PageMap):
        if self._conn is None:
            return self.make_index(pages)
        self._conn.send((pages.anchors, pages.labels))
        return self._receive()

    def _receive(self):
        try:
            kind, *value = self._conn.recv()
        except EOFError:
            raise EditionError("the XSLT helper process died") from None
        if kind == "error":
            raise EditionError(*value)
        if kind == "crash":
            raise RuntimeError(f"in the XSLT helper process: {value[0]}")
        return value[0]

    def close(self) -> None:
        """Let the helper go (it ends when its pipe closes) and reap it."""
        if self._conn is not None:
            self._conn.close()
            os.waitpid(self._pid, 0)
            self._conn = None

    def __enter__(self) -> "PrintHtml":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _serve(conn, make_body, make_index, prepare_index) -> None:
    """The helper: the body's HTML at once, then the index's for the page map it is sent."""
    try:
        conn.send(("html", make_body()))
        prepare_index()
        anchors, labels = conn.recv()
        conn.send(("html", make_index(PageMap(anchors, labels))))
    except EOFError:  # the builder stopped before the index (an error, or interrupted)
        pass
    except EditionError as exc:
        conn.send(("error", exc.message, exc.place))
    except Exception as exc:  # a bug: reported by the builder as an internal error
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))


# --- results kept across runs ---------------------------------------------------


def remembered(path: Path, inputs: list[Path], values: dict, make: Callable[[], str]) -> str:
    """``make()``, or what it returned before for the same ``inputs`` (files, by content) and
    ``values``: ``path`` holds the last result and the sha256 key of what it was made from."""
    return remembered_under(path, inputs_key(inputs, values), make)


def remembered_under(path: Path, key: str, make: Callable[[], str]) -> str:
    """``make()``, or what it returned before under ``key`` (``remembered`` for a caller that
    has the key already)."""
    kept = last_result(path)
    if kept is not None and kept[0] == key:
        return kept[1]
    text = make()
    write_text_atomic(path, json.dumps({"key": key, "text": text}, ensure_ascii=False))
    return text


def recalled(path: Path, inputs: list[Path], values: dict) -> str | None:
    """What ``remembered`` keeps in ``path`` for these ``inputs`` and ``values``, or None."""
    kept = last_result(path)
    return kept[1] if kept is not None and kept[0] == inputs_key(inputs, values) else None


def last_result(path: Path) -> tuple[str, str] | None:
    """The key and the text that ``remembered`` last kept in ``path``, if any."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        return kept["key"], kept["text"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remembered_transform(path: Path, context, name: str, params: dict, out: Path) -> str:
    """``stylesheet(name).transform`` of the edition's master with ``params``, its secondary
    results written into ``out`` and its principal result returned, as they came from the
    same inputs before (the XSLT's inputs, the stylesheet, the parameters, Saxon's version):
    ``path`` holds them.  File contents are kept as text (surrogateescape keeps any byte
    that is not UTF-8)."""
    from ..xslt import stylesheet

    def make() -> str:
        with tempfile.TemporaryDirectory(prefix="xslt-") as tmp:
            folder = Path(tmp)
            result = stylesheet(name).transform(context.xdm, params, folder)
            files = {p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8", "surrogateescape")
                     for p in sorted(folder.rglob("*")) if p.is_file()}
        return json.dumps({"result": result, "files": files})

    values = {"saxon": saxon_version(), "stylesheet": name, "params": params}
    made = json.loads(remembered(path, [*xslt_inputs(context.edition.tei_path), Path(__file__)], values, make))
    for relative, text in made["files"].items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8", "surrogateescape"))
    return made["result"]


def inputs_key(inputs: list[Path], values: dict) -> str:
    digest = hashlib.sha256(json.dumps(values, sort_keys=True).encode())
    for path in inputs:
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for file in files:
            data = file.read_bytes()
            digest.update(f"\0{file.relative_to(path.parent)}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def xslt_inputs(tei: Path) -> list[Path]:
    """What an XSLT result is made from: the TEI, every stylesheet, and the code that runs them."""
    code = Path(__file__).parents[1]
    return [tei, data_dir("xslt"), code / "xslt.py", code / "xmlio.py"]


def saxon_version() -> str:
    import saxonche

    return saxonche.__version__


def ranks_inputs() -> list[Path]:
    """What the collation ranks are made from besides the XSLT's inputs: pyuca's table
    (the Default Unicode Collation Element Table) and code, and ours."""
    import pyuca.collator

    code = Path(pyuca.collator.__file__)
    return [code, code.parent / f"allkeys-{pyuca.Collator.UCA_VERSION}.txt", Path(__file__).parents[1] / "collation.py"]
