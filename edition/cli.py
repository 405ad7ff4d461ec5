"""The ``edition`` command: convert, validate, review, build, package.

Every command works on a project folder (``--project``, default: the current
folder).  Errors the user can act on are printed as one line
``error: place: message`` with exit status 1, never as a traceback.
"""

from __future__ import annotations

import gc
import sys
from functools import wraps
from pathlib import Path

import click

from . import BUILD_ORDER, __version__
from .errors import EditionError
from .project import Project, check_slug


def _clean_errors(command):
    """Turn EditionError into one line on stderr and exit status 1."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except EditionError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper


def _project(ctx: click.Context) -> Project:
    return ctx.obj


def _slugs(project: Project, slugs: tuple[str, ...]) -> list[str]:
    chosen = list(slugs) or project.slugs()
    if not chosen:
        raise EditionError("no editions found (sources/<slug>/edition.toml)", str(project.sources))
    return chosen


class Program(click.Group):
    """The command group run as a program (the ``edition`` script, ``python -m edition``)."""

    def __call__(self, *args, **kwargs):
        try:
            return self.main(*args, **kwargs)
        finally:
            # The process ends now.  Its last cyclic collection would walk every object the
            # command made (after ``build all``, 0.05 s of the tail; measured in 0.07 s exits
            # against 0.03 s); frozen, they are left to the exit.  (The tests' CliRunner
            # calls ``main.main``, so their process is not frozen.)
            gc.freeze()


@click.group(cls=Program)
@click.version_option(__version__, prog_name="edition")
@click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Project folder holding sources/, tei/ and dist/.",
)
@click.pass_context
def main(ctx: click.Context, project_dir: Path) -> None:
    """Turn plain texts into TEI P5 editions and publish them as HTML, EPUB and PDF."""
    ctx.obj = Project(project_dir.resolve())


@main.command()
@click.argument("slugs", nargs=-1)
@click.pass_context
@_clean_errors
def convert(ctx: click.Context, slugs: tuple[str, ...]) -> None:
    """Up-convert sources/<slug>/ to tei/<slug>.xml (all editions if no slug is given)."""
    from .convert import convert_edition

    project = _project(ctx)
    for slug in _slugs(project, slugs):
        click.echo(convert_edition(project.edition(slug)))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text", show_default=True)
@click.pass_context
@_clean_errors
def validate(ctx: click.Context, files: tuple[Path, ...], fmt: str) -> None:
    """Validate TEI files: TEI P5 tei_all, the project schema and Schematron rules."""
    from .validate import validate_command

    sys.exit(validate_command(list(files), fmt, _project(ctx)))


@main.command()
@click.argument("slug")
@click.option("--ids", is_flag=True, help="Review the register entries of the edition that lack an authority id, instead of the names it lacks.")
@click.option("--reconcile", is_flag=True, help="Ask the reconciliation service of edition.toml [reconcile] (default: Wikidata) for ids; answers are cached under sources/SLUG/.")
@click.option("--export", "export_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the names as a decisions file (CSV) to edit.")
@click.option("--apply", "apply_path", type=click.Path(dir_okay=False, path_type=Path), help="Apply an edited decisions file to the register and edition.toml.")
@click.pass_context
@_clean_errors
def review(ctx: click.Context, slug: str, ids: bool, reconcile: bool, export_path: Path | None, apply_path: Path | None) -> None:
    """Show the names the register lacks (with suggested ids) and uncertain quotations; export or apply decisions."""
    edition = _project(ctx).edition(slug)
    from .review import apply_command, review_command

    if apply_path is not None:
        if export_path is not None or reconcile or ids:
            raise EditionError("--apply runs alone (not with --export, --reconcile or --ids)")
        apply_command(edition, apply_path)
        return
    review_command(edition, reconcile, export_path, ids)


@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["all", *BUILD_ORDER]))
@click.argument("slugs", nargs=-1)
@click.option("--pdf-variant", type=click.Choice(["pdf/ua-1", "pdf/a-3b"]), default=None, help="Tagged or archival PDF.")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed.")
@click.option("--all-editions", is_flag=True, help="Build every edition under sources/ (the default when no SLUG is given).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes: editions built in parallel (default 1); for one edition, the PDF's typesetting workers (default: one per core).")
@click.option("--pdf-chunks", type=click.Choice(["auto", "on", "off"]), default="auto", show_default=True,
              help="Typeset a long book's PDF in chunks, in parallel (auto: by its length).")
@click.option("--shard", metavar="I/N", help="Build only share I of N of the sorted editions (round-robin), e.g. 2/4.")
@click.option("--no-check", is_flag=True, help="Skip the validator gates (TEI schema, EPUBCheck).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Also say what was built or skipped, and how long it took.")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
@_clean_errors
def build(ctx: click.Context, fmt: str, slugs: tuple[str, ...], all_editions: bool, shard: str | None, **flags) -> None:
    """Build an output (html, epub, pdf or all) for the named editions (default: all).

    Only what changed since the last build is rebuilt; outputs are validated and
    then renamed into dist/<slug>/, so dist/ never holds a partial file.
    """
    from .buildcli import run_build

    if all_editions and slugs:
        raise EditionError("give SLUGs or --all-editions, not both")
    project = _project(ctx)
    chosen = [check_slug(slug) for slug in slugs] or _slugs(project, ())
    formats = BUILD_ORDER if fmt == "all" else (fmt,)
    sys.exit(run_build(project, chosen, formats, shard=shard, **flags))


@main.command()
@click.argument("slug")
@click.argument("textfile", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--encoding", help="TEXTFILE's encoding (e.g. latin-1, cp1252), when it is not UTF-8 and does not declare it.")
@click.pass_context
@_clean_errors
def new(ctx: click.Context, slug: str, textfile: Path, encoding: str | None) -> None:
    """Start a new edition: sources/<SLUG>/ with a copy of TEXTFILE and an edition.toml to fill in.

    A text in another encoding (declared in its Project Gutenberg header, by a UTF-16
    byte-order mark, or given with --encoding) is stored as UTF-8.  A web page (.html) is
    kept as received beside the text taken out of it, which becomes the source."""
    from .scaffold import new_edition

    click.echo(new_edition(_project(ctx), check_slug(slug), textfile, encoding, notify=click.echo))


@main.command()
@click.argument("shards", nargs=-1, type=click.Path(path_type=Path, file_okay=False))
@click.option("--base-url", required=True, help="Where the corpus is served, e.g. https://example.org/editions.")
@click.option("--admin-email", required=True, help="The OAI-PMH repository's contact.")
@click.option("--name", default="Editions", show_default=True, help="The corpus's name (landing page, OAI repository).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), help="Where to write (default: the project's dist/).")
@click.pass_context
@_clean_errors
def catalogue(ctx: click.Context, shards: tuple[Path, ...], base_url: str, admin_email: str, name: str, out_dir: Path | None) -> None:
    """Gather the dist/ folders of a sharded build (default: the project's dist/) into one
    folder with a landing page, an OAI-PMH static repository and a sitemap of the corpus."""
    from .catalogue import make_catalogue

    target = out_dir or _project(ctx).dist
    entries = make_catalogue(list(shards) or [target], target, name, base_url, admin_email)
    click.echo(f"{target / 'index.html'}: {len(entries)} editions")


@main.command()
@click.argument("slug", required=False)
@click.option("--verify", "verify_path", type=click.Path(path_type=Path), help="Check an existing bag instead of writing one.")
@click.pass_context
@_clean_errors
def package(ctx: click.Context, slug: str | None, verify_path: Path | None) -> None:
    """Write dist/<slug>-bag/, a BagIt package for archives and libraries."""
    from .package import package_edition, verify_bag

    if verify_path is not None:
        click.echo(verify_bag(verify_path))
        return
    if slug is None:
        raise EditionError("give a SLUG to package, or --verify PATH")
    click.echo(package_edition(_project(ctx).edition(slug)))


@main.command()
@click.argument("slug", required=False)
@click.option("--no-browser", is_flag=True, help="Print the address only; do not open a browser.")
@click.pass_context
@_clean_errors
def workbench(ctx: click.Context, slug: str | None, no_browser: bool) -> None:
    """Confirm names, ids, quotations and corrections in the browser (a local server; Ctrl-C stops it)."""
    from .workbench import serve

    def announce(url: str) -> None:
        click.echo(f"workbench: {url}\n(Ctrl-C to stop)")

    serve(_project(ctx), check_slug(slug) if slug else None, not no_browser, announce)
