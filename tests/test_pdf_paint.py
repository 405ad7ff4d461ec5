"""Pages painted by two processes (edition/builders/pdf_paint.py): the PDF is the same, byte for
byte, as when one process paints every page, and the helper's pages are taken; a page whose
painting met what the builder has not (a font first used there) is painted again here."""

from __future__ import annotations

import pytest

from edition.builders import pdf_paint
from edition.builders.pdf_fonts import font_face_css

weasyprint = pytest.importorskip("weasyprint")

CSS = "@page { size: A6; margin: 10mm } body { font-family: 'EB Garamond'; font-size: 10pt } .late { font-weight: bold }"


def book(late_font: bool) -> str:
    """Twelve pages or so of text with italics and links, some letters only near the end; with
    ``late_font``, a bold word on the last page only (a font the first half never loads)."""
    paragraphs = "".join(
        f"<p id='p{n}'>" + f"Paragraph {n}: the <em>Workers’</em> councils met on page <a href='#p{n // 2}'>{n // 2}</a>. " * 6
        + ("Quixotic Zeal, <em>Vox Xenia</em>." if n > 30 else "") + "</p>"  # glyphs met first in the second half
        for n in range(40))
    late = "<p class='late'>Bold at the end.</p>" if late_font else ""
    return f"<html lang='en'><body>{paragraphs}{late}</body></html>"


def written(html: str, in_two: bool, taken: list[bool]) -> bytes:
    document = weasyprint.HTML(string=html).render(stylesheets=[weasyprint.CSS(string=font_face_css() + CSS)])
    assert len(document.pages) >= 8
    if not in_two:
        return document.write_pdf()
    with pdf_paint.painted_in_two(document):
        return document.write_pdf()


@pytest.mark.parametrize("late_font", [False, True])
def test_pages_painted_in_two_give_the_same_pdf(monkeypatch, late_font):
    taken: list[bool] = []
    # a suite that has run Saxon in this process: the builder would not fork; the helper here
    # only paints and exits, never touching Saxon's VM
    monkeypatch.setattr("edition.builders.pdf_xslt.saxon_started", lambda: False)
    adopt = pdf_paint._Helper.adopt
    monkeypatch.setattr(pdf_paint._Helper, "adopt", lambda self, index, stream: taken.append(adopt(self, index, stream)) or taken[-1])
    html = book(late_font)
    assert written(html, True, taken) == written(html, False, taken)
    assert sum(taken) >= len(taken) - 2 and len(taken) >= 4  # the helper's pages taken
    assert taken[-1] is not late_font  # the bold page painted here
