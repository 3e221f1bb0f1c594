"""Run the checks over an article: the one entry point the CLI, the TUI and the benchmarks use."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from audit import __version__
from audit.lint.checks import ALL_CHECKS, BY_CODE, DEFAULT_CHECKS, Check, Context, SourceSegment
from audit.core.document import Article, parse_article
from audit.core.errors import UsageError
from audit.core.findings import Finding, Severity, apply_fixes, fixes_to_apply
from audit.core.text import fold
from audit.language.glossary import DEFAULT_GLOSSARY, Glossary
from audit.language.lexicon import Lexicon

MAX_FIX_PASSES = 10


class FixOutcome(NamedTuple):
    text: str
    applied: int
    converged: bool  # False: still fixable after MAX_FIX_PASSES (two fixes undo each other); say so


def select_checks(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[type[Check]]:
    """Codes or code prefixes (TERM, FMT00) choose checks; ignore wins over select. A check off by
    default (ANGL002) runs only where `select` names its code in full."""
    select, ignore = [s.upper() for s in select], [s.upper() for s in ignore]
    for code in (*select, *ignore):
        if not any(c.startswith(code) for c in BY_CODE):
            raise UsageError(model_rule_named(code) or f"unknown check code {code!r}; `jaanch rules` lists them")
    if select:
        chosen = [c for c in ALL_CHECKS if (c.on_by_default or c.code in select)
                  and any(c.code.startswith(s) for s in select)]
    else:
        chosen = list(DEFAULT_CHECKS)
    kept = [c for c in chosen if not any(c.code.startswith(s) for s in ignore)]
    if chosen and not kept:  # no check ran: "0 findings", exit 0, a clean pass in CI
        codes = sorted(c.code for c in chosen)
        named = ": " + ", ".join(codes) if len(codes) <= 6 else ""
        every = "the one check" if len(codes) == 1 else f"all {len(codes)} checks"
        raise UsageError(f"ignoring {','.join(ignore)} leaves no check to run (it covers {every} chosen{named})")
    return kept


def model_rule_named(code: str) -> str | None:
    """What to say of a code `jaanch rules` lists that is a model rule (LM001, QE, SUP001), not a
    check: "unknown check code ...; `jaanch rules` lists them" sent the user to a list that has it."""
    from audit.lint.rules import MODEL_RULES

    rules = sorted(r.code for r in MODEL_RULES if r.code.startswith(code.upper()))
    if not rules:
        return None
    return (f"{code.upper()!r} names {', '.join(rules)}, not a check but a rule that --qe, --lm or an inline "
            "suppression adds: --select and --ignore choose among the checks")


@dataclass
class Engine:
    glossary_paths: list[Path] = field(default_factory=lambda: [DEFAULT_GLOSSARY])
    checks: list[type[Check]] = field(default_factory=lambda: list(DEFAULT_CHECKS))
    settings: dict[str, float] = field(default_factory=dict)
    severities: dict[str, Severity] = field(default_factory=dict)  # house overrides, by code
    allowed: dict[str, list[str]] = field(default_factory=dict)  # house style ([allow] in jaanch.toml)

    @cached_property
    def _allowed(self) -> dict[str, frozenset[str]]:
        return {code.upper(): frozenset(fold(form) for form in forms) for code, forms in self.allowed.items()}

    def __getstate__(self) -> dict:
        """Only the configuration travels to a worker process; it loads its own tables."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @cached_property
    def glossary(self) -> Glossary:
        return Glossary.load(self.glossary_paths)

    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon()

    @cached_property
    def _instances(self) -> list[Check]:
        return [c() for c in self.checks]

    @cached_property
    def _order(self) -> dict[str, int]:
        """Each check's place in the registry (merge_overlapping keeps the earlier's finding)."""
        return {c.code: i for i, c in enumerate(self.checks)}

    def signature(self) -> str:
        """Everything needed to reproduce a run, in the spirit of sacrebleu's signatures."""
        codes = ",".join(c.code for c in self.checks)
        tweaks = ",".join(f"{k}={v:g}" for k, v in sorted(self.settings.items()))
        parts = [
            f"jaanch:{__version__}",
            f"glossary:{self.glossary.digest}",
            f"lexicon:{self.lexicon.digest}",
            f"checks:{codes}",
        ]
        if tweaks:
            parts.append(f"settings:{tweaks}")
        if self.allowed:
            parts.append(f"allow:{sum(len(v) for v in self._allowed.values())}")
        if self.severities:
            parts.append("severity:" + ",".join(f"{k}={v.label}" for k, v in sorted(self.severities.items())))
        return "|".join(parts)

    def restyle(self, findings: list[Finding]) -> list[Finding]:
        """Apply the house's severity overrides (also to model-based findings)."""
        if not self.severities:
            return findings
        return [replace(f, severity=self.severities[f.code]) if f.code in self.severities else f for f in findings]

    def merge(self, found: list[Finding]) -> list[Finding]:
        """`merge_overlapping` in this engine's registry order: one problem, one finding."""
        return merge_overlapping(found, self._order)

    def audit(self, article: Article, sources: Iterable[SourceSegment] | None = None,
              only: Iterable[str] | None = None) -> list[Finding]:
        """Findings of every check (or of the codes in `only`); `sources` (the English original by
        target span) enables the bilingual ones."""
        ctx = Context(article, self.glossary, self.lexicon, self.settings,
                      tuple(sources) if sources is not None else None)
        found: list[Finding] = []
        only = None if only is None else frozenset(only)
        for check in self._instances:
            if check.category == "bilingual" and not ctx.sources:
                continue  # they compare with the English source; without one, not even their tables are loaded
            if only is None or check.code in only:
                found.extend(check.run(ctx))
        if self._allowed:
            found = [f for f in found if fold(f.text) not in self._allowed.get(f.code, ())]
        return self.restyle(self.merge(found))

    def audit_text(self, text: str, path: str = "<string>", source: str | None = None) -> list[Finding]:
        """Audit a text; `source` is the English original of the whole text (one segment)."""
        sources = None if source is None else [SourceSegment(source, 0, len(text))]
        return self.audit(parse_article(text, path), sources)

    def fix_text(self, text: str, path: str = "<string>",
                 keep: Callable[[Article, list[Finding]], list[Finding]] | None = None,
                 unsafe: bool = False,
                 sources: Callable[[Article], list[SourceSegment]] | None = None) -> FixOutcome:
        """Apply safe first fixes of warnings and errors (unsafe ones too when asked) until none is left.

        `keep` drops findings that must not be fixed (dismissed by an editor, suppressed inline).
        Info findings and display-only fixes are never applied (see `fixes_to_apply`). `sources`
        aligns the English original with each pass's text, for the bilingual checks' fixes.
        """
        applied = 0
        for _ in range(MAX_FIX_PASSES):
            article = parse_article(text, path)
            findings = self.audit(article, sources(article) if sources else None)
            fixes = fixes_to_apply(keep(article, findings) if keep else findings, unsafe)
            if not fixes:
                return FixOutcome(text, applied, True)
            new = apply_fixes(text, fixes)
            if new == text:
                return FixOutcome(text, applied, True)
            applied += len(fixes)
            text = new
        article = parse_article(text, path)
        findings = self.audit(article, sources(article) if sources else None)
        left = fixes_to_apply(keep(article, findings) if keep else findings, unsafe)
        return FixOutcome(text, applied, not left or apply_fixes(text, left) == text)


