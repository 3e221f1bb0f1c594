"""Findings and fixes: frozen values that every reporter, the CLI and the TUI share."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from operator import attrgetter


class Severity(enum.IntEnum):
    """Ordered so that `severity >= threshold` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]


class Applicability(enum.IntEnum):
    """How far a fix can be trusted, as in ruff: `--fix` applies SAFE, `--unsafe-fixes` adds UNSAFE.

    SAFE: certainly right and grammatical in place (a glossary spelling of a name, `$ 6` -> `$6`).
    UNSAFE: probably right, but an editor should look (an anglicism -> a Hindi word, deleting a repeat).
    DISPLAY_ONLY: a hint that cannot be inserted as it stands (the gender or the slot would not fit).
    """

    DISPLAY_ONLY = 1
    UNSAFE = 2
    SAFE = 3

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, name: str) -> "Applicability":
        return cls[name.upper().replace("-", "_")]


SAFE, UNSAFE, DISPLAY_ONLY = Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY_ONLY


# Its own __init__, as Finding's (below): a check makes some 35 fixes an article, and the frozen
# dataclass's generated one sets each field through object.__setattr__ (twice the time).
@dataclass(frozen=True, order=True, slots=True, init=False)
class Fix:
    """Replace `text[start:end]` with `replacement` (Python str indices into the file text).

    `applicability` has no default: every check decides, fix by fix, how far it can be trusted.
    """

    start: int
    end: int
    replacement: str
    applicability: Applicability = field(kw_only=True)

    def __init__(self, start: int, end: int, replacement: str, *, applicability: Applicability):
        """The dataclass's __init__ (same parameters; a test holds the two to the same signature). The
        fields are set while the object is an _UnfrozenFix (the same slots without the frozen __setattr__)."""
        cls = type(self)
        _SET_CLASS(self, "__class__", _UnfrozenFix)
        self.start = start; self.end = end; self.replacement = replacement  # noqa: E702
        self.applicability = applicability
        self.__class__ = cls

    def __reduce__(self):
        return _fix, (self.start, self.end, self.replacement, self.applicability)


def _fix(start: int, end: int, replacement: str, applicability: Applicability) -> Fix:
    return Fix(start, end, replacement, applicability=applicability)


# no per-finding __dict__: a 50 MB article has 400,000 findings. Its own __init__ (below), not the
# generated one: a frozen dataclass's sets each field through object.__setattr__, twice the time.
@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One artifact at exact offsets of the original file text.

    `start`/`end` delimit the flagged text; each fix may cover a slightly wider span
    (deleting a repeated phrase also deletes the space before it).
    """

    code: str
    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    fixes: tuple[Fix, ...] = ()
    confidence: float = 1.0
    path: str = ""
    end_line: int = 0
    end_column: int = 0
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __init__(self, code: str, rule: str, category: str, severity: Severity, start: int, end: int,
                 line: int, column: int, text: str, message: str, fixes: tuple[Fix, ...] = (),
                 confidence: float = 1.0, path: str = "", end_line: int = 0, end_column: int = 0,
                 extra: tuple[tuple[str, str], ...] = ()):
        """The dataclass's __init__ (same parameters, defaults and order; a test holds the two to
        the same signature). The fields are set while the object is an _Unfrozen (the same slots
        without the frozen __setattr__), plain slot stores instead of a descriptor call each."""
        cls = type(self)
        _SET_CLASS(self, "__class__", _Unfrozen)
        self.code = code; self.rule = rule; self.category = category; self.severity = severity  # noqa: E702
        self.start = start; self.end = end; self.line = line; self.column = column  # noqa: E702
        self.text = text; self.message = message; self.fixes = fixes; self.confidence = confidence  # noqa: E702
        self.path = path; self.end_line = end_line; self.end_column = end_column; self.extra = extra  # noqa: E702
        self.__class__ = cls

    def __reduce__(self):
        """Pickled as its field values, as arguments (a --jobs worker sends every finding back): the
        dataclass's own state for slots walks `fields()` for each finding and each fix."""
        return Finding, _finding_values(self)

    @classmethod
    def at(cls, article, start: int, end: int, *, code: str, rule: str, category: str, severity: Severity,
           message: str, fixes=(), confidence: float = 1.0) -> "Finding":
        """The one way to make a finding: checks (through `made`, the same with its arguments by place),
        model rules and suppressions all come through here.

        `article` is anything with `text`, `path` and `positions(start, end) -> (line, column, end_line,
        end_column)` (the document model's Article), so lines, columns and the flagged text always agree
        with the offsets.
        """
        if cls is not Finding:
            line, column, end_line, end_column = article.positions(start, end)
            return cls(code=code, rule=rule, category=category, severity=severity, start=start, end=end,
                       line=line, column=column, text=article.text[start:end], message=message,
                       fixes=tuple(fixes), confidence=confidence, path=article.path,
                       end_line=end_line, end_column=end_column)
        return made(article, start, end, code, rule, category, severity, message, fixes, confidence)

    @property
    def suggestions(self) -> list[str]:
        return [fix.replacement for fix in self.fixes]

    def fixed_text(self, fix: Fix) -> str:
        """The flagged text as `fix` leaves it, for a reader (`रहे है` -> `रहे हैं`, `के लिए के लिए` -> `के लिए`):
        a fix of part of the span, shown alone beside the whole flagged text, read as a replacement of the
        whole (`'रहे है' -> 'हैं'`). A fix reaching outside the span (a repeat deleted elsewhere) is its
        replacement alone."""
        start, end = self.start, self.end
        if start <= fix.start and fix.end <= end and (fix.start != start or fix.end != end):
            text = self.text
            return text[: fix.start - start] + fix.replacement + text[fix.end - start :]
        return fix.replacement

    @property
    def fixable(self) -> bool:
        return bool(self.fixes)

    @property
    def applicability(self) -> Applicability | None:
        """The applicability of the first fix, the one `--fix` would apply (None: no fix)."""
        return self.fixes[0].applicability if self.fixes else None

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.label,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "message": self.message,
            "suggestions": self.suggestions,
            "fixes": [
                {"start": f.start, "end": f.end, "replacement": f.replacement,
                 "applicability": f.applicability.label} for f in self.fixes
            ],
            "applicability": self.applicability.label if self.fixes else None,
            "confidence": round(self.confidence, 3),
        }


