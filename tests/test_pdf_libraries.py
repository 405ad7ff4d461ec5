"""WeasyPrint's C libraries found from earlier answers (pdf_libraries.py): the same answers as
ctypes.util.find_library, no look-up twice on an unchanged system, a changed one looks again."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from edition.builders import pdf_libraries
from edition.builders.pdf_libraries import remembered_library_lookups

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the look-ups are remembered on Linux only")


@pytest.fixture
def lookups(monkeypatch):
    """A stand-in find_library that counts its calls (each real one runs gcc and ld)."""
    calls = []

    def find(name):
        calls.append(name)
        return {"pango-1.0": "libpango-1.0.so.0"}.get(name)

    monkeypatch.setattr(ctypes.util, "find_library", find)
    return calls


def test_the_second_build_asks_nothing_and_gets_the_same_answers(tmp_path, lookups):
    memo = tmp_path / "libraries.json"
    for _ in range(2):
        with remembered_library_lookups(memo):
            assert ctypes.util.find_library("pango-1.0") == "libpango-1.0.so.0"
            assert ctypes.util.find_library("libpango-1.0-0") is None
    assert lookups == ["pango-1.0", "libpango-1.0-0"]


def test_a_changed_system_is_asked_again(tmp_path, lookups, monkeypatch):
    memo = tmp_path / "libraries.json"
    with remembered_library_lookups(memo):
        ctypes.util.find_library("pango-1.0")
    monkeypatch.setattr(pdf_libraries, "system_state", lambda: "a library was installed since")
    with remembered_library_lookups(memo):
        ctypes.util.find_library("pango-1.0")
    assert lookups == ["pango-1.0", "pango-1.0"]


def test_the_state_follows_the_linker_cache_and_the_library_path(monkeypatch, tmp_path):
    before = pdf_libraries.system_state()
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))
    with_path = pdf_libraries.system_state()
    (tmp_path / "libfoo.so").write_bytes(b"")  # a library added to a searched folder
    assert len({before, with_path, pdf_libraries.system_state()}) == 3


def test_find_library_is_restored_after_the_block_even_on_error(tmp_path, lookups):
    original = ctypes.util.find_library
    with pytest.raises(RuntimeError), remembered_library_lookups(tmp_path / "libraries.json"):
        assert ctypes.util.find_library is not original
        raise RuntimeError
    assert ctypes.util.find_library is original


def test_a_damaged_memo_is_treated_as_empty(tmp_path, lookups):
    memo = tmp_path / "libraries.json"
    memo.write_text("{not json", encoding="utf-8")
    with remembered_library_lookups(memo):
        assert ctypes.util.find_library("pango-1.0") == "libpango-1.0.so.0"
    assert lookups == ["pango-1.0"]
    assert '"pango-1.0": "libpango-1.0.so.0"' in memo.read_text(encoding="utf-8")


def test_answers_are_those_of_the_real_look_up(tmp_path):
    names = ["gobject-2.0", "libgobject-2.0-0"]  # one found, one not (the first name WeasyPrint tries)
    expected = [ctypes.util.find_library(name) for name in names]
    for _ in range(2):
        with remembered_library_lookups(tmp_path / "libraries.json"):
            assert [ctypes.util.find_library(name) for name in names] == expected
