"""A Project Gutenberg file's header and licence: the distributor's, not the edition's text.

A new user converts the file as downloaded: the header (title, author, release
date, encoding, ``*** START OF THE PROJECT GUTENBERG EBOOK … ***`` and the
producers' credit after it, with a producer's "[NOTE: …]") and the licence after ``End of the Project
Gutenberg EBook …`` / ``*** END OF … ***`` (and an etext editor's bookmarks before it) are left out of the TEI text; the
editorialDecl names the lines left out, and ``edition new`` reads the header's
title, author and language into edition.toml.

A web page saved as Markdown may open with its site's front matter (``---`` / ``title: …`` /
``layout: page`` / ``---``, Jekyll's) and the site's navigation line under it (links joined by
">"): the site's, not the work's, they are left out the same way and the ``title`` read by
``edition new``.
"""

from __future__ import annotations

import re

_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E(?:BOOK|TEXT)\b.*$", re.M | re.I)
_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E(?:BOOK|TEXT)\b.*$", re.M | re.I)
_SIGN_OFF = re.compile(r"^End of (?:the )?Project Gutenberg(?:'s)?\b.*$", re.M | re.I)
# The producers' credit right after the start line: "Produced by …", "Transcribed from the 1910 … edition by …".
_CREDIT = re.compile(r"\s*(?:Produced by|Transcribed from|This e-?(?:book|text) was produced|E-?text prepared by)\b[^\n]*(?:\n[^\n]+)*"
                     r"(?:\s*\[NOTE:[^\[\]]*\])?", re.I)  # and the producer's "[NOTE: There is a short list of bookmarks … D.W.]"
# The producer's list of passages before the end line ("ETEXT EDITOR'S BOOKMARKS:" in David Widger's files).
_BOOKMARKS = re.compile(r"^E-?TEXT EDITOR['’]S BOOKMARKS:?[ \t]*$", re.M | re.I)
_ENCODING = re.compile(r"^Character set encoding:[ \t]*(\S[^\r\n]*?)[ \t]*\r?$", re.M | re.I)
_FIELD = re.compile(r"^(Title|Author|Translator|Language):[ \t]*(.+(?:\n[ \t]+\S.*)*)$", re.M)
# "---" / "key: value" lines (or indented continuations) / "---" at the very start of the file.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:[A-Za-z_][\w-]*:[^\n]*\n|[ \t]+[^\n]*\n)+---[ \t]*(?:\n|\Z)")
# The site's navigation under the front matter: links joined by ">" ("[MIA](…)  >  [Archive](…)  >  [Draper](…)").
_BREADCRUMB = re.compile(r"\s*\[[^\[\]\n]+\]\([^()\s]+\)(?:[ \t\xa0]*[>|»›][ \t\xa0]*\[[^\[\]\n]+\]\([^()\s]+\))+[ \t]*(?=\n|\Z)")
_MATTER_TITLE = re.compile(r"^title:[ \t]*[\"']?(.*?)[\"']?[ \t]*$", re.M)


def edition_span(text: str) -> tuple[int, int]:
    """(start, end) of the book inside a Gutenberg file; the whole text for any other file.  A file
    whose header was cut off (as some mirrors keep the books) still ends at its closing lines."""
    start_line = _START.search(text)
    if start_line:
        start = start_line.end()
        credit = _CREDIT.match(text, start)
        if credit:
            start = credit.end()
    else:
        matter = _FRONT_MATTER.match(text)
        start = matter.end() if matter else 0
        crumbs = _BREADCRUMB.match(text, start) if matter else None
        start = crumbs.end() if crumbs else start
    end_line = _END.search(text, start)
    end = end_line.start() if end_line else len(text)
    sign_off = _SIGN_OFF.search(text, start, end) or _BOOKMARKS.search(text, start, end)
    return start, sign_off.start() if sign_off else end


def header_fields(text: str) -> dict[str, str]:
    """The header's Title, Author, Translator and Language, lower-case keys; {} for another file."""
    start_line = _START.search(text)
    if not start_line:
        matter = _FRONT_MATTER.match(text)
        title = _MATTER_TITLE.search(matter.group()) if matter else None
        return {"title": title.group(1)} if title and title.group(1) else {}
    return {m.group(1).lower(): " ".join(m.group(2).split()) for m in _FIELD.finditer(text, 0, start_line.start())}


def declared_encoding(text: str) -> str:
    """The header's "Character set encoding: …" as written ("ISO-8859-1", "ISO Latin-1"); "" if none.

    ``text`` is the file read byte for byte as Latin-1: the header is ASCII whatever follows it."""
    start_line = _START.search(text)
    found = _ENCODING.search(text, 0, start_line.start()) if start_line else None
    return found.group(1) if found else ""


def left_out(text: str) -> str:
    """A sentence naming the lines of the file that are not edition text ("" when none are)."""
    start, end = edition_span(text)
    if (start, end) == (0, len(text)):
        return ""
    last_line = text.count("\n", 0, len(text.rstrip("\n"))) + 1
    closing = end < len(text.rstrip())
    licence = f" and lines {text.count(chr(10), 0, end) + 1}-{last_line} (its closing lines and licence)" if closing else ""
    if not _START.search(text):
        if not start:  # a Gutenberg file without its header: its closing lines only
            return (f" Lines {text.count(chr(10), 0, end) + 1}-{last_line} of the source file (the Project Gutenberg closing "
                    f"lines and licence) are the distributor's, not the work's: they are not transcribed.")
        matter = "front matter and navigation line" if _BREADCRUMB.search(text, 0, start + 1) else "front matter"
        return (f" Lines 1-{text.count(chr(10), 0, start) + bool(matter != 'front matter')} of the source file (the web page's {matter}){licence} are the "
                f"site's, not the work's: they are not transcribed.")
    return (f" Lines 1-{text.count(chr(10), 0, start) + 1} of the source file (the Project Gutenberg header and the "
            f"producers' credit){licence} are the distributor's, not the work's: they are not transcribed.")
