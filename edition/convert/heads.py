"""What a block of a plain text looks like: a heading, a signature, a dateline, a figure.

Pass 10 decides the structure from these shapes and their neighbours; the
shapes themselves are here so each rule can be read (and tested) on its own.
A heading comes in the common forms of printed books: a label ("Chapter IV",
"BOOK II", a Roman numeral alone), a numbered title ("III. The Paris
Commune", "Chapter IV. The Fall"), a line set in capitals, or a short line
in title case without final punctuation.  Dialogue, questions, exclamations,
lines ending with a quote mark, signatures and datelines are not headings.
"""

from __future__ import annotations

import re

from .settings import Structure

_ROMAN = r"[IVXLCDM]+"
# "1.2.IV" (volume 1, book 2, chapter IV: Carlyle's French Revolution, Gutenberg #1301): a chapter's number
# carrying the numbers of the volume and the book holding it.
_COMPOUND = r"(?:(?:\d{1,2}|[IVXLC]{1,6})\.){1,3}(?:\d{1,3}|[IVXLCDM]+)"
_ORDINAL = rf"(?:{_COMPOUND}|\d+|[IVXLCDM]+|[ivxlcdm]+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|FIRST|SECOND|THIRD|FOURTH|FIFTH)"
_UNIT = r"(?:Chapter|CHAPTER|Book|BOOK|Part|PART|Section|SECTION|Letter|LETTER|Lecture|LECTURE|Act|ACT|Scene|SCENE|Kapitel|KAPITEL|Chapitre|CHAPITRE|Livre|LIVRE|Teil|TEIL)"
# "Chapter IV", "CHAPTER THE FIRST.", "CHAPTER. II." (Locke, Gutenberg #7370), "IV.", "12": a label,
# often followed by the title.
# "FIRST ACT", "Second Book": the ordinal before the unit.
# "APPENDIX.", "Appendix B": a label too (the ordinal may be a letter, or none).
# "FEDERALIST No. 19", "Letter No. 5", "No. XII": a number in a series, the series' name before it.
_ORDINAL_FIRST = r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH)"
LABEL = re.compile(rf"(?:{_UNIT}\.?\s+(?:the\s+|THE\s+)?{_ORDINAL}|{_ORDINAL_FIRST}\s+{_UNIT}|{_ROMAN}|\d{{1,3}}|"
                   rf"(?:Appendix|APPENDIX)(?:\.?\s+(?:{_ORDINAL}|[A-Z]))?|(?:[A-Z][A-Za-z]*\s+)?(?:No|NO|Number|NUMBER)\.?\s+{_ORDINAL})[.:]?")
# "BOOK THE FIRST--RECALLED TO LIFE", "Part Two", "ACT II.", "Second Book": a unit that holds chapters
# (or scenes), with its title after it or not.
_PART_UNIT = r"(?:Book|BOOK|Part|PART|Volume|VOLUME|Act|ACT)"
PART_LABEL = re.compile(rf"(?P<unit>{_PART_UNIT})\.?\s+(?:the\s+|THE\s+)?{_ORDINAL}\b|{_ORDINAL_FIRST}\s+(?P<unit2>{_PART_UNIT})\b")
# "III. The Paris Commune", "Chapter IV. The Fall", "CHAPTER II—THE DAY"
NUMBERED = re.compile(rf"(?:{_UNIT}\.?\s+{_ORDINAL}|{_ROMAN}|\d{{1,3}})(?:[.:]\s+|\s*[—–]+\s*|\s+-+\s+)\S")
# "FEDERALIST No. 1. General Introduction": a number in a series and the title on one line.
_SERIES_TITLED = re.compile(rf"(?:[A-Z][A-Za-z]*\s+)?(?:No|NO|Number|NUMBER)\.?\s+{_ORDINAL}(?:[.:]\s+|\s*[—–]+\s*|\s+-+\s+)(?P<title>\S.*)")
# A title's last words in brackets: "The Same Subject Continued (The Insufficiency of …)".
FINAL_ASIDE = re.compile(r"\s+\([^()]*\)$")
# "Chapter IV. The Fall", "SCENE II. The lane.": a unit's label and its title on one line.
LABELLED_TITLE = re.compile(rf"{_UNIT}\.?\s+{_ORDINAL}(?:[.:]\s+|\s*[—–]+\s*|\s+-+\s+)\S")
PREFACE = re.compile(
    r"(?:the\s+)?(?:(?:author|translator|editor|publisher)['’]?s\s+)?"
    r"(?:preface|foreword|introduction|introductory note|prefatory note|note by the translator|to the reader|"
    r"vorwort|vorrede|einleitung|avant-propos|préface|prólogo|prologo|prefacio|introducción|prefazione|introduzione|proemio|"
    r"praefatio)\b.{0,60}", re.I)
