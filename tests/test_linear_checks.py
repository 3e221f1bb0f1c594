"""The linear-time rewrites of REP002, FMT002, FMT003, FMT007 and FMT012 find exactly what the quadratic originals found.

Each original is kept here as the reference (all pairs of sentences; an unanchored greedy regex; a
search back from the start of the text) and run on articles built from the real seed articles with
sentences repeated, trimmed and reordered. Speed itself is measured by benchmarks/big_inputs.py.
"""

from __future__ import annotations

import random
import re

import pytest

from conftest import seed_paths

from audit.core.document import parse_article
from audit.lint.checks.base import Context
from audit.lint.checks.chrf import sentence_chrf
from audit.lint.checks.formatting.hyphen_dash import HyphenAsDash
from audit.lint.checks.formatting.hyphen_space import HyphenSpace
from audit.lint.checks.repetition import repeated_phrase, repeated_sentence
from audit.lint.checks.repetition.repeated_phrase import RepeatedPhrase
from audit.lint.checks.repetition.repeated_sentence import RepeatedSentence
from audit.lint.checks.words import word_codes


def _reference_rep002(check, ctx):
    """The original: every sentence against every earlier kept sentence."""
    min_words = int(ctx.setting(check, "min_words"))
    threshold = ctx.setting(check, "min_chrf")
    min_overlap = ctx.setting(check, "min_overlap")
    earlier = []
    for sent in ctx.article.sentences:
        words = sent.words
        if len(words) < min_words:
            continue
        bag = frozenset(t.key for t in words)
        for prev, prev_bag in earlier:
            if len(bag & prev_bag) / len(bag | prev_bag) < min_overlap:
                continue
            score = 100.0 if prev.text == sent.text else sentence_chrf(sent.text, prev.text)
            if score >= threshold:
                yield check._finding(ctx, sent, prev, score)
                break
        else:
            earlier.append((sent, bag))


def _sentences() -> list[str]:
    out = []
    for path in seed_paths():
        article = parse_article(path.read_text(encoding="utf-8"))
        out.extend(s.text for s in article.sentences if len(s.words) >= 4)
    return out


def _variant(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    kind = rng.random()
    if kind < 0.3 and len(words) > 6:
        del words[rng.randrange(len(words))]  # a near repeat: one word dropped
    elif kind < 0.45 and len(words) > 6:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]  # two words swapped
    elif kind < 0.55:
        rng.shuffle(words)  # the same bag of words, another sentence
    return " ".join(words)


@pytest.fixture(scope="module")
def articles(glossary_and_lexicon):
    pool = _sentences()
    rng = random.Random(15)
    texts = []
    for _ in range(6):
        chosen = rng.sample(pool, 60)
        body = chosen + [_variant(rng.choice(chosen), rng) for _ in range(40)]
        rng.shuffle(body)
        lines = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
        texts.append("\n".join(lines) + "\n")
    return texts


@pytest.fixture(scope="module")
def glossary_and_lexicon():
    from audit.lint.engine import Engine

    engine = Engine()
    return engine.glossary, engine.lexicon


def _key(findings):
    return [(f.start, f.end, f.message, f.fixes) for f in findings]


@pytest.mark.parametrize("settings", [{}, {"REP002.min_overlap": 0.3, "REP002.min_chrf": 60.0},
                                      {"REP002.min_overlap": 0.0}, {"REP002.min_overlap": 0.9}])
def test_rep002_finds_what_all_pairs_found(articles, glossary_and_lexicon, settings):
    glossary, lexicon = glossary_and_lexicon
    check = RepeatedSentence()
    total = 0
    for text in articles:
        ctx = Context(parse_article(text), glossary, lexicon, settings)
        ours = _key(check.run(ctx))
        assert ours == _key(_reference_rep002(check, ctx))
        total += len(ours)
    assert total > 10  # the articles do hold repeats: the comparison means something


def _one_bag_in_many_orders(seed: int) -> list[str]:
    """400 sentences of one bag of words, each in an order drawn at random."""
    rng = random.Random(seed)
    words = "सरकार ने आज नई नीति की घोषणा करते हुए कहा कि किसानों को राहत मिलेगी".split()
    sentences = []
    for _ in range(400):
        rng.shuffle(words)
        sentences.append(" ".join(words) + "।")
    return sentences


