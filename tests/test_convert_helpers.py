"""Shared by the convert tests: a throw-away project with a text, an edition.toml and a register.

(Named test_convert_* so it sits with the tests it serves; it defines no tests.)
"""

from __future__ import annotations

from pathlib import Path

from edition.project import Project

TOML = """
[edition]
title = "{title}"
authors = [{{ name = "Jane Doe", forename = "Jane", surname = "Doe", ref = "doe_jane" }}]
date = "1901"
language = "en"

[rights]
text_status = "https://creativecommons.org/publicdomain/mark/1.0/"
edition_licence = "CC BY 4.0"
edition_licence_url = "https://creativecommons.org/licenses/by/4.0/"

[source]
file = "text.txt"
"""

REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt>
<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<standOff>
<listPerson>
 <person xml:id="doe_jane"><persName type="main"><forename>Jane</forename> <surname>Doe</surname></persName><note>Author.</note></person>
 <person xml:id="smith_adam"><persName type="main"><forename>Adam</forename> <surname>Smith</surname></persName><persName type="variant">A. Smith</persName><note>Economist.</note></person>
 <person xml:id="unused_person"><persName type="main">Nobody Here</persName><note>Never mentioned.</note></person>
</listPerson>
<listPlace><place xml:id="london"><placeName type="main">London</placeName><note>City.</note></place>
 <place xml:id="paris"><placeName type="main">Paris</placeName><note>City.</note></place></listPlace>
<listOrg><org xml:id="royal_society"><orgName type="main">Royal Society</orgName><note>Learned society.</note></org></listOrg>
</standOff></TEI>
"""

SAMPLE = """A Walk in London

This little essay was written by Jane Doe in 1901, as she said.

The Town

Adam Smith walked through London and said: "Markets are wonderful things." The so-called "experts" disagreed.
He wrote in the Times that "the fog was thick…and cold".

A. Smith's friends at the Royal Society read the book "Wealth" with care & patience, while <others> waited [at the door] for Jane Doe.

Abroad

In Paris the crowds cheered "Liberty!" and the 'old guard' watched. Workers' rights mattered.

Jane Doe
"""


def make_project(root: Path, text: str | bytes = SAMPLE, extra_toml: str = "", register: str | None = REGISTER,
                 title: str = "A Walk in London", slug: str = "sample") -> Project:
    """Write a project under ``root`` and return it (edition slug: ``sample`` unless given)."""
    source = root / "sources" / slug
    source.mkdir(parents=True)
    (source / "edition.toml").write_text(TOML.format(title=title) + extra_toml, encoding="utf-8")
    data = text.encode("utf-8") if isinstance(text, str) else text
    (source / "text.txt").write_bytes(data)
    if register is not None:
        (root / "tei").mkdir(exist_ok=True)
        (root / "tei" / "register.xml").write_text(register, encoding="utf-8")
    return Project(root)
