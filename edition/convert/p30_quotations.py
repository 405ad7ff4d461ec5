"""Pass 30: quote marks → quote, soCalled or title (or mentioned, where edition.toml says so).

Straight double quotes are paired left to right, checking that an opening mark
is not followed by a space and a closing mark not preceded by one; a mark that
cannot be paired stays in the text as a character and is reported with
file:line:col.  Typographic marks that open and close differently (“…”, «…»)
are paired as they nest; guillemets run either way (French «…», German »…«), and
which one opens is read from the whole text (``guillemet_order``).  Single quotes, straight or curly, are tagged only
where unambiguous (an opening mark after a space, a closing mark after a letter
other than the ``s`` of a plural possessive), so apostrophes such as
``workers'`` stay text.  The quote marks themselves are not stored: ``@rend``
records which marks the source used (``single``, ``curly``, ``guillemets``, and
``guillemets reversed`` for »…«, ``spaced`` for the spaces inside guillemets) so the
source can be restored.

Classification (``classify``) is a heuristic; where no cue decides it the
element gets ``@cert="low"`` and ``edition review`` lists it.
"""

from __future__ import annotations

import re

from .model import Annotation, Block, Document
from .settings import Settings

_SPEECH = (
    r"said|says|say|saying|wrote|writes|declared|stated|added|complained|admitted|announced|replied|"
    r"remarked|protested|explained|commented|continued|telegraphed|reported|warned|emphasised|"
    r"recognised|concluded|whining|shouting|screamed|gloated|claimed|boasted|asked|asking|promised|told|put it|puts it|"
    r"described|characterised|called|termed|blamed|talked"
)
# Nouns that announce words someone raised: their slogan, cry, advice, outburst.
_SPEECH_NOUNS = r"slogans?|cry|motto|advice|outburst"
_INTRO = re.compile(rf"(?:\b(?:{_SPEECH})\b[^.!?\"]{{0,25}}|\b(?:{_SPEECH_NOUNS})(?:\s+(?:to|was|of))?[\s,]*|:)\s*$")
_AFTER_SPEECH = re.compile(rf"^\s*(?:,\s*as\s+)?(?:\w+\s+){{0,2}}(?:{_SPEECH})\b")
_AFTER_NOUN = re.compile(rf"^\s*(?:\w+\s+){{0,3}}(?:{_SPEECH_NOUNS})\b")
# German dialogue: »Gregor,« rief es; »Dies frühzeitige Aufstehen«, dachte er (a comma may follow the mark).
_AFTER_GERMAN_SPEECH = re.compile(
    r"^\s*,?\s*(?:\w+\s+){0,2}(?:sagte|sagt|rief|ruft|dachte|denkt|fragte|fragt|schrie|antwortete|flüsterte|"
    r"meinte|erwiderte|sprach|bat|murmelte|seufzte|stöhnte)\b")
