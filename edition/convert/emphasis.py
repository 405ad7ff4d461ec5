"""What a span in italics (``_…_``, ``*…*``) is, where the text says it: a title or a foreign phrase.

Plain texts italicise three things alike: emphasis, the titles of works and newspapers, and
words of another language.  Pass 20 asks ``kind`` for each span; the answer is ``title``,
``foreign`` (with the language) or ``hi``, and ``hi`` whenever no rule is sure (an editor can
retag; a wrong ``title`` or ``foreign`` would claim what the text does not say).

- **title**: the span is a known title (edition.toml ``[quotations] titles``), names a
  periodical or a collection ("_Rheinische Zeitung_", "_New York Tribune_", "_Selected Works_",
  "_Communist Manifesto_"), or a cue before it says it is a work: "the newspaper _Das Volk_",
  "a book entitled _The Holy Family_", "the second volume of _Capital_", "Marx published _The
  Eighteenth Brumaire_", "Source: _On Marx_", "Gambetta's organ, the _République Française_",
  "the editors of the _Temps_ and the _Debats_" (a cue before two titles joined by "and" or "or"
  says both),
  or an apposition after it does: "_Reformé,_ a radical journal".  A span the text once calls a
  work is a title wherever it stands again.
- **foreign**: every word of the span is common in one other language (``wordfreq``: Zipf ≥ 3,
  at least 1 above the text's language) and some word is rare in the text's language (Zipf < 3):
  "_garde champêtre_", "_Landtag_".  Spans of capitalised words only ("_Herr Vogt_") and a
  single capitalised word ("_Réforme_", but a German noun is capitalised) are names or titles,
  not phrases: ``hi``.  Transliterations (Russian in Latin letters) have no word list: ``hi``.
"""

from __future__ import annotations

import re

from ..names.lexicon import common as zipf  # wordfreq's Zipf frequencies, cached per language

# Words that name a periodical or a collection inside its title.
_PERIODICAL = re.compile(r"(?<![\w])(?:Zeitung|Times|Tribune|Chronicle|Gazette|Herald|Journal|Revue|Review|"
                         r"Jahrbücher|Kalender|Manifesto|Works)(?!\w)")
_WORK = (r"newspapers?|paper|journal|organ|magazine|review|miscellany|book|pamphlet|essay|novel|poem|play|"
         r"burlesque|treatise|volumes?(?:\s+[IVX\d]+)?\s+of|editions?\s+of|editors?\s+of|articles?\s+(?:in|of)|entitled|titled")
_VERB = r"published|wrote|write|writes|written|reprinted|issued|appeared"
_GAP = r"(?:\s+(?!(?:that|which|who|whom|how|what|when|where|if)\b)[\w’'.,-]+){0,5}"
# The end of the text before a span that says a work follows.  A noun ("the newspaper", "a book
# entitled") or "published … in" is enough; after a possessive, a verb of naming or of writing
# (group "weak") the span must also read as a title of two words or more.
_CUE = re.compile(rf"\b(?:{_WORK})[,:]?\s+(?:the\s+)?(?:([_*])[^_*\n]+\1\s+(?:and|or)\s+(?:the\s+)?)?$|(?:^|\n)\s*Source:\s*$|"
                  rf"\b(?:published|printed|appeared)\b[:,]?{_GAP}\s+in\s+(?:the\s+)?$|"
                  rf"(?P<weak>\b(?:his|her|their|called)\s+$|\b(?:{_VERB})\b[:,]?{_GAP}\s+$)", re.I)
# An apposition after the span that says it is a periodical or a book: "_Reformé,_ a radical
# journal", "_Egalité,_ the first socialist journal", "_Correspondance,_ one of Bismarck's organs".
_APPOSITION = re.compile(r"^,?\s+(?:an?|the|one\s+of)\s+(?:[\w’'-]+\s+){0,3}?(?:newspapers?|papers?|journals?|organs?|"
                         r"magazines?|reviews?|weekly|weeklies|daily|dailies|books?|pamphlets?)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?;]\s")
# Languages a text's foreign phrases are looked up in: those of the corpus and their neighbours.
_LANGUAGES = ("en", "fr", "de", "it", "es")
_COMMON, _RARE, _MARGIN = 3.0, 3.0, 1.0


def title_case(span: str) -> bool:
    """Most longer words start with a capital ("Philosophy of Poverty", "Mot d’Ordre"), unlike a phrase."""
    long = [re.sub(r"^\w[’']", "", w) for w in span.split() if len(w) > 3]
    return sum(w[:1].isupper() for w in long) * 2 >= len(long)


def cued_title(span: str, before: str, titles: set[str], after: str = "") -> bool:
    """Whether the text says the span is a work: a known title, a periodical's word, a cue before it
    or an apposition after it."""
    if bare(span) in titles or _PERIODICAL.search(span):
        return True
    if not span[:1].isupper():
        return False
    if _APPOSITION.match(span[len(span.rstrip(",")):] + after):
        return True
    sentence = _SENTENCE_END.split(before[-80:])[-1]
    m = _CUE.search(sentence)
    return m is not None and (m.group("weak") is None or len(span.split()) >= 2 and title_case(span))


def bare(span: str) -> str:
    """The span as a title is looked up: whitespace normalised, no punctuation at its ends."""
    return " ".join(span.split()).strip(" ,.;:")


def foreign_language(span: str, language: str) -> str | None:
    """The language all the span's words belong to, when it is not the text's, else None."""
    words = [w for w in re.findall(r"[^\W\d_]+", span) if len(w) > 1]
    if not words or len(words) > 8 or all(w[:1].isupper() for w in words) and len(words) > 1:
        return None  # "Herr Vogt", "Ludwig Feuerbach": a name or a title, whatever its language
    capitalised = words[0][:1].isupper()
    words = [w.lower() for w in words]
    best, margin = None, 0.0
    for other in _LANGUAGES:
        if other == language:
            continue
        home = [zipf(w, language) for w in words]
        away = [zipf(w, other) for w in words]
        if capitalised and len(words) == 1 and other != "de":
            continue  # one capitalised word ("Réforme") is a name unless its language capitalises nouns
        if min(home) < _RARE and all(a >= _COMMON and a - h >= _MARGIN for h, a in zip(home, away)):
            if sum(away) - sum(home) > margin:
                best, margin = other, sum(away) - sum(home)
    return best


def kind(span: str, before: str, language: str, titles: set[str], after: str = "") -> tuple[str, dict[str, str]]:
    """("title" | "foreign" | "hi", extra attributes) for the italic ``span`` between ``before`` and ``after``."""
    if cued_title(span, before, titles, after):
        return "title", {}
    other = foreign_language(span, language)
    if other:
        return "foreign", {"{http://www.w3.org/XML/1998/namespace}lang": other}
    return "hi", {}
