"""What ``edition build`` tells the user: paths, progress, timings, failures.

Text mode prints each artefact's path on stdout (so scripts can use it), one
line per failure on stderr, and with ``--verbose`` what was built or skipped
and how long it took.  On a terminal a progress bar shows the steps.  JSON mode
prints one object per line on stdout for every event, nothing else.
"""

from __future__ import annotations

import contextlib
import json
import sys

import click

QUIET, NORMAL, VERBOSE = 0, 1, 2


class Log:
    def __init__(self, level: int = NORMAL, fmt: str = "text"):
        self.level = level
        self.fmt = fmt
        self._bar = None

    @classmethod
    def from_flags(cls, quiet: bool, verbose: bool, fmt: str) -> "Log":
        return cls(QUIET if quiet else VERBOSE if verbose else NORMAL, fmt)

    def event(self, kind: str, line: str, **fields) -> None:
        """Report one event; ``line`` is its plain-text form, ``fields`` its JSON form."""
        if self.fmt == "json":
            click.echo(json.dumps({"event": kind, **fields}, sort_keys=True, default=str))
        elif kind == "warning" and self.level >= NORMAL:
            self._echo(f"warning: {line}", err=True)
        elif kind == "error":
            # One line per failure; the rest of a long message (a Saxon report) with --verbose.
            first, *rest = line.splitlines() or [""]
            self._echo(f"error: {first}", err=True)
            for more in rest:
                self.detail(f"  {more}")
        elif kind in ("built", "fresh") and self.level >= NORMAL:
            self._echo(str(fields["path"]))
            self.detail(line)
        else:
            self.detail(line)

    def detail(self, message: str) -> None:
        if self.level >= VERBOSE and self.fmt == "text":
            self._echo(message, err=True)

    def _echo(self, line: str, err: bool = False) -> None:
        # Keep the bar on its own line: clear it, print, let the next update redraw it.
        if self._bar is not None:
            click.echo("\r\033[K", nl=False, err=True)
        click.echo(line, err=err)

    @contextlib.contextmanager
    def progress(self, total: int, label: str):
        """A progress bar on a terminal for multi-step runs; nothing otherwise."""
        if total < 2 or self.fmt != "text" or self.level == QUIET or not sys.stderr.isatty():
            yield lambda steps=1: None
            return
        with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
            self._bar = bar
            try:
                yield bar.update
            finally:
                self._bar = None
