"""The concept table loads, its forms are aligned by slot, and a malformed row names its line."""

from __future__ import annotations

import pytest

from audit.core.errors import GlossaryError
from audit.language.concepts import ConceptTable, load_concepts

HEADER = "english\tpos\ttranslit\ttranslit_gender\thindi\thindi_gender\testablished\n"


def test_the_packaged_table_loads_with_its_slots():
    table = load_concepts()
    assert len(table) >= 1500
    (hit,) = table.lookup("सेंचुरियों")
    assert (hit.concept.english, hit.side, hit.slot) == ("century", "translit", 2)
    assert hit.concept.hindi_for(hit.slot) == "शतकों"
    assert not hit.concept.same_gender  # सेंचुरी is feminine, शतक masculine: a swap breaks agreement


@pytest.mark.parametrize("row, reason", [
    ("century\tnoun\tसेंचुरी\tf\tशतक|शतक|शतकों\tm\tno\n", "needs 3 forms"),
    ("century\tnoun\tसेंचुरी|सेंचुरियां|सेंचुरियों\tx\tशतक|शतक|शतकों\tm\tno\n", "must be m, f or -"),
    ("century\tthing\tसेंचुरी\tf\tशतक\tm\tno\n", "'pos' must be one of"),
    ("century\tnoun\tcentury|c|cs\tf\tशतक|शतक|शतकों\tm\tno\n", "must be Devanagari"),
    ("century\tnoun\tसेंचुरी|सेंचुरियां|सेंचुरियों\tf\t\tm\tno\n", "needs 3 forms"),
])
def test_a_malformed_row_is_an_error_naming_its_line(tmp_path, row, reason):
    path = tmp_path / "concepts.tsv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        ConceptTable(path)
    assert err.value.line == 2 and reason in str(err.value)


def test_an_established_loan_may_have_no_hindi(tmp_path):
    path = tmp_path / "concepts.tsv"
    path.write_text(HEADER + "bank\tnoun\tबैंक|बैंक|बैंकों\tm\t\t-\tyes\n", encoding="utf-8")
    (hit,) = ConceptTable(path).lookup("बैंकों")
    assert hit.concept.established and hit.concept.hindi_for(2) is None


def test_the_signature_covers_every_table_that_decides_findings(monkeypatch):
    """Editing the concept table or BIL004's respelling rules must change the run's signature."""
    import audit.language.lexicon as lexicon_module

    read: list = []
    monkeypatch.setattr(lexicon_module, "file_digest", lambda paths: read.extend(paths) or "x")
    lexicon_module.Lexicon().digest
    names = {p.name for p in read}
    assert {"concepts.tsv", "english_sounds.tsv"} <= names
