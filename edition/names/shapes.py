"""What a word or a run of words looks like: the tests the recogniser cuts and drops by.

Each function answers one question about the text alone (no document
statistics): is this run an event ("Moscow Conference"), a title filling a
quotation, a heading in capitals, a lone Roman numeral; is this word a
title, a head word, a plural; what word comes before or after a name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from . import candidates, lexicon
from .candidates import Word

_OPENING = "“‘«„\"'"
_CLOSING = "”’»“\"'"
# The lower-case word right after a name ("the Bourbon throne").
NEXT_WORD = re.compile(r"[ \t\n]+([a-z]+)\b")


def before_event(run: candidates.Run) -> candidates.Run | None:
    """The run up to an "of" that an event follows ("Red Guard of the Revolution" → "Red Guard")."""
    texts = [w.text for w in run.words]
    for i, text in enumerate(texts):
        # the event follows "of" or "of the": "Committee for Salvation of Country and Revolution" is one name
        event_next = event_words(texts[i + 1 : i + 2]) or (texts[i + 1 : i + 2] == ["the"] and event_words(texts[i:]))
        if text == "of" and event_next and not event_words(texts[:i]):
            return candidates.Run(run.words[:i])  # "Paris of the Second Empire" → "Paris"
    return run


def after_events(run: candidates.Run) -> list[candidates.Run]:
    """The run cut after each event's word that a capitalised word follows: "the Italian War
    Marx, in…" → "Italian War", "Marx" (an event's name goes on only with "of"), or "and" ("of the
    Exposition and Mrs. Thompson" → "Exposition", "Mrs. Thompson")."""
    parts, start = [], 0
    for i, (word, after) in enumerate(zip(run.words, run.words[1:])):
        named = after.capitalised and not english_shape(after.text)  # not "the Decree Establishing a Militia"
        if word.text in lexicon.EVENT_HEADS and named and after.text not in lexicon.EVENT_HEADS | lexicon.FUNCTION_WORDS:
            parts.append(candidates.Run(run.words[start : i + 1]))
            start = i + 1
        elif word.text in lexicon.EVENT_HEADS and after.text == "and" and i + 2 < len(run.words):
            # "the President of the Exposition and Mrs. Joseph Thompson": the event's name ends before "and"
            parts.append(candidates.Run(run.words[start : i + 1]))
            start = i + 2
    return parts + [candidates.Run(run.words[start:])]


def event_words(texts: list[str]) -> bool:
    return any(t in lexicon.EVENT_HEADS for t in texts) or any(
        a in lexicon.ORDINALS and b in lexicon.REGIMES for a, b in zip(texts, texts[1:]))


def event(run: candidates.Run) -> bool:
    """An event, a period, or councils in general: "Moscow Conference", "Second Empire",
    "Land Committees", "Soviets of Workers’ Deputies" (the head before any "of" is plural)."""
    texts = [w.text for w in run.words]
    named = texts[: texts.index("of")] if "of" in texts else texts
    # a body's name before its "of" ("Committee for Salvation of Country and Revolution") is no event's
    body = named != texts and any(t in lexicon.ORG_HEADS for t in named) and not event_words(named)
    # an event's word naming what a body or a place is for: "War Department", "War Office", "Revolution Square"
    # (not a period: "Second Empire")
    body = body or (len(texts) > 1 and texts[-1] in lexicon.ORG_HEADS | lexicon.PLACE_HEADS and texts[-1] not in lexicon.REGIMES
                    and not event_words(texts[-1:]))
    if (event_words(texts) and not body) or bill(texts):
        return True
    heads = [t for t in named if t in lexicon.ORG_HEADS or plural_head(t)]
    return bool(heads) and plural_head(heads[-1])


def bill(texts: list[str]) -> bool:
    """A law before it is passed: "Insurance Bill", "Home Rule Bill" (common words, then "Bill";
    a given name "Bill" follows no common word)."""
    return len(texts) > 1 and texts[-1] in ("Bill", "Bills") and all(lexicon.common(t) >= 3.0 for t in texts[:-1])


