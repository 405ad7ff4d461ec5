"""Authority ids of the embedded register: each one has its source noted in tei/REGISTER.md."""

from __future__ import annotations

import re

from edition.xmlio import parse_xml

from .conftest import ROOT

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ROW = re.compile(r"^\| `(?P<entry>[a-z_]+)` \| (?P<id>Q[1-9]\d*|GeoNames [1-9]\d*) \| (?P<source>.+) \|$", re.M)


def _register_ids() -> list[tuple[str, str]]:
    """(entry, id) for every idno: "Q…" for Wikidata, "GeoNames …" for GeoNames."""
    root = parse_xml(ROOT / "tei" / "register.xml").getroot()
    pairs = []
    for idno in root.xpath("//*[local-name()='idno']"):
        number = idno.text.rstrip("/").rsplit("/", 1)[1]
        label = number if idno.get("subtype") == "wikidata" else f"GeoNames {number}"
        pairs.append((idno.getparent().get(XML_ID), label))
    return pairs


def _source_rows() -> dict[tuple[str, str], str]:
    text = (ROOT / "tei" / "REGISTER.md").read_text(encoding="utf-8")
    return {(m["entry"], m["id"]): m["source"].strip() for m in ROW.finditer(text)}


def test_every_idno_has_its_source_in_register_md():
    rows = _source_rows()
    pairs = _register_ids()
    missing = [pair for pair in pairs if pair not in rows]
    assert not missing, f"idno without a source row in tei/REGISTER.md: {missing}"
    assert all(len(source) > 20 for source in rows.values())


def test_register_md_lists_no_id_the_register_lacks():
    assert set(_source_rows()) == set(_register_ids())


def test_each_wikidata_id_names_one_entry():
    wikidata = [number for _, number in _register_ids() if number.startswith("Q")]
    assert len(wikidata) == len(set(wikidata)) >= 138


def test_engels_is_not_ptolemy():
    assert ("engels_friedrich", "Q34787") in _register_ids()
    assert all(number != "Q34943" for _, number in _register_ids())


def test_readme_coverage_table_counts_the_register():
    """The README's table of ids by type says what tei/register.xml holds."""
    root = parse_xml(ROOT / "tei" / "register.xml").getroot()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for kind, label in (("person", "persons"), ("place", "places"), ("org", "organisations")):
        entries = root.xpath(f"//*[local-name()='{kind}']")
        with_id = {
            subtype: sum(1 for e in entries if e.xpath(f"*[local-name()='idno'][@subtype='{subtype}']"))
            for subtype in ("wikidata", "geonames")
        }
        row = re.search(rf"^\| {label} \| (\d+) \| (\d+) \| (\d+|—) \| (\d+)", readme, re.M)
        assert row, f"no {label} row in the README's coverage table"
        geonames = int(row[3]) if row[3] != "—" else 0
        assert (int(row[1]), int(row[2]), geonames, int(row[4])) == (
            len(entries), with_id["wikidata"], with_id["geonames"], len(entries) - with_id["wikidata"]
        )
