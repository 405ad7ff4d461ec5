"""The whole text's evidence for names nothing else types (edition/names/evidence.py): sentences
written for it, each naming a word no gazetteer, given name or title types."""

from __future__ import annotations

from edition.names.recogniser import recognise_text


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in recognise_text(text)]


def test_a_verb_of_going_or_of_a_siege_before_a_name_makes_it_a_place():
    text = ("The regiment marched on Quellendorf in the night. Two days later the Spaniards were besieging "
            "Ostravel. Nobody had expected Quellendorf to fall, nor Ostravel to hold.")
    assert _names(text) == [("Quellendorf", "place"), ("Ostravel", "place"), ("Quellendorf", "place"),
                            ("Ostravel", "place")]


def test_a_relative_adverb_of_place_or_its_environs_after_a_name_make_it_a_place():
    text = ("We rowed up past the lock to Brindlecombe, where the water was clear. Brindlecombe was quiet. "
            "Later we saw Harrowmere and its environs from the hill, and Harrowmere pleased us.")
    assert ("Brindlecombe", "place") in _names(text) and ("Harrowmere", "place") in _names(text)


def test_a_relative_pronoun_of_persons_after_a_name_makes_it_a_person_s():
    # one mention of two after "to" would make it a place ("selling France to Bismarck")
    text = ("Such a plan could only enter the head of a Quellendorf — who, when not busy with intrigue, "
            "wrote pamphlets. The minister went on selling the province to Quellendorf.")
    assert _names(text) == [("Quellendorf", "person"), ("Quellendorf", "person")]


def test_a_relative_pronoun_after_a_name_governed_by_a_preposition_may_be_the_noun_s_before_it():
    # "whose capital" is the kingdom's: no evidence of a person, so the cue "of" after "kingdom" decides
    text = ("The little kingdom of Tarvessa, whose capital stood on the straits, paid tribute. "
            "Merchants came from Tarvessa every spring.")
    assert _names(text) == [("Tarvessa", "place"), ("Tarvessa", "place")]


def test_a_preposition_of_place_at_one_mention_of_three_makes_a_name_of_no_other_evidence_a_place():
    text = ("Nobody had heard of Quellendorf before that spring. The victory at Quellendorf was won late. "
            "The news made Quellendorf famous.")
    assert _names(text) == [("Quellendorf", "place")] * 3


def test_to_before_one_mention_is_no_place_evidence():
    # words addressed or given to someone ("letters to Proudhon"): a person's as often as a place's
    text = ("We owe the idea to Tandrell. Tandrell argued it at length. Much later the critics read Tandrell again.")
    assert _names(text) == [("Tandrell", "person")] * 3
