"""Validation reports: text for people, JSON for scripts, JUnit XML for CI systems.

Every format carries the same facts: the findings (file, line, column,
severity, schema, rule, message), each file's layers (passed, failed or
skipped, and by which engine) and a summary.  No timings, so a report of the
same files is the same bytes every time (the BagIt package keeps reports).
"""

from __future__ import annotations

import json

from lxml import etree

from .findings import FileResult

SCHEMA_TITLES = {
    "xml": "readable, well-formed XML",
    "tei_all": "TEI P5 tei_all.rng (4.3.0)",
    "edition.rng": "project schema tei/schema/edition.rng",
    "edition.sch": "project rules tei/schema/edition.sch",
}


def summary(results: list[FileResult]) -> dict:
    findings = [f for result in results for f in result.findings]
    return {
        "files": len(results),
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "valid": all(result.valid for result in results),
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary_line(results: list[FileResult]) -> str:
    s = summary(results)
    return f"{_plural(s['files'], 'file')}, {_plural(s['errors'], 'error')}, {_plural(s['warnings'], 'warning')}"


def as_text(results: list[FileResult]) -> str:
    lines = []
    for result in results:
        lines += [finding.as_text() for finding in result.findings]
        skipped = sorted({layer.skipped for layer in result.layers.values() if layer.skipped and not result.layers["xml"].findings})
        lines += [f"{result.file}: note: {reason}" for reason in skipped]
    return "\n".join([*lines, summary_line(results)]) + "\n"


def as_json(results: list[FileResult]) -> str:
    report = {
        "summary": summary(results),
        "files": [
            {
                "file": result.file,
                "valid": result.valid,
                "layers": [
                    {"schema": layer.schema, "status": layer.status, "engine": layer.engine, "skipped": layer.skipped}
                    for layer in result.layers.values()
                ],
            }
            for result in results
        ],
        "findings": [finding.as_dict() for result in results for finding in result.findings],
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def as_junit(results: list[FileResult]) -> str:
    """A testsuite per file, a testcase per layer; each error is a line of the failure's text."""
    s = summary(results)
    suites = etree.Element("testsuites", name="edition validate", tests=str(4 * len(results)))
    failures = skipped = 0
    for result in results:
        suite = etree.SubElement(suites, "testsuite", name=result.file, tests=str(len(result.layers)))
        for layer in result.layers.values():
            case = etree.SubElement(suite, "testcase", name=f"{layer.schema}: {SCHEMA_TITLES[layer.schema]}", classname=result.file)
            _fill_case(case, layer)
        suite.set("failures", str(sum(layer.status == "failed" for layer in result.layers.values())))
        suite.set("skipped", str(sum(layer.status == "skipped" for layer in result.layers.values())))
        suite.set("errors", "0")
        failures += int(suite.get("failures"))
        skipped += int(suite.get("skipped"))
    suites.set("failures", str(failures))
    suites.set("skipped", str(skipped))
    suites.set("errors", "0")
    suites.append(etree.Comment(f" {summary_line(results)}{'' if s['valid'] else ' (invalid)'} "))
    etree.indent(suites, space="  ")
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8").decode("utf-8") + "\n"


def _fill_case(case: etree._Element, layer) -> None:
    if layer.skipped:
        etree.SubElement(case, "skipped", message=layer.skipped)
        return
    text = "\n".join(finding.as_text() for finding in sorted(layer.findings))
    if layer.errors:
        failure = etree.SubElement(case, "failure", message=f"{_plural(layer.errors, 'error')}", type=layer.schema)
        failure.text = text
    elif text:
        etree.SubElement(case, "system-out").text = text


FORMATS = {"text": as_text, "json": as_json, "junit": as_junit}
