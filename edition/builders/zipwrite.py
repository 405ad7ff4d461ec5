"""Reproducible OCF (EPUB) zip containers.

Two builds from the same inputs must give the same bytes, so every entry gets
the same timestamp (from ``SOURCE_DATE_EPOCH``), fixed permissions and a fixed
order; ``mimetype`` comes first and is stored uncompressed, as OCF requires.
"""

from __future__ import annotations

import io
import time
import zipfile


MIMETYPE = b"application/epub+zip"
ZIP_EPOCH_MIN = 315532800  # 1980-01-01: the earliest date a zip entry can hold
# Already compressed formats: deflating them again only costs time (and often bytes).
STORED_SUFFIXES = (".woff2", ".png", ".jpg")


def _entry(name: str, epoch: int, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6])
    info.compress_type = compress
    info.create_system = 3  # Unix, whatever the building machine
    info.external_attr = 0o100644 << 16
    return info


def ocf_bytes(files: dict[str, bytes], epoch: int) -> bytes:
    """The EPUB container holding ``files`` (path inside the zip → content)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_entry("mimetype", epoch, zipfile.ZIP_STORED), MIMETYPE)
        for name in sorted(files, key=lambda n: (not n.startswith("META-INF/"), n)):
            method = zipfile.ZIP_STORED if name.endswith(STORED_SUFFIXES) else zipfile.ZIP_DEFLATED
            archive.writestr(_entry(name, epoch, method), files[name], compresslevel=9)
    return buffer.getvalue()