def test_rep002_compares_a_bounded_number_of_sentences(glossary_and_lexicon, monkeypatch):
    """One bag of words in many orders, the input that made all-pairs comparison quadratic."""
    glossary, lexicon = glossary_and_lexicon
    lines = _one_bag_in_many_orders(3)
    calls = []
    monkeypatch.setattr(repeated_sentence, "sentence_chrf", lambda a, b: calls.append(1) or 0.0)
    ctx = Context(parse_article("\n".join(lines) + "\n"), glossary, lexicon, {})
    list(RepeatedSentence().run(ctx))
    assert len(calls) <= 400 * repeated_sentence.MAX_COMPARED < 400 * 399 / 2


def test_rep002_finds_verbatim_copies_past_the_compared_sentences(glossary_and_lexicon, monkeypatch):
    """Past MAX_COMPARED candidates only a verbatim copy is looked up, by each text's first place (made
    when first asked for, from the sentences before, and kept up to date after): copies of a sentence
    from before that point and of sentences after it are each found, pointing at the first copy's line."""
    glossary, lexicon = glossary_and_lexicon
    sentences = _one_bag_in_many_orders(5)
    assert len(set(sentences)) == len(sentences)
    sentences[201], sentences[301], sentences[351] = sentences[11], sentences[101], sentences[321]
    # two sentences a line: no sentence is a line of its own (a page template's repeated line)
    lines = [f"{sentences[i]} {sentences[i + 1]}" for i in range(0, len(sentences), 2)]
    monkeypatch.setattr(repeated_sentence, "sentence_chrf", lambda a, b: 0.0)  # only verbatim copies count
    ctx = Context(parse_article("\n".join(lines) + "\n"), glossary, lexicon, {})
    found = {f.line: f.message for f in RepeatedSentence().run(ctx)}
    assert {line: found.get(line) for line in (101, 151, 176)} == {
        line: f"this sentence repeats the sentence on line {first}; delete one copy"
        for line, first in ((101, 6), (151, 51), (176, 161))}


_OLD_FMT002 = re.compile(r"([\u0900-\u0963\u0966-\u097FA-Za-z0-9]+)(?: +-(?=[\u0900-\u097FA-Za-z])|-(?: +)"
                         r"(?=[\u0900-\u097FA-Za-z]))([\u0900-\u0963\u0966-\u097FA-Za-z0-9]+)")


def _hyphen_texts(articles) -> list[str]:
    rng = random.Random(7)
    out = []
    for text in articles:
        chars = list(text)
        for _ in range(80):  # plant hyphens with spaces on either side, and dandas, at random
            i = rng.randrange(len(chars))
            chars.insert(i, rng.choice([" -", "- ", " - ", "-", " -  ", "।-", " - दो", "है-"]))
        out.append("".join(chars))
    return out


def test_fmt002_matches_the_original_regex(articles):
    from audit.lint.checks.formatting import hyphen_space

    for text in _hyphen_texts(articles) + ["ओपन -सोर्स एआई", "a1 -b2", "x-  y", "।ओपन -सोर्स", "क" * 500 + " -ख"]:
        old = [(m.span(), m.groups()) for m in _OLD_FMT002.finditer(text)]
        assert [(m.span(), m.groups()) for m in hyphen_space._PATTERN.finditer(text)] == old


def test_fmt003_matches_the_search_from_the_start(articles, glossary_and_lexicon, monkeypatch):
    from audit.lint.checks.formatting import hyphen_dash

    glossary, lexicon = glossary_and_lexicon
    before_pattern = re.compile(r"[\u0900-\u097F]+$")
    texts = _hyphen_texts(articles) + ["दो - तीन लोग", "कहा - यह ठीक है", "पांच - छह और सात - आठ"]
    for text in texts:
        ctx = Context(parse_article(text), glossary, lexicon, {})
        ours = _key(HyphenAsDash().run(ctx))
        with monkeypatch.context() as patch:
            patch.setattr(hyphen_dash, "_word_before",
                          lambda t, end: (m.group() if (m := before_pattern.search(t, 0, end)) else ""))
            assert ours == _key(HyphenAsDash().run(ctx))


def _mark_texts(articles) -> list[str]:
    """The articles with a share of their dandas typed as full stops (a danda article that slips, and a
    full-stop article that slips the other way), with datelines and labels opening lines, each also as
    one long line (a paste with its line breaks lost)."""
    rng = random.Random(7)
    out = []
    for text in articles:
        for share in (0.2, 0.8):
            marked = "".join(". " if ch == "।" and rng.random() < share else ch for ch in text)
            lines = marked.split("\n")
            for i in range(0, len(lines), 4):
                lines[i] = rng.choice(["भोपाल। ", "नई दिल्ली. ", "ये भी देखें । ", ""]) + lines[i]
            out += ["\n".join(lines), " ".join(lines)]
    return out


