"""``edition new SLUG TEXTFILE``: start a new edition from a plain text.

Writes ``sources/<slug>/`` holding a byte-identical copy of the text (or, for a
text in another encoding, declared or given with ``--encoding``, its UTF-8 copy:
edition.received) and an
``edition.toml`` whose fields are explained and pre-filled where the text
allows (a Project Gutenberg file's header gives title, author and language; otherwise
the title page as ``convert`` reads it gives title and author, or the first line the title); the text is checked as ``convert`` reads it, so a file that is not
UTF-8 and does not say its encoding is refused at once; ``tei/register.xml`` is created empty
when the project has none.  Then ``edition convert SLUG`` and
``edition build all SLUG`` give the TEI master and every output.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from .gutenberg import header_fields
from .languages import CODES, detect
from .convert.heads import is_signature
from .convert.model import Source
from .convert.p10_structure import build_document
from .convert.settings import Structure
from .convert.source import read_bytes, source_from_bytes
from .errors import EditionError
from .project import Project
from .received import Transcoded, transcode
from .webpage import is_html, page_text
from .xmlio import atomic_dir, write_text_atomic

TOML_TEMPLATE = """\
# Bibliographic facts and editorial rules for the edition "{slug}".
# Read by `edition convert` (teiHeader, structure, corrections) and by the builders.
# Fill in every field marked FILL IN, then run:
#   edition convert {slug} && edition validate tei/{slug}.xml && edition build all {slug}

[edition]
title = {title}  # FILL IN: check; {guessed}
# Authors in the order of the source's statement of responsibility. `ref` (optional)
# is the xml:id of the author's entry in tei/register.xml.
authors = [
  {{ name = {author} }},  # FILL IN: {{ name = "...", forename = "...", surname = "...", ref = "..." }}
]
date = "n.d."            # FILL IN: year the text was written, e.g. "1967"
language = "{language}"          # ISO 639 code of the text: names are recognised with its word list
# language_name = "English"  # the language's name, when edition.languages does not know the code
subject = "FILL IN"      # subjects, separated by semicolons
keywords = ["FILL IN"]   # e.g. ["history", "politics"]
edition_statement = "Digital scholarly edition, first release"
version = "1.0"
publisher = "Unpublished draft"  # FILL IN: who publishes this edition
pub_place = "Online"
# description = "..."   # a summary for catalogues (TEI abstract, MODS, DC, EPUB)
# genre = "essay"        # the kind of work, for MODS genre
# editors = [{{ name = "...", resp = "Edited by" }}]  # who made this edition (default: the publisher)

# Every record states the rights of the text and the licence of this edition apart.
[rights]
# The text: a rightsstatements.org URI, e.g. .../InC/1.0/ (in copyright), .../NoC-US/1.0/,
# or https://creativecommons.org/publicdomain/mark/1.0/ for a text in the public domain.
text_status = "http://rightsstatements.org/vocab/CNE/1.0/"  # FILL IN: Copyright Not Evaluated until you do
# text_holders = ["..."]  # the rights holders, when the text is in copyright
edition_licence = "Creative Commons Attribution 4.0 International (CC BY 4.0)"  # FILL IN: check
edition_licence_url = "https://creativecommons.org/licenses/by/4.0/"

[source]
file = {file}{received}
description = {description}  # FILL IN: where it comes from, who transcribed it
# original_date = "1967"  # FILL IN: date of the original, if different from [edition] date

[print]
# Trim size of the printed book: "A5", "6in 9in", or any CSS page size.
trim = "A5"

# How `edition convert` maps the blank-line separated blocks of the text to TEI.
[structure]
title = true          # block 1: the title
byline = {byline}        # true: block 2 is the byline whatever it says (blocks opening "by …",
                      # "Translated by …" are bylines anyway)
preface = false       # blocks before the first head form an editorial preface (a head "Preface",
                      # "Translator's Preface", "Introduction" opens one anyway)
closer = false        # the short final block is the authors' signature (signatures and
                      # datelines ending a division are recognised anyway)
max_head_words = 12   # a head: "Chapter IV" (+ title), "III. Title", a line in capitals, a short title line
# Where the rules get a heading wrong: lines that are, or are not, headings, by text or by a
# regular expression matching the whole line (whitespace normalised).
# heads = ["The Third Address"]
# not_heads = ["Karl Marx"]
# head_patterns = ['BOOK [IVX]+']
# not_head_patterns = ['[A-Z]\\. [A-Z]\\.']

[notes]
place = "foot"        # "foot": footnotes in the PDF; "end": endnotes after each division

[quotations]
# Quoted titles the cue words (book, paper, entitled...) do not catch.
titles = []

# Obvious typing errors of the source, corrected as choice/sic/corr; none is made silently.
# [[corrections]]
# sic = "teh"
# corr = "the"
# reason = "Transposed keystroke."
"""

EMPTY_REGISTER = """\
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" xml:id="register">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>Register of persons, places and organisations</title>
      </titleStmt>
      <publicationStmt>
        <p>Unpublished working file of the project.</p>
      </publicationStmt>
      <sourceDesc>
        <p>Compiled by the editors; add an entry for every person, place and organisation to be tagged.</p>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <p/>
    </body>
  </text>
