"""The typeset PDF: TEI → print HTML (xslt/print/) → WeasyPrint → dist/<slug>/<slug>.pdf.

The book is rendered once.  The rendered pages tell where every name mention
fell; the index of names is then typeset as a small document of its own from
those pages and joined after the body, so the index costs a fraction of a
render instead of a second one (target-counter cannot merge page ranges, and
hundreds of them slow WeasyPrint several times over).  The table of contents
uses target-counter: it has a handful of links.  The body ends with an empty
block on a fresh recto (``#index-start``); that page is dropped and the index
takes its place and its number, so the contents can name the index's page.
Typesetting runs under two interpreter settings that make WeasyPrint itself
faster (pdf_runtime.py); the index's columns are each laid out once (pdf_columns.py);
the second half of the pages is painted by a forked helper (pdf_paint.py); the written
PDF gets page labels matching the folios.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import SimpleNamespace

from lxml import etree

from .. import __version__
from ..clock import build_time
from ..errors import EditionError
from ..fetcher import edition_url_fetcher
from ..project import Edition
from ..resources import data_dir
from ..xmlio import NS, XML_NS, atomic_path, write_text_atomic
from ..xslt import stylesheet
from . import BuildOptions, EditionContext, context_for, register
from .pdf_chunks import ChunkPool, chunked_wanted, worker_count, write_chunked
from .pdf_columns import columns_laid_out_once
from .pdf_fonts import check_fonts, font_face_css
from .pdf_libraries import remembered_library_lookups
from .pdf_lines import whole_paragraph_breaking
from .pdf_pages import PageMap
from .pdf_paint import painted_in_two
from .pdf_runtime import call_on_roomy_stack, cyclic_gc_paused
from .pdf_warnings import tolerated_class
from .pdf_xslt import PrintHtml, inputs_key, last_result, remembered, remembered_under, saxon_version, xslt_inputs
from .pdf_xmp import add_xmp

BODY_ANCHOR = "body-matter"
INDEX_ANCHOR = "index-start"
# WeasyPrint's warning when no font has a glyph for a character.
MISSING_GLYPH = re.compile(r'unsupported by fonts: "(.)"')
MENTIONS = "//tei:text//*[self::tei:persName or self::tei:placeName or self::tei:orgName][@ref]"
FOOTNOTES = "//tei:text//tei:note[@place = 'foot'][@xml:id]"


@register
class PdfBuilder:
    name = "pdf"

    def build(self, edition: Edition, options: BuildOptions) -> Path:
        target = edition.dist_dir / f"{edition.slug}.pdf"
        context = context_for(edition, options)
        # WeasyPrint is imported inside: its C libraries found without running gcc (pdf_libraries.py)
        with cyclic_gc_paused(), remembered_library_lookups(edition.project.cache / "libraries.json"):
            if chunked_wanted(edition, options.pdf_variant, options.pdf_chunks):
                # forked before Saxon runs here; each worker sets up whole-paragraph line
                # breaking for each part it typesets, so its caches last one part
                with ChunkPool(worker_count(options.workers), edition) as pool:
                    write_chunked(pool, target, edition, context, options.pdf_variant)
            else:
                # the XSLT's helper forks first, so that WeasyPrint's import (whole_paragraph_breaking) runs beside it
                # (the paragraphs' line breaks are kept from run to run beside the print HTML: pdf_lines.py)
                lines = edition.project.cache / "print" / f"{edition.slug}.lines.json"
                with PrintHtml(*html_makers(edition, context)) as html, whole_paragraph_breaking(memo=lines):
                    call_on_roomy_stack(typeset_into, target, edition, context, html, options.pdf_variant)
        return target


class Book:
    """The joined document (body and index) and where everything fell in it."""

    def __init__(self, document, pages: PageMap, ids: list[str]):
        self.document = document
        self.pages = pages
        self.ids = ids


def typeset_into(target: Path, edition: Edition, context: EditionContext, html: PrintHtml, variant: str | None) -> PageMap:
    """Typeset the book in this process from ``html`` and write it to ``target`` (atomically)."""
    book = typeset(edition, context, html)
    write_page_map(target, book.pages, context)
    with painted_in_two(book.document):
        write_checked(book.document, target, edition, variant, finisher=page_labels(book.pages))
    return book.pages


def write_page_map(target: Path, pages: PageMap, context: EditionContext) -> None:
    """``<slug>.pages.json`` beside ``target``, written before the PDF itself (a build can
    start the EPUB, which reads it, while the PDF is being written)."""
    pages_json = target.with_suffix(".pages.json")
    write_text_atomic(pages_json, json.dumps(pages.as_json(text_ids(context.tree)), indent=1, ensure_ascii=False) + "\n")


def write_checked(document, target: Path, edition: Edition, variant: str | None, finisher=None) -> None:
    """Write ``document`` to ``target`` atomically, with XMP metadata (pdf_xmp.py).  A
    warning (a glyph no font has is reported while drawing) or a substituted font fails
    the write before the rename."""

    def finish(document, pdf) -> None:
        add_xmp(document, pdf)
        if finisher is not None:
            finisher(document, pdf)

    with atomic_path(target) as tmp, weasyprint_warnings_as_errors(str(edition.tei_path)):
        document.write_pdf(tmp, pdf_variant=variant, finisher=finish)
        check_fonts(document, str(target), edition.tei_path)


def page_labels(pages: PageMap):
    """A write_pdf finisher: PDF viewers then show the printed folios (v, 1, 2 …), not
    the physical page numbers, in their page box and thumbnails."""
    import pydyf

    def finish(document, pdf) -> None:
        nums = pydyf.Array()
        for index, style, number in pages.label_runs():
            nums.extend([index, pydyf.Dictionary({"S": f"/{style}", "St": number})])
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})

    return finish


def print_html(edition: Edition, context: EditionContext, divisions: int | None = None) -> str:
    """The book's print HTML; with ``divisions``, its body's first divisions only."""
    params = book_params(edition) if divisions is None else {**book_params(edition), "divisions": divisions}
    return stylesheet("print/main.xsl").transform(context.xdm, params)


def typeset(edition: Edition, context: EditionContext, html: PrintHtml) -> Book:
    """Render the body once, then the index from its pages, and join them.

    The TEI is parsed once, in ``context`` (shared with the other builders of a run); the
    print HTML comes from ``html`` (made by a helper process while WeasyPrint gets ready).
    """
    place = str(edition.tei_path)
    with weasyprint_warnings_as_errors(place):
        css = stylesheets(edition)
        body = render(html.body(), css, edition)
        pages = PageMap.of(body, BODY_ANCHOR, place)
        index_page = pages.page_of(INDEX_ANCHOR, place)
        if index_page != len(body.pages):
            raise EditionError(f"#{INDEX_ANCHOR} is on page {index_page} of {len(body.pages)}, not the last", place)
        pages = pages.truncated(index_page - 1)
        check_mentions(context.tree, pages, place)
        first = int(pages_label_after(pages))
        index = index_document(edition, html.index(pages), first, css)
    pages = pages.extended([str(first + n) for n in range(len(index.pages))])
    document = body.copy(body.pages[: index_page - 1] + index.pages)
    return Book(document, pages, text_ids(context.tree))


def html_makers(edition: Edition, context: EditionContext):
    """What PrintHtml runs: the body's print HTML, the index's from a page map, and what the
    index needs beforehand (its stylesheet compiled, the collation ranks), done while the
    body is laid out.  Both HTMLs and the ranks are remembered across runs (pdf_xslt.py); the
    index's, made from the last run's page map, is parsed while the body is laid out and
    taken if the new map is the same (as it is when nothing that moves a page has changed)."""
    kept, inputs, saxon = edition.project.cache / "print", xslt_inputs(edition.tei_path), {"saxon": saxon_version()}
    index_kept = kept / f"{edition.slug}.index.json"
    foreseen: dict[str, ParsedHtml] = {}

    def body() -> ParsedHtml:
        return ParsedHtml.of(remembered(*print_html_memo(edition), lambda: print_html(edition, context)))

    def prepare_index() -> None:
        stylesheet("print/index.xsl")
        context.xdm  # noqa: B018  (the TEI parsed for Saxon now, not once the page map arrives)
        context.collation  # noqa: B018  (the ranks, remembered across runs too)
        if (last := last_result(index_kept)) is not None:
            foreseen[last[0]] = ParsedHtml.of(last[1])

    def index(pages: PageMap) -> ParsedHtml:
        values = {**saxon, "params": xslt_params(edition, context), "pages": pages.anchors, "labels": pages.labels}
        key = inputs_key(inputs, values)  # the TEI and every stylesheet read and hashed once
        if (parsed := foreseen.get(key)) is not None:
            return parsed
        return ParsedHtml.of(remembered_under(index_kept, key, lambda: index_html(context, xslt_params(edition, context), pages)))

    return body, index, prepare_index


def print_html_memo(edition: Edition) -> tuple:
    """Where the book's print HTML is remembered across runs, and what it is made from
    (``remembered``'s and ``recalled``'s first arguments)."""
    values = {"saxon": saxon_version(), "params": book_params(edition)}
    return edition.project.cache / "print" / f"{edition.slug}.html.json", xslt_inputs(edition.tei_path), values


def index_document(edition: Edition, html: "str | ParsedHtml", first: int, css: list):
    """The index of names, typeset from its print HTML, its first folio ``first``."""
    from weasyprint import CSS

    with columns_laid_out_once():
        return render(html, css + [CSS(string=index_counter_rule(first))], edition)


def index_html(context: EditionContext, params: dict, pages: PageMap) -> str:
    """The index of names as print HTML, its locators the labels of ``pages``."""
    index_params = {**params, "pages": json.dumps(pages.anchors), "labels": json.dumps(pages.labels)}
    return stylesheet("print/index.xsl").transform(context.xdm, index_params)


def pages_label_after(pages: PageMap) -> str:
    """The folio of the page after the body: where the index begins."""
    last = pages.labels[-1]
    if not last.isdigit():
        raise EditionError("the body has no Arabic-numbered pages")
    return str(int(last) + 1)


def render(html: "str | ParsedHtml", css: list, edition: Edition):
    """Lay out ``html``."""
    return render_source(source(html, edition), css)


def source(html: "str | ParsedHtml", edition: Edition):
    """``html`` for WeasyPrint, which may load only the edition's own files (edition/fetcher.py)."""
    import weasyprint

    if isinstance(html, ParsedHtml):
        return html.source(edition)
    return weasyprint.HTML(string=html, base_url=str(edition.tei_path.parent), url_fetcher=edition_url_fetcher(edition))


