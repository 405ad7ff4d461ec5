"""`edition catalogue`: three editions built in two shards, gathered into one front door."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

import pytest
from lxml import etree, html

from edition.catalogue import OAI_NS, SITEMAP_NS, STATIC_NS
from edition.metadata import describe
from tests.buildkit import make_corpus, run

BASE = "https://example.org/corpus"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Shard 1/2 and shard 2/2 of a three-edition corpus, each built into a dist/ of its own
    (as two CI jobs would), then catalogued into site/."""
    tmp = tmp_path_factory.mktemp("catalogue")
    root = tmp / "project"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764028800")
        slugs = make_corpus(root, 3)
        for shard in ("1/2", "2/2"):
            result = run(root, "build", "all", "--shard", shard, "--no-check", "-q")
            assert result.exit_code == 0, result.output
            shutil.move(root / "dist", tmp / f"shard-{shard[0]}")
        result = run(root, "catalogue", str(tmp / "shard-1"), str(tmp / "shard-2"), "--out", str(tmp / "site"),
                     "--base-url", BASE + "/", "--admin-email", "editor@example.org", "--name", "Studies")
    assert result.exit_code == 0, result.output
    return tmp / "site", slugs


def test_the_shards_held_different_editions(site):
    folder, slugs = site
    one, two = ({p.name for p in (folder.parent / f"shard-{n}").iterdir() if not p.name.startswith(".")} for n in (1, 2))
    assert one and two and not one & two and one | two == set(slugs)


def test_the_landing_page_lists_every_edition_with_its_formats(site):
    folder, slugs = site
    page = html.parse(str(folder / "index.html")).getroot()
    items = page.xpath("//li[@class='edition']")
    assert [item.findtext("cite/a") for item in items] == ["Study 1", "Study 2", "Study 3"]
    for item, slug in zip(items, slugs):
        dc = etree.fromstring(describe(folder / slug / "html" / f"{slug}.xml").dc.encode())
        assert item.findtext("span[@class='authors']") == "; ".join(e.text for e in dc.iter("{*}creator"))
        assert item.find("time").get("datetime") == dc.findtext("{*}date")
        formats = {a.text: a.get("href") for a in item.xpath("span[@class='formats']/a")}
        assert formats == {"HTML": f"{slug}/html/index.html", "PDF": f"{slug}/{slug}.pdf", "EPUB": f"{slug}/{slug}.epub", "TEI": f"{slug}/html/{slug}.xml"}
        assert all((folder / href).is_file() for href in formats.values())


def test_one_oai_repository_holds_a_record_of_each_edition_in_each_format(site):
    folder, slugs = site
    repository = etree.parse(str(folder / "oai-static.xml")).getroot()
    assert repository.findtext(f"{{{STATIC_NS}}}Identify/{{{OAI_NS}}}repositoryName") == "Studies"
    expected = [describe(folder / slug / "html" / f"{slug}.xml").identifier() for slug in slugs]
    lists = repository.findall(f"{{{STATIC_NS}}}ListRecords")
    assert [records.get("metadataPrefix") for records in lists] == ["oai_dc", "mods"]
    for records in lists:
        assert [r.findtext(f"{{{OAI_NS}}}header/{{{OAI_NS}}}identifier") for r in records] == expected


def test_the_sitemap_names_every_page_and_download_and_each_exists(site):
    folder, slugs = site
    locations = [loc.text for loc in etree.parse(str(folder / "sitemap.xml")).iter(f"{{{SITEMAP_NS}}}loc")]
    paths = [urlparse(url).path.removeprefix("/corpus/") for url in locations]
    assert all(url.startswith(BASE + "/") for url in locations) and all((folder / path).is_file() for path in paths)
    for slug in slugs:
        assert {f"{slug}/html/index.html", f"{slug}/{slug}.pdf", f"{slug}/{slug}.epub"} <= set(paths)
    assert len(paths) == len(set(paths))


def test_an_edition_in_two_shards_is_a_one_line_error(site, tmp_path):
    folder, slugs = site
    for shard in ("a", "b"):
        shutil.copytree(folder / slugs[0], tmp_path / shard / slugs[0])
    result = run(tmp_path, "catalogue", str(tmp_path / "a"), str(tmp_path / "b"), "--base-url", BASE, "--admin-email", "e@example.org")
    assert result.exit_code == 1 and result.output.startswith("error: ") and "in two shards" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_the_example_workflow_builds_every_shard_then_catalogues():
    import yaml

    from .conftest import ROOT

    workflow = yaml.safe_load((ROOT / "examples" / "github-actions" / "build-corpus.yml").read_text(encoding="utf-8"))
    shards = workflow["env"]["SHARDS"]
    shard_job, catalogue_job = workflow["jobs"]["shard"], workflow["jobs"]["catalogue"]
    assert shard_job["strategy"]["matrix"]["shard"] == list(range(1, shards + 1))
    build = " ".join(step.get("run", "") for step in shard_job["steps"])
    assert "edition build all --shard ${{ matrix.shard }}/${{ env.SHARDS }}" in build
    assert catalogue_job["needs"] == "shard"
    gather = " ".join(step.get("run", "") for step in catalogue_job["steps"])
    assert "edition catalogue shards/dist-*" in gather and "--base-url" in gather
