"""The HTML reading edition: ``dist/<slug>/html/``, opened from disk or any static host.

The pages come from ``xslt/html/main.xsl`` (compiled once per process).  They are a pure
function of the TEI master, the stylesheets and the parameters, so they are kept across
runs in ``dist/.cache/html/`` under the sha256 of all of those (``remembered_transform``,
as the print HTML is): a forced rebuild of an unchanged edition writes the same pages without
running Saxon (some 0.5 s of CPU beside the PDF).  The text
is one page per section rather than one long page with anchors: a reader on a
phone loads one chapter at a time, each page has one h1 for screen readers, and
every paragraph keeps a stable permalink ``sNN.html#sNN.pM`` that the register,
the search results and the list of corrections point to.

Beside the pages the folder holds the CSS and scripts from ``styles/``, a
search index (``search-index.js``, written by the XSLT), and copies of the TEI
master and the register so the downloads travel with the site.  The EPUB and
PDF, when built, are copied in too, so the folder is a complete site.  A book
still being made beside this build (``BuildOptions.books_to_come``, set by
``edition build all``) is listed at once and copied in by ``add_books`` when made.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..errors import EditionError
from ..project import Edition
from ..resources import data_dir
from ..xmlio import NS, XML_NS, atomic_dir
from . import BuildOptions, context_for, register
from .html_map import place_facts
from .epub_fonts import book_fonts
from .pdf_fonts import licence_text
from .pdf_xslt import remembered_transform

# Shipped with every build: the stylesheet and the scripts (the site works without them).
ASSETS = ("html.css", "edition.js", "cite.js", "search.js")


@register
class HtmlBuilder:
    name = "html"

    def build(self, edition: Edition, options: BuildOptions) -> Path:
        context = context_for(edition, options)
        target = edition.dist_dir / "html"
        places = place_facts(geonames_ids(context.tree), edition.project.cache / "geonames")
        with atomic_dir(target) as folder:
            downloads = copy_downloads(edition, folder, options.books_to_come)
            params = {"downloads": downloads, "geonames": json.dumps(places, sort_keys=True), "collation": context.collation}
            remembered_transform(edition.project.cache / "html" / f"{edition.slug}.json", context, "html/main.xsl", params, folder)
            copy_assets(folder)
            copy_fonts(folder / "fonts", edition)
        return target

    @staticmethod
    def add_books(site: Path, made: list[Path]) -> None:
        """Copy the books ``made`` beside the build of ``site`` (its ``books_to_come``) into it."""
        for book in made:
            shutil.copyfile(book, site / book.name)


def geonames_ids(tree) -> dict[str, str]:
    """Register id → GeoNames URI of every place in the master's standOff that has one."""
    idnos = tree.xpath("//tei:standOff//tei:place/tei:idno[@subtype = 'geonames']", namespaces=NS)
    return {idno.getparent().get(f"{{{XML_NS}}}id"): idno.text or "" for idno in idnos}


def copy_downloads(edition: Edition, folder: Path, to_come: tuple[str, ...] = ()) -> list[str]:
    """Put the built books, the TEI master and the register in ``folder``; return their names, in menu order.

    The books are copied in rather than linked as ``../x.pdf``, so the downloads work when
    ``html/`` alone is the site's root.  Books of the formats ``to_come`` are named but
    not copied: ``add_books`` puts them in once they are made."""
    links = []
    for fmt, source in (*books(edition).items(), (None, edition.tei_path), (None, edition.project.register)):
        if fmt in to_come:
            links.append(source.name)
        elif source.is_file():
            shutil.copyfile(source, folder / source.name)
            links.append(source.name)
    return links


def books(edition: Edition) -> dict[str, Path]:
    """The books the site offers, by format, in menu order."""
    return {fmt: edition.dist_dir / f"{edition.slug}.{fmt}" for fmt in ("epub", "pdf")}


def copy_assets(folder: Path) -> None:
    styles = data_dir("styles")
    for name in ASSETS:
        source = styles / name
        if not source.is_file():
            raise EditionError("stylesheet asset missing from the installation", str(source))
        shutil.copyfile(source, folder / name)


def copy_fonts(folder: Path, edition: Edition) -> None:
    """EB Garamond as WOFF2 cut to the characters the pages use (the subsets the EPUB uses), and
    the OFL, which asks to travel along."""
    folder.mkdir()
    characters = set().union(*(page.read_text(encoding="utf-8") for page in folder.parent.glob("*.html")))
    for name, data in book_fonts("".join(sorted(characters)), edition.project.cache / "fonts").items():
        (folder / name).write_bytes(data)
    (folder / "OFL.txt").write_text(licence_text(), encoding="utf-8")
