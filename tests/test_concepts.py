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


def _plain(table, index_entries):
    number = {id(c): i for i, c in enumerate(table.concepts)}
    forms = {form: [(number[id(h.concept)], h.side, h.slot) for h in hits] for form, hits in table.forms.items()}
    entries = [(keys, [(number[id(h.concept)], h.side, h.slot) for h in hits]) for keys, hits in index_entries]
    return table.concepts, forms, entries


def test_the_cached_table_is_the_table_built_from_the_file(tmp_path, monkeypatch):
    """Built once into the table cache, then read back: the same concepts, forms, hits and index."""
    from audit.language import concepts as module

    monkeypatch.setenv("JAANCH_CACHE_DIR", str(tmp_path))
    fresh = load_concepts()
    expected = _plain(fresh, module._index_entries(fresh))
    built = module._load_default()  # builds and writes the cache
    assert list(tmp_path.glob("concepts-*.marshal"))
    read = module._load_default()  # reads it back
    for table in (built, read):
        assert _plain(table, table._index_entries) == expected
        assert all(h.concept is table.concepts[table.concepts.index(h.concept)]
                   for hits in table.forms.values() for h in hits)
    index = module.concept_index(read)
    assert [(m.first, m.last) for m in index.scan(_tokens("उनकी सेंचुरियों और रेपो रेट पर"))] == [(1, 1), (3, 4)]


def _tokens(text: str):
    from audit.core.document import parse_article

    return parse_article(text).sentences[0].tokens


def test_forms_naming_both_sides_match_the_definition():
    """ANGL004 keeps the matched forms naming a concept that some matched form names as a loan and
    another in Hindi. Its memo reads only the forms naming a loan and asks the memo about each
    matched form; the answer must be the definition's, call after call, as the memo fills."""
    import random

    from audit.lint.checks.anglicism import concept_consistency as cc

    index = cc._index()
    index._matcher()  # compiled: its values list is the one the check is shown
    values = index._values
    rng = random.Random(7)
    popular = rng.sample(range(len(values)), 400)  # most articles meet the same few hundred forms

    def definition(patterns: set[int]) -> set[int]:
        loans = {id(h.concept) for p in patterns for h in values[p] if h.side == "translit"}
        hindi = {id(h.concept) for p in patterns for h in values[p] if h.side == "hindi"}
        both = loans & hindi
        return {p for p in patterns if any(id(h.concept) in both for h in values[p])}

    met_both = 0
    for _ in range(300):
        patterns = set(rng.sample(popular, 60)) | set(rng.sample(range(len(values)), 20))
        want = definition(patterns)
        assert cc._naming_both_sides(patterns, values) == want
        met_both += bool(want)
    assert met_both  # the draws do reach concepts named on both sides
