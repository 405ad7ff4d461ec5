"""`edition new SLUG TEXTFILE`: a fresh text becomes a valid TEI master and every output."""

from __future__ import annotations

import re
import shutil
import tomllib

import pytest

from edition.validate import validate_files
from tests.buildkit import ROOT, run, visible_files

TEXT = (
    "Notes on the Revolution\n\n"
    "The first days\n\n"
    "In 1917 Lenin and Trotsky led the workers of Petrograd; Stalin came later.\n\n"
    "The aftermath\n\n"
    'The bureaucracy in Moscow grew, "a new caste" as Trotsky wrote.\n'
)


@pytest.fixture
def fresh(tmp_path):
    """A project holding only the register, and a text outside it."""
    root = tmp_path / "project"
    (root / "tei").mkdir(parents=True)
    shutil.copy(ROOT / "tei" / "register.xml", root / "tei" / "register.xml")
    text = tmp_path / "notes.txt"
    text.write_bytes(TEXT.encode("utf-8"))
    return root, text


def test_new_scaffolds_an_edition_that_converts_to_valid_tei(fresh):
    root, text = fresh
    result = run(root, "new", "notes", str(text))
    assert result.exit_code == 0, result.output
    source = root / "sources" / "notes"
    assert (source / "notes.txt").read_bytes() == text.read_bytes()
    settings = tomllib.loads((source / "edition.toml").read_text(encoding="utf-8"))
    assert settings["edition"]["title"] == "Notes on the Revolution"
    assert settings["source"]["file"] == "notes.txt"
    assert "FILL IN" in (source / "edition.toml").read_text(encoding="utf-8")
    assert run(root, "convert", "notes").exit_code == 0
    (report,) = validate_files([root / "tei" / "notes.xml"])
    assert report.valid, [f.as_text() for f in report.findings]


def test_new_refuses_an_existing_edition_in_one_line(fresh):
    root, text = fresh
    assert run(root, "new", "notes", str(text)).exit_code == 0
    again = run(root, "new", "notes", str(text))
    assert again.exit_code == 1 and again.output.startswith("error: ") and "already exists" in again.output


