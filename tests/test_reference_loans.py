"""benchmarks/reference_loans.py: which words a reference keeps, and which pairs it reads."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from audit.language.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
spec = importlib.util.spec_from_file_location("reference_loans", ROOT / "benchmarks" / "reference_loans.py")
reference_loans = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference_loans)


def test_a_reference_that_writes_the_word_out_keeps_it_and_one_in_hindi_does_not():
    source = "The garage behind the school was locked."
    said, kept = reference_loans._evidence(
        [(source, "स्कूल के पीछे का गैरेज बंद था।"), ("A garage stood empty.", "एक खाली मोटरखाना खड़ा था।")], Lexicon())
    assert said["garage"] == 2 and kept["garage"] == 1
    assert said["school"] == 1 and kept["school"] == 1


def test_only_pairs_of_one_source_and_one_reference_are_read():
    rows = [{"src": "a", "ref": "x"}, {"src": "a", "ref": "x"},  # one source's outputs share a reference
            {"src": "b", "ref": "y"}, {"src": "b", "ref": "z"},  # a source with two references
            {"src": "c", "ref": "w"}, {"src": "d", "ref": "w"}]  # a reference with two sources
    assert reference_loans._one_to_one(rows) == [("a", "x")]
