"""A corpus: several editions, built serially or in a pool, sharded, one failure not stopping the rest."""

from __future__ import annotations

import json

import pytest

from edition.orchestrate import largest_first, select_shard
from tests.buildkit import make_corpus, run, use_fake_builders


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "project"
    return root, make_corpus(root, 4)


def events(result) -> list[dict]:
    return [json.loads(line) for line in result.output.splitlines()]


def test_shards_split_the_sorted_slugs_round_robin():
    slugs = [f"e{n:02d}" for n in range(10)]
    shards = [select_shard(list(reversed(slugs)), f"{i}/3") for i in (1, 2, 3)]
    assert shards[0] == ["e00", "e03", "e06", "e09"]
    assert sorted(s for shard in shards for s in shard) == slugs
    assert select_shard(slugs, None) == slugs


def test_cli_builds_only_its_shard(corpus, monkeypatch):
    root, slugs = corpus
    calls = use_fake_builders(monkeypatch)
    result = run(root, "build", "pdf", "--all-editions", "--shard", "2/2", "--no-check", "--quiet")
    assert result.exit_code == 0 and result.output == ""
    assert calls == [(slugs[1], "pdf"), (slugs[3], "pdf")]


def test_one_broken_edition_does_not_stop_the_others(corpus, monkeypatch):
    root, slugs = corpus
    use_fake_builders(monkeypatch, fail_for=slugs[2])
    (root / "sources" / slugs[0] / "edition.toml").write_text("[edition\ntitle = broken")
    result = run(root, "build", "all", "--log-format", "json")
    assert result.exit_code == 1
    failed = [e for e in events(result) if e.get("status") == "failed"]
    assert {(e["slug"], e["format"]) for e in failed} == {(slugs[0], "edition"), (slugs[2], "pdf"), (slugs[2], "epub"), (slugs[2], "html")}
    assert "invalid TOML" in failed[0]["message"] and "edition.toml" in failed[0]["message"]
    for slug in (slugs[1], slugs[3]):
        assert sorted(p.name for p in (root / "dist" / slug).iterdir() if not p.name.startswith(".")) == [
            f"{slug}.epub", f"{slug}.html", f"{slug}.pdf"]


def test_invalid_tei_is_not_built(corpus, monkeypatch):
    """The validator gate: a master that fails `edition validate` publishes nothing, in one line."""
    root, slugs = corpus
    calls = use_fake_builders(monkeypatch)
    tei = root / "tei" / f"{slugs[0]}.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<body>", "<body><bogus/>", 1), encoding="utf-8")
    result = run(root, "build", "pdf", slugs[0], slugs[1])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"{slugs[0]}.xml" in errors[0] and "not valid" in errors[0]
    # The gate runs beside the builders (jing is slow to start): a PDF may have been typeset,
    # but nothing of the invalid edition is published, and no stage is left behind.
    assert (slugs[1], "pdf") in calls and (root / "dist" / slugs[1] / f"{slugs[1]}.pdf").is_file()
    assert not (root / "dist" / slugs[0] / f"{slugs[0]}.pdf").exists()
    assert list((root / "dist").glob(".staging/*")) == []


@pytest.mark.slow
def test_process_pool_builds_real_outputs_and_reports_a_failure(corpus):
    root, slugs = corpus
    (root / "tei" / f"{slugs[1]}.xml").unlink()
    result = run(root, "build", "all", "-j", "2", "--no-check", "--log-format", "json")
    assert result.exit_code == 1, result.output
    failed = [e for e in events(result) if e.get("status") == "failed"]
    assert [(e["slug"], e["format"]) for e in failed] == [(slugs[1], "edition")]
    assert "no TEI master" in failed[0]["message"]
    for slug in (slugs[0], slugs[2], slugs[3]):
        dist = root / "dist" / slug
        assert (dist / f"{slug}.pdf").read_bytes().startswith(b"%PDF")
        assert (dist / f"{slug}.epub").read_bytes().startswith(b"PK")
        assert (dist / "html" / "index.html").is_file()


def test_the_pool_takes_the_largest_editions_first(tmp_path):
    (tmp_path / "tei").mkdir()
    for slug, size in (("small", 10), ("large", 3000), ("middle", 500)):
        (tmp_path / "tei" / f"{slug}.xml").write_text("x" * size)
    assert largest_first(tmp_path, ["small", "unconverted", "large", "middle"]) == ["large", "middle", "small", "unconverted"]


def test_pool_workers_are_forked_until_saxon_runs_here(monkeypatch):
    import edition.xslt as xslt
    from edition.orchestrate import pool_context

    monkeypatch.setattr(xslt.processor, "cache_info", lambda: type("Info", (), {"currsize": 0})())
    assert pool_context().get_start_method() == "fork"
    monkeypatch.setattr(xslt.processor, "cache_info", lambda: type("Info", (), {"currsize": 1})())
    assert pool_context().get_start_method() == "spawn"
