"""Safe XML parsing and atomic file writing, used by every stage.

XML is always parsed with entity expansion, DTD loading and network access
off, so XXE and billion-laughs inputs fail with a clear error.  Every output
is written to a temporary file beside its target and renamed into place, so
an interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from lxml import etree

from .errors import EditionError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS}


def safe_parser(**options) -> etree.XMLParser:
    """An lxml parser that never expands entities, loads DTDs or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        **options,
    )


def parse_xml(path: Path | str, data: bytes | None = None, **options) -> etree._ElementTree:
    """Parse ``path`` safely (or ``data``, its bytes already read); a malformed or hostile file raises EditionError."""
    path = Path(path)
    try:
        if data is None:
            tree = etree.parse(str(path), safe_parser(**options))
        else:
            tree = etree.fromstring(data, safe_parser(**options), base_url=str(path)).getroottree()
    except OSError as exc:
        raise EditionError(f"cannot read XML: {exc}", str(path)) from None
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise EditionError(exc.msg, f"{path}:{line}:{col}") from None
    _refuse_doctype_entities(tree, path)
    return tree


def _refuse_doctype_entities(tree: etree._ElementTree, path: Path) -> None:
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise EditionError("DOCTYPE declarations are not accepted (entities and DTDs are refused)", f"{path}:1:1")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _usual_mode(path: Path) -> None:
    """Temporary files and folders are created private (0600/0700); outputs get the usual modes."""
    os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~_umask())


def usual_modes(root: Path) -> None:
    """The usual modes for ``root`` and everything under it (tools that make private
    temporary folders, such as bagit's data/, leave them 0700)."""
    _usual_mode(root)
    for path in root.rglob("*"):
        _usual_mode(path)


@contextlib.contextmanager
def atomic_path(target: Path | str):
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        _usual_mode(tmp_path)
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_bytes_atomic(target: Path | str, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(target: Path | str, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


@contextlib.contextmanager
def atomic_dir(target: Path | str):
    """Yield a fresh temporary folder; it replaces ``target`` as a whole on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield tmp
        _usual_mode(tmp)
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
