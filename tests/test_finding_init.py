"""Finding's own __init__ is the dataclass's: same parameters, defaults and order, every field set,
still frozen and hashable (it exists because a frozen dataclass's generated one is twice as slow)."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from audit.core.findings import SAFE, Finding, Fix, Severity


def test_the_parameters_are_the_fields():
    params = list(inspect.signature(Finding.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Finding)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in params)


def test_every_field_is_set_and_the_finding_stays_frozen():
    values = ["TERM001", "a-rule", "terminology", Severity.ERROR, 3, 9, 2, 4, "शब्द", "a message",
              (Fix(3, 9, "x", applicability=SAFE),), 0.5, "a.txt", 2, 10, (("k", "v"),)]
    names = [f.name for f in dataclasses.fields(Finding)]
    positional, keywords = Finding(*values), Finding(**dict(zip(names, values)))
    for finding in (positional, keywords):
        assert [getattr(finding, name) for name in names] == values
    assert positional == keywords and hash(positional) == hash(keywords)
    short = Finding(*values[:10])
    assert (short.fixes, short.confidence, short.path, short.end_line, short.end_column, short.extra) == (
        (), 1.0, "", 0, 0, ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        positional.code = "TERM002"
    assert dataclasses.replace(positional, severity=Severity.INFO).severity is Severity.INFO
    assert pickle.loads(pickle.dumps(positional)) == positional
    with pytest.raises(TypeError):
        Finding(*values[:9])


def test_at_fills_every_field_and_gives_a_frozen_finding():
    from audit.core.document import parse_article

    article = parse_article("पहली पंक्ति।\nदूसरी पंक्ति में शब्द है।", "a.txt")
    start = article.text.index("शब्द")
    fixes = [Fix(start, start + 4, "x", applicability=SAFE)]
    found = Finding.at(article, start, start + 4, code="TERM001", rule="a-rule", category="terminology",
                       severity=Severity.ERROR, message="a message", fixes=iter(fixes), confidence=0.5)
    assert type(found) is Finding
    column = start - article.text.index("\n")  # 1-based on the second line
    assert found == Finding("TERM001", "a-rule", "terminology", Severity.ERROR, start, start + 4, 2, column,
                            "शब्द", "a message", tuple(fixes), 0.5, "a.txt", 2, column + 4, ())
    assert hash(found) == hash(dataclasses.replace(found))
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.text = "x"


def test_fix_has_the_dataclass_parameters_and_stays_frozen_ordered_and_picklable():
    """Fix's own __init__ (made for speed, as Finding's) takes what the dataclass's took: the three
    fields by place or name, `applicability` by name only; the fix is set, frozen, equal, hashed and
    ordered by its fields, and pickles."""
    from audit.core.findings import DISPLAY_ONLY, UNSAFE

    params = list(inspect.signature(Fix.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in dataclasses.fields(Fix)]
    assert [p.kind for p in params] == [inspect.Parameter.POSITIONAL_OR_KEYWORD] * 3 + [inspect.Parameter.KEYWORD_ONLY]
    assert all(p.default is inspect.Parameter.empty for p in params)
    by_place = Fix(3, 9, "शब्द", applicability=UNSAFE)
    by_name = Fix(start=3, end=9, replacement="शब्द", applicability=UNSAFE)
    assert (by_place.start, by_place.end, by_place.replacement, by_place.applicability) == (3, 9, "शब्द", UNSAFE)
    assert by_place == by_name and hash(by_place) == hash(by_name) and type(by_place) is Fix
    assert Fix(3, 9, "a", applicability=SAFE) < Fix(3, 10, "a", applicability=SAFE)
    assert sorted([Fix(5, 6, "b", applicability=SAFE), Fix(1, 2, "a", applicability=DISPLAY_ONLY)])[0].start == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_place.start = 4
    with pytest.raises(TypeError):
        Fix(3, 9, "x", SAFE)  # applicability by name only
    with pytest.raises(TypeError):
        Fix(3, 9, "x")
    assert dataclasses.replace(by_place, replacement="x").replacement == "x"
    assert pickle.loads(pickle.dumps(by_place)) == by_place