_finding_values = attrgetter(*(f.name for f in fields(Finding)))
# Finding's slots, in its order, on a class without the frozen __setattr__: a finding's fields are
# stored while it is one, then its class is set to Finding (Python allows it: the layouts and slot
# names are the same), so a finding is never changed once it is a Finding.
_Unfrozen = type("_Unfrozen", (), {"__slots__": tuple(f.name for f in fields(Finding))})
_UnfrozenFix = type("_UnfrozenFix", (), {"__slots__": tuple(f.name for f in fields(Fix))})
_SET_CLASS = object.__setattr__
_new = object.__new__


def made(article, start: int, end: int, code: str, rule: str, category: str, severity: Severity, message: str,
         fixes=(), confidence: float = 1.0) -> Finding:
    """`Finding.at(article, start, end, code=code, ...)`, its arguments by place: checks make thousands
    of findings (`Context.finding`), and each keyword is matched by name in every call."""
    line, column, end_line, end_column = article.positions(start, end)
    f = _new(_Unfrozen)  # filled in as in __init__, without its call
    f.code = code; f.rule = rule; f.category = category; f.severity = severity  # noqa: E702
    f.start = start; f.end = end; f.line = line; f.column = column  # noqa: E702
    f.text = article.text[start:end]; f.message = message; f.fixes = tuple(fixes)  # noqa: E702
    f.confidence = confidence; f.path = article.path; f.end_line = end_line  # noqa: E702
    f.end_column = end_column; f.extra = ()  # noqa: E702
    f.__class__ = Finding
    return f


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """Apply non-overlapping fixes; where two overlap, the one that starts first wins.

    The single place where text is changed: the CLI's --fix and the review TUI both use it.
    """
    chosen: list[Fix] = []
    last_end = -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start < last_end:
            continue
        if not (0 <= fix.start <= fix.end <= len(text)):
            raise ValueError(f"fix {fix} lies outside a text of length {len(text)}")
        chosen.append(fix)
        last_end = max(fix.end, fix.start + 1) if fix.start == fix.end else fix.end
    pieces: list[str] = []
    cursor = 0
    for fix in chosen:
        pieces.append(text[cursor : fix.start])
        pieces.append(fix.replacement)
        cursor = fix.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def first_fixes(findings: list[Finding], at_least: Applicability = Applicability.DISPLAY_ONLY) -> list[Fix]:
    """The first suggestion of every fixable finding whose fix is at least `at_least` trusted."""
    return [f.fixes[0] for f in findings if f.fixes and f.fixes[0].applicability >= at_least]


def fixes_to_apply(findings: list[Finding], unsafe: bool = False) -> list[Fix]:
    """What `jaanch check --fix` applies: safe first fixes (unsafe too when asked) of warnings and errors.

    Info findings are hints; the command line never rewrites text for one.
    """
    level = Applicability.UNSAFE if unsafe else Applicability.SAFE
    return first_fixes([f for f in findings if f.severity >= Severity.WARNING], level)


def hidden_fixes(findings: list[Finding]) -> int:
    """Fixes `--unsafe-fixes` would add to `--fix` (ruff's "hidden fixes")."""
    return len(fixes_to_apply(findings, unsafe=True)) - len(fixes_to_apply(findings))
