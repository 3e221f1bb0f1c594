from __future__ import annotations

from collections import Counter

from audit.language.glossary import DEFAULT_GLOSSARY, Glossary
from audit.language.lexicon import Lexicon


def test_house_glossary_is_large_and_valid():
    glossary = Glossary.load([DEFAULT_GLOSSARY])
    assert len(glossary.entries) >= 300
    kinds = Counter(e.kind for e in glossary.entries)
    for kind in ("company", "product", "person", "country", "agency", "currency", "unit"):
        assert kinds[kind] >= 5, kind
    assert sum(bool(e.variants) for e in glossary.entries) >= 60
    assert sum(bool(e.wrong_renderings) for e in glossary.entries) >= 5


def test_lines_are_spreadsheet_lines():
    glossary = Glossary.load([DEFAULT_GLOSSARY])
    lines = DEFAULT_GLOSSARY.read_text(encoding="utf-8").splitlines()
    for entry in glossary.entries[:50]:
        assert lines[entry.line - 1].startswith(entry.latin + "\t")


def test_digest_changes_with_content(tmp_path):
    a = tmp_path / "a.tsv"
    a.write_text("latin\tcanonical\nOpenAI\tओपनएआई\n", encoding="utf-8")
    first = Glossary.load([a]).digest
    a.write_text("latin\tcanonical\nOpenAI\tओपनएआई\nMeta\tमेटा\n", encoding="utf-8")
    assert Glossary.load([a]).digest != first


def test_lexicon_loads():
    lexicon = Lexicon()
    assert len(lexicon.senses) >= 15 and len(lexicon.anglicisms) >= 30
    assert "कंपनी" in lexicon.loanwords and "के" in lexicon.stopwords
    assert lexicon.numbers["नौ"] == 9


def _plain(glossary: Glossary):
    return glossary.entries, [list(getattr(glossary, name)._table.items()) for name in ("forms", "wrong", "latin")]


def test_the_cached_glossary_is_the_glossary_built_from_its_files(tmp_path, monkeypatch):
    """Built once into the table cache, then read back: the same entries and indexes; an edited
    file is a new key, and a broken one is still reported by the build."""
    import pytest

    from audit.core.errors import GlossaryError

    monkeypatch.setenv("JAANCH_CACHE_DIR", str(tmp_path / "cache"))
    extra = tmp_path / "extra.tsv"
    extra.write_text("latin\tcanonical\tvariants\nAcme\tएक्मे\tऐक्मे\n", encoding="utf-8")
    paths = [DEFAULT_GLOSSARY, extra]
    expected = _plain(Glossary._build(paths))
    assert _plain(Glossary.load(paths)) == expected  # builds and writes
    assert len(list((tmp_path / "cache").glob("glossary-*.marshal"))) == 1
    read = Glossary.load(paths)
    assert _plain(read) == expected
    assert all(value[0] is read.entries[read.entries.index(value[0])] for _, value in read.forms._table.items())
    extra.write_text("latin\tcanonical\nAcme\tएक्मी\n", encoding="utf-8")
    assert _plain(Glossary.load(paths)) == _plain(Glossary._build(paths))
    extra.write_text("latin\tcanonical\nAcme\tacme\n", encoding="utf-8")
    with pytest.raises(GlossaryError):
        Glossary.load(paths)
