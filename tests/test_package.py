"""edition package: the BagIt bag, its bag-info, atomic writing, and --verify on damaged bags."""

from __future__ import annotations

import shutil

import bagit
import pytest
from click.testing import CliRunner
from lxml import etree

from .conftest import SAMPLE_TEI
from edition import package
from edition.cli import main
from edition.errors import EditionError
from edition.resources import data_dir
from .package_project import PACKAGE_SETTINGS, make_project, mets_schema

SAMPLE_ID = "urn:uuid:00000000-0000-5000-8000-000000000000"
NSMAP = {"m": "http://www.loc.gov/METS/", "xlink": "http://www.w3.org/1999/xlink"}


@pytest.fixture
def edition(tmp_path, monkeypatch):
    # The stand-in EPUB is not a real EPUB: EPUBCheck runs in test_epubcheck_report only.
    monkeypatch.setattr(package, "epubcheck_jar", lambda: None)
    return make_project(tmp_path / "project", SAMPLE_TEI)


@pytest.fixture
def bag(edition):
    return package.package_edition(edition)


def test_bag_validates_with_bagit_and_holds_every_part(bag):
    checked = bagit.Bag(str(bag))
    assert checked.validate(processes=1)
    assert sorted(checked.algorithms) == ["sha256", "sha512"]
    payload = {path.removeprefix("data/") for path in checked.payload_entries()}
    expected = {
        "tei/sample.xml", "tei/register.xml", "html/index.html", "html/css/screen.css",
        "sample.epub", "sample.pdf", "mets.xml", "metadata/dc.xml", "metadata/mods.xml",
        "metadata/oai-static.xml", "reports/tei-validation.json", "reports/tei-validation.junit.xml",
        "README.txt",
    }
    schemas = {f"tei/schema/{p.name}" for p in data_dir("schema").iterdir() if p.is_file()}
    assert expected | schemas <= payload
    assert "tei/schema/edition.rng" in payload
    assert not [path for path in payload if "/." in f"/{path}"], "hidden files packaged"


def test_bag_info_names_the_edition_and_its_source(bag):
    info = bagit.Bag(str(bag)).info
    assert info["External-Description"] == "A Sample Edition & Its <Test> Title"
    assert info["External-Identifier"] == info["Bag-Group-Identifier"] == SAMPLE_ID
    assert info["Source-Organization"] == "Edition toolchain project"
    assert info["Contact-Email"] == "editors@editions.uni-stadt.de"
    assert info["Bagging-Date"] == "2025-11-25"  # SOURCE_DATE_EPOCH of the tests
    size = sum(p.stat().st_size for p in (bag / "data").rglob("*") if p.is_file())
    files = sum(1 for p in (bag / "data").rglob("*") if p.is_file())
    assert info["Payload-Oxum"] == f"{size}.{files}"
    assert info["Bag-Size"].endswith(("KB", "MB"))


def test_reports_and_readme_are_in_the_payload(bag):
    reports = bag / "data" / "reports"
    assert '"valid": true' in (reports / "tei-validation.json").read_text(encoding="utf-8")
    assert "tei/sample.xml" in (reports / "tei-validation.junit.xml").read_text(encoding="utf-8")
    readme = (bag / "data" / "README.txt").read_text(encoding="utf-8")
    assert SAMPLE_ID in readme and "edition package --verify" in readme


def test_oai_static_repository_is_published_beside_the_outputs(bag, edition):
    published = edition.dist_dir / "oai-static.xml"
    assert published.read_bytes() == (bag / "data" / "metadata" / "oai-static.xml").read_bytes()
    # baseURL: the gateway, a slash, the file's own URL without its scheme (static repository spec, 3)
    assert b"<oai:baseURL>https://gateway.uni-stadt.de/oai/editions.uni-stadt.de/dist/sample/oai-static.xml</oai:baseURL>" in published.read_bytes()


