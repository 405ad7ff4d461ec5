"""The TEI text, with the source's readings and quote marks restored, is the source text.

sic/orig sides of choices are read (not corr/reg), quote/soCalled/title get their
marks back (the ones @rend names: straight double by default), supplied gets its
brackets; whitespace is normalised on both sides.  Everything else must match
character for character.
"""

from __future__ import annotations

import pytest
from lxml import etree

from edition.convert import convert_document
from edition.convert.quoteblocks import NOTE_AFTER_MARK
from edition.xmlio import TEI_NS
from tests.test_convert_helpers import SAMPLE, make_project

_MARKED = {"quote", "soCalled", "title", "mentioned"}
# @rend without "spaced" → (opening, closing) marks of the source.
_MARKS = {"": ('"', '"'), "single": ("'", "'"), "curly": ("“", "”"), "curly single": ("‘", "’"), "guillemets": ("«", "»"),
          "guillemets reversed": ("»", "«"), "none": ("", ""), "markers": ("/#\n", "\n#/")}  # lines of their own
_EMPHASIS = {"underscore": ("_", "_"), "asterisk": ("*", "*"), "html": ("<i>", "</i>")}
_STAGE_MARKS = {"bracketed": ("[", "]"), "parenthesised": ("(", ")")}
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
T = f"{{{TEI_NS}}}"


def note_marker(n: str, form: str) -> str:
    """A note's marker as the source wrote it (tei/ENCODING.md, notes)."""
    return {"bracket": f"[{n}]", "footnote": f"[Footnote {n}:", "bracketed": "[", "paren": f"({n})", "brace": f"{{{n}}}", "symbol": n, "sup": (n or "").translate(_SUP), "number": f"{n}.",
            "inline": f"[#{n} "}[form]


def note_text(note: etree._Element) -> str:
    """A note's text with the marker it had where the text stood."""
    form = (note.get("rend") or "").split()[-1]
    space = "" if form == "bracketed" else " "
    return note_marker(note.get("n"), form) + space + content(note) + ("]" if form in ("inline", "footnote", "bracketed") else "")


def marks(rend: str | None) -> tuple[str, str]:
    tokens = (rend or "").split()
    opening, closing = _MARKS[" ".join(t for t in tokens if t not in ("spaced", NOTE_AFTER_MARK))]
    return (opening + " ", " " + closing) if "spaced" in tokens else (opening, closing)


def restore(node: etree._Element) -> str:
    """The source reading of ``node``'s content."""
    local = etree.QName(node).localname
    if local == "choice":
        return restore(node.find(f"{{{TEI_NS}}}sic") if node.find(f"{{{TEI_NS}}}sic") is not None else node.find(f"{{{TEI_NS}}}orig"))
    if local == "note" and node.get("rend") == "bracketed" and node.get("place"):  # where it stood, no marker
        return "[" + content(node)
    if local == "note" and node.get("place"):  # at its marker; its text is restored at its anchor
        return note_marker(node.get("n"), node.get("rend").split()[0]) if node.get("rend") != "inline" else note_text(node)
    if local == "ptr":
        return note_marker(node.get("n"), node.get("rend"))
    if local == "pb":
        return "{" + node.get("n") + "}"
    if local == "lb":
        return "-\n" if node.get("rend") == "hyphen" else "\n"
    inner = content(node)
    mark = next((_EMPHASIS[t] for t in (node.get("rend") or "").split() if t in _EMPHASIS), None)
    if mark:  # hi, or a title or foreign phrase the source set in italics
        return mark[0] + inner + mark[1]
    if local in _MARKED:
        opening, closing = marks(node.get("rend"))
        return opening + inner + closing
    if local == "supplied":
        return f"[{inner}]"
    if local == "ref" and node.get("rend") == "markdown":  # a Markdown page's link
        return f"[{inner}]({node.get('target')})"
    if local == "stage" and node.get("rend") in _STAGE_MARKS:  # a play's stage direction
        opening, closing = _STAGE_MARKS[node.get("rend")]
        return opening + inner + closing
    return inner


def content(node: etree._Element) -> str:
    """The source reading of what ``node`` holds, without its own marks."""
    return (node.text or "") + "".join(restore(child) + (child.tail or "") for child in node)


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _text_of(tree) -> str:
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    blocks = text.xpath("descendant::*[self::t:titlePart or self::t:byline or self::t:docImprint or self::t:head or self::t:p "
                        "or self::t:signed or self::t:speaker or self::t:castItem or self::t:stage[not(ancestor::t:p)]]",
                        namespaces={"t": TEI_NS})
    return _normalise(" ".join(restore(block) for block in blocks))


def test_seed_is_lossless(seed):
    tree = etree.parse(str(seed.tei_path))
    source = _normalise(seed.text_path.read_text(encoding="utf-8"))
    restored = _text_of(tree)
    if restored != source:  # show where, not two 120 kB strings
        at = next(i for i, (a, b) in enumerate(zip(restored, source)) if a != b)
        pytest.fail(f"differs at {at}: TEI {restored[at - 40:at + 40]!r} / source {source[at - 40:at + 40]!r}")
    assert tree.xpath("count(//t:quote | //t:soCalled | //t:title[@xml:id])", namespaces={"t": TEI_NS}) >= 200


def test_sample_text_is_lossless(tmp_path):
    edition = make_project(tmp_path).edition("sample")
    assert _text_of(convert_document(edition)) == _normalise(SAMPLE)


def test_typographic_quote_marks_are_lossless(tmp_path):
    text = ("Marks\n\nMarx wrote that “the workers have no country” and called it ‘scientific’ socialism.\n\n"
            "Le peuple écrivit « la Commune est la forme enfin trouvée » et «ainsi» de suite.\n")
    edition = make_project(tmp_path, text, title="Marks").edition("sample")
    tree = convert_document(edition)
    assert _text_of(tree) == _normalise(text)
    body = tree.getroot().find(f"{{{TEI_NS}}}text")
    rends = [q.get("rend") for q in body.iter(f"{{{TEI_NS}}}quote", f"{{{TEI_NS}}}soCalled", f"{{{TEI_NS}}}title")]
    assert sorted(rends) == ["curly", "curly single", "guillemets", "guillemets spaced"]