# A short quotation after a determiner is part of a noun phrase ("the 'Communist' newspapers"):
# a label, unless the phrase's noun says it is an utterance ("his '...' outburst") or a verb
# of naming makes it the name someone gave ("what Rakosi called the 'salami tactic'").
_DETERMINER = re.compile(r"(?<!\bcalled )(?<!\btermed )(?<!\bdubbed )\b(?:the|a|an|his|her|its|their|our)\s*$", re.I)
# A name given to a thing that is not a work ("a policy entitled 'abolition of ...'").
_ENTITLED = re.compile(r"\b(?:entitled|dubbed|labelled)\s*$", re.I)
# A label the authors disown: "slandered as", "denounced for years as".
_DISOWNED = re.compile(r"\b(?:slandered|denounced|dismissed|condemned|branded)\b[^.!?\"]{0,40}\bas(?: an?)?\s*$")
_TITLE_BEFORE = re.compile(r"\b(?:book|paper|newspaper|journal|magazine|ship|entitled|document|pamphlet|article|play|novel|poem)\s*$", re.I)
# Singular only: "the 'Communist' newspapers" describes papers, it does not name one.
_TITLE_AFTER = re.compile(r"^\s*(?:newspaper|paper|journal|magazine|book)\b", re.I)
_SO_CALLED = re.compile(r"\bso-called\s*$", re.I)
# A figure (numbers, fractions, "several years"): words cited from a report.
_QUANTITY_WORD = (
    r"\d[\d.,%]*|about|nearly|only|by|to|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"half|quarter|third|fifth|several|years?|months?|per|cent"
)
_QUANTITY = re.compile(rf"^(?:(?:{_QUANTITY_WORD})[\s\-–%]*)+$", re.I)
_SENTENCE_END = re.compile(r"[.!?…][)\]]?$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"')\]]*\s")
# Marks that differ at the two ends: (opening, closing, @rend).
_CURLY = ("“", "”", "curly")
_GUILLEMETS = ("«", "»", "guillemets")
_REVERSED_GUILLEMETS = ("»", "«", "guillemets reversed")  # German, Danish: »Was ist geschehen?«
_DOUBLE_MARKS = '"“”«»'
# A mark in an opening place: at a line start or after a space or bracket, before a letter.
_OPENING_PLACE = r"(?:^|(?<=[\s(\[]))%s(?=\w)"
# Single marks: (opening, closing, @rend).
_SINGLES = (("'", "'", "single"), ("‘", "’", "curly single"))
_INNER_SPACE = " \u00a0\u202f"  # space, no-break space, narrow no-break space (French « … »)


def pair_double(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Pairs of ``"`` positions (open, close) and the positions left unpaired."""
    pairs, unpaired, opening = [], [], None
    for m in re.finditer('"', text):
        i = m.start()
        can_open = i + 1 < len(text) and not text[i + 1].isspace()
        can_close = i > 0 and not text[i - 1].isspace()
        if opening is None:
            if can_open:
                opening = i
            else:
                unpaired.append(i)
        elif can_close:
            pairs.append((opening, i))
            opening = None
        else:  # looks like an opening mark: the earlier one had no partner
            unpaired.append(opening)
            opening = None
            if can_open:
                opening = i
            else:
                unpaired.append(i)
    if opening is not None:
        unpaired.append(opening)
    return pairs, sorted(unpaired)


def pair_directed(text: str, opening: str, closing: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Pairs of marks that differ at the two ends (“ ”, « »), matched as they nest, and the
    positions left unpaired."""
    pairs, open_at, unpaired = [], [], []
    for m in re.finditer(f"[{opening}{closing}]", text):
        if m.group() == opening:
            open_at.append(m.start())
        elif open_at:
            pairs.append((open_at.pop(), m.start()))
        else:
            unpaired.append(m.start())
    return sorted(pairs), sorted(unpaired + open_at)


def pair_single(text: str, opening: str = "'", closing: str = "'") -> list[tuple[int, int]]:
    """Unambiguous single-quoted spans: within one sentence, no double quote inside."""
    pairs, closing_mark = [], re.compile(rf"(?:(?<=[^\Ws])|(?<=\w[,.;:!?])){closing}(?!\w)")
    openings = re.compile(rf"(?:(?<=^)|(?<=[\s(\[])){opening}(?=\w)")
    for m in openings.finditer(text):
        close = closing_mark.search(text, m.end())
        if close is None:
            continue
        inner = text[m.end() : close.start()]
        if openings.search(inner):  # another quotation opens first: this mark's partner is not known
            continue
        if not any(mark in inner for mark in _DOUBLE_MARKS) and not re.search(r"[.!?]\s", inner) and len(inner.split()) <= 12:
            pairs.append((m.start(), close.start()))
    return pairs


def classify(text: str, o: int, c: int, settings: Settings, known_titles: set[str]) -> tuple[str, bool]:
    """(tag, confident) for the quotation whose marks are at ``o`` and ``c``."""
    inner, before, after = text[o + 1 : c], text[max(0, o - 60) : o], text[c + 1 : c + 40]
    words = inner.split()
    label = label_of(inner)
    if label in known_titles:
        return "title", True
    if label in settings.terms:
        return "soCalled", True
    if label in settings.quotes:
        return "quote", True
    if label in settings.mentioned:
        return "mentioned", True
    title_like = len(words) <= 3 and all(w[:1].isupper() for w in words if len(w) > 3)
    if title_like and (_TITLE_BEFORE.search(before) or _TITLE_AFTER.search(after)):
        return "title", True
    if _SO_CALLED.search(before) or _DISOWNED.search(before) or _ENTITLED.search(before):
        return "soCalled", True
    if _AFTER_NOUN.search(after):
        return "quote", True
    if len(words) <= 3 and _DETERMINER.search(before):
        return "soCalled", True
    if _INTRO.search(before) or _AFTER_SPEECH.search(after) or _AFTER_GERMAN_SPEECH.search(after) or _QUANTITY.match(inner.strip()):
        return "quote", True
    if _SENTENCE_END.search(inner) and len(words) >= 2 or len(words) >= 10:
        return "quote", True
    if len(words) <= 3:
        return "soCalled", True
    return ("quote" if len(words) >= 6 else "soCalled"), False


def label_of(inner: str) -> str:
    """How edition.toml names a quotation: its words between the marks, one space apart, without
    outer commas and full stops (what the workbench and ``review --apply`` write)."""
    return " ".join(inner.strip(" ,.").split())


def _source_of(text: str, o: int, settings: Settings) -> str | None:
    sentence = _SENTENCE_BREAK.split(text[:o])[-1]
    return next((w.id for w in settings.works if w.cue in sentence), None)


def missing_space_after(text: str, close: int) -> int | None:
    """Where a space is missing after the closing mark at ``close``: right after it
    (``"it does not work."For``), or after the punctuation that follows it
    (``"in cellars".He``).  None when nothing is missing."""
    after = text[close + 1 : close + 3]
    if after[:1].isalnum():
        return close + 1
    if len(after) == 2 and after[0] in ".,;:!?" and after[1].isalpha():
        return close + 2
    return None


def guillemet_order(text: str) -> tuple[str, str, str]:
    """(opening, closing, @rend) of the text's guillemets: »…« when » stands in an opening
    place more often than « does (German »Was ist mit mir geschehen?« dachte er), else «…»."""
    reversed_count, french_count = (len(re.findall(_OPENING_PLACE % mark, text, re.M)) for mark in "»«")
    return _REVERSED_GUILLEMETS if reversed_count > french_count else _GUILLEMETS


def quotation_spans(text: str, guillemets: tuple[str, str, str] = _GUILLEMETS) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Every quoted span (opening mark, closing mark, @rend) and the double marks left unpaired."""
    doubles, unpaired = pair_double(text)
    spans = [(o, c, "") for o, c in doubles]
    for opening, closing, rend in (_CURLY, guillemets):
        pairs, left = pair_directed(text, opening, closing)
        spans += [(o, c, rend) for o, c in pairs]
        unpaired += left
    for opening, closing, rend in _SINGLES:
        spans += [(o, c, rend) for o, c in pair_single(text, opening, closing)]
    return sorted(spans), unpaired


def inner_spaces(text: str, o: int, c: int) -> int:
    """1 when one space stands inside each mark (« la Commune »), else 0."""
    inner = text[o + 1 : c]
    lead, trail = len(inner) - len(inner.lstrip(_INNER_SPACE)), len(inner) - len(inner.rstrip(_INNER_SPACE))
    return 1 if lead == trail == 1 else 0


def mark_quotations(doc: Document, block: Block, settings: Settings, known_titles: set[str],
                    guillemets: tuple[str, str, str] = _GUILLEMETS) -> None:
    spans, unpaired = quotation_spans(block.text, guillemets)
    for o, c, rend in spans:
        # Marks around nothing but spaces quote nothing: they stay characters, never an empty element.
        if not block.free(o, c + 1) or not block.text[o + 1 : c].strip(_INNER_SPACE):
            unpaired += [] if "single" in rend else [o, c]
            continue
        if label_of(block.text[o + 1 : c]) in settings.not_quotations:
            continue  # the editor's word: these marks are characters of the text
        # On a title page's imprint a quoted name is a series' or a work's: »Der jüngste Tag«.
        tag, confident = ("title", True) if block.kind == "imprint" else classify(block.text, o, c, settings, known_titles)
        spaced = inner_spaces(block.text, o, c) if rend.startswith("guillemets") else 0
        rend = f"{rend} spaced" if spaced else rend
        attrs = {"rend": rend} if rend else {}
        if not confident:
            attrs["cert"] = "low"
        source = _source_of(block.text, o, settings) if tag == "quote" else None
        if source:
            attrs["source"] = f"#{source}"
        block.add(Annotation(o, c + 1, tag, attrs, trim=(1 + spaced, 1 + spaced)))
        doc.stats[tag] += 1
        doc.stats["low certainty"] += not confident
        gap = None if "single" in rend else missing_space_after(block.text, c)
        if gap is not None:
            block.add(Annotation(gap, gap, "choice", alt=("orig", "reg", " ")))
            doc.stats["space after closing quote"] += 1
    for i in unpaired:
        doc.warnings.append(f"{doc.source.place(block.offset + i)}: unpaired double quote left as a character")
    doc.stats["unpaired quotes"] += len(unpaired)


def run(doc: Document, settings: Settings) -> None:
    known_titles = set(settings.titles) | {doc.title.text}
    guillemets = guillemet_order(doc.source.text)
    for block in doc.blocks():
        mark_quotations(doc, block, settings, known_titles, guillemets)