# A firm: names joined by an ampersand ("Cheetham & Sharp", "CHATTO & WINDUS", "Wilkins & Co."), or a
# name and a partnership word ("Page and Co.", "EMBERLIN AND SON"); the full stop of "Co." is its own.
_CAPITALISED = r"[^\W\d_a-z][^\W_'’-]*(?:['’-][^\W_]+)*"
_PARTNERS = "|".join(re.escape(p) for p in sorted(lexicon.PARTNERS, key=len, reverse=True))
FIRM = re.compile(
    rf"(?<![^\W_]|&)(?P<name>(?:{_CAPITALISED}[ \t]+)*{_CAPITALISED})[ \t]+"
    rf"(?:&[ \t]+(?:{_PARTNERS}|{_CAPITALISED})|(?:and|AND)[ \t]+(?:{_PARTNERS}))(?![^\W_]|&)"
)
# A word this common before "&" ends the words before the firm's name ("PUBLISHED BY CHATTO & WINDUS").
_COMMON_BEFORE_FIRM = 4.0


def firms(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) of each firm's name in ``text``: "X & Y", "X & Co.", "X and Son" name a
    partnership in any English text, and a firm is an organisation."""
    found = []
    for m in FIRM.finditer(text):
        words = list(re.finditer(r"\S+", m.group("name")))
        common = [i for i, w in enumerate(words[:-1]) if lexicon.common(w.group(), lang) >= _COMMON_BEFORE_FIRM]
        first = words[common[-1] + 1] if common else words[0]
        if first is not words[-1] and "&" not in m.group():
            continue  # "Bruno Bauer and Co.": a man and his followers; a firm "and Co." is one surname
        found.append((m.start() + first.start(), m.end()))
    return found


def title(word: str) -> bool:
    """ "General", "M.", and compounds of titles ("Brigadier-General", "Minister-President"; not the
    body "States-General")."""
    return word in lexicon.TITLES or ("-" in word and word not in lexicon.PROPER_HEADS
                                      and any(p in lexicon.TITLES for p in word.split("-")))


def head(word: str) -> bool:
    """A head word, alone or ending a compound ("Reform-Club", "Saville-row")."""
    last = word.rsplit("-", 1)[-1].capitalize()
    return any(w in lexicon.ORG_HEADS or w in lexicon.PLACE_HEADS for w in (word, last))


def english_shape(word: str) -> bool:
    """A rare word shaped as English ("Indissolubly", "Horror-stricken"), not as a name."""
    return word.endswith(lexicon.WORD_ENDINGS) or bool(re.search(r"-[a-z]", word))


# A genus and its species in Latin, alone in parentheses: "(Athene cunicularia)", "(Cavia Patagonica)".
_BINOMIAL = re.compile(r"\(([A-Z][a-z]+)(?:[ \t]+|[ \t]*\n[ \t]*)([A-Za-z][a-z]+(?:us|um|a|ae|is|i|ii|ensis|ica|icus))\)")


def binomial(text: str, current: list[Word]) -> bool:
    """A species' Latin name in parentheses after the common one ("the Agouti (Cavia Patagonica)"): no name."""
    start = text.rfind("(", max(0, current[0].start - 1), current[0].start + 1)
    m = _BINOMIAL.match(text, start) if start >= 0 else None
    return m is not None and m.start(1) == current[0].start and m.end(2) >= current[-1].end and not lexicon.is_place(m.group(2))


def participle(text: str, current: list[Word]) -> bool:
    """ "Maddened by success, …": a rare word in "-ed" and "by" after it opens a sentence with a verb's participle."""
    word = current[-1].text
    m = NEXT_WORD.match(text, current[-1].end)
    return len(current) == 1 and len(word) > 4 and word.endswith("ed") and m is not None and m.group(1) == "by"


def plural_head(word: str) -> bool:
    """ "Soviets", "Land Committees": councils and committees in general, not one body ("Guards" is a head itself)."""
    return word not in lexicon.ORG_HEADS and any(s in lexicon.ORG_HEADS for s in singulars(word))


def singulars(word: str) -> list[str]:
    """Possible singulars of an English plural: "Deputies" → "Deputy", "Priests" → "Priest"."""
    if not word.endswith("s") or word.endswith("ss"):
        return []
    found = [word[:-1]]
    if word.endswith("ies"):
        found.append(word[:-3] + "y")
    elif word.endswith("es"):
        found.append(word[:-2])
    return [s for s in found if s not in lexicon.FUNCTION_WORDS]  # "Andes" is no plural of "And"