def test_packaging_twice_gives_a_byte_identical_bag(bag, edition):
    def tree(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    first = tree(bag)
    again = package.package_edition(edition)
    assert tree(again) == first
    assert not [p for p in edition.project.dist.iterdir() if p.name.startswith(".")], "temporary folders left behind"


def test_verify_accepts_an_intact_bag(bag):
    summary = package.verify_bag(bag)
    assert "bag valid" in summary and "TEI valid: data/tei/sample.xml" in summary


@pytest.mark.parametrize("damage", ["flip", "append"])
def test_tampering_with_one_byte_fails_naming_the_file(bag, edition, damage):
    pdf = bag / "data" / "sample.pdf"
    data = bytearray(pdf.read_bytes())
    if damage == "flip":
        data[3] ^= 0x01
    else:
        data += b"x"
    pdf.write_bytes(bytes(data))
    with pytest.raises(EditionError) as caught:
        package.verify_bag(bag)
    assert caught.value.place == str(pdf)
    result = CliRunner().invoke(main, ["--project", str(edition.project.root), "package", "--verify", str(bag)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {pdf}: ") and "changed after packaging" in lines[0]


def test_a_missing_or_extra_payload_file_is_named(bag):
    (bag / "data" / "html" / "index.html").unlink()
    with pytest.raises(EditionError, match="missing from the bag") as caught:
        package.verify_bag(bag)
    assert caught.value.place.endswith("data/html/index.html")


def test_verify_revalidates_the_tei(bag):
    # A bag whose checksums are right but whose TEI is not valid (re-bagged after an edit).
    tei = bag / "data" / "tei" / "sample.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<body>", "<body><bogus/>"), encoding="utf-8")
    bagit.Bag(str(bag)).save(manifests=True)
    with pytest.raises(EditionError, match="the TEI is not valid") as caught:
        package.verify_bag(bag)
    assert caught.value.place == str(tei)


def test_verify_refuses_a_folder_that_is_not_a_bag(tmp_path):
    with pytest.raises(EditionError, match="not a BagIt bag"):
        package.verify_bag(tmp_path)


def test_a_missing_output_stops_packaging_and_keeps_the_old_bag(bag, edition):
    before = (bag / "manifest-sha256.txt").read_bytes()
    (edition.dist_dir / "sample.pdf").unlink()
    result = CliRunner().invoke(main, ["--project", str(edition.project.root), "package", "sample"])
    assert result.exit_code == 1
    assert "sample.pdf" in result.stderr and "edition build all sample" in result.stderr
    assert (bag / "manifest-sha256.txt").read_bytes() == before


def test_an_invalid_master_is_not_packaged(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "epubcheck_jar", lambda: None)
    broken = tmp_path / "broken.xml"
    broken.write_text(SAMPLE_TEI.read_text(encoding="utf-8").replace("<body>", "<body><bogus/>"), encoding="utf-8")
    edition = make_project(tmp_path / "project", broken)
    with pytest.raises(EditionError, match="the TEI is not valid") as caught:
        package.package_edition(edition)
    assert caught.value.place.endswith("tei/sample.xml")
    assert not package.bag_path(edition).exists()


def test_oai_settings_come_together(tmp_path):
    toml = '[edition]\npublisher = "P"\n[source]\nfile = "x.txt"\n[package]\nbase_url = "https://e.uni-stadt.de"\n'
    edition = make_project(tmp_path / "project", SAMPLE_TEI, toml=toml)
    with pytest.raises(EditionError, match=r"\[package\] needs oai_gateway and contact_email too") as caught:
        package.package_edition(edition)
    assert caught.value.place == str(edition.toml_path)


@pytest.mark.parametrize(
    ("key", "value"),
    [("base_url", "https://editions.example.org"), ("oai_gateway", "https://gw.invalid/oai"), ("contact_email", "a@example.com")],
)
def test_placeholders_are_refused(tmp_path, key, value):
    toml = PACKAGE_SETTINGS.replace(f"{key} = ", f"{key} = {value!r}\n# was: ", 1)
    edition = make_project(tmp_path / "project", SAMPLE_TEI, toml='[edition]\npublisher = "P"\n[source]\nfile = "x.txt"\n' + toml)
    with pytest.raises(EditionError, match=rf"\[package\] {key} is a placeholder") as caught:
        package.package_edition(edition)
    assert caught.value.place == str(edition.toml_path)
    assert not package.bag_path(edition).exists()


def test_without_oai_settings_the_bag_has_no_oai_record(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "epubcheck_jar", lambda: None)
    edition = make_project(tmp_path / "project", SAMPLE_TEI, toml='[edition]\npublisher = "P"\n[source]\nfile = "x.txt"\n')
    bag = package.package_edition(edition)
    assert (bag / "data" / "metadata" / "mods.xml").is_file()
    assert not (bag / "data" / "metadata" / "oai-static.xml").exists() and not (edition.dist_dir / "oai-static.xml").exists()


@pytest.mark.slow
def test_epubcheck_report(tmp_path):
    reports = tmp_path / "reports"
    epub = tmp_path / "book.epub"
    epub.write_bytes(b"PK\x03\x04 not really an epub")
    report = package.epubcheck_report(epub, reports)
    text = report.read_text(encoding="utf-8")
    assert '"path": "book.epub"' in text and "checkDate" not in text
    assert '"nFatal"' in text or '"nError"' in text


def test_mets_lists_every_payload_file_with_the_manifest_checksum(bag):
    mets_schema().assertValid(etree.parse(str(bag / "data" / "mets.xml")))
    mets_ns, xlink = "http://www.loc.gov/METS/", "http://www.w3.org/1999/xlink"
    mets = etree.parse(str(bag / "data" / "mets.xml"))
    listed = {f.find(f"{{{mets_ns}}}FLocat").get(f"{{{xlink}}}href"): f.get("CHECKSUM") for f in mets.iter(f"{{{mets_ns}}}file")}
    manifest = dict(
        reversed(line.split("  ", 1)) for line in (bag / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines()
    )
    expected = {path.removeprefix("data/"): digest for path, digest in manifest.items() if path != "data/mets.xml"}
    assert listed == expected


@pytest.mark.slow
def test_package_of_the_real_builds(tmp_path):
    """End to end on the seed: convert's master, the real HTML, EPUB and PDF builders, then package and verify."""
    from edition.builders import BuildOptions
    from edition.orchestrate import builder_for

    from .conftest import ROOT

    master = ROOT / "tei" / "bureaucratism.xml"
    toml = (ROOT / "sources" / "bureaucratism" / "edition.toml").read_text(encoding="utf-8")
    edition = make_project(tmp_path / "project", master, slug="bureaucratism", toml=toml)
    shutil.copyfile(ROOT / "tei" / "register.xml", edition.project.register)
    shutil.copyfile(ROOT / "sources" / "bureaucratism" / edition.text_path.name, edition.text_path)
    shutil.rmtree(edition.dist_dir)
    for name in ("pdf", "epub", "html"):
        builder_for(name).build(edition, BuildOptions())
    bag = package.package_edition(edition)
    assert "bag valid" in package.verify_bag(bag)
    mets_schema().assertValid(etree.parse(str(bag / "data" / "mets.xml")))
    assert (bag / "data" / "bureaucratism.pdf").stat().st_size > 10_000
    if package.epubcheck_jar() is not None:
        assert (bag / "data" / "reports" / "epubcheck.json").is_file()


def test_mets_groups_files_by_use_and_points_to_the_whole_edition(bag):
    mets_ns = "http://www.loc.gov/METS/"
    mets = etree.parse(str(bag / "data" / "mets.xml")).getroot()
    groups = {g.get("USE"): [f.get("ID") for f in g] for g in mets.iter(f"{{{mets_ns}}}fileGrp")}
    # DSpace METS SIP profile: the primary files in CONTENT, the rest in groups named for what they hold
    assert mets.get("PROFILE") == "DSpace METS SIP Profile 1.0"
    assert set(groups) == {"CONTENT", "REGISTER", "SCHEMA", "HTML", "METADATA", "REPORTS", "DOCUMENTATION"}
    content = mets.xpath("//m:fileGrp[@USE = 'CONTENT']/m:file/m:FLocat/@xlink:href", namespaces=NSMAP)
    assert sorted(content) == ["sample.epub", "sample.pdf", "tei/sample.xml"]
    edition_div = mets.find(f"{{{mets_ns}}}structMap/{{{mets_ns}}}div")
    pointed = [fptr.get("FILEID") for fptr in edition_div.findall(f"{{{mets_ns}}}fptr")]
    index = mets.xpath("//m:file[m:FLocat/@xlink:href = 'html/index.html']/@ID", namespaces=NSMAP)
    assert sorted(pointed) == sorted(groups["CONTENT"] + index)


def test_every_payload_file_is_in_the_physical_structmap(bag):
    mets = etree.parse(str(bag / "data" / "mets.xml"))
    files = mets.xpath("//m:fileSec//m:file/@ID", namespaces=NSMAP)
    physical = mets.xpath("//m:structMap[@TYPE = 'physical']//m:fptr/@FILEID", namespaces=NSMAP)
    payload = sorted(p.relative_to(bag / "data").as_posix() for p in (bag / "data").rglob("*") if p.is_file())
    listed = mets.xpath("//m:fileSec//m:FLocat/@xlink:href", namespaces=NSMAP)
    assert sorted(physical) == sorted(files) and sorted(listed + ["mets.xml"]) == payload
    assert "tei/register.xml" in listed and "metadata/mods.xml" in listed


def test_rights_and_provenance_are_in_the_amdsec(bag):
    mets = etree.parse(str(bag / "data" / "mets.xml"))
    ns = {**NSMAP, "premis": "http://www.loc.gov/premis/v3", "dc": "http://purl.org/dc/elements/1.1/"}
    assert mets.xpath("//m:amdSec/m:rightsMD/@ID", namespaces=ns) == ["amd-rights-edition"]  # the sample has one licence
    events = mets.xpath("//m:digiprovMD//premis:event/premis:eventType/text()", namespaces=ns)
    assert events == ["creation", "validation", "message digest calculation"]
    assert mets.xpath("string(//premis:agent/premis:agentType)", namespaces=ns) == "software"


def test_mets_divisions_point_to_their_html_pages(edition):
    (edition.dist_dir / "html" / "s01.html").write_text("<p>section one</p>", encoding="utf-8")
    mets = etree.parse(str(package.package_edition(edition) / "data" / "mets.xml"))
    page = mets.xpath("//m:file[m:FLocat/@xlink:href = 'html/s01.html']/@ID", namespaces=NSMAP)
    assert mets.xpath("//m:div[@ID = 'div-s01']/m:fptr/@FILEID", namespaces=NSMAP) == page
    assert mets.xpath("//m:div[@ID = 'div-s02']/m:fptr/@FILEID", namespaces=NSMAP) == []


def test_cli_packages_and_verifies(edition):
    runner, project = CliRunner(), ["--project", str(edition.project.root)]
    made = runner.invoke(main, [*project, "package", "sample"])
    assert made.exit_code == 0, made.output
    bag = package.bag_path(edition)
    assert made.stdout.strip() == str(bag)
    checked = runner.invoke(main, [*project, "package", "--verify", str(bag)])
    assert checked.exit_code == 0 and "bag valid" in checked.stdout
