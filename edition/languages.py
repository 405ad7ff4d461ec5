"""Languages a text may be written in: ISO 639-1 code → English name (TEI langUsage, Gutenberg headers),
and the language a text is written in, told by its commonest words when nothing says it."""

import re

NAMES = {"en": "English", "de": "German", "fr": "French", "it": "Italian", "es": "Spanish", "ru": "Russian",
         "nl": "Dutch", "pt": "Portuguese", "da": "Danish", "sv": "Swedish", "la": "Latin", "pl": "Polish"}
CODES = {name: code for code, name in NAMES.items()}

# Each language's commonest short words (articles, pronouns, conjunctions, prepositions, forms of
# "to be"): a page of running text has many of its own language's and few of another's.
_FUNCTION_WORDS = {
    "en": "the and of to a in is that it was he for with as his on be at by had not but which this",
    "de": "der die und das nicht ist ein eine sich mit den dem des auf zu es auch ich er sie war wie sein",
    "fr": "le la les et des est une que pas dans il qui pour du au sur ne ce se avec elle mais nous",
    "it": "il di che la non un per del della sono una gli con si da nel ma come alla è le era anche",
    "es": "el la de que y los las en no se por con una del es su al lo pero como para más era",
    "nl": "de het een en van niet is dat op te zijn ik die met voor hij zij maar aan er",
    "pt": "o a de que e os não um uma do da em para com se por as dos ao mais",
    "la": "et est in non ad cum quod ut qui quae sed atque esse ab ex sunt eius quam enim ac neque",
    "da": "og det at en den til er som på de med han af for ikke der var sig",
    "sv": "och det att en som på är av för med den till inte har de han var sig",
    "pl": "i w nie na się z że do to jest jak o po ale tak za od",
}
_SETS = {code: frozenset(words.split()) for code, words in _FUNCTION_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters read: enough words, however long the text
_LEAST_SHARE = 0.12  # of the words in the language's list: below it, running text of no language here


def detect(text: str) -> str | None:
    """The ISO code of the language ``text`` is written in, or None when its words do not say.

    Cyrillic letters say Russian; otherwise the language whose commonest words make the largest
    share of the text's words, if that share is what running text of a language has."""
    sample = text[:_SAMPLE]
    tokens = [w.lower() for w in _WORD.findall(sample)]
    if not tokens:
        return None
    if sum(1 for w in tokens if "\u0400" <= w[0] <= "\u04ff") * 2 > len(tokens):
        return "ru"
    shares = {code: sum(w in words for w in tokens) / len(tokens) for code, words in _SETS.items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= _LEAST_SHARE else None
