"""Plays: speeches with their speakers, stage directions, the cast list, acts and scenes.

A play is recognised by its speeches: blocks opening with a speaker's label, the same labels
recurring through the text.  The label comes in the conventions of printed plays and their
plain-text transcriptions:

- the name and a full stop or colon before the speech: "Algernon.  Did you hear…", "JACK. Eh?",
  "HAMLET: To be…";
- the name, then a stage direction in brackets or parentheses: "ALGERNON [Languidly.] I don't…",
  "HELMER [calls out from his room]. Is that my little lark…", "_Mrs. Linde_ (_looking at her
  watch_). Not yet…";
- the name on a line of its own, the speech under it or in the next block ("Lady Bracknell." /
  "Good afternoon…", "LADY BRACKNELL" / "Good afternoon…");
- the name in italics: "_Judoc._ Wat zegt gij?", "_Krogstad_. Really?".

A speech is TEI ``sp`` holding ``speaker`` and ``p``; a block that is a stage direction (in
brackets, in parentheses, in italics, "Curtain.") is ``stage``, and so is a bracketed direction
inside a speech (p20).  A heading "THE PERSONS IN THE PLAY", "Dramatis Personae" over lines of
names is a ``castList`` (a ``castItem`` a line), and the untitled matter before the first act
that holds it is a front division ``type="cast"``.  Divisions headed "ACT …" and "SCENE …" are
``div type="act"`` and ``"scene"``.
"""

from __future__ import annotations

import re
from collections import Counter

from .heads import all_capitals, head_shape, is_label
from .model import Block, Document
from .settings import Structure

_WORD = r"[^\W\d_][\w'’\-]*"
_PARTICLE = r"(?:of|the|de|du|la|le|von|van|and|da|di)"
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Rev|St|Hon|Capt|Col|Gen|MR|MRS|DR|REV|ST|HON)\."
_NAME = rf"(?:{_HONORIFIC}[ \t]+)?(?=[A-ZÀ-Ý]){_WORD}(?:[ \t]+(?:(?=[A-ZÀ-Ý]){_WORD}|{_PARTICLE})){{0,3}}"
# "Algernon.  …", "_Judoc._ …", "_Krogstad_. …", "ALGERNON [Languidly.] …", "HELMER [calls out]. …",
# "_Mrs. Linde_ (_looking at her watch_). …", "Lady Bracknell." alone.
_LABEL = re.compile(rf"(?P<open>_)?(?P<name>{_NAME})(?:[.:](?(open)_)(?=\s|$)|(?(open)_)[.:](?=\s|$)|"
                    rf"(?(open)_)[ \t]*(?=\[[^\[\]\n]*\]|\([^()\n]*\)[.:]))")
# "LADY BRACKNELL" on a line of its own, the speech under it.
_CAPITAL_LINE = re.compile(rf"(?P<name>{_NAME})(?=\n|$)")
_STAGE_BLOCK = re.compile(r"\[[^\[\]]*\]|\([^()]*\)|_[^_]+_|(?:quick\s+)?(?:curtain|tableau|exeunt(?:\s+omnes)?)\.?", re.I | re.S)
_CAST_HEAD = re.compile(r"(?:the\s+)?(?:dramatis\s+person(?:ae|æ)|(?:the\s+)?persons\s+(?:of|in)\s+the\s+(?:play|drama|comedy|tragedy)|"
                        r"persons\s+represented|characters(?:\s+(?:of|in)\s+the\s+play)?|cast(?:\s+of\s+characters)?)[.:]?", re.I)
