"""BagIt packages for archives and libraries: ``edition package`` and ``--verify``.

A package is ``dist/<slug>-bag/``, a BagIt bag (RFC 8493) made with the
``bagit`` library: the TEI master, the register, the schemas, the HTML,
EPUB and PDF outputs, the metadata records (METS, MODS, DC, an OAI static
repository), validation reports and a README, with sha256 and sha512
manifests.  It is assembled in a temporary folder and renamed into place,
so a failed run leaves the previous bag untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import shutil
import subprocess
import urllib.parse
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import bagit

from . import __version__
from .cache import sha256_of
from .clock import build_time
from .errors import EditionError
from .gates import epubcheck_jar
from .metadata import Records, describe, file_entries, oai_static_repository, write_mets
from .project import Edition
from .resources import data_dir
from .rights import real_email, real_url
from .validate import validate_files
from .validation import report as validation_report
from .xmlio import atomic_dir, parse_xml, usual_modes, write_text_atomic

# bagit logs every step, and its warnings would reach stderr through logging's
# last-resort handler; our errors are one line, built from its exceptions.
logging.getLogger("bagit").addHandler(logging.NullHandler())

CHECKSUMS = ["sha256", "sha512"]
METS = "mets.xml"
OAI_STATIC = "oai-static.xml"


def payload_uses(slug: str) -> dict[str, str]:
    """The METS fileGrp USE of each part of the payload (a path, or a folder ending in "/")."""
    return {
        "tei/": "master",
        "tei/register.xml": "register",
        "tei/schema/": "schema",
        "html/": "html",
        f"{slug}.epub": "epub",
        f"{slug}.pdf": "pdf",
        "metadata/": "metadata",
        "reports/": "reports",
        "README.txt": "documentation",
    }


@dataclass(frozen=True)
class Archive:
    """Who stands behind the package and where its OAI record is served: ``[package]`` in edition.toml.

    The OAI static repository needs three facts: where dist/ is served (``base_url``),
    the static repository gateway that makes it harvestable (``oai_gateway``) and a
    contact (``contact_email``).  Without any of them the bag is made without it; with
    some but not all, or with a placeholder, packaging stops and says which.
    """

    organization: str
    contact_email: str | None = None
    base_url: str | None = None
    oai_gateway: str | None = None
    contact_name: str | None = None
    address: str | None = None

    @classmethod
    def of(cls, edition: Edition) -> "Archive":
        settings = edition.settings.get("package", {})
        place = str(edition.toml_path)
        organization = settings.get("source_organization") or edition.settings.get("edition", {}).get("publisher")
        if not organization:
            raise EditionError("[package] source_organization (or [edition] publisher) is not set", place)
        oai_keys = ("base_url", "oai_gateway", "contact_email")
        given = [key for key in oai_keys if settings.get(key)]
        if given and len(given) < len(oai_keys):
            missing = " and ".join(key for key in oai_keys if key not in given)
            raise EditionError(f"[package] needs {missing} too (the OAI static repository's address, gateway and contact)", place)
        return cls(
            organization=organization,
            contact_email=real_email(settings["contact_email"], "[package] contact_email", place) if given else None,
            base_url=real_url(settings["base_url"], "[package] base_url", place).rstrip("/") if given else None,
            oai_gateway=real_url(settings["oai_gateway"], "[package] oai_gateway", place).rstrip("/") if given else None,
            contact_name=settings.get("contact_name"),
            address=settings.get("organization_address"),
        )

    def oai_file_url(self, edition: Edition) -> str:
        """Where the static repository file itself is served."""
        return f"{self.base_url}/{edition.slug}/{OAI_STATIC}"

    def oai_base_url(self, edition: Edition) -> str:
        """The repository's OAI-PMH base URL: the gateway's URL, a slash, and the file's URL
        without its scheme (OAI static repository specification, section 3)."""
        return f"{self.oai_gateway}/{self.oai_file_url(edition).split('://', 1)[1]}"


def bag_path(edition: Edition) -> Path:
    return edition.project.dist / f"{edition.slug}-bag"


def package_edition(edition: Edition) -> Path:
    """Write ``dist/<slug>-bag/`` and ``dist/<slug>/oai-static.xml``; return the bag's path."""
    archive = Archive.of(edition)
    inputs = payload_inputs(edition)
    created = build_time()
    target = bag_path(edition)
    with atomic_dir(target) as payload:
        _copy_inputs(inputs, payload)
        tei = payload / "tei" / edition.tei_path.name
        tei_reports(tei, payload / "reports")
        epubcheck_report(payload / f"{edition.slug}.epub", payload / "reports")
        records = _write_records(edition, tei, payload, archive, created)
        _write_readme(edition, payload, records, created)
        write_mets(tei, payload / METS, file_entries(payload, payload_uses(edition.slug), exclude=frozenset({METS})), created)
        _make_bag(payload, _bag_info(edition, archive, records, created))
        usual_modes(payload)
    oai = target / "data" / "metadata" / OAI_STATIC
    if oai.is_file():
        write_text_atomic(edition.dist_dir / OAI_STATIC, oai.read_text(encoding="utf-8"))
    return target


