"""The fast paths of segmentation and phrase lookup give exactly what the plain algorithms give."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st


PIECES = ["डीपसीक", "ने", "मॉडल", "को", "ओपन", "सोर्स", "Open", "AI", "“", "”", "‘", "’", "-", "–", ",", ".",
          "।", "?", "(", ")", "$", "1", "2", "000", "१२", "\u00a0", "\u200d", ":", "/", "कहा", "जेमिनी"]
SENTENCE = st.lists(st.sampled_from(PIECES), max_size=14).map(lambda parts: "".join(
    p + sep for p, sep in zip(parts, [" ", "", " ", "  ", "\t", " "] * 3)))


def _plain_tokens(sentence: str, base: int):
    from audit.core.tokens import _align, _peel, _tokenize

    return [(base + a, base + b, sentence[a:b])
            for s, e in _align(_tokenize(sentence), sentence, 0) for a, b in _peel(s, e, sentence)]


@settings(max_examples=400, deadline=None)
@given(SENTENCE, st.integers(0, 50))
def test_chunked_tokens_match_whole_sentence_tokens(sentence, base):
    from audit.core.tokens import _sentence_tokens
    from audit.core.text import fold, normalize

    if not sentence.strip():
        return
    tokens = _sentence_tokens(sentence, base)
    assert [(t.start, t.end, t.text) for t in tokens] == _plain_tokens(sentence, base)
    for t in tokens:
        assert (t.norm, t.key) == (normalize(t.text), fold(t.text))


DIGIT_PIECES = ["1", "2", "000", "5", ",", ".", ":", "/", "(", ")", "“", "-", "कहा", "AI", "₹", "\u200b", "।"]
DIGIT_SENTENCE = st.lists(st.sampled_from(DIGIT_PIECES), min_size=1, max_size=12).map(lambda parts: "".join(
    p + sep for p, sep in zip(parts, ["", " ", "", "", "  ", "\t"] * 2)))


@settings(max_examples=600, deadline=None)
@given(DIGIT_SENTENCE)
def test_digit_groups_in_later_chunks_are_joined_as_in_the_whole_sentence(sentence):
    """A sentence whose digit groups ("1,000") each lie inside one chunk is tokenized chunk by chunk:
    a group opening a later chunk is joined, as the whole-sentence rule joins all but the first."""
    from audit.core.tokens import _sentence_tokens

    if sentence.strip():
        assert [(t.start, t.end, t.text) for t in _sentence_tokens(sentence, 3)] == _plain_tokens(sentence, 3)


LINE_PIECES = ["ए", "बी", "श्री", "डॉ", "क", "राम", "X", "ab", ".", "?", "!", "\u0964", "\u0965", " ", "  ", "\t",
               "\u00a0", "1", "२", "½", "\uaaf1", "\u1c7e", "”", "ए.", "3.", "word"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=14).map("".join))
def test_sentence_spans_are_where_indic_nlp_pieces_stand(line):
    """Sentences are cut on offsets as indic-nlp's sentence_split cuts them (with a danda or
    without, numbers before a delimiter, full stops after one word or an abbreviation)."""
    from audit.core.tokens import _align
    from audit.core.sentences import _split_sentences, sentence_spans

    if not line.strip():
        return
    pieces = _split_sentences(line)
    letters = [c for c in line if not c.isspace()]
    # indic-nlp may drop a run of text (`एए.ए ए.` comes back as `ए ए.`); _align then raises, or, where
    # what is left still matches somewhere, aligns it: the run dropped stays a sentence of its own
    dropped = [c for piece in pieces for c in piece if not c.isspace()] != letters
    try:
        expected = None if dropped else _align(pieces, line, 0)
    except AssertionError:
        dropped = True
    if dropped:
        spans = sentence_spans(line)
        assert [c for s, e in spans for c in line[s:e] if not c.isspace()] == letters
        return
    assert sentence_spans(line) == expected


def test_a_run_indic_nlp_drops_before_an_abbreviation_stays_a_sentence():
    from audit.core.document import parse_article

    text = "X. Y ए. और"  # indic-nlp returns ["Y ए. और"]: the X. was lost and the article failed to parse
    assert [s.text for s in parse_article(text).sentences] == ["X.", "Y ए. और"]


def _plain_scan(table: dict, keys: list[str]):
    """The loop the automaton replaced: at each token, the longest phrase starting there."""
    longest = max((len(k) for k in table), default=0)
    i, out = 0, []
    while i < len(keys):
        for length in range(min(longest, len(keys) - i), 0, -1):
            if tuple(keys[i : i + length]) in table:
                out.append((i, i + length - 1, table[tuple(keys[i : i + length])]))
                i += length
                break
        else:
            i += 1
    return out


WORDS = ["ओपन", "एआई", "सोर्स", "मॉडल", "गूगल", "के", "मिथुन"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), max_size=8),
       st.lists(st.sampled_from(WORDS + ["और"]), max_size=20))
def test_automaton_scan_matches_the_longest_match_loop(phrases, words):
    from audit.core.document import parse_article
    from audit.core.phrases import PhraseIndex

    index: PhraseIndex[int] = PhraseIndex()
    table: dict = {}
    for n, phrase in enumerate(phrases):
        keys = index.add(" ".join(phrase), n)
        table.setdefault(keys, n)
    if not words:
        return
    tokens = [t for s in parse_article(" ".join(words)).sentences for t in s.tokens]
    got = [(m.first, m.last, m.value) for m in index.scan(tokens)]
    assert got == _plain_scan(table, [t.key for t in tokens])


_FRESH = itertools.count()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), max_size=8),
       st.lists(st.sampled_from(WORDS + ["और", "।", "।\n", "\n\n"]), max_size=30))
def test_one_scan_of_the_article_matches_a_scan_per_sentence(phrases, words):
    """The joined sentences are scanned at once: no match may cross a sentence boundary."""
    from audit.core.document import parse_article
    from audit.core.phrases import PhraseIndex

    index: PhraseIndex[int] = PhraseIndex()
    for n, phrase in enumerate(phrases):
        index.add(" ".join(phrase), n)
    fresh = f"नया{next(_FRESH)}"  # a word no phrase index has seen, so no code was given to it yet
    sentences = parse_article(" ".join([*words, fresh])).sentences
    expected = [(sent.index, m) for sent in sentences for m in index.scan(sent.tokens)]
    assert [(sent.index, m) for sent, m in index.scan_sentences(sentences)] == expected
    # a second index over the same sentences gives the fresh word a code: the joined encoding is redone
    other: PhraseIndex[int] = PhraseIndex()
    for n, phrase in enumerate([*phrases, [fresh]]):
        other.add(" ".join(reversed(phrase)), n)
    expected = [(sent.index, m) for sent in sentences for m in other.scan(sent.tokens)]
    assert [(sent.index, m) for sent, m in other.scan_sentences(sentences)] == expected
    # `keep` is shown each phrase matched once and gets the matches of the phrases it keeps, in order
    shown: list[int] = []

    def even(phrases: set[int], values: list[int]) -> set[int]:
        shown.extend(values[p] for p in phrases)
        return {p for p in phrases if values[p] % 2 == 0}

    kept = other.scan_sentences(sentences, even)
    assert sorted(shown) == sorted({m.value for _, m in expected})
    assert [(sent.index, m) for sent, m in kept] == [(i, m) for i, m in expected if m.value % 2 == 0]


URL_PIECES = ["date", "Updated", "POSTED", "publiſhed", "pic", ".", "com", "co", "in", "org", "net", "@", "#", ":",
              "/", "http", "s", "x", "1", "-", "+", " ", "\t", "\n", "मॉडल", "_"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(URL_PIECES), max_size=12).map("".join))
def test_the_url_pretest_never_hides_an_address(text):
    import re

    from audit.core.conventions import _URL_HINTS, _URLISH, Conventions

    may = Conventions(text)._may_have_address()
    # the hints searched for along the whole text, the date stamp at every line start
    assert may == bool(any(hint in text for hint in _URL_HINTS)
                       or re.search(r"(?im:^[ \t]*(?:date|updated|published|posted)\b)", text))
    if _URLISH.search(text):
        assert may


NUMBERISH = st.text(st.sampled_from("0123456789 ,.:/\t-x।क१"), max_size=40)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(SENTENCE, NUMBERISH))
def test_tokenizer_matches_indic_nlp(sentence):
    """The tokenizer gives what indic-nlp's trivial tokenizer gives, digit groups included (its
    own search is quadratic on a long run of digits; ours starts only where a run starts)."""
    from indicnlp.tokenize.indic_tokenize import trivial_tokenize

    from audit.core.tokens import _tokenize

    assert _tokenize(sentence) == trivial_tokenize(sentence, lang="hi")


def test_a_long_run_of_digits_is_searched_from_its_start_only(monkeypatch):
    """An 80,000-digit run beside a digit group: indic-nlp's own search took minutes. The digit-group
    search is asked once per run of digits, so it cannot look at every digit of one."""
    from audit.core import tokens as tokenizer

    tried = []
    real = tokenizer._NUMBER_RUN

    class Counting:
        def finditer(self, text):
            tried.append(text)
            return real.finditer(text)

    monkeypatch.setattr(tokenizer, "_NUMBER_RUN", Counting())
    text = "कीमत " + "1" * 80_000 + " और 1,5 रुपये"
    tokens = tokenizer._tokenize(text)
    assert tokens == ["कीमत", "1" * 80_000, "और", "1,5", "रुपये"] and len(tried) == 1
    assert real.pattern.startswith("(?<![0-9])")


# Devanagari letters and signs at both ends of the words' class (U+0900, U+0963, U+0971, U+097F),
# the signs beside it that are not letters (dandas, digits, U+0970), joiners, spaces of every kind,
# and the punctuation the tokenizer cuts at or peels off, glued to words or not.
WORD_PIECES = ["क", "ख़", "र्", "ि", "ं", "ँ", "़", "ॉ", "\u0900", "\u0963", "\u0971", "\u097f", "\u0950", "\u093d",
               "।", "॥", "१२", "\u0970", "\u200c", "\u200d", "\u200b", " ", "  ", "\t", "\u00a0", "\u2009", "\n",
               "\r\n", "-", "–", "—", ",", ".", ":", "/", "“", "”", "‘", "’", '"', "(", ")", "?", "!", "…", "1,000",
               "Open", "AI2", "२०२४"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=40).map("".join))
def test_devanagari_counts_from_tokens_match_the_regex_over_the_text(text):
    """The spelling checks' word counts, read from the article's tokens, are what the regex finds
    over the whole text, word for word and in the same order (no word runs across two tokens)."""
    from audit.core.document import parse_article
    from audit.lint.checks.words import DEVANAGARI, devanagari_counts

    ctx = SimpleNamespace(article=parse_article(text), shared={})
    assert list(devanagari_counts(ctx).items()) == list(DEVANAGARI.counts(text).items())


def test_devanagari_counts_from_tokens_match_the_regex_on_the_samples_and_seeds():
    from conftest import SAMPLES, SEEDS

    from audit.core.document import parse_article
    from audit.lint.checks.words import DEVANAGARI, devanagari_counts

    paths = sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    assert len(paths) >= 3
    for path in paths:
        text = path.read_text(encoding="utf-8")
        ctx = SimpleNamespace(article=parse_article(text), shared={})
        assert list(devanagari_counts(ctx).items()) == list(DEVANAGARI.counts(text).items()), path


PHRASE_WORDS = ["OTT", "Top", "Web", "C++", "5G", "a", "x" * 70, "Series" * 12, "वेब", "सीरीज", "2024", "।"]
PHRASE_GAPS = [" ", " ", " ", " ", "  ", ": ", " (", ")", "\n", "-", "\u00a0", "", ". "]
PHRASE_TEXT = st.lists(st.tuples(st.sampled_from(PHRASE_WORDS), st.sampled_from(PHRASE_GAPS)), max_size=30).map(
    lambda parts: "".join(word + gap for word, gap in parts))


@settings(max_examples=1500, deadline=None)
@given(PHRASE_TEXT, st.data())
def test_english_phrase_spans_answer_what_the_window_search_answers(text, data):
    """A span is asked about its window only inside a run of four or more Latin words of the
    article: the answer is the window search's for every word and any span (long words too,
    where the window holds fewer than four of a run's words)."""
    import re as regex

    from audit.core.document import parse_article
    from audit.lint.checks.english_phrases import in_english_phrase, in_english_phrase_of

    ctx = SimpleNamespace(article=parse_article(text) if text.strip() else SimpleNamespace(text=text), shared={})
    spans = [m.span() for m in regex.finditer(r"[A-Za-z0-9+]+", text)]
    if text:
        spans += [tuple(sorted(data.draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))))))]
    for start, end in spans:
        assert in_english_phrase_of(ctx, start, end) == in_english_phrase(text, start, end)


