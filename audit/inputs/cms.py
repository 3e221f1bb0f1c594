"""What CMSes export: HTML (the article body's text) and JSON (one text field), offsets kept exact.

The article text is extracted with the file offset of every character, audited like any article,
and the findings are moved back to offsets in the HTML or JSON file itself.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from audit.core.document import decode_article
from audit.core.errors import InputError, NotThisKind
from audit.core.fileio import read_bytes
from audit.core.jsonfile import RepeatedKey, load_json, load_json_loosely
from audit.core.lines import LineIndex
from audit.inputs.segments import Pair

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "figcaption"}
_SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form"}


class _Body(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.source = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.skip = 0
        self.in_article = 0
        self.has_article = "<article" in text.lower()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _active(self) -> bool:
        return not self.skip and (self.in_article or not self.has_article)

    def _newline(self) -> None:
        if self.chars and self.chars[-1] != "\n":
            at = self._offset()
            self.chars.append("\n")
            self.starts.append(at)
            self.ends.append(at)

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        if tag == "article":
            self.in_article += 1
        if tag in _BLOCKS and self._active():
            self._newline()

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1
        if tag in _BLOCKS and self._active():
            self._newline()
        if tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_data(self, data):
        if self._active():
            base = self._offset()
            for i, ch in enumerate(data):
                self.chars.append(ch)
                self.starts.append(base + i)
                self.ends.append(base + i + 1)

    def _ref(self, raw: str, value: str):
        if self._active():
            base = self._offset()
            for ch in value:
                self.chars.append(ch)
                self.starts.append(base)
                self.ends.append(base + len(raw))

    def handle_entityref(self, name):
        from html import unescape

        self._ref(f"&{name};", unescape(f"&{name};"))

    def handle_charref(self, name):
        from html import unescape

        self._ref(f"&#{name};", unescape(f"&#{name};"))


def _html(text: str, path: str) -> Pair:
    parser = _Body(text)
    parser.feed(text)
    parser.close()
    body = "".join(parser.chars).replace("\u00a0", " ")
    if not body.strip():
        raise InputError("no article text found in the HTML", path)
    return Pair("", body, tuple(parser.starts), tuple(parser.ends), 1, markup="xml")


def _json(text: str, path: str, field: str) -> Pair:
    from audit.inputs.pairs import _json_string

    try:
        value = _field(load_json(text, path), field, path)
    except RepeatedKey:  # no export at all (notes.json beside the articles) is passed over as one
        data = load_json_loosely(text)
        if data is not None:
            _field(data, field, path)
        raise
    key = re.escape(json.dumps(field.split(".")[-1]))
    for m in re.finditer(key + r'\s*:\s*"', text):
        decoded, starts, ends = _json_string(text, m.end() - 1, 0)
        if decoded == value:
            return Pair("", decoded, tuple(starts), tuple(ends), LineIndex(text).line(m.start()), markup="json")
    raise InputError(f"could not locate the {field!r} value in the file", path)


def _field(data, field: str, path: str) -> str:
    if isinstance(data, list):  # several articles in one export: "no field 'body'" left the user guessing
        raise NotThisKind(f"holds a list of {len(data)}, not one article's object with a {field!r} field: "
                          "export one article per .json file", path)
    value = data
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            raise NotThisKind(f"no field {field!r} (set it with --json-field)", path)
        value = value[part]
    if not isinstance(value, str):
        raise NotThisKind(f"field {field!r} is not text", path)
    return value


def read_cms(path: str | Path, json_field: str = "body") -> tuple[str, Pair]:
    name = str(path)
    text = decode_article(read_bytes(path), name)
    pair = _json(text, name, json_field) if Path(path).suffix.lower() == ".json" else _html(text, name)
    return text, pair
