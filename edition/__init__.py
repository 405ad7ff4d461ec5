"""A TEI P5 toolchain for scholarly digital editions."""

__version__ = "0.1.0"
