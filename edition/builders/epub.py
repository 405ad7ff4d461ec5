"""EPUB 3.3 writer: ``dist/<slug>/<slug>.epub``.

The XSLT (``xslt/epub/``) turns the TEI master into the content documents, the
navigation document and the package metadata and spine; this module adds what
is not in the TEI (subset fonts, the cover image, the stylesheet), the
manifest, and the reproducible zip container. When the PDF has been built,
its page map (``<slug>.pages.json``) gives page-break markers and a page-list.
"""

from __future__ import annotations

import json
import tempfile
import uuid
from datetime import datetime
from pathlib import Path

from lxml import etree

from ..clock import build_time
from ..errors import EditionError
from ..project import Edition
from ..resources import data_dir
from ..xmlio import NS, safe_parser, write_bytes_atomic
from ..xslt import stylesheet
from . import BuildOptions, EditionContext, context_for, register
from .cover import kept_cover_png
from .epub_fonts import book_fonts
from .pdf_fonts import font_files, licence_text
from .pdf_xslt import remembered_transform
from .zipwrite import ocf_bytes

OPF_NS = "http://www.idpf.org/2007/opf"
XHTML_NS = "http://www.w3.org/1999/xhtml"
CONTENT_DIR = "EPUB"
MEDIA_TYPES = {
    ".xhtml": "application/xhtml+xml",
    ".css": "text/css",
    ".woff2": "font/woff2",
    ".png": "image/png",
}
# Manifest properties of the files that have one.
PROPERTIES = {"nav.xhtml": "nav", "images/cover.png": "cover-image"}
CONTAINER_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
    f'  <rootfiles><rootfile full-path="{CONTENT_DIR}/package.opf" media-type="application/oebps-package+xml"/></rootfiles>\n'
    "</container>\n"
).encode("utf-8")


@register
class EpubBuilder:
    name = "epub"

    def build(self, edition: Edition, options: BuildOptions) -> Path:
        context = context_for(edition, options)
        tei = context.tree
        target = edition.dist_dir / f"{edition.slug}.epub"
        moment = build_time()
        with tempfile.TemporaryDirectory(prefix="epub-") as tmp:
            content = Path(tmp)
            package = self._transform(edition, context, content, moment)
            self._add_resources(edition, tei, content)
            files = {f"{CONTENT_DIR}/{name}": data for name, data in _read_tree(content).items()}
            files[f"{CONTENT_DIR}/package.opf"] = _with_manifest(package, content)
        files["META-INF/container.xml"] = CONTAINER_XML
        write_bytes_atomic(target, ocf_bytes(files, int(moment.timestamp())))
        return target

    def prepare(self, edition: Edition, options: BuildOptions) -> None:
        """Make ahead what does not depend on the PDF's page map (the compiled stylesheet, the
        cover): ``edition build all`` calls this while the PDF is being typeset."""
        stylesheet("epub/main.xsl")
        _cover(context_for(edition, options).tree, edition)

    def _transform(self, edition: Edition, context: EditionContext, out: Path, moment: datetime) -> bytes:
        params = {
            "identifier": publication_id(context.tree, edition.slug),
            "modified": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "pages-json": _pages_json(edition),
            "font-licence": licence_text(),
            "collation": context.collation,
        }
        kept = edition.project.cache / "epub" / f"{edition.slug}.json"  # the same inputs: the same documents, without Saxon
        return remembered_transform(kept, context, "epub/main.xsl", params, out).encode("utf-8")

    def _add_resources(self, edition: Edition, tei: etree._ElementTree, content: Path) -> None:
        css = data_dir("styles") / "epub.css"
        if not css.is_file():
            raise EditionError("EPUB stylesheet missing", str(css))
        _write(content / "styles" / "epub.css", css.read_bytes())
        for name, data in book_fonts(_visible_text(content), font_cache(edition)).items():
            _write(content / "fonts" / name, data)
        _write(content / "images" / "cover.png", _cover(tei, edition))


def font_cache(edition: Edition) -> Path:
    """Where subset fonts are kept: shared by the project's editions, never published."""
    return edition.project.cache / "fonts"


def publication_id(tei: etree._ElementTree, slug: str) -> str:
    """A stable ``urn:uuid:``: the TEI's own if it is one, else a UUID5 of its URI (or of the slug)."""
    idno = tei.findtext("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='URI']", namespaces=NS)
    idno = (idno or "").strip()
    if idno.lower().startswith("urn:uuid:"):
        try:
            return "urn:uuid:" + str(uuid.UUID(idno[9:]))
        except ValueError:
            raise EditionError(f"publicationStmt idno is not a valid urn:uuid: {idno!r}", str(tei.docinfo.URL)) from None
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, idno or f"urn:edition:{slug}"))


def _pages_json(edition: Edition) -> str:
    """The PDF builder's page map as JSON text, or '' when the PDF has not been built."""
    path = edition.dist_dir / f"{edition.slug}.pages.json"
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    try:
        pages = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EditionError(f"invalid JSON: {exc.msg}", f"{path}:{exc.lineno}:{exc.colno}") from None
    if not isinstance(pages, dict) or not isinstance(pages.get("anchors"), dict) or not isinstance(pages.get("pages"), list):
        raise EditionError('expected {"pages": [...], "anchors": {...}}', str(path))
    return text


def _cover(tei: etree._ElementTree, edition: Edition) -> bytes:
    file_desc = tei.find("tei:teiHeader/tei:fileDesc", NS)
    # The apostrophe made typographic, as the XSLT renders the title everywhere else.
    title = " ".join((file_desc.findtext("tei:titleStmt/tei:title", "", NS)).split()).replace("'", "\u2019")
    authors = tuple(" ".join("".join(a.itertext()).split()) for a in file_desc.iterfind("tei:titleStmt/tei:author", NS))
    note = " ".join(file_desc.findtext("tei:editionStmt/tei:edition", "", NS).split())
    return kept_cover_png(title, authors, font_files()["normal"], note, edition.project.cache / "covers")


def _visible_text(content: Path) -> str:
    """Every character the content documents show, for the font subset."""
    chars: set[str] = set()
    for page in sorted(content.glob("*.xhtml")):
        # Our own output, with its HTML5 doctype (which parse_xml refuses in inputs).
        body = etree.parse(str(page), safe_parser()).find(f"{{{XHTML_NS}}}body")
        chars.update("".join(body.itertext()))
    return "".join(sorted(chars))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _read_tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _with_manifest(package: bytes, content: Path) -> bytes:
    """Insert the manifest (every file under ``content``) before the spine; check the spine's idrefs."""
    root = etree.fromstring(package, safe_parser(remove_blank_text=True))
    manifest = etree.Element(f"{{{OPF_NS}}}manifest")
    for name in sorted(_read_tree(content)):
        media_type = MEDIA_TYPES.get(Path(name).suffix)
        if media_type is None:
            raise EditionError(f"no EPUB media type for {name}", str(content))
        item = etree.SubElement(manifest, f"{{{OPF_NS}}}item", id=Path(name).name.replace(".", "-"), href=name)
        item.set("media-type", media_type)
        if name in PROPERTIES:
            item.set("properties", PROPERTIES[name])
    spine = root.find(f"{{{OPF_NS}}}spine")
    spine.addprevious(manifest)
    known = {item.get("id") for item in manifest}
    missing = [ref.get("idref") for ref in spine if ref.get("idref") not in known]
    if missing:
        raise EditionError(f"spine items without a file: {', '.join(missing)}", "xslt/epub/package.xsl")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
