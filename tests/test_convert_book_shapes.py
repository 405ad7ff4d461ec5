"""Shapes of printed books that held-out texts showed the converter (benchmarks/heldout/BLIND.md),
each on a text made up for it: note markers after a full stop or a closing quote, a quotation
over several paragraphs closed before its note marker."""

from __future__ import annotations

from edition.convert import convert_document
from edition.xmlio import TEI_NS, XML_NS
from tests.test_convert_gutenberg import AS_NEW
from tests.test_convert_helpers import make_project
from tests.test_corpus_convert import plain, restored_text

NS = {"t": TEI_NS}

# An essay whose notes follow it with no heading; marker 2 after a full stop, marker 3 after the
# closing quote of a quotation of three paragraphs (each opens with a quote mark, only the last
# closes); note 2 is the title of a book, in capitals; "[4]" and "[1848]" are no notes.
ESSAY = """ON HARBOUR LIGHTS


The keepers of the northern lights have long been praised for their
patience,[1] and their logbooks show a steadiness beyond compare.[2]

A visitor to the lighthouse at Skerryvore wrote as follows in his diary:

"The lamp is trimmed at dusk and again at midnight, whatever the
weather, and the keeper sleeps little in the winter months.

"He spoke of the storms of the last year as a farmer speaks of a bad
harvest, without complaint, as a thing that comes.

"When I asked him whether he was lonely, he said that a man who has
the sea to watch is never alone."[3]

The same diary gives the tally of ships in its fourth table [4] and
the date of the great storm [1848] without a word more.


[1] A keeper's patience was the subject of many sermons.

[2] THE LIGHTHOUSE BOOK OF THE NORTH.

[3] From a diary kept in the summer of the visit.
"""


def _essay(tmp_path):
    warnings: list[str] = []
    tree = convert_document(make_project(tmp_path, ESSAY, extra_toml=AS_NEW, title="On Harbour Lights").edition("sample"), warnings)
    return tree, warnings


def test_note_markers_after_a_full_stop_or_a_closing_quote_are_anchors(tmp_path):
    tree, warnings = _essay(tmp_path)
    notes = tree.xpath("//t:body//t:note[@place]", namespaces=NS)
    assert [(n.get("n"), "".join(n.itertext())[:14]) for n in notes] == [
        ("1", "A keeper's pat"), ("2", "THE LIGHTHOUSE"), ("3", "From a diary k")]
    assert notes[1].getparent().get(f"{{{XML_NS}}}id") == "s01.p1"  # "…beyond compare.[2]"
    assert tree.xpath("//t:body//t:supplied/text()", namespaces=NS) == ["4", "1848"]  # brackets, no notes
    # the note texts are notes, not a document in capitals quoted whole
    assert not tree.xpath("//t:quote[.//t:supplied or contains(., 'LIGHTHOUSE BOOK')]", namespaces=NS)
    assert [w.split(": ", 1)[1] for w in warnings if "marker" in w] == ["note marker '[4]' without a note text"]
    assert restored_text(tree) == plain(ESSAY)


def test_a_quotation_over_paragraphs_closed_before_its_note_marker_is_one_block_quotation(tmp_path):
    tree, warnings = _essay(tmp_path)
    (quote,) = tree.xpath("//t:div/t:quote", namespaces=NS)
    assert quote.get("rend") == "note-after-mark" and len(quote) == 3
    assert [plain("".join(p.itertext()))[:12] for p in quote] == ["The lamp is ", "He spoke of ", "When I asked"]
    last = quote[-1]
    assert last[-1].get("n") == "3" and not (last[-1].tail or "")  # the note ends the paragraph, no mark after it
    assert '"' not in "".join(quote.itertext())
    assert not [w for w in warnings if "unpaired" in w]
    assert restored_text(tree) == plain(ESSAY)  # the closing mark comes back before "[3]"

