"""`edition new` on a web page as saved from an archive: its text taken out, the page kept."""

from __future__ import annotations

import hashlib
import tomllib

import pytest
from lxml import etree

from edition.webpage import is_html, page_text
from tests.buildkit import run
from tests.test_new_encodings import project  # noqa: F401 (the fixture: a project with the seed's register)

T = {"t": "http://www.tei-c.org/ns/1.0"}

# A page of our own in the shape of a labour archive's transcriptions: a navigation bar, the
# author and year over the title, an information block, a footnote call in <sup>, a quoted
# paragraph, a list, a signature broken by <br>, endnotes, a footer; Latin-1 as its meta says.
PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" />
<title>A Letter on the Strike - Archive</title>
<style>p { color: red }</style><script>var page = "<p>not text</p>";</script></head>
<body>
<p class="toplink"><a href="../index.htm">Works Index</a> | <a href="../../index.htm">Archive</a></p>
<h3>Jenny Brown 1889</h3>
<h1>A Letter on the Strike</h1>
<hr class="section" />
<p class="information"><span class="info">Source:</span> <em>The Labour Elector</em>, 7 September 1889;<br />
<span class="info">Transcribed:</span> by the editors, 2026.</p>
<p>Dear Comrades,</p>
<p>The dockers of   London have stood
 out for five weeks, and <em>every </em>wharf from Tilbury to Wapping is still.<sup class="anote"><a href="#n1" name="f1">[1]</a></sup> Their committee wrote:</p>
<blockquote><p>We ask for sixpence an hour, and we shall have it.</p></blockquote>
<p>Three things follow:</p>
<ol><li>the union grows;</li><li>the employers yield.</li></ol>
<p>Yours fraternally,<br/>Jenny Brown</p>
<hr class="end" />
<h4>Notes</h4>
<p class="endnote"><a href="#f1" name="n1">[1]</a> The caf\xe9 talk put it at six weeks.</p>
<p class="footer"><a href="../index.htm">Works Index</a></p>
</body></html>
""".encode("latin-1")

TEXT = """# A Letter on the Strike

Jenny Brown 1889

* * *

Source: _The Labour Elector_, 7 September 1889;
Transcribed: by the editors, 2026.

Dear Comrades,

The dockers of London have stood out for five weeks, and _every_ wharf from Tilbury to Wapping is still.[1] Their committee wrote:

    We ask for sixpence an hour, and we shall have it.

Three things follow:

1. the union grows;

2. the employers yield.

Yours fraternally,
Jenny Brown

* * *

Notes

[1] The café talk put it at six weeks.
"""


def test_the_text_of_a_page_is_taken_out_in_the_form_the_converter_reads():
    page = page_text(PAGE, "strike.html")
    assert page.text == TEXT
    assert page.byline == "Jenny Brown"
    assert page.sha256 == hashlib.sha256(PAGE).hexdigest()


def test_a_page_without_a_main_heading_opens_with_its_title():
    page = page_text(b"<html><head><title>On Wages</title></head><body><p>Wages rise.</p></body></html>", "w.html")
    assert page.text == "# On Wages\n\nWages rise.\n" and page.byline is None


@pytest.mark.parametrize("data, name, expected", [
    (PAGE, "strike.txt", True),            # by how it opens, whatever its name
    (b"<html><body>x</body></html>", "x.txt", True),
    (b"Plain text.\n", "page.html", True),  # by its name
    (b"The <html> element opens a page.\n", "notes.txt", False),
])
def test_a_page_is_known_by_its_opening_or_its_name(data, name, expected):
    assert is_html(data, name) is expected


def test_new_keeps_the_page_beside_its_text_and_convert_reads_the_text(project, tmp_path):
    path = tmp_path / "strike.html"
    path.write_bytes(PAGE)
    result = run(project, "new", "strike", str(path))
    assert result.exit_code == 0, result.output
    folder = project / "sources" / "strike"
    assert (folder / "strike.html").read_bytes() == PAGE
    assert (folder / "strike.txt").read_text(encoding="utf-8") == TEXT
    settings = tomllib.loads((folder / "edition.toml").read_text(encoding="utf-8"))
    assert settings["source"]["file"] == "strike.txt" and settings["source"]["received_file"] == "strike.html"
    assert settings["source"]["received_sha256"] == hashlib.sha256(PAGE).hexdigest()
    assert settings["edition"]["title"] == "A Letter on the Strike"
    assert settings["edition"]["authors"] == [{"name": "Jenny Brown"}] and settings["structure"]["byline"] is True
    assert run(project, "convert", "strike").exit_code == 0
    tei = etree.parse(str(project / "tei" / "strike.xml"))
    assert tei.findtext(".//t:front//t:titlePart", namespaces=T) == "A Letter on the Strike"
    assert "".join(tei.find(".//t:front/t:byline", namespaces=T).itertext()) == "Jenny Brown 1889"
    assert tei.findtext(".//t:note[@place='foot']", namespaces=T) == "The café talk put it at six weeks."
    assert [p.text for p in tei.findall(".//t:quote/t:p", namespaces=T)] == ["We ask for sixpence an hour, and we shall have it."]
    assert "Works Index" not in "".join(tei.find(".//t:text", namespaces=T).itertext())
    description = tei.findtext(".//t:sourceDesc/t:bibl[@type='original']/t:note", namespaces=T)
    assert f"Received as a web page (HTML, sha256 {hashlib.sha256(PAGE).hexdigest()}" in description


def test_a_page_with_no_text_is_refused_in_one_line_and_nothing_is_written(project, tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"<html><head><title></title></head><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
    result = run(project, "new", "empty", str(path))
    assert result.exit_code == 1 and result.output == f"error: {path}: the web page has no text in its body\n"
    assert not (project / "sources").exists()


# A book's page in the shape of Project Gutenberg's HTML files: the header in <pre>, the title, a
# byline heading, the contents as links in a blockquote, a chapter heading, a subheading.
BOOK = b"""<html><head><title>The Papers, by Publius</title></head><body>
<pre>
    The Project Gutenberg EBook of The Papers

    Title: The Papers
