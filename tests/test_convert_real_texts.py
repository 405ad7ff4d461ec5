"""Shapes of real plain texts, each on a small made-up text: line-end hyphens, heading overrides
in edition.toml, notes and their warnings, endnotes, figures, datelines."""

from __future__ import annotations

import subprocess
import zipfile
from collections import Counter

from lxml import etree

from edition.convert import convert_document
from edition.convert.p55_lines import soft
from edition.xmlio import TEI_NS
from tests.test_convert_helpers import make_project

NS = {"t": TEI_NS}
WRAPPED = """The Stores of Rochdale

Chapter IV
The Stores

The co-
operative stores were a well-
known sight in every town, and the
parson-
power of the parish[1] was waning.

[1] The vicar and his allies.

A sentence with a stray marker [2] and an end.

[Illustration: The store at Rochdale]

D.D.L.
New York, Sept. 12, 1897
"""


# As `edition new` writes it: no role is forced on the blocks after the title.
NEW = "\n[structure]\nbyline = false\npreface = false\ncloser = false\n"


def _convert(tmp_path, text: str = WRAPPED, extra: str = ""):
    toml = NEW + extra if "[structure]" not in extra else extra.replace("[structure]", NEW.strip())
    edition = make_project(tmp_path, text, extra_toml=toml, register=None, title="The Stores of Rochdale").edition("sample")
    warnings: list[str] = []
    return convert_document(edition, warnings).getroot(), warnings


def _xml(node) -> str:
    return etree.tostring(node, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "")


def test_soft_and_hard_line_end_hyphens():
    assert soft("co", "operative", Counter(), "en")
    assert not soft("well", "known", Counter(), "en")
    assert not soft("parson", "power", Counter(), "en")
    assert not soft("co", "operative", Counter({"co-operative": 2}), "en")  # the text's own spelling wins


def test_line_ends_are_encoded_and_the_text_reads_joined(tmp_path):
    tei, _ = _convert(tmp_path)
    p = _xml(tei.xpath("//t:body//t:p", namespaces=NS)[0])
    assert 'co<lb break="no" rend="hyphen"/>operative' in p
    assert 'well-<lb break="no"/>known' in p and 'parson-<lb break="no"/>power' in p
    hyphenation = tei.find(".//{*}hyphenation")
    assert hyphenation.get("eol") == "hard" and "1 words" in "".join(hyphenation.itertext())


def test_chapter_label_and_title_are_one_head_and_the_signature_a_closer(tmp_path):
    tei, _ = _convert(tmp_path)
    (div,) = tei.xpath("//t:body/t:div", namespaces=NS)
    assert " ".join("".join(div.find("t:head", NS).itertext()).split()) == "Chapter IV The Stores"
    closer = div.find("t:closer", NS)
    assert [(etree.QName(c).localname, "".join(c.itertext())) for c in closer] == [
        ("signed", "D.D.L."), ("dateline", "New York, Sept. 12, 1897")]
    figure = div.find("t:figure/t:figDesc", NS)
    assert "".join(figure.itertext()) == "Illustration: The store at Rochdale"


def test_note_goes_to_its_marker_and_a_stray_marker_is_a_warning(tmp_path):
    tei, warnings = _convert(tmp_path)
    (note,) = tei.xpath("//t:p//t:note", namespaces=NS)
    assert (note.get("n"), note.get("place"), note.get("rend"), note.text) == ("1", "foot", "bracket", "The vicar and his allies.")
    assert tei.xpath("//t:anchor[@type = 'note']/@corresp", namespaces=NS) == [f"#{note.get('{http://www.w3.org/XML/1998/namespace}id')}"]
    assert any(w.endswith("text.txt:14:32: note marker '[2]' without a note text") for w in warnings), warnings


def test_endnotes_are_chosen_in_edition_toml(tmp_path):
    tei, _ = _convert(tmp_path, extra='\n[notes]\nplace = "end"\n')
    assert tei.xpath("//t:note/@place", namespaces=NS) == ["end"]


def test_editor_overrides_heads_and_not_heads(tmp_path):
    text = "Title\n\nFirst Part\n\nSome prose here.\n\nKarl Marx\n\nMore prose follows.\n\nA last remark.\n"
    tei, _ = _convert(tmp_path, text)
    heads = ["".join(h.itertext()) for h in tei.xpath("//t:body//t:head", namespaces=NS)]
    assert heads == ["First Part", "Karl Marx"]
    extra = '\n[structure]\nnot_heads = ["Karl Marx"]\nhead_patterns = ["More prose.*"]\n'
    tei, _ = _convert(tmp_path / "again", text, extra)
    heads = ["".join(h.itertext()) for h in tei.xpath("//t:body//t:head", namespaces=NS)]
    assert heads == ["First Part", "More prose follows."]


def _print_html(tmp_path, extra: str) -> etree._Element:
    """The print stylesheet's HTML (what WeasyPrint typesets) for the made-up text."""
    from lxml import html

    from edition.builders.pdf import xslt_params
    from edition.convert.tei import serialise
    from edition.xslt import stylesheet

    edition = make_project(tmp_path, WRAPPED, extra_toml=NEW + extra, register=None, title="The Stores of Rochdale").edition("sample")
    edition.tei_path.parent.mkdir(parents=True, exist_ok=True)
    edition.tei_path.write_bytes(serialise(convert_document(edition).getroot()))
    return html.fromstring(stylesheet("print/main.xsl").transform(edition.tei_path, xslt_params(edition)).encode())


