from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import accumulate, chain, compress
from operator import attrgetter

from audit.core.tokens import Token, _token_info
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.language.clustering import cluster_forms, same_name
from audit.core.text import fold, latin_key, skeleton, translit_key, vowel_distance
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context, scan_sentences
from audit.lint.checks.english_phrases import in_english_phrase_of
from audit.lint.checks.letters import follows_initial
from audit.lint.checks.letters import spell_acronym as _spell_acronym
from audit.lint.checks.slots import stem_uses
from audit.lint.checks.terminology.consonants import OUTLINES, outline, skeleton_outline
from audit.lint.checks.terminology.name_groups import Group, forms_summary, spelling_target, written
from audit.lint.checks.words import PerWord, inline_chrome, token_keys, token_texts

_TOKENS, _START = attrgetter("tokens"), attrgetter("start")

_TRANSLITERATES: dict[tuple[str, str], bool] = {}


def _transliterates(deva: str, latin: str) -> bool:
    """Is the Devanagari form a transliteration of the Latin one (रूस/Russia, एआई/AI), not a
    translation (भारत/India, अमेरिका/US)? Only then are the two one name in two scripts. Answered
    once per pair of forms: a name's two scripts meet again in article after article."""
    got = _TRANSLITERATES.get((deva, latin))
    if got is None:
        if len(_TRANSLITERATES) > 100_000:
            _TRANSLITERATES.clear()  # a bound on memory over an endless stream of new names
        got = _TRANSLITERATES[deva, latin] = _transliteration(deva, latin)
    return got


