"""The cached lookup tables answer exactly what the libraries they were built from answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SAMPLES, SHARED, seed_paths

DEVANAGARI = st.text(alphabet=st.sampled_from([chr(c) for c in range(0x900, 0x980)] + ["a", " ", "\u200d"]),
                     max_size=8)


@settings(max_examples=400, deadline=None)
@given(DEVANAGARI)
def test_romanisation_matches_indic_transliteration(word):
    from indic_transliteration import sanscript

    from audit.core.text import _devanagari_to_hk

    assert _devanagari_to_hk(word) == sanscript.transliterate(word, sanscript.DEVANAGARI, sanscript.HK)


def _real_words() -> set[str]:
    from audit.core.document import word_spans
    from audit.core.text import normalize

    words: set[str] = set()
    texts = [p.read_text(encoding="utf-8") for p in [*SAMPLES.glob("*.txt"), *seed_paths()]]
    data = SHARED / "data" / "indicmt-eval-hi" / "Hin_val.jsonl"  # (was ../../shared: beside the worktrees' folder)
    if data.exists():
        for line in data.read_text(encoding="utf-8").splitlines()[:400]:
            texts.extend(v for v in json.loads(line).values() if isinstance(v, str))
    for text in texts:
        for line in text.splitlines():
            words.update(normalize(line[s:e]) for s, e in word_spans(line))
    return words


def test_word_frequencies_match_wordfreq():
    from wordfreq import zipf_frequency

    from audit.language.wordstats import english_words, english_zipf, hindi_zipf

    words = _real_words()
    assert len(words) > 500
    for word in words:
        assert hindi_zipf(word) == zipf_frequency(word, "hi"), word
    for word in ["capacity", "distillation", "offline", "the", "zzqxv", "naïve", "Capacity", "co-op"]:
        assert english_zipf(word) == zipf_frequency(word, "en"), word
    assert {"capacity", "development"} <= english_words() and "zzqxv" not in english_words()


@settings(max_examples=300, deadline=None)
@given(DEVANAGARI)
def test_hindi_frequency_of_any_string_matches_wordfreq(word):
    from wordfreq import zipf_frequency

    from audit.language.wordstats import _zipf

    assert _zipf(word, "hi") == zipf_frequency(word, "hi")


def test_an_unwritable_cache_folder_only_costs_the_rebuild(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    env = dict(os.environ, JAANCH_CACHE_DIR=str(blocked / "tables"))
    args = [sys.executable, "-m", "audit.cli.main", "check", "--format", "json", "--fail-on", "never"]
    cold = subprocess.run([*args, str(SAMPLES)], capture_output=True, cwd=ROOT, env=env, timeout=300)
    warm = subprocess.run([*args, str(SAMPLES)], capture_output=True, cwd=ROOT, timeout=300)
    assert cold.returncode == warm.returncode == 0
    assert cold.stdout == warm.stdout and json.loads(cold.stdout)


def test_tables_are_rebuilt_in_a_fresh_cache_and_reused(tmp_path):
    env = dict(os.environ, JAANCH_CACHE_DIR=str(tmp_path))
    probe = ("from audit.language.wordstats import hindi_zipf, english_zipf\n"
             "from audit.core.text import romanise\n"
             "print(hindi_zipf('भारत'), english_zipf('capacity'), romanise('कैपेसिटी'))")
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env)
    names = sorted(p.name.split("-")[0] for p in tmp_path.iterdir())
    second = subprocess.run([sys.executable, "-c", probe + "\nimport sys; print('wordfreq' in sys.modules)"],
                            capture_output=True, text=True, cwd=ROOT, env=env)
    assert first.stdout.split() == second.stdout.split()[:3]
    assert second.stdout.split()[3] == "False"
    assert names == ["hk", "wordfreq", "wordfreq"]


def test_a_corrupt_or_truncated_table_file_is_rebuilt_not_returned(tmp_path, monkeypatch):
    """A file some other program overwrote ('g' unpacks as a float) or cut short costs the rebuild."""
    from audit.core.datacache import cached_table, table_path

    monkeypatch.setenv("JAANCH_CACHE_DIR", str(tmp_path))
    table = {"words": list(range(1000))}
    assert cached_table("t", ("v1",), lambda: table, {"words": [int]}) == table
    path = table_path("t", ("v1",))
    whole = path.read_bytes()
    for damaged in (b"garbage\x00\xff", whole[: len(whole) // 2], whole + b"\x00"):
        path.write_bytes(damaged)
        assert cached_table("t", ("v1",), lambda: table, {"words": [int]}) == table
        assert path.read_bytes() == whole  # written again, whole


@settings(max_examples=300, deadline=None)
@given(DEVANAGARI)
def test_plain_hindi_frequency_is_the_table_or_nothing(word):
    """`hindi_frequencies` answers a plain word as wordfreq does and anything else (a word opening with a
    sign, a non-NFC spelling) with 0, without handing it to wordfreq (whose import a check must not pay)."""
    import unicodedata

    from wordfreq import zipf_frequency

    from audit.language.wordstats import _PLAIN, hindi_frequencies

    plain = bool(_PLAIN["hi"].fullmatch(word)) and unicodedata.is_normalized("NFC", word)
    assert hindi_frequencies().get(word, 0.0) == (zipf_frequency(word, "hi") if plain else 0.0)


def test_plain_hindi_frequency_never_imports_wordfreq(tmp_path):
    env = dict(os.environ, JAANCH_CACHE_DIR=str(tmp_path))
    probe = ("import sys\nfrom audit.language.wordstats import hindi_frequencies\n"
             "known = hindi_frequencies().get\n"
             "print(known('\\u093fबताएगा', 0.0), known('भारत', 0.0) > 4, 'wordfreq' in sys.modules)")
    for _ in range(2):  # the first run builds the table (with wordfreq), the second reads it
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                             cwd=ROOT, env=env).stdout.split()
    assert out == ["0.0", "True", "False"]
