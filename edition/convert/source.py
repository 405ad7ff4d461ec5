"""Read the plain-text source: UTF-8 only, no binary, no control characters.

The file is decoded in full (a 50 MB text is 50 MB of str; the TEI tree is the
larger cost).  A byte-order mark is dropped and CRLF/CR line ends become LF;
both facts are recorded so the header can declare them.  Anything that cannot
be a text (NUL bytes, control characters, invalid UTF-8) is refused with the
file, line and column of the first bad character.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import EditionError
from .model import Source

# Characters XML 1.0 cannot hold, plus the C1 controls no real text contains.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def read_source(path: Path, shown: str) -> Source:
    return source_from_bytes(read_bytes(path, shown), shown, path.name)


def read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise EditionError(f"cannot read the source text: {exc.strerror}", shown) from None


def source_from_bytes(data: bytes, shown: str, name: str) -> Source:
    """The Source of a file's bytes (``shown`` names it in errors, ``name`` is its file name)."""
    digest = hashlib.sha256(data).hexdigest()
    nul = data.find(b"\x00")
    if nul >= 0:  # checked before decoding: a binary file is not "bad UTF-8"
        raise EditionError("NUL byte: a binary file, not a plain text", byte_place(data, nul, shown))
    text = _decode(data, shown)
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    crlf = text.count("\r")
    if crlf:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_control_characters(text, shown)
    if not text.strip():
        raise EditionError("the source text is empty", shown)
    return Source(path=shown, name=name, text=text, sha256=digest, newline_fixes=crlf, bom=bom)


def _decode(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the text as UTF-8"
        raise EditionError(message, byte_place(data, exc.start, shown)) from None


def byte_place(data: bytes, at: int, shown: str) -> str:
    """file:line:col of a byte offset (the column counts bytes: the line did not decode)."""
    line = data.count(b"\n", 0, at) + 1
    col = at - (data.rfind(b"\n", 0, at) + 1) + 1
    return f"{shown}:{line}:{col}"


def _refuse_control_characters(text: str, shown: str) -> None:
    bad = _FORBIDDEN.search(text)
    if bad:
        place = Source(path=shown, name="", text=text, sha256="").place(bad.start())
        raise EditionError(f"control character U+{ord(bad.group()):04X}: binary file or not a plain text", place)
