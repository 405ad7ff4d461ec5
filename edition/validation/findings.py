"""What validation produces: findings, and the outcome of each layer for each file.

A layer is one schema applied to one file.  Its name is the ``schema`` of its
findings: ``xml`` (readable, well-formed), ``tei_all`` (TEI P5), ``edition.rng``
(the project schema) and ``edition.sch`` (the project's Schematron rules).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

LAYERS = ("xml", "tei_all", "edition.rng", "edition.sch")


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int  # 0 when the finding concerns the whole file
    column: int  # 0 when unknown
    severity: str  # "error", "warning" or "info" (context for another finding, never counted)
    schema: str
    rule: str
    message: str

    def as_text(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: [{self.schema}/{self.rule}] {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Layer:
    """One schema's verdict on one file: passed, failed, or skipped with a reason."""

    schema: str
    engine: str = ""
    skipped: str = ""  # why the layer did not run; empty when it ran
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def status(self) -> str:
        if self.skipped:
            return "skipped"
        return "failed" if self.errors else "passed"


@dataclass
class FileResult:
    file: str
    layers: dict[str, Layer]

    @classmethod
    def new(cls, file: str) -> "FileResult":
        return cls(file, {name: Layer(name) for name in LAYERS})

    @property
    def findings(self) -> list[Finding]:
        return sorted(f for layer in self.layers.values() for f in layer.findings)

    @property
    def valid(self) -> bool:
        return not any(layer.errors for layer in self.layers.values())

    def skip(self, reason: str, *schemas: str) -> None:
        for schema in schemas:
            self.layers[schema].skipped = reason
