"""The typeset PDF, read back with poppler-utils: the index of names and the contents
must give the pages the names and sections are really on, the fonts must be embedded
EB Garamond, no line may leave the text block, and the metadata must be there.

Each check runs on the small sample master and on the seed's committed master.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from lxml import etree

from edition.builders import BuildOptions
from edition.builders.pdf import PdfBuilder
from edition.xmlio import NS, XML_NS, parse_xml

from .conftest import ROOT, SAMPLE_TEI, one_edition_project

pytestmark = pytest.mark.slow

MM = 72 / 25.4
INNER, OUTER, TOP, BOTTOM = 22 * MM, 26 * MM, 17 * MM, 22 * MM  # print.css @page margins
LOCATOR = r"(?:[ivxlcdm]+|\d+)"
ENTRY_RE = re.compile(rf"^(?P<head>.+?), (?P<locators>{LOCATOR}(?:–{LOCATOR})?(?:, {LOCATOR}(?:–{LOCATOR})?)*)$")
HEADINGS = {"Index of names", "Persons", "Places", "Organisations"}
TOC_LINE = r"([^.]+?) ?(?:\. )+\.? ?([ivxlcdm]+|\d+)(?= |$)"
REVIEW = ROOT / "dist" / "review"
# Front matter: half-title (i), its verso (ii), title page (iii), colophon (iv), contents (v).
TITLE_PAGE, COLOPHON_PAGE, CONTENTS_PAGE = 3, 4, 5


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@dataclass
class Built:
    pdf: Path
    tei: etree._ElementTree

    @cached_property
    def pages_json(self) -> dict:
        return json.loads(self.pdf.with_suffix(".pages.json").read_text(encoding="utf-8"))

    @cached_property
    def labels(self) -> list[str]:
        return [page["label"] for page in self.pages_json["pages"]]

    def physical(self, label: str) -> int:
        return self.labels.index(label) + 1

    @cached_property
    def size(self) -> tuple[float, float]:
        width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", str(self.pdf))).groups()
        return float(width), float(height)

    @cached_property
    def text_blocks(self) -> list[str]:
        """Each page's text without running head and folio, hyphenation at line ends undone."""
        width, height = self.size
        text = run("pdftotext", "-x", "0", "-y", str(int(TOP)), "-W", str(int(width)),
                   "-H", str(int(height - TOP - BOTTOM)), str(self.pdf), "-")
        # A hyphenation point is set with U+2010; a hard hyphen ("Brest-Litovsk") stays.
        return [normalise(re.sub(r"-\n", "-", re.sub(r"‐\n", "", page))) for page in text.split("\f")]

    def text_block(self, page: int) -> str:
        return self.text_blocks[page - 1]

    @cached_property
    def contents(self) -> list[tuple[str, str]]:
        """(title, folio) of each line of the contents, from its first page on (a long book's run on)."""
        toc = self.text_block(CONTENTS_PAGE)
        assert toc.startswith("Contents")
        blocks = [toc[len("Contents"):]]
        for page in range(CONTENTS_PAGE + 1, self.physical("1")):
            block = self.text_block(page).strip()
            if not block or re.sub(TOC_LINE, "", block).strip():
                break
            blocks.append(block)
        return [(title.strip(), label) for title, label in re.findall(TOC_LINE, " ".join(blocks))]

    @cached_property
    def xml_pages(self) -> list[etree._Element]:
        """pdftohtml -xml: the text lines of every page, with links and the pages they go to."""
        xml = run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(self.pdf))
        root = etree.fromstring(xml.split("\n", 2)[2].encode("utf-8"), etree.XMLParser(recover=True))
        return root.findall("page")

    @cached_property
    def index_pages(self) -> list[int]:
        last_body = max(self.pages_json["anchors"].values())
        return [n for n in range(last_body + 1, len(self.labels) + 1) if "Index of names" in self.text_block(n)[:40] or n > last_body + 1]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'"))


