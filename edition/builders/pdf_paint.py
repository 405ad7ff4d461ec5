"""The laid-out pages painted by two processes: the second half of the book in a forked helper.

WeasyPrint writes a PDF by painting each laid-out page into its content stream (drawing
its text glyph by glyph: most of the writing's second), one page after the other, on one
core.  Pages do not depend on one another except through what painting registers in the
document: for each font, the glyphs used (their widths and the text each stands for, in
the order first met), and the resources (images, transparency groups, patterns).  So at
the first page the builder forks a helper, which shares the laid-out book as it stands,
paints the second half of the pages, and sends each page's operators and the glyphs it met
that the helper had not met before; meanwhile the builder paints the first half.  It then
takes each of the helper's pages as if it had painted it: its operators appended to the
page's stream, its new glyphs added to the fonts where the builder has not met them yet,
so every font lists its glyphs in the order one process would have met them, and the PDF
is the same, byte for byte.

A page is painted here instead, in its turn, when the helper's painting of it met
anything whose order in the document could differ: a font the builder has not loaded, a
resource added, a warning logged (the build fails on those: pdf_warnings.py); or when the
helper is not there (no fork, or it died).  Tagged PDFs (PDF/UA) are painted here whole, and
so is every PDF of a process already running Saxon's VM, which must not fork (pdf_xslt.py).
"""

from __future__ import annotations

import contextlib
import logging
import os

RESOURCES = ("ExtGState", "XObject", "Pattern", "Shading")


@contextlib.contextmanager
def painted_in_two(document):
    """While active, ``document.write_pdf`` paints its second half of pages in a forked helper."""
    from weasyprint.document import Page

    from .pdf_xslt import saxon_started

    original = Page.paint
    numbers = {id(page): number for number, page in enumerate(document.pages)}
    half = len(document.pages) // 2
    helper: _Helper | None = None

    def paint(page, stream, scale=1):
        nonlocal helper
        number = numbers.get(id(page))
        if number is None or half == 0:
            return original(page, stream, scale)
        if number == 0 and helper is None and stream._tags is None and hasattr(os, "fork") and not saxon_started():
            helper = _Helper.fork(document.pages[half:], stream, scale, original)
        if helper is None or number < half or not helper.adopt(number - half, stream):
            original(page, stream, scale)

    Page.paint = paint
    try:
        yield
    finally:
        Page.paint = original
        if helper is not None:
            helper.close()


class _Helper:
    """The forked painter of the later pages, seen from the builder."""

    def __init__(self, conn, pid):
        self.conn, self.pid = conn, pid
        self.pages: list | None = None

    @classmethod
    def fork(cls, pages: list, stream, scale: float, paint) -> "_Helper | None":
        import multiprocessing

        ours, theirs = multiprocessing.Pipe(duplex=False)
        try:
            pid = os.fork()
        except OSError:
            ours.close()
            theirs.close()
            return None
        if pid == 0:
            ours.close()
            try:
                from ..orchestrate import die_with_parent

                die_with_parent()
                theirs.send(_painted(pages, stream, scale, paint))
            finally:
                os._exit(0)
        theirs.close()
        return cls(ours, pid)

    def adopt(self, index: int, stream) -> bool:
        """Give ``stream`` the helper's painting of its page ``index`` (of the later pages); False
        if the page must be painted here (see the module's docstring)."""
        if self.pages is None:
            try:
                self.pages = self.conn.recv()
            except (EOFError, OSError):
                self.pages = []
        if index >= len(self.pages) or self.pages[index] is None:
            return False
        operators, glyphs = self.pages[index]
        fonts = stream._fonts
        if any(key not in fonts for key in glyphs):
            return False
        stream.stream.extend(operators)
        for key, (to_unicode, widths) in glyphs.items():
            font = fonts[key]
            for glyph, text in to_unicode:
                font.to_unicode.setdefault(glyph, text)
            for glyph, width in widths:
                font.widths.setdefault(glyph, width)
        return True

    def close(self) -> None:
        self.conn.close()
        os.waitpid(self.pid, 0)


def _painted(pages: list, first, scale: float, paint) -> list:
    """In the helper: each page painted as WeasyPrint's generate_pdf paints it, as (its
    operators, {font key: (glyphs new to this process, their widths)}), or None where the
    page met anything the builder must meet itself."""
    warnings = _Warnings()
    logging.getLogger("weasyprint").addHandler(warnings)
    results = []
    for page in pages:
        stream = first.clone(page_rectangle=_page_rectangle(page, scale))
        stream.transform(d=-1, f=(page.height * scale))
        start, fonts, resources = len(stream.stream), _glyph_counts(stream._fonts), _resource_counts(stream)
        warned = warnings.count
        try:
            paint(page, stream, scale)
        except Exception:  # painted again by the builder, which reports it
            results.append(None)
            continue
        if warnings.count != warned or _resource_counts(stream) != resources:
            results.append(None)
            continue
        glyphs = {}
        for key, font in stream._fonts.items():
            known_texts, known_widths = fonts.get(key, (0, 0))
            if key not in fonts or len(font.to_unicode) > known_texts or len(font.widths) > known_widths:
                glyphs[key] = (list(font.to_unicode.items())[known_texts:], list(font.widths.items())[known_widths:])
        results.append((stream.stream[start:], glyphs))
    return results


def _page_rectangle(page, scale: float) -> tuple:
    """The page's rectangle, bleed included, computed as generate_pdf computes it for its stream."""
    bleed = page.bleed
    left, top = -scale * bleed["left"], -scale * bleed["top"]
    right = left + scale * (page.width + bleed["left"] + bleed["right"])
    bottom = top + scale * (page.height + bleed["top"] + bleed["bottom"])
    return (left / scale, top / scale, (right - left) / scale, (bottom - top) / scale)


def _glyph_counts(fonts: dict) -> dict:
    return {key: (len(font.to_unicode), len(font.widths)) for key, font in fonts.items()}


def _resource_counts(stream) -> tuple:
    return (*(len(stream._resources.get(name, ())) for name in RESOURCES), len(stream._images))


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
