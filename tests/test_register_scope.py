"""Registers shared by several texts: entries scoped to editions (tei/REGISTER.md, "Scope")."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.decisions import Decision, apply_decisions
from edition.errors import EditionError
from edition.register import Register, entry_scope
from edition.xmlio import NS, XML_NS, parse_xml

from .conftest import TEI_ALL
from .test_convert_helpers import make_project

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt>
<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<standOff>
"""
TAIL = "</standOff></TEI>\n"

GLOBAL = """<listPerson>
 <person xml:id="doe_jane"><persName type="main"><forename>Jane</forename> <surname>Doe</surname></persName><note>Author.</note></person>
 <person xml:id="marx_karl"><persName type="main"><forename>Karl</forename> <surname>Marx</surname></persName><note>Philosopher.</note></person>
</listPerson>
"""
# Two bodies called "Central Committee", 1871 and 1917, and a place both texts share.
SCOPED = """<listOrg corresp="commune.xml">
 <org xml:id="central_committee_1871"><orgName type="main">Central Committee</orgName><note>The National Guard's, Paris 1871.</note></org>
</listOrg>
<listOrg corresp="october.xml">
 <org xml:id="central_committee_rsdlp"><orgName type="main">Central Committee</orgName><orgName type="variant">CC</orgName><note>The Bolsheviks', 1917.</note></org>
 <listOrg><org xml:id="petrograd_soviet"><orgName type="main">Petrograd Soviet</orgName><note>Nested list: the scope of its parent.</note></org></listOrg>
</listOrg>
<listPlace corresp="commune.xml october.xml">
 <place xml:id="paris"><placeName type="main">Paris</placeName><placeName type="variant">Paname</placeName><note>City.</note></place>
</listPlace>
"""
REGISTER = HEAD + GLOBAL + SCOPED + TAIL

TEXTS = {
    "commune": "The Commune\n\nBy Jane Doe.\n\nIn Paris the Central Committee sat, and Karl Marx wrote about it.\n",
    "october": "October\n\nBy Jane Doe.\n\nIn 1917 the Central Committee met; Karl Marx was read in Paris and the Petrograd Soviet. The CC agreed.\n",
    "elsewhere": "Elsewhere\n\nBy Jane Doe.\n\nNo Central Committee met in Paris, said Karl Marx.\n",
}


@pytest.fixture
def project(tmp_path):
    for slug, text in TEXTS.items():
        project = make_project(tmp_path, text, register=REGISTER, slug=slug, title=slug.capitalize())
    return project


def _convert(project, slug: str) -> etree._Element:
    result = CliRunner().invoke(main, ["--project", str(project.root), "convert", slug])
    assert result.exit_code == 0, result.output
    return parse_xml(project.root / "tei" / f"{slug}.xml").getroot()


def _refs(tei) -> dict[str, str]:
    """Each name the register tags in the text and its entry (the byline's author and the
    recogniser's proposals, @cert="low", left out)."""
    names = tei.xpath("//tei:text//*[@ref][not(@cert)][self::tei:persName or self::tei:placeName or self::tei:orgName]",
                      namespaces=NS)
    return {"".join(n.itertext()): n.get("ref")[1:] for n in names if n.get("ref") != "#doe_jane"}


def _standoff_ids(tei) -> set[str]:
    """The register entries the master carries (not the proposed ones)."""
    return set(tei.xpath("//tei:standOff/*[not(@type='proposed')]/*/@xml:id", namespaces=NS))


