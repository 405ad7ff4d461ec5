"""Where the shipped data lives: XSLT, CSS and schemas.

In a source checkout they are the top-level folders ``xslt/``, ``styles/`` and
``tei/schema/``; in an installed wheel they are ``edition/xslt`` and so on
(pyproject.toml maps them).  One function hides the difference.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = {"xslt": "xslt", "styles": "styles", "schema": "tei/schema"}


def data_dir(name: str) -> Path:
    """The folder of shipped data called ``name`` (xslt, styles or schema)."""
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / _CHECKOUT[name]
