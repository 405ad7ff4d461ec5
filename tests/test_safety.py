"""Hostile input: XXE, billion laughs, path traversal, script injection, fetches outside the edition."""

from __future__ import annotations

import pytest
from lxml import etree, html

from edition.errors import EditionError
from edition.fetcher import check_url, edition_url_fetcher
from edition.xslt import Stylesheet
from tests.buildkit import ROOT, run, seed_project, visible_files

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&secret;</p></body></text></TEI>
"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol3;</p></body></text></TEI>
"""


@pytest.fixture
def root(tmp_path):
    return seed_project(tmp_path)


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
@pytest.mark.parametrize("gate", ["--no-check", "--verbose"], ids=["builder", "validator-gate"])
def test_hostile_tei_is_refused_before_anything_is_published(root, payload, gate):
    (root / "tei" / "bureaucratism.xml").write_bytes(payload)
    result = run(root, "build", "all", "bureaucratism", gate)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors and all("bureaucratism.xml" in line for line in errors), result.output
    assert "/etc/passwd" not in result.output.replace("file:///etc/passwd", "") and "root:" not in result.output
    assert "Traceback" not in result.output
    assert visible_files(root / "dist") == []


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_hostile_register_is_refused_by_convert(root, payload):
    (root / "tei" / "register.xml").write_bytes(payload)
    line = one_line_error(run(root, "convert", "bureaucratism"))
    assert "register.xml" in line and "DOCTYPE" in line


@pytest.mark.parametrize(
    "args",
    [
        ("build", "all", "../x"),
        ("build", "pdf", "a/b"),
        ("build", "html", ".."),
        ("new", "../escape", str(ROOT / "pyproject.toml")),
    ],
)
def test_slugs_cannot_escape_the_project(root, args):
    line = one_line_error(run(root, *args))
    assert "invalid slug" in line
    assert not (root / "escape").exists() and not (root / "x").exists() and not (root.parent / "escape").exists()


def test_bad_shard_is_one_line(root):
    assert "--shard" in one_line_error(run(root, "build", "all", "--shard", "3/2"))


XSL = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><r><xsl:value-of select="{expr}"/></r></xsl:template>
</xsl:stylesheet>"""


@pytest.mark.parametrize("expr", ["doc('http://example.invalid/x.xml')", "unparsed-text('https://example.invalid/x')"])
def test_saxon_refuses_network_fetches(tmp_path, expr):
    sheet = tmp_path / "fetch.xsl"
    sheet.write_text(XSL.format(expr=expr))
    with pytest.raises(EditionError, match="prohibited"):
        Stylesheet(sheet).transform(ROOT / "tests" / "data" / "sample.xml")


def test_saxon_refuses_doctype_in_documents_it_loads(tmp_path):
    (tmp_path / "evil.xml").write_bytes(XXE)
    sheet = tmp_path / "fetch.xsl"
    sheet.write_text(XSL.format(expr="doc('evil.xml')"))
    with pytest.raises(EditionError, match="DOCTYPE is disallowed"):
        Stylesheet(sheet).transform(ROOT / "tests" / "data" / "sample.xml")


def test_url_check_allows_only_the_editions_files(tmp_path):
    roots = [tmp_path]
    check_url((tmp_path / "style.css").as_uri(), roots)
    check_url("data:text/css,p{}", roots)
    for url in ("http://example.invalid/a.css", "https://example.invalid/font.woff", "ftp://x/y", "file:///etc/passwd"):
        with pytest.raises(EditionError, match="refused to fetch"):
            check_url(url, roots)
    with pytest.raises(EditionError, match="outside"):
        check_url((tmp_path / ".." / "other" / "x.css").as_uri(), roots)


@pytest.mark.parametrize("src", ["http://example.invalid/logo.png", "file:///etc/passwd"])
def test_weasyprint_fetcher_stops_the_render(seed, src):
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    page = HTML(string=f'<p>x</p><img src="{src}">', base_url=str(seed.project.root), url_fetcher=edition_url_fetcher(seed))
    with pytest.raises(FatalURLFetchingError, match="refused to fetch"):
        page.render()


INJECTION = '<script>alert("pwned")</script> & "quotes" \'single\' <img src=x onerror=alert(2)>'


def _inject(root) -> None:
    """Put the payload in a paragraph of the text and in a register note of the master."""
    path = root / "tei" / "bureaucratism.xml"
    tree = etree.parse(str(path))
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    first_p = tree.find(".//tei:body//tei:p", ns)
    first_p.text = INJECTION + (first_p.text or "")
    note = tree.find(".//tei:standOff//tei:note", ns)
    note.text = INJECTION
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)


@pytest.mark.slow
def test_html_escapes_text_from_sources_and_register(root):
    _inject(root)
    result = run(root, "build", "html", "bureaucratism", "--no-check")
    assert result.exit_code == 0, result.output
    pages = [p for p in (root / "dist" / "bureaucratism" / "html").rglob("*.html")]
    assert pages
    seen = 0
    for page in pages:
        doc = html.fromstring(page.read_bytes())
        assert not [s for s in doc.iter("script") if "pwned" in (s.text or "")], page
        assert not doc.xpath("//*[@onerror]"), page
        seen += sum('<script>alert("pwned")</script>' in t for t in doc.itertext())
    assert seen >= 2, "the payload should appear as text in the text page and the register page"