# The seed is also set at the other usual trim size, 6 x 9 in (print.css is measured for both);
# "long-chunked" is a long book (the seed's text twice, 123 pages) typeset in chunks of about
# 30 pages by two workers (edition/builders/pdf_chunks.py), its index in two pieces, each
# check holding across chunks and pieces.
@pytest.fixture(scope="module", params=["sample", "seed", "seed-6x9", "long-chunked"])
def built(request, tmp_path_factory) -> Built:
    if request.param == "long-chunked":
        return long_book_in_chunks(tmp_path_factory.mktemp(request.param))
    tei = SAMPLE_TEI if request.param == "sample" else ROOT / "tei" / "bureaucratism.xml"
    project = one_edition_project(tmp_path_factory.mktemp(request.param), request.param, tei)
    edition = project.edition(request.param)
    if request.param.endswith("6x9"):
        edition.settings.setdefault("print", {})["trim"] = "6in 9in"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764028800")
        pdf = PdfBuilder().build(edition, BuildOptions())
    return Built(pdf, parse_xml(tei))


def long_book_in_chunks(root: Path) -> Built:
    from edition.builders import pdf_chunks
    from edition.project import Project
    from tests.buildkit import make_long_book

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764028800")
        patch.setattr(pdf_chunks, "CHUNK_PAGES", 30)
        patch.setattr(pdf_chunks, "MIN_INDEX_PIECE_PAGES", 1)  # the index in two pieces too
        edition = Project(root).edition(make_long_book(root, 2))
        pdf = PdfBuilder().build(edition, BuildOptions(pdf_chunks="on", workers=2))
    return Built(pdf, parse_xml(edition.tei_path))


def entities(tree: etree._ElementTree) -> dict[str, dict]:
    """Register entries with their index heading and every form the text names them by."""
    found = {}
    for entity in tree.xpath("//tei:standOff//*[self::tei:person or self::tei:place or self::tei:org]", namespaces=NS):
        ident = entity.get(f"{{{XML_NS}}}id")
        main = entity.xpath("*[@type='main']", namespaces=NS)[0]
        surname = main.find(f"{{{NS['tei']}}}surname")
        # "Surname, Forename" only where the register writes the forename first (not Mao Zedong);
        # "Marsh, General" where it gives a title and a surname only.
        before = [] if surname is None else [
            " ".join(part.xpath("string()").split()) for part in main
            if etree.QName(part).localname in ("forename", "roleName") and list(main).index(part) < list(main).index(surname)]
        label = normalise(" ".join("".join(main.itertext()).split()))
        mentions = tree.xpath(f"//tei:text//*[@ref='#{ident}']", namespaces=NS)
        forms = {normalise(" ".join("".join(m.itertext()).split())) for m in mentions}
        forms |= {label} | {normalise(v.xpath("string()")) for v in entity.xpath("*[@type='variant']")}
        heading = f"{surname.text.strip()}, {' '.join(before)}" if before else label
        used = {normalise(" ".join("".join(m.itertext()).split())).lower() for m in mentions}
        found[ident] = {"heading": heading, "forms": forms, "mentions": len(mentions), "used": used}
    return found


def index_entries(built: Built) -> dict[str, list[tuple[str, int]]]:
    """heading → [(printed page number, page its link goes to)] for every entry of the printed index."""
    entries: dict[str, list[tuple[str, int]]] = {}
    for number in built.index_pages:
        lines = _index_lines(built.xml_pages[number - 1], built.size[1])
        for text, links in lines:
            match = ENTRY_RE.match(text)
            if match:
                entries[match["head"]] = links
    return entries


def _index_lines(page: etree._Element, height_pt: float) -> list[tuple[str, list[tuple[str, int]]]]:
    """Index lines column by column, a wrapped entry joined to its first line, with its page links."""
    width, height = float(page.get("width")), float(page.get("height"))
    text_bottom = height * (1 - BOTTOM / height_pt)  # below it: the folio
    rows: dict[tuple[bool, int], list[etree._Element]] = defaultdict(list)
    for node in page.findall("text"):
        if float(node.get("top")) < text_bottom:
            rows[(float(node.get("left")) > width / 2, int(node.get("top")))].append(node)
    lines: list[tuple[str, list]] = []
    margin = {column: min(float(n.get("left")) for (c, _), nodes in rows.items() if c == column for n in nodes) for column, _ in rows}
    for key in sorted(rows):
        nodes = sorted(rows[key], key=lambda n: float(n.get("left")))
        text = normalise(" ".join(normalise("".join(n.itertext())).strip() for n in nodes))
        links = [(a.text.strip(" ,–"), int(a.get("href").rsplit("#", 1)[1])) for n in nodes for a in n.iter("a")
                 if re.fullmatch(LOCATOR, (a.text or "").strip(" ,–"))]
        hanging = float(nodes[0].get("left")) > margin[key[0]] + 3  # print.css: wrapped lines hang 1em in
        if lines and hanging and text not in HEADINGS:
            previous, previous_links = lines[-1]
            lines[-1] = (f"{previous} {text}", previous_links + links)
        else:
            lines.append((text, links))
    return lines


