"""Line breaking by the whole paragraph (Knuth and Plass) for WeasyPrint.

WeasyPrint breaks lines one at a time: it fills a line with as many words as fit and
justifies what is left over, so a word that cannot be hyphenated leaves wide spaces
behind it.  Here every justified paragraph is broken once, before WeasyPrint lays it
out, by choosing the set of breaks that gives the most even spacing over the whole
paragraph (badness and demerits as in TeX, including those for a hyphen before the last
line), with no three hyphenated lines in a row.
The widths are WeasyPrint's own (Pango layouts in each text box's style), so the
choice holds: the chosen breaks are then the only ones WeasyPrint may take (the other
spaces become no-break spaces, which it justifies alike, and a chosen hyphenation point
becomes a soft hyphen with automatic hyphenation off for that paragraph).  A break
after a hard hyphen or a dash stays open (closing it would need an invisible joiner in
the PDF's text): WeasyPrint may take one the plan did not, which only makes that line
shorter.

A page does not end on a hyphenated line: the paragraph gives the next page one more
line, or all of its lines on this page if one fewer would break its orphans rule.

Both are done by replacing two functions of weasyprint.layout.block while
``whole_paragraph_breaking()`` is active (block_container_layout, to break a paragraph
before its layout; _break_line, at a page break); tests/test_pdf_typography.py measures
the result and fails if a WeasyPrint release changes them.

The choice is a pure function of the paragraph's text, each text box's measured style,
its width and indent, the fonts and the code, and costs about a second of CPU for the seed
(measuring and hyphenating every word, then the search).  Given a ``memo`` file, the
single-process builder keeps each paragraph's outcome (its texts with the no-break spaces
and soft hyphens, where a text box was cut before a last line after a shrunk one and how
many spaces are narrowed; or "left alone") under a digest of those, for the next run
(``_Plans``).

A paragraph with anything but text and plain inline boxes (an image, an inline block,
a forced line break, an inline box with margins, padding or borders) is left to
WeasyPrint.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

SPACE, NBSP, SHY = " ", "\u00a0", "\u00ad"
RANGE_DASH = re.compile(r"\d\u2013\d")  # a range of figures: no break after its dash
WORD_OR_SPACE = re.compile(rf"{SPACE}|[^{SPACE}]+")
# A word made only of these cannot break inside; any other asks Pango where it may.
UNBREAKABLE = re.compile(r"[\w’'“”‘\".,;:!?()\[\]]+")
STRETCH = 1.0  # a space may grow by this much of its width at badness 100
# ... and shrink by this much, at badness 100. WeasyPrint only stretches spaces, so a
# paragraph with a shrunk line gets its spaces narrowed by this much (word-spacing) and
# every line is stretched from there.
SHRINK = 0.3
SHRINK_DEMERITS = 15000  # a shrunk line is a last resort, cheaper only than a loose one
# Tolerances as in TeX's two passes: a paragraph is first broken with no space more
# than 2.1 times its width (ratio 1.1); only if that is impossible, up to 4 times.
TOLERANCES = (1.1, 3.0)
HYPHEN_PENALTY = 70  # TeX's 50 hyphenated more than one line in five of the seed
DOUBLE_HYPHEN_DEMERITS = 3000
FITNESS_DEMERITS = 3000
# As TeX's \finalhyphendemerits (5000 there): a paragraph's last line that is the end of a
# broken word ("ted.") is as bad as a line at badness 140 or so.
FINAL_HYPHEN_DEMERITS = 20000
SLACK = 0.5  # px left free on every line against rounding in Pango's measurements


@dataclass(frozen=True, slots=True)
class Piece:
    """A word part, a space or a break point in one style.  Every occurrence of a word in
    that style shares its pieces; where an occurrence lies is kept beside it (a place:
    the text box, and the index in its text where the piece ends, for glue the space's)."""

    kind: str  # "box", "glue", "hyphen" (a hyphenation point), "break" (after a hard hyphen)
    width: float
    end: int = 0  # where in its word the piece ends
    stretch: float = 0.0
    shrink: float = 0.0
    hyphen_width: float = 0.0


@contextlib.contextmanager
def whole_paragraph_breaking(keep_measures: bool = False, memo: Path | None = None):
    """While active, WeasyPrint lays out justified paragraphs on breaks chosen here.
    Re-entrant: a chunk worker forked inside it (and so already set up) enters it again.
    ``keep_measures``: the words measured stay measured after it ends (a chunk worker typesets
    part after part of one book with the same fonts); the styles met are let go in any case.
    ``memo``: a file where the paragraphs' outcomes are kept from run to run (``_Plans``)."""
    from weasyprint.layout import block

    if getattr(block.block_container_layout, "whole_paragraph_breaking", False):
        yield
        return
    original = block.block_container_layout
    plans = _Plans(memo) if memo is not None else None

    def layout(context, box, *args, **kwargs):
        if not getattr(box, "lines_chosen", False):
            box.lines_chosen = True
            if box.style["text_align_all"] == "justify" and box.width:
                choose_breaks(box, plans)
        return original(context, box, *args, **kwargs)

    def break_line(context, box, line, new_children, needed, page_is_empty, *args):
        kept = len(new_children) - needed
        if kept > 0 and _hyphenated(new_children[kept - 1]):
            # Lines to the next page until this one ends on a whole word (two hyphenated
            # lines may come in a row); if that leaves too few for orphans, all of them.
            while kept > 0 and _hyphenated(new_children[kept - 1]):
                kept -= 1
            needed = len(new_children) - (kept if kept >= box.style["orphans"] else 0)
        return original_break(context, box, line, new_children, needed, page_is_empty, *args)

    original_break = block._break_line
    layout.whole_paragraph_breaking = True
    block.block_container_layout, block._break_line = layout, break_line
    try:
        yield
        if plans is not None:
            plans.save()
    finally:
        block.block_container_layout, block._break_line = original, original_break
        _styles.clear()
        if not keep_measures:
            _measures.clear()


def _hyphenated(line_box) -> bool:
    """Whether a laid-out line ends in a hyphen (its own or one the text had)."""
    from weasyprint.formatting_structure import boxes

    texts = [box for box in line_box.descendants() if isinstance(box, boxes.TextBox) and box.text]
    return bool(texts) and texts[-1].text.rstrip().endswith(("-", "\u2010", texts[-1].style["hyphenate_character"]))


def choose_breaks(box, plans: "_Plans | None" = None) -> None:
    from weasyprint.formatting_structure import boxes

    if len(box.children) != 1 or not isinstance(box.children[0], boxes.LineBox):
        return
    texts = _text_boxes(box.children[0])
    if texts is None or not any(t.text.strip() for t in texts):
        return
    if plans is None:
        _choose(box, texts)
        return
    key = plans.key_of(box, texts)
    plan = plans.kept(key)
    if plan is None:
        plan = _choose(box, texts)
    elif plan:
        _replay(box.children[0], texts, plan)
    plans.keep(key, plan)


def _choose(box, texts: list) -> list | bool:
    """Choose the breaks of ``box`` (its text boxes ``texts``) and apply them: the plan carried
    out (``_apply``), or False if no breaks keep within the tolerances (left to WeasyPrint)."""
    from weasyprint.layout.percent import percentage

    pieces, places = _pieces(texts)
    # Spaces before the first word or after the last stay spaces, which WeasyPrint drops
    # (as no-break spaces they would be set: a paragraph continued after a block quotation
    # begins with one).
    first = next(i for i, piece in enumerate(pieces) if piece.kind != "glue")
    last = max(i for i, piece in enumerate(pieces) if piece.kind != "glue") + 1
    pieces, places = pieces[first:last], places[first:last]
    indent = percentage(box.style["text_indent"], box.style, box.width) or 0
    for tolerance in TOLERANCES:
        found = _best_breaks(pieces, box.width - SLACK, indent, tolerance)
        if found is not None:
            return _apply(box.children[0], texts, pieces, places, *found)
    return False


def _text_boxes(line_box) -> list | None:
    """The text boxes of a line box in order, or None if it holds anything else."""
    from weasyprint.formatting_structure import boxes

    found = []
    for child in line_box.children:
        if isinstance(child, boxes.TextBox):
            if child.style["white_space"] != "normal":
                return None
            found.append(child)
        elif isinstance(child, boxes.InlineBox) and not isinstance(child, boxes.AtomicInlineLevelBox):
            if child.is_floated() or child.is_absolutely_positioned() or child.is_running():
                continue
            if _has_edges(child.style):
                return None
            inner = _text_boxes(child)
            if inner is None:
                return None
            found += inner
        elif child.is_floated() or child.is_absolutely_positioned() or child.is_running():
            continue
        else:
            return None
    return found


def _has_edges(style) -> bool:
    """Margins, padding or borders at the sides of an inline box (they take width)."""
    sides = [style[f"{kind}_{side}"] for kind in ("margin", "padding") for side in ("left", "right")]
    return any(getattr(length, "value", 0) for length in sides) or bool(style["border_left_width"] or style["border_right_width"])


def _pieces(texts) -> tuple[list[Piece], list[tuple]]:
    """Boxes, glue and break points of the paragraph, in order, and the place of each."""
    pieces, places = [], []
    for text_box in texts:
        measures = _measures_of(text_box.style)
        for match in WORD_OR_SPACE.finditer(text_box.text):
            start = match.start()
            for piece in measures.pieces(match.group()):
                pieces.append(piece)
                places.append((text_box, start + piece.end))
    return pieces, places


def _word(word: str, measures: "_Measures") -> tuple[Piece, ...]:
    """A word's parts with the points where it may break (hyphenation, hard hyphens)."""
    style = measures.style
    points = dict.fromkeys(_break_points(word, style["lang"]), "break")
    if style["hyphens"] == "auto" and style["lang"]:
        for match in re.finditer(r"[^\W\d_]+", word):
            for point in _hyphenation_points(match.group(), style["lang"], tuple(style["hyphenate_limit_chars"])):
                points.setdefault(match.start() + point, "hyphen")
    previous, found = 0, []
    hyphen = style["hyphenate_character"]
    for point in sorted(points):
        part = word[previous:point]
        kind = points[point]
        found.append(Piece("box", measures.width(part), point))
        added = measures.width(part + hyphen) - measures.width(part) if kind == "hyphen" else 0.0
        found.append(Piece(kind, 0.0, point, hyphen_width=added))
        previous = point
    found.append(Piece("box", measures.width(word[previous:]), len(word)))
    return tuple(found)


@lru_cache(maxsize=None)
def _break_points(word: str, lang: str | None) -> tuple[int, ...]:
    """Where Pango may break inside a word (after a hyphen or a dash, at a slash …)."""
    if UNBREAKABLE.fullmatch(word):
        return ()
    from weasyprint.text.line_break import get_log_attrs

    attrs = get_log_attrs(word, lang)
    # Not inside a range of figures (1938–40), though Pango would break after its dash.
    return tuple(i for i in range(1, len(word)) if attrs[i].is_line_break and not RANGE_DASH.match(word, i - 2))


@lru_cache(maxsize=None)
def _hyphenation_points(word: str, lang: str, limits: tuple) -> tuple[int, ...]:
    import pyphen

    total, left, right = limits
    language = pyphen.language_fallback(lang)
    if len(word) < total or not language:
        return ()
    exception = _exceptions(language.split("_")[0]).get(word.lower())
    if exception is not None:
        return tuple(position for position in exception if left <= position <= len(word) - right)
    return tuple(position for position in _dictionary(language, left, right).positions(word))


@lru_cache(maxsize=None)
def _exceptions(language: str) -> dict[str, tuple[int, ...]]:
    """Words the patterns break badly or not at all, as styles/print-hyphenation-<language>.txt
    spells them (``Khru-shchev``): word → its hyphenation points."""
    from ..resources import data_dir

    path = data_dir("styles") / f"print-hyphenation-{language}.txt"
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        for spelled in line.split("#")[0].split():
            parts = spelled.lower().split("-")
            found["".join(parts)] = tuple(sum(map(len, parts[:i])) for i in range(1, len(parts)))
    return found


@lru_cache(maxsize=None)
def _dictionary(language: str, left: int, right: int):
    import pyphen

    return pyphen.Pyphen(lang=language, left=left, right=right)


# What a style's text measures and how its words break depend on these properties only.
MEASURED_PROPERTIES = ("font_family", "font_size", "font_style", "font_weight", "font_stretch", "font_kerning",
                       "font_variant_ligatures", "font_variant_position", "font_variant_caps", "font_variant_numeric",
                       "font_variant_alternates", "font_variant_east_asian", "font_feature_settings",
                       "font_variation_settings", "font_language_override", "letter_spacing", "word_spacing", "lang",
                       "direction", "hyphens", "hyphenate_limit_chars", "hyphenate_character")


class _Measures:
    """Widths of text in one style (WeasyPrint's own, a Pango layout in that style), and the
    pieces of every word met in it: a word is measured and hyphenated once per render."""

    def __init__(self, style, key: tuple):
        from weasyprint.text.line_break import Layout

        self.style, self.key = style, key
        self.layout = Layout(style)
        self.widths: dict[str, float] = {}
        self.words: dict[str, tuple[Piece, ...]] = {SPACE: (self._glue(),)}

    def _glue(self) -> Piece:
        width = self.width(SPACE)
        return Piece("glue", width, 0, stretch=width * STRETCH, shrink=width * SHRINK)

    def width(self, text: str) -> float:
        """The width WeasyPrint gives ``text`` in this style (px)."""
        width = self.widths.get(text)
        if width is None:
            from weasyprint.text.line_break import line_size

            self.layout.set_text(text)
            line, _ = self.layout.get_first_line()
            width = self.widths[text] = line_size(line, self.layout.style)[0]
        return width

    def pieces(self, word: str) -> tuple[Piece, ...]:
        found = self.words.get(word)
        if found is None:
            found = self.words[word] = _word(word, self)
        return found


# For one render (whole_paragraph_breaking): for each style met (kept alive here, so that
# its id is not reused) its measures, shared by all styles alike in MEASURED_PROPERTIES
# (and kept from part to part of a chunked book: see keep_measures).
_styles: dict = {}
_measures: dict = {}


def _measures_of(style) -> _Measures:
    known = _styles.get(id(style))
    if known is None:
        key = tuple(repr(style[name]) for name in MEASURED_PROPERTIES)
        if key not in _measures:
            _measures[key] = _Measures(style, key)
        known = _styles[id(style)] = (style, _measures[key])
    return known[1]


class _Plans:
    """The paragraphs' outcomes kept from run to run in one file: under the digest of what
    the choice depends on (``key_of``: the texts, the measured styles, the width and indent),
    the plan carried out (``_apply``) or False (left to WeasyPrint).  The file is taken only if made from the
    same code, fonts, hyphenation and text-shaping library (``environment``); it is written
    again with the paragraphs of this run alone when any was chosen afresh or not met."""

    def __init__(self, path: Path):
        self.path, self.environment = path, _environment()
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            self.known = kept["plans"] if kept["environment"] == self.environment else {}
        except (OSError, ValueError, KeyError, TypeError):
            self.known = {}
        self.met: dict = {}
        self.made = 0

    @staticmethod
    def key_of(box, texts: list) -> str:
        facts = [box.width, repr(box.style["text_indent"]), [(t.text, _measures_of(t.style).key) for t in texts]]
        return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()

    def kept(self, key: str) -> list | bool | None:
        return self.known.get(key)

    def keep(self, key: str, plan: list | bool) -> None:
        self.made += key not in self.known
        self.met[key] = plan

    def save(self) -> None:
        if self.made or len(self.met) != len(self.known):
            from ..xmlio import write_text_atomic

            write_text_atomic(self.path, json.dumps({"environment": self.environment, "plans": self.met}, ensure_ascii=False))


def _environment() -> str:
    """The digest of what every paragraph's choice depends on beyond its own facts: this
    code, the fonts (files and @font-face rules), the hyphenation exceptions, and the
    versions of WeasyPrint, Pango and pyphen (its dictionaries)."""
    import pyphen
    import weasyprint
    from weasyprint.text.ffi import pango

    from ..fetcher import font_dirs
    from ..resources import data_dir
    from .pdf_fonts import font_face_css
    from .pdf_xslt import inputs_key

    hyphenation = sorted(data_dir("styles").glob("print-hyphenation-*.txt"))
    values = {"weasyprint": weasyprint.__version__, "pango": pango.pango_version(), "pyphen": getattr(pyphen, "__version__", ""),
              "fonts": font_face_css()}
    return inputs_key([Path(__file__), *font_dirs(), *hyphenation], values)


@dataclass
class _Node:
    position: int  # index in pieces of the break (-1: paragraph start)
    line: int
    fitness: int
    hyphens: int  # hyphenated lines in a row ending here
    demerits: float
    previous: "_Node | None"
    shrunk: bool  # some line up to here has its spaces shrunk
    start: int  # the first piece of the line after this break


def _best_breaks(pieces: list[Piece], width: float, indent: float, tolerance: float) -> tuple[list[int], bool] | None:
    """The indices of the pieces to break at (the last is the paragraph's end) and whether
    any line is shrunk; None if no set of breaks keeps every space within ``tolerance``."""
    active = [_Node(-1, 0, 1, 0, 0.0, None, False, _line_start(pieces, -1))]
    # Running sums of width, stretch and shrink up to each piece, for O(1) line measures.
    sums_w = [0.0, *accumulate(piece.width if piece.kind in ("box", "glue") else 0.0 for piece in pieces)]
    sums_st = [0.0, *accumulate(piece.stretch for piece in pieces)]
    sums_sh = [0.0, *accumulate(piece.shrink for piece in pieces)]
    end = len(pieces)
    for position in _break_positions(pieces):
        final = position == end
        piece = pieces[position] if not final else None
        hyphen_width = piece.hyphen_width if piece is not None else 0.0
        hyphenated = piece is not None and piece.kind in ("hyphen", "break")
        to_w, to_st, to_sh = sums_w[position], sums_st[position], sums_sh[position]
        candidates, survivors = [], []
        for node in active:
            start = node.start
            natural = to_w - sums_w[start] + hyphen_width
            available = width - (indent if node.line == 0 else 0.0)
            if natural - (to_sh - sums_sh[start]) > available:
                continue  # too long even shrunk: this node can reach no further break
            survivors.append(node)
            room = available - natural
            if final:
                ratio = 0.0 if room >= 0 else None  # the last line is neither stretched nor shrunk
            elif room >= 0:  # how far the spaces must stretch (> 0) or shrink (< 0) to fill the room
                stretch = to_st - sums_st[start]
                ratio = room / stretch if stretch > 0 else (0.0 if room == 0 else None)
            else:
                shrink = to_sh - sums_sh[start]
                ratio = max(room / shrink, -1.0) if shrink > 0 else None
            if ratio is None or ratio > tolerance:
                continue
            if hyphenated and node.hyphens >= 2:
                continue  # no three hyphenated lines in a row
            candidates.append(_follow(pieces, node, position, ratio, hyphenated, piece is not None and piece.kind == "hyphen"))
        active = survivors
        # Keep the best new node per (fitness, hyphens-in-a-row) class.
        best: dict = {}
        for node in candidates:
            key = (node.fitness, node.hyphens)
            if key not in best or node.demerits < best[key].demerits:
                best[key] = node
        if final:
            return _path(min(best.values(), key=lambda n: n.demerits)) if best else None
        active += best.values()
        if not active:
            return None
    return None


def _break_positions(pieces: list[Piece]) -> list[int]:
    """Where a line may end: at a hyphenation point, after a hard hyphen, at the first of a
    run of spaces (not before the first word), and at the paragraph's end."""
    return [position for position, piece in enumerate(pieces)
            if piece.kind != "box" and (piece.kind != "glue" or (position > 0 and pieces[position - 1].kind != "glue"))] + [len(pieces)]


def _follow(pieces: list[Piece], node: _Node, position: int, ratio: float, hyphenated: bool, hyphen: bool) -> _Node:
    """The node for a line from ``node`` to a break at ``position`` (demerits as in TeX)."""
    badness = 100 * abs(ratio) ** 3
    demerits = (1 + badness + (HYPHEN_PENALTY if hyphen else 0)) ** 2
    if hyphenated and node.hyphens:
        demerits += DOUBLE_HYPHEN_DEMERITS
    if ratio < 0:
        demerits += SHRINK_DEMERITS
    if position == len(pieces) and node.position >= 0 and pieces[node.position].kind == "hyphen":
        demerits += FINAL_HYPHEN_DEMERITS
    fitness = 0 if ratio < -0.5 else 1 if ratio < 0.5 else 2 if ratio < 1 else 3
    if abs(fitness - node.fitness) > 1:
        demerits += FITNESS_DEMERITS
    return _Node(position, node.line + 1, fitness, node.hyphens + 1 if hyphenated else 0,
                 node.demerits + demerits, node, node.shrunk or ratio < 0, _line_start(pieces, position))


def _path(node: _Node) -> tuple[list[int], bool]:
    shrunk, chosen = node.shrunk, []
    while node.previous is not None:
        chosen.append(node.position)
        node = node.previous
    return sorted(chosen), shrunk


def _line_start(pieces: list[Piece], position: int) -> int:
    """The first piece of the line after a break at ``position`` (leading glue dropped)."""
    start = position + 1
    while start < len(pieces) and pieces[start].kind == "glue":
        start += 1
    return start


def _apply(line_box, texts: list, pieces: list[Piece], places: list[tuple], breaks: list[int], shrunk: bool) -> list:
    """Make the chosen breaks the only ones WeasyPrint can take; in a paragraph with a
    shrunk line, narrow the spaces of every line but the last, which is not justified.
    Returns the plan that ``_replay`` carries out again on the same paragraph."""
    chosen = set(breaks)
    edits: dict = {}  # text box → [(offset, action, character)]
    for index, piece in enumerate(pieces):
        if piece.kind == "glue" and index not in chosen:
            text_box, offset = places[index]
            edits.setdefault(text_box, []).append((offset, "replace", NBSP))
        elif piece.kind == "hyphen" and index in chosen:
            text_box, offset = places[index]
            edits.setdefault(text_box, []).append((offset, "insert", SHY))
    shrunk_boxes, cut = 0, None  # the text boxes before this index have their spaces narrowed
    if shrunk and len(breaks) > 1:
        shrunk_boxes, cut = _split_before_last_line(line_box, texts, pieces[breaks[-2]], places[breaks[-2]], edits)
    made = []
    for text_box in texts:
        text = text_box.text
        for offset, action, character in sorted(edits.get(text_box, []), reverse=True):
            text = text[:offset] + character + text[offset + (action == "replace"):]
        made.append(text)
    plan = [made, cut, shrunk_boxes]
    _set_texts(texts, plan)
    return plan


def _replay(line_box, texts: list, plan: list) -> None:
    """Carry out ``plan`` (made by ``_apply`` for a paragraph of the same texts and styles)."""
    cut = plan[1]
    if cut is not None:
        _split_box(line_box, texts, *cut)
    _set_texts(texts, plan)


def _set_texts(texts: list, plan: list) -> None:
    """Give each text box its text with the chosen breaks, hyphenated only where a soft
    hyphen says; the spaces of the first ``plan[2]`` narrowed."""
    made, _, shrunk_boxes = plan
    for number, (text_box, text) in enumerate(zip(texts, made)):
        narrower = SHRINK * _measures_of(text_box.style).width(SPACE) if number < shrunk_boxes else 0.0
        text_box.text = text
        style = text_box.style.copy()
        style["hyphens"] = "manual"
        if narrower:
            style["word_spacing"] -= narrower
        text_box.style = style


def _split_before_last_line(line_box, texts: list, piece: Piece, place: tuple, edits: dict) -> tuple[int, list | None]:
    """Cut the text box where the last line begins in two (moving its edits along); return
    the index in ``texts`` of the first text box whose spaces are the last line's, and the cut
    made ([index of the box cut, offset], or None)."""
    first, offset = place
    # After the space; after a hyphenated word's end (a soft hyphen must not end a box).
    cut = offset + 1 if piece.kind == "glue" else first.text.find(SPACE, offset) + 1
    index = texts.index(first) + 1
    if not 0 < cut < len(first.text):
        return index, None
    rest = _split_box(line_box, texts, index - 1, cut)
    moved = [(offset, action, character) for offset, action, character in edits.get(first, []) if offset >= cut and action == "replace"]
    edits[first] = [edit for edit in edits.get(first, []) if edit not in moved]
    edits[rest] = [(offset - cut, action, character) for offset, action, character in moved]
    return index, [index - 1, cut]


def _split_box(line_box, texts: list, index: int, cut: int):
    """Cut ``texts[index]`` in two at ``cut``: the rest becomes a text box of its own after it,
    in its parent and in ``texts``; returns the rest."""
    first = texts[index]
    rest = first.copy_with_text(first.text[cut:])
    first.text = first.text[:cut]
    parent = next(box for box in [line_box, *line_box.descendants()] if first in getattr(box, "children", ()))
    children = list(parent.children)
    children.insert(children.index(first) + 1, rest)
    parent.children = type(parent.children)(children)
    texts.insert(index + 1, rest)
    return rest
