"""Rules written for the error classes of the sixth blind check (benchmarks/heldout/BLIND.md,
"session 8: rules from the sixth blind check"): sentences of the four texts' shapes, with names none
of them uses where the rule is about shape, asserting the kinds the recogniser gives (empty register)."""

from __future__ import annotations

from edition.names.recogniser import recognise_text


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in recognise_text(text)]


def test_a_person_a_town_is_named_after_is_the_person_by_the_texts_evidence():
    # Du Bois: "after Sherman had captured Hilton Head", "in Sherman's raid through Georgia" (Sherman, Texas)
    text = ("The freedmen followed the army to Savannah; and then, after Lowell had taken the "
            "islands, they were fed in camps. In Lowell's raid through Georgia they came by thousands.")
    assert _names(text) == [("Savannah", "place"), ("Lowell", "person"), ("Lowell", "person"), ("Georgia", "place")]


def test_a_body_for_a_class_of_men_is_one_name_with_its_possessive():
    # Du Bois: "the Freedmen's Bureau", "the National Freedmen's Relief Association"
    text = ("Relief came from the Seamen's Aid Commission and the National Yeomen's Relief Association, "
            "which Governor Andrew had founded.")
    assert _names(text) == [("Seamen's Aid Commission", "org"), ("National Yeomen's Relief Association", "org"),
                            ("Andrew", "person")]


def test_the_bureau_alone_is_the_bureau_the_text_names():
    # Du Bois: "the Freedmen's Bureau" ... "to control the Bureau", "the head of the Bureau"
    text = ("Congress made the Refugees' Bureau in March. The Bureau was to lease the lands; "
            "Saxton was the head of the Bureau.")
    assert _names(text) == [("Congress", "org"), ("Refugees' Bureau", "org"), ("Bureau", "org"),
                            ("Saxton", "person"), ("Bureau", "org")]


def test_congress_speaking_or_acting_with_no_article_is_the_legislature():
    # Du Bois: "cried Congress, the President, and the Nation", "A month later Congress called earnestly"
    text = ("Peace, cried Congress, the President and the nation; and a year later Congress called for "
            "the help of Governor Andrew.")
    assert _names(text) == [("Congress", "org"), ("Congress", "org"), ("Andrew", "person")]


def test_the_house_beside_a_senate_is_the_other_chamber():
    # Du Bois: "in March the House passed a bill", "too late for action by the House" (the Senate named too)
    text = ("In March the House passed the bill by a majority of two; the Senate amended it, "
            "and the House refused. Senator Sumner spoke.")
    assert _names(text) == [("House", "org"), ("Senate", "org"), ("House", "org"), ("Sumner", "person")]


def test_a_department_before_its_staff_is_the_department():
    # Du Bois: "the lands devolved upon the Treasury officials", "in charge of the special Treasury agents"
    text = ("The abandoned lands devolved upon the Treasury officials, and Saxton was left in charge; "
            "the special Treasury agents leased them.")
    assert _names(text) == [("Treasury", "org"), ("Saxton", "person"), ("Treasury", "org")]


def test_a_town_listed_with_persons_of_no_evidence_is_a_person():
    # Macaulay: "Alaric, Theodoric, Clovis, Alboin, were zealous Christians" (Clovis, New Mexico)
    text = ("All the chiefs who founded dynasties in that age, Arnulf, Ragnachar, Lowell, Sigibert, "
            "were zealous Christians.")
    assert _names(text) == [("Arnulf", "person"), ("Ragnachar", "person"), ("Lowell", "person"), ("Sigibert", "person")]