def test_two_editions_share_a_name_each_with_its_own_entry(project):
    commune, october, elsewhere = (_convert(project, slug) for slug in ("commune", "october", "elsewhere"))
    assert _refs(commune) == {"Paris": "paris", "Central Committee": "central_committee_1871", "Karl Marx": "marx_karl"}
    assert _refs(october) == {"Central Committee": "central_committee_rsdlp", "Karl Marx": "marx_karl", "Paris": "paris",
                              "Petrograd Soviet": "petrograd_soviet", "CC": "central_committee_rsdlp"}
    # Global entries reach every edition; scoped ones only theirs.
    assert _refs(elsewhere) == {"Karl Marx": "marx_karl"}
    # Each master carries only its own entities.
    assert _standoff_ids(commune) == {"doe_jane", "marx_karl", "paris", "central_committee_1871"}
    assert _standoff_ids(october) == {"doe_jane", "marx_karl", "paris", "central_committee_rsdlp", "petrograd_soviet"}
    assert _standoff_ids(elsewhere) == {"doe_jane", "marx_karl"}


def test_scope_of_an_entry_comes_from_its_nearest_scoped_list(project):
    root = parse_xml(project.register).getroot()

    def scope(entry_id):
        return entry_scope(root.xpath(f"//*[@xml:id='{entry_id}']")[0])

    assert scope("marx_karl") is None
    assert scope("petrograd_soviet") == {"october"}
    assert scope("paris") == {"commune", "october"}


def test_whole_register_without_an_edition_refuses_a_shared_name(project):
    with pytest.raises(EditionError, match="'Central Committee'"):
        Register.load(project.register)


@pytest.mark.parametrize("register, message", [
    # A global entry and a scoped one with the same name overlap in the scoped edition.
    (HEAD + GLOBAL + '<listOrg corresp="commune.xml"><org xml:id="cc"><orgName type="main">Karl Marx</orgName><note>x</note></org></listOrg>' + TAIL,
     "name 'Karl Marx' of cc is already a name of marx_karl"),
    (HEAD + GLOBAL + '<listOrg corresp="commune"><org xml:id="cc"><orgName type="main">CC</orgName><note>x</note></org></listOrg>' + TAIL,
     "scope 'commune': expected an edition master such as bureaucratism.xml"),
], ids=["overlapping scopes", "scope not a master"])
def test_bad_scopes_are_one_line_errors(tmp_path, register, message):
    project = make_project(tmp_path, TEXTS["commune"], register=register, slug="commune")
    result = CliRunner().invoke(main, ["--project", str(project.root), "convert", "commune"])
    assert result.exit_code == 1 and message in result.output and "register.xml:" in result.output
    assert result.output.count("\n") == 1


def test_accepted_names_go_to_the_editions_own_list(project):
    changes = apply_decisions(project.root, "elsewhere", [
        Decision("accept", ("Central Committee",), kind="org", target="central_committee_elsewhere", note="Another one."),
    ])
    assert [str(c) for c in changes] == [
        "tei/register.xml: new listOrg for elsewhere.xml",
        "tei/register.xml: added org central_committee_elsewhere (Central Committee)",
    ]
    assert _refs(_convert(project, "elsewhere"))["Central Committee"] == "central_committee_elsewhere"
    assert _refs(_convert(project, "commune"))["Central Committee"] == "central_committee_1871"  # untouched
    # A second acceptance joins the list made for the edition.
    apply_decisions(project.root, "elsewhere", [Decision("accept", ("Politburo",), kind="org", note="x")])
    root = parse_xml(project.register).getroot()
    lists = root.xpath("//tei:listOrg[@corresp='elsewhere.xml']", namespaces=NS)
    assert len(lists) == 1 and [e.get(f"{{{XML_NS}}}id") for e in lists[0]] == ["central_committee_elsewhere", "politburo"]


def test_merging_into_an_entry_of_another_scope_is_refused(project):
    before = project.register.read_bytes()
    with pytest.raises(EditionError, match="'central_committee_1871' is not in the scope of elsewhere"):
        apply_decisions(project.root, "elsewhere", [Decision("merge", ("The Committee",), target="central_committee_1871")])
    assert project.register.read_bytes() == before


