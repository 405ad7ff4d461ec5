"""Names in a German text: every noun is capitalised, so capitals alone say little."""

from __future__ import annotations

from edition.names.recogniser import recognise_text

# Kafka, Die Verwandlung (Gutenberg #22367), lines 297-316 of the file.
KAFKA = """\
»Da drin ist etwas gefallen,« sagte der Prokurist im Nebenzimmer links.
Gregor suchte sich vorzustellen, ob nicht auch einmal dem Prokuristen
etwas Ähnliches passieren könnte, wie heute ihm; die Möglichkeit dessen
mußte man doch eigentlich zugeben. Aber wie zur rohen Antwort auf diese
Frage machte jetzt der Prokurist im Nebenzimmer ein paar bestimmte
Schritte und ließ seine Lackstiefel knarren. Aus dem Nebenzimmer rechts
flüsterte die Schwester, um Gregor zu verständigen: »Gregor, der
Prokurist ist da.« »Ich weiß,« sagte Gregor vor sich hin; aber so laut,
daß es die Schwester hätte hören können, wagte er die Stimme nicht zu
erheben.

»Gregor,« sagte nun der Vater aus dem Nebenzimmer links, »der Herr
Prokurist ist gekommen und erkundigt sich, warum du nicht mit dem
Frühzug weggefahren bist. Wir wissen nicht, was wir ihm sagen sollen.
Übrigens will er auch mit dir persönlich sprechen. Also bitte mach die
Tür auf. Er wird die Unordnung im Zimmer zu entschuldigen schon die Güte
haben.« »Guten Morgen, Herr Samsa,« rief der Prokurist freundlich
dazwischen. »Ihm ist nicht wohl,« sagte die Mutter zum Prokuristen,
während der Vater noch an der Tür redete, »ihm ist nicht wohl, glauben
Sie mir, Herr Prokurist. Wie würde denn Gregor sonst einen Zug
"""
NOUNS = {"Prokurist", "Prokuristen", "Nebenzimmer", "Mutter", "Vater", "Schwester", "Tür", "Zimmer", "Möglichkeit",
         "Unordnung", "Lackstiefel", "Frühzug", "Stimme", "Antwort", "Frage"}


def _found(lang: str) -> set[tuple[str, str]]:
    return {(KAFKA[start:end], kind) for start, end, kind in recognise_text(KAFKA, lang=lang)}


def test_german_nouns_are_not_names_when_the_text_is_read_as_german():
    found = _found("de")
    assert {("Gregor", "person"), ("Samsa", "person")} <= found
    assert not {surface for surface, _ in found} & NOUNS
    # Read as English, the same lines give the nouns as persons: the language decides.
    assert len({surface for surface, _ in _found("en")} & NOUNS) >= 10