def test_fmt007_and_fmt012_read_a_lines_opening_as_the_search_from_its_start(articles, glossary_and_lexicon,
                                                                            monkeypatch):
    """`full_stop.line_opening` looks back a bounded reach for the line's start (a search back to the start
    of one long line at every mark was quadratic): the same findings as that search."""
    from audit.lint.checks.formatting import danda_for_stop, full_stop
    from audit.lint.checks.formatting.danda_for_stop import DandaForFullStop
    from audit.lint.checks.formatting.full_stop import FullStopForDanda

    glossary, lexicon = glossary_and_lexicon
    found = 0
    for text in _mark_texts(articles):
        ours = {}
        for check in (FullStopForDanda(), DandaForFullStop()):
            ours[check.code] = _key(check.run(Context(parse_article(text), glossary, lexicon, {})))
            found += len(ours[check.code])
        with monkeypatch.context() as patch:
            for module in (full_stop, danda_for_stop):
                patch.setattr(module, "line_opening", lambda t, at: t.rfind("\n", 0, at) + 1)
            for check in (FullStopForDanda(), DandaForFullStop()):
                assert ours[check.code] == _key(check.run(Context(parse_article(text), glossary, lexicon, {})))
    assert found > 100  # both checks find something to compare


def test_fmt002_on_a_long_unbroken_word_finds_nothing_and_returns(glossary_and_lexicon):
    glossary, lexicon = glossary_and_lexicon
    ctx = Context(parse_article("क" * 40_000 + "\n"), glossary, lexicon, {})
    assert list(HyphenSpace().run(ctx)) == []


def _all_pairs_merge(found, order):
    """The original merge: every finding against every finding kept so far."""
    phrase_level = ("REP",)
    ranked = sorted(found, key=lambda f: (order.get(f.code, len(order)), not f.fixes, f.start, f.end))
    kept = []
    for f in ranked:
        phrase = f.code.startswith(phrase_level)
        if any((k.start, k.end) == (f.start, f.end)
               or (k.start <= f.start and f.end <= k.end or f.start <= k.start and k.end <= f.end)
               and k.category == f.category and phrase == k.code.startswith(phrase_level) for k in kept):
            continue
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end, order.get(f.code, len(order))))


def test_merge_overlapping_keeps_what_all_pairs_kept():
    from audit.core.findings import SAFE, Finding, Fix, Severity
    from audit.lint.engine import merge_overlapping

    codes = [("TERM001", "terminology"), ("TERM003", "terminology"), ("ANGL001", "anglicism"),
             ("REP001", "repetition"), ("REP002", "repetition"), ("FMT010", "formatting")]
    order = {code: i for i, (code, _) in enumerate(codes)}
    codes += [("SUP001", "suppression"), ("LM001", "terminology")]  # codes the order does not know
    rng = random.Random(1)
    for _ in range(2000):
        found = []
        width = rng.choice([60, 600])  # crowded spans, or spread out (most findings meet no other)
        for i in range(rng.randrange(1, 25)):
            code, category = rng.choice(codes)
            start = rng.randrange(0, width)
            end = start + rng.choice([0, 1, 2, 3, 5, 8, 20, 40])
            fixes = (Fix(start, end, "x", applicability=SAFE),) if rng.random() < 0.5 else ()
            found.append(Finding(code=code, rule="r", category=category, severity=Severity.WARNING, start=start,
                                 end=end, line=1, column=1, text="", message=str(i), fixes=fixes))
        ours = [(f.start, f.end, f.code, f.message) for f in merge_overlapping(found, order)]
        assert ours == [(f.start, f.end, f.code, f.message) for f in _all_pairs_merge(found, order)]


