"""Chunked typesetting for long books: sections laid out in parallel worker processes.

WeasyPrint holds every laid-out page of a document until it is written (about
1.7 MB a page) and uses one core.  A long book is therefore cut at section
boundaries (each section starts on a new page) into chunks of about
``CHUNK_PAGES`` pages, each typeset as a document of its own by a worker of a
process pool; memory is bounded by the largest chunk, and the chunks run on
every core.  The book's print HTML a build before remembered (either path's) is cut at
once; else each worker's first chunk is transformed to HTML on its own and laid out
while the whole book is transformed (and remembered for the next build).

A chunk's pagination does not depend on where it starts: recto and verso pages
have the same text width, and folios and running heads sit in the margins.  So a
worker lays its chunk out at once, publishes its page count, and waits only for
the counts of the chunks before it (shared memory) to learn its first folio.
Before WeasyPrint makes the margin boxes, a hook (``_margin_boxes``) moves each
page to its real folio and, when the chunk starts on a verso, to the other side
of the spread (mirrored margins, the verso's running head).

The front matter and the index of names are typeset last, by the workers too, side
by side, from the chunks' pages: the contents get their folios as generated CSS, the
index its page map (as in the single-process path; it waits for the front matter only
if a name is mentioned there).  A long index is cut at a change of initial into one
piece a worker (``index_pieces``), each piece placed at its folio like a chunk: its
entries, pages and links are those of the whole index, but each piece begins a page.
The parts are joined by streaming (pdf_join.py) while the workers typeset the index:
pages, outline (an index piece's bookmarks under the index's), one name tree of real
anchors (a link to another part is written against a placeholder anchor and resolves
in the joined name tree), page labels, and the front part's metadata (document info,
XMP, language, output intent).  A blank page is added where the single-process book
would have one (before the text and before the index, each on a recto).  So the
process that runs the XSLT and joins never holds a laid-out document: the largest
process is a worker, bounded by its chunk.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from ..errors import EditionError
from ..project import Edition
from .pdf_pages import PageMap, first_pages, lower_roman

# About 100 pages a chunk: some 170 MB of layout a worker, and chunks enough to share out.
CHUNK_PAGES = 100
# TEI bytes per printed page of the seed (235 kB, 66 pages), and print HTML characters
# per page (246 kB): for planning only.
TEI_BYTES_PER_PAGE = 3560
HTML_CHARS_PER_PAGE = 3700
# Books estimated shorter are typeset in one process: starting workers and joining
# parts costs more than it saves there.
MIN_CHUNKED_PAGES = 240


def worker_count(requested: int | None) -> int:
    return max(1, requested or os.cpu_count() or 1)


def chunked_wanted(edition: Edition, variant: str | None, choice: str = "auto") -> bool:
    """Typeset in chunks?  ``choice`` "on" or "off" decides; "auto" chunks a book estimated
    at MIN_CHUNKED_PAGES or more.  Tagged PDF/UA is always typeset in one process: its
    structure tree is not joined across parts."""
    if variant == "pdf/ua-1" or choice == "off":
        return False
    return choice == "on" or edition.tei_path.stat().st_size // TEI_BYTES_PER_PAGE >= MIN_CHUNKED_PAGES


# --- cutting the print HTML --------------------------------------------------


@dataclass(frozen=True)
class Parts:
    """The print HTML as separate documents: the front matter and the body chunks."""

    front: str
    chunks: list[str]


def cut(print_html: str, chunk_chars: int, workers: int = 1, after: int = 0) -> Parts:
    """Front matter (everything before the body) and body chunks of whole sections, each
    about ``chunk_chars`` long, the last ones shorter (see ``_chunk_size``); the empty
    index-start block is left out; a last chunk under a quarter of ``chunk_chars`` is
    joined to the one before.  ``after``: the first sections are left out (typeset
    already as a chunk of their own), their footnotes counted."""
    document = lxml_html.document_fromstring(print_html)
    body = document.body
    matter = body.find(".//div[@id='body-matter']")
    if matter is None:
        raise EditionError("the print HTML has no body-matter")
    # each section serialised once: its length plans the cut, its text goes into its chunk
    sections = [lxml_html.tostring(child, encoding="unicode") for child in matter if child.tag == "section"][after:]
    lengths = [len(section) for section in sections]
    groups, size, left = [[]], 0, sum(lengths)
    for section, length in zip(sections, lengths):
        if groups[-1] and size + length > _chunk_size(chunk_chars, left + size, workers):
            groups.append([])
            size = 0
        groups[-1].append(section)
        size += length
        left -= length
    if len(groups) > 1 and size < chunk_chars // 4:  # a last scrap joins the chunk before: a part costs a share of its own
        scrap = groups.pop()
        groups[-1] += scrap
    head = _head(document)
    front = "".join(lxml_html.tostring(child, encoding="unicode") for child in body[: body.index(matter)])
    chunks = [_document(document, _wrap(matter, group, number == 0 and not after), head)
              for number, group in enumerate(groups if lengths else [])]
    return Parts(_document(document, front, head), chunks)


def first_divisions(context, chunk_tei_bytes: int) -> int:
    """How many of the body's divisions make the book's first chunk: about
    ``chunk_tei_bytes`` of TEI, at least one."""
    from lxml import etree

    from ..xmlio import NS

    count, size = 0, 0
    for division in context.tree.iterfind("tei:text/tei:body/tei:div", namespaces=NS):
        size += len(etree.tostring(division))
        if count and size > chunk_tei_bytes:
            break
        count += 1
    return count


def _chunk_size(chunk_chars: int, left: int, workers: int) -> int:
    """The length of the next chunk when ``left`` characters of the body are still to cut:
    ``chunk_chars``, or less towards the end of the book (an even share of what is left
    for twice as many workers, down to half ``chunk_chars``), so the workers finish their
    last chunks at nearly the same time.  (Not shorter: each part costs a fixed share, its
    fonts subset and written again.)"""
    if workers < 2:
        return chunk_chars
    return max(chunk_chars // 2, min(chunk_chars, left // (2 * workers)))


def _wrap(matter, sections: list[str], first: bool) -> str:
    """The sections (serialised) in a copy of the body-matter block (its id, an anchor, on
    the first only).  Footnote marks need nothing from the chunks before: they restart with
    every division that opens a page (print.css)."""
    shell = lxml_html.tostring(lxml_html.Element("div", {k: v for k, v in matter.attrib.items() if first or k != "id"}), encoding="unicode")
    return shell.removesuffix("</div>") + "".join(sections) + "</div>"


def _copy(element):
    return lxml_html.fromstring(lxml_html.tostring(element))


def _head(document) -> str:
    return lxml_html.tostring(document.head, encoding="unicode")  # (lxml finds the head by XPath: once a cut)


def _document(document, body: str, head: str) -> str:
    """``document`` with ``body`` in its body and ``head`` as its head (both serialised), as a string."""
    lang = document.get("lang", "")
    return f'<!DOCTYPE html><html lang="{lang}">{head}<body>{body}</body></html>'


# --- the workers --------------------------------------------------------------

# Set in each worker by ``_start_worker``: the page count of every chunk (UNKNOWN until
# a worker takes it, then TAKEN until counted) and the condition announcing a change.
UNKNOWN, TAKEN = -1, -2
_counts = None
_changed = None


def _start_worker(counts, changed, edition: Edition) -> None:
    import gc
    import signal

    from ..orchestrate import die_with_parent

    global _counts, _changed
    _counts, _changed = counts, changed
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the pool is stopped by its owner
    die_with_parent()
    gc.disable()  # the worker collects its garbage itself, as each part begins (_typeset)
    import weasyprint.layout

    weasyprint.layout.make_margin_boxes = _margin_boxes(weasyprint.layout.make_margin_boxes)
    with contextlib.suppress(EditionError):  # reported by the first part, which makes them again
        _book_stylesheets(edition)


class _Placement:
    """Where the chunk being typeset in this worker goes: set once its pages are counted."""

    index: int = 0
    html = None  # the WeasyPrint HTML being laid out (page styles are computed against it)
    first_folio: int | None = None


def _first_folio(index: int, count: int) -> int:
    """Publish this chunk's page count; wait for the chunks before it; its first folio."""
    with _changed:
        _counts[index] = count
        _changed.notify_all()
        _changed.wait_for(lambda: all(_counts[i] >= 0 for i in range(index)))
        return 1 + sum(_counts[i] for i in range(index))


