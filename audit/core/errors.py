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
# article (the longest real pages are tens of kB), and above the 50 MB article every check is held to
# audit in minutes (linear time, benchmarks/big_inputs.py), so only something that is no article (a
# disk image, standard input from /dev/zero) is refused, before it is read or once that much has come.
MAX_FILE_MB = 100.0


class InputError(JaanchError):
    """An article could not be read: undecodable, empty, missing, or an empty folder."""


class GlossaryError(JaanchError):
    """A glossary or lexicon file is malformed."""


class UsageError(JaanchError):
    """The command line asks for something that cannot be done."""
