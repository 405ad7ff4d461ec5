"""Joining the parts of a book typeset in chunks into one PDF, streaming.

Each part is a PDF written by WeasyPrint (the front matter, the body chunks, the
index of names).  The joined file is written object by object as the parts are
read, one part at a time: an object of a part gets the next free number of the
joined file, its references are renumbered, and it is written out at once (its
content stream as it is, still compressed).  So memory holds one part's objects,
never the book's.  What belongs to the whole book is written last: the page tree,
the outline's top level (each part's top-level bookmarks in order), one name tree
of the real anchors (a link to another part was written against a placeholder
anchor and resolves here), the page labels, and the front part's catalogue
entries (XMP metadata, language, output intent) and document information.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..xmlio import atomic_path
from .pdf_pages import PageMap
from .pdf_runtime import release_free_memory

CATALOG_KEYS = ("/Metadata", "/Lang", "/MarkInfo", "/ViewerPreferences", "/OutputIntents")


@dataclass
class _Joined:
    """The file being written: where each object starts, and what the whole book needs."""

    stream: BinaryIO
    offsets: list[int | None] = field(default_factory=lambda: [None])
    pages: list = field(default_factory=list)  # references to the joined pages, in order
    bookmarks: list = field(default_factory=list)  # the outline's top level (Bookmark trees), written last
    destinations: list = field(default_factory=list)  # (name, page reference, left, top)
    catalog_entries: dict = field(default_factory=dict)  # the front part's CATALOG_KEYS, copied
    info: object = None  # the front part's document information, copied
    page_size: list = field(default_factory=list)  # the front part's first media box
    digest: object = field(default_factory=hashlib.sha256)  # of the parts, for the file identifier

    def __post_init__(self):
        self.page_tree, self.outline = self.allocate(), self.allocate()

    def allocate(self):
        from pypdf.generic import IndirectObject

        self.offsets.append(None)
        return IndirectObject(len(self.offsets) - 1, 0, None)

    def write(self, reference, obj) -> None:
        self.offsets[reference.idnum] = self.stream.tell()
        self.stream.write(b"%d 0 obj\n" % reference.idnum)
        obj.write_to_stream(self.stream)
        self.stream.write(b"\nendobj\n")

    def add(self, obj):
        reference = self.allocate()
        self.write(reference, obj)
        return reference


class Joiner:
    """Parts appended one after the other (the first is the front matter), then ``finish``."""

    def __init__(self, stream: BinaryIO):
        self.joined = _Joined(stream)

    def add(self, part, nested: bool = False) -> None:
        """Append the pages of a typeset part (edition/builders/pdf_chunks.py's Typeset);
        ``nested``: its top-level bookmarks go under the last top-level bookmark so far (a
        piece of the index continues the index)."""
        from pypdf import PdfReader

        joined = self.joined
        reader = PdfReader(part.path)
        first = not joined.pages
        if first:
            joined.stream.write(reader.pdf_header.encode("ascii") + b"\n%\xe2\xe3\xcf\xd3\n")
            joined.page_size = [float(n) for n in reader.pages[0].mediabox]
        joined.digest.update(Path(part.path).read_bytes())
        _copy_part(joined, reader, part, front=first, nested=nested)
        del reader
        release_free_memory()  # a reader and its objects are cyclic garbage (the build pauses the collector)

    def add_blank(self) -> None:
        """Append an empty page of the book's size."""
        from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject

        joined = self.joined
        joined.pages.append(joined.add(DictionaryObject({
            NameObject("/Type"): NameObject("/Page"), NameObject("/Parent"): joined.page_tree,
            NameObject("/MediaBox"): ArrayObject(FloatObject(n) for n in joined.page_size),
            NameObject("/Resources"): DictionaryObject(),
        })))

    def finish(self, pages: PageMap) -> None:
        """The objects of the whole book, ``pages`` giving the page labels; the trailer."""
        _write_trailer(self.joined, _book_objects(self.joined, pages), self.joined.digest.digest()[:16])


@contextlib.contextmanager
def joining(target: Path):
    """A Joiner writing ``target`` (atomically: renamed into place once finished)."""
    with atomic_path(target) as tmp, open(tmp, "wb") as stream:
        yield Joiner(stream)


@dataclass
class Bookmark:
    """An outline item held back until the whole outline is known: its number in the joined
    file, its dictionary (references renumbered) and its children."""

    number: object
    item: object
    children: list


def _copy_part(joined: _Joined, reader, part, front: bool = False, nested: bool = False) -> None:
    """Write every object the pages and bookmarks of ``reader`` (the PDF of ``part``) use,
    but its outline items (held: they are linked once the whole outline is known); note its
    pages, its bookmarks and the destinations of its real anchors; for the ``front`` part,
    also its catalogue entries and document information."""
    from pypdf.generic import NameObject

    root = reader.trailer["/Root"]
    outline = root.get("/Outlines")
    tree = _outline_tree(outline)
    copier = _Copier(joined, {root.raw_get("/Pages").idnum: joined.page_tree})
    if outline is not None:
        copier.numbers[root.raw_get("/Outlines").idnum] = joined.outline
    new_pages = [copier.reference(page.indirect_reference) for page in reader.pages]
    held = _held(copier, tree)
    if front:
        joined.catalog_entries = {NameObject(key): copier.remap(root.raw_get(key)) for key in CATALOG_KEYS if key in root}
        joined.info = copier.reference(reader.trailer.raw_get("/Info")) if "/Info" in reader.trailer else None
    copier.run({ref.idnum for ref in held})
    joined.pages += new_pages
    bookmarks = [_bookmark(copier, ref, children) for ref, children in tree]
    if nested and joined.bookmarks:
        joined.bookmarks[-1].children += bookmarks
    else:
        joined.bookmarks += bookmarks
    joined.destinations += [(name, new_pages[page], left, top) for name, page, left, top in part.destinations]


def _outline_tree(outline) -> list:
    """The items of an outline dictionary (or item) as (reference, children) pairs, in order."""
    found = []
    item = outline.raw_get("/First") if outline is not None and "/First" in outline else None
    while item is not None:
        obj = item.get_object()
        found.append((item, _outline_tree(obj)))
        item = obj.raw_get("/Next") if "/Next" in obj else None
    return found


def _held(copier: "_Copier", tree: list) -> list:
    """The references of every item of ``tree``, each given its number in the joined file."""
    found = []
    for ref, children in tree:
        copier.reference(ref)
        found += [ref, *_held(copier, children)]
    return found


def _bookmark(copier: "_Copier", ref, children: list) -> Bookmark:
    return Bookmark(copier.numbers[ref.idnum], copier.held[ref.idnum], [_bookmark(copier, *child) for child in children])


class _Copier:
    """Copies objects of one part into the joined file, renumbering their references."""

    def __init__(self, joined: _Joined, numbers: dict):
        self.joined = joined
        self.numbers = dict(numbers)
        self.queue: list = []
        self.held: dict = {}

    def reference(self, old):
        new = self.numbers.get(old.idnum)
        if new is None:
            new = self.numbers[old.idnum] = self.joined.allocate()
            self.queue.append(old)
        return new

    def remap(self, obj):
        """``obj`` with its references renumbered (in place: the part's reader is dropped after)."""
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

        if isinstance(obj, IndirectObject):
            return self.reference(obj)
        if isinstance(obj, DictionaryObject):
            for key in list(obj.keys()):
                obj[key] = self.remap(obj.raw_get(key))
        elif isinstance(obj, ArrayObject):
            for n, value in enumerate(obj):
                obj[n] = self.remap(value)
        return obj

    def run(self, held: set) -> None:
        """Write every queued object (and those it refers to); keep the ``held`` ones (by
        the numbers of their references in the part) back."""
        while self.queue:
            old = self.queue.pop()
            obj = self.remap(old.get_object())
            if old.idnum in held:  # a copy: the object itself would keep the part's reader alive
                self.held[old.idnum] = type(obj)(obj)
            else:
                self.joined.write(self.numbers[old.idnum], obj)


def _book_objects(joined: _Joined, pages: PageMap):
    """Write the page tree, the outline's top level, the name tree and the page labels;
    return the catalogue (not yet written)."""
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    joined.write(joined.page_tree, DictionaryObject({
        NameObject("/Type"): NameObject("/Pages"), NameObject("/Kids"): ArrayObject(joined.pages),
        NameObject("/Count"): NumberObject(len(joined.pages))}))
    count = _write_bookmarks(joined, joined.bookmarks, joined.outline)
    outline = DictionaryObject({NameObject("/Type"): NameObject("/Outlines"), NameObject("/Count"): NumberObject(count)})
    if joined.bookmarks:
        outline[NameObject("/First")], outline[NameObject("/Last")] = joined.bookmarks[0].number, joined.bookmarks[-1].number
    joined.write(joined.outline, outline)
    names = ArrayObject()
    for name, page, left, top in sorted(joined.destinations, key=lambda d: d[0]):
        names.extend([TextStringObject(name), ArrayObject([page, NameObject("/XYZ"), FloatObject(left), FloatObject(top), FloatObject(0)])])
    dests = joined.add(DictionaryObject({NameObject("/Names"): names}))
    nums = ArrayObject()
    for index, style, number in pages.label_runs():
        nums.extend([NumberObject(index), DictionaryObject({NameObject("/S"): NameObject(f"/{style}"), NameObject("/St"): NumberObject(number)})])
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Catalog"), NameObject("/Pages"): joined.page_tree,
        NameObject("/Outlines"): joined.outline,
        NameObject("/Names"): DictionaryObject({NameObject("/Dests"): dests}),
        NameObject("/PageLabels"): DictionaryObject({NameObject("/Nums"): nums}),
    })


