"""Every rule jaanch can report: the rule checks, plus the model-based rules (QE, house LM).

Model-based rules are not `Check`s (they need a model and, for QE, a source), but reporters,
SARIF and `jaanch rules` list them the same way.
"""

from __future__ import annotations

from typing import ClassVar

from audit.lint.checks import ALL_CHECKS
from audit.core.findings import Severity


class ModelRule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    defaults: ClassVar[dict[str, float]] = {}
    on_by_default: ClassVar[bool] = True  # as Check's: `jaanch rules` reads it of every rule

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]


class LowQEScore(ModelRule):
    """A sentence a COMET QE model scores below the threshold (CometKiwi-style sentence score).

    Anti-pattern:  a sentence whose meaning drifted from the English source.
    Fix:           the editor retranslates it; the score and the model are in the message.
    """

    code, name, category, severity = "QE001", "low-qe-score", "qe", Severity.WARNING
    defaults = {"threshold": 0.5}


class QEErrorSpan(ModelRule):
    """An error span marked by an xCOMET-style model (minor: info, major: warning, critical: error).

    Anti-pattern:  the words the model marks as mistranslated inside a sentence.
    Fix:           the editor checks them against the source.
    """

    code, name, category, severity = "QE002", "qe-error-span", "qe", Severity.WARNING


class Surprising(ModelRule):
    """A word far less probable in its context than the article's norm, under the house language model.

    Anti-pattern:  मॉडल प्रदर्शन में चटपट करता है   (चटपट never follows प्रदर्शन में in published copy)
    Fix:           the editor checks the word; the surprisal (bits) is in the message.
    """

    code, name, category, severity = "LM001", "house-lm-surprisal", "qe", Severity.INFO
    defaults = {"z": 2.5, "min_bits": 12.0}


class UnusedSuppression(ModelRule):
    """An inline `<!-- jaanch: ignore … -->` that suppresses nothing any more, or a malformed one.

    Anti-pattern:  <!-- jaanch: ignore TERM001 -->  above a line that no longer has the finding;
                   <!-- jaanch: ignoreTERM001 -->  (no space), which never suppressed anything
    Fix:           delete the comment, or write it <!-- jaanch: ignore TERM001 -->.
    """

    code, name, category, severity = "SUP001", "unused-suppression", "suppression", Severity.WARNING


MODEL_RULES: tuple[type[ModelRule], ...] = (LowQEScore, QEErrorSpan, Surprising, UnusedSuppression)
ALL_RULES = (*ALL_CHECKS, *MODEL_RULES)
