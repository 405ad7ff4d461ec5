"""What WeasyPrint may load: local files inside the edition's own folders, nothing else.

A print stylesheet or a TEI text could name ``http://...`` or ``file:///etc/...``;
WeasyPrint would fetch either.  ``edition_url_fetcher`` refuses both with a fatal
error (the build stops with one line naming the URL) and allows ``data:`` URIs
and files under the project, the shipped styles and the installed font packages.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from .errors import EditionError
from .project import Edition
from .resources import data_dir


def font_dirs() -> list[Path]:
    """Folders of the installed ``fontpkg_*`` packages (found without importing them)."""
    found = {p.resolve() for entry in sys.path if entry for p in Path(entry).glob("fontpkg_*/files")}
    return sorted(found)


def allowed_roots(edition: Edition) -> list[Path]:
    return [edition.project.root.resolve(), data_dir("styles").resolve(), data_dir("xslt").resolve(), *font_dirs()]


def edition_url_fetcher(edition: Edition, extra_roots: tuple[Path, ...] = ()):
    """A WeasyPrint ``url_fetcher`` confined to ``allowed_roots(edition)`` plus ``extra_roots``."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    roots = [*allowed_roots(edition), *(Path(r).resolve() for r in extra_roots)]

    class ConfinedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            try:
                check_url(url, roots)
            except EditionError as exc:
                raise FatalURLFetchingError(str(exc)) from None
            return super().fetch(url, headers)

    return ConfinedFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


def check_url(url: str, roots: list[Path]) -> None:
    """Refuse ``url`` unless it is a ``data:`` URI or a file under one of ``roots``."""
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return
    if parsed.scheme != "file":
        raise EditionError(f"refused to fetch {url!r}: only files of the edition may be loaded")
    path = Path(unquote(parsed.path)).resolve()
    if not any(path.is_relative_to(root) for root in roots):
        raise EditionError(f"refused to fetch {url!r}: outside the edition's folders")
