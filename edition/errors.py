"""The one exception the command line turns into a clean one-line error."""


class EditionError(Exception):
    """An error the user can act on: printed as ``place: message``, exit status 1.

    ``place`` names the file and, where known, the line and column
    (``sources/x/text.txt:12:5``).
    """

    def __init__(self, message: str, place: str | None = None):
        super().__init__(message)
        self.message = message
        self.place = place

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message
