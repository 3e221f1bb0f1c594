from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import compress
from operator import itemgetter

from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.core.text import latin_key, translit_key, within_one_edit
from audit.language.wordstats import english_zipf, hindi_zipf
from audit.lint.checks.terminology.channel_names import names_account
from audit.lint.checks.base import Check, Context
from audit.core.conventions import CHROME, ENGLISH_LINE, GLOSS, HEADLINE, KICKER, URL
from audit.lint.checks.english_phrases import in_english_phrase_of
from audit.lint.checks.terminology.entity_consistency import _LATIN_SKELETONS, _spell_acronym
from audit.lint.checks.terminology.consonants import outline, skeleton_outline
from audit.lint.checks.conventions import inside
from audit.lint.checks.words import DEVANAGARI, PerWord, devanagari_counts, latin_runs

# (a letter or digit first, then the look-behind: searched for, not tried at every position)
_LATIN_WORD = re.compile(r"[A-Za-z0-9](?<![A-Za-z0-9][A-Za-z0-9])[A-Za-z0-9+]*(?![A-Za-z0-9])")


def _word_starts(text: str, runs: list[tuple[int, int]]) -> list[int]:
    """Where `_LATIN_WORD` matches, read from the runs of `[A-Za-z0-9+]` (`latin_runs`, shared with
    TERM003) instead of a scan of the whole text: at the first letter or digit of each run (what is
    before it in the run is "+", no letter or digit), and from there it takes the rest of the run,
    so no other start inside the run is reached (a test compares this with `finditer`)."""
    starts = []
    for start, end in runs:
        while start < end and text[start] == "+":
            start += 1
        if start < end:
            starts.append(start)
    return starts


