"""Rules written for the error classes of the fourth blind check (benchmarks/heldout/BLIND.md,
"session 8"): sentences modelled on the four texts' shapes, with names none of them uses, asserting
the kinds the recogniser gives (empty register)."""

from __future__ import annotations

from edition.names.recogniser import recognise_text


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in recognise_text(text)]


def test_a_plural_in_men_of_a_common_word_is_a_people_not_a_name():
    # Livingstone: "many families of Bushmen", "One of these Bushmen, named Shobo"
    text = ("Near the pans we met many families of Bushmen. One of these Bushmen, named Kwatlo, consented to "
            "be our guide. Kwatlo said the Guardsmen had taken the water.")
    assert _names(text) == [("Kwatlo", "person"), ("Kwatlo", "person")]


def test_a_town_in_men_stays_a_place():
    text = "He went from Barmen to Elberfeld. In Barmen the mills were busy."
    assert ("Barmen", "place") in _names(text)


def test_marines_artillery_and_constabulary_head_a_body():
    # Jack London: "the red-coats of the Royal Marines", "the Royal Marine Artillery", "the Metropolitan Constabulary"
    text = ("To the west stood the Royal Marines, and beyond them the Royal Marine Artillery. Long lines of "
            "the Metropolitan Constabulary held the crowd back.")
    assert _names(text) == [("Royal Marines", "org"), ("Royal Marine Artillery", "org"),
                            ("Metropolitan Constabulary", "org")]


def test_a_house_named_by_its_ancestor_is_a_family_not_a_place():
    # Thucydides: "Eurystheus had been killed in Attica by the Heraclids"; the guidelines make a family a person
    text = ("The old king was killed in battle by the Pelopids. Later the Dorians and the Pelopids became "
            "masters of the land, and the Pelopids ruled it long.")
    assert _names(text) == [("Pelopids", "person")] * 3


def test_a_landmark_s_head_alone_twice_names_one_place():
    # Jack London: "on the benches of the Embankment", "I strolled up the Embankment"; Livingstone: "the Cape"
    text = ("He had spent a week on the benches of the Embankment. At three in the morning I strolled up the "
            "Embankment. Next spring we returned to the Cape, and in 1852 we came to the Cape again.")
    assert _names(text) == [("Embankment", "place")] * 2 + [("Cape", "place")] * 2


def test_a_landmark_s_head_alone_once_is_no_name():
    text = "We walked along the Embankment in the evening and then went home."
    assert _names(text) == []


def test_a_point_of_the_compass_and_end_name_a_quarter_of_a_town():
    # Jack London: "The East End, as a whole, remained in the East End and got drunk."
    text = ("Few came from the East End. The East End, as a whole, remained in the East End and got drunk, "
            "while the strapping Guardsmen of the West End rode by.")
    assert _names(text) == [("East End", "place")] * 3 + [("West End", "place")]


def test_a_people_named_by_its_wars_and_villages_is_no_name_whatever_its_ending():
    # Livingstone's argument: "His Wars with the Matebele", "Successes of the Makololo", "Defeat of the Matebele"
    # ("defeat of" alone is a place's cue: "the defeat of Gemblours")
    text = ("His Wars with the Tonkolo--Defeat of the Tonkolo--His Kindness to Strangers.\n\n"
            "His wars with the Tonkolo lasted many years. After the defeat of the Tonkolo, Mokwala ruled the river.")
    assert _names(text) == [("Mokwala", "person")]


def test_a_name_called_a_tribe_is_a_people_s():
    # Livingstone: "Next day we came to a village of Banajoa, a tribe which extends far to the eastward"
    text = "Next day we came to a village of Tswanoa, a tribe which extends far to the east. Kgosi met us there."
    assert _names(text) == [("Kgosi", "person")]


def test_an_adverb_opening_a_sentence_is_no_part_of_the_name_after_it():
    # Thucydides: "It also invited invasion. Accordingly Attica, from the poverty of its soil, ..."
    text = ("The richest land was invaded often. Consequently Tarvessa, from the poverty of its soil, enjoyed "
            "freedom from faction, and the people in Tarvessa never changed.")
    assert _names(text) == [("Tarvessa", "place"), ("Tarvessa", "place")]


