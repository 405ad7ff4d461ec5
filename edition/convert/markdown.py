"""A web page saved as Markdown (one with Markdown headings "##"): its links and backslash escapes (pass 20).

There ``[text](https://…)`` is a ``ref`` whose ``@target`` is the address and ``@rend`` "markdown" (the
brackets, parentheses and address are not stored in the text: the writers show the link's words,
the restore rule gives back ``[`` text ``](`` target ``)``), and ``\\.``, ``\\[``, ``\\*`` and the
other escaped punctuation are a ``choice`` of the source's ``orig`` (``\\.``) and the ``reg`` reading
(``.``).  Headings and the front matter are read by pass 10 and gutenberg.py.
"""

from __future__ import annotations

import re

from .model import Annotation, Block

# "[MIA](https://www.marxists.org/index.htm)", "[\[1\]](…/microsect.htm#na)", "[Archive](../index.htm)":
# the link's words may hold escaped brackets, not bare ones; the address no space.
LINK = re.compile(r"\[((?:\\[\[\]]|[^\[\]\n])+)\]\(([^\s()]+)\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def is_markdown(blocks: list[Block]) -> bool:
    """A page with Markdown headings of level 2 or more ("## The Paris Commune"; pass 10 read them): a
    plain text's backslashes ("D:\\>CD") and brackets stay its own, also where a root prompt "# mount …"
    stands alone on its line."""
    return any(b.attrs.get("rend", "").startswith("markdown") and b.attrs["rend"] != "markdown1" for b in blocks)


def mark_markdown(block: Block) -> tuple[int, int]:
    """Links and escapes of ``block``; returns (links, escapes)."""
    links = [m for m in LINK.finditer(block.text) if block.free(m.start(), m.end())]
    for m in links:
        block.add(Annotation(m.start(), m.end(), "ref", {"target": m.group(2), "rend": "markdown"},
                             trim=(1, m.end() - m.end(1))))
    escapes = [m for m in _ESCAPE.finditer(block.text) if block.free(m.start(), m.end())]
    for m in escapes:
        block.add(Annotation(m.start(), m.end(), "choice", alt=("orig", "reg", m.group(1))))
    return len(links), len(escapes)