class _QuadraticRepeatedPhrase(RepeatedPhrase):
    """REP001's original scan: each position against every earlier copy, each compared word by word,
    every sentence and every adjacent pair scanned (no test for a repeated n-gram first)."""

    def run(self, ctx):
        sentences = ctx.article.sentences
        reported: set[int] = set()
        coded = word_codes(ctx)
        for i, sent in enumerate(sentences):
            words = sent.words
            yield from self._scan(ctx, words, words, coded[i], coded[i], True, reported)
            if i + 1 < len(sentences) and not repeated_phrase._template(ctx, sent, sentences[i + 1], ctx.conventions):
                yield from self._scan(ctx, words, sentences[i + 1].words, coded[i], coded[i + 1], False, reported)

    def _scan(self, ctx, first, second, a, b, same, reported):
        min_words = int(ctx.setting(self, "min_words" if same else "min_words_adjacent"))
        min_content = int(ctx.setting(self, "min_content" if same else "min_content_adjacent"))
        seen: dict[str, list[int]] = {}
        for p in range(len(a) - min_words + 1):
            seen.setdefault(a[p : p + min_words], []).append(p)
        q = 0
        while q <= len(b) - min_words:
            best, best_p = 0, 0
            for p in seen.get(b[q : q + min_words], ()):
                if same and p >= q:
                    break
                length = 0
                while (q + length < len(b) and p + length < len(a) and a[p + length] == b[q + length]
                       and (not same or p + length < q)):
                    length += 1
                if length > best:
                    best, best_p = length, p
            phrase = second[q : q + best]
            # the production rule, unchanged: a '|' typed for the danda in or between the copies makes
            # them two sentences, judged by the adjacent bounds
            apart = same and best and repeated_phrase._danda_pipe_between(ctx.article.text, first[best_p].start,
                                                                            phrase[0].start)
            need_words = int(ctx.setting(self, "min_words_adjacent")) if apart else min_words
            need_content = int(ctx.setting(self, "min_content_adjacent")) if apart else min_content
            if (best >= need_words and sum(t.key not in ctx.lexicon.stopwords for t in phrase) >= need_content
                    and phrase[0].start not in reported
                    and not repeated_phrase._by_design(ctx, first, best_p, second, q, best, same and not apart)):
                reported.add(phrase[0].start)
                yield self._finding(ctx, phrase, same and not apart)
                q += best
            else:
                q += 1


def _with_phrase_repeats(rng: random.Random, sentences: list[str]) -> str:
    """Seed sentences, some with a run of their own words said again (at once, after a gap, or twice)."""
    out = []
    for sentence in rng.sample(sentences, 40):
        words = sentence.rstrip("।").split()
        if len(words) > 6 and rng.random() < 0.6:
            i = rng.randrange(len(words) - 4)
            run = words[i : i + rng.randrange(3, 6)]
            at = min(len(words), i + len(run) + rng.choice([0, 0, 1, 3, 8]))
            words[at:at] = run * rng.choice([1, 1, 2])
        out.append(" ".join(words) + "।")
    return "\n".join(" ".join(out[i : i + 4]) for i in range(0, len(out), 4))


def test_rep001_windowed_scan_finds_what_the_quadratic_scan_found(glossary_and_lexicon):
    """Within its 60-word window the diagonal-run scan is the original, finding for finding."""
    glossary, lexicon = glossary_and_lexicon
    sentences = [s for s in _sentences() if len(s.split()) < 50]
    rng = random.Random(5)
    fired = 0
    for _ in range(25):
        article = parse_article(_with_phrase_repeats(rng, sentences))
        ctx = Context(article, glossary, lexicon, {})
        ours = [(f.start, f.end, f.message, f.fixes) for f in RepeatedPhrase().run(ctx)]
        assert ours == [(f.start, f.end, f.message, f.fixes) for f in _QuadraticRepeatedPhrase().run(ctx)]
        fired += len(ours)
    assert fired > 20


def test_rep001_passes_over_only_sentences_that_cannot_repeat(glossary_and_lexicon):
    """A sentence none of whose other words (not stopwords) comes twice, and a pair of sentences
    sharing none, are passed over: the findings stay the quadratic scan's, with runs of stopwords
    said again in a sentence and across the next, and the content bars as low as 1 (and 0: no pass)."""
    glossary, lexicon = glossary_and_lexicon
    sentences = [s for s in _sentences() if len(s.split()) < 25]  # within the 60-word window
    stop = sorted(lexicon.stopwords)
    rng = random.Random(11)
    fired = 0
    for bars in ((3, 4), (1, 1), (1, 4), (0, 0)):
        settings = {"REP001.min_content": bars[0], "REP001.min_content_adjacent": bars[1]}
        for _ in range(15):
            out = []
            for sentence in rng.sample(sentences, 30):
                words = sentence.rstrip("।").split()
                if rng.random() < 0.5:  # a run of stopwords, or of words and stopwords, said twice
                    run = rng.sample(stop, 3) + rng.sample(words, rng.choice([0, 1, 2]))
                    words[rng.randrange(len(words)):0] = run
                    words[rng.randrange(len(words)):0] = run
                if out and rng.random() < 0.4:  # a run of the sentence before said again
                    before = out[-1].rstrip("।").split()
                    i = rng.randrange(len(before))
                    words[rng.randrange(len(words)):0] = before[i : i + rng.randrange(3, 9)]
                out.append(" ".join(words) + "।")
            article = parse_article(" ".join(out))
            ctx = Context(article, glossary, lexicon, settings)
            ours = [(f.start, f.end, f.message, f.fixes) for f in RepeatedPhrase().run(ctx)]
            assert ours == [(f.start, f.end, f.message, f.fixes) for f in _QuadraticRepeatedPhrase().run(ctx)]
            fired += len(ours)
    assert fired > 50