def shouted(current: list[Word]) -> bool:
    """A lone initial ("F"), or initials only ("R. W."): no name is left."""
    capitalised = [w.text for w in current if w.capitalised]
    return bool(capitalised) and all(len(w.rstrip(".")) == 1 for w in capitalised)


# Words that credit a work to a person ("Illustrations by", "traduit par", "Vignette di").
CREDITS = frozenset("by par di da von".split())


def capitals_apart(run: candidates.Run) -> list[candidates.Run]:
    """The run cut at a particle between a word in small letters and one in capitals: a name set
    in capitals stands apart from the words before it ("Vignette di GIOVANNI TENNIEL")."""
    words = run.words
    for i in range(1, len(words) - 1):
        before, particle, after = words[i - 1], words[i], words[i + 1]
        if not particle.capitalised and not before.text.isupper() and after.text.isupper() and len(after.text) > 1:
            return [candidates.Run(words[:i]), *capitals_apart(candidates.Run(words[i + 1 :]))]
    return [run]


def credited(text: str, run: candidates.Run) -> bool:
    """A name in capitals after a word of credit, as title pages and publishers' lists set
    authors, illustrators and translators: "With Preface by WILLIAM H. DRAPER", "par HENRY BUE"."""
    capitalised = [w.text.rstrip(".") for w in run.words if w.capitalised]
    return (all(w.isupper() for w in capitalised) and any(len(w) > 2 for w in capitalised)
            and (previous_word(text, run.start) in CREDITS or attribution(text, run)))


# A line that is a dash and a name, nothing else: the author of the verse or epigraph above it.
_DASH_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:--|—|―)[ \t]*$")
_LINE_END = re.compile(r"[.,]?[ \t]*(?:\n|$)")


def attribution(text: str, run: candidates.Run) -> bool:
    """ "    --MADISON CAWEIN.": a name alone on a line after a dash, an epigraph's author."""
    return (_DASH_LINE_START.search(text, max(0, run.start - 12), run.start) is not None
            and _LINE_END.match(text, run.end) is not None)


def in_capitals(run: candidates.Run) -> bool:
    """A heading or a signature in capitals ("CHAPTER II. THE PILLORY", "N. PODVOISKY"), not an acronym ("CPSU")."""
    capitalised = [w.text.rstrip(".") for w in run.words if w.capitalised]
    long = [w for w in capitalised if len(w) > 1]
    return all(w.isupper() for w in capitalised) and (len(long) > 1 or any(len(w) > 6 for w in long))


def recase(word: Word) -> Word:
    return replace(word, text="-".join(part.capitalize() for part in word.text.split("-")))


def quoted_at(text: str, start: int) -> bool:
    """A quotation mark opens just before ``start`` ('the "Popular Front" was')."""
    return text[max(0, start - 1) : start] in _OPENING and start > 0


# Before a quotation, what a work's title follows: its author's possessive, a possessive determiner,
# the kind of work ("Weber's “Freischütz,”", "Delibes' “Lakmé”", "his “Vestal,”", "the opera “Zampa”"),
# the title before it in a pair ("“Masaniello” or “The Mute”"), "entitled", "works were".
_OWNER_BEFORE_QUOTE = re.compile(
    r"(?:[’']s|(?<=s)[’']|\b(?:his|her|their|its|opera|operas|novel|novels|poem|poems|play|plays|book|books|drama|overture"
    r"|entitled,?|works\s+(?:were|are))|[”\"],?\s+(?:or|and))\s+[\"“]$")


