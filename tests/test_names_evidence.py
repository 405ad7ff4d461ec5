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


def test_leaving_a_land_or_going_beyond_it_makes_a_name_a_place():
    # Thucydides, tr. Crawley: "the modern Boeotians were driven out of Arne"; Livingstone: "the path beyond Nchokotsa"
    text = ("The old settlers were driven out of Quellendorf by their neighbours. Quellendorf was soon rebuilt. "
            "Nobody knew the path beyond Ostravel, and Ostravel had no well.")
    assert _names(text) == [("Quellendorf", "place")] * 2 + [("Ostravel", "place")] * 2


def test_a_part_of_a_land_or_its_mastery_makes_a_name_a_place():
    # "they occupy two-fifths of Peloponnese", "became masters of Peloponnese", "the sceptre of Mycenae"
    text = ("And yet they occupy two-fifths of Tarvessa and lead the whole. Later the invaders became masters "
            "of Tarvessa. Then Harlmund assumed the sceptre of Ostravel, and Ostravel obeyed.")
    names = _names(text)
    assert names.count(("Tarvessa", "place")) == 2 and names.count(("Ostravel", "place")) == 2


def test_a_place_noun_naming_a_name_makes_it_a_place():
    # "the district now called Thessaly", "one pan in that direction, named Chuantsa"
    text = ("They lived in the district now called Tarvessa. Tarvessa was fertile. We were directed to one pan "
            "in that direction, named Chuantsa; Chuantsa had a cake of salt on it.")
    assert _names(text) == [("Tarvessa", "place")] * 2 + [("Chuantsa", "place")] * 2


def test_a_possessive_after_a_part_is_no_place_evidence():
    # "most of Meyerbeer's" operas: the part is of the person's works
    text = "We still hear the rest of Tandrell's operas. Tandrell wrote them late."
    assert _names(text) == [("Tandrell", "person")] * 2


def test_the_country_of_a_name_is_its_ruler_s():
    # Livingstone: "in the country of Sebituane", a chief named twelve times, "visit Sebituane", "reach Sebituane"
    text = ("We set out again for the country of Sebituane. We hoped to reach Sebituane before the rains, "
            "and at last we came to the banks of the Chobe, in the country of Sebituane.")
    assert _names(text).count(("Sebituane", "person")) == 3


def test_relieving_a_name_makes_it_a_place():
    # Jack London: "Broadwood and Cooper who relieved Ookiep"
    text = "The column under Hartwell relieved Quellendorf after a month. Quellendorf had held out bravely."
    assert _names(text)[1:] == [("Quellendorf", "place")] * 2
