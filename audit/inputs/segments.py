"""A target segment inside a file, with the map from its characters back to file offsets."""

from __future__ import annotations

from dataclasses import dataclass, replace

from audit.core.document import Article
from audit.core.findings import Finding, Fix


@dataclass(frozen=True)
class Pair:
    """One source sentence and its Hindi translation, located in the file the target came from."""

    source: str
    target: str
    starts: tuple[int, ...]  # where each character of `target` starts in the file
    ends: tuple[int, ...]  # and where it ends (an escape like &amp; is several file characters)
    line: int
    ident: str = ""
    # How the file writes text: "xml" (XLIFF, HTML), "json" (JSONL, a JSON export) or "plain" (TSV, an
    # article). A fix's replacement goes into the file written the same way, so a & or < in it keeps
    # an XLIFF well-formed and a " keeps a JSON string closed.
    markup: str = "plain"

    def encode(self, text: str) -> str:
        """`text` as the file must hold it."""
        if self.markup == "xml":
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if self.markup == "json":
            import json

            return json.dumps(text, ensure_ascii=False)[1:-1]
        return text

    @classmethod
    def plain(cls, source: str, target: str, base: int, line: int, ident: str = "") -> "Pair":
        n = len(target)
        return cls(source, target, tuple(range(base, base + n)), tuple(range(base + 1, base + n + 1)), line, ident)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        if not self.target:
            return (0, 0)
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return at, at
        return self.starts[start], self.ends[end - 1]

    @property
    def is_verbatim(self) -> bool:
        """True when the target is stored in the file as-is, so fixes can be applied there."""
        return not self.target or self.ends[-1] - self.starts[0] == len(self.target)


def remap(finding: Finding, pair: Pair, file_article: Article) -> Finding:
    """Move a finding made on `pair.target` to the offsets of the file it came from."""
    start, end = pair.file_span(finding.start, finding.end)
    line, column = file_article.position(start)
    end_line, end_column = file_article.position(end)
    fixes: tuple[Fix, ...] = ()
    if pair.is_verbatim:
        fixes = tuple(Fix(*pair.file_span(f.start, f.end), pair.encode(f.replacement), applicability=f.applicability)
                      for f in finding.fixes)
    return replace(finding, start=start, end=end, line=line, column=column, end_line=end_line,
                   end_column=end_column, text=file_article.text[start:end], fixes=fixes,
                   path=file_article.path)