def quoted_title(text: str, current: list[Word]) -> bool:
    """A name of several words that fills a quotation is a title (“Eighteenth Brumaire of Louis
    Bonaparte”); so is one word in double quotation marks after what a title follows (``_OWNER_BEFORE_QUOTE``)."""
    before = text[max(0, current[0].start - 5) : current[0].start].rstrip()
    after = text[current[-1].end : current[-1].end + 3].lstrip(" ,.;:!?")
    opened = before.endswith(tuple(_OPENING))
    if len(current) == 1:
        owned = _OWNER_BEFORE_QUOTE.search(text, max(0, current[0].start - 40), current[0].start) is not None
        return owned and after[:1] in ('"', "”") and not current[0].possessive
    # “Party of Order” is a party; “Second Treatise of Government” a title: a body's head comes before its "of"
    named = [w.text for w in current]
    named_body = any(w in lexicon.ORG_HEADS for w in (named[: named.index("of")] if "of" in named else named))
    # “a Russian Napoleon”: a nationality, then a name used as a comparison
    compared = len(current) == 2 and current[0].text in lexicon.NOT_NAMES
    closed = after[:1] in _CLOSING and after[:1] != "" and not current[-1].possessive  # “In Marx’s lifetime”: an apostrophe
    return len(current) > 1 and opened and closed and not named_body and not compared


# After an abbreviation: more short abbreviations, then a number or a word in small letters.
_ABBREVIATED = re.compile(r"(?:\.[ \t]?[A-Z][a-z]{0,4})*\.[ \t]?(?:\d|[a-z])")


# After a truncated word: perhaps more words, the last abbreviated, then a comma or a word in small
# letters ("Agricult. Chem. Assoc. in", "Edin. New Philos. Jour., Jan"): a sentence's full stop is
# followed by neither.
_TRUNCATED = re.compile(r"(?:\.[ \t]*\n?[ \t]*(?:[A-Z][a-z]*[ \t]+)*[A-Z][a-z]*)*\.(?:,|[ \t]*\n?[ \t]*[a-z])")


def abbreviation(text: str, current: list[Word]) -> bool:
    """ "Frs. 40,000", "Rs. 12": a short word abbreviated before a number is a unit; "Judg. xi. 27",
    "Eccl. Pol. lib. i.": before a word in small letters, or more abbreviations and a number, a reference;
    so is a name ending with a longer truncated word ("Linnaean Trans., vol. xi", "Assoc. in the")."""
    if len(current) == 1 and len(current[0].text) <= 4 and _ABBREVIATED.match(text, current[0].end) is not None:
        return True
    last = current[-1].text
    truncated = len(last) > 1 and last[0].isupper() and not last.isupper() and not lexicon.is_place(last)
    return truncated and _TRUNCATED.match(text, current[-1].end) is not None  # not "in London. he was" (a misprint)


_NUMBER_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thir|fif|hundred|thousand|million)(?:teen)?(?:th)?"
    r"|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)(?:y|ieth)|first|second|third|fifth|eighth|ninth|twelfth", re.I)


def number(word: str, leading: bool) -> bool:
    """A year in Roman numerals ("MDCCCLXXXIX": a regnal number has no C, D or M), or a number
    written out opening a run ("Forty-two Illustrations", "Ninetieth Thousand"; but "Clause Four"),
    not an epithet ("Peter the Great", "the Second")."""
    if re.fullmatch(r"[IVXLCDM]{4,}", word) and re.search("[CDM]", word):
        return True
    return leading and word not in candidates.EPITHETS and all(_NUMBER_WORD.fullmatch(p) for p in word.split("-"))


def roman(current: list[Word]) -> bool:
    """A lone Roman numeral ("Chapter VII"); after a name it belongs to it ("Louis XVI")."""
    return len(current) == 1 and re.fullmatch(r"[IVXLCDM]+", current[0].text) is not None


# A plain text's italics: _words_, the closing mark after a space at most ("_Kreuz-Zeitung _").
_ITALICS = re.compile(r"_(?=[^\s_])([^_]*?)[ \t]?_")
_EDGES = " \t\n,.;:!?"
# Titles of works are seldom longer than this (words); a longer phrase in italics is emphasis.
TITLE_WORDS = 10


