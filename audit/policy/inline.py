"""Inline suppressions in the article itself: `<!-- jaanch: ignore TERM001, FMT -->`.

An HTML comment is invisible in Markdown and HTML articles. On a line with text it covers that
line; alone on its line it covers the next line with text. Without codes it covers every check.
A suppression that matches nothing is reported (SUP001), so stale ones do not pile up; so is a
marker meant for jaanch that is not one (`<!-- jaanch: ignoreFMT010 -->`, no closing `-->`, a verb
other than `ignore`), which suppresses nothing and was passed over without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.core.document import Article
from audit.core.findings import Finding
from audit.core.lines import LineIndex

MARKER = re.compile(r"<!--\s*jaanch:\s*ignore\b([^>]*?)-->")
OPENING = re.compile(r"<!--\s*jaanch(?![A-Za-z0-9_])", re.I)  # what every marker meant for jaanch opens with


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
    for m in _well_formed(text):
        line = lines.line(m.start())
        start, end = lines.span(line)
        rest = text[start : m.start()] + text[m.end() : end]
        target = line
        if not MARKER.sub("", rest).strip():
            target = next((n for n in range(line + 1, len(lines) + 1) if lines.line_text(n).strip()), line)
        codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", m.group(1)) if c.strip())
        found.append(Marker(m.start(), m.end(), target, codes))
    return found


def _well_formed(text: str):
    """MARKER's matches, less one that runs on into a later comment (`<!-- jaanch: ignore X` left
    open, then another marker): that opening is malformed (`malformed`), the later marker stands."""
    at = 0
    while (m := MARKER.search(text, at)) is not None:
        inner = m.group(1).find("<!--")
        if inner == -1:
            yield m
            at = m.end()
        else:
            at = m.start(1) + inner


def malformed(text: str, lines: LineIndex | None = None) -> list[tuple[int, int, str]]:
    """Each marker meant for jaanch (`<!-- jaanch…`) that is not `<!-- jaanch: ignore CODES -->`:
    its span (to its `-->`, or to the end of its line where it has none) and what is wrong with it."""
    if "<!--" not in text:
        return []
    good = [(m.start(), m.end()) for m in _well_formed(text)]
    lines = LineIndex(text) if lines is None else lines
    out = []
    for m in OPENING.finditer(text):
        if any(start <= m.start() < end for start, end in good):
            continue
        line_end = lines.span(lines.line(m.start()))[1]
        close = text.find("-->", m.end(), line_end)
        end = close + 3 if close != -1 else line_end
        out.append((m.start(), end, _what_is_wrong(text[m.start() : end], close != -1)))
    return out


def _what_is_wrong(marker: str, closed: bool) -> str:
    head = re.match(r"<!--\s*(\w+)(\s*:?)\s*((?:[A-Za-z_][A-Za-z_-]*)?)([^\s>-]?)", marker)
    word, colon, verb, glued = head.groups() if head else ("jaanch", ":", "", "")
    if not closed:
        return "has no closing -->"
    if word != "jaanch":
        return f"writes {word!r}: the marker is 'jaanch', in lower case"
    if ":" not in colon:
        return "has no colon after 'jaanch'"
    if verb.lower().startswith("ignore") and (len(verb) > 6 or glued):
        return "has no space between 'ignore' and its codes"
    if verb == "ignore":
        return "has a '>' inside it"
    if verb.lower() == "ignore":
        return f"writes {verb!r}: the verb is 'ignore', in lower case"
    return f"has the verb {verb!r}, which jaanch does not know (the verb is 'ignore')" if verb else "names no verb"


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
    """SUP001 of each marker that suppressed nothing and of each malformed one (`malformed`)."""
    if not unused and "<!--" not in article.text:
        return []
    from audit.lint.rules import UnusedSuppression

    rule = UnusedSuppression
    found = [(m.start, m.end, _unused_message(m)) for m in unused]
    found += [(start, end, f"this marker {wrong}, so it suppresses nothing; write "
                           "<!-- jaanch: ignore CODES --> (no codes: every check) or remove it")
              for start, end, wrong in malformed(article.text, article.line_index)]
    return [Finding.at(article, start, end, code=rule.code, rule=rule.name, category=rule.category,
                       severity=rule.severity, message=message) for start, end, message in sorted(found)]


def _unused_message(marker: Marker) -> str:
    """Why a marker matched nothing: a code no check has (a typo: TREM001) is named as such, where
    the message said only "matches no finding; remove it" and the editor removed a wanted one."""
    from audit.lint.rules import ALL_RULES

    unknown = [c for c in marker.codes if not any(r.code.startswith(c) for r in ALL_RULES)]
    if unknown:
        return (f"this suppression names {', '.join(unknown)}, which is no check code or prefix "
                "(`jaanch rules` lists them); correct it or remove it")
    return f"this suppression ({', '.join(marker.codes) or 'all checks'}) matches no finding on line {marker.line}; remove it"
