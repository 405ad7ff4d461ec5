"""The cover image: title and authors set in EB Garamond on a plain ground.

Drawn with Pillow (installed with WeasyPrint). The result is a small palette
PNG; the same inputs give the same bytes (Pillow writes no timestamp), so it is
kept across runs by the sha256 of its inputs (``kept_cover_png``).
"""

from __future__ import annotations

import hashlib
import io
import json
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from ..xmlio import write_bytes_atomic

SIZE = (1200, 1800)
GROUND = (38, 52, 71)
INK = (244, 238, 224)
ACCENT = (201, 164, 92)
MARGIN = 120


def _font(path: Path, size: int, weight: int) -> ImageFont.FreeTypeFont:
    font = ImageFont.truetype(str(path), size)
    font.set_variation_by_axes([weight])
    return font


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy line breaking at spaces to fit ``width`` pixels."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _draw_lines(draw: ImageDraw.ImageDraw, lines: list[str], font, top: int, leading: int, fill) -> int:
    """Centre each line horizontally from ``top``; return the y below the last line."""
    for line in lines:
        draw.text((SIZE[0] // 2, top), line, font=font, fill=fill, anchor="ma")
        top += leading
    return top


@cache  # drawn once per process: ``edition build all`` draws it ahead, while the PDF is typeset
def cover_png(title: str, authors: tuple[str, ...], font_path: Path, note: str) -> bytes:
    """A cover showing ``title``, ``authors`` and a one-line ``note`` (e.g. the edition)."""
    image = Image.new("RGB", SIZE, GROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    title_font = _font(font_path, 118, 600)
    y = _draw_lines(draw, _wrap(title, title_font, width), title_font, 420, 140, INK)
    draw.line([(MARGIN * 3, y + 60), (SIZE[0] - MARGIN * 3, y + 60)], fill=ACCENT, width=4)
    author_font = _font(font_path, 72, 400)
    _draw_lines(draw, authors, author_font, y + 140, 96, INK)
    note_font = _font(font_path, 44, 400)
    _draw_lines(draw, _wrap(note, note_font, width), note_font, SIZE[1] - 240, 60, ACCENT)
    out = io.BytesIO()
    image.quantize(colors=32, dither=Image.Dither.NONE).save(out, "PNG", optimize=True)
    return out.getvalue()


def kept_cover_png(title: str, authors: tuple[str, ...], font_path: Path, note: str, folder: Path) -> bytes:
    """``cover_png``, kept in ``folder`` under the sha256 of all it is drawn from (the words,
    the font file, this module and Pillow's version): drawing, quantizing and compressing it
    takes some 0.25 s of CPU, which ``build all --force`` spent beside the typesetting."""
    digest = hashlib.sha256(json.dumps([title, authors, note, PIL.__version__]).encode())
    for path in (font_path, Path(__file__)):
        digest.update(path.read_bytes())
    kept = folder / f"{digest.hexdigest()}.png"
    if kept.is_file():
        return kept.read_bytes()
    data = cover_png(title, authors, font_path, note)
    write_bytes_atomic(kept, data)
    return data
