"""Inline suppressions in the article itself: `<!-- jaanch: ignore TERM001, FMT -->`.

An HTML comment is invisible in Markdown and HTML articles. On a line with text it covers that
line; alone on its line it covers the next line with text. Without codes it covers every check.
A suppression that matches nothing is reported (SUP001), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.core.document import Article
from audit.core.findings import Finding

MARKER = re.compile(r"<!--\s*jaanch:\s*ignore\b([^>]*?)-->")


@dataclass
class Marker:
    start: int
    end: int
    line: int  # the line it covers (1-based)
    codes: tuple[str, ...]  # empty: every code
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        return finding.line <= self.line <= finding.end_line and (
            not self.codes or any(finding.code.startswith(c) for c in self.codes))


def markers(text: str) -> list[Marker]:
    lines = text.split("\n")
    found = []
    line, counted = 1, 0
    for m in MARKER.finditer(text):
        line += text.count("\n", counted, m.start())  # counted on from the last marker, not from the start
        counted = m.start()
        rest = (lines[line - 1][: m.start() - (text.rfind("\n", 0, m.start()) + 1)]
                + lines[line - 1][m.end() - (text.rfind("\n", 0, m.start()) + 1):])
        target = line
        if not MARKER.sub("", rest).strip():
            target = next((n for n in range(line + 1, len(lines) + 1) if lines[n - 1].strip()), line)
        codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", m.group(1)) if c.strip())
        found.append(Marker(m.start(), m.end(), target, codes))
    return found


def apply_inline(article: Article, findings: list[Finding]) -> tuple[list[Finding], list[Marker]]:
    """Findings that no marker covers, and the markers that covered nothing."""
    marks = markers(article.text) if "jaanch:" in article.text else []
    if not marks:
        return findings, []
    kept = []
    for f in findings:
        covering = [m for m in marks if m.covers(f) and not (m.start <= f.start < m.end)]
        for m in covering:
            m.used = True
        if not covering:
            kept.append(f)
    return kept, [m for m in marks if not m.used]


def unused_findings(article: Article, unused: list[Marker]) -> list[Finding]:
    from audit.lint.rules import UnusedSuppression

    rule = UnusedSuppression
    return [Finding.at(article, m.start, m.end, code=rule.code, rule=rule.name, category=rule.category,
                       severity=rule.severity,
                       message=f"this suppression ({', '.join(m.codes) or 'all checks'}) matches no finding "
                               f"on line {m.line}; remove it") for m in unused]
