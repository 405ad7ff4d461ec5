"""``edition catalogue``: the corpus's front door, made from the outputs of its shards.

A corpus too large for one machine is built as shards (``edition build all --shard
I/N``), each job with its own ``dist/`` (see ``examples/github-actions/``).  The merge
step gathers the editions of every shard's ``dist/`` into one folder and writes there:

* ``index.html``: a landing page listing every edition (title, authors, date and a link
  to each format it was built in);
* ``oai-static.xml``: one OAI-PMH static repository for the whole corpus, a record per
  edition in oai_dc and MODS (made by the same crosswalks as each edition's own
  repository, ``edition/metadata.py``), so a library harvests the corpus at once;
* ``sitemap.xml``: every page and download of every edition, for search engines.

An edition is a folder ``<slug>/`` holding its HTML (``html/``, with the copy of the
TEI master the HTML offers for download, ``html/<slug>.xml``), read from there: the
catalogue needs nothing but the shards' outputs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from lxml.html import builder as E
from lxml.html import tostring

from .clock import build_time
from .errors import EditionError
from .metadata import DC_NS, describe, oai_static_repository
from .project import SLUG_RE
from .xmlio import atomic_dir, write_bytes_atomic

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
STATIC_NS = "http://www.openarchives.org/OAI/2.0/static-repository"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# The formats an edition may offer, by the file that holds each (relative to <slug>/).
FORMATS = (("HTML", "html/index.html"), ("PDF", "{slug}.pdf"), ("EPUB", "{slug}.epub"), ("TEI", "html/{slug}.xml"))


@dataclass(frozen=True)
class Entry:
    """One edition of the corpus, as the catalogue lists it."""

    slug: str
    folder: Path
    title: str
    authors: list[str]
    date: str
    formats: list[tuple[str, str]]  # (name, path relative to the catalogue folder)

    @property
    def tei(self) -> Path:
        return self.folder / "html" / f"{self.slug}.xml"


def gather(shards: list[Path], target: Path) -> list[Path]:
    """Copy every edition folder of the ``shards``' dist folders into ``target`` (an edition
    found in two shards is an error: each slug belongs to exactly one shard)."""
    seen: dict[str, Path] = {}
    for shard in shards:
        if not shard.is_dir():
            raise EditionError("no such shard output folder", str(shard))
        for folder in sorted(p for p in shard.iterdir() if _is_edition(p)):
            if folder.name in seen and seen[folder.name] != folder:
                raise EditionError(f"edition {folder.name} is in two shards ({seen[folder.name]})", str(folder))
            seen[folder.name] = folder
            if folder.resolve() != (target / folder.name).resolve():
                with atomic_dir(target / folder.name) as copy:
                    shutil.copytree(folder, copy, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".*"))
    return [target / slug for slug in sorted(seen)]


def _is_edition(folder: Path) -> bool:
    return folder.is_dir() and SLUG_RE.match(folder.name) is not None and (folder / "html" / f"{folder.name}.xml").is_file()


def entry(folder: Path) -> Entry:
    """Title, authors and date from the edition's TEI master (by its DC record); its formats."""
    slug = folder.name
    root = etree.fromstring(describe(folder / "html" / f"{slug}.xml").dc.encode("utf-8"))

    def values(name: str) -> list[str]:
        return [" ".join((el.text or "").split()) for el in root.iter(f"{{{DC_NS}}}{name}")]

    formats = [(name, f"{slug}/{path.format(slug=slug)}") for name, path in FORMATS if (folder / path.format(slug=slug)).is_file()]
    return Entry(slug, folder, (values("title") or [slug])[0], values("creator"), (values("date") or [""])[0], formats)


def landing_page(entries: list[Entry], name: str) -> bytes:
    """The corpus's index.html: one list item per edition."""
    items = []
    for e in entries:
        formats = [E.A(label, href=path) for label, path in e.formats]
        links = [part for link in formats for part in (", ", link)][1:]
        title = E.A(e.title, href=formats[0].get("href")) if e.formats and e.formats[0][0] == "HTML" else e.title
        items.append(E.LI(
            E.CLASS("edition"),
            E.CITE(title), ", ",
            E.SPAN(E.CLASS("authors"), "; ".join(e.authors) or "anonymous"),
            *([" (", E.TIME(e.date, datetime=e.date), ")"] if e.date else []), ". ",
            E.SPAN(E.CLASS("formats"), "Formats: ", *links),
        ))
    page = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.META(name="viewport", content="width=device-width, initial-scale=1"), E.TITLE(name)),
        E.BODY(E.MAIN(E.H1(name), E.P(f"{len(entries)} editions."), E.UL(*items))),
        lang="en",
    )
    return b"<!DOCTYPE html>\n" + tostring(page, encoding="utf-8", pretty_print=True)


def corpus_repository(entries: list[Entry], name: str, base_url: str, admin_email: str) -> bytes:
    """One OAI-PMH static repository for the corpus: each edition's own static repository
    (from edition/metadata.py) gives its records; the Identify part names the corpus."""
    created = build_time()
    documents = [etree.fromstring(oai_static_repository(e.tei, f"{base_url}/oai-static.xml", admin_email, created).encode("utf-8"))
                 for e in entries]
    corpus = documents[0]
    identify = corpus.find(f"{{{STATIC_NS}}}Identify")
    identify.find(f"{{{OAI_NS}}}repositoryName").text = name
    lists = corpus.findall(f"{{{STATIC_NS}}}ListRecords")
    for document in documents[1:]:
        for mine, theirs in zip(lists, document.findall(f"{{{STATIC_NS}}}ListRecords")):
            if mine.get("metadataPrefix") != theirs.get("metadataPrefix"):
                raise EditionError("the editions' OAI repositories offer different formats")
            mine.extend(theirs.findall(f"{{{OAI_NS}}}record"))
    return etree.tostring(corpus, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def sitemap(entries: list[Entry], base_url: str) -> bytes:
    """Every HTML page and download of every edition, and the landing page."""
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
    paths = ["index.html"]
    for e in entries:
        paths += sorted(f"{e.slug}/html/{p.relative_to(e.folder / 'html').as_posix()}" for p in (e.folder / "html").rglob("*.html"))
        paths += [path for label, path in e.formats if label != "HTML"]
    for path in paths:
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{base_url}/{path}"
    return etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def make_catalogue(shards: list[Path], target: Path, name: str, base_url: str, admin_email: str) -> list[Entry]:
    """Gather ``shards`` into ``target`` and write its landing page, OAI repository and sitemap."""
    base_url = base_url.rstrip("/")
    if not base_url.startswith(("https://", "http://")):
        raise EditionError(f"--base-url {base_url!r}: give the absolute URL the corpus is served from")
    target.mkdir(parents=True, exist_ok=True)
    entries = [entry(folder) for folder in gather(shards, target)]
    if not entries:
        raise EditionError("no built editions found (an edition needs its HTML: edition build all)", str(shards[0]))
    write_bytes_atomic(target / "index.html", landing_page(entries, name))
    write_bytes_atomic(target / "oai-static.xml", corpus_repository(entries, name, base_url, admin_email))
    write_bytes_atomic(target / "sitemap.xml", sitemap(entries, base_url))
    return entries

