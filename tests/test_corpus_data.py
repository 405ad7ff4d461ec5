"""The corpus files are well formed: every text has its files, a source and a licence, an
expected structure that points at real lines, and gold names that match the text exactly."""

from __future__ import annotations

import re

import pytest

from edition.gutenberg import edition_span
from tests.corpuskit import TYPES, texts

CORPUS = texts()
HELDOUT = texts(heldout=True)
ALL = CORPUS + HELDOUT
ANNOTATED = [t for t in ALL if t.annotated]


def ids(items):
    return [t.slug for t in items]


def norm(s: str) -> str:
    return " ".join(s.split())


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s)


def test_the_corpus_has_the_shapes_it_promises():
    assert len(CORPUS) >= 6 and len(HELDOUT) >= 2
    assert {"fr", "de"} & {t.source["language"] for t in CORPUS}
    shapes = {s for t in CORPUS for s in t.source["shapes"]}
    for shape in ("hard-wrapped", "underscore-italics", "curly-quotes", "notes-at-end", "translator-preface",
                  "title-block", "speech"):
        assert shape in shapes
    assert len([t for t in CORPUS if t.annotated]) >= 4 and all(t.annotated for t in HELDOUT)
    assert not set(ids(CORPUS)) & set(ids(HELDOUT))


@pytest.mark.parametrize("t", ALL, ids=ids(ALL))
def test_text_file_is_clean_utf8_of_the_right_size(t):
    raw = t.path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    start, end = edition_span(t.text)  # a Project Gutenberg file may keep its header and licence around the book
    assert "PROJECT GUTENBERG" not in t.text[start:end].upper().replace("-", " ")
    assert 2500 <= len(t.text[start:end].split()) <= 8000


@pytest.mark.parametrize("t", ALL, ids=ids(ALL))
def test_source_says_where_the_text_comes_from_and_why_it_is_free(t):
    src = t.source
    for key in ("title", "authors", "date", "language", "source", "source_repository", "source_path",
                "licence", "excerpted", "changes", "shapes"):
        assert src.get(key), key
    assert re.fullmatch(r"[0-9a-f]{40}", src["source_commit"])
    assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", src["language"])


def line(t, n: int) -> str:
    lines = t.text.split("\n")
    assert 1 <= n <= len(lines), f"line {n} is outside {t.slug}.txt"
    return lines[n - 1]


@pytest.mark.parametrize("t", ALL, ids=ids(ALL))
def test_expected_sections_and_front_point_at_their_lines(t):
    exp = t.expected
    assert exp["title"] and exp["sections"]
    previous = 0
    for item in exp["front"] + exp["sections"]:
        assert line(t, item["line"]).strip(), item
    for section in exp["sections"]:
        assert section["line"] > previous
        previous = section["line"]
        following = words("\n".join(t.text.split("\n")[section["line"] - 1:section["line"] + 8]).replace("_", " "))
        head = iter(following)
        assert all(w in head for w in words(section["head"])), section  # head words, in order, at its line


@pytest.mark.parametrize("t", ALL, ids=ids(ALL))
def test_expected_not_heads_and_block_quotes_are_in_the_text(t):
    exp = t.expected
    units = {norm(p) for p in re.split(r"\n\s*\n", t.text)} | {norm(x) for x in t.text.split("\n")}
    for not_head in exp["not_heads"] + exp["note_heads"]:
        assert norm(not_head) in units, not_head
    flat = norm(t.text)
    for quote in exp["block_quotes"]:
        assert norm(quote) in flat, quote
    for figure in exp["figures"]:
        assert norm(line(t, figure["line"])) == norm(figure["text"]), figure
    for signature in exp.get("signed", []):
        block = "\n".join(t.text.split("\n")[signature["line"] - 1:signature["last_line"]])
        assert norm(block.replace("_", "")) == norm(signature["text"]), signature


@pytest.mark.parametrize("t", ALL, ids=ids(ALL))
def test_expected_notes_have_their_marker_and_text(t):
    for note in t.expected["notes"]:
        if note["marker_line"]:
            marker = r"[\[({]#?" + re.escape(note["n"]) + r"[\])}\s:]"
            if not note["n"].isalnum():  # a bare sign glued to its word, "tsetse*" (Livingstone)
                marker += r"|(?<=\w)" + re.escape(note["n"]) + r"(?=\s)"
            assert re.search(marker, line(t, note["marker_line"]) + " "), note
        else:  # a note the source gives no marker: it belongs to the paragraph it follows
            assert note["n"] == "" and line(t, note["anchor_line"]).strip()
        after = norm("\n".join(t.text.split("\n")[note["text_line"] - 1:note["text_line"] + 3]))
        assert norm(note["text_starts"]) in after, note


@pytest.mark.parametrize("t", ALL, ids=ids(ALL))
def test_expected_emphasis_is_every_underscore_span_in_order(t):
    spans = t.expected["emphasis"]
    assert re.sub(r"_{3,}", "", t.text).count("_") == 2 * len(spans)  # "____": a blank to fill in, not emphasis
    at = 0
    for span in spans:  # listed with whitespace normalised; the source may have a space inside the marks
        found = re.compile(r"_\s*" + r"\s+".join(map(re.escape, span.split())) + r"\s*_").search(t.text, at)
        assert found, span
        at = found.end()


@pytest.mark.parametrize("t", ANNOTATED, ids=ids(ANNOTATED))
def test_gold_mentions_match_the_text_exactly(t):
    import json
    data = json.loads((t.folder / "names.json").read_text(encoding="utf-8"))
    assert data["text"] == t.path.name
    end = 0
    for m in t.mentions:
        assert m.type in TYPES, m
        assert t.text[m.start:m.end] == m.text, m
        assert m.start >= end, f"{m} overlaps the mention before it"
        end = m.end
        assert re.match(r"\w", m.text) and re.search(r"[\w.)]\Z", m.text), m
        assert not re.search(r"['’]s?\Z", m.text), f"{m}: possessives stay outside the mention"
        before, after = t.text[m.start - 1:m.start], t.text[m.end:m.end + 1]
        assert not re.match(r"[^\W_]", before) and not re.match(r"[^\W_]", after), f"{m} cuts a word"
    assert len(t.mentions) >= 15
