"""Pass 20: ellipses, emphasis and square-bracket insertions."""

from __future__ import annotations

from lxml import etree

from edition.convert.markup import fill
from edition.convert.model import Block
from edition.convert.p20_typography import mark_ellipses, mark_emphasis, mark_insertions
from edition.xmlio import TEI_NS


def _xml(block: Block) -> str:
    """The block's mixed content as TEI markup (default namespace left out)."""
    p = fill(etree.Element(f"{{{TEI_NS}}}p", nsmap={None: TEI_NS}), block)
    return etree.tostring(p, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0]


def test_ellipses_keep_their_characters():
    block = Block("p", "one… two... three.... four.", 0, "x")
    assert mark_ellipses(block) == 3
    assert _xml(block) == ('one<pc type="ellipsis">…</pc> two<pc type="ellipsis">...</pc> '
                           'three<pc type="ellipsis">...</pc>. four.')  # the fourth full stop ends the sentence


def test_brackets_become_supplied_without_the_bracket_characters():
    block = Block("p", "the bourgeois [and 99% of them] wanted [order].", 0, "x")
    assert mark_insertions(block) == (2, 0)
    assert _xml(block) == ('the bourgeois <supplied reason="interpolation">and 99% of them</supplied> '
                           'wanted <supplied reason="interpolation">order</supplied>.')


def test_stray_brackets_stay_text_and_are_counted():
    block = Block("p", "a [b and c] d] e [f", 0, "x")
    assert mark_insertions(block) == (1, 2)
    assert _xml(block) == 'a <supplied reason="interpolation">b and c</supplied> d] e [f'


def test_emphasis_may_follow_a_figure_but_not_a_letter():
    # Carroll, Eight or Nine Wise Words about Letter-Writing (Gutenberg #38065), lines 118-119.
    block = Block("p", "According to _my_ experience, the 5_d._, 9_d._, and 1_s._ Stamps are\nhardly ever wanted, snake_case stays", 0)
    assert len(mark_emphasis(block)) == 4
    assert _xml(block).startswith('According to <hi rend="italic underscore">my</hi> experience, the 5<hi rend="italic underscore">d.</hi>,')
