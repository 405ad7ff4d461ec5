"""XSLT 3.0 through saxonche: compile each stylesheet once, run it many times.

Stylesheets report problems with ``xsl:message``.  Any message fails the run
(the tests fail on warnings, so do we); the catch-all templates of
``xslt/common/`` end theirs with ``UNHANDLED <name> at <path()>``, which is
turned into ``file:line:col`` of the TEI element here, since Saxon-HE cannot
report source line numbers itself.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor

from .errors import EditionError
from .resources import data_dir
from .xmlio import safe_parser

UNHANDLED_RE = re.compile(r"UNHANDLED (\S+) at (\S+)")


@cache
def processor() -> PySaxonProcessor:
    return PySaxonProcessor(license=False)


@cache
def stylesheet(relative: str) -> "Stylesheet":
    """The compiled stylesheet ``xslt/<relative>``, compiled once per process."""
    return Stylesheet(data_dir("xslt") / relative)


def _xdm_value(value):
    proc = processor()
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    if isinstance(value, (list, tuple)):
        return proc.make_array([_xdm_value(v) for v in value])
    return proc.make_string_value(str(value))


class Stylesheet:
    def __init__(self, path: Path):
        self.path = path
        compiler = processor().new_xslt30_processor()
        try:
            self._executable = compiler.compile_stylesheet(stylesheet_file=str(path))
        except PySaxonApiError as exc:
            raise EditionError(f"XSLT does not compile: {str(exc).strip()}", str(path)) from None

    def transform(self, source: Path, params: dict | None = None, output_dir: Path | None = None) -> str:
        """Run on the XML file ``source``; returns the principal result as a string.

        Secondary results (``xsl:result-document``) are written under ``output_dir``.
        """
        exe = self._executable
        exe.clear_parameters()
        exe.clear_xsl_messages()
        exe.set_save_xsl_message(True, None)
        for name, value in (params or {}).items():
            exe.set_parameter(name, _xdm_value(value))
        if output_dir is not None:
            exe.set_base_output_uri(Path(output_dir).resolve().as_uri() + "/")
        try:
            with _stderr_captured():
                result = exe.transform_to_string(source_file=str(source))
        except PySaxonApiError as exc:
            raise self._error(source, str(exc)) from None
        messages = self._messages()
        if messages:
            raise EditionError("; ".join(messages), str(self.path))
        return result or ""

    def _messages(self) -> list[str]:
        value = self._executable.get_xsl_messages()
        return [str(item).strip().splitlines()[0] for item in value] if value is not None else []

    def _error(self, source: Path, error: str) -> EditionError:
        messages = self._messages()
        for message in messages:
            match = UNHANDLED_RE.search(message)
            if match:
                return EditionError(
                    f"no template for TEI element <{match.group(1)}> in {self.path.name}",
                    f"{source}:{_line_of(source, match.group(2))}",
                )
        first_line = error.strip().splitlines()[0] if error.strip() else "transform failed"
        return EditionError("; ".join(messages + [first_line]), str(self.path))


@contextlib.contextmanager
def _stderr_captured():
    """SaxonC prints its own copy of every error on file descriptor 2; keep the CLI to one line."""
    with tempfile.TemporaryFile() as sink:
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _line_of(source: Path, saxon_path: str) -> str:
    """Turn Saxon's ``path()`` (``/Q{ns}TEI[1]/Q{ns}text[1]``) into ``line:col`` via lxml."""
    steps = re.findall(r"Q\{([^}]*)\}([\w.-]+)\[(\d+)\]", saxon_path)
    xpath = "/" + "/".join(f"*[local-name()='{name}' and namespace-uri()='{ns}'][{n}]" for ns, name, n in steps)
    tree = etree.parse(str(source), safe_parser())
    found = tree.xpath(xpath)
    return f"{found[0].sourceline}:1" if found else "0:0"