def _write_bookmarks(joined: _Joined, bookmarks: list, parent) -> int:
    """Write ``bookmarks``, the children of ``parent``, linked to it and to each other;
    return how many items they show (an open item shows its children, as WeasyPrint counts)."""
    from pypdf.generic import NameObject, NumberObject

    shown = len(bookmarks)
    for n, bookmark in enumerate(bookmarks):
        item = bookmark.item
        item[NameObject("/Parent")] = parent
        for key in ("/Prev", "/Next", "/First", "/Last"):
            item.pop(key, None)
        if n > 0:
            item[NameObject("/Prev")] = bookmarks[n - 1].number
        if n + 1 < len(bookmarks):
            item[NameObject("/Next")] = bookmarks[n + 1].number
        if bookmark.children:
            item[NameObject("/First")], item[NameObject("/Last")] = bookmark.children[0].number, bookmark.children[-1].number
        closed = int(item.get("/Count", 0)) < 0
        count = _write_bookmarks(joined, bookmark.children, bookmark.number)
        item[NameObject("/Count")] = NumberObject(-count if closed else count)
        shown += 0 if closed else count
        joined.write(bookmark.number, item)
    return shown


def _write_trailer(joined: _Joined, catalog, digest: bytes) -> None:
    """The catalogue (with the front part's entries), the cross-reference table, the trailer."""
    from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject, NumberObject

    catalog.update(joined.catalog_entries)
    root = joined.add(catalog)
    xref = joined.stream.tell()
    lines = [b"xref\n0 %d\n" % len(joined.offsets), b"0000000000 65535 f \n"]
    lines += [b"%010d 00000 n \n" % offset for offset in joined.offsets[1:]]
    joined.stream.write(b"".join(lines))
    trailer = DictionaryObject({NameObject("/Size"): NumberObject(len(joined.offsets)), NameObject("/Root"): root,
                                NameObject("/ID"): ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])})
    if joined.info is not None:
        trailer[NameObject("/Info")] = joined.info
    joined.stream.write(b"trailer\n")
    trailer.write_to_stream(joined.stream)
    joined.stream.write(b"\nstartxref\n%d\n%%%%EOF\n" % xref)
