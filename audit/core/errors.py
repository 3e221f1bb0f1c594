"""One error base class; every user-facing failure is a JaanchError with one line to print."""

from __future__ import annotations

import re


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
            path = printable_name(str(self.path))  # a file name may hold a line break or an escape sequence
            where = f"{path}:{self.line}: " if self.line is not None else f"{path}: "
        return where + _LONG_RUN.sub(_shortened, self.reason.replace("\n", " "))


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable_name(name: str) -> str:
    """A file name as an error line or a report writes it: its control characters as backslash escapes
    (`new\\nline.txt`, `red\\x1b[31m.txt`). Raw, a line break cut the one line in two (grep, editors'
    quickfix lists and CI parsers read a path-less second half) and an escape sequence recoloured or
    rewrote the editor's terminal."""
    if _CONTROL.search(name) is None:
        return name
    return _CONTROL.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}"), name)


# A value quoted back from the input (a column name, a key, a field) can be a whole line of a file
# with no line break: the one line was megabytes long. Such a run is cut, saying how long it was.
_LONG_RUN = re.compile(r"\S{401,}")  # longer than any real path or value


def _shortened(match: re.Match) -> str:
    run = match.group()
    return f"{run[:120]}… ({len(run):,} characters)"


# The largest input file jaanch reads unless told otherwise (`--max-file-mb`): far above any news
# article (the longest real pages are tens of kB), and above the 50 MB article every check is held to
# audit in minutes (linear time, benchmarks/big_inputs.py), so only something that is no article (a
# disk image, standard input from /dev/zero) is refused, before it is read or once that much has come.
MAX_FILE_MB = 100.0
# A glossary or a configuration is read whole, and a glossary's every form is tokenized and indexed:
# fixed limits far above any real one (the house glossary is 23 kB, the concept table 0.4 MB, a
# jaanch.toml a few hundred bytes) refuse a wrong file named by --glossary or --config before it is read.
MAX_GLOSSARY_MB = 10.0
MAX_CONFIG_MB = 1.0


class InputError(JaanchError):
    """An article could not be read: undecodable, empty, missing, or an empty folder."""


class NotThisKind(InputError):
    """A .tsv, .jsonl, .xlf or .json file whose shape says it is no pairs file or CMS export at all
    (a glossary, someone's notes), as against a broken one: named, it is an error like any other;
    found in a folder beside the articles, `check` passes it over with a note."""


class GlossaryError(JaanchError):
    """A glossary or lexicon file is malformed."""


class UsageError(JaanchError):
    """The command line asks for something that cannot be done."""