def test_a_surname_in_ly_opening_a_sentence_stays():
    text = "Everyone waited for the speech. Connolly Street was full. Later Connolly spoke to the crowd."
    assert ("Connolly Street", "place") in _names(text)


def test_capitalised_common_words_in_an_argument_in_title_case_are_no_names():
    # Livingstone's ch. 4 argument: "His Courage and Conquests--Predictions of a native Prophet--Safe Transit"
    text = ("Leave Tswelo again--Reach the River--His Courage and Conquests--Predictions of a native Prophet--"
            "Safe Transit through the Hills--Return to Tswelo.\n\nWe left Tswelo in May and came back to Tswelo.")
    assert _names(text) == [("Tswelo", "place")] * 4


def test_capitals_inside_an_argument_in_sentence_case_stay_names():
    # Motley's argument: only each topic's first word is capitalised, so capitals inside are names
    text = ("Towns taken by the enemy--Wrath excited against the party--Correspondence between Harlmund and the "
            "council--Municipal revolution in the city.\n\nHarlmund wrote often.")
    assert _names(text) == [("Harlmund", "person"), ("Harlmund", "person")]


def test_a_people_s_adjective_before_a_common_word_is_no_name():
    # Thucydides: "Before the Trojan war there is no indication of any common action in Hellas"; "Dr. Whitman learned" stays
    text = ("Before the Theban war there was no common action. The Theban kings were weak, "
            "and Harlmund ruled the coast.")
    assert _names(text) == [("Harlmund", "person")]


def test_names_listed_before_a_people_in_ians_or_eans_are_peoples():
    # Thucydides: "in his poems they are called Danaans, Argives, and Achaeans"
    text = ("Homer does not call them Hellenes: in his poems they are called Danaans, Argives, and Achaeans. "
            "Harlmund sang of them.")
    assert _names(text) == [("Harlmund", "person")]


def test_common_words_of_a_title_case_argument_are_no_names_even_together():
    # Livingstone: "Successes of the Makololo--Renewed Attacks of the Matebele--", "the Astronomer Royal at the Cape"
    text = ("Leave Tswelo again--Reach the River--Renewed Attacks of the Raiders--Help from the Astronomer Royal--"
            "Return to Tswelo.\n\nWe left Tswelo in May and came back to Tswelo.")
    assert _names(text) == [("Tswelo", "place")] * 4


def test_a_verse_line_s_first_word_is_placed_as_a_sentence_s():
    # Jack London's epigraph (Swinburne): "Thou that wast his Republic, / Wilt thou clasp their knees?"
    text = ("   O thou that sea-walls sever\n   From lands unwalled by seas!\n   Wilt thou endure forever,\n"
            "   O Milton's England, these?\n   Thou that wast his Republic,\n   Wilt thou clasp their knees?\n\n"
            "Harlmund read the poem aloud.")
    assert ("Wilt", "person") not in _names(text) and ("Harlmund", "person") in _names(text)


def test_a_common_word_ending_a_full_name_is_that_person_s_surname_alone():
    # Grant: "General Sterling\nPrice, who was ..." then "in order to reinforce Price"
    text = ("The enemy moved from the river against General Sterling\nPrice, who was then in the south. Troops "
            "were sent in order to reinforce Price, and I was to prevent it.")
    assert _names(text) == [("Sterling\nPrice", "person"), ("Price", "person")]



def test_a_plural_of_a_common_noun_always_after_the_or_of_is_a_group():
    # Grant: "I knew there was a small camp of Confederates at Belmont", "Again the Confederates sought shelter"
    text = ("I knew there was a small camp of Confederates at Belmont. Again the Confederates sought shelter "
            "under the river bank, and Harlmund followed them.")
    assert _names(text) == [("Belmont", "place"), ("Harlmund", "person")]
