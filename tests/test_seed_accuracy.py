"""`edition convert` on the embedded text, scored against its gold annotation (tests/gold/).

The figures and every disagreement: ``python benchmarks/seed_accuracy.py --errors``."""

from __future__ import annotations

import hashlib

import pytest

from benchmarks.seed_accuracy import GOLD, annotations, converted, load_gold, score_names, score_quotations
from edition.register import Register

from .conftest import ROOT


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def output():
    tree, source = converted()
    return annotations(tree, source)


def test_gold_fits_its_source_and_the_register(gold):
    source_bytes = (ROOT / gold["text"]).read_bytes()
    assert hashlib.sha256(source_bytes).hexdigest() == gold["sha256"], "the gold was made on another text"
    source = source_bytes.decode("utf-8")
    register = Register.load(ROOT / "tei" / "register.xml")
    kinds = {"person": "person", "place": "place", "org": "org"}
    for mention in gold["names"]:
        assert source[mention["start"] : mention["end"]] == mention["text"]
        assert register.element(mention["ref"]).tag.endswith("}" + kinds[mention["type"]]), mention
    for quotation in gold["quotations"]:
        assert source[quotation["start"] : quotation["end"]] == quotation["text"]
        assert source[quotation["start"] - 1] in "\"'“‘«" and quotation["class"] in {"quote", "soCalled", "title"}
    spans = [(q["start"], q["end"]) for q in gold["quotations"]]
    assert len(spans) == len(set(spans)) == 220


def test_names_reach_the_floor(gold, output):
    names, _ = output
    precision, recall, f1 = score_names(gold["names"], names)["all"]
    assert f1 >= 0.97, f"names P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


def test_quotation_classes_reach_the_floor(gold, output):
    _, quotations = output
    scores = score_quotations(gold["quotations"], quotations)
    assert scores["accuracy"] >= 0.93 and scores["micro"][2] >= 0.93, scores


def test_the_scorer_counts_a_wrong_id_and_a_wrong_class():
    gold_names = [{"start": 0, "end": 6, "type": "person", "ref": "stalin_joseph"}, {"start": 10, "end": 15, "type": "org", "ref": "cpsu"}]
    tagged = [{"start": 0, "end": 6, "type": "person", "ref": "lenin_vladimir"}, {"start": 10, "end": 15, "type": "org", "ref": "cpsu"}]
    assert score_names(gold_names, tagged)["all"] == (0.5, 0.5, 0.5)
    gold_quotes = [{"start": 1, "end": 4, "class": "quote"}, {"start": 8, "end": 9, "class": "soCalled"}]
    marked = [{"start": 1, "end": 4, "class": "soCalled"}, {"start": 8, "end": 9, "class": "soCalled"}]
    assert score_quotations(gold_quotes, marked)["accuracy"] == 0.5
