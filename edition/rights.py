"""What an edition says about its rights and where it lives, read once from edition.toml.

Two things have rights in an edition, and every record states them apart:
the *text* (the work as written: in copyright, or in the public domain, with
the holders the editor states) and the *edition* (this project's encoding,
register and apparatus, under the licence the editor chose).  The text's
status is a rightsstatements.org or Creative Commons public-domain URI, so a
library can act on it.

An edition's public address comes from ``[package] base_url``.  A placeholder
address (example.org, .invalid, a "FILL IN") is never published as if it were
real: reading one is an error that names edition.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import EditionError
from .project import Edition

# The statements an editor may give for the text, with the label records carry.
TEXT_STATUSES = {
    "http://rightsstatements.org/vocab/InC/1.0/": "In Copyright",
    "http://rightsstatements.org/vocab/InC-EDU/1.0/": "In Copyright - Educational Use Permitted",
    "http://rightsstatements.org/vocab/InC-NC/1.0/": "In Copyright - Non-Commercial Use Permitted",
    "http://rightsstatements.org/vocab/InC-RUU/1.0/": "In Copyright - Rights-holder(s) Unlocatable or Unidentifiable",
    "http://rightsstatements.org/vocab/NoC-US/1.0/": "No Copyright - United States",
    "http://rightsstatements.org/vocab/NoC-OKLR/1.0/": "No Copyright - Other Known Legal Restrictions",
    "http://rightsstatements.org/vocab/CNE/1.0/": "Copyright Not Evaluated",
    "http://rightsstatements.org/vocab/UND/1.0/": "Copyright Undetermined",
    "https://creativecommons.org/publicdomain/mark/1.0/": "Public Domain Mark 1.0",
}
NOT_EVALUATED = "http://rightsstatements.org/vocab/CNE/1.0/"

# Host names reserved for examples (RFC 2606, RFC 6761) and words of a template.
_PLACEHOLDER_HOST = re.compile(r"(^|\.)(example(\.(com|org|net))?|invalid|test|localhost)$")
_PLACEHOLDER_TEXT = re.compile(r"FILL IN|CHANGE ME|TODO", re.I)


@dataclass(frozen=True)
class Rights:
    text_status: str
    text_label: str
    text_holders: tuple[str, ...]
    edition_licence: str
    edition_licence_url: str | None

    def text_statement(self) -> str:
        """One sentence for the text, as records and the imprint print it."""
        holders = f" Rights holders: {'; '.join(self.text_holders)}." if self.text_holders else ""
        return f"The text: {self.text_label}.{holders}"

    def edition_statement(self) -> str:
        return f"This edition's encoding, register and apparatus: {self.edition_licence}."


def rights_of(edition: Edition) -> Rights:
    """The ``[rights]`` table; a missing table gives "Copyright Not Evaluated" and no licence."""
    table = edition.settings.get("rights", {})
    place = str(edition.toml_path)
    moved = [key for key in ("licence", "licence_url") if key in edition.settings.get("edition", {})]
    if moved:
        raise EditionError(
            f"[edition] {moved[0]} has moved: state the text's rights and this edition's licence apart, in "
            "[rights] text_status, text_holders, edition_licence and edition_licence_url",
            place,
        )
    if not isinstance(table, dict):
        raise EditionError("[rights] must be a table", place)
    status = str(table.get("text_status", NOT_EVALUATED))
    if status not in TEXT_STATUSES:
        known = ", ".join(TEXT_STATUSES)
        raise EditionError(f"[rights] text_status {status!r} is not one of the statements records can carry: {known}", place)
    holders = table.get("text_holders", [])
    if not isinstance(holders, list) or not all(isinstance(h, str) and h.strip() for h in holders):
        raise EditionError("[rights] text_holders must be a list of names", place)
    if any(_PLACEHOLDER_TEXT.search(h) for h in holders):
        raise EditionError("[rights] text_holders still holds a placeholder: name the rights holders or remove the key", place)
    licence = str(table.get("edition_licence", "All rights reserved"))
    url = table.get("edition_licence_url")
    return Rights(status, TEXT_STATUSES[status], tuple(holders), licence, real_url(url, "[rights] edition_licence_url", place) if url else None)


def edition_url(edition: Edition) -> str | None:
    """The edition's public address (its HTML edition), or None when ``[package] base_url`` is not set."""
    base = edition.settings.get("package", {}).get("base_url")
    if not base:
        return None
    return f"{real_url(base, '[package] base_url', str(edition.toml_path)).rstrip('/')}/{edition.slug}/html/"


def real_url(value, key: str, place: str) -> str:
    """``value`` if it is an http(s) URL that is not a placeholder; else a one-line error."""
    text = str(value).strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EditionError(f"{key} must be an http(s) URL, not {text!r}", place)
    if _PLACEHOLDER_HOST.search(parts.hostname) or _PLACEHOLDER_TEXT.search(text):
        raise EditionError(
            f"{key} is a placeholder ({text}): set the real address, or remove the key to publish without one", place
        )
    return text


def real_email(value, key: str, place: str) -> str:
    text = str(value).strip()
    domain = text.rpartition("@")[2]
    if "@" not in text or not domain:
        raise EditionError(f"{key} must be an e-mail address, not {text!r}", place)
    if _PLACEHOLDER_HOST.search(domain) or _PLACEHOLDER_TEXT.search(text):
        raise EditionError(f"{key} is a placeholder ({text}): set a real contact address", place)
    return text
