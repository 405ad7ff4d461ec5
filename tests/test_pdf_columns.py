"""Columns laid out once (edition/builders/pdf_columns.py): a multi-column flow over several
pages, like the index of names, gives the same PDF byte for byte with fewer column layouts."""

from __future__ import annotations

import contextlib

import pytest

from edition.builders.pdf_columns import columns_laid_out_once
from edition.builders.pdf_fonts import font_face_css

weasyprint = pytest.importorskip("weasyprint")

CSS = """
@page { size: A6; margin: 10mm }
body { font-family: 'EB Garamond'; font-size: 9pt; line-height: 11pt }
section { columns: 2; column-gap: 5mm }
h2 { column-span: all }
ul { list-style: none; margin: 0; padding: 0 }
li { break-inside: avoid; padding-left: 1em; text-indent: -1em }
"""


def names_list(count: int) -> str:
    """An index-like list: ``count`` entries, some long enough to wrap, each with linked numbers."""
    entries = "".join(
        f"<li id='e{n}'>Name{n} {'Longer-Surname ' * (n % 3)}, " + ", ".join(f"<a href='#e{k}'>{k}</a>" for k in range(n % 7 + 1)) + "</li>"
        for n in range(count))
    return f"<html lang='en'><body><section><h2>Index</h2><ul>{entries}</ul></section></body></html>"


def column_layouts(html: str, once: bool) -> tuple[bytes, int, int]:
    """The PDF of ``html``, its pages and how many times a column was laid out."""
    from weasyprint.layout import block

    original, count = block.block_box_layout, 0

    def counted(context, box, bottom_space, *args, **kwargs):
        nonlocal count
        count += bool(box.is_column and bottom_space != float("inf"))
        return original(context, box, bottom_space, *args, **kwargs)

    block.block_box_layout = counted
    try:
        with columns_laid_out_once() if once else contextlib.nullcontext():
            document = weasyprint.HTML(string=html).render(stylesheets=[weasyprint.CSS(string=font_face_css() + CSS)])
    finally:
        block.block_box_layout = original
    return document.write_pdf(), len(document.pages), count


@pytest.mark.parametrize("markers", [False, True])
def test_columns_laid_out_once_give_the_same_pdf(markers):
    """With list markers (absolutely placed boxes, registered while laying out) no column
    layout is taken from another; without them (the index of names) most are."""
    html = names_list(110)
    if markers:
        html = html.replace("<ul>", "<ul style='list-style: disc outside; padding-left: 1em'>")
    plain, pages, plain_layouts = column_layouts(html, once=False)
    once, _, once_layouts = column_layouts(html, once=True)
    assert pages >= 3  # full pages, then a balanced last one
    assert once == plain
    assert once_layouts == plain_layouts if markers else once_layouts < plain_layouts