CONTENTS = re.compile(r"(?:table des matières|table of contents|contents|inhalt|inhaltsverzeichnis|sommaire|índice|indice|"
                      r"sommario)\.?", re.I)
DOC_DATE = re.compile(r"\(?1[5-9]\d\d\)?\.?")
# A section break: "*", "* * *", "---".
BREAK = re.compile(r"[*·•]( *[*·•])*|-{3,}|_{3,}")
NOTES = re.compile(r"(?:(?:authors?['’]?s?|editorial|editor['’]?s|translator['’]?s)\s+)?"
                   r"(?:notes?|foot-?notes|end-?notes|anmerkungen|notes du traducteur)[.:]?", re.I)
BYLINE = re.compile(
    r"(?:by|translated|edited|written|compiled|with an? (?:preface|introduction|foreword)|introduction by|"
    r"von|par|por|di|traduit|übersetzt|herausgegeben|traducido|tradotto)\b", re.I)
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|janvier|février|mars|avril|mai|juin|"
          r"juillet|août|septembre|octobre|novembre|décembre|Januar|Februar|März|Juni|Juli|Oktober|Dezember")
# "September 1897": a month and a year, as a web page dates its text beside the author's name.
MONTH_YEAR = re.compile(rf"(?:{_MONTH})\s+1[5-9]\d\d")
DATELINE = re.compile(rf"[^\n]{{0,60}}(?:,\s*|\b(?:{_MONTH})\s+\d{{1,2}},?\s*|\b\d{{1,2}}\s+(?:{_MONTH}),?\s*)1[5-9]\d\d\.?")
# A transcriber's or producer's note on the transcription ("Digitized by Dave Gowan. … This text is
# recovered entire from…", Gutenberg #7370; "Transcriber's Notes:", "NOTA DE TRANSCRIPCIÓN", "Anmerkungen zur
# Transkription"): about the file, not the author's text.
TRANSCRIBERS_NOTE = re.compile(r"(?:(?:Digiti[sz]ed|Produced|Prepared|Transcribed|Scanned|Proof-?read)\s+(?:\S+\s+){0,3}?by\s|"
                               r"E-?text\s+(?:prepared|produced)\b|Transcriber['’]?s['’]?\s+notes?\b|Producer['’]?s\s+notes?\b|"
                               r"Notas?\s+(?:de\s+(?:la\s+)?transcripci[oó]n|del\s+transcriptor|di\s+trascrizione|del\s+trascrittore)\b|"
                               r"Notes?\s+(?:de\s+transcription|du\s+transcripteur)\b|Anmerkungen?\s+zur\s+Transkription\b|"
                               r"Hinweise?\s+zur\s+Transkription\b)", re.I)
FIGURE = re.compile(r"\[(?:Illustration|Graphic|Figure|Picture|Image|Plate|Photo|Map|Abbildung|Bild)\b[^\[\]]*\]", re.I)
_SENTENCE_END = tuple(".,;:!?")
_QUOTE_MARKS = "\"'“”‘’«»„‚"
_NAME_PARTICLES = {"and", "de", "von", "van", "der", "of", "la", "le", "du", "und", "et", "y", "da", "di"}


# The back matter a book prints after its last chapter: "APPENDIX.", "Appendix B", "GLOSSARY", "INDEX".
BACK_MATTER = re.compile(r"(?P<kind>appendix|appendices|glossary|index|bibliography|addenda|addendum)\b", re.I)