def _word_spans(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of `_LATIN_WORD`'s matches, read from the runs of `[A-Za-z0-9+]` (`latin_runs`): a
    match opens at a run's first letter or digit (`_word_starts`) and takes the rest of the run (its
    look-behind sees a "+" or no run character before it, its look-ahead the run's end), so a word is
    its run less any "+" it opens with. The runs themselves where the text has no "+" (most)."""
    if "+" not in text:
        return runs
    spans = []
    for start, end in runs:
        while start < end and text[start] == "+":
            start += 1
        if start < end:
            spans.append((start, end))
    return spans


_MODEL = re.compile(r" (?=[A-Za-z]*\d)[A-Za-z0-9]{1,5}\b")  # F5, M2, C50, 12X
_DEVA_MODEL = re.compile(r" (?:[\u0900-\u097f]{1,3}[0-9]+|[A-Za-z]*[0-9]+)\b")  # पोको एम2, पोको F5


# a bracket padded with spaces inside, `( fastag documents required )`: the SEO keyword template
_KEYWORD_TAG = re.compile(r"\( [^()\n]{1,80} \)")


def _keyword_tags(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _KEYWORD_TAG.finditer(text)]


def _name_like(word: str) -> bool:
    """Casing says name: capitals after the first letter (POCO, iPhone) or letters with digits (12X)."""
    return any(c.isupper() for c in word[1:]) or (any(c.isalpha() for c in word) and any(c.isdigit() for c in word))


_CAPS_BEFORE = re.compile(r"[A-Z]{2,} $")  # an all-capitals word and a space right before
_CAPS_RUN = re.compile(r"[A-Z]{2,}(?: [A-Z]{2,})*(?![A-Za-z0-9])")


def _caps_in_capital_run(text: str, surfaces: dict[str, list[tuple[int, int]]]) -> bool:
    """Two forms, Title case and all capitals, each all-capitals use in a run of three or more
    all-capital words (`SATYENDRA NATH BOSE`): a heading or gloss set in capitals, not a casing of the name."""
    caps = [s for s in surfaces if s.isalpha() and s.isupper()]
    if len(surfaces) != 2 or len(caps) != 1 or not all(s[0].isupper() and s[1:].islower() and s.isalpha()
                                                       for s in surfaces if s not in caps):
        return False
    for start, _ in surfaces[caps[0]]:
        while (before := _CAPS_BEFORE.search(text, max(0, start - 30), start)) is not None:
            start = before.start()
        if len(_CAPS_RUN.match(text, start).group().split()) < 3:
            return False
    return True


class LatinNameVariant(Check):
    """A Latin-script name the glossary does not list, written two ways in one article.

    Anti-pattern:  POCO F5 लॉन्च ... Poco F5 की कीमत   Galaxy S24 ... Galaxy S 24   12X / 12x
                   Chat GPT ने ... चैट GPT से
    Fix:           the form the article uses more often (on a tie, the first one)

    A name in Latin and in Devanagari (NATO / नाटो) counts too, except in a bracketed gloss, a
    kicker or a related-links line, and before a model number (Poco F1 beside पोको is a model); so
    does a common English word capitalised in a Hindi line beside its Devanagari spelling (`Yellow
    Alert जारी` ... `येलो अलर्ट`), unless three or more Latin words run together there (an English
    kicker or full form: `Share Market Closing :`, `फुल फॉर्म Grey Market Premium`); its fix, the
    Devanagari word alone in a Latin phrase, is only shown.
    Listed names are TERM002's. Casing is compared only where it marks a name (capitals after the
    first letter, or letters with digits), so `The` at a sentence start and `the` pass; lines written
    in English (captions, summaries) are left alone, and so is a word in lower case inside a bracket
    padded with spaces (`FASTag … ( fastag documents required )`: an SEO keyword tag, typed as searched), and so is
    a name in a run of three or more all-capital words (`(SATYENDRA NATH BOSE)` beside `Bose`: a heading's
    capitals), and so is a word whose every use stands in an English phrase of four words or more (`What is
    skin care-…` beside `… Skincare Routine-…`: English headings glossed in Hindi). Fix safety: unsafe, a reader confirms the name;
    display-only where a Latin name would be written in Devanagari beside a Latin word (Poco India). A
    headline keeps brands in Latin by the press's own habit: a brand's Latin form there is not flagged
    (an acronym's is: FIH in a headline beside एफआईएच). A Latin run right before चैनल, पेज, अकाउंट,
    हैंडल or ग्रुप (`… Bhojpuri यूट्यूब चैनल`) is a channel's or account's name, as its owner writes it.
    """

    code = "TERM005"
    name = "latin-name-variant"
    category = "terminology"
    severity = Severity.WARNING
    article_wide = True  # a Latin name's other spellings may be anywhere in the article

    def run(self, ctx: Context):
        text = ctx.article.text
        listed = ctx.covered(ctx.glossary.latin)
        english = ENGLISH_LINE in ctx.conventions.line_kinds  # else no word needs its line looked up
        # a word of a web address (bpsc.bih.nic.in) is written as the site writes it: not a name's casing
        urls = any(span.kind == URL for span in ctx.conventions.inline)
        words = _word_spans(text, latin_runs(ctx))  # (start, end) of each Latin word, in order
        if listed or english or urls:
            words = [span for span in words if span not in listed
                     and not (english and ctx.conventions.line_kind(span[0]) == ENGLISH_LINE)
                     and not (urls and ctx.conventions.is_convention(*span, (URL,)))]
        if not words:
            return
        # each word's text, lower case and the gap to the next word, read once by map (a word's
        # lower case is its key: ASCII, so a pair's key is the two keys joined)
        starts, ends = list(map(_FIRST, words)), list(map(_SECOND, words))
        groups = list(map(text.__getitem__, map(slice, starts, ends)))
        keys = list(map(str.lower, groups))
        gaps = list(map(text.__getitem__, map(slice, ends, starts[1:])))  # gaps[i]: between word i and i + 1
        kept = range(len(words))
        if "( " in text and (tags := _keyword_tags(text)):
            # ( fastag ): an SEO keyword typed as searched, not the name's spelling
            kept = [i for i in kept if not (groups[i].islower() and inside(tags, *words[i]))]
        singles = set(keys) if len(kept) == len(words) else {keys[i] for i in kept}
        # Two Latin words written apart, joined or hyphenated: Galaxy S 24 / Galaxy S24, Chat GPT / ChatGPT
        # (2-0 beside the 20 of T20 is a score or a range: no name's two spellings)
        joins = [i for i in compress(range(len(gaps)), map(_JOINING.__contains__, gaps))
                 if keys[i] + keys[i + 1] in singles and not (keys[i] + keys[i + 1]).isdigit()]
        # A key is looked at only where it is written two ways: a word written in two casings, or a
        # joined pair's key (written apart too); the others (most) are not gathered at all.
        multi = {keys[i] + keys[i + 1] for i in joins}
        if len(singles) < len(written := {(keys[i], groups[i]) for i in kept}):
            multi.update(key for key, n in Counter(map(_FIRST, written)).items() if n > 1)
        if multi:
            forms: dict[str, dict[str, list[tuple[int, int]]]] = {}  # in order of each key's first single use
            for i in kept:
                if keys[i] in multi:
                    forms.setdefault(keys[i], {}).setdefault(groups[i], []).append(words[i])
            for i in joins:
                span = (starts[i], ends[i + 1])
                forms[keys[i] + keys[i + 1]].setdefault(text[span[0] : span[1]], []).append(span)
            for key, surfaces in forms.items():
                if len(surfaces) < 2 or not any(_name_like(s) or " " in s or "-" in s for s in surfaces):
                    continue
                if all(s[0].isupper() and s[1:].islower() for s in surfaces if s.isalpha()) and \
                        all(" " not in s and "-" not in s for s in surfaces):
                    continue  # Title / title: sentence casing, not a name
                if all(in_english_phrase_of(ctx, *span) for spans in surfaces.values() for span in spans):
                    continue  # What is skin care … Skincare Routine: English headings' words, no name the Hindi uses
                if _caps_in_capital_run(text, surfaces):
                    continue  # (SATYENDRA NATH BOSE) beside Bose: a heading set in capitals, not the name's casing
                yield from self._report(ctx, surfaces)
        yield from self._half_transliterated(ctx, words, groups, gaps)
        yield from self._two_scripts(ctx, words, groups, gaps)

    def _report(self, ctx: Context, surfaces: dict[str, list[tuple[int, int]]]):
        ranked = sorted(surfaces, key=lambda s: (-len(surfaces[s]), surfaces[s][0][0]))
        kept = ranked[0]
        for form in ranked[1:]:
            for start, end in surfaces[form]:
                yield ctx.finding(self, start, end,
                                  f"'{form}' and '{kept}' ({len(surfaces[kept])}x): one name written two ways",
                                  [Fix(start, end, kept, applicability=UNSAFE)])

    def _half_transliterated(self, ctx: Context, words, groups, gaps):
        """चैट GPT beside Chat GPT: the first word of a Latin name transliterated, the rest left."""
        text = ctx.article.text
        pairs = {(groups[i], groups[i + 1]) for i in compress(range(len(gaps)), map(" ".__eq__, gaps))}
        if not pairs:
            return
        by_tail: dict[str, list[str]] = defaultdict(list)
        for head, tail in pairs:
            by_tail[tail].append(head)
        for i in compress(range(len(words)), map(by_tail.__contains__, groups)):
            heads = by_tail[groups[i]]
            start, end = words[i]
            if start == 0 or text[start - 1] != " ":
                continue
            deva_start, deva = _deva_before(text, start - 1)
            if not deva:
                continue
            for head in heads:
                if len(head) >= 3 and groups[i].isalpha() and _sounds_like(deva, head):
                    kept = f"{head} {groups[i]}"
                    yield ctx.finding(self, deva_start, end,
                                      f"'{text[deva_start:end]}' and '{kept}': one name half in Devanagari",
                                      [Fix(deva_start, end, kept, applicability=UNSAFE)])
                    break

    def _two_scripts(self, ctx: Context, words, groups, gaps):
        """NATO ... नाटो, Poco ... पोको: one name in Latin and in Devanagari (glosses in brackets aside)."""
        text = ctx.article.text
        aside = (GLOSS, KICKER, CHROME, URL)
        latin: dict[str, list[tuple[int, int]]] = defaultdict(list)
        common: set[str] = set()  # English words, not names: Alert, Plaza (a hint, see below)
        run_lengths = None  # of the Latin runs, worked out once when a common word first asks
        # what the word alone says (`_SHAPES`, per distinct word, read by one map) first, then its place
        shapes = list(map(_SHAPES.__getitem__, groups))
        is_convention = ctx.conventions.is_convention
        for i in compress(range(len(words)), shapes):
            word, span = groups[i], words[i]
            if in_english_phrase_of(ctx, *span):
                continue  # OTT Top Watched Web Series: an English title run into the line, not a name in the Hindi
            if names_account(text, words, gaps, i):
                continue  # … Records Bhojpuri यूट्यूब चैनल: a channel's name as its owner writes it
            if not is_convention(*span, aside) and not _MODEL.match(text, span[1]):  # Poco F1: a model name keeps its Latin
                if shapes[i] == _NAME:
                    latin[word].append(span)
                elif (run_lengths := run_lengths or _run_lengths(gaps))[i] <= 2:
                    # a common English word capitalised in a Hindi line (Yellow Alert, Toll Plaza)
                    # beside its Devanagari spelling; three or more Latin words are an English phrase
                    # (a kicker, a full form: Share Market Closing, Grey Market Premium), not a word
                    latin[word].append(span)
                    common.add(word)
        if not latin:
            return
        # The Devanagari words (of three letters or more) that may be such a name, by the word
        # alone; only those a Latin word sounds like are looked for in the text (all in one
        # lookup), and a use counts outside a gloss, kicker, chrome or address and before no
        # model number.
        words_deva = list(filter(_NAMEABLE.__getitem__, devanagari_counts(ctx)))
        if len(latin) * len(words_deva) <= _PAIRS_COMPARED:
            sounding = _sounding_by_length(latin, words_deva)
        else:  # many names and many words: each name's sound-alikes looked up, not every pair compared
            sounding = _sounding(latin, words_deva)
        deva: dict[str, list[tuple[int, int]]] = defaultdict(list)  # a word's uses that count, in text order
        for start, end in DEVANAGARI.places(text, {d for found in sounding.values() for d in found}):
            if not is_convention(start, end, aside) and not _DEVA_MODEL.match(text, end):
                deva[text[start:end]].append((start, end))
        for word, spans in latin.items():
            # in the order of each word's first use that counts
            match = sorted((d for d in sounding[word] if d in deva), key=lambda d: deva[d][0][0])
            if not match:
                continue
            other = [span for d in match for span in deva[d]]
            if word in common:
                # क्वार्क Labs: a Devanagari use inside a Latin phrase is the half-transliterated name's
                other = [span for span in other if not _beside_latin(text, *span)]
                if not other:
                    continue
            # a common word's Latin side is the slip, however often: Hindi text writes अलर्ट, not Alert
            minority, kept = (spans, match[0]) if len(spans) <= len(other) or word in common else (other, word)
            for start, end in minority:
                if (not kept.isascii() and word not in common and not word.isupper()
                        and ctx.conventions.line_kind(start) == HEADLINE):
                    continue  # a headline keeps brands in Latin as the press writes them (`Xiaomi … Poco का टीजर`);
                    # an acronym there (FIH, EPFO beside एफआईएच) is the other script still
                # Devanagari put inside a Latin name (FIH Pro League, Delhi-NCR) mixes scripts in it, and
                # a headline's acronym is the press's habit too: only a hint then
                inside = not kept.isascii() and (_beside_latin(text, start, end) or word in common
                                                 or ctx.conventions.line_kind(start) == HEADLINE)
                yield ctx.finding(self, start, end,
                                  f"'{text[start:end]}' and '{kept}': one {'word' if word in common else 'name'} "
                                  "in two scripts in this article",
                                  [Fix(start, end, kept, applicability=DISPLAY_ONLY if inside else UNSAFE)])


_NAME, _COMMON = 1, 2


def _shape(word: str) -> int:
    """What a Latin word alone says for `_two_scripts`: 0, not a name (under three letters, not
    capitalised, not all letters); _NAME, a name by its casing or a word English text seldom uses;
    _COMMON, a common English word capitalised (Alert, Plaza)."""
    if not (len(word) >= 3 and word[0].isupper() and word.isalpha()):
        return 0
    return _NAME if _name_like(word) or english_zipf(word.lower()) < 3.0 else _COMMON


_SHAPES = PerWord(_shape, 50_000)
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_JOINING = (" ", "-")  # a gap that joins two Latin words into one name's spelling
# a Devanagari word that may be a name's other script: three letters or more, not a common word
_NAMEABLE = PerWord(lambda word: len(word) >= 3 and hindi_zipf(word) < 4.6)


def _run_lengths(gaps: list[str]) -> list[int]:
    """For each Latin word, how many Latin words one space apart make the run that holds it (`gaps`:
    what stands between each word and the next): one pass over the words (walking each word's run
    from it cost the square of a long English run)."""
    lengths: list[int] = []
    first = 0
    for k in range(1, len(gaps) + 2):
        if k == len(gaps) + 1 or gaps[k - 1] != " ":
            lengths += [k - first] * (k - first)
            first = k
    return lengths


_LATIN_BEFORE = re.compile(r"[A-Za-z0-9][ \t]?-?[ \t]?$")
_LATIN_AFTER = re.compile(r"[ \t]?-?[ \t]?[A-Za-z0-9]")


def _beside_latin(text: str, start: int, end: int) -> bool:
    """Whether a Latin word stands right before or after [start, end), across one space or hyphen."""
    return bool(_LATIN_BEFORE.search(text, max(0, start - 3), start) or _LATIN_AFTER.match(text, end))


_PAIRS_COMPARED = 20_000  # more (Latin name, Devanagari word) pairs than this are looked up by key


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


_ONE_EDIT: dict[tuple[str, str], bool] = {}  # (a word's key, a long name's key) -> within one edit, per pair of keys


def _sounding_by_length(latin, words_deva: list[str]) -> dict[str, set[str]]:
    """Per Latin name, the Devanagari words that are its acronym spelled out or sound like it
    (`_sounds_like`), comparing a name only with the words whose key is as long as its own, one
    letter longer or one shorter (no other is one edit away), each key worked out once. A name key
    of three or four letters must be met exactly (`_keys_sound_alike`): its words are sifted by one
    compiled comparison of every key with it; a longer one's candidates by their key's length."""
    keyed = _keyed(latin, words_deva)
    keys, found = [key for key, _ in keyed], [d for _, d in keyed]
    lengths = None  # of the keys, read once a long name asks
    present = set(words_deva)
    sounding = {}
    for word in latin:
        b = _LATIN_KEYS[word]
        if len(b) < 3:
            near = set()  # a shorter key sounds like nothing
        elif len(b) <= 4:
            near = set(compress(found, map(b.__eq__, keys)))
        else:
            # no key further than one letter from the name's length is within one edit of it
            lengths = lengths or list(map(len, keys))
            near = set()
            for i in compress(range(len(keys)), map({len(b) - 1, len(b), len(b) + 1}.__contains__, lengths)):
                alike = _ONE_EDIT.get((keys[i], b))
                if alike is None:
                    if len(_ONE_EDIT) > 200_000:
                        _ONE_EDIT.clear()  # a bound on memory over an endless stream of new words
                    alike = _ONE_EDIT[keys[i], b] = within_one_edit(keys[i], b)
                if alike:
                    near.add(found[i])
        if (acronym := _spell_acronym(word)) in present:
            near.add(acronym)
        sounding[word] = near
    return sounding


def _sounding(latin, words_deva: list[str]) -> dict[str, list[str]]:
    """Per Latin name, the Devanagari words that are its acronym spelled out or sound like it
    (`_sounds_like`), in the order of `words_deva`: what comparing every pair gives, found by key.
    Two keys one edit apart are equal, or one is a deletion of the other, or they share a
    deletion (that last is checked by the edit distance): so a name's candidates are looked up
    by its key and its key's deletions in an index of the words' keys and their deletions."""
    order = {w: i for i, w in enumerate(words_deva)}
    by_key: dict[str, list[str]] = defaultdict(list)
    for key, w in _keyed(latin, words_deva):
        by_key[key].append(w)
    under: dict[str, set[str]] = defaultdict(set)  # a deletion of a word's key: those keys
    for key in by_key:
        if len(key) >= 4:  # one shorter than the shortest name key an edit is allowed for
            for d in _deletions(key):
                under[d].add(key)
    out: dict[str, list[str]] = {}
    for word in latin:
        b = _LATIN_KEYS[word]
        keys = {b}
        if len(b) > 4:
            keys |= under.get(b, set())
            for d in _deletions(b):
                keys.add(d)
                keys |= under.get(d, set())
        found = {w for key in keys if _keys_sound_alike(key, b) for w in by_key.get(key, ())}
        spelled = _spell_acronym(word)
        if spelled in order:
            found.add(spelled)
        out[word] = sorted(found, key=order.__getitem__)
    return out


_KEYS: dict[str, str] = {}  # a Devanagari word's key (`translit_key`), once a name asked for it
_PASSED_OVER: set[str] = set()  # words met once, whose key no name asked for


def _keyed(latin, words_deva: list[str]) -> list[tuple[str, str]]:
    """(key, word) of the words, in order, less words whose key is not worked out yet and cannot
    sound like any of the names: a key the name's must equal has its consonants in the same order
    (one outline, `consonants.outline`), and a key one edit from it lacks at most one of its
    consonants and has at most one more. A new word's outline is one translate; its key romanises
    it letter by letter (some 17 µs): on a page of news most words are met once, and only the few
    that may sound like a name there are keyed; a word met again is keyed then."""
    known = list(map(_KEYS.get, words_deva))
    if None not in known:  # every word keyed already (a page whose words were all met before)
        return list(zip(known, words_deva))
    exact: set[str] = set()  # the outlines of the names a key must equal (three or four letters)
    near: list[frozenset[str]] = []  # the consonants of the names a key may be one edit from
    for word in latin:
        n = len(_LATIN_KEYS[word])
        if n >= 3:  # a shorter key sounds like nothing (`_keys_sound_alike`)
            (exact.add(_NAME_OUTLINES[word]) if n <= 4 else near.append(frozenset(_NAME_OUTLINES[word])))
    keyed = []
    for d, key in zip(words_deva, known):
        if key is None:
            # a word met again is keyed, once: the test costs more than looking a key up
            if d not in _PASSED_OVER and outline(d) not in exact:
                letters = set(outline(d))
                if not any(len(letters - n) <= 1 and len(n - letters) <= 1 for n in near):
                    if len(_PASSED_OVER) > 200_000:
                        _PASSED_OVER.clear()  # a bound on memory over an endless stream of new words
                    _PASSED_OVER.add(d)
                    continue  # sounds like none of the names: its key is not asked for
            if len(_KEYS) > 200_000:
                _KEYS.clear()
            key = _KEYS[d] = translit_key(d)
        keyed.append((key, d))
    return keyed


_LATIN_KEYS = PerWord(latin_key, 50_000)  # a Latin name's key, per distinct name (a regex and a dozen replaces)
# a Latin name's outline (`consonants.skeleton_outline` of its key's skeleton, TERM003's memo of it), per distinct name
_NAME_OUTLINES = PerWord(lambda word: skeleton_outline(_LATIN_SKELETONS[word]), 50_000)


def _sounds_like(deva: str, latin: str) -> bool:
    return _keys_sound_alike(translit_key(deva), latin_key(latin))


def _keys_sound_alike(a: str, b: str) -> bool:
    """A Devanagari word's key `a` against a Latin name's key `b`: a name key of three or four
    letters must be met exactly, a longer one within one edit (found in one pass)."""
    if len(b) < 3:
        return False
    if len(b) <= 4:
        return a == b  # no edit allowed
    return within_one_edit(a, b)


def _deva_before(text: str, end: int) -> tuple[int, str]:
    """The Devanagari run that `re.search("[...]+$", text[:end])` finds (ending at `end`, or just
    before a newline there), walked back from `end` instead of searched for from the text's start."""
    if end > 0 and text[end - 1] == "\n":
        end -= 1
    start = end
    while start > 0 and _is_deva_letter(text[start - 1]):
        start -= 1
    return start, text[start:end]


def _is_deva_letter(ch: str) -> bool:
    return "\u0900" <= ch <= "\u0963" or "\u0971" <= ch <= "\u097f"