# Checks whose finding is a whole phrase or sentence: a word-level finding inside one is another problem.
_PHRASE_LEVEL = ("REP",)


def merge_overlapping(found: list[Finding], order: dict[str, int]) -> list[Finding]:
    """One problem, one finding: where findings overlap on one word or name, keep the most specific.

    Two findings are one problem when they flag the same span, or when one span lies inside the
    other and both are of one category (ANGL001 and ANGL002 on one word; TERM001 and TERM003 on
    one name; TERM003's spelling and script rows on one token). The most specific is the earlier
    check in the registry (glossary before clustering, a known anglicism before a read-back
    guess); on one check, the finding with a fix. A repeated phrase or sentence is not merged with
    a word-level finding inside it, nor a spacing finding with a word's: those are two problems.
    """
    if len(found) < 2:
        return list(found)
    # Findings interact only within a run whose spans, read as closed intervals in text order, chain
    # into each other (a span inside another, or the same span, meets it): each run of one finding
    # (most) is kept as it is, and only a run of several is ranked and merged, not every finding.
    ordered = sorted(found, key=_SPAN)
    kept: list[Finding] = []
    first, reach = 0, ordered[0].start - 1
    for i, f in enumerate(ordered):
        if f.start > reach:
            if i - first > 1:
                kept += _merged(ordered[first:i], order)
            elif i:
                kept.append(ordered[first])
            first, reach = i, f.end
        elif f.end > reach:
            reach = f.end
    if len(ordered) - first > 1:
        kept += _merged(ordered[first:], order)
    else:
        kept.append(ordered[first])
    return kept


def _merged(found: list[Finding], order: dict[str, int]) -> list[Finding]:
    """`merge_overlapping` of one run of findings that meet each other, in text order."""
    kept: list[Finding] = []
    spans: set[tuple[int, int]] = set()
    # per (category, phrase level): the kept spans' starts, sorted, their ends alongside, and the longest
    # kept span, so a containment test looks only at spans starting within reach instead of at every kept finding
    groups: dict[tuple[str, bool], tuple[list[int], list[int], list[int]]] = {}
    last, get = len(order), order.get
    for f in sorted(found, key=lambda f: (get(f.code, last), not f.fixes, f.start, f.end)):
        start, end = span = f.start, f.end
        if span in spans:
            continue
        key = (f.category, f.code.startswith(_PHRASE_LEVEL))
        group = groups.get(key)
        if group is None:
            group = groups[key] = ([], [], [0])
        starts, ends, longest = group
        lo = bisect.bisect_left(starts, start - longest[0])
        hi = bisect.bisect_right(starts, end)
        if lo < hi and any(k_start <= start and end <= k_end or start <= k_start and k_end <= end
                           for k_start, k_end in zip(starts[lo:hi], ends[lo:hi])):
            continue
        kept.append(f)
        spans.add(span)
        at = bisect.bisect_right(starts, start)
        starts.insert(at, start)
        ends.insert(at, end)
        if end - start > longest[0]:
            longest[0] = end - start
    # kept spans are distinct, so (start, end) alone orders them as (start, end, registry place) did
    return sorted(kept, key=_SPAN)


_SPAN = attrgetter("start", "end")