def test_print_sets_footnotes_or_endnotes(tmp_path):
    foot = _print_html(tmp_path / "foot", "")
    assert [" ".join(s.text_content().split()) for s in foot.xpath("//span[@class = 'footnote'][@id = 'fn1']")] == ["The vicar and his allies."]
    end = _print_html(tmp_path / "end", '\n[notes]\nplace = "end"\n')
    assert not end.xpath("//span[@class = 'footnote'][@id = 'fn1']")
    (ref,) = end.xpath("//a[@role = 'doc-noteref']")
    (note,) = end.xpath("//aside[@class = 'notes']/p[@id = 'fn1']")
    assert ref.get("href") == "#fn1" and note.xpath("a[@role = 'doc-backlink']/@href") == [f"#{ref.get('id')}"]
    assert "The vicar and his allies." in note.text_content()


LETTER = """A Letter

Sir,

I write to you on a matter of some weight, as the note¹ below explains, and as a friend* would.

¹ The matter of the debt.

* Not an enemy.

Yours truly,
John Smith
London, May 2, 1848
"""


def test_letter_closer_and_other_note_forms(tmp_path):
    tei, warnings = _convert(tmp_path, LETTER)
    notes = tei.xpath("//t:p//t:note", namespaces=NS)
    assert [(n.get("n"), n.get("rend"), n.text) for n in notes] == [("1", "sup", "The matter of the debt."), ("*", "symbol", "Not an enemy.")]
    closer = tei.find(".//{*}closer")
    assert [(etree.QName(c).localname, "".join(c.itertext())) for c in closer] == [
        ("salute", "Yours truly,"), ("signed", "John Smith"), ("dateline", "London, May 2, 1848")]


def test_notes_under_a_notes_heading_numbered_1_2(tmp_path):
    text = "Essay\n\nFirst Part\n\nA claim[1] and another[2].\n\nNotes\n\n1. The first source.\n2. The second source.\n"
    tei, warnings = _convert(tmp_path, text)
    notes = tei.xpath("//t:p//t:note", namespaces=NS)
    assert [(n.get("n"), n.get("rend"), n.text) for n in notes] == [("1", "bracket number", "The first source."),
                                                                    ("2", "bracket number", "The second source.")]
    (notes_div,) = tei.xpath("//t:back/t:div[@type = 'notes']", namespaces=NS)
    assert notes_div.find("t:head", NS).text == "Notes" and len(notes_div.findall("t:anchor", NS)) == 2
    assert [w for w in warnings if "note" in w] == []


# benchmarks/heldout/lenin-engels, lines 1-14 (the licence line shortened to its first sentence,
# the first paragraph to its first two): byline, title, source statement, verse epigraph, text.
EPIGRAPH = """Vladimir Ilyich Lenin

Frederick Engels

Written: Written in autumn 1895
Source: _Lenin Collected Works_, Moscow, Volume 2, pages 15-28.
Transcription: Zodiac
Public Domain: Lenin Internet Archive.

What a torch of reason ceased to burn,
What a heart has ceased to beat!

On August 5 (new style), 1895, Frederick Engels died in London. After his friend Karl Marx (who died in 1883), Engels was the finest scholar and teacher of the modern proletariat in the whole civilised world.
"""


def test_verse_is_a_valid_quoted_lg_typeset_line_by_line(tmp_path):
    from edition.convert.tei import serialise
    from edition.validate import validate_files
    from tests.buildkit import run

    project = make_project(tmp_path, EPIGRAPH, extra_toml=NEW, register=None, title="Frederick Engels")
    edition = project.edition("sample")
    edition.tei_path.parent.mkdir(parents=True, exist_ok=True)
    edition.tei_path.write_bytes(serialise(convert_document(edition).getroot()))
    tei = etree.parse(str(edition.tei_path))
    lines = ["What a torch of reason ceased to burn,", "What a heart has ceased to beat!"]
    assert tei.xpath("//t:body/t:div/t:quote/t:lg/t:l/text()", namespaces=NS) == lines
    assert tei.xpath("//t:front/t:docImprint/text()", namespaces=NS)[0].startswith("Written: Written in autumn 1895")
    (result,) = validate_files([edition.tei_path])
    assert not [f.as_text() for f in result.findings if f.severity == "error"]
    assert all(layer.status == "passed" for layer in result.layers.values())
    assert run(tmp_path, "build", "all", "sample", "-q").exit_code == 0
    dist = tmp_path / "dist" / "sample"
    with zipfile.ZipFile(dist / "sample.epub") as book:
        epub = [etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")]
    html_page = etree.parse(str(dist / "html" / "s01.html"), etree.HTMLParser()).getroot()
    typeset = [_verse_lines(page) for page in (html_page, *epub) if _verse_lines(page)]
    assert typeset == [lines, lines]  # the HTML section and one EPUB file
    pdf = subprocess.run(["pdftotext", "-layout", str(dist / "sample.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert [line.strip() for line in pdf.splitlines() if line.strip() in lines] == lines  # a line each
    title_page = etree.parse(str(dist / "html" / "index.html"), etree.HTMLParser()).getroot()
    assert "".join(title_page.xpath("//p[@class = 'source-statement']//text()")).startswith("Written: Written in autumn 1895")


def _verse_lines(page) -> list[str]:
    """The lines of a block-quoted lg as a writer set them, one element each."""
    verse = page.xpath("//*[local-name() = 'blockquote']/*[@class = 'lg']/*[@class = 'l']")
    return [" ".join("".join(v.itertext()).split()) for v in verse]