def _margin_boxes(make_margin_boxes):
    """WeasyPrint's ``make_margin_boxes``, first placing the page at its real folio and side.

    WeasyPrint calls it for each page once the whole chunk is paginated."""

    def placed(context, page, state):
        if _Placement.first_folio is None:
            _Placement.first_folio = _first_folio(_Placement.index, len(context.page_maker) - 1)
        offset = _Placement.first_folio - 1
        state[1]["page"][-1] += offset  # the page counter: the chunk counted from 1
        if offset % 2:
            _flip_side(context, page)
        return make_margin_boxes(context, page, state)

    return placed


def _flip_side(context, page) -> None:
    """Move a laid-out page to the other side of the spread: its page style (margins,
    running head) is recomputed and its content shifted by the change of left margin."""
    from weasyprint.layout.page import page_height, page_width, set_page_type_computed_styles
    from weasyprint.layout.percent import resolve_percentages

    html = _Placement.html
    page_type = page.page_type._replace(side="left" if page.page_type.side == "right" else "right")
    set_page_type_computed_styles(page_type, html, context.style_for)
    style = context.style_for(page_type)
    style["overflow"] = page.style["overflow"]
    before = page.content_box_x()
    page.page_type, page.style = page_type, style
    size = style["size"]
    resolve_percentages(page, size)
    page_width(page, context, size[0])
    page_height(page, context, size[1])
    shift = page.content_box_x() - before
    for child in page.children:
        child.translate(shift, 0)