def _codes_word_by_word(article) -> list[str]:
    """REP001's original coding: each sentence's words (`Sentence.words`), key by key."""
    from audit.lint.checks.words import word_code_table

    table = word_code_table()
    return ["".join(table[t.key] for t in sentence.words) for sentence in article.sentences]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES + ["के", "AI", "ai", "Ai", "क़", "कंपनी", "कम्पनी"]), max_size=40).map("".join))
def test_word_codes_from_token_texts_match_the_words_key_by_key(text):
    """REP001's and REP002's word codes, read from the token texts, are each sentence's words
    coded key by key: one character per word token (none for punctuation), one per key."""
    from audit.core.document import parse_article
    from audit.lint.checks.words import word_codes

    ctx = SimpleNamespace(article=parse_article(text), shared={})
    assert word_codes(ctx) == _codes_word_by_word(ctx.article)


def test_word_codes_from_token_texts_match_the_words_on_the_samples_and_seeds():
    from conftest import SAMPLES, SEEDS

    from audit.core.document import parse_article
    from audit.lint.checks.words import word_codes

    for path in sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt")):
        ctx = SimpleNamespace(article=parse_article(path.read_text(encoding="utf-8")), shared={})
        assert word_codes(ctx) == _codes_word_by_word(ctx.article), path


