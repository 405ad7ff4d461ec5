"""Bad input through the command line: one line on stderr, exit 1, no output file.

Or, where the input is fine after all (BOM, CRLF, markup characters, a large
text), correct output.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from tests.test_convert_helpers import SAMPLE, make_project


def _convert(project):
    result = CliRunner().invoke(main, ["--project", str(project.root), "convert", "sample"])
    return result, project.root / "tei" / "sample.xml"


def _fails(project, *needles: str) -> str:
    result, out = _convert(project)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: sources/sample/text.txt"), result.stderr
    assert all(n in lines[0] for n in needles), lines[0]
    assert not out.exists() and not list(out.parent.glob(".sample.xml*"))
    return lines[0]


@pytest.mark.parametrize(
    ("data", "needles"),
    [
        (b"", ("the source text is empty",)),
        (b"  \n\n \t\n", ("the source text is empty",)),
        (bytes(range(256)) * 4, ("text.txt:1:1:", "NUL byte: a binary file")),
        (b"Title\n\nA bell \x07 rings.\n", ("text.txt:3:8:", "control character U+0007")),
        (b"Title\n\nA line\nwith caf\xe9 in Latin-1.\n", ("text.txt:4:9:", "not UTF-8 (byte 0xe9)")),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ("text.txt:3:1:", "NUL byte")),
        (b"Only a title\n", ("no text after the title",)),
    ],
    ids=["empty", "blank", "binary", "bell", "latin1", "png", "title-only"],
)
def test_refused_with_one_line(tmp_path, data, needles):
    _fails(make_project(tmp_path, data), *needles)


def test_bom_and_crlf_are_read_and_declared(tmp_path):
    data = ("\ufeff" + SAMPLE.replace("\n", "\r\n")).encode("utf-8")
    result, out = _convert(make_project(tmp_path, data))
    assert result.exit_code == 0, result.output
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    tree = etree.parse(str(out))
    assert tree.xpath("string(//t:titlePart)", namespaces=ns) == "A Walk in London"
    assert "\r" not in out.read_text(encoding="utf-8")
    assert "byte-order mark was dropped" in tree.xpath("string(//t:normalization)", namespaces=ns)


def test_markup_characters_stay_text(tmp_path):
    result, out = _convert(make_project(tmp_path))
    assert result.exit_code == 0
    xml = out.read_text(encoding="utf-8")
    assert "with care &amp; patience, while &lt;others&gt; waited" in xml


def test_unpaired_quote_warns_with_place_and_converts(tmp_path):
    text = SAMPLE.replace("cheered \"Liberty!\" and", "cheered \"Liberty! and")
    result, out = _convert(make_project(tmp_path, text))
    assert result.exit_code == 0
    assert "warning: sources/sample/text.txt:14:29: unpaired double quote left as a character" in result.stderr
    assert 'cheered "Liberty! and' in out.read_text(encoding="utf-8")


def test_bad_correction_is_one_line_and_no_file(tmp_path):
    project = make_project(tmp_path, extra_toml='[[corrections]]\nsic = "Lodnon"\ncorr = "London"\nreason = "typo"\n')
    result, out = _convert(project)
    assert result.exit_code == 1 and not out.exists()
    assert result.stderr.count("\n") == 1 and "'Lodnon' → 'London' is declared for 1 occurrence(s) but matches 0" in result.stderr


LARGE = """
import sys
from pathlib import Path
from edition.project import Project
from edition.convert import convert_edition
print(convert_edition(Project(Path(sys.argv[1])).edition("sample")).stat().st_size)
"""


@pytest.mark.slow
def test_fifty_megabyte_text(tmp_path):
    # About the markup density of the seed (one name, quote, ellipsis and insertion per paragraph
    # of ~600 characters); every element costs memory in the tree, so density sets the peak.
    plain = "Plain prose without any markup at all, only words and more words to read. " * 7
    section = "Another Part\n\n" + ("Adam Smith said \"markets work\" in London… [and Paris]. " + plain + "\n\n") * 20
    body = section * (50_000_000 // len(section) + 1)
    project = make_project(tmp_path, SAMPLE + "\n" + body + "\nJane Doe\n")
    assert (tmp_path / "sources/sample/text.txt").stat().st_size > 50_000_000
    env = {**os.environ, "PYTHONPATH": str(os.getcwd())}
    run = subprocess.run([sys.executable, "-c", LARGE, str(project.root)], capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert int(run.stdout) > 50_000_000