</pre>
<h1>THE PAPERS</h1>
<h2>By<br/>Publius</h2>
<blockquote>
<p class="toc"><big><b>CONTENTS</b></big></p>
<p class="toc"><a href="#p1">No. 1. General Introduction</a></p>
<p class="toc"><a href="#p2">No. 2. Concerning Dangers</a></p>
</blockquote>
<h2><a name="p1"></a>No. 1. General Introduction</h2>
<h3>For the Independent Journal</h3>
<p>AFTER an unequivocal experience, you are called upon to deliberate.</p>
</body></html>"""


def test_a_book_page_keeps_its_header_lines_and_its_contents_in_the_form_of_a_printed_book():
    assert page_text(BOOK, "book.html").text == """The Project Gutenberg EBook of The Papers

Title: The Papers

# THE PAPERS

By
Publius

CONTENTS

No. 1. General Introduction
No. 2. Concerning Dangers

No. 1. General Introduction

For the Independent Journal

AFTER an unequivocal experience, you are called upon to deliberate.
"""


# A cut of Project Gutenberg's HTML file of Krehbiel, *How to Listen to Music* (#17474,
# 17474-h/17474-h.htm of GITenberg/How-to-Listen-to-Music-7th-ed.Hints-and-Suggestions-to-Untaught-Lovers-of-the-Art_17474
# @ ea7589a, lines 518-546 and 7764-7769, the paragraph cut short): a decoration, the printed
# book's page numbers in the margin (one alone, one inside a sentence) and a plate with its caption.
PLATES = b"""<html><head><title>How to Listen to Music</title></head><body>
<h1>HOW TO LISTEN TO MUSIC</h1>
<h2>How to Listen to Music</h2>
<hr style="width: 65%;" />
<p style="text-align: center">
<img src="images/deco02.png" alt="Decoration" width="300" height="67" /></p>
<p><span class="pagenum"><a name="Page_3" id="Page_3">[Pg 3]</a></span></p>
<h2><a name="I" id="I"></a>I</h2>

<h2><i>Introduction</i></h2>
<p><span class="dropcap">T</span><span class="smcap">his</span> book has a purpose, which is as simple as it is plain; and an
unpretentious scope. It is not for the careless unless
they be willing to inquire; but if
they are willing so to inquire, they<span class="pagenum"><a name="Page_4" id="Page_4">[Pg 4]</a></span> shall be accounted the class
that the author is most anxious to reach.</p>
<h3><a name="PLATE_XII">PLATE XII</a></h3>

<p style="text-align: center">
<img src="images/plate12.png" alt="Conductor's score" width="728" height="979" /></p>

<p style="text-align: center"><b>THE CONDUCTOR'S SCORE</b></p>
</body></html>"""


def test_a_book_page_leaves_out_its_page_numbers_and_decorations_and_keeps_its_plates():
    # before: "decoration" and "[Pg 3]" were lines of the text, "they[Pg 4] shall" in the
    # sentence, and the plate's alternative text a paragraph
    assert page_text(PLATES, "listen.htm").text == """# HOW TO LISTEN TO MUSIC

How to Listen to Music

* * *

I

_Introduction_

This book has a purpose, which is as simple as it is plain; and an unpretentious scope. It is not for the careless unless they be willing to inquire; but if they are willing so to inquire, they shall be accounted the class that the author is most anxious to reach.

PLATE XII

[Illustration: Conductor's score]

THE CONDUCTOR'S SCORE
"""