def test_unscoped_register_gets_global_entries(tmp_path):
    project = make_project(tmp_path, TEXTS["commune"], register=HEAD + GLOBAL + TAIL, slug="commune")
    apply_decisions(project.root, "commune", [Decision("accept", ("Central Committee",), kind="org", note="x")])
    entry = parse_xml(project.register).getroot().xpath("//tei:org", namespaces=NS)[0]
    assert entry_scope(entry) is None and entry.getparent().get("corresp") is None


def test_a_new_entry_gets_a_free_id_when_another_scope_has_the_derived_one(tmp_path):
    register = REGISTER.replace('xml:id="central_committee_1871"', 'xml:id="central_committee"')
    for slug in ("commune", "elsewhere"):
        project = make_project(tmp_path, TEXTS[slug], register=register, slug=slug)
    assert _convert(project, "elsewhere") is not None  # the proposals file
    decisions = tmp_path / "decisions.csv"
    result = CliRunner().invoke(main, ["--project", str(project.root), "review", "elsewhere", "--export", str(decisions)])
    assert result.exit_code == 0, result.output
    assert ",org,central_committee_2,Central Committee," in decisions.read_text(encoding="utf-8")
    changes = apply_decisions(project.root, "elsewhere", [Decision("accept", ("Central Committee",), kind="org", note="x")])
    assert "added org central_committee_2 (Central Committee)" in str(changes[-1])


PERIODS = HEAD + GLOBAL + """<listOrg><desc>Texts written up to 1900: <date to="1900"/></desc>
 <org xml:id="central_committee_1871"><orgName type="main">Central Committee</orgName><note>Paris, 1871.</note></org>
</listOrg>
<listOrg><desc>Texts of 1903-1991: <date from="1903" to="1991"/></desc>
 <org xml:id="central_committee_rsdlp"><orgName type="main">Central Committee</orgName><note>The Bolsheviks'.</note></org>
 <listOrg corresp="october.xml"><desc><date from="1917"/></desc>
  <org xml:id="petrograd_soviet"><orgName type="main">Petrograd Soviet</orgName><note>Edition and period.</note></org>
 </listOrg>
</listOrg>
""" + TAIL


def _dated_project(tmp_path, register: str, dates: dict[str, str | None]):
    for slug, date in dates.items():
        project = make_project(tmp_path, TEXTS.get(slug, TEXTS["october"]), register=register, slug=slug)
        toml = project.edition(slug).toml_path
        toml.write_text(toml.read_text(encoding="utf-8").replace('date = "1901"', f'date = "{date}"' if date else ""),
                        encoding="utf-8")
    return project


def test_period_scopes_follow_the_year_of_each_edition(tmp_path):
    project = _dated_project(tmp_path, PERIODS, {"commune": "1871", "october": "1917-11-07", "later": "1923", "undated": None})
    assert _refs(_convert(project, "commune"))["Central Committee"] == "central_committee_1871"
    october = _refs(_convert(project, "october"))
    assert october["Central Committee"] == "central_committee_rsdlp" and october["Petrograd Soviet"] == "petrograd_soviet"
    later = _refs(_convert(project, "later"))  # in the period, but not the edition the nested list names
    assert later["Central Committee"] == "central_committee_rsdlp" and "Petrograd Soviet" not in later
    assert "Central Committee" not in _refs(_convert(project, "undated"))  # no year: no period applies
    assert _refs(_convert(project, "undated"))["Karl Marx"] == "marx_karl"
    # The encoding of scopes is plain TEI: @corresp on the lists, desc/date inside them.
    done = subprocess.run(["jing", str(TEI_ALL), str(project.register)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_a_period_that_is_not_a_year_is_a_one_line_error(tmp_path):
    project = _dated_project(tmp_path, PERIODS.replace('from="1903"', 'from="early"'), {"october": "1917"})
    result = CliRunner().invoke(main, ["--project", str(project.root), "convert", "october"])
    assert result.exit_code == 1 and "period date 'early': expected a year" in result.output and "register.xml:" in result.output
