"""Parts of the PDF builder that need no rendering: the interpreter settings change how
WeasyPrint runs, never what it returns; page labels for viewers follow the printed folios."""

from __future__ import annotations

import gc

import pytest

from edition.builders.pdf_pages import PageMap
from edition.builders.pdf_runtime import RESERVED_SLOTS, call_on_roomy_stack, cyclic_gc_paused


def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


def test_roomy_stack_call_returns_the_result_of_deep_recursion():
    assert call_on_roomy_stack(depth, 500) == 500
    assert call_on_roomy_stack(sorted, [3, 1, 2]) == [1, 2, 3]


def test_roomy_stack_call_passes_exceptions_through():
    with pytest.raises(ZeroDivisionError):
        call_on_roomy_stack(divmod, 1, 0)


def test_the_calling_frame_reserves_the_slots():
    from edition.builders import pdf_runtime

    assert pdf_runtime._call.__code__.co_stacksize == RESERVED_SLOTS


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_is_paused_inside_and_restored_after_even_on_error(enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), cyclic_gc_paused():
            assert not gc.isenabled()
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("labels", "runs"),
    [
        (["i", "ii", "iii", "1", "2"], [(0, "r", 1), (3, "D", 1)]),
        (["1", "2", "3"], [(0, "D", 1)]),
        (["i", "ii", "57", "58"], [(0, "r", 1), (2, "D", 57)]),  # an index rendered apart, numbered on
        (["i", "1", "2", "5"], [(0, "r", 1), (1, "D", 1), (3, "D", 5)]),
    ],
)
def test_page_label_runs(labels, runs):
    assert PageMap({}, labels).label_runs() == runs
