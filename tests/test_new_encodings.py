"""`edition new` on a text as downloaded in its own encoding: stored as UTF-8, provenance kept."""

from __future__ import annotations

import hashlib
import shutil
import tomllib

import pytest
from lxml import etree

from edition import gutenberg
from edition.convert.source import read_source
from tests.buildkit import ROOT, run
from tests.test_lossless import _normalise, _text_of

HEADER = ("The Project Gutenberg EBook of Candide, by Voltaire\r\n\r\nTitle: Candide\r\n\r\nAuthor: Voltaire\r\n\r\n"
          "Language: French\r\n\r\nCharacter set encoding: {}\r\n\r\n"
          "*** START OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***\r\n\r\n")
BOOK = ("CANDIDE\r\n\r\nCHAPITRE I.\r\n\r\nIl y avait en Westphalie, dans le château de M. le baron, un jeune garçon. "
        "« Tout est au mieux », disait Pangloss; la Straße était belle.\r\n\r\n"
        "CHAPITRE II.\r\n\r\nCandide, chassé du paradis terrestre, marcha longtemps sans savoir où.\r\n\r\n")
END = "*** END OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***\r\n"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    (root / "tei").mkdir(parents=True)
    shutil.copy(ROOT / "tei" / "register.xml", root / "tei" / "register.xml")
    return root


def _file(tmp_path, text: str, encoding: str):
    path = tmp_path / "4650-8.txt"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_declared_latin1_file_is_stored_as_utf8_and_converts_losslessly(project, tmp_path):
    text = HEADER.format("ISO-8859-1") + BOOK + END
    path = _file(tmp_path, text, "latin-1")
    result = run(project, "new", "candide", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"read {path} as ISO-8859-1 (declared in its header), stored as UTF-8"
    stored = project / "sources" / "candide" / "4650-8.txt"
    assert stored.read_bytes() == text.encode("utf-8")
    assert all(c in stored.read_text(encoding="utf-8") for c in "éßçù«»")
    settings = tomllib.loads((project / "sources" / "candide" / "edition.toml").read_text(encoding="utf-8"))
    received_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert settings["source"]["received_encoding"] == "ISO-8859-1"
    assert settings["source"]["received_sha256"] == received_sha
    assert settings["edition"]["title"] == "Candide" and settings["edition"]["language"] == "fr"
    assert run(project, "convert", "candide").exit_code == 0
    tree = etree.parse(str(project / "tei" / "candide.xml"))
    source = read_source(stored, "stored").text
    start, end = gutenberg.edition_span(source)
    assert _text_of(tree) == _normalise(source[start:end])
    note = tree.xpath("//t:sourceDesc/t:bibl[@type='original']/t:note", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert f"Received as ISO-8859-1 (sha256 {received_sha} of the file as received)" in note[0].text


def test_latin1_with_bytes_0x80_0x9f_is_read_as_windows_1252(project, tmp_path):
    text = HEADER.format("ISO Latin-1") + BOOK.replace("« Tout est au mieux »", "\u201cTout est au mieux\u201d") + END
    path = _file(tmp_path, text, "cp1252")
    assert b"\x93" in path.read_bytes() and b"\x94" in path.read_bytes()
    result = run(project, "new", "candide", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"read {path} as Windows-1252 (declared ISO Latin-1 in its header")
    stored = (project / "sources" / "candide" / "4650-8.txt").read_bytes().decode("utf-8")
    assert "\u201cTout est au mieux\u201d" in stored and stored == text


def test_a_utf16_file_with_a_bom_is_stored_as_utf8(project, tmp_path):
    path = _file(tmp_path, "\ufeff" + BOOK, "utf-16-le")
    result = run(project, "new", "candide", str(path))
    assert result.exit_code == 0, result.output
    assert (project / "sources" / "candide" / "4650-8.txt").read_bytes() == BOOK.encode("utf-8")


def test_a_utf8_file_is_copied_byte_for_byte_without_a_note(project, tmp_path):
    path = _file(tmp_path, HEADER.format("UTF-8") + BOOK + END, "utf-8")
    result = run(project, "new", "candide", str(path))
    assert result.exit_code == 0 and not result.output.startswith("read ")
    assert (project / "sources" / "candide" / "4650-8.txt").read_bytes() == path.read_bytes()
    assert "received_encoding" not in (project / "sources" / "candide" / "edition.toml").read_text(encoding="utf-8")


def test_undeclared_latin1_is_refused_at_its_first_bad_byte_until_given_with_encoding(project, tmp_path):
    path = _file(tmp_path, BOOK, "latin-1")
    refused = run(project, "new", "candide", str(path))
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    assert refused.output.startswith(f"error: {path}:5:37: not UTF-8 (byte 0xe2)") and "--encoding" in refused.output
    assert not (project / "sources").exists()
    given = run(project, "new", "candide", str(path), "--encoding", "latin-1")
    assert given.exit_code == 0, given.output
    assert given.output.startswith(f"read {path} as ISO-8859-1 (given with --encoding)")
    assert (project / "sources" / "candide" / "4650-8.txt").read_bytes() == BOOK.encode("utf-8")


@pytest.mark.parametrize("args, message", [
    (("--encoding", "nonsense"), "unknown text encoding 'nonsense'"),
    (("--encoding", "hex"), "unknown text encoding 'hex'"),  # a codec, but not of text
    ((), "declares the encoding 'Klingon-8'"),
])
def test_an_unknown_encoding_is_refused_in_one_line_and_nothing_is_written(project, tmp_path, args, message):
    path = _file(tmp_path, HEADER.format("Klingon-8") + BOOK + END, "latin-1")
    result = run(project, "new", "candide", str(path), *args)
    assert result.exit_code == 1 and result.output.startswith("error: ") and result.output.count("\n") == 1
    assert message in result.output
    assert not (project / "sources").exists()


def test_convert_still_refuses_a_project_source_edited_into_latin1(project, tmp_path):
    path = _file(tmp_path, BOOK, "utf-8")
    assert run(project, "new", "candide", str(path)).exit_code == 0
    (project / "sources" / "candide" / "4650-8.txt").write_bytes(BOOK.encode("latin-1"))
    result = run(project, "convert", "candide")
    assert result.exit_code == 1 and "not UTF-8 (byte 0xe2); save the text as UTF-8" in result.output
    assert not (project / "tei" / "candide.xml").exists()


def test_a_file_that_is_not_what_its_header_declares_is_refused_at_the_byte(project, tmp_path):
    path = _file(tmp_path, HEADER.format("ASCII") + BOOK + END, "latin-1")  # Gutenberg headers do say ASCII wrongly
    result = run(project, "new", "candide", str(path))
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith(f"error: {path}:17:37: not ASCII (byte 0xe2), though declared in its header")
    assert "--encoding" in result.output and not (project / "sources").exists()
