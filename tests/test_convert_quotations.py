"""Pass 30: pairing quote marks, classifying them, single quotes, missing spaces."""

from __future__ import annotations

import pytest

from edition.convert.model import Block, Document, Source
from edition.convert.p30_quotations import classify, guillemet_order, mark_quotations, pair_directed, pair_double, pair_single
from edition.convert.settings import Settings, Work


def _doc(text: str) -> tuple[Document, Block]:
    source = Source(path="t.txt", name="t.txt", text=text, sha256="0")
    block = Block("p", text, 0, "s01.p1")
    return Document(source, Block("title", "", 0)), block


def test_pairs_and_unpaired():
    assert pair_double('a "b" c "d e" f') == ([(2, 4), (8, 12)], [])
    # The second mark cannot close (a space before it), so the first is unpaired.
    assert pair_double('a "b " c "d"') == ([(9, 11)], [2, 5])
    assert pair_double('one "two') == ([], [4])


def test_single_quotes_only_where_unambiguous():
    text = "The 'granary of Europe', the workers' state, 'Bureaucratism or Workers' Power' and 45 minutes' time."
    spans = [text[o + 1 : c] for o, c in pair_single(text)]
    assert spans == ["granary of Europe", "Bureaucratism or Workers' Power"]
    assert pair_single("the workers' and peasants' state") == []


def test_typographic_marks_pair_as_they_nest():
    assert pair_directed("a “b “c” d” e”", "“", "”") == ([(2, 10), (5, 7)], [13])
    assert pair_directed("«x» and « y", "«", "»") == ([(0, 2)], [8])
    text = "the workers’ state, ‘scientific’ socialism and Marx’s ‘law’"
    assert [text[o + 1 : c] for o, c in pair_single(text, "‘", "’")] == ["scientific", "law"]


def test_typographic_quotes_record_their_marks_and_unpaired_ones_are_reported():
    text = "He wrote “all ‘power’ to the soviets” and « la Commune » then “more"
    doc, block = _doc(text)
    mark_quotations(doc, block, Settings(), set())
    tagged = sorted((a.start, a.attrs.get("rend"), a.trim) for a in block.annotations if a.tag != "choice")
    assert tagged == [(9, "curly", (1, 1)), (14, "curly single", (1, 1)), (42, "guillemets spaced", (2, 2))]
    assert doc.warnings == ["t.txt:1:63: unpaired double quote left as a character"]


# Kafka, Die Verwandlung (Gutenberg #22367), lines 83-84: German guillemets open with ».
KAFKA = "ganz melancholisch. »Wie wäre es, wenn ich noch ein wenig\nweiterschliefe und alle Narrheiten vergäße,« dachte er, aber das war"


def test_german_guillemets_open_with_the_right_pointing_mark():
    assert guillemet_order(KAFKA + "\n»Was ist mit mir geschehen?« dachte er.")[2] == "guillemets reversed"
    assert guillemet_order("« la Commune » et «Oui», dit-il")[2] == "guillemets"
    doc, block = _doc(KAFKA)
    mark_quotations(doc, block, Settings(), set(), guillemet_order(KAFKA))
    (quote,) = [a for a in block.annotations if a.tag != "choice"]
    assert (block.text[quote.start + 1 : quote.end - 1].split()[:3], quote.attrs["rend"]) == (["Wie", "wäre", "es,"], "guillemets reversed")
    assert doc.warnings == []


