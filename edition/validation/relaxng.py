"""RELAX NG layers: jing (Java) for the large tei_all, lxml for the small project schema.

lxml needs several seconds to compile tei_all; jing loads and applies it in
about half a second, so tei_all goes to jing whenever a Java runtime and the
jing jar are installed, and to lxml otherwise (slow but complete).
``EDITION_RNG_ENGINE=jing|lxml`` forces one engine.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

from lxml import etree

from ..errors import EditionError
from .document import Document
from .findings import Finding

JING_JARS = (Path("/usr/share/java/jing.jar"),)  # Debian's jing package
# Start-up flags that halve the JVM's time for a short run; nothing is kept warm.
JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto")
JING_MAIN = "com.thaiopensource.relaxng.util.Driver"
_JING_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|fatal): (?P<message>.*)$")
_LONG_EXPECTED = re.compile(r"; expected (?P<names>.*)$")


def engine() -> str:
    """The engine for tei_all: ``jing`` when it can run here, else ``lxml``."""
    forced = os.environ.get("EDITION_RNG_ENGINE", "")
    if forced not in ("", "jing", "lxml"):
        raise EditionError(f"EDITION_RNG_ENGINE must be jing or lxml, not {forced!r}")
    if forced == "lxml" or (not forced and _jing_command() is None):
        return "lxml"
    if _jing_command() is None:
        raise EditionError("EDITION_RNG_ENGINE=jing but jing is not installed (Debian: apt-get install jing)")
    return "jing"


@functools.cache
def _jing_command() -> tuple[str, ...] | None:
    java = shutil.which("java")
    jar = next((jar for jar in JING_JARS if jar.is_file()), None)
    if java and jar:
        return (java, *JVM_FLAGS, "-cp", str(jar), JING_MAIN)
    wrapper = shutil.which("jing")
    return (wrapper,) if wrapper else None


class JingRun:
    """One jing process validating many files, started at once; read with ``findings(doc)``."""

    def __init__(self, schema: Path, schema_name: str, documents: list[Document]):
        self.schema_name = schema_name
        self.process = None
        self.faults: dict[str, list[tuple[int, int, str, str]]] | None = None
        files = sorted({str(doc.path.resolve()) for doc in documents})
        if files:
            command = (*_jing_command(), str(schema), *files)
            self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def stop(self) -> None:
        """End the process early (the run failed elsewhere), so no orphan JVM is left behind."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()

    def findings(self, doc: Document) -> list[Finding]:
        if self.faults is None:
            self.faults = self._wait()
        return [
            Finding(doc.label, line, column, severity, self.schema_name, "relaxng", message)
            for line, column, severity, message in self.faults.get(str(doc.path.resolve()), [])
        ]

    def _wait(self) -> dict[str, list[tuple[int, int, str, str]]]:
        """jing's report, per resolved file path: (line, column, severity, message)."""
        if self.process is None:
            return {}
        out, err = self.process.communicate()
        if self.process.returncode not in (0, 1):
            raise EditionError(f"jing failed (exit {self.process.returncode}): {err.strip() or out.strip()}")
        faults: dict[str, list[tuple[int, int, str, str]]] = {}
        for line in out.splitlines():
            match = _JING_LINE.match(line)
            if not match:
                raise EditionError(f"jing: {line}")
            message = _shorten(match["message"])
            # jing's second line for a duplicate ID only points back to the first use.
            severity = "info" if message.startswith("first occurrence of ID") else match["severity"].replace("fatal", "error")
            faults.setdefault(match["file"], []).append((int(match["line"]), int(match["column"]), severity, message))
        return faults


def _shorten(message: str) -> str:
    """tei_all allows some 200 elements in a paragraph; a list that long helps nobody."""
    expected = _LONG_EXPECTED.search(message)
    if expected and expected["names"].count('"') > 20:
        count = expected["names"].count('"') // 2
        return f"{message[: expected.start()]}; expected one of {count} elements or text"
    return message


@functools.cache
def compiled(schema: Path) -> etree.RelaxNG:
    """The schema compiled by lxml, once per process."""
    from ..xmlio import parse_xml

    try:
        return etree.RelaxNG(parse_xml(schema))
    except etree.RelaxNGParseError as exc:
        raise EditionError(f"cannot compile RELAX NG schema: {exc}", str(schema)) from None


def lxml_findings(schema: Path, schema_name: str, doc: Document) -> list[Finding]:
    """Validate with lxml; one finding per node (libxml2 reports a fault and its echo on the parent)."""
    validator = compiled(schema)
    if validator.validate(doc.tree):
        return []
    findings, seen = [], set()
    for entry in validator.error_log:
        if (entry.line, entry.path) in seen:
            continue
        seen.add((entry.line, entry.path))
        line, column = _locate(doc, entry)
        findings.append(Finding(doc.label, line, column, "error", schema_name, "relaxng", entry.message))
    return findings


def _locate(doc: Document, entry) -> tuple[int, int]:
    try:
        nodes = doc.tree.xpath(entry.path) if entry.path else []
    except etree.XPathError:
        nodes = []
    if nodes and isinstance(nodes[0], etree._Element):
        return doc.position(nodes[0])
    return entry.line, entry.column