@dataclass(frozen=True)
class ParsedHtml:
    """Print HTML and its tree as WeasyPrint's HTML parser (tinyhtml5) makes it: parsing the
    book's HTML takes some 0.15 s, which the XSLT helper spends beside the typesetting."""

    text: str
    tree: object  # None where tinyhtml5 is not installed (a WeasyPrint before 63 parses with html5lib)

    @classmethod
    def of(cls, text: str) -> "ParsedHtml":
        try:
            import tinyhtml5
        except ImportError:
            return cls(text, None)
        return cls(text, tinyhtml5.parse(text, namespace_html_elements=False))

    def source(self, edition: Edition):
        """WeasyPrint's HTML of ``text``, its parser standing aside for the tree made already
        (where WeasyPrint parses with another parser, it parses ``text`` itself)."""
        import weasyprint

        parser = getattr(weasyprint, "tinyhtml5", None)
        if parser is None or self.tree is None:
            return source(self.text, edition)
        weasyprint.tinyhtml5 = SimpleNamespace(parse=lambda *args, **kwargs: self.tree)
        try:
            return source(self.text, edition)
        finally:
            weasyprint.tinyhtml5 = parser


def render_source(document, css: list):
    return document.render(stylesheets=css, font_config=font_config(), counter_style=counter_style())