# "ACT II.", "Scene 3. A lane", "FIRST ACT", "SCENE": the heading of an act or a scene.
_UNIT = re.compile(r"(?P<unit>act|scene)\b\.?(?:\s+(?:the\s+)?[\w]+)?|"
                   r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+(?P<unit2>act|scene)\b", re.I)

# Words a paragraph's or a heading's number follows ("Sect. 4.", "Art. 2.", "No. 5").
_NOT_SPEAKERS = {"chapter", "section", "sect", "book", "part", "act", "scene", "letter", "no", "number", "art", "article",
                 "vol", "volume", "page", "p", "note", "fig", "figure", "table", "rule", "canto", "stanza", "verse", "psalm"}
_TITLES = {"mr", "mrs", "ms", "dr", "rev", "st", "hon", "capt", "col", "gen", "hr", "mevr", "mme", "mlle", "prof", "jhr", "mej"}
_NUMBER = re.compile(r"\s*(?:\d+|[IVXLCDM]+|[ivxlcdm]+)[.:)](?:\s|$)")

_SPEECHES = 12  # fewest speeches of a play
_SHARE = 4  # at least one block in this many opens a speech


# "Iz. Wa." (Izaak Walton signing his dedication): a name abbreviated word by word, a signature alone.
_ABBREVIATED = re.compile(r"(?:[A-Z][a-z]{0,2}\.[ \t]*){2,3}")


def label(block: Block) -> tuple[str, int] | None:
    """The speaker's name (as the text spells it) and where the speech after the label starts."""
    if _ABBREVIATED.fullmatch(block.text.strip()):
        return None
    m = _LABEL.match(block.text)
    if m is None:
        m = _CAPITAL_LINE.match(block.text)
        if m is None or not all_capitals(m.group("name")):
            return None
    name = m.group("name")
    if is_label(name) or _UNIT.match(name) or _key(name).rstrip(".") in _NOT_SPEAKERS or _NUMBER.match(block.text, m.end()) \
            or _key(name).split()[-1] in _TITLES:  # "De Hr. Gabriël ergert zich": a title's full stop
        return None  # "ACT II.", "I.", "CHAPTER. I.", "Sect. 4. It having…": a heading's or a paragraph's number
    return name, m.end()


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def speakers(blocks: list[Block]) -> set[str]:
    """The speakers' names (casefolded) if the text is a play, else an empty set: at least twelve
    speeches, one block in four or more, by at least two speakers who each speak three times.  A
    name is a speaker's if it labels three speeches, or two with the speech on the label's line
    (a name alone on a line twice is as likely a heading's word: "DOOR", "Bladz.")."""
    paragraphs = [b for b in blocks if b.kind == "p"]
    found = [(_key(f[0]), bool(b.text[f[1] :].split("\n")[0].strip())) for b in paragraphs if (f := label(b))]
    counts, inline = Counter(name for name, _ in found), Counter(name for name, on_line in found if on_line)
    regular = {name for name, n in counts.items() if n >= 3}
    speeches = sum(counts[name] for name in regular)
    if len(regular) < 2 or speeches < _SPEECHES or speeches * _SHARE < len(paragraphs):
        return set()
    return regular | {name for name, n in inline.items() if n >= 2}


def mark_play(doc: Document, blocks: list[Block], rules: Structure) -> None:
    """Mark the speeches, stage directions and the cast list of a play in ``blocks`` (in place)."""
    names = speakers(blocks)
    if not names:
        return
    doc.play = True
    out: list[Block] = []
    for block in blocks:
        found = label(block) if block.kind == "p" else None
        if found and _key(found[0]) in names:
            out.extend(_speech(block, found[1]))
            doc.stats["speeches"] += 1
            continue
        if out and out[-1].kind == "speaker":  # a speaker's label alone: this block is the speech
            if block.kind == "p":
                block.speech = True
            else:
                out[-1] = _unsplit(out[-1], doc)  # no speech under the name: the block was what it looked like
        out.append(block)
    if out and out[-1].kind == "speaker":
        out[-1] = _unsplit(out[-1], doc)
    _stage_blocks(doc, out)
    blocks[:] = out
    _cast_lists(doc, blocks, rules)


def _stage_blocks(doc: Document, blocks: list[Block]) -> None:
    """A block in brackets, parentheses or italics (or "Curtain.") among speeches is a stage
    direction: the nearest other block before or after it is a speech (a book holding dialogues
    and prose keeps its prose's brackets as they are)."""
    shaped = [b.kind == "p" and bool(_STAGE_BLOCK.fullmatch(b.text.strip())) for b in blocks]

    def speech_beside(i: int, step: int) -> bool:
        while 0 <= i < len(blocks) and shaped[i]:
            i += step
        return 0 <= i < len(blocks) and (blocks[i].kind == "speaker" or blocks[i].speech)

    for i, block in enumerate(blocks):
        if shaped[i] and (speech_beside(i - 1, -1) or speech_beside(i + 1, 1)):
            blocks[i] = _stage(block)
            doc.stats["stage directions"] += 1


def _speech(block: Block, start: int) -> list[Block]:
    """The speaker's label and the speech after it (if any, in this block)."""
    speaker = Block("speaker", block.text[:start].rstrip(), block.offset)
    rest = block.text[start:]
    lead = len(rest) - len(rest.lstrip())
    if not rest.strip():
        return [speaker]
    return [speaker, Block("p", rest.strip(), block.offset + start + lead, lines=block.lines, speech=True)]


def _unsplit(speaker: Block, doc: Document) -> Block:
    doc.stats["speeches"] -= 1
    return Block("p", speaker.text, speaker.offset)


def _stage(block: Block) -> Block:
    """A stage direction on its own; its brackets or parentheses are not stored (``@rend``)."""
    text = block.text
    rend = {"[": "bracketed", "(": "parenthesised"}.get(text[:1])
    if rend:
        return Block("stage", text[1:-1], block.offset + 1, lines=block.lines, attrs={"rend": rend}, speech=block.speech)
    return Block("stage", text, block.offset, lines=block.lines, speech=block.speech)


def _cast_lists(doc: Document, blocks: list[Block], rules: Structure) -> None:
    """A cast-list heading and the lines of names under it: castList, a castItem a line."""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "p" and "\n" not in block.text and _CAST_HEAD.fullmatch(block.text.strip()):
            block.kind = "castHead"
            items: list[Block] = []
            j = i + 1
            while j < len(blocks) and _cast_block(blocks[j], rules):
                items += _cast_items(blocks[j])
                j += 1
            blocks[i + 1 : j] = items
            doc.stats["cast lists"] += 1
            i += len(items)
        i += 1


def _cast_block(block: Block, rules: Structure) -> bool:
    """Lines of names under a cast list's heading, up to the next heading in capitals or a label."""
    first = block.text.split("\n")[0].strip()
    if block.kind != "p" or is_label(first) or all_capitals(block.text) and head_shape(block.text, rules):
        return False
    return all(len(line.strip()) <= 80 for line in block.text.split("\n"))


def _cast_items(block: Block) -> list[Block]:
    items, pos = [], 0
    for line in block.text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            items.append(Block("castItem", line.strip(), block.offset + pos + lead))
        pos += len(line) + 1
    return items


def division_kind(head: str) -> str | None:
    """ "act" or "scene" for a play's division headed "ACT II", "FIRST ACT", "Scene 3"."""
    m = _UNIT.match(head.strip())
    return (m.group("unit") or m.group("unit2")).lower() if m else None


def front_cast(doc: Document) -> None:
    """The untitled matter before a play's first act that holds its cast list is front matter."""
    first = doc.sections[0] if doc.sections else None
    if first is not None and first.head is None and any(b.kind == "castHead" for b in first.blocks) and len(doc.sections) > 1:
        first.kind = "cast"
        doc.prefaces.append(doc.sections.pop(0))