def _transliteration(deva: str, latin: str) -> bool:
    deva, latin = deva.replace(" ", ""), latin.replace(" ", "")
    spelled = _spell_acronym(latin)
    if spelled and fold(spelled) == fold(deva):
        return True
    a, b = skeleton(translit_key(deva)), skeleton(latin_key(latin))
    return bool(a and b) and vowel_distance(a, b) <= max(1, max(len(a), len(b)) // 2)


_SAINTS = frozenset("सेंट सेन्ट सैंट".split())  # Saint, opening a place's or a club's name (सेंट लुइस)


def _in_longer_name(text: str, tokens: list[Token], i: int) -> bool:
    """tokens[i] follows an initial (`follows_initial`) or सेंट, a space or a hyphen apart: a word of a
    longer name (यू मुंबा, पेरिस सेंट जर्मां)."""
    if follows_initial(text, tokens, i):
        return True
    return i > 0 and tokens[i - 1].text in _SAINTS and text[tokens[i - 1].end : tokens[i].start] in (" ", "-")


class EntityConsistency(Check):
    """One name written in two or more forms in the same article.

    Anti-pattern:  दीपसेक ने … डीपसेक का मॉडल …    (two spellings of DeepSeek)
                   Microsoft ने … माइक्रोसॉफ्ट के …  (two scripts)
    Fix:           डीपसीक ने … डीपसीक का मॉडल …    (the glossary form, else the majority form)
    Names outside the glossary are grouped by a transliteration key (consonant skeleton,
    vowels folded), so unlisted names are caught too. Spellings are counted with a nukta or
    chandrabindu apart as one (निफ़्टी / निफ्टी is no second spelling here). The glossary's spelling
    is suggested where the article writes it, else the article's majority spelling (never a form
    the article does not use: that would be a third spelling); on a tie the one Hindi text uses
    more, and where nothing breaks the tie no form is proposed (a note: which side is the slip is
    not known), and every form is told, the first-written too, where the forms end alike a sign or two apart (a name's letters:
    रुपाली / रूपाली); forms that end otherwise (तिलमिलाए / तिलमिला) keep the first-written as the place to point from. A spelling the glossary lists
    as a variant is TERM001's to flag. A word written after an initial (यू मुंबा, a team) is part of a
    longer name, not a spelling of the listed name it resembles (मुंबई), nor is one after सेंट (पेरिस सेंट
    जर्मां, a club, beside जर्मनी). A verb's bare stem before a
    vector verb (उठना, जाना, पड़ना, देना, लेना …; रहना and सकना too) is that verb, not a second spelling
    of its inflected form: `बिलबिला उठे` beside `बिलबिलाए`.
    A translation is not a second spelling (भारत / India), and Latin in a bracketed gloss,
    a kicker, an English line, a headline or page chrome is house usage, not the other script; nor is a
    company's Latin name written only as the first word of longer Latin names (Microsoft Office,
    Microsoft Azure): those are its products' names, kept in Latin as products are.
    Fix safety: unsafe ("keep to one form" is the editor's call); display-only where the fix
    would put one script inside a name written in the other (पोको एम2 प्रो -> पोको M2 प्रो).
    """

    code = "TERM003"
    name = "entity-consistency"
    category = "terminology"
    severity = Severity.WARNING
    article_wide = True  # every form of a name in the article is compared
    defaults = {"max_hindi_zipf": 3.0, "max_vowel_distance": 2, "min_skeleton": 3}

    def run(self, ctx: Context):
        for group in self._groups(ctx):
            if len(group.spans) > 1:  # one form: most groups
                yield from self._report(ctx, group)

    def _groups(self, ctx: Context) -> list[Group]:
        glossary = ctx.glossary
        by_entry: dict[str, Group] = {}
        loose: list[Token] = []
        latin: list[Token] = []
        claimed: set[int] = set()  # the starts of the tokens the glossary's matches take
        stop, loans = ctx.lexicon.stopwords, ctx.lexicon.loanwords
        max_zipf = ctx.setting(self, "max_hindi_zipf")
        text, kind = ctx.article.text, ctx.conventions.kind
        found = scan_sentences(ctx, glossary.forms)
        latin_names = scan_sentences(ctx, glossary.latin)
        if latin_names:  # each sentence's names in text order: its forms, then its Latin names (a stable sort)
            found = sorted(chain(found, latin_names), key=_SENTENCE_INDEX)
        # a related story's headline run into a line (`Also Read - ...`): another story's spelling
        chrome = inline_chrome(ctx) if ctx.conventions.inline else []
        heads: dict[str, list[bool]] = {}  # a company's Latin uses: whether each opens a longer Latin name
        for sent, m in found:
            entry = m.value[0] if isinstance(m.value, tuple) else m.value
            name = entry.latin
            if _ALL_LOWER[name]:
                continue
            toks = sent.tokens
            start, end = toks[m.first].start, toks[m.last].end
            if chrome and any(s <= start < e for s, e in chrome):
                continue
            # A match is whole tokens of its sentence: two overlap where they share a token, and a
            # token is claimed by its start (all the token loop and the acronyms ask).
            if m.first == m.last:
                if start in claimed:
                    continue
                claimed.add(start)
            else:
                where = list(map(_START, toks[m.first : m.last + 1]))
                if not claimed.isdisjoint(where):
                    continue
                claimed.update(where)
            surface = text[start:end]
            is_ascii = surface.isascii()
            if is_ascii and (kind(start, end) is not None or in_english_phrase_of(ctx, start, end)):
                continue  # यूक्रेन (Ukraine), ChatGPT News:, an English caption or title: house usage
            group = by_entry.get(name)
            if group is None:  # (not setdefault: a Group made for every match costs more than the rest)
                group = by_entry[name] = Group(name, entry.canonical)
            key = surface.casefold() if is_ascii else surface  # _written
            group.add(key, surface, (start, end))
            if is_ascii and entry.kind == "company":
                heads.setdefault(name, []).append(_PRODUCT_AFTER.match(text, end) is not None)
            if isinstance(m.value, tuple) and m.value[1] != "canonical":
                group.listed[key] = m.value[1]
        for name, opens in heads.items():
            if all(opens):  # Microsoft Office, Microsoft Azure and never Microsoft alone: the products' names
                group = by_entry[name]
                for key in [k for k, surface in group.surface.items() if surface.isascii()]:
                    del group.spans[key], group.surface[key]
        # A name claims only tokens of its own sentence, so every sentence's names are claimed
        # before any token is looked at. Whether a token may be a loose name (1: a name-like
        # Devanagari word) or a Latin one (2: capitalised) is its text's answer, one per distinct
        # word, kept from article to article (a word met for the first time is classed by the
        # memo's own __missing__): the tokens are sifted by map and compress.
        tokens = ctx.article.tokens
        found = list(map(_token_classes(stop, loans, max_zipf).__getitem__, token_texts(ctx)))
        for tok, c in zip(compress(tokens, found), filter(None, found)):
            if tok.start in claimed or (chrome and any(s <= tok.start < e for s, e in chrome)):
                continue
            if c == 1:
                loose.append(tok)
            elif kind(tok.start, tok.end) is None and not in_english_phrase_of(ctx, tok.start, tok.end):
                latin.append(tok)
        groups = list(by_entry.values())
        loose = self._attach(ctx, groups, loose)
        groups.extend(self._cluster(ctx, loose, latin))
        groups.extend(self._acronyms(ctx, latin, claimed, tokens))
        return groups

    def _attach(self, ctx: Context, groups: list[Group], loose: list[Token]) -> list[Token]:
        """Join unlisted spellings (डीपसिक) to the glossary name they spell; return the rest."""
        # a token can share a skeleton only where it shares the outline (`consonants.outline`, read by
        # one translate): a word met for the first time is romanised only then. The outlines of the
        # groups' one-word Devanagari forms (per distinct form) are asked first, and the forms by
        # skeleton gathered only where a token meets one (few articles).
        outlines = {o for group in groups for o in map(_FORM_OUTLINES.__getitem__, group.surface.values())}
        if not any(map(outlines.__contains__, map(outline, map(_TEXT, loose)))):
            return loose  # (the same tokens, in the same order, the loop below would keep)
        max_dist = ctx.setting(self, "max_vowel_distance")
        min_skel = ctx.setting(self, "min_skeleton")
        known: dict[str, list[tuple[Group, str]]] = defaultdict(list)
        for group in groups:
            for key, surface in group.surface.items():
                if not surface.isascii() and " " not in surface:
                    known[_SKELETONS[surface]].append((group, surface))
        rest: list[Token] = []
        matched: list[tuple[Token, Group]] = []
        outlines = set(map(skeleton_outline, known))
        for tok in loose:
            if outline(tok.text) not in outlines:
                rest.append(tok)
                continue
            skel = _SKELETONS[tok.text]
            match = next(
                (g for g, surface in known.get(skel, ())
                 if len(skel) >= min_skel and same_name(fold(surface), tok.key, max_dist)),
                None,
            )
            if match is None:
                rest.append(tok)
            else:
                matched.append((tok, match))
        if matched:
            # A form written after an initial (यू मुंबा, U Mumba's Hindi) or after सेंट (पेरिस सेंट जर्मां, the
            # club) is a word of a longer name, wherever it stands: not a spelling of the listed name it
            # resembles (मुंबई, जर्मनी).
            # (each token's place found by bisection: tokens are in text order)
            text, tokens = ctx.article.text, ctx.article.tokens
            in_names = {tok.text for tok, _ in matched
                        if _in_longer_name(text, tokens, bisect_left(tokens, tok.start, key=_START))}
            for tok, match in matched:
                if tok.text in in_names:
                    rest.append(tok)
                else:
                    match.add(written(tok.text), tok.text, (tok.start, tok.end))
        return rest

    def _cluster(self, ctx: Context, loose: list[Token], latin: list[Token]) -> list[Group]:
        by_key: dict[str, list[Token]] = defaultdict(list)
        for tok in loose:
            by_key[tok.key].append(tok)
        groups: list[Group] = []
        # cluster_forms groups only forms of one consonant skeleton: where no two keys share one (most
        # articles) it finds nothing, so it is not asked. Two keys share a skeleton only where they
        # share its outline (`consonants.outline`, per distinct key, read by one map): only keys that
        # do are romanised (a word met for the first time costs some 17 µs) and handed on.
        outlines = list(map(OUTLINES.__getitem__, by_key))
        clusters = []
        if len(set(outlines)) < len(outlines):
            twice = {o for o, n in Counter(outlines).items() if n > 1}
            forms = [key for key, o in zip(by_key, outlines) if o in twice]
            skeletons = list(map(_SKELETONS.__getitem__, forms))
            if len(set(skeletons)) < len(skeletons):
                clusters = cluster_forms(forms, ctx.setting(self, "max_vowel_distance"),
                                         ctx.setting(self, "min_skeleton"), _SKELETONS)
        clustered = {key for forms in clusters for key in forms}
        # one folded key written two ways (निफ़्टी / निफ्टी) is a group of its own
        clusters += [[key] for key, toks in by_key.items()
                     if len(toks) > 1 and key not in clustered and len({t.text for t in toks}) > 1]
        if not clusters:
            return groups
        latin_by_skeleton: dict[str, list[Token]] = defaultdict(list)  # not every group × every Latin word
        for lt in latin:
            latin_by_skeleton[_LATIN_SKELETONS[lt.text]].append(lt)
        latin_outlines = set(map(skeleton_outline, latin_by_skeleton))
        for forms in clusters:
            group = Group(by_key[forms[0]][0].text)
            # बिलबिला उठे beside बिलबिलाए: the verb's stem before a vector verb, not a spelling
            stems = stem_uses(ctx.article.text, ctx.article.tokens, forms, by_key) if len(forms) > 1 else ()
            for key in forms:
                for tok in by_key[key]:
                    if tok.start in stems:
                        continue
                    group.add(written(tok.text), tok.text, (tok.start, tok.end))
            if latin_by_skeleton and outline(forms[0]) in latin_outlines:
                for lt in latin_by_skeleton.get(_SKELETONS[forms[0]], ()):
                    group.add(written(lt.text), lt.text, (lt.start, lt.end))
            groups.append(group)
        return groups

    def _acronyms(self, ctx: Context, latin: list[Token], claimed: set[int], tokens: list[Token]) -> list[Group]:
        """Groups of a Latin acronym and its spelling out (AI / एआई); `tokens`: the article's, in order."""
        spelled: dict[str, Group] = {}
        for tok in latin:
            key = _ACRONYM_KEYS[tok.text]
            if key is None:
                continue
            group = spelled.get(key)
            if group is None:
                group = spelled[key] = Group(tok.text)
            group.add(written(tok.text), tok.text, (tok.start, tok.end))
        if not spelled:
            return []
        # A token can only start a spelled acronym if its key opens one: most tokens stop at one lookup.
        openings = {key[:n] for key in spelled for n in range(1, len(key) + 1)}
        # where each sentence's tokens start in `tokens`: a token and the next are of one sentence
        # unless the next starts one
        firsts = None  # (made once a token before a number asks)
        for i in compress(range(len(tokens)), map(openings.__contains__, token_keys(ctx))):
            tok = tokens[i]
            if tok.kind != "deva" or tok.start in claimed:
                continue
            candidates = [(tok.key, i)]
            if i + 1 < len(tokens) and tokens[i + 1].kind == "num" and i + 1 not in (
                    firsts := firsts or set(accumulate(map(len, map(_TOKENS, ctx.article.sentences))))):
                candidates.insert(0, (tok.key + tokens[i + 1].key, i + 1))
            for key, last in candidates:
                group = spelled.get(key)
                if group is not None and hindi_zipf(tok.norm) < 4.0:
                    span = (tok.start, tokens[last].end)
                    surface = ctx.article.text[span[0] : span[1]]
                    group.add(written(surface), surface, span)
                    break
        return [g for g in spelled.values() if len(g.spans) > 1]

    def _report(self, ctx: Context, group: Group):
        """The findings of a group of two forms or more."""
        is_latin = {k: s.isascii() for k, s in group.surface.items()}
        deva = [k for k in group.spans if not is_latin[k]]
        spelling = {k: fold(group.surface[k]) for k in deva}  # a nukta or chandrabindu apart: one spelling
        several = len(set(spelling.values())) >= 2
        # One name in two scripts, not a word and its translation (भारत / India).
        latin = [k for k, ascii in is_latin.items()
                 if ascii and any(_transliterates(group.surface[d], group.surface[k]) for d in deva)]
        if not several and not latin:
            return  # one spelling, one script (a nukta apart, a Latin casing, a translation): nothing to count
        counts = dict(zip(group.spans, map(len, group.spans.values())))  # form -> how often written
        summary = None  # the forms by count, written out for the first finding (most groups have none)
        if several:
            target, basis = spelling_target(group, counts, deva, spelling, ctx.lexicon.concepts)
            kept = fold(target) if target else spelling[min(deva, key=lambda k: group.spans[k][0][0])]
            # A tie nothing breaks between spellings that end alike, a sign or two apart (रुपाली / रूपाली,
            # पैरालिंपिक / पैरालंपिक: a name's letters inside it) is told on every form, the first-written
            # too: the slip is as often the first. Forms that end otherwise (तिलमिलाए / तिलमिला, a verb's
            # ending dropped) or further apart (समाजीकरण / सामाजिककरण, two ways to coin a word) keep the
            # first-written one as the place to point from
            if not target and len({spelling[k][-1:] for k in deva}) == 1 and all(
                    vowel_distance(spelling[k], kept) <= 2 for k in deva):
                kept = None
            for key in deva:
                if spelling[key] == kept or key in group.listed:
                    continue  # the form kept, or a spelling the glossary lists (TERM001 flags it)
                for start, end in group.spans[key]:
                    summary = summary or forms_summary(group, counts)
                    yield ctx.finding(
                        self, start, end,
                        f"{group.label} is written {len(counts)} ways in this article ({summary}); "
                        + (f"use {basis} '{target}'" if target else "which spelling is right is the editor's call"),
                        [Fix(start, end, target, applicability=UNSAFE)] if target else [],
                        # a tie nothing breaks: the first-written form is kept only as a place to
                        # point from, so which side is the slip is not claimed (a note, not a warning)
                        severity=None if target else Severity.INFO,
                        confidence=0.95 if basis == "the glossary form" else 0.75,
                    )
        deva = [k for k in deva if any(_transliterates(group.surface[k], group.surface[lt]) for lt in latin)]
        if latin and deva:
            latin_n = sum(counts[k] for k in latin)
            deva_n = sum(counts[k] for k in deva)
            # On a tie the Latin form is the odd one out in a Hindi article (a headline's `Delhi-NCR`
            # beside the body's दिल्ली-एनसीआर), as the desk flags the English side of a concept pair.
            minority_latin = latin_n <= deva_n
            if minority_latin and _code_introduced(group, latin, deva, deva_n):
                return  # POCO X90 लॉन्च … पोको एक्स90 … एक्स90: the model's code given in Latin, then spelt out
            if minority_latin:
                target = spelling_target(group, counts, deva, {k: fold(group.surface[k]) for k in deva},
                                          ctx.lexicon.concepts)[0]
                target = target or group.surface[max(deva, key=lambda k: counts[k])]
            else:
                target = group.surface[max(latin, key=lambda k: counts[k])]
            for key in latin if minority_latin else deva:
                for start, end in group.spans[key]:
                    inside = _inside_name(ctx, start, end, target)
                    summary = summary or forms_summary(group, counts)
                    yield ctx.finding(
                        self, start, end,
                        f"{group.label} appears in both scripts in this article ({summary}); "
                        f"keep to one: '{target}'",
                        [Fix(start, end, target, applicability=DISPLAY_ONLY if inside else UNSAFE)],
                        severity=Severity.INFO,
                        confidence=0.6,
                    )


def _code_introduced(group: Group, latin: list[str], deva: list[str], deva_n: int) -> bool:
    """The Latin form is a model's code (letters and digits: C50, X90) written once, at the name's first
    mention, and the Devanagari form at least twice after it: a name introduced in Latin and then spelt
    out, the desks' convention, not a switch of script (a code written in Latin after its Devanagari
    form is one)."""
    if deva_n < 2 or len(latin) != 1 or len(group.spans[latin[0]]) != 1:
        return False
    surface = group.surface[latin[0]]
    at = group.spans[latin[0]][0][0]
    return (any(ch.isdigit() for ch in surface) and any(ch.isalpha() for ch in surface)
            and all(at < span[0] for k in deva for span in group.spans[k]))


# a capitalised Latin word right after a company's name: the name opens a product's (Microsoft Azure, Samsung Pay)
_PRODUCT_AFTER = re.compile(r" (?:[A-Z]|i[A-Z])[A-Za-z0-9]")
_ALL_LOWER = PerWord(lambda name: name == name.lower())  # a glossary name all in lower case: a common word
_SENTENCE_INDEX = lambda found: found[0].index  # noqa: E731  (of a (sentence, match) pair)
_SKELETONS = PerWord(lambda text: skeleton(translit_key(text)))  # a Devanagari name's, per distinct text
_LATIN_SKELETONS = PerWord(lambda text: skeleton(latin_key(text)))  # a Latin word's, per distinct text
# A one-word Devanagari form's outline (`skeleton_outline` of its skeleton), None for any other form, per form
_FORM_OUTLINES = PerWord(lambda form: None if form.isascii() or " " in form else skeleton_outline(_SKELETONS[form]))
# A Latin token's acronym spelled out in Devanagari (`_spell_acronym`), folded, or None: per distinct text
_ACRONYM_KEYS = PerWord(lambda text: None if (spelling := _spell_acronym(text)) is None else fold(spelling))
_TEXT = attrgetter("text")


class _Classes(dict):
    """A token text's class for grouping names, per distinct text (its kind and keys are its
    text's): 1, a name-like Devanagari word (not a stopword, a loan or a word Hindi text uses);
    2, a capitalised Latin word; 0, neither. Kept from article to article while the lexicon and
    cut stay (it holds them, so an identity is never another lexicon's)."""

    def __init__(self, stop=None, loans=None, max_zipf: float | None = None):
        super().__init__()
        self.stop, self.loans, self.max_zipf = stop, loans, max_zipf

    def __missing__(self, text: str) -> int:
        if len(self) > 200_000:
            self.clear()  # a bound on memory over an endless stream of new words
        norm, key, kind = _token_info(text)
        if kind == "deva":
            got = int(len(key) >= 3 and key not in self.stop and key not in self.loans
                      and hindi_zipf(norm) < self.max_zipf)
        else:
            got = 2 if kind == "latin" and text[:1].isupper() else 0
        self[text] = got
        return got


_CLASSES = [_Classes()]


def _token_classes(stop, loans, max_zipf: float) -> _Classes:
    """The classes memo (`_Classes`) for this lexicon and cut."""
    memo = _CLASSES[0]
    if memo.stop is not stop or memo.loans is not loans or memo.max_zipf != max_zipf:
        memo = _CLASSES[0] = _Classes(stop, loans, max_zipf)
    return memo


def _inside_name(ctx: Context, start: int, end: int, target: str) -> bool:
    """Would the fix put one script inside a name written in the other (पोको एम2 प्रो -> पोको M2 प्रो)?"""
    sentence = ctx.article.sentence_at(start)
    if sentence is None:
        return False
    toks = sentence.tokens
    # Tokens are in text order: a bisection, not a walk (a sentence of thousands of names was quadratic).
    first = bisect_left(toks, start, key=attrgetter("start"))
    last = bisect_left(toks, end, key=attrgetter("end"))
    if first == len(toks) or toks[first].start != start or last == len(toks) or toks[last].end != end:
        return False
    script = "latin" if ctx.article.text[start:end].isascii() else "deva"
    if script == ("latin" if target.isascii() else "deva"):
        return False
    stop = ctx.lexicon.stopwords
    neighbours = toks[first - 1 : first] + toks[last + 1 : last + 2]
    if script == "latin":
        return any(t.kind == "latin" for t in neighbours)
    return any(t.kind == "deva" and t.key not in stop and hindi_zipf(t.norm) < 4.0 for t in neighbours)