@cache
def font_config():
    """One font configuration per process: @font-face files are loaded once."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def counter_style():
    """Holds print.css's @counter-style rules (the footnote marks)."""
    from weasyprint.css.counters import CounterStyle

    return CounterStyle()


def stylesheets(edition: Edition) -> list:
    """print.css, the font package's @font-face rules and the edition's trim size."""
    from weasyprint import CSS

    trim = edition.settings.get("print", {}).get("trim", "A5")
    if not isinstance(trim, str) or not trim.replace(" ", "").replace(".", "").isalnum():
        raise EditionError(f"[print] trim must be a page size such as \"A5\" or \"6in 9in\", not {trim!r}", str(edition.toml_path))
    fonts = font_config()
    fetcher = edition_url_fetcher(edition)
    return [
        CSS(string=font_face_css(), font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(data_dir("styles") / "print.css"), font_config=fonts, counter_style=counter_style(), url_fetcher=fetcher),
        CSS(string=f"@page {{ size: {trim}; }}"),
    ]


def index_counter_rule(first: int) -> str:
    """CSS: the index's first page has folio ``first``."""
    return f"@page :first {{ counter-reset: page {first}; }}"


def xslt_params(edition: Edition, context: EditionContext) -> dict:
    """The print stylesheets' parameters, the register's collation ranks (for the index) included."""
    return {**book_params(edition), "collation": context.collation}