# A dedication under the title page: "This volume is dedicated to my Wife / …" (Up from Slavery, Gutenberg #2376),
# "Dedicated to …", "To the memory of …".
DEDICATION = re.compile(r"(?:(?:this|the)\s+(?:book|volume|work)\s+is\s+(?:\w+ly\s+)?)?dedicated\s+to\b|"
                        r"(?:to|in)\s+(?:the\s+)?memory\s+of\b", re.I)


ENDS_THE_TEXT = re.compile(r"(?:the\s+end|finis|fin|ende)\.?", re.I)


def words(text: str) -> list[str]:
    return text.split()


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def all_capitals(text: str) -> bool:
    """No lower-case letter, and some capitals (str methods, not a loop: paragraphs are long)."""
    return text == text.upper() and text != text.lower() and len(_letters(text[:80])) >= 2


def is_title_case(text: str) -> bool:
    """Most longer words start with a capital ("The Plan and the Purges"), unlike a sentence."""
    long = [w for w in words(text) if len(_letters(w)) > 3]
    return not long or sum(w.lstrip(_QUOTE_MARKS + "(")[:1].isupper() for w in long) * 2 >= len(long)


# "III. Voilà ce que c'est!", "CHAPTER IX. WHO IS HE?": a title after its number (a Roman one, or a unit's).
_ROMAN_TITLE = re.compile(rf"(?:{_UNIT}\.?\s+{_ORDINAL}|[IVX]+|[IVXLC]{{2,}})\.\s+\S")


def is_label(line: str) -> bool:
    return bool(LABEL.fullmatch(line.strip()))


def opens_with_label(line: str) -> bool:
    """A label alone, or a number in a series and its title on one line ("FEDERALIST No. 1.
    General Introduction"; not "5. THE STRICTEST DISCIPLINE…", an article of a list)."""
    line = line.strip()
    return is_label(line) or bool(_SERIES_TITLED.match(line))
def part_unit(text: str) -> str | None:
    """ "book", "part", "volume" or "act" for a heading opening with such a unit and its number."""
    m = PART_LABEL.match(text.strip())
    return (m.group("unit") or m.group("unit2")).lower() if m else None


# A bracketed insertion closing a line after its words: "Lane.  Thank you, sir.  [Lane goes out.]" (a
# play's stage direction after a speech).
_STAGE_END = re.compile(r"(?<=\S)\s+\[[^\[\]\n]*\]$")


def first_part(text: str) -> bool:
    """A book's or a part's head numbered as the first ("BOOK I", "Part the First", "FIRST BOOK"): more
    are to come, though the text (an excerpt) may hold only this one."""
    m = PART_LABEL.match(text.strip())
    return bool(m) and bool(re.search(r"\b(?:I|1|ONE|One|FIRST|First)\b", m.group(0)))


def title_line(line: str, rules: Structure, room: int = 1) -> bool:
    """A single line that can be a heading's title: short, starts like a title, ends unlike a sentence.
    ``room``: times the usual length (a title under its label, "FEDERALIST No. 11", may run longer)."""
    line = _STAGE_END.sub("", line.strip())  # judged by its own words and its own last mark
    if not line or len(line) > rules.max_head_chars * 2 * room or not (line[0].isupper() or line[0].isdigit()):
        return False
    caps = all_capitals(line)
    longer = (2 if caps else 1) * room
    if len(line) > rules.max_head_chars * longer or len(words(line)) > rules.max_head_words * longer:
        return False
    if not _letters(line):
        return False
    if line.endswith(tuple(_QUOTE_MARKS) + (",", ";", ":")) or line.endswith(("!", "?", ")")) and not _ROMAN_TITLE.match(line):
        return False  # "III. Voilà ce que c'est!", "XXVII. Le Petit Poucet. (suite)": a numbered title may end so
    if line.endswith(".") and not (caps or room > 1 or NUMBERED.match(line) and not line[0].isdigit()):
        return False  # "1. The first source." is a list item or a note, "III. The Commune." a head
    if DATELINE.fullmatch(line) and not NUMBERED.match(line):
        return False
    return caps or bool(NUMBERED.match(line)) or is_title_case(line)