@dataclass(frozen=True)
class Typeset:
    """A part written to ``path``: its pages, where its anchors fell (1-based), and their
    destinations (name, 0-based page, x, y in PDF units) for the joined name tree."""

    path: str
    page_count: int
    anchors: dict[str, int]
    first_folio: int = 1
    destinations: tuple = ()


def typeset_chunk(index: int, edition: Edition, chunk_html: str, variant: str | None, folder: str, css: str = "") -> Typeset:
    """Lay out part ``index`` (a body chunk or a piece of the index) with the CSS rules ``css``
    added, place it at its folio, write it (a worker's task)."""
    _Placement.index, _Placement.first_folio = index, None
    with _changed:
        _counts[index] = TAKEN
        _changed.notify_all()
    return _typeset(edition, chunk_html, css, variant, Path(folder) / f"part-{index:04d}.pdf")


def typeset_part(name: str, edition: Edition, html: str, css: str, variant: str | None, folder: str) -> Typeset:
    """Lay out the front matter with the CSS rules ``css`` added, and write it (a worker's
    task: the process joining the book never holds a laid-out document)."""
    _Placement.first_folio = 1  # numbered by its own CSS, not moved
    return _typeset(edition, html, css, variant, Path(folder) / f"{name}.pdf")


def _typeset(edition: Edition, html: str, css: str, variant: str | None, path: Path) -> Typeset:
    from weasyprint import CSS

    from .pdf import render_source, source, weasyprint_warnings_as_errors
    from .pdf_lines import whole_paragraph_breaking
    from .pdf_runtime import call_on_roomy_stack, release_free_memory

    # The part before's layout is cyclic garbage: freed now, so its result went back at
    # once (and a worker's last part, the pool stopped after it, is never collected).
    release_free_memory()
    # Whole-paragraph line breaking is set up for this part only: it keeps every style met
    # alive until it ends (they grew by some 10 MB a part in a worker that kept them); the
    # words' measures, a few per style, serve the worker's next part.
    with whole_paragraph_breaking(keep_measures=True), weasyprint_warnings_as_errors(str(edition.tei_path)):
        _Placement.html = source(html, edition)
        document = call_on_roomy_stack(render_source, _Placement.html, _book_stylesheets(edition) + [CSS(string=css)])
    try:
        return _write(document, path, edition, variant, _Placement.first_folio)
    finally:
        _Placement.html = None


# The book's stylesheets, made once by a worker as it starts, while the print HTML is
# being made (its fonts loaded, about 0.6 s), and used for every part (a worker serves
# one edition; print.css costs another 0.02 s a parse).
_stylesheets: dict = {}


def _book_stylesheets(edition: Edition) -> list:
    from .pdf import stylesheets, weasyprint_warnings_as_errors

    key = str(edition.tei_path)
    if key not in _stylesheets:
        with weasyprint_warnings_as_errors(key):
            sheets = stylesheets(edition)
        _stylesheets[key] = sheets
    return _stylesheets[key]