CHUNK_PIECES = ["क", "र्", "ि", "ं", "़", "ॉ", "\u0972", "\u0929", "\u095b", "A", "x", "7", "१", "\u00a0", "\u2009",
                "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "-", "–", "—", ",", ".", ":", "/", "|", "“", "”", "‘",
                "’", "„", "'", '"', "(", ")", "…", "´", "©", "₹", "•", "।", "॥", "\r", "\x0b"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(CHUNK_PIECES), min_size=1, max_size=8).map("".join), st.booleans())
def test_a_chunk_taken_as_one_word_is_tokenized_as_the_general_path_would(chunk, inner):
    """A new chunk with no space, tab or digit group is cut at the tokenizer's punctuation alone, each
    piece between with nothing to strip or peel one token, without the tokenizer's walk."""
    from audit.core import tokens as tokenizer
    from audit.core.text import fold, normalize

    saved = tokenizer._CHUNKS, tokenizer._DIGIT_CHUNKS, tokenizer._INNER_CHUNKS
    tokenizer._CHUNKS, tokenizer._DIGIT_CHUNKS, tokenizer._INNER_CHUNKS = {"": ()}, {}, {}
    try:
        got = tokenizer._chunk_tokens(chunk, inner)
    finally:
        tokenizer._CHUNKS, tokenizer._DIGIT_CHUNKS, tokenizer._INNER_CHUNKS = saved
    plain = [(a, b, chunk[a:b]) for s, e in tokenizer._align(tokenizer._tokenize(chunk, inner), chunk, 0)
             for a, b in tokenizer._peel(s, e, chunk)]
    assert [row[:3] for row in got] == plain
    assert all(row[3:5] == (normalize(row[2]), fold(row[2])) for row in got)