def book_params(edition: Edition) -> dict:
    """The parameters of the book's own print HTML, which sorts no register entries: it needs
    no collation ranks (ranking the labels loads pyuca's whole table, some 0.15 s)."""
    settings = edition.settings.get("edition", {})
    keywords = settings.get("keywords", [])
    return {
        "build-date": build_time().date().isoformat(),
        "subject": str(settings.get("subject", "")),
        "keywords": ", ".join(keywords) if isinstance(keywords, list) else str(keywords),
        # the PDF's Creator and the colophon: the tool and its version (the edition's own
        # version is the TEI's edition/@n, printed as "edition version")
        "generator": f"edition toolchain {__version__}",
    }


def check_mentions(tree: etree._ElementTree, pages: PageMap, place: str) -> None:
    """Every footnote and every name mention must have landed on a page of the body: a
    footnote WeasyPrint could not set must not vanish from the book unnoticed, and without
    the mentions' pages the index would lie."""
    for note in tree.xpath(FOOTNOTES, namespaces=NS):
        if note.get(f"{{{XML_NS}}}id") not in pages.anchors:
            raise EditionError(f"footnote {note.get(f'{{{XML_NS}}}id')} was not set on any page", f"{place}:{note.sourceline}")
    missing = [m.get(f"{{{XML_NS}}}id") for m in tree.xpath(MENTIONS, namespaces=NS) if m.get(f"{{{XML_NS}}}id") not in pages.anchors]
    if missing:
        raise EditionError(f"{len(missing)} name mentions have no xml:id or no page (first: {missing[0]})", place)


def text_ids(tree: etree._ElementTree) -> list[str]:
    """The xml:ids of the text (divisions, paragraphs, mentions, quotations), in order."""
    return [element.get(f"{{{XML_NS}}}id") for element in tree.xpath("//tei:text//*[@xml:id]", namespaces=NS)]


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if tolerated_class(message) is None:
            self.messages.append(message)


@contextlib.contextmanager
def weasyprint_warnings_as_errors(place: str):
    """WeasyPrint reports CSS and layout problems as log warnings; each one that is a
    defect of the book fails the build (pdf_warnings.py names those that are not)."""
    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        yield
    finally:
        logger.removeHandler(collector)
    if collector.messages:
        more = f" (and {len(collector.messages) - 1} more)" if len(collector.messages) > 1 else ""
        raise EditionError(f"WeasyPrint: {collector.messages[0]}{more}", place_of_glyph(collector.messages[0], place))


def place_of_glyph(message: str, place: str) -> str:
    """``place`` with the line and column where the TEI first has the character that
    ``message`` says no font can draw; ``place`` itself for any other message."""
    missing = MISSING_GLYPH.search(message)
    path = Path(place)
    if missing is None or not path.is_file():
        return place
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if (column := line.find(missing[1])) >= 0:
            return f"{place}:{number}:{column + 1}"
    return place
