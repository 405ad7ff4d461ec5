"""The text as a user received it, in its own encoding: ``edition new`` stores it as UTF-8.

A Project Gutenberg "-8.txt" file is Latin-1 and says so in its header
(``Character set encoding: ISO-8859-1``); a file saved by Windows may be UTF-16
with a byte-order mark.  ``new`` decodes such a file with the encoding it
declares (or the one the user gives with ``--encoding``) and stores it as UTF-8,
so ``convert`` and the round trip read UTF-8 as always.  A file that is neither
UTF-8 nor declares its encoding is refused at its first bad byte.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass

from .convert.source import byte_place
from .errors import EditionError
from .gutenberg import declared_encoding

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Names Gutenberg headers use that Python's codec registry does not know.
_ALIASES = {"iso latin-1": "latin-1", "iso latin 1": "latin-1", "iso-latin-1": "latin-1"}
_SHOWN = {"iso8859-1": "ISO-8859-1", "cp1252": "Windows-1252", "utf-16": "UTF-16", "ascii": "ASCII", "utf-8": "UTF-8"}


@dataclass(frozen=True)
class Transcoded:
    """A file decoded from another encoding: its UTF-8 bytes and where they came from."""

    data: bytes       # the text as UTF-8
    encoding: str     # the file's encoding, e.g. "ISO-8859-1"
    why: str          # "declared in its header", "given with --encoding"…
    sha256: str       # of the file's bytes as received

    def note(self, shown: str) -> str:
        return f"read {shown} as {self.encoding} ({self.why}), stored as UTF-8"

    def description(self) -> str:
        return (f"Received as {self.encoding} (sha256 {self.sha256} of the file as received); "
                "converted to UTF-8, character for character, by edition new.")


def codec(name: str) -> str:
    """Python's name of the encoding ``name``; a one-line error when there is none."""
    try:
        found = codecs.lookup(_ALIASES.get(name.strip().lower(), name.strip())).name
        bytes(4).decode(found, "ignore")  # LookupError for a codec that is not a text encoding ("hex")
        return found
    except LookupError:
        raise EditionError(f"unknown text encoding {name!r}: give one such as utf-8, latin-1, cp1252, utf-16") from None


def transcode(data: bytes, shown: str, encoding: str | None = None) -> Transcoded | None:
    """The file as UTF-8 when it is in another encoding (given, a UTF-16 BOM, or declared in a
    Gutenberg header); None when its bytes are to be kept as they are (UTF-8, or a binary file
    that reading the source refuses)."""
    if encoding:
        return _decoded(data, shown, codec(encoding), "given with --encoding")
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        bad = exc.start
    if data.startswith(_UTF16_BOMS):
        return _decoded(data, shown, "utf-16", "its byte-order mark says so")
    if b"\x00" in data:
        return None
    declared = declared_encoding(data.decode("latin-1"))
    if declared:
        try:
            name = codec(declared)
        except EditionError:
            raise EditionError(f"its header declares the encoding {declared!r}, which is unknown; give the "
                               "file's encoding with --encoding (e.g. --encoding latin-1)", shown) from None
        if name == "iso8859-1" and re.search(b"[\x80-\x9f]", data) and _fits(data, "cp1252"):
            return _decoded(data, shown, "cp1252", f"declared {declared} in its header, but its bytes 0x80-0x9F are Windows-1252 characters")
        return _decoded(data, shown, name, "declared in its header")
    raise EditionError(f"not UTF-8 (byte 0x{data[bad]:02x}) and no encoding declared; give the file's encoding "
                       "with --encoding (e.g. --encoding latin-1) or save the text as UTF-8", byte_place(data, bad, shown))


def _fits(data: bytes, name: str) -> bool:
    try:
        data.decode(name)
        return True
    except UnicodeDecodeError:
        return False


def _decoded(data: bytes, shown: str, name: str, why: str) -> Transcoded | None:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        place = shown if name.startswith(("utf-16", "utf-32")) else byte_place(data, exc.start, shown)
        raise EditionError(f"not {_SHOWN.get(name, name)} (byte 0x{data[exc.start]:02x}), though {why}; "
                           "give the file's encoding with --encoding", place) from None
    utf8 = text.encode("utf-8")
    if utf8 == data:  # ASCII: nothing to convert
        return None
    return Transcoded(utf8, _SHOWN.get(name, name.upper()), why, hashlib.sha256(data).hexdigest())
