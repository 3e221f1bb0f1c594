"""Turning QE scores and error spans into findings at file offsets."""

from __future__ import annotations

from audit.core.document import Article
from audit.core.findings import Finding, Severity
from audit.lint.rules import LowQEScore, ModelRule, QEErrorSpan
from audit.qe.comet_backend import CometScorer
from audit.inputs.segments import Pair

SPAN_SEVERITY = {"minor": Severity.INFO, "major": Severity.WARNING, "critical": Severity.ERROR}


def model_finding(rule: type[ModelRule], article: Article, start: int, end: int, message: str,
                  severity: Severity | None = None, confidence: float = 1.0) -> Finding:
    return Finding.at(article, start, end, code=rule.code, rule=rule.name, category=rule.category,
                      severity=severity or rule.severity, message=message, confidence=confidence)


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a subword span to whole words: a model's span may start inside an akshara."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while end > start and text[end - 1] in "।?!,.;:":
        end -= 1
    return start, end


def qe_findings(pairs: list[Pair], scorer: CometScorer, article: Article, threshold: float) -> list[Finding]:
    results = scorer.score([(p.source, p.target) for p in pairs])
    found: list[Finding] = []
    for pair, result in zip(pairs, results):
        if result.score < threshold:
            start, end = pair.file_span(0, len(pair.target))
            found.append(model_finding(
                LowQEScore, article, start, end,
                f"QE score {result.score:.3f} is below {threshold:g} ({scorer.model_id}); "
                "check the sentence against the source",
                confidence=min(1.0, max(0.0, threshold - result.score) + 0.5),
            ))
        for span in result.spans:
            s, e = _snap(pair.target, max(0, span["start"]), min(len(pair.target), span["end"]))
            if e <= s:
                continue
            start, end = pair.file_span(s, e)
            found.append(model_finding(
                QEErrorSpan, article, start, end,
                f"{scorer.model_id} marks a {span['severity']} error here "
                f"(confidence {span['confidence']:.2f}, sentence score {result.score:.3f})",
                severity=SPAN_SEVERITY.get(span["severity"], Severity.WARNING),
                confidence=span["confidence"],
            ))
    return found
