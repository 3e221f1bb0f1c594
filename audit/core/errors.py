"""One error base class; every user-facing failure is a JaanchError with one line to print."""

from __future__ import annotations


class JaanchError(Exception):
    """Base class for errors that end a run with a one-line message and exit code 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = ""
        if self.path is not None:
            path = str(self.path).replace("\n", "\\n").replace("\r", "\\r")  # a file name may hold a line break
            where = f"{path}:{self.line}: " if self.line is not None else f"{path}: "
        return where + self.reason.replace("\n", " ")


# The largest input file jaanch reads unless told otherwise (`--max-file-mb`): far above any news
# article (the longest real pages are tens of kB; an HTML page with its scripts a few MB), so a pasted
# archive or a log is refused before it is read instead of holding a check for minutes.
MAX_FILE_MB = 5.0


class InputError(JaanchError):
    """An article could not be read: undecodable, empty, missing, or an empty folder."""


class GlossaryError(JaanchError):
    """A glossary or lexicon file is malformed."""


class UsageError(JaanchError):
    """The command line asks for something that cannot be done."""
