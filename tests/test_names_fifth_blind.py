"""Rules written for the error classes of the fifth blind check (benchmarks/heldout/BLIND.md,
"session 8: rules from the fifth blind check"): sentences of the four texts' shapes, with names none
of them uses where the rule is about shape, asserting the kinds the recogniser gives (empty register)."""

from __future__ import annotations

from edition.names.recogniser import recognise_text


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in recognise_text(text)]


def test_a_capitalised_abstract_noun_with_no_evidence_is_no_name():
    # Carlyle: "Is Sovereignty some poor Montgolfier", "an impoverished Treasury cannot build ships"
    text = ("Small care to him is Sovereignty, or the Treasury either. The Treasury is empty, and Sovereignty "
            "goes begging; Minister Dufresnoy asks the bankers of Lyons for money.")
    assert _names(text) == [("Dufresnoy", "person"), ("Lyons", "place")]



def test_a_word_of_the_language_in_capitals_is_emphasis():
    # Paine: "the FOOLISH, the WICKED, and the IMPROPER", "their children shall reign over OURS"
    text = ("It opens a door to the FOOLISH, the "
            "WICKED, and the IMPROPER, wrote Mr. Hollis from BOSTON.")
    assert _names(text) == [("Hollis", "person"), ("BOSTON", "place")]


def test_a_noun_of_a_role_before_a_rarer_name_is_its_title():
    # Carlyle: "strips Reporter Goezman of the judicial ermine", "though Kaiser Joseph, questioned on it"
    text = ("He strips Reporter Vaublanc of the judicial ermine; and though Kaiser Leopold, questioned on it, "
            "gave no answer, Vaublanc fell.")
    assert _names(text) == [("Vaublanc", "person"), ("Leopold", "person"), ("Vaublanc", "person")]


def test_a_given_name_the_and_an_epithet_are_one_person():
    # Paine: "their claim under William the Conqueror is a very honourable one"
    text = ("Their claim under Charles the Lawgiver is an honourable one; that Charles the Lawgiver was a "
            "usurper is a fact the people of Ghent knew.")
    assert _names(text) == [("Charles the Lawgiver", "person"), ("Charles the Lawgiver", "person"), ("Ghent", "place")]


def test_an_exposition_is_an_event_and_its_name_ends_before_and():
    # Washington: "The Atlanta Exposition, at which I had been asked", "addresses by the President of the
    # Exposition and Mrs. Joseph Thompson"; the guidelines leave events untagged ("the Vienna Exhibition")
    text = ("The Macon Exposition, at which I spoke, opened in May. There were addresses by the President of "
            "the Exposition and Mrs. Ellen Dorsey, and we went home to Macon.")
    assert _names(text) == [("Ellen Dorsey", "person"), ("Macon", "place")]


def test_a_text_that_capitalises_abstract_nouns_capitalises_common_words_too():
    # Carlyle: "Is Sovereignty some poor Montgolfier", "the Clergy, the Noblesse, the very Parlements"
    text = ("Small care to him is Sovereignty, or Geography, or the Treasury. He proposes that the Clergy "
            "be taxed, and Minister Dufresnoy agrees; but the Clergy will not.")
    assert _names(text) == [("Dufresnoy", "person")]


def test_common_words_stay_names_in_a_text_that_does_not_capitalise_abstract_nouns():
    # the same sentence without the abstract nouns: one capitalised common word is no sign of a style of
    # emphasis, and stays a name (here typed by its article), as a body's short name may be
    text = ("He proposes that the Clergy be taxed, and Minister Dufresnoy agrees; but the "
            "Clergy will not.")
    assert _names(text) == [("Clergy", "place"), ("Dufresnoy", "person"), ("Clergy", "place")]


def test_a_headings_letter_of_enumeration_is_no_initial():
    # the Manifesto: "A. Feudal Socialism", "B. Petty-Bourgeois Socialism" as section heads
    text = ("III.  SOCIALIST AND COMMUNIST LITERATURE\n\n\n1. REACTIONARY SOCIALISM\n\n\nA. Feudal Socialism\n\n"
            "Owing to their historical position, it became the vocation of the aristocracies of Spain and "
            "Portugal to write pamphlets.\n")
    assert _names(text) == [("Spain", "place"), ("Portugal", "place")]


def test_a_rarer_abstract_noun_capitalised_is_no_name():
    # Carlyle: "vanished trackless into blue Immensity", "the old 'vectigal of Parsimony.'"
    text = ("The brave navigator goes, and vanishes trackless into blue Immensity. Minister Dufresnoy "
            "asks no more than the old vectigal of Parsimony.")
    assert _names(text) == [("Dufresnoy", "person")]
