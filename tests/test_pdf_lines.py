"""Whole-paragraph line breaking remembered from run to run (edition/builders/pdf_lines.py,
``whole_paragraph_breaking(memo=...)``): the same paragraphs are set exactly as when their
breaks were chosen, without choosing them again, and a changed input is chosen afresh."""

from __future__ import annotations

import json
import re

import pytest
from lxml import etree

from edition.builders import pdf_lines
from edition.builders.pdf_fonts import font_face_css

from .conftest import ROOT

PAGE = "@page {{ size: {width} 150mm; margin: 8mm }} body {{ font-family: 'EB Garamond'; font-size: 10pt }} p {{ text-align: justify; hyphens: auto; margin: 0 }}"


def seed_paragraphs(count: int) -> list[str]:
    """The first ``count`` long paragraphs of the seed's text (public domain)."""
    tei = etree.parse(str(ROOT / "tei" / "bureaucratism.xml"))
    texts = (re.sub(r"\s+", " ", "".join(p.itertext())).strip() for p in tei.iter("{http://www.tei-c.org/ns/1.0}p"))
    return [text for text in texts if len(text) > 300][:count]


def typeset(paragraphs: list[str], memo, width: str = "80mm") -> list[tuple]:
    """Lay the paragraphs out; every text box's place, text and word spacing, page by page."""
    import weasyprint

    html = "<html lang='en'><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"
    css = weasyprint.CSS(string=font_face_css() + PAGE.format(width=width))
    with pdf_lines.whole_paragraph_breaking(memo=memo):
        document = weasyprint.HTML(string=html).render(stylesheets=[css])
    return [(number, box.position_x, box.position_y, box.width, box.text, box.style["word_spacing"])
            for number, page in enumerate(document.pages)
            for box in page._page_box.descendants() if isinstance(box, weasyprint.formatting_structure.boxes.TextBox)]


@pytest.fixture
def chosen(monkeypatch):
    """The paragraphs whose breaks are chosen (not taken from the memo), as their first words."""
    made = []
    choose = pdf_lines._choose

    def counted(box, texts):
        made.append(texts[0].text.split()[0])
        return choose(box, texts)

    monkeypatch.setattr(pdf_lines, "_choose", counted)
    return made


def test_remembered_breaks_set_the_paragraphs_as_chosen_ones(tmp_path, chosen):
    paragraphs, memo = seed_paragraphs(6), tmp_path / "lines.json"
    first = typeset(paragraphs, memo)
    plans = json.loads(memo.read_text(encoding="utf-8"))["plans"]
    assert len(chosen) == len(plans) == 6
    # Some paragraphs have a shrunk line: a text box is cut before the last line.
    assert any(plan and plan[1] is not None for plan in plans.values())
    assert any("\u00a0" in text for plan in plans.values() if plan for text in plan[0])
    chosen.clear()
    assert typeset(paragraphs, memo) == first
    assert chosen == []
    without = typeset(paragraphs, None)  # and as without a memo at all
    assert without == first and len(chosen) == 6


def test_a_changed_paragraph_width_or_environment_is_chosen_afresh(tmp_path, chosen):
    paragraphs, memo = seed_paragraphs(4), tmp_path / "lines.json"
    typeset(paragraphs, memo)
    edited = [paragraphs[0], paragraphs[1].replace(" the ", " that ", 1), *paragraphs[2:]]
    chosen.clear()
    assert typeset(edited, memo) == typeset(edited, None)
    assert chosen == [edited[1].split()[0], *[p.split()[0] for p in edited]]  # the changed one, then all without a memo
    chosen.clear()
    narrower = typeset(edited, memo, width="70mm")
    assert len(chosen) == 4 and narrower == typeset(edited, None, width="70mm")
    kept = json.loads(memo.read_text(encoding="utf-8"))
    memo.write_text(json.dumps({**kept, "environment": "other fonts"}), encoding="utf-8")
    chosen.clear()
    typeset(edited, memo, width="70mm")
    assert len(chosen) == 4
