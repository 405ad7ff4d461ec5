"""The shared pieces every stage uses: safe XML, atomic writes, the Saxon wrapper, the CLI's errors."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from edition.cli import main
from edition.errors import EditionError
from edition.resources import data_dir
from edition.xmlio import atomic_dir, parse_xml, write_text_atomic
from edition.xslt import Stylesheet

from .conftest import SAMPLE_TEI

XXE = """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>
"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<lolz>&lol3;</lolz>
"""


@pytest.mark.parametrize("text", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_hostile_xml_is_refused(tmp_path, text):
    path = tmp_path / "bad.xml"
    path.write_text(text)
    with pytest.raises(EditionError, match="DOCTYPE") as info:
        parse_xml(path)
    assert str(info.value).startswith(f"{path}:1:1:")


def test_malformed_xml_names_file_line_and_column(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("<a>\n  <b></a>\n")
    with pytest.raises(EditionError) as info:
        parse_xml(path)
    assert str(info.value).startswith(f"{path}:2:")


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path):
    target = tmp_path / "out.txt"
    write_text_atomic(target, "old")
    with pytest.raises(RuntimeError):
        with atomic_dir(tmp_path / "folder") as tmp:
            (tmp / "half.txt").write_text("half")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert not (tmp_path / "folder").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_dir_replaces_whole_folder(tmp_path):
    target = tmp_path / "site"
    for content in ("first", "second"):
        with atomic_dir(target) as tmp:
            (tmp / f"{content}.html").write_text(content)
    assert [p.name for p in target.iterdir()] == ["second.html"]


def test_shipped_data_is_found():
    assert (data_dir("xslt") / "common" / "main.xsl").is_file()
    assert data_dir("styles").is_dir()
    assert data_dir("schema").is_dir()


def test_unhandled_tei_element_fails_with_its_line(tmp_path):
    sheet = tmp_path / "only-body.xsl"
    sheet.write_text(
        f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
          <xsl:import href="{(data_dir('xslt') / 'common' / 'main.xsl').as_uri()}"/>
          <xsl:template match="/"><out><xsl:apply-templates select="//tei:text"/></out></xsl:template>
          <xsl:template match="tei:text | tei:body"><xsl:apply-templates/></xsl:template>
        </xsl:stylesheet>"""
    )
    front_line = next(n for n, line in enumerate(SAMPLE_TEI.read_text().splitlines(), 1) if "<front>" in line)
    with pytest.raises(EditionError) as info:
        Stylesheet(sheet).transform(SAMPLE_TEI)
    assert str(info.value) == f"{SAMPLE_TEI}:{front_line}:1: no template for TEI element <front> in only-body.xsl"


def test_cli_error_is_one_line_and_exit_1(tmp_path):
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "review", "../escape"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("error: invalid slug")


def test_atomic_outputs_get_the_usual_modes(tmp_path):
    mask = 0o022
    saved = os.umask(mask)
    try:
        write_text_atomic(tmp_path / "out.txt", "x")
        with atomic_dir(tmp_path / "site") as tmp:
            (tmp / "index.html").write_text("x")
    finally:
        os.umask(saved)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o666 & ~mask
    assert (tmp_path / "site").stat().st_mode & 0o777 == 0o777 & ~mask
