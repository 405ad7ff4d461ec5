"""How the PDF builder runs WeasyPrint inside CPython: two measured interpreter settings.

WeasyPrint lays out and draws a book in pure Python, millions of short-lived
objects and a call stack that swings thousands of slots deep for every line.
Two costs of the interpreter itself, not of the layout, show up there; both
are measured with ``python benchmarks/pdf.py`` on the seed edition.

* The cyclic garbage collector walks the young objects again and again
  (about 0.3 s of a 4.3 s build).  ``cyclic_gc_paused`` turns it off for the
  build; reference counting still frees almost everything at once.
* A worker process typesets one document after another; CPython and glibc keep
  the freed heap of the last one mapped.  ``release_free_memory`` collects it and
  hands it back (glibc's ``malloc_trim``), so the worker's resident set falls back
  between documents instead of staying at the high-water mark of the largest.
* CPython up to 3.12 keeps a thread's frames in 16 KiB chunks and unmaps a
  chunk as soon as the frame at its start returns (CPython issue gh-142183,
  fixed by a one-chunk cache in 3.13 and 3.14).  Layout crosses a chunk
  boundary tens of thousands of times per book, and each crossing is an
  mmap, a munmap and fresh page faults: 56,000 mmaps and about 0.4 s of the
  seed's build, more or fewer depending on how deep the caller already was.
  ``call_on_roomy_stack`` makes the call from a frame that reserves a large
  evaluation stack, so CPython opens one 128 KiB chunk for it and the whole
  layout recursion fits in the rest of that chunk.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
from typing import Callable, TypeVar

T = TypeVar("T")

# Stack slots reserved by the calling frame.  push_chunk() in CPython's
# Python/pystate.c sizes a new chunk to hold the frame plus 1,000 slots,
# rounded up to a power of two: 7,000 slots give a 128 KiB chunk (16,384
# slots), leaving about 9,000 for the calls below.  Layout on the seed needs
# about 3,000.
RESERVED_SLOTS = 7000


def _call(function, args):
    return function(*args)


# A frame's size is its locals plus co_stacksize; a larger co_stacksize than
# the code needs is harmless and only reserves room.
_call.__code__ = _call.__code__.replace(co_stacksize=RESERVED_SLOTS)


def call_on_roomy_stack(function: Callable[..., T], *args) -> T:
    """``function(*args)``, called from a frame at the start of a fresh, large stack chunk."""
    return _call(function, args)


@contextlib.contextmanager
def cyclic_gc_paused():
    """No cyclic garbage collection inside the block; collection resumes after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def release_free_memory() -> None:
    """Collect cyclic garbage and give the C heap's free pages back to the system."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL(None).malloc_trim(0)