def test_marks_around_nothing_are_left_as_characters():
    # Read the French way, Kafka's »…« (line 424) pair across the gap between two quotations: « ».
    text = "Rasch um den Arzt. Hast du Gregor jetzt reden hören?« »Das war eine"
    doc, block = _doc(text)
    mark_quotations(doc, block, Settings(), set())
    assert [a for a in block.annotations if a.tag != "choice"] == []
    assert len(doc.warnings) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Marx said: "History is a spiral."', ("quote", True)),
        ('Colonel Robins wrote "Death verified, final blow organised"', ("quote", True)),
        ('"Unfortunately," he continued', ("quote", True)),
        ('the so-called "Lenin Levy" came', ("soCalled", True)),
        ('the "Populists" believed', ("soCalled", True)),
        ('load the "Jolly George" with arms', ("title", True)),
        ('screamed the "Communist" newspapers', ("soCalled", True)),  # plural: describes papers, names none
        ('the "Pravda" newspaper printed', ("title", True)),
        ('read his book "Capital" today', ("title", True)),
        ('which Lenin frankly described as "a capitalist differential".', ("quote", True)),
        ('"a temporary retreat", as Lenin called it', ("quote", True)),
        ('by their simple slogans "Bread, Peace, Land" and', ("quote", True)),
        ('his curt advice to "get rich" was taken', ("quote", True)),
        ('his "goulash not revolution" outburst', ("quote", True)),
        ('what Rakosi called the "salami tactic" and', ("quote", True)),
        ('if their slogans were "fascist", then', ("soCalled", True)),
        ('German workers were slandered as "Nazis" by them', ("soCalled", True)),
        ('it was denounced for years as a "Trotskyist forgery of the opposition to the Party"', ("soCalled", True)),
        ('a policy amusingly entitled "abolition of the differences between town and country"', ("soCalled", True)),
        ('productivity is officially "about one quarter" of', ("quote", True)),
        ('delays of "several years" had occurred', ("quote", True)),
        ('towards "two-hour working days" now', ("soCalled", True)),  # not a bare figure
        ('the "abolition of the differences between town" policy', ("quote", False)),
        ('the "plan of four years" idea', ("soCalled", False)),
    ],
)
def test_classification(text, expected):
    o = text.index('"')
    c = text.index('"', o + 1)
    assert classify(text, o, c, Settings(titles=("Jolly George",)), {"Jolly George"}) == expected


def test_terms_of_the_edition_are_labels_whatever_their_shape():
    text = 'It was "Socialism in one country." They agreed.'
    o, c = text.index('"'), text.rindex('"')
    assert classify(text, o, c, Settings(), set())[0] == "quote"  # a sentence with its full stop
    assert classify(text, o, c, Settings(terms=("Socialism in one country",)), set()) == ("soCalled", True)


def test_marks_are_trimmed_low_certainty_and_source_recorded():
    text = 'They wrote in the Manifesto that "all that is solid melts into air." And "a b c d" later.'
    doc, block = _doc(text)
    settings = Settings(works=(Work(id="manifesto", title="Manifesto", cue="Manifesto"),))
    mark_quotations(doc, block, settings, set())
    quote, so_called = sorted(block.annotations, key=lambda a: a.start)
    assert (quote.tag, quote.attrs, quote.trim) == ("quote", {"source": "#manifesto"}, (1, 1))
    assert (so_called.tag, so_called.attrs) == ("soCalled", {"cert": "low"})
    assert doc.stats["quote"] == 1 and doc.stats["low certainty"] == 1


def test_missing_space_after_closing_quote_is_a_regularisation():
    text = 'he said "it does not work."For workers, "x" y'
    doc, block = _doc(text)
    mark_quotations(doc, block, Settings(), set())
    (insert,) = [a for a in block.annotations if a.tag == "choice"]
    assert (insert.start, insert.end, insert.alt) == (text.index("For"), text.index("For"), ("orig", "reg", " "))
    assert doc.stats["space after closing quote"] == 1


@pytest.mark.parametrize(
    ("text", "gap"),
    [
        ('that "the workers live in cellars".He visited', "He"),
        ('the "liberal",and the rest', "and"),
        ('the "liberal", and the rest', None),
        ('the "liberal". He', None),
        ('the "liberal"...', None),
        ('the "liberal".', None),
    ],
)
def test_missing_space_after_the_punctuation_that_follows_a_closing_quote(text, gap):
    doc, block = _doc(text)
    mark_quotations(doc, block, Settings(), set())
    inserts = [a.start for a in block.annotations if a.tag == "choice"]
    assert inserts == ([text.index(gap)] if gap else [])


def test_unpaired_quote_is_reported_with_its_place_and_kept():
    doc, block = _doc('line one\nsays "open but never closed')
    mark_quotations(doc, block, Settings(), set())
    assert doc.warnings == ["t.txt:2:6: unpaired double quote left as a character"]
    assert block.annotations == [] and doc.stats["unpaired quotes"] == 1


@pytest.mark.parametrize("text", [  # Kafka, Die Verwandlung (Gutenberg #22367), lines 93, 97, 154, 297
    "»Ach Gott,« dachte er, »was für einen anstrengenden Beruf habe ich gewählt!",
    "»Dies frühzeitige Aufstehen«, dachte er, »macht einen ganz blödsinnig.",
    "»Gregor,« rief es -- es war die Mutter --, »es ist dreiviertel sieben.",
    "»Da drin ist etwas gefallen,« sagte der Prokurist im Nebenzimmer links.",
])
def test_german_dialogue_is_words_said(text):
    o, c = text.index("»"), text.index("«")
    assert classify(text, o, c, Settings(), set()) == ("quote", True)
