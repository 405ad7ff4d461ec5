"""DAISY Ace (the EPUB accessibility checker) finds no violations in the seed EPUB.

Ace comes from npm, installed without its Electron download:
``npm install --ignore-scripts --prefix .cache/ace @daisy/ace``; it drives
Debian's Chromium through Puppeteer and runs offline. ``bash tests/run``
installs it.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from .conftest import ROOT
from .epub_build import build, seed_project, write_pages

ACE = ROOT / ".cache" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
]


def _violations(report: dict) -> list[str]:
    return [f"{doc['earl:testSubject']['url']}: {a['earl:test']['dct:title']} ({a['earl:test']['earl:impact']})"
            for doc in report["assertions"] for a in doc.get("assertions", [])]


def test_ace_reports_no_violations(tmp_path):
    project = seed_project(tmp_path / "project")
    write_pages(project, "bureaucratism")  # with the page-list, so page navigation is checked too
    epub = build(project, "bureaucratism")
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": "/usr/bin/chromium"}
    run = subprocess.run([str(ACE), "--silent", "-f", "-o", str(tmp_path / "ace"), str(epub)],
                         capture_output=True, text=True, env=env, timeout=300, check=False)
    report_path = tmp_path / "ace" / "report.json"
    assert report_path.exists(), run.stderr[-2000:]
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert _violations(report) == []
    assert report["earl:result"]["earl:outcome"] == "pass"
