"""``edition validate``: TEI P5 tei_all, the project schema and the project's Schematron rules.

Any TEI file is checked against tei_all.  The project schema (edition.rng)
and rules (edition.sch) apply to edition masters only: files whose header
names this tool in ``appInfo`` (``edition convert`` writes it); for other
files those layers are reported as skipped.  jing checks tei_all in a
background process while lxml runs the project layers, so the two overlap.
"""

from __future__ import annotations

from pathlib import Path

import click

from .project import Project
from .resources import data_dir
from .validation import relaxng, report
from .validation.document import Document, load
from .validation.findings import FileResult
from .validation.schematron import schematron_findings

NOT_OURS = "project schema and rules skipped: not an edition master (no appInfo application ident=\"edition\")"
NOT_PARSED = "not checked: the file is not readable, well-formed XML"


def schema_path(name: str) -> Path:
    """A shipped schema: tei_all.rng, edition.rng or edition.sch."""
    return data_dir("schema") / name


def validate_files(files: list[Path]) -> list[FileResult]:
    """Validate every file with every layer that applies; findings, never exceptions, for bad files."""
    results, documents = [], []
    for path in files:
        result = FileResult.new(str(path))
        loaded = load(path)
        results.append(result)
        if isinstance(loaded, Document):
            documents.append((result, loaded))
        else:
            result.layers["xml"].findings.append(loaded)
            result.skip(NOT_PARSED, "tei_all", "edition.rng", "edition.sch")
    _run_layers(documents)
    return results


def _run_layers(documents: list[tuple[FileResult, Document]]) -> None:
    """tei_all on every document, the project layers on ours; lxml works while jing runs."""
    engine = relaxng.engine()
    tei_all = schema_path("tei_all.rng")
    jing = relaxng.JingRun(tei_all, "tei_all", [doc for _, doc in documents]) if engine == "jing" else None
    try:
        for result, doc in documents:
            result.layers["xml"].engine = "lxml"
            result.layers["tei_all"].engine = engine
            _project_layers(result, doc)
            if jing is None:
                result.layers["tei_all"].findings += relaxng.lxml_findings(tei_all, "tei_all", doc)
    except BaseException:
        if jing is not None:
            jing.stop()
        raise
    for result, doc in documents if jing is not None else ():
        result.layers["tei_all"].findings += jing.findings(doc)


def _project_layers(result: FileResult, doc: Document) -> None:
    if not doc.is_edition_master:
        result.skip(NOT_OURS, "edition.rng", "edition.sch")
        return
    rng, sch = result.layers["edition.rng"], result.layers["edition.sch"]
    rng.engine = sch.engine = "lxml"
    rng.findings += relaxng.lxml_findings(schema_path("edition.rng"), "edition.rng", doc)
    sch.findings += schematron_findings(schema_path("edition.sch"), "edition.sch", doc)


def validate_command(files: list[Path], fmt: str, project: Project) -> int:
    """Print the report in ``fmt`` (text, json, junit); exit status 0 when every file is valid.

    ``project`` is unused: the schemas ship with the tool, so any file anywhere can be checked.
    """
    results = validate_files(files)
    click.echo(report.FORMATS[fmt](results), nl=False)
    return 0 if all(result.valid for result in results) else 1
