"""Line numbers as editors show them: "\r\n", a lone "\r" (old Mac files, some CMS exports) and "\n"
each end a line. Every line number jaanch prints (findings, inline markers, input errors) comes from here.
"""

from __future__ import annotations

import bisect
import re

LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_END_BYTES = re.compile(rb"\r\n|\r|\n")
_LONE_CR = re.compile(r"\r(?!\n)")


def lf_view(text: str) -> str:
    """`text` with each lone "\r" written "\n": what code that finds lines by "\n" reads (paragraphs,
    kickers, datelines). One character stands for one, so every offset holds; the text handed back
    (findings, fixes, saved files) is always the original. Most texts have no "\r": the same str."""
    return text if "\r" not in text else _LONE_CR.sub("\n", text)


class LineIndex:
    """Where each line of a text starts, for 1-based line and column lookups in O(log lines)."""

    def __init__(self, text: str):
        self.text = text
        breaks = LINE_END if "\r" in text else re.compile("\n")
        self.starts = [0] + [m.end() for m in breaks.finditer(text)]

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, offset: int) -> int:
        """1-based line of a str offset."""
        return bisect.bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a str offset."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def positions(self, start: int, end: int) -> tuple[int, int, int, int]:
        """`position(start) + position(end)`: an end on the start's line (most spans) found without a
        second bisection."""
        starts = self.starts
        line = bisect.bisect_right(starts, start)
        first = starts[line - 1]
        if first <= end and (line == len(starts) or end < starts[line]):
            return line, start - first + 1, line, end - first + 1
        end_line = bisect.bisect_right(starts, end)
        return line, start - first + 1, end_line, end - starts[end_line - 1] + 1

    def span(self, line: int) -> tuple[int, int]:
        """Start and end of a 1-based line's text, without its line end."""
        start = self.starts[line - 1]
        if line == len(self.starts):
            return start, len(self.text)
        end = self.starts[line] - 1
        if end > start and self.text[end - 1] == "\r" and self.text[end] == "\n":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.span(line)
        return self.text[start:end]


def byte_line(raw: bytes, offset: int) -> int:
    """1-based line of a byte offset in undecoded input (for a decoding error)."""
    return len(_LINE_END_BYTES.findall(raw, 0, offset)) + 1
