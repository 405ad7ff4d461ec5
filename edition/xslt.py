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
from urllib.parse import unquote, urlparse

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor, PyXdmNode

from .errors import EditionError
from .resources import data_dir
from .xmlio import parse_xml, safe_parser

UNHANDLED_RE = re.compile(r"UNHANDLED (\S+) at (\S+)")


# Saxon may read local files only (no http, ftp, jar: ...), and never a DOCTYPE:
# a document() or unparsed-text() call cannot reach the network, and no XML that
# Saxon parses itself can smuggle in external entities (XXE) or billion laughs.
_SAXON_SAFETY = {
    "http://saxon.sf.net/feature/allowedProtocols": "file",
    "http://saxon.sf.net/feature/parserFeature?uri=http://apache.org/xml/features/disallow-doctype-decl": "true",
}


@cache
def processor() -> PySaxonProcessor:
    proc = PySaxonProcessor(license=False)
    for name, value in _SAXON_SAFETY.items():
        proc.set_configuration_property(name, value)
    return proc


def xdm_document(path: Path | str) -> PyXdmNode:
    """Parse ``path`` once with our safe parser and hand the tree to Saxon.

    The node can be passed to any number of ``Stylesheet.transform`` calls, so
    builders that share it parse the TEI once.  Its base URI is the file's, so
    relative references and error locations still work.
    """
    path = Path(path).resolve()
    text = etree.tostring(parse_xml(path), encoding="unicode")
    builder = processor().new_document_builder()
    builder.set_base_uri(path.as_uri())
    return builder.parse_xml(xml_text=text)


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

    def transform(self, source: Path | PyXdmNode, params: dict | None = None, output_dir: Path | None = None) -> str:
        """Run on the XML file ``source`` (or a node from ``xdm_document``); returns the principal result.

        Secondary results (``xsl:result-document``) are written under ``output_dir``.
        """
        node = source if isinstance(source, PyXdmNode) else xdm_document(source)
        source = _path_of(node)
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
                result = exe.transform_to_string(xdm_node=node)
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


def _path_of(node: PyXdmNode) -> Path:
    return Path(unquote(urlparse(node.base_uri).path))


def _line_of(source: Path, saxon_path: str) -> str:
    """Turn Saxon's ``path()`` (``/Q{ns}TEI[1]/Q{ns}text[1]``) into ``line:col`` via lxml."""
    steps = re.findall(r"Q\{([^}]*)\}([\w.-]+)\[(\d+)\]", saxon_path)
    xpath = "/" + "/".join(f"*[local-name()='{name}' and namespace-uri()='{ns}'][{n}]" for ns, name, n in steps)
    tree = etree.parse(str(source), safe_parser())
    found = tree.xpath(xpath)
    return f"{found[0].sourceline}:1" if found else "0:0"