def payload_inputs(edition: Edition) -> dict[str, Path]:
    """Where each part of the payload comes from (payload path → file or folder).

    Every part must exist: a bag without its PDF or HTML is not what a
    library expects, so a missing output stops the run with one message.
    """
    slug, dist = edition.slug, edition.dist_dir
    inputs = {
        f"tei/{edition.tei_path.name}": edition.tei_path,
        "tei/register.xml": edition.project.register,
        "html": dist / "html",
        f"{slug}.epub": dist / f"{slug}.epub",
        f"{slug}.pdf": dist / f"{slug}.pdf",
    }
    missing = [str(path) for path in inputs.values() if not path.exists()]
    if missing:
        raise EditionError(f"missing {', '.join(missing)}: run `edition build all {slug}` (and convert) first")
    for schema in sorted(data_dir("schema").iterdir()):
        if schema.is_file() and not schema.name.startswith(".") and schema.suffix != ".py":
            inputs[f"tei/schema/{schema.name}"] = schema
    return inputs


def _copy_inputs(inputs: dict[str, Path], payload: Path) -> None:
    for relative, source in inputs.items():
        target = payload / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            # Hidden files (build caches, editor droppings) are not part of an edition.
            shutil.copytree(source, target, copy_function=shutil.copyfile, ignore=shutil.ignore_patterns(".*"))
        else:
            shutil.copyfile(source, target)


def tei_reports(tei: Path, reports: Path) -> None:
    """Validate the TEI master into reports/ (JSON and JUnit); an invalid master stops packaging."""
    results = _validation_results(tei, relative_to=reports.parent)
    write_text_atomic(reports / "tei-validation.json", validation_report.as_json(results))
    write_text_atomic(reports / "tei-validation.junit.xml", validation_report.as_junit(results))
    _require_valid(results, tei)


def validate_tei(tei: Path) -> None:
    """Re-validate a TEI file; raise with the first finding when it is not valid."""
    _require_valid(_validation_results(tei, relative_to=tei.parent), tei)


def _validation_results(tei: Path, relative_to: Path) -> list:
    """Validate with file names relative to ``relative_to``, as the reports in the bag should read."""
    with contextlib.chdir(relative_to):
        return validate_files([tei.relative_to(relative_to)])


def _require_valid(results, tei: Path) -> None:
    if validation_report.summary(results)["valid"]:
        return
    first = next(f for r in results for f in r.findings if f.severity == "error")
    raise EditionError(
        f"the TEI is not valid ({validation_report.summary_line(results)}); first: {first.as_text()}", str(tei)
    )


def epubcheck_report(epub: Path, reports: Path) -> Path | None:
    """Run EPUBCheck on ``epub`` into reports/epubcheck.json (None when EPUBCheck is not installed).

    The report records the EPUB's findings; they do not stop packaging, since
    the EPUB is a derivative and its own build already ran EPUBCheck.
    """
    jar = epubcheck_jar()
    if jar is None:
        return None
    target = reports / "epubcheck.json"
    raw = reports / ".epubcheck.raw.json"
    reports.mkdir(parents=True, exist_ok=True)
    command = ["java", "-jar", str(jar), str(epub), "--json", str(raw)]
    try:
        subprocess.run(command, capture_output=True, timeout=600, check=False)
        report = json.loads(raw.read_text(encoding="utf-8"))
    except (OSError, subprocess.TimeoutExpired, ValueError) as exc:
        raise EditionError(f"EPUBCheck gave no report: {exc}", str(epub)) from None
    finally:
        raw.unlink(missing_ok=True)
    write_text_atomic(target, json.dumps(_reproducible(report, epub.name), indent=2, ensure_ascii=False) + "\n")
    return target


