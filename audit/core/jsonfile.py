"""Reading the JSON documents a user hands jaanch (CMS exports, pairs files, baselines, suppressions,
a house LM's meta.json): every way a file can fail json.loads, and a key named twice, which json.loads
would pass over, is one InputError naming the file and the line."""

from __future__ import annotations

from pathlib import Path

from audit.core.errors import InputError
from audit.core.lines import LineIndex


def load_json(text: str, path: str | Path, line: int | None = None):
    """json.loads, with every way a hostile file can fail it (syntax, nesting 100,000 deep, a
    5,000-digit number) as one InputError naming the file and the line."""
    import json

    try:
        return json.loads(text, object_pairs_hook=_one_of_each)
    except _Repeated as exc:  # json keeps the last and drops the first without a word: which was meant?
        where = _object_line(text) if line is None else line
        raise RepeatedKey(f"a JSON object names {exc.key!r} twice; keep one", str(path), where) from None
    except json.JSONDecodeError as exc:
        # json counts only "\n" as a line end; a lone-CR file's line is the one an editor shows
        where = LineIndex(text).line(exc.pos) if line is None else line
        raise InputError(f"not valid JSON: {exc.msg} (column {exc.colno})", str(path), where) from None
    except RecursionError:
        raise InputError("JSON nested too deeply to be a real document", str(path), line) from None
    except ValueError as exc:  # Python's limit on the digits of an integer
        # its message told the user to call sys.set_int_max_str_digits(): say what is in the file
        import re

        digits = re.search(r"value has (\d+) digits", str(exc))
        number = f"a number of {int(digits[1]):,} digits" if digits else "a number too long to read"
        raise InputError(f"not usable JSON: {number}, longer than any real document has", str(path), line) from None


class RepeatedKey(InputError):
    """A JSON object names a key twice (json.loads keeps the last, dropping the first without a word).
    A reader that passes over files of other kinds (`NotThisKind`) asks first whether the file is one."""


def load_json_loosely(text: str):
    """json.loads as it stands (a repeated key's last value kept), or None where it fails: only to
    tell what kind of file one refused for a repeated key is."""
    import json

    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


class _Repeated(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key, self.at = key, None


def _one_of_each(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object's fields as a dict, refusing a key named twice."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        raise _Repeated(next(key for key, _ in pairs if key in seen or seen.add(key)))
    return out


def _object_line(text: str) -> int | None:
    """The line where the (innermost) object naming a key twice opens: parsed again, on the rare
    refusal, by json's pure-Python scanner, whose object parser is told where each object starts."""
    import json
    from json.scanner import py_make_scanner

    decoder = json.JSONDecoder(object_pairs_hook=_one_of_each)
    parse = decoder.parse_object

    def parse_object(s_and_end, *args):
        try:
            return parse(s_and_end, *args)
        except _Repeated as exc:
            if exc.at is None:
                exc.at = s_and_end[1] - 1  # the object's "{"
            raise

    decoder.parse_object = parse_object
    decoder.scan_once = py_make_scanner(decoder)
    try:
        decoder.decode(text)
    except _Repeated as exc:
        return LineIndex(text).line(exc.at)
    except (RecursionError, ValueError):
        pass
    return None
