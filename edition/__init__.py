"""A TEI P5 toolchain for scholarly digital editions."""

__version__ = "0.1.0"

# The outputs, in the order they are built: the EPUB page-list and the HTML downloads read the PDF.
BUILD_ORDER = ("pdf", "epub", "html")
