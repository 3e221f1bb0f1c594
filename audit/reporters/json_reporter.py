from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring  # the C encoder when available, as json.dumps uses

from audit.reporters.base import FileResult, Reporter


def _scalar(value) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)  # what json.dumps writes for an int (and an IntEnum), without its set-up
    if isinstance(value, float) and value == value and value not in (_INF, -_INF):
        return float.__repr__(value)
    return json.dumps(value)  # NaN, Infinity and anything else: json.dumps's own spelling


_INF = float("inf")


def _indented(value, depth: int) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)` as it prints at nesting `depth`.

    json.dumps falls back to its pure-Python encoder whenever indent is set; over an archive
    that is most of the report's cost, so the layout is written here and each leaf by the
    C encoder. A test compares the bytes with json.dumps. Leaves are written in the loop, not
    by a call per value: a 50 MB article has millions of them.
    """
    pad = "\n" + " " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = []
        for k, v in value.items():
            if v.__class__ is str:
                items.append(f"{encode_basestring(k)}: {encode_basestring(v)}")
            elif isinstance(v, (dict, list)):
                items.append(f"{encode_basestring(k)}: {_indented(v, depth + 1)}")
            else:
                items.append(f"{encode_basestring(k)}: {_scalar(v)}")
        return "{" + pad + ("," + pad).join(items) + "\n" + " " * depth + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + pad + ("," + pad).join(_indented(v, depth + 1) for v in value) + "\n" + " " * depth + "]"
    return _scalar(value)


class JsonReporter(Reporter):
    """One JSON array of finding objects (see Finding.to_dict for the fields).

    Written item by item, byte for byte what `json.dumps(items, indent=1)` gives for the
    whole array, so a run over an archive never holds the report in memory.
    """

    name = "json"

    def start(self) -> str:
        self._count = 0
        return ""

    def add(self, result: FileResult) -> str:
        return "".join(self.parts(result))

    def parts(self, result: FileResult) -> Iterator[str]:
        for f in result.findings:
            yield ("[\n " if self._count == 0 else ",\n ") + _indented(f.to_dict(), 1)
            self._count += 1

    def finish(self) -> str:
        return "[]\n" if self._count == 0 else "\n]\n"