def _lines_run(check, ctx, module) -> tuple[int, list]:
    """Lines of `module` executed while `check` runs on `ctx` (a count of work that a busy machine
    does not change, where a timed assertion would), and its findings."""
    import sys

    count = [0]

    def local(frame, event, arg):
        count[0] += event == "line"
        return local

    sys.settrace(lambda frame, event, arg: local if frame.f_code.co_filename == module.__file__ else None)
    try:
        found = list(check.run(ctx))
    finally:
        sys.settrace(None)
    return count[0], found


@pytest.mark.parametrize("shape", [
    lambda n: "1," * n + "\n",  # one number said over and over: 5 MB took REP001 minutes
    lambda n: "क ख " * (n // 2) + "\n",  # a word pair said over and over
    # a long sentence of repeats under a headline line: each repeat copied the sentence's keys
    lambda n: "कंपनी का नया मॉडल बाजार में\n" + "अपने मॉडल को बेचा " * (n // 4) + "।\n",
])
def test_rep001_work_per_word_stays_flat_on_one_long_repeating_sentence(shape, glossary_and_lexicon):
    """Within its window REP001 compared every earlier copy at every word and walked the first
    words' diagonals to the sentence's end (about 850 lines run per word of `1,1,1,…`, 72 of `क ख क ख …`), and asked
    a headline about a sentence by copying all its keys: work per word must neither be large nor
    grow with the sentence. The findings stay the windowed scan's (test above)."""
    glossary, lexicon = glossary_and_lexicon
    work = []
    for words in (2000, 4000):
        ctx = Context(parse_article(shape(words)), glossary, lexicon, {})
        lines, _ = _lines_run(RepeatedPhrase(), ctx, repeated_phrase)
        work.append(lines / words)
    assert work[1] < 64 and work[1] < 1.15 * work[0], work


def test_rep001_on_periodic_sentences_finds_what_the_quadratic_scan_found(glossary_and_lexicon):
    """Sentences of one word, a word pair or a phrase said over and over (within the window, where
    the quadratic original is the reference): the early stop and the capped diagonal walks change
    no finding."""
    glossary, lexicon = glossary_and_lexicon
    texts = ["1, " * 50 + "।", "क ख " * 25 + "।", "अपने मॉडल को " * 15 + "बेचा।",
             "कंपनी का नया मॉडल\n" + "अपने मॉडल को बेचा " * 12 + "।", "मॉडल जारी " * 20 + "किया। " + "मॉडल जारी " * 20 + "।",
             "1 2 1 2 3 " * 10 + "।\n" + "2 3 1 2 3 1 " * 8 + "।"]
    fired = 0
    for text in texts:
        ctx = Context(parse_article(text), glossary, lexicon, {})
        ours = [(f.start, f.end, f.message, f.fixes) for f in RepeatedPhrase().run(ctx)]
        assert ours == [(f.start, f.end, f.message, f.fixes) for f in _QuadraticRepeatedPhrase().run(ctx)]
        fired += len(ours)
    assert fired > 5


def test_bil009_holds_each_distinct_loan_once_against_the_words_of_its_first_letter(monkeypatch):
    """A table pasted as one long segment: BIL009 compared every loan token with every source word
    (0.1 and 0.2 MB of Hindi: 2.2 and 9.0 CPU s). Now each distinct form is looked up once per segment,
    against the source words whose lemma opens with the English word's letter; the finding is the same."""
    from audit.lint.checks import BY_CODE
    from audit.lint.checks.bilingual import neighbour_loan
    from audit.lint.engine import Engine

    source = " ".join(f"The river rose over the levee near town{i} and word{i} spread." for i in range(300))
    target = " ".join(f"नदी का पानी कस्बे {i} के पास लेवल के ऊपर से बहा और खबर फैली।" for i in range(300))
    calls = []
    real = neighbour_loan._neighbour
    monkeypatch.setattr(neighbour_loan, "_neighbour", lambda form, *a: calls.append(form) or real(form, *a))
    found = Engine(checks=[BY_CODE["BIL009"]]).audit_text(target, source=source)
    assert len(found) == 300 and {f.text for f in found} == {"लेवल"}
    assert len(calls) == len(set(calls)) < 40  # one look per distinct Devanagari form, not per token