@functools.lru_cache(maxsize=4096)
def italics(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words inside each pair of underscores in ``text``, edge punctuation left out."""
    found = []
    for m in _ITALICS.finditer(text):
        inner = m.group(1)
        start = m.start(1) + len(inner) - len(inner.lstrip(_EDGES))
        found.append((start, m.start(1) + len(inner.rstrip(_EDGES))))
    return tuple(found)


def _italic_span(text: str, current: list[Word]) -> tuple[int, int] | None:
    start, end = current[0].start, current[-1].end
    return next(((s, e) for s, e in italics(text) if s <= start and end <= e), None)


def in_italic_title(text: str, current: list[Word]) -> bool:
    """A name that is part of a longer phrase in italics, short as a title is: a title of a work
    ("_Herr Vogt_", "_Address on the Civil War in France_"), whose names are no mentions; not
    an emphasised sentence, nor an office under a signature ("_Chairman of the Petrograd Soviet_")."""
    span = _italic_span(text, current)
    if span is None or span == (current[0].start, current[-1].end):
        return False
    words = text[span[0] : span[1]].split()
    office = len(words) > 1 and words[1] == "of" and title(words[0])
    return len(words) <= TITLE_WORDS and not office



def emphasised(text: str, current: list[Word]) -> bool:
    """A name that fills a pair of _underscores_ (a plain text's italics): a foreign word or a title
    ("_Rabotchi Put_"), unless the text names it otherwise too ("the _Petrograd_ Soviet")."""
    return _italic_span(text, current) is not None and not any(
        w.text in lexicon.ORG_HEADS or w.text in lexicon.PLACE_HEADS or w.text.endswith(lexicon.ORG_ENDINGS) for w in current)


PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\s+(?:(the)\s+)?$")


_NEXT_OR_OWNED = re.compile(r"([’']s?)?[ \t\n]+([a-z]+)\b")


# ", Mrs." or ", H." or ", Philip." closing an entry (no capital follows, nor a particle and a name:
# "the Viscount of Ghent, Baron de Ville"): a name set surname first.
_INVERTED = re.compile(r",[ \t]+([^\W\d_]+)\.?(?=[_)\]]|[ \t]*(?:\n|$)|[ \t]+(?!(?:de|du|von|van|of)\b)[a-z(\[])")


def inverted(text: str, current: list[Word]) -> str | None:
    """The title, initial or given name after a surname set first, as in a register or an index
    ("Jones, Mrs.", "Scareham, H.", "Morton, Philip."): the name is a person's."""
    if not current or not current[-1].capitalised:
        return None
    m = _INVERTED.match(text, current[-1].end)
    if m is None or not m.group(1)[0].isupper():
        return None
    word = m.group(1)
    if word == "I" and not m.group().endswith("."):
        return None  # "we called at Bahia Blanca, I determined": the pronoun, no initial
    return word if title(word) or len(word) == 1 or word in lexicon.GIVEN_NAMES else None


# A short quotation between double quotation marks, within one paragraph.
_QUOTATION = re.compile(r"(?<![^\s(\[])[\"“](?=\S)([^\"“”\n]*(?:\n[^\"“”\n]*){0,2})(?<=\S)[\"”](?![^\W_])")
# Titles are seldom longer than this (words); a longer quotation in title case is a heading quoted.
_QUOTED_TITLE_WORDS = 10


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quotations in title case, which are titles of works ("Alice's Adventures
    in Wonderland", "Phantasmagoria, and other Poems", "THE WONDERLAND CASE FOR POSTAGE-STAMPS"):
    two words or more, every one capitalised but the function words, one of them a common word,
    and no head word of a body or a place."""
    found = []
    for m in _QUOTATION.finditer(text):
        words = re.findall(r"[^\W\d_][\w'’-]*", m.group(1))
        content = [w for w in words if w.capitalize() not in lexicon.FUNCTION_WORDS]
        if not 1 < len(words) <= _QUOTED_TITLE_WORDS or len(content) < 2:
            continue
        body = any(head(w) for w in words)  # “Party of Order”, “Communist League”: a body's name in quotation marks
        # “a Russian Napoleon”, “Wilhelm or the Bolsheviki”: names compared or opposed, no title, which has a common word
        named = words[0] in lexicon.NOT_NAMES or not any(
            lexicon.common(w) >= 3.0 and w not in lexicon.GIVEN_NAMES for w in content)
        if all(w[0].isupper() for w in content) and not (body or named):
            found.append((m.start(1), m.end(1)))
    return found


# A book's format in a publisher's list: "Crown 8vo", "Fcap. 4to", "Square 16mo".
_FORMAT = re.compile(r"\b\d+(?:mo|to|vo)\b")
CATALOGUE_ENTRY = 400


def catalogue_entry(text: str) -> bool:
    """An entry of a publisher's list, which gives a book's format: "Alice's Adventures in
    Wonderland. With Forty-two Illustrations by TENNIEL. Crown 8vo…"; a few lines at most (``CATALOGUE_ENTRY``
    characters): a longer block that names a format in passing ("his excellent work, … 8 vol. in 4to") is prose."""
    return _FORMAT.search(text) is not None and len(text) <= CATALOGUE_ENTRY


def personal(text: str, end: int) -> bool:
    """A person's verb after the name ("As Whittier says"), a person's noun after its possessive
    ("under Willich’s command"), a family's noun after it ("the Burge plantation")."""
    m = _NEXT_OR_OWNED.match(text, end)
    if not m:
        return False
    return m.group(2) in lexicon.PERSON_NOUNS if m.group(1) else m.group(2) in lexicon.PERSON_VERBS | lexicon.FAMILY_NOUNS


_PLACE_NOUN_OF = re.compile(r"\b([a-z]+)\s+of\s+(?:the\s+)?$")


def of_place_noun(text: str, start: int) -> bool:
    """ "the hill of Hinksey", "the streets of the Borough": "of" after a common noun of places."""
    m = _PLACE_NOUN_OF.search(text, max(0, start - 40), start)
    return bool(m) and m.group(1) in lexicon.PLACE_NOUNS


# Words addressed to someone: "His letters to Doria", "wrote to Bray", "according to Hamon".
_ADDRESSED = re.compile(r"\b(?:letter|letters|wrote|written|writes|write|said|says|replied|answered|spoke|speaks|"
                        r"addressed|according|listened|appealed)\s+to\s+$")


def addressed(text: str, start: int) -> bool:
    """The name after words addressed or spoken to someone: a person's."""
    return _ADDRESSED.search(text, max(0, start - 30), start) is not None


def previous_word(text: str, start: int) -> str | None:
    """The word before a name, or "the" and the word before it ("into the Tuileries" → "into the")."""
    m = PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if not m:
        return None
    return m.group(1).lower() + (" the" if m.group(2) else "")


# A column rule of a plain-text table inside a word ("Ma|nager", "Ele-||phant", "Dra- ||238"): the
# letters before the rule (with a hyphen, spaces and a page number after it) and after it.
_RULE_IN_WORD = re.compile(r"[^\W\d_]+(?:\|+[^\W\d_]+|-[ \t]*\|+)")


@functools.lru_cache(maxsize=1024)
def cut_by_rules(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the pieces of words that a table's column rules cut: no name is read in them."""
    return tuple(m.span() for m in _RULE_IN_WORD.finditer(text))


_LABEL = re.compile(r"^([A-Z][^:\n]{0,40}?):[ \t]+\S", re.M)


def _fields(text: str) -> list[re.Match]:
    """The labels that open fields: a line opens one at the block's start, after a line ending a
    sentence or after another field; a line that goes on with a wrapped sentence does not
    ("Nach beiden\nSeiten hin antwortete Gregor: »Bin")."""
    found, field, offset = [], True, 0
    for line in text.split("\n"):
        m = _LABEL.match(text, offset, offset + len(line))
        opens = m is not None and field
        if opens:
            found.append(m)
        field = opens or line.rstrip().endswith((".", "!", "?", ";", ":", ")")) or not line.strip()
        offset += len(line) + 1
    return found


@functools.lru_cache(maxsize=1024)
def field_labels(text: str) -> tuple[tuple[int, int], ...]:
    """The field names opening the lines of a source statement ("Transcription & HTML Mark-up:",
    "Permissions:"): a label of a block with two labelled lines or more, or one that no name
    has (holding "&", "\\", "/" or a word in lower case: "Provided by:")."""
    found = [(m.start(1), m.end(1)) for m in _fields(text)]
    if len(found) >= 2:
        return tuple(found)
    return tuple((s, e) for s, e in found if re.search(r"[&\\/]|(?<![\w'’])[a-z]", text[s:e]))