def expand(locators: str, labels: list[str]) -> list[str]:
    """'v, 3–5' → ['v', '3', '4', '5'] (a range runs over physical pages)."""
    pages = []
    for part in locators.split(", "):
        first, _, last = part.partition("–")
        start = labels.index(first)
        end = labels.index(last) if last else start
        pages += labels[start : end + 1]
    return pages


def holds(built: Built, page: int, forms: set[str]) -> bool:
    """A form of the name begins on ``page`` (it may run over onto the next one)."""
    here = built.text_block(page).rstrip()
    following = built.text_block(page + 1)[:80].strip() if page < len(built.labels) else ""
    window = here + " " + following
    # pdftotext joins a name broken after its own hyphen without it ("BrestLitovsk").
    forms = forms | {form.replace("-", "") for form in forms}
    return any(m.start() < len(here) for form in forms for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", window))


def mentions_by_page(built: Built, register: dict[str, dict]) -> dict[str, set[int]]:
    """From the PDF alone: the pages where a link into the index carries an entity's name.

    Adjacent links may come out as one run of text, so the run is read as a sequence of
    forms, longest first ("Kerensky Government" is not "Kerensky"). A name broken over a
    page turn ("Workers’ | Opposition") is a mention where it begins, and its tail on the
    next page is not read as a name of its own (here "Opposition", the Left Opposition's).
    """
    index_first = built.index_pages[0]
    owners = defaultdict(set)
    for ident, entity in register.items():
        for form in entity["forms"]:
            owners[form].add(ident)
    alternatives = "|".join(re.escape(form) for form in sorted(owners, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    found = defaultdict(set)
    last = ""
    for number, page in enumerate(built.xml_pages[: index_first - 1], start=1):
        links = [normalise("".join(a.itertext())).strip() for a in page.iter("a")
                 if int(a.get("href", "#0").rsplit("#", 1)[1]) >= index_first]
        if links and last and (broken := pattern.fullmatch(f"{last} {links[0]}")):
            if len(owners[broken.group()]) == 1:
                found[next(iter(owners[broken.group()]))].add(number - 1)
            links = links[1:]
        last = links[-1] if links else ""
        linked = " ".join(links).replace("\u2010 ", "")  # a name hyphenated at a line end
        for match in pattern.finditer(linked):
            idents = owners[match.group()]
            if len(idents) == 1:
                found[next(iter(idents))].add(number)
    return found


def test_every_indexed_page_holds_the_name_and_no_page_is_missing(built):
    register = entities(built.tei)
    printed = index_entries(built)
    indexed = {ident: e for ident, e in register.items() if e["mentions"]}
    assert {e["heading"] for e in indexed.values()} <= set(printed), "entities missing from the index"
    linked = mentions_by_page(built, register)
    for ident, entity in indexed.items():
        links = printed[entity["heading"]]
        for label, target in links:
            assert built.labels[target - 1] == label, f"{entity['heading']}: link {label} goes to page {built.labels[target - 1]}"
        text = next(t for t, _ in _all_index_lines(built) if t.startswith(entity["heading"] + ","))
        pages = expand(ENTRY_RE.match(text)["locators"], built.labels)
        for label in pages:
            assert holds(built, built.physical(label), entity["forms"]), f"{entity['heading']}: no mention on page {label}"
        missing = {built.labels[n - 1] for n in linked[ident]} - set(pages)
        assert not missing, f"{entity['heading']}: mentioned on pages {sorted(missing)} but not indexed there"


def _all_index_lines(built: Built):
    for number in built.index_pages:
        yield from _index_lines(built.xml_pages[number - 1], built.size[1])


def test_variant_spellings_the_text_uses_are_cross_references(built):
    """A "see" line for each variant the text names an entry by, except a plural of the name
    ("Molotovs"), a person's first names alone ("Vladimir Ilyich") and a second variant
    differing only in case ("Bolshevik party" after "Bolshevik Party"); none for forms the
    text never uses."""
    register = entities(built.tei)
    lines = [text for text, _ in _all_index_lines(built)]
    for entity in built.tei.xpath("//tei:standOff//*[*[@type='variant']]", namespaces=NS):
        owner = register[entity.get(f"{{{XML_NS}}}id")]
        if not owner["mentions"]:
            continue
        main = entity.xpath("*[@type='main']", namespaces=NS)[0]
        surname = normalise(main.xpath("string(tei:surname)", namespaces=NS)).lower()
        forenames = normalise(" ".join(main.xpath("tei:forename/text()", namespaces=NS))).lower()
        heads = {owner["heading"].lower(), normalise(" ".join(main.xpath("string()").split())).lower(), surname}
        variants = [normalise(v.xpath("string()")) for v in entity.xpath("*[@type='variant']")]
        for number, spelling in enumerate(variants):
            form = spelling.lower()
            plural = form.endswith("s") and re.sub("e?s$", "", form) in heads | {v.lower() for v in variants}
            first_names = bool(forenames) and form.startswith(forenames) and surname not in form
            repeated = form in {v.lower() for v in variants[:number]}
            unused = form not in owner["used"]  # e.g. the sample's "Bolshevik Party", which its text never writes
            line = f"{spelling}, see {owner['heading']}"
            if form in heads or plural or first_names or repeated or unused:
                assert line not in lines, f"{line!r} should not be in the index"
            else:
                assert line in lines, f"{line!r} missing from the index"


def test_index_is_in_collation_order(built):
    """Each group of the index in the order of the Unicode Collation Algorithm (pyuca), so
    that an accented name files with its letters: Radek, Rákosi, Rykov (in code-point
    order Rákosi would follow Rykov). Cross-references file under their own spelling."""
    import pyuca

    running_head = normalise(built.tei.xpath("string(//tei:titleStmt/tei:title[1])", namespaces=NS))
    groups: list[list[str]] = []
    for text, _ in _all_index_lines(built):
        if text == running_head:
            continue
        if text in HEADINGS:
            groups.append([])
        elif groups:
            see = text.split(", see ")[0] if ", see " in text else None
            entry = ENTRY_RE.match(text)
            assert see or entry, text
            groups[-1].append(see or entry["head"])
    key = pyuca.Collator().sort_key
    assert sum(map(len, groups)) > 5
    for heads in groups:
        assert heads == sorted(heads, key=key)
    if built.pdf.stem != "sample":
        persons = groups[1]
        assert persons.index("Radek, Karl") < persons.index("Rákosi, Mátyás") < persons.index("Rykov, Alexei")
        # persons the text names by title and surname only file with the title it gives them
        assert {"Kidovstev, Count", "Kokutsev, Count", "Marsh, General"} <= set(persons)
    if built.pdf.stem.startswith("seed"):  # the long book repeats the text under other ids, which edition.toml does not name
        # the first chapter's figurative title ("From an India to an America") is no mention
        assert all("India" not in heads for heads in groups)


def test_contents_give_the_pages_sections_open_on(built):
    entries = built.contents
    heads = [normalise(" ".join("".join(h.itertext()).split())) for h in built.tei.xpath("//tei:text//tei:div/tei:head", namespaces=NS)]
    assert len(entries) == len(built.tei.xpath("//tei:text//tei:div", namespaces=NS)) + 1
    for title, label in entries:
        page = built.physical(label)
        assert built.text_block(page).find(title) != -1, f"contents: {title!r} is not on page {label}"
        if page > 1 and title in heads:
            assert title not in built.text_block(page - 1), f"contents: {title!r} already on the page before {label}"
    assert entries[-1][0] == "Index of names" and built.physical(entries[-1][1]) == built.index_pages[0]


def test_bookmarks_lead_to_the_contents_the_sections_and_the_index(built):
    from pypdf import PdfReader

    reader = PdfReader(built.pdf)
    top = [(normalise(item.title), reader.get_destination_page_number(item) + 1) for item in reader.outline if not isinstance(item, list)]
    assert top == [("Contents", CONTENTS_PAGE)] + [(title, built.physical(label)) for title, label in built.contents]
    groups = [normalise(item.title) for item in reader.outline[-1]] if isinstance(reader.outline[-1], list) else []
    assert groups and set(groups) <= {"Persons", "Places", "Organisations"}


def test_pages_have_the_trim_size(built):
    expected = (432, 648) if built.pdf.stem.endswith("6x9") else (148 * MM, 210 * MM)
    assert built.size == pytest.approx(expected, abs=0.5)


def test_folios_print_the_labels_of_pages_json(built):
    width, height = built.size
    assert built.pages_json["page_count"] == len(built.labels) == len(built.xml_pages)
    for number, label in enumerate(built.labels, start=1):
        footer = run("pdftotext", "-f", str(number), "-l", str(number), "-x", "0", "-y", str(int(height - BOTTOM)),
                     "-W", str(int(width)), "-H", str(int(BOTTOM)), str(built.pdf), "-").split()
        assert footer in ([], [label]), f"page {number} prints folio {footer}, pages.json says {label}"


def test_viewers_show_the_printed_folios(built):
    """The /PageLabels tree gives every page the label it prints (v, 1, 2 …), not its physical number."""
    from pypdf import PdfReader

    assert PdfReader(built.pdf).page_labels == built.labels


def test_no_line_leaves_the_text_block(built):
    width, _ = built.size
    html = run("pdftotext", "-bbox", str(built.pdf), "-")
    for number, page in enumerate(re.findall(r"<page .*?</page>", html, re.S), start=1):
        left, right = (INNER, OUTER) if number % 2 else (OUTER, INNER)
        for x_min, x_max, word in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)', page):
            assert float(x_min) >= left - 0.5 and float(x_max) <= width - right + 0.5, f"page {number}: {word!r} leaves the text block"


def test_fonts_are_embedded_eb_garamond(built):
    rows = run("pdffonts", str(built.pdf)).splitlines()[2:]
    assert rows
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert "EB-Garamond" in name and emb == "yes", row


def test_document_information(built):
    info = run("pdfinfo", str(built.pdf))
    title = built.tei.xpath("string(//tei:titleStmt/tei:title[1])", namespaces=NS).replace("'", "\u2019")  # typeset as in the text
    authors = [" ".join(a.xpath("string()").split()) for a in built.tei.xpath("//tei:titleStmt/tei:author", namespaces=NS)]
    assert re.search(rf"^Title:\s+{re.escape(title)}$", info, re.M)
    assert re.search(rf"^Author:\s+{re.escape(', '.join(authors))}$", info, re.M)
    assert re.search(r"^Subject:\s+\S", info, re.M) and re.search(r"^Keywords:\s+\S", info, re.M)
    assert int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1]) == built.pages_json["page_count"]
    assert "2025-11-25" in built.text_block(COLOPHON_PAGE), "the colophon gives the build date from SOURCE_DATE_EPOCH"