def _write(document, path: Path, edition: Edition, variant: str | None, first_folio: int = 1) -> Typeset:
    """Write a part; a link to an anchor of another part gets a placeholder anchor here
    (else WeasyPrint drops it).  The part's name tree is taken out as it is written: the
    join makes one for the book from the parts' real anchors."""
    from .pdf import write_checked

    anchors = first_pages(document)
    known = {name for page in document.pages for name in page.anchors}
    for page in document.pages:
        for kind, target, *_ in page.links:
            if kind == "internal" and target not in known:
                document.pages[0].anchors[target] = (0, 0, 0, 0)
                known.add(target)
    destinations: list = []
    write_checked(document, path, edition, variant, finisher=_take_destinations(anchors, destinations))
    return Typeset(str(path), len(document.pages), anchors, first_folio, tuple(destinations))


def _take_destinations(anchors: dict, destinations: list):
    """A write_pdf finisher: the name tree's destinations of ``anchors`` into ``destinations``,
    and the name tree out of the part (the join need not read it back)."""

    def take(document, pdf) -> None:
        names = pdf.catalog.get("Names", {})
        tree = names.pop("Dests", None)
        if not names:
            pdf.catalog.pop("Names", None)
        if tree is None:
            return
        page_index = {reference: n for n, reference in enumerate(pdf.page_references)}
        items = tree["Names"]
        for name, (page, _, x, y, _) in zip(items[::2], items[1::2]):
            if name.string in anchors:
                destinations.append((name.string, page_index[page], x, y))

    return take


# --- the whole book -------------------------------------------------------------


MAX_CHUNKS = 4096
# Workers given a first chunk transformed on its own: the n-th such chunk is made by
# transforming the book's first n half-chunks (about 0.15 s each for the long book), so
# with more the last would wait longer than for the whole book's XSLT (some 3 s).
EARLY_CHUNKS = 4


class ChunkPool:
    """The worker processes, started before this process runs Saxon (so they can be forked)."""

    def __init__(self, workers: int, edition: Edition):
        from ..orchestrate import pool_context

        context = pool_context()
        self.workers = workers
        self.counts = context.Array("i", [UNKNOWN] * MAX_CHUNKS, lock=False)
        self.changed = context.Condition()
        self.pool = context.Pool(workers, initializer=_start_worker, initargs=(self.counts, self.changed, edition))

    def __enter__(self) -> "ChunkPool":
        return self

    def __exit__(self, *exc) -> None:
        self.pool.terminate()
        self.pool.join()

    def place(self, index: int, edition: Edition, html: str, css: str, variant: str | None, folder: str):
        """``typeset_chunk`` in a worker: part ``index`` placed after the pages counted before
        it (parts are started in order, so a part waits only for parts already started)."""
        if index >= MAX_CHUNKS:
            raise EditionError(f"the book has {index + 1} parts; at most {MAX_CHUNKS} are supported")
        return self.pool.apply_async(typeset_chunk, (index, edition, html, variant, folder, css))

    def taken(self, index: int) -> None:
        """Wait until a worker has taken part ``index``: the pool's thread that hands out
        the parts does not run while this process runs Saxon (which holds the GIL)."""
        with self.changed:
            self.changed.wait_for(lambda: self.counts[index] != UNKNOWN)

    def count_pages(self, index: int, count: int) -> None:
        """Pages that are no typeset part (a blank page) counted as part ``index``."""
        self.counts[index] = count

    def start(self, *args):
        """``typeset_part(*args)`` in a worker; ``.get()`` the result."""
        return self.pool.apply_async(typeset_part, args)

    def close(self) -> None:
        """Stop the workers (their memory is given back at once)."""
        self.pool.terminate()
        self.pool.join()