def _series_head(line: str, rules: Structure) -> bool:
    """A number in a series and its title on one line, the title as long as two lines of a head
    and read as one (a full stop may close it: the number makes the line a heading)."""
    series = _SERIES_TITLED.fullmatch(line)
    title = FINAL_ASIDE.sub("", series["title"]) if series else ""
    return bool(title) and title[0].isupper() and len(words(title)) <= rules.max_head_words * 2 \
        and not title.endswith((",", ";", ":", *_QUOTE_MARKS))


_NOTES_COLON = re.compile(r"(?:foot-?|end-?)?notes:", re.I)
# A line in capitals wholly inside one pair of double quotes ('"THE PARADISE OF FOOLS."').
_QUOTED_CAPITALS = re.compile(r'["“][^"“”\n]*["”]')


def head_shape(text: str, rules: Structure) -> str | None:
    """"label" (Chapter IV: a title may follow), "head", or None."""
    override = rules.override(text)
    if override is not None:
        return "head" if override else None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) == 1 and ENDS_THE_TEXT.fullmatch(lines[0]):
        return None  # "THE END.", "FINIS.": the last words of the text, no heading of what follows
    if len(lines) == 1 and lines[0].startswith("[") and lines[0].endswith("]"):
        lines = [lines[0][1:-1]]  # an editor's title in brackets: "[The Paris Commune]"
    if len(lines) == 1 and _QUOTED_CAPITALS.fullmatch(lines[0]) and all_capitals(lines[0]) and len(words(lines[0])) > 1:
        lines = [lines[0][1:-1]]  # a lecture's title in quotes: '"THE FIDDLE AND THE BOW."'

    if len(lines) == 1:
        if is_label(lines[0]):
            return "label"
        if _NOTES_COLON.fullmatch(lines[0]):
            return "head"  # "Footnotes:" over the notes (a colon ends no other heading)
        return "head" if title_line(lines[0], rules) or _series_head(lines[0], rules) else None
    if len(lines) == 2 and (is_label(lines[0]) or title_line(lines[0], rules)) and (
            title_line(lines[1], rules) or is_dateline(lines[1]) and len(words(lines[0])) > 1):
        return "head"  # "Chapter IV" / "The Fall"; "The Third Address" / "May, 1871"
    if len(lines) == 2 and NUMBERED.match(lines[0]) and all_capitals(text) and title_line(" ".join(lines).rstrip("?"), rules):
        return "head"  # a numbered title in capitals wrapped: "CHAPTER XV -- … PRINCES," / "ARE PRAISED OR BLAMED"
    return None


# "…the following document was drawn up…": what comes next is that document, not a heading.
ANNOUNCES_DOCUMENT = re.compile(
    r"\bfollowing\s+(?:\w+\s+){0,2}(?:document|resolution|manifesto|programme|program|demands|appeal|"
    r"proclamation|letter|address|declaration|statement|decree)\b", re.I)


# A line of a web transcription's source statement: "Written: mid-June 1877;", "First published: in …".
_FIELD = re.compile(r"[A-Z][\w\\/ ]{0,30}:\s+\S[^\n]*")


# "[From the English edition of 1888, edited by Friedrich Engels]" (the Manifesto, Gutenberg #61): a line in
# brackets saying which edition or translation the text is taken from.
_EDITION_NOTE = re.compile(r"\[[^\[\]\n]*\b(?:edition|translat(?:ed|ion)|edited|reprinted)\b[^\[\]\n]*\]", re.I)


def is_source_statement(text: str) -> bool:
    """Two or more lines, each a field and its value ("Written: …", "Source: …"); or one line in
    brackets naming the edition the text is taken from."""
    lines = text.split("\n")
    return len(lines) >= 2 and all(_FIELD.fullmatch(line.strip()) for line in lines) or bool(_EDITION_NOTE.fullmatch(text.strip()))


# The valediction of a letter, before its signature: "Yours truly,", "I remain, Sir, your obedient servant,".
VALEDICTION = re.compile(r"(?:yours|your|ever|very|most|sincerely|faithfully|respectfully|truly|affectionately|"
                         r"cordially|with\b|i am\b|i remain\b)[^\n]{0,60}[,.]", re.I)


