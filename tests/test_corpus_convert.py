"""Every real text of the corpus (tests/corpus/), as a new user would run it: `edition new`,
`convert`, `validate`, `build all`; checked against the structure its editor wrote down
(expected.toml: sections and heads, not-heads, notes, emphasis, block quotations), the round
trip to the source, and the text of the three outputs."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from lxml import etree, html

from edition.convert import convert_document
from edition.project import Project
from edition.scaffold import new_edition
from edition.validate import validate_files
from edition.xmlio import TEI_NS, XML_NS, write_bytes_atomic
from edition.convert.emphasis import bare
from edition.convert.quoteblocks import NOTE_AFTER_MARK
from edition.convert.tei import serialise
from tests.buildkit import run
from tests.corpuskit import texts
from tests.test_lossless import content, marks, note_text, restore

T = f"{{{TEI_NS}}}"
NS = {"t": TEI_NS}
XML_ID = f"{{{XML_NS}}}id"
TEXTS = texts()
SLUGS = [t.slug for t in TEXTS]


def plain(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> str:
    """Letters and digits only, lower case: how a head or a phrase reads, whatever its punctuation."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))  # "_On Stamp-Cases._": emphasis marks are no letters


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A project holding every corpus text, each made with `edition new` and converted once."""
    root = tmp_path_factory.mktemp("corpus") / "project"
    project = Project(root)
    (root / "sources").mkdir(parents=True)
    converted = {}
    for text in TEXTS:
        toml = new_edition(project, text.slug, text.path)
        language = text.source.get("language", "en")
        toml.write_text(toml.read_text(encoding="utf-8").replace('language = "en"', f'language = "{language}"'), encoding="utf-8")
        edition = project.edition(text.slug)
        warnings: list[str] = []
        tree = convert_document(edition, warnings)
        write_bytes_atomic(edition.tei_path, serialise(tree.getroot()))
        converted[text.slug] = (edition, etree.parse(str(edition.tei_path)), warnings)
    return root, converted


def _text(corpus, slug):
    return next(t for t in TEXTS if t.slug == slug)


def body_divs(tree) -> list[etree._Element]:
    return tree.xpath("//t:body//t:div", namespaces=NS)


# The divisions of the text a corpus text's "sections" list, in order: chapters and the books or parts holding them.
TEXT_DIVISIONS = ("section", "book", "part", "volume")


def head_of(div: etree._Element) -> str:
    head = div.find(T + "head")
    if head is None:
        return ""
    return plain(restore_without_notes(head))


def restore_without_notes(node: etree._Element) -> str:
    copy = etree.fromstring(etree.tostring(node))
    for note in copy.xpath(".//t:note | .//t:ptr", namespaces=NS):
        note.getparent().remove(note) if note.tail is None else _drop_keep_tail(note)
    return restore(copy).strip("[] ")


def _drop_keep_tail(node):
    parent, previous = node.getparent(), node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + node.tail
    else:
        parent.text = (parent.text or "") + node.tail
    parent.remove(node)


@pytest.mark.parametrize("slug", SLUGS)
def test_master_is_valid(corpus, slug):
    root, converted = corpus
    edition = converted[slug][0]
    (result,) = validate_files([edition.tei_path])
    errors = [f.as_text() for f in result.findings if f.severity == "error"]
    assert not errors, errors[:5]
    assert all(layer.status == "passed" for layer in result.layers.values())


@pytest.mark.parametrize("slug", SLUGS)
def test_sections_and_heads(corpus, slug):
    tree = corpus[1][slug][1]
    expected = _text(corpus, slug).expected
    found = [words(head_of(d)) for d in body_divs(tree) if d.get("type") in TEXT_DIVISIONS]
    assert found == [words(s["head"]) for s in expected["sections"]]
    for div in tree.xpath("//t:text//t:div", namespaces=NS):
        assert div.xpath("t:p | t:quote | t:figure | t:note | t:anchor | t:div", namespaces=NS), f"empty division {div.get(XML_ID)}"
    heads = {words(restore_without_notes(h)) for h in tree.xpath("//t:text//t:div/t:head", namespaces=NS)}
    allowed = {words(s["head"]) for s in expected["sections"]} | set(map(words, expected.get("note_heads", [])))
    wrong = [line for line in expected["not_heads"] if words(line) in heads and words(line) not in allowed]
    assert not wrong, f"not heads, made heads: {wrong}"


def _front_item(tree, item: dict, source: str) -> bool:
    """Whether the master has the front-matter item expected.toml lists (``source``: the text's source)."""
    x = lambda path: tree.xpath(path, namespaces=NS)  # noqa: E731
    kind, text = item["kind"], words(item.get("text", ""))
    if kind == "title":
        return [words("".join(t.itertext())) for t in x("//t:docTitle/t:titlePart[@type = 'main']")] == [text]  # in italics or not
    if kind == "byline":
        return text in [words("".join(b.itertext())) for b in x("//t:front/t:byline")]
    if kind == "repeated-title":
        return [words(t) for t in x("//t:body/t:head[@type = 'repeated']/text()")] == [text]
    if kind == "imprint":
        return text in [words("".join(d.itertext())) for d in x("//t:front/t:docImprint")]
    if kind == "date":
        return text in [words(t) for t in x("//t:front/t:docDate/text()")]
    if kind in ("preface", "contents"):
        divs = [d for d in x(f"//t:front/t:div[@type = '{kind}']") if words(head_of(d)) == words(item["head"])]
        if not divs or kind == "contents":
            return bool(divs)
        closer = {etree.QName(c).localname: words("".join(c.itertext())) for c in divs[0].xpath("t:closer/*", namespaces=NS)}
        return all(closer.get(k) == words(item[k]) for k in ("signed", "dateline") if k in item)
    if kind == "source-statement":  # "Written: …", "Source: …": the docImprint, not a byline
        lines = source.split("\n")[item["line"] - 1 : item["last_line"]]
        return [words(restore(d)) for d in x("//t:front/t:docImprint")] == [words(" ".join(lines))]
    return True  # datelines of a title block may stand as paragraphs


@pytest.mark.parametrize("slug", SLUGS)
def test_front_matter(corpus, slug):
    tree = corpus[1][slug][1]
    text = _text(corpus, slug)
    missing = [item for item in text.expected["front"] if not _front_item(tree, item, text.text)]
    assert not missing


@pytest.mark.parametrize("slug", SLUGS)
def test_every_note_at_its_marker(corpus, slug):
    tree = corpus[1][slug][1]
    notes = {n.get(XML_ID): n for n in tree.iter(T + "note")}
    markers = tree.xpath("//t:text//t:note[@place] | //t:text//t:ptr[@type = 'note']", namespaces=NS)
    found = [(m.get("n"), words(content(notes[m.get("target", "#" + m.get(XML_ID, ""))[1:]]))) for m in markers]
    expected = [(n["n"], words(n["text_starts"])) for n in _text(corpus, slug).expected["notes"] if n["marker_line"]]
    assert [n for n, _ in found] == [n for n, _ in expected]
    for (n, text), (_, starts) in zip(found, expected):
        assert text.startswith(starts), f"note {n}: {text[:60]!r} does not start with {starts!r}"
    unmarked = [n for n in _text(corpus, slug).expected["notes"] if not n["marker_line"]]
    assert len(tree.xpath("//t:div/t:note | //t:quote/t:note", namespaces=NS)) == len(unmarked)


ITALICS = "//t:text//t:hi | //t:text//t:title[contains(@rend, 'italic')] | //t:text//t:foreign"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_emphasis_span_is_kept(corpus, slug):
    tree = corpus[1][slug][1]
    found = [plain(content(el)) for el in tree.xpath(ITALICS, namespaces=NS)]
    # sorted: a note's emphasis moves with the note to its marker
    assert sorted(found) == sorted(plain(e) for e in _text(corpus, slug).expected["emphasis"])


def italic_kinds(tree) -> tuple[set[str], set[tuple[str, str]]]:
    """The spans in italics the master calls titles, and those it calls foreign (with their language)."""
    titles = {bare(content(t)) for t in tree.xpath("//t:text//t:title[contains(@rend, 'italic')]", namespaces=NS)}
    foreign = {(bare(content(f)), f.get(f"{{{XML_NS}}}lang")) for f in tree.xpath("//t:text//t:foreign", namespaces=NS)}
    return titles, foreign


def gold_kinds(expected: dict) -> tuple[set[str], set[tuple[str, str]]]:
    return {bare(t) for t in expected["emphasis_titles"]}, {(bare(f["text"]), f["lang"]) for f in expected["emphasis_foreign"]}


@pytest.mark.parametrize("slug", SLUGS)
def test_italics_called_titles_or_foreign_are_so(corpus, slug):
    """Precision over recall: no span in italics is made a title or a foreign phrase that the
    editor's reading (expected.toml) does not make one; the rest stay hi."""
    titles, foreign = italic_kinds(corpus[1][slug][1])
    gold_titles, gold_foreign = gold_kinds(_text(corpus, slug).expected)
    assert titles <= gold_titles, titles - gold_titles
    assert foreign <= gold_foreign, foreign - gold_foreign


@pytest.mark.parametrize("slug", SLUGS)
def test_block_quotations(corpus, slug):
    tree = corpus[1][slug][1]
    quoted = [words(restored_block_quote(q)) for q in tree.xpath("//t:div/t:quote", namespaces=NS)]
    missing = [b for b in _text(corpus, slug).expected["block_quotes"] if not any(q.startswith(words(b)) for q in quoted)]
    assert not missing


@pytest.mark.parametrize("slug", SLUGS)
def test_page_numbers_of_the_source_are_page_breaks(corpus, slug):
    tree = corpus[1][slug][1]
    assert tree.xpath("//t:text//t:pb/@n", namespaces=NS) == _text(corpus, slug).expected.get("page_markers", [])


@pytest.mark.parametrize("slug", SLUGS)
def test_figures(corpus, slug):
    tree = corpus[1][slug][1]
    found = ["[" + plain(restore(d)) + "]" for d in tree.xpath("//t:figure/t:figDesc", namespaces=NS)]
    assert found == [plain(f["text"]) for f in _text(corpus, slug).expected["figures"]]


def restored_block_quote(quote: etree._Element) -> str:
    return " ".join(restore(p) for p in quote)


def restored_text(tree) -> str:
    """The source text back from the master, block by block (tei/ENCODING.md says how)."""
    text = tree.getroot().find(T + "text")
    notes = {n.get(XML_ID): n for n in text.iter(T + "note")}
    out: list[str] = []

    def walk(node):
        local = etree.QName(node).localname
        if local == "titlePart" and node.get("type") == "supplied":
            return  # the editor's title of a text that has none
        if local in ("titlePart", "byline", "docImprint", "head", "p", "signed", "dateline", "salute", "docDate", "trailer",
                     "speaker", "stage", "castItem"):
            out.append(restore(node))
        elif local == "figure":
            out.append("[" + restore(node.find(T + "figDesc")) + "]")
        elif local == "milestone":
            out.append(node.get("rend"))
        elif local == "anchor":
            out.append(note_text(notes[node.get("corresp")[1:]]))
        elif local == "note":
            out.append(note_text(node))
        elif local == "quote":
            opening, closing = marks(node.get("rend"))
            once = node.get("rend") == "markers"  # "/#" opens the quotation, not each paragraph
            parts = [(opening if k == 0 or not once else "") + restore(p) for k, p in enumerate(node)]
            joined = " ".join(parts)
            # '…such an one."[3]': the closing mark before the note marker ending the last paragraph
            cut = len(joined) - (len(restore(node[-1][-1])) if NOTE_AFTER_MARK in (node.get("rend") or "").split() else 0)
            out.append(joined[:cut] + closing + joined[cut:])
        else:
            for child in node:
                walk(child)

    walk(text)
    return plain(" ".join(out))


@pytest.mark.parametrize("slug", SLUGS)
def test_round_trip_to_the_source(corpus, slug):
    tree = corpus[1][slug][1]
    restored, source = restored_text(tree), plain(_text(corpus, slug).text)
    if restored != source:
        at = next((i for i, (a, b) in enumerate(zip(restored, source)) if a != b), min(len(restored), len(source)))
        pytest.fail(f"differs at {at}: TEI {restored[at - 60:at + 40]!r} / source {source[at - 60:at + 40]!r}")


# The outputs ------------------------------------------------------------------------------

ARTEFACTS = re.compile(r"--|(?<!\w)_\w|\w_(?!\w)|\b[a-z]+- [a-z]+\b|\[\d{1,3}\]|\[#\d")


@pytest.fixture(scope="module")
def built(corpus):
    """Every corpus text built once in every format (PDF, EPUB, HTML)."""
    root, converted = corpus
    result = run(root, "build", "all", "--all-editions", "-q")
    assert result.exit_code == 0, result.output
    return root


def _artefacts(text: str) -> list[str]:
    return [text[max(0, m.start() - 25) : m.end() + 25] for m in ARTEFACTS.finditer(text)]


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_pdf_text_and_notes(corpus, built, slug):
    pdf = built / "dist" / slug / f"{slug}.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = plain(re.sub(r"-[ \t]*\n\s*", "-", text))  # a line the typesetter broke at a hyphen
    assert not _artefacts(flat)
    for note in corpus[1][slug][1].xpath("//t:text//t:note[@place]", namespaces=NS):
        first = " ".join(plain(content(note)).split()[:3])
        assert words(first) in words(flat), f"note {note.get('n')} text not in the PDF"


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_epub_text_and_popup_notes(built, slug):
    epub = built / "dist" / slug / f"{slug}.epub"
    with zipfile.ZipFile(epub) as book:
        for name in (n for n in book.namelist() if n.endswith(".xhtml") and "/s" in n or n.endswith("preface.xhtml")):
            doc = etree.fromstring(book.read(name))
            body = " ".join(doc.itertext())
            assert not _artefacts(plain(body)), name
            ids = set(doc.xpath("//@id"))
            for ref in doc.xpath("//*[@epub:type = 'noteref']", namespaces={"epub": "http://www.idpf.org/2007/ops"}):
                target = ref.get("href").lstrip("#")
                assert target in ids, f"{name}: noteref to {target} has no footnote"
                aside = doc.xpath(f"//*[@id = '{target}']")[0]
                assert aside.get("{http://www.idpf.org/2007/ops}type") == "footnote"


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_titles_and_foreign_phrases_are_italic_in_html_and_epub(corpus, built, slug):
    """Every foreign phrase is an i with its language, every title a cite (italic by default in
    browsers, reading systems and WeasyPrint, as the print HTML uses the same templates)."""
    tree = corpus[1][slug][1]
    foreign = [f.get(f"{{{XML_NS}}}lang") for f in tree.xpath("//t:text//t:foreign", namespaces=NS)]
    titles = len(tree.xpath("//t:text//t:title", namespaces=NS))
    pages = [p for p in (built / "dist" / slug / "html").glob("*.html") if p.name not in ("about.html", "encoding.html")]
    mains = [m for m in (html.parse(str(p)).getroot().find(".//main") for p in pages) if m is not None]
    shown = [i.get("lang") for m in mains for i in m.xpath(".//i[@class = 'foreign']")]  # the text is typeset (’ for ')
    assert sorted(shown) == sorted(foreign)
    assert sum(len(m.xpath(".//cite[@class = 'title']")) for m in mains) == titles
    with zipfile.ZipFile(built / "dist" / slug / f"{slug}.epub") as book:
        docs = [etree.fromstring(book.read(n)) for n in book.namelist() if n.endswith(".xhtml")]
    x = {"h": "http://www.w3.org/1999/xhtml"}
    assert sum(len(d.xpath("//h:i[@class = 'foreign'][@lang]", namespaces=x)) for d in docs) == len(foreign)


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_html_text_and_notes_linked_both_ways(built, slug):
    for page in (built / "dist" / slug / "html").glob("*.html"):
        if page.name in ("about.html", "encoding.html"):  # they describe the encoding, marker forms included
            continue
        doc = html.parse(str(page)).getroot()
        main = doc.find(".//main")
        if main is None:
            continue
        assert not _artefacts(plain(main.text_content())), page.name
        for ref in main.xpath(".//a[@role = 'doc-noteref'][@id]"):
            note = main.xpath(f".//*[@id = '{ref.get('href')[1:]}']")
            assert note, f"{page.name}: {ref.get('href')} not on the page"
            assert note[0].xpath(f".//a[@href = '#{ref.get('id')}']"), f"{page.name}: no link back to {ref.get('id')}"