def _reproducible(report: dict, name: str) -> dict:
    """Drop what differs between two runs on the same EPUB: the date, the time taken, the temporary path."""
    checker = report.get("checker", {})
    for key in ("checkDate", "elapsedTime"):
        checker.pop(key, None)
    checker["path"] = name
    return report


def _write_records(edition: Edition, tei: Path, payload: Path, archive: Archive, created: datetime) -> Records:
    records = describe(tei)
    folder = payload / "metadata"
    write_text_atomic(folder / "dc.xml", records.dc)
    write_text_atomic(folder / "mods.xml", records.mods)
    if archive.oai_gateway:
        oai = oai_static_repository(tei, archive.oai_base_url(edition), archive.contact_email, created)
        write_text_atomic(folder / OAI_STATIC, oai)
    return records


README = """\
{title}
{underline}

Identifier: {identifier}
Packaged by edition {version} on {date}.

This folder is a BagIt bag (RFC 8493). Its payload, data/, holds:

  tei/{slug}.xml          the TEI P5 master of the edition (the text, its
                          register entries and its teiHeader)
  tei/register.xml        the project's register of persons, places and
                          organisations, with authority identifiers
  tei/schema/             the schemas the master is validated against
  html/                   the HTML edition: open html/index.html
  {slug}.epub             the EPUB 3 edition
  {slug}.pdf              the PDF edition
  mets.xml                METS: descriptive metadata (MODS, DC), every file
                          with its SHA-256, and the divisions of the text
  metadata/dc.xml         Dublin Core (oai_dc)
  metadata/mods.xml       MODS 3.8
  metadata/oai-static.xml an OAI-PMH static repository offering both records
  reports/                validation of the TEI (JSON, JUnit XML) and, when
                          EPUBCheck was available, of the EPUB (JSON)
  README.txt              this file

Check completeness and fixity (sha256 and sha512 manifests) with
  edition package --verify <this folder>
or any BagIt validator, e.g. `bagit.py --validate <this folder>`.
"""


def _write_readme(edition: Edition, payload: Path, records: Records, created: datetime) -> None:
    title = records.title()
    text = README.format(
        title=title,
        underline="=" * len(title),
        identifier=records.identifier(),
        version=__version__,
        date=created.strftime("%Y-%m-%d"),
        slug=edition.slug,
    )
    write_text_atomic(payload / "README.txt", text)


def _bag_info(edition: Edition, archive: Archive, records: Records, created: datetime) -> dict[str, str]:
    info = {
        "Source-Organization": archive.organization,
        "Organization-Address": archive.address,
        "Contact-Name": archive.contact_name,
        "Contact-Email": archive.contact_email,
        "External-Description": records.title(),
        "External-Identifier": records.identifier(),
        "Bag-Group-Identifier": records.identifier(),
        "Internal-Sender-Identifier": edition.slug,
        "Bagging-Date": created.strftime("%Y-%m-%d"),
        "Bag-Software-Agent": f"edition {__version__} (bagit.py {bagit.VERSION})",
    }
    return {key: value for key, value in info.items() if value}


def _make_bag(folder: Path, info: dict[str, str]) -> None:
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    info["Bag-Size"] = _human_size(size)
    try:
        bagit.make_bag(str(folder), info, processes=1, checksums=CHECKSUMS)
    except (bagit.BagError, OSError) as exc:
        raise EditionError(f"cannot make the bag: {exc}", str(folder)) from None
    _declare_bagit_1_0(folder)


BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def _declare_bagit_1_0(folder: Path) -> None:
    """bagit.py writes version 0.97; the bag is made as RFC 8493 (BagIt 1.0) asks, so say 1.0,
    and update the tag manifests' line for bagit.txt."""
    (folder / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
    for algorithm in CHECKSUMS:
        digest = hashlib.new(algorithm, BAGIT_TXT.encode("utf-8")).hexdigest()
        manifest = folder / f"tagmanifest-{algorithm}.txt"
        lines = manifest.read_text(encoding="utf-8").splitlines()
        manifest.write_text("".join(f"{digest} bagit.txt\n" if line.endswith(" bagit.txt") else f"{line}\n" for line in lines), encoding="utf-8")


def _human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def verify_bag(path: Path) -> str:
    """Check a bag's completeness and fixity and re-validate its TEI; return a one-line summary."""
    path = Path(path)
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as exc:
        raise EditionError(f"not a BagIt bag: {exc}", str(path)) from None
    _check_fixity(bag, path)
    masters = sorted(p for p in (path / "data" / "tei").glob("*.xml") if p.name != "register.xml")
    if not masters:
        raise EditionError("the bag holds no TEI master (data/tei/<slug>.xml)", str(path))
    for master in masters:
        validate_tei(master)
    # after the TEI, so an invalid master re-bagged after an edit is named for what it is
    _check_mets(path / "data")
    files, size = len(bag.payload_entries()), int(bag.info.get("Payload-Oxum", "0.0").split(".")[0])
    names = ", ".join(p.relative_to(path).as_posix() for p in masters)
    return f"{path}: bag valid ({files} payload files, {size} bytes, {' and '.join(sorted(bag.algorithms))} fixity); TEI valid: {names}"


def _check_fixity(bag: bagit.Bag, path: Path) -> None:
    try:
        bag.validate(processes=1)
    except bagit.BagValidationError as exc:
        if not exc.details and "Payload-Oxum" in bag.info:
            # bagit stops at a wrong total size (Payload-Oxum) without naming a file;
            # without the total it checks file by file, and the error names the file.
            del bag.info["Payload-Oxum"]
            _check_fixity(bag, path)
        raise _damage(path, exc) from None
    except bagit.BagError as exc:
        raise EditionError(f"invalid bag: {exc}", str(path)) from None


def _check_mets(payload: Path) -> None:
    """The METS fileSec must match the payload file for file: a file edited and then
    re-manifested passes BagIt's fixity, but not this."""
    mets = payload / METS
    if not mets.is_file():
        raise EditionError("the bag holds no METS document", str(mets))
    files = parse_xml(mets).getroot().iterfind(".//{http://www.loc.gov/METS/}file")
    listed = {}
    for file in files:
        href = file.find("{http://www.loc.gov/METS/}FLocat").get("{http://www.w3.org/1999/xlink}href")
        listed[urllib.parse.unquote(href)] = file.get("CHECKSUM")
    present = {p.relative_to(payload).as_posix() for p in payload.rglob("*") if p.is_file()} - {METS}
    for relative in sorted(present | set(listed)):
        if relative not in listed:
            raise EditionError("in the payload but not in the METS fileSec", str(payload / relative))
        if relative not in present:
            raise EditionError("listed in the METS fileSec but missing from the payload", str(payload / relative))
        if sha256_of(payload / relative) != listed[relative]:
            raise EditionError("SHA-256 differs from the METS fileSec: the file changed after packaging", str(payload / relative))


def _damage(path: Path, exc: bagit.BagValidationError) -> EditionError:
    """One line naming the first damaged file; a damaged tag file (a manifest) first, since
    an edited manifest makes its payload files look damaged too."""
    for detail in sorted(exc.details, key=lambda d: str(d.path).startswith("data/")):
        where = str(path / detail.path)
        if isinstance(detail, bagit.ChecksumMismatch):
            return EditionError(f"{detail.algorithm} checksum mismatch: the file changed after packaging", where)
        if isinstance(detail, bagit.FileMissing):
            return EditionError("listed in the manifest but missing from the bag", where)
        if isinstance(detail, bagit.UnexpectedFile):
            return EditionError("in the bag but not in its manifest", where)
    return EditionError(f"invalid bag: {exc.message}", str(path))
