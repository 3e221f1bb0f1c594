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
from audit.core.lines import LineIndex

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


def markers(text: str, lines: LineIndex | None = None) -> list[Marker]:
    """The markers of a text, each with the line it covers; lines end at "\r\n", "\r" or "\n" as
    for findings (`lines`: the article's own index, when there is one)."""
    lines = LineIndex(text) if lines is None else lines
    found = []
    for m in MARKER.finditer(text):
        line = lines.line(m.start())
        start, end = lines.span(line)
        rest = text[start : m.start()] + text[m.end() : end]
        target = line
        if not MARKER.sub("", rest).strip():
            target = next((n for n in range(line + 1, len(lines) + 1) if lines.line_text(n).strip()), line)
        codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", m.group(1)) if c.strip())
        found.append(Marker(m.start(), m.end(), target, codes))
    return found


def apply_inline(article: Article, findings: list[Finding]) -> tuple[list[Finding], list[Marker]]:
    """Findings that no marker covers, and the markers that covered nothing."""
    marks = markers(article.text, article.line_index) if "jaanch:" in article.text else []
    if not marks:
        return findings, []
    kept = []
    for f in findings:
        if any(m.start <= f.start < m.end for m in marks):
            continue  # a finding on a marker itself (its ' ,'): jaanch's own syntax, not the article's text
        covering = [m for m in marks if m.covers(f)]
        for m in covering:
            m.used = True
        if not covering:
            kept.append(f)
    return kept, [m for m in marks if not m.used]


def unused_findings(article: Article, unused: list[Marker]) -> list[Finding]:
    from audit.lint.rules import UnusedSuppression

    rule = UnusedSuppression
    return [Finding.at(article, m.start, m.end, code=rule.code, rule=rule.name, category=rule.category,
                       severity=rule.severity, message=_unused_message(m)) for m in unused]


def _unused_message(marker: Marker) -> str:
    """Why a marker matched nothing: a code no check has (a typo: TREM001) is named as such, where
    the message said only "matches no finding; remove it" and the editor removed a wanted one."""
    from audit.lint.rules import ALL_RULES

    unknown = [c for c in marker.codes if not any(r.code.startswith(c) for r in ALL_RULES)]
    if unknown:
        return (f"this suppression names {', '.join(unknown)}, which is no check code or prefix "
                "(`jaanch rules` lists them); correct it or remove it")
    return f"this suppression ({', '.join(marker.codes) or 'all checks'}) matches no finding on line {marker.line}; remove it"