def test_xmp_metadata(built):
    """An XMP packet (edition/builders/pdf_xmp.py), well-formed, with the title, the authors
    in order, the rights as the TEI states them, and the rights marked."""
    xmp = run("pdfinfo", "-meta", str(built.pdf))
    assert xmp.startswith("<?xpacket begin=") and xmp.rstrip().endswith('<?xpacket end="r"?>')
    root = etree.fromstring(xmp.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    rdf = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
           "xmpRights": "http://ns.adobe.com/xap/1.0/rights/", "xmp": "http://ns.adobe.com/xap/1.0/"}
    title = built.tei.xpath("string(//tei:titleStmt/tei:title[1])", namespaces=NS).replace("'", "\u2019")
    authors = [" ".join(a.xpath("string()").split()) for a in built.tei.xpath("//tei:titleStmt/tei:author", namespaces=NS)]
    licences = [" ".join(l.xpath("string()").split()) for l in built.tei.xpath("//tei:availability/tei:licence", namespaces=NS)]
    assert root.xpath("//dc:title/rdf:Alt/rdf:li/text()", namespaces=rdf) == [title]
    assert root.xpath("//dc:creator/rdf:Seq/rdf:li/text()", namespaces=rdf) == authors
    rights = root.xpath("string(//dc:rights/rdf:Alt/rdf:li)", namespaces=rdf)
    assert licences and all(licence in rights for licence in licences)
    assert root.xpath("string(//xmpRights:Marked)", namespaces=rdf) == "True"
    assert root.xpath("string(//xmp:CreatorTool)", namespaces=rdf).startswith("edition toolchain ")


def test_review_images(built):
    """Title page, a text page and an index page as PNG, for a person to look at."""
    REVIEW.mkdir(parents=True, exist_ok=True)
    stem = built.pdf.stem
    first_text = built.physical("1")
    for name, page in (("title", TITLE_PAGE), ("text", first_text + 1), ("index", built.index_pages[0])):
        run("pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page), "-l", str(page), str(built.pdf), str(REVIEW / f"{stem}-{name}"))
        assert (REVIEW / f"{stem}-{name}.png").stat().st_size > 1000