def test_the_normaliser_leaves_alone_every_character_it_is_not_asked_about():
    """normalize() asks indic-nlp's normaliser only about texts holding a character it changes:
    every other character, alone or between letters, comes back unchanged."""
    from audit.core.text import _NORMALISER_CHANGES, _normalizer

    library = _normalizer()
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        listed = _NORMALISER_CHANGES.search(c) is not None
        for text in (c, "क" + c, c + "क" + c):
            assert listed or library.normalize(text) == text, hex(cp)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(CHUNK_PIECES), min_size=1, max_size=10).map("".join))
def test_normalize_is_nfc_then_indic_nlp(text):
    import unicodedata

    from audit.core.text import _ZERO_WIDTH, _normalizer, normalize

    expected = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    if any("\u0900" <= ch <= "\u097f" for ch in expected):
        expected = _normalizer().normalize(expected)
    assert normalize.__wrapped__(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), max_size=8),
       st.lists(st.sampled_from(WORDS + ["और", "।", "।\n", "\n\n"]), max_size=30))
def test_the_encoding_made_from_token_texts_is_the_one_made_from_token_keys(phrases, words):
    """The article's encoding coded from its tokens' texts (one map) is what reading each token's key gives,
    also after a new index gave a word met before a code of its own."""
    from audit.core import phrases as phrase_module
    from audit.core.document import parse_article
    from audit.core.phrases import PhraseIndex

    fresh = f"नया{next(_FRESH)}"
    article = parse_article(" ".join([*words, fresh]))
    for extra in ([], [[fresh]]):
        index: PhraseIndex[int] = PhraseIndex()
        for n, phrase in enumerate([*phrases, *extra]):
            index.add(" ".join(phrase), n)
        found = index.scan_sentences(article.sentences, texts=article.token_texts)
        assert [(sent.index, m) for sent, m in found] == [
            (sent.index, m) for sent in article.sentences for m in index.scan(sent.tokens)]
        phrase_module._JOINED[0] = None
        by_texts = phrase_module._encode_sentences(article.sentences, False, article.token_texts)
        phrase_module._JOINED[0] = None
        assert by_texts == phrase_module._encode_sentences(article.sentences, False)