</TEI>
"""


def _first_line(text: str) -> str:
    """The title guessed from the first line, without a note marker ("RECEPTION SPEECH [10].")."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "Untitled")
    return re.sub(r"\s*\[\d{1,3}\]", "", line)[:120]


def _guesses(source: Source) -> dict[str, str]:
    """The template's title, author and language: from a Gutenberg header, else from the title page
    as `convert` reads it (its title, the name in its byline), else the first line; a language no
    header names is told by the text's commonest words (languages.detect), else English."""
    header = header_fields(source.text)
    fields = header if "title" in header else {**header, **_title_page(source)}
    language = CODES.get(fields.get("language", ""), detect(source.text) or "en")
    return {
        "title": json.dumps(fields.get("title") or _first_line(source.text), ensure_ascii=False),
        "guessed": ("read from the Project Gutenberg header" if "author" in header or "language" in header
                    else "read from the web page's front matter") if "title" in header else
                   "read from the text's title page" if "title" in fields else "guessed from the text's first line",
        "author": json.dumps(fields.get("author", "Unknown author"), ensure_ascii=False),
        "language": language,
    }


# "by Nicolo Machiavelli", "By John Lothrop Motley", "VON FRANZ KAFKA", "par Jules Verne", "por …", "di …", or the
# name alone ("Paul Lafargue"); not "Translated by …".
_BY = re.compile(r"(?:by|von|par|por|di)\s+(.+?)\.?", re.I)


def _title_page(source: Source) -> dict[str, str]:
    """Title and author as `convert` reads the title page with the structure `new` writes."""
    try:
        doc = build_document(source, Structure(byline=False, preface=False, closer=False))
    except EditionError:
        return {}
    found = {"title": " ".join(doc.title.text.split())} if doc.title.text else {}
    for byline in doc.bylines:
        text = " ".join(byline.text.split())
        m = _BY.fullmatch(text)
        if m or is_signature(text):
            found["author"] = m.group(1) if m else text
            break
    return found


def new_edition(project: Project, slug: str, textfile: Path, encoding: str | None = None,
                notify: Callable[[str], None] = lambda line: None) -> Path:
    """Create ``sources/<slug>/``; returns the path of its ``edition.toml``.

    A text in another encoding than UTF-8 (``encoding``, or the one it declares) is stored as
    UTF-8, its encoding and sha256 as received noted in edition.toml; ``notify`` is told so.
    A web page is kept as received, beside the text taken out of it (edition/webpage.py),
    which is the edition's source."""
    target = project.sources / slug
    if target.exists():
        raise EditionError("edition already exists", str(target))
    name = textfile.name
    if name.startswith(".") or name == "edition.toml":
        raise EditionError("choose a text file name that is not hidden and not edition.toml", str(textfile))
    data = read_bytes(textfile, str(textfile))
    kept: dict[str, bytes] = {}  # files stored beside the text: the web page as received
    byline = None  # the name over a web page's title
    if is_html(data, name):
        page = page_text(data, str(textfile))
        kept, name, stored, byline = {name: data}, textfile.stem + ".txt", page.text.encode("utf-8"), page.byline
        description = f"A web page received by the editors. {page.description()}"
        fields = (f"\nreceived_file = {json.dumps(textfile.name)}  # the web page as received; `file` is its text"
                  f'\nreceived_sha256 = "{page.sha256}"')
        received = None
    else:
        received = transcode(data, str(textfile), encoding)
        stored = received.data if received else data
        description = "A plain-text copy received by the editors." + (f" {received.description()}" if received else "")
        fields = _received_fields(received)
    source = source_from_bytes(stored, str(textfile), name)
    guesses = _guesses(source) | ({"author": json.dumps(byline, ensure_ascii=False)} if byline else {})
    toml = TOML_TEMPLATE.format(slug=slug, file=json.dumps(name), description=json.dumps(description, ensure_ascii=False),
                                received=fields, byline="true" if byline else "false", **guesses)
    with atomic_dir(target) as tmp:
        for kept_name, kept_data in kept.items():
            (tmp / kept_name).write_bytes(kept_data)
        (tmp / name).write_bytes(stored)
        (tmp / "edition.toml").write_text(toml, encoding="utf-8")
    if not project.register.exists():
        write_text_atomic(project.register, EMPTY_REGISTER)
    if received:
        notify(received.note(str(textfile)))
    return target / "edition.toml"


def _received_fields(received: Transcoded | None) -> str:
    """edition.toml's record of a file stored as UTF-8 from another encoding ("" for a UTF-8 file)."""
    if received is None:
        return ""
    return (f'\nreceived_encoding = "{received.encoding}"  # the file as received; `file` is it stored as UTF-8'
            f'\nreceived_sha256 = "{received.sha256}"')