def test_new_creates_an_empty_register_when_the_project_has_none(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text(TEXT, encoding="utf-8")
    root = tmp_path / "empty"
    assert run(root, "new", "t", str(text)).exit_code == 0
    register = root / "tei" / "register.xml"
    (report,) = validate_files([register])
    assert report.valid and not report.findings, [f.as_text() for f in report.findings]


def test_a_new_register_stays_valid_tei_as_decisions_fill_it(tmp_path):
    """The first accepted name makes the standOff and the list of its kind (TEI allows no empty listPerson,
    nor an empty standOff); a register an older `new` wrote with empty lists loses them at the next apply."""
    text = tmp_path / "t.txt"
    text.write_text(TEXT, encoding="utf-8")
    root = tmp_path / "empty"
    register = root / "tei" / "register.xml"
    assert run(root, "new", "t", str(text)).exit_code == 0
    assert run(root, "convert", "t").exit_code == 0
    decisions = tmp_path / "decisions.csv"
    for rows, lists in (("accept,Trotsky,person,,,A Bolshevik leader,\n", ["listPerson"]),
                        ("accept,Petrograd,place,,,The capital,\n", ["listPerson", "listPlace"])):
        decisions.write_text("action,forms,type,id,name,note,ids\n" + rows, encoding="utf-8")
        result = run(root, "review", "t", "--apply", str(decisions))
        assert result.exit_code == 0, result.output
        content = register.read_text(encoding="utf-8")
        assert re.findall(r"<(list\w+)>", content) == lists, content
        (report,) = validate_files([register])
        assert report.valid and not report.findings, [f.as_text() for f in report.findings]
    register.write_text(content.replace("</standOff>", "<listOrg/></standOff>"), encoding="utf-8")
    decisions.write_text("action,forms,type,id,name,note,ids\naccept,Stalin,person,,,A Bolshevik,\n", encoding="utf-8")
    assert run(root, "review", "t", "--apply", str(decisions)).exit_code == 0
    assert "listOrg" not in register.read_text(encoding="utf-8")


@pytest.mark.slow
def test_new_text_gets_all_three_outputs_past_the_validators(fresh):
    root, text = fresh
    for args in (("new", "notes", str(text)), ("convert", "notes"), ("build", "all", "notes")):
        result = run(root, *args)
        assert result.exit_code == 0, result.output
    published = {p.relative_to(root / "dist" / "notes").parts[0] for p in visible_files(root / "dist")}
    assert {"notes.pdf", "notes.epub", "html"} <= published


def test_text_naming_nobody_converts_to_valid_tei_without_standoff(fresh):
    root, _ = fresh
    text = root.parent / "plain.txt"
    text.write_text("A Plain Essay\n\nOn gardens\n\nThe roses bloom in June, and the bees are busy.\n", encoding="utf-8")
    assert run(root, "new", "plain", str(text)).exit_code == 0
    assert run(root, "convert", "plain").exit_code == 0
    master = root / "tei" / "plain.xml"
    assert "<standOff" not in master.read_text(encoding="utf-8")
    (report,) = validate_files([master])
    assert report.valid, [f.as_text() for f in report.findings]


def test_new_reads_a_gutenberg_header_and_the_latin_1_it_declares(fresh, tmp_path):
    from tests.test_convert_gutenberg import FILE  # Die Verwandlung, Gutenberg #22367

    root, _ = fresh
    german = tmp_path / "22367-8.txt"
    german.write_bytes(FILE.encode("utf-8"))
    result = run(root, "new", "verwandlung", str(german))
    assert result.exit_code == 0, result.output
    settings = tomllib.loads((root / "sources" / "verwandlung" / "edition.toml").read_text(encoding="utf-8"))["edition"]
    assert (settings["title"], settings["authors"], settings["language"]) == ("Die Verwandlung", [{"name": "Franz Kafka"}], "de")
    result = run(root, "convert", "verwandlung")
    assert result.exit_code == 0, result.output
    tei = (root / "tei" / "verwandlung.xml").read_text(encoding="utf-8")
    assert '<language ident="de">German</language>' in tei  # the name follows the code edition.toml gives
    german.write_bytes(FILE.encode("latin-1"))  # as Gutenberg ships it: "Character set encoding: ISO-8859-1"
    result = run(root, "new", "verwandlung2", str(german))
    assert result.exit_code == 0 and result.output.startswith(f"read {german} as ISO-8859-1 (declared in its header)")
    assert (root / "sources" / "verwandlung2" / "22367-8.txt").read_bytes() == FILE.encode("utf-8")
    german.write_bytes(FILE.replace("Character set encoding: ISO-8859-1", "").encode("latin-1"))  # undeclared
    result = run(root, "new", "verwandlung3", str(german))
    assert result.exit_code == 1 and result.output.startswith(f"error: {german}:34:48: ")
    assert "not UTF-8 (byte 0xe4)" in result.output and not (root / "sources" / "verwandlung3").exists()


# Texts without a header naming their language (Die Verwandlung and Niebla as gutenbergbooks ships
# them, benchmarks/SWEEP.md session 7): `new` told the language by the words, not "en" for all.
UNDECLARED = {
    "de": "DAS HAUS\n\nVON\n\nANNA MUSTER\n\nI.\n\nAls der Winter kam, war das Haus still. Sie sah aus dem Fenster, und es war "
          "nicht mehr so wie früher; der Garten lag unter dem Schnee, und auch die Wege waren nicht zu sehen.\n",
    "es": "LA CASA\n\nPOR\n\nANA EJEMPLO\n\nI.\n\nCuando llegó el invierno, la casa estaba en silencio. Ella miraba por la "
          "ventana y no era como antes; el jardín se perdía bajo la nieve, y los caminos no se veían.\n",
    "la": "DE DOMO\n\nI.\n\nCum hiems venisset, domus quieta erat. Illa per fenestram spectabat, et non erat ut antea; "
          "hortus sub nive latebat, neque viae quae ad eum ducunt videri poterant, sed omnia alba sunt.\n",
    "en": TEXT,
}


@pytest.mark.parametrize("language", sorted(UNDECLARED))
def test_new_tells_an_undeclared_language_by_its_words_and_the_author_after_von(fresh, tmp_path, language):
    root, _ = fresh
    text = tmp_path / f"{language}.txt"
    text.write_text(UNDECLARED[language], encoding="utf-8")
    assert run(root, "new", "house", str(text)).exit_code == 0
    settings = tomllib.loads((root / "sources" / "house" / "edition.toml").read_text(encoding="utf-8"))["edition"]
    assert settings["language"] == language
    if language in ("de", "es"):
        assert settings["authors"] == [{"name": {"de": "ANNA MUSTER", "es": "ANA EJEMPLO"}[language]}]


def test_a_text_of_no_known_language_stays_english():
    from edition.languages import detect

    assert detect("1234 5678 — ✓ ✓") is None
    assert detect("Xq zvrt plok ghhh mnnt wwq trr ppl.") is None
    assert detect("Он вошёл в комнату и сел у окна.") == "ru"