def write_chunked(pool: ChunkPool, target: Path, edition: Edition, context, variant: str | None):
    """Typeset the book's print HTML in chunks and join the parts into ``target`` (its page
    map beside it first); returns the PageMap of the joined book.

    Every layout happens in the workers.  The print HTML a build before remembered is cut
    at once.  Else the first chunk of each worker (half the others, so it starts sooner) is
    transformed on its own (with the chunks before it) and laid out while this process
    transforms the rest and then the whole book (some 3 s for 1,000 pages), which gives the
    other chunks.  Once the chunks are laid out, the front matter and the index of names
    (in pieces, one a worker, for a long index) are typeset side by side, and this process
    joins the front matter and the chunks meanwhile, then each piece of the index as it
    comes; its memory holds the print HTML's parts and one part being joined."""
    from ..xslt import stylesheet
    from .pdf import INDEX_ANCHOR, check_mentions, print_html, print_html_memo, write_page_map, xslt_params
    from .pdf_join import joining
    from .pdf_xslt import recalled, remembered

    place = str(edition.tei_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".chunks-", suffix=".tmp", dir=target.parent) as folder:
        jobs, first = [], 0
        # The book's print HTML as a run before made it (the single-process path's too): cut at once.
        whole = recalled(*print_html_memo(edition))
        early = set() if whole is not None else \
            {first_divisions(context, (n + 1) * CHUNK_PAGES // 2 * TEI_BYTES_PER_PAGE) for n in range(min(pool.workers, EARLY_CHUNKS))}
        for end in sorted(early - {0}):  # one chunk a worker, each chunk's divisions ending at ``end``
            html = cut(print_html(edition, context, end), sys.maxsize, after=first).chunks[0]
            jobs.append(pool.place(len(jobs), edition, html, "", variant, folder))
            pool.taken(len(jobs) - 1)
            first = end
        if whole is None:
            whole = remembered(*print_html_memo(edition), lambda: print_html(edition, context))
        parts = cut(whole, CHUNK_PAGES * HTML_CHARS_PER_PAGE, pool.workers, after=first)
        jobs += [pool.place(len(jobs) + i, edition, html, "", variant, folder) for i, html in enumerate(parts.chunks)]
        pool.taken(min(len(jobs), pool.workers) - 1)  # every worker busy before Saxon runs here
        params = xslt_params(edition, context)
        stylesheet("print/index.xsl")  # compiled while the workers lay out the chunks
        context.xdm  # noqa: B018  (the TEI parsed for Saxon now, not once the index needs it)
        chunks = [job.get() for job in jobs]
        body_pages = sum(c.page_count for c in chunks)
        pool.count_pages(len(chunks), body_pages % 2)  # a blank page: the index begins on a recto
        index_first = body_pages + 1 + body_pages % 2
        body_anchors = {name: chunk.first_folio - 1 + page for chunk in chunks for name, page in chunk.anchors.items()}
        folios = {**{name: str(folio) for name, folio in body_anchors.items()}, INDEX_ANCHOR: str(index_first)}
        front_job = pool.start("front", edition, parts.front, contents_css(parts.front, folios), variant, folder)
        # The index's page map: the body's folios will do unless a name is mentioned in the
        # front matter, whose pages are not known before it is typeset.
        early = _mention_ids(context) <= body_anchors.keys()
        if early:
            index_jobs = _start_index(pool, edition, context, params, _body_page_map(body_anchors, index_first), len(chunks) + 1, variant, folder)
        front = front_job.get()
        front_blank = front.page_count % 2  # the text begins on a recto
        before_body = front.page_count + front_blank
        labels = [lower_roman(n) for n in range(1, before_body + 1)] + [str(n) for n in range(1, index_first)]
        anchors = {**front.anchors, **{name: before_body + folio for name, folio in body_anchors.items()}}
        pages = PageMap(anchors, labels)
        check_mentions(context.tree, pages, place)
        if not early:
            index_jobs = _start_index(pool, edition, context, params, pages, len(chunks) + 1, variant, folder)
        with joining(target) as joined:
            for part in [front, *(["blank"] if front_blank else []), *chunks, *(["blank"] if body_pages % 2 else [])]:
                if part == "blank":
                    joined.add_blank()
                else:
                    joined.add(part)
            index_pages = 0
            for number, job in enumerate(index_jobs):  # each piece joined as soon as it is typeset
                piece = job.get()
                joined.add(piece, nested=number > 0)  # the bookmarks of a piece go under the index's own
                index_pages += piece.page_count
            pool.close()
            pages = pages.extended([str(index_first + n) for n in range(index_pages)])
            write_page_map(target, pages, context)
            joined.finish(pages)
    return pages


def _mention_ids(context) -> set[str]:
    from ..xmlio import NS, XML_NS
    from .pdf import MENTIONS

    return {mention.get(f"{{{XML_NS}}}id") for mention in context.tree.xpath(MENTIONS, namespaces=NS)}


def _body_page_map(body_anchors: dict[str, int], index_first: int) -> PageMap:
    """The body's pages numbered by their folios: an index made from it is the index made
    from the whole book's (its locators are labels, its ranges runs of consecutive pages)."""
    return PageMap(body_anchors, [str(n) for n in range(1, index_first)])


def _start_index(pool: ChunkPool, edition: Edition, context, params: dict, pages: PageMap, first_part: int, variant, folder) -> list:
    """Start typesetting the index of names, made from ``pages``, as parts ``first_part`` on."""
    from .pdf import index_counter_rule, index_html

    pieces = index_pieces(index_html(context, params, pages), pool.workers)
    # each piece counted from 1 and moved to its folio, like a chunk
    css = [index_counter_rule(1)] + [index_counter_rule(1) + CONTINUED_INDEX_CSS] * (len(pieces) - 1)
    return [pool.place(first_part + n, edition, html, rules, variant, folder) for n, (html, rules) in enumerate(zip(pieces, css))]


# --- the index of names in pieces ---------------------------------------------

# Print HTML of the index per page (the seed's text five times over: 99 kB, 7 pages).
INDEX_HTML_CHARS_PER_PAGE = 14000
# An index is cut into pieces of at least this many pages (one a worker), else kept whole.
MIN_INDEX_PIECE_PAGES = 3
# A piece after the first has no heading of its own: an empty block in its place sets the
# running heads, and they are shown on its first page too (a heading there hides them).
CONTINUED_INDEX_CSS = """
.running-heads { string-set: recto attr(data-recto), verso attr(data-verso); }
@page :first:right { @top-center { content: string(recto); } }
@page :first:left { @top-center { content: string(verso); } }
"""


def index_pieces(index_html: str, workers: int) -> list[str]:
    """The index of names as ``workers`` pieces to be typeset side by side, when it is long
    enough for pieces of MIN_INDEX_PIECE_PAGES; else whole.  A piece ends before an entry
    whose initial differs from the one before it, the cuts where the pieces come nearest
    to equal lengths; each piece begins a page (its last page has its columns balanced)."""
    from .pdf import INDEX_ANCHOR

    count = min(workers, len(index_html) // (INDEX_HTML_CHARS_PER_PAGE * MIN_INDEX_PIECE_PAGES))
    if count < 2:
        return [index_html]
    document = lxml_html.document_fromstring(index_html)
    index = document.body.find(f".//section[@id='{INDEX_ANCHOR}']")
    entries = index.findall(".//li")
    ends, total = [], 0
    for entry in entries:
        total += len(lxml_html.tostring(entry))
        ends.append(total)
    cuts = [n for n in range(1, len(entries)) if _initial(entries[n]) != _initial(entries[n - 1])]
    chosen = sorted({min(cuts, key=lambda n: abs(ends[n - 1] - total * k / count)) for k in range(1, count)}) if cuts else []
    bounds = list(zip([0, *chosen], [*chosen, len(entries)]))
    head = _head(document)
    return [_document(document, lxml_html.tostring(_index_piece(index, first, last), encoding="unicode"), head) for first, last in bounds]


def _initial(entry) -> str:
    """The first letter of an entry, without its accent."""
    import unicodedata

    text = unicodedata.normalize("NFKD", entry.text_content())
    return next((c.casefold() for c in text if c.isalpha()), "")


def _index_piece(index, first: int, last: int):
    """A copy of the index section with entries ``first`` to ``last`` (exclusive) only.  A
    piece after the first has no heading and no id, and a group it continues neither
    (ids must be unique in the joined book)."""
    entry = index.findall(".//li")[first]
    continued = entry.getparent().getparent().find(".//li") is not entry
    piece = _copy(index)
    entries = piece.findall(".//li")
    for entry in entries[:first] + entries[last:]:
        entry.getparent().remove(entry)
    for group in piece.findall("section"):
        if group.find(".//li") is None:
            piece.remove(group)
    if first > 0:
        heading = piece.find("h2")
        heads = {name: heading.get(name, "") for name in ("data-recto", "data-verso")}
        piece.replace(heading, lxml_html.Element("div", {"class": "running-heads", **heads}))
        del piece.attrib["id"]
    if first > 0 and continued:
        group = piece.find("section")
        group.remove(group.find("h3"))
        group.attrib.pop("id", None)
    return piece


def contents_css(front_html: str, folios: dict[str, str]) -> str:
    """The contents' folios for entries whose target lies in another part (target-counter
    sees only its own document), as CSS rules that override print.css's target-counter."""
    targets = [href[1:] for href in lxml_html.document_fromstring(front_html).xpath("//nav[@id='contents']//a/@href")]
    return "\n".join(f'.toc a[href="#{name}"]::after {{ content: leader(". ") "{folios[name]}"; }}' for name in targets if name in folios)
