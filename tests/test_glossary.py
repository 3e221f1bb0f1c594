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
