"""benchmarks/indicmt_eval.py locates each annotated span in the MT output by its text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("indicmt_eval", ROOT / "benchmarks" / "indicmt_eval.py")
indicmt_eval = importlib.util.module_from_spec(spec)
spec.loader.exec_module(indicmt_eval)


def _segment(translation: str, *marked: str) -> dict:
    return {"translation": translation,
            "completion": [{"span_text": text, "span_type": "Accuracy_Untranslated_text"} for text in marked]}


def test_a_text_marked_twice_is_its_two_occurrences():
    """Two spans of one text (the unit kg left in Latin twice) are two places, not the first one twice:
    a finding on the second must be able to hit it."""
    text = "थैला 5kg से 9kg तक का है।"
    first, second = text.find("kg"), text.rfind("kg")
    assert indicmt_eval._spans(_segment(text, "kg", "kg")) == [
        (first, first + 2, "Accuracy_Untranslated_text"), (second, second + 2, "Accuracy_Untranslated_text")]


def test_a_text_marked_more_often_than_written_stays_located():
    text = "थैला 5kg का है।"
    at = text.find("kg")
    assert [s for s, _, _ in indicmt_eval._spans(_segment(text, "kg", "kg", "से"))] == [at, at]