# The salutation a letter or an address opens with: "To the People of the State of New York:", "Dear Sir,",
# "Lieber Freund!", "Mon cher ami,", "Querido amigo:".
SALUTE = re.compile(r"(?:to\s+the|(?:my\s+)?dear(?:est)?|sir|madam|gentlemen|ladies|fellow|citizens|comrades|friends|"
                    r"lieber?|liebe|sehr\s+geehrte[rn]?|mon\s+cher|ma\s+chère|monsieur|madame|messieurs|querid[oa]s?|"
                    r"señor(?:es|a)?|estimad[oa]s?|car[oa]|carissim[oa])\b[^\n]{0,70}[:,!]", re.I)


def is_salute(text: str) -> bool:
    return "\n" not in text.strip() and len(text) <= 90 and text[:1].isupper() and bool(SALUTE.fullmatch(text.strip()))


def is_dateline(text: str) -> bool:
    return "\n" not in text and len(text) <= 70 and bool(DATELINE.fullmatch(text.strip()))


_INITIALS = re.compile(r"(?:[A-Z]\.){2,}\s+(?=\S)")


def signed_then_dated(text: str) -> int:
    """Where the dateline starts in "D.D.L. New York, Sept. 12, 1897" (initials, then a dateline), or 0."""
    m = _INITIALS.match(text)
    return m.end() if m and is_dateline(text[m.end():]) else 0


# "PAUL LAFARGUE, (Translated by Edward Aveling)": the author's signature and the translator's credit.
_CREDITED = re.compile(r"(.+?),?[ \t]*\((?:translated|edited|trans\.)[ \t]+by[ \t]+[^()\n]{2,60}\)\.?", re.I)


def is_credited_signature(text: str) -> bool:
    m = _CREDITED.fullmatch(text.strip())
    return bool(m) and is_signature(m.group(1))


def is_signature(text: str) -> bool:
    """A name or initials on a line of its own: "D.D.L.", "KARL MARX.", "Roger Silverman and Ted Grant"."""
    if "\n" in text or len(text) > 50 or is_label(text) or text.endswith(tuple("!?,;:") + tuple(_QUOTE_MARKS)):
        return False
    tokens = words(text.rstrip("."))
    if not 1 <= len(tokens) <= 6 or ENDS_THE_TEXT.fullmatch(text.strip()):
        return False
    return all(t[:1].isupper() or t.lower() in _NAME_PARTICLES for t in tokens)


# The topics of a chapter's argument are joined by dashes ("Rio Negro--Estancias attacked by the
# Indians--Salt-Lakes--…"); a dash at a line end may also join a word broken there ("States--\nGeneral").
_TOPIC_DASH = re.compile(r"\s*(?:--|—)\s*")
_ARGUMENT_TOPICS = 3  # fewest topics
_TOPIC_WORDS = 12  # most words of a topic, on average


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘]?[A-Z])")
_SUMMARY_LINES = 5


def full_stop(text: str) -> bool:
    """Whether the text closes with a full stop, before a closing quote mark or not ('…Spiritual Séances.”')."""
    return bool(re.search(r"\.[\"”’']*$", text.rstrip()))


def is_summary(text: str) -> bool:
    """A chapter's summary in short sentences ("Tradesmen and the scraper still troublesome.  Gowing
    rather tiresome with his complaints of the paint."): a few lines, two or more sentences of at most
    fifteen words each, the last closing with a full stop, no dialogue."""
    text = text.strip()
    sentences = _SENTENCE.split(text)
    return text.count("\n") < _SUMMARY_LINES and full_stop(text) and text[:1] not in _QUOTE_MARKS \
        and len(sentences) >= 2 and all(len(words(s)) <= 15 for s in sentences)


def is_argument(text: str) -> bool:
    """A chapter's argument, printed under its head: a summary of its topics joined by dashes, each
    short and mostly opening with a capital, the last closing with a full stop.  Running prose that
    uses dashes has longer parts, opening in lower case."""
    topics = [t for t in _TOPIC_DASH.split(text.strip()) if t]
    if len(topics) < _ARGUMENT_TOPICS or not text.rstrip().endswith(".") or text.lstrip()[:1] in _QUOTE_MARKS:
        return False
    capitals = sum(t.lstrip("\"'“‘(")[:1].isupper() for t in topics)
    return capitals * 5 >= len(topics) * 4 and len(words(text)) <= _TOPIC_WORDS * len(topics)
