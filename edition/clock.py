"""The time a run stamps on what it makes.

``SOURCE_DATE_EPOCH`` (reproducible-builds.org), when set, stands for "now", so
two runs over the same sources give the same bytes: the TEI header's release
date, the PDF colophon, the EPUB's ``dcterms:modified`` and zip entries, the
package's METS, OAI and bag-info dates.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from .errors import EditionError


def reproducible_time() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC time, or None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise EditionError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {epoch!r}") from None


def build_time() -> datetime:
    """``SOURCE_DATE_EPOCH`` when set, else now (UTC, whole seconds)."""
    return reproducible_time() or datetime.now(timezone.utc).replace(microsecond=0)
