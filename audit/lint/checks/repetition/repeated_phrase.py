from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, compress, count, islice, takewhile
from operator import attrgetter, gt, not_, or_, sub

from audit.core.conventions import CHROME, HEADLINE
from audit.core.document import Token
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import AUXILIARIES, CLAUSE_ENDS, LIGHT_VERBS
from audit.lint.checks.words import runs_of, word_code_table, word_codes


_STOP_CODES: list = [None, None, None]  # the stopwords, the code table and the pattern for them


def _stop_codes(stopwords: frozenset[str]) -> re.Pattern:
    """A pattern for a run of the stopwords' codes: `sub("", coded)` leaves a sentence's other
    words. Made once while the stopwords and the code table stay."""
    memo, table = _STOP_CODES, word_code_table()
    if memo[0] is not stopwords or memo[1] is not table:
        codes = sorted(map(table.__getitem__, stopwords))
        memo[:] = [stopwords, table, runs_of(f"[{''.join(map(re.escape, codes))}]") if codes else re.compile("(?!)")]
    return memo[2]


def _grams(coded: str, n: int) -> list[str]:
    return [coded[q : q + n] for q in range(len(coded) - n + 1)]


class RepeatedPhrase(Check):
    """A phrase of three or more words said twice in one sentence (or in two adjacent ones).

    Anti-pattern:  अपने मॉडल को कम लागत पर अपने मॉडल को प्रशिक्षित किया।
    Fix:           अपने मॉडल को कम लागत पर प्रशिक्षित किया।
    A repeat needs three content words (not का, के, में, लेने…): parallel phrases such as
    "मानव जाति की … मानव जाति की" are normal Hindi. Across adjacent sentences it must be
    longer still, since writers do repeat a name and its noun.
    Repetition by design is left alone: a unit or label repeated around numbers in a range or a
    price list (`2000 रुपए प्रति क्विंटल से 2900 रुपए प्रति क्विंटल`; the number read past the words
    both copies share: `66 रुपए प्रति लीटर, अमूल गोल्ड … 54 रुपए प्रति लीटर, अमूल फ्रेश`, list items
    that share a frame and differ in a name and a number), a clause holding a number told
    again after different words (a list of results: `वनडे में उसे 3-0 से हराया टी20 में उसे 3-0 से
    हराया`; the clause ends in a perfective, an auxiliary or a sentence's end mark, so a light verb
    that is also a postposition counts there: `सेन ने 21-15 से जीत दर्ज की। सिंधु ने 21-15 से जीत
    दर्ज की।`), two sentences that end alike after different words, told of different things
    (`मीरा ने लाल गेंद से … जीत दर्ज की। अनु ने सफेद गेंद से … जीत दर्ज की।`), the verb forms after the
    copies aside (`… लोकप्रिय हो जाते हैं। … लोकप्रिय हो रहा है।`), a repeat more than `max_gap`
    words after the first or after a comma or conjunction (a new clause naming its subject again),
    a sentence in another paragraph (a headline, standfirst or pull-quote line that the next line
    repeats is a page template, and a new paragraph restating the words of the one before is
    writing: `कुछ लोगों के लिए आज का दिन अच्छा रहेगा।` then `मेष: मेष वालों के लिए आज का दिन अच्छा
    रहेगा।`), the article's first sentence run into a dateline and said again whole by the next
    (`… ठंड बढ़ गई लखनऊ। … ठंड बढ़ गई।`), a page-chrome line (a byline whose published and updated
    times are the same by design), and a headline line restated at the head of the lead
    before its own words (`मेला 5 मई से\nपुणे: मेला 5 मई से – मेला 5 मई से पहले …`), and a page's
    headline, a clause, printed twice at the start of its first line (the title and the heading run
    together: `बिजली कटौती से लोग बेहाल हुए बिजली कटौती से लोग बेहाल हुए गांवों में …`), and a kicker's
    label opening a line before a colon, said again by the lead after it (`सबसे बड़ा बांध: सरकार का नया
    बांध सबसे बड़ा बांध होगा`). Copies with a '|'
    typed for the danda in or between them stand in two sentences, and are judged so. Across sentences the repeat must hold a verb: a repeated name with its
    noun and postposition (`वंदे भारत एक्सप्रेस ट्रेन के साथ`) is naming, not a duplicated clause.
    Only a copy that starts at most `window` words after the first does count (60: a run-on
    sentence of hundreds of words repeats by design or not at all, and the bound keeps the check
    linear).
    Fix safety: unsafe inside one sentence; a hint across sentences, where deleting leaves a fragment.
    """

    code = "REP001"
    name = "repeated-phrase"
    category = "repetition"
    severity = Severity.ERROR
    defaults = {"min_words": 3, "min_content": 3, "min_words_adjacent": 6, "min_content_adjacent": 4,
                "max_gap": 6, "window": 60}

    def run(self, ctx: Context):
        sentences = ctx.article.sentences
        conventions = ctx.conventions
        reported: set[int] = set()
        # Each word key becomes one character, so n-grams are string slices and a repeat is a
        # dict hit, all in compiled code; the Python loop below only runs where a gram repeats.
        coded = word_codes(ctx)
        n_same, n_adjacent = int(ctx.setting(self, "min_words")), int(ctx.setting(self, "min_words_adjacent"))
        # A repeat holds at least min_content words that are not stopwords (one at least), each in
        # both copies. Those words' codes (`content`) are read for the whole article at once: the
        # stopwords' codes taken out of the sentences joined by a surrogate, which no code is, and
        # cut there again. Within a sentence the two copies do not overlap, so each such word of the
        # second copy has its code at least twice in the sentence (two copies' worth): the sentence's
        # content words number at least as many more than their distinct codes. Across sentences each
        # such word of the second copy is one whose code the sentence before holds. A sentence short
        # of either (most) is not scanned, nor are its n-grams made.
        last = len(sentences) - 1
        if min(ctx.setting(self, "min_content"), ctx.setting(self, "min_content_adjacent")) >= 1:
            need_across = int(ctx.setting(self, "min_content_adjacent"))
            need_itself = min(int(ctx.setting(self, "min_content")), need_across)  # (`apart` copies need the latter)
            content = _stop_codes(ctx.lexicon.stopwords).sub("", "\ud800".join(coded)).split("\ud800")
            kinds = list(map(set, content))
            itself = list(map(need_itself.__le__, map(sub, map(len, content), map(len, kinds))))
            # (only where the two share a content code at all, asked of the two sets in C: most
            # pairs share none, and the count walks the next sentence's codes one by one)
            across = [False] * len(content)
            for i in compress(count(), map(not_, map(set.isdisjoint, kinds, islice(kinds, 1, None)))):
                across[i] = sum(map(kinds[i].__contains__, content[i + 1])) >= need_across
            looked = compress(range(len(sentences)), map(or_, itself, across))
        else:
            itself = across = [True] * len(sentences)
            looked = range(len(sentences))
        adjacent: dict[int, list[str]] = {}  # a sentence's adjacent-length n-grams, made once
        # a page-chrome line (a byline printing its published and updated times, the same by design) is
        # the site's template, not the writer's repeat
        chrome = conventions.line_kind if CHROME in conventions.line_kinds else None
        for i in looked:
            sent = sentences[i]
            if chrome is not None and chrome(sent.start) == CHROME:
                continue
            # (its word tokens, `sent.words`, are read only where a repeat is scanned: no other check
            # asks for most sentences' word lists, and making them was a tenth of this check)
            # a sentence whose words are all different (over half of them) has no n-gram twice
            if itself[i] and (n_same < 1 or len(set(coded[i])) < len(coded[i])):
                grams = _grams(coded[i], n_same)
                if len(set(grams)) < len(grams):  # else no n-gram occurs twice: nothing to report
                    yield from self._scan(ctx, sent.words, sent.words, coded[i], coded[i], True, reported, grams, grams)
            if i < last and across[i]:
                first = adjacent.get(i) or _grams(coded[i], n_adjacent)
                following = adjacent[i + 1] = _grams(coded[i + 1], n_adjacent)
                # a page template is asked about only where the two sentences share a phrase
                if (not set(first).isdisjoint(following) and not _template(ctx, sent, sentences[i + 1], conventions)
                        and (chrome is None or chrome(sentences[i + 1].start) != CHROME)):
                    yield from self._scan(ctx, sent.words, sentences[i + 1].words, coded[i], coded[i + 1], False,
                                          reported, first, following)

    def _scan(self, ctx: Context, first: list[Token], second: list[Token], a: str, b: str, same: bool,
              reported: set[int], grams_a: list[str], grams: list[str]):
        """`grams_a` and `grams` are the n-grams of `a` and `b` (min_words, or min_words_adjacent, long)."""
        min_words = int(ctx.setting(self, "min_words" if same else "min_words_adjacent"))
        min_content = int(ctx.setting(self, "min_content" if same else "min_content_adjacent"))
        min_words_adjacent = int(ctx.setting(self, "min_words_adjacent"))
        min_content_adjacent = int(ctx.setting(self, "min_content_adjacent"))
        stop = ctx.lexicon.stopwords
        # Only a place whose n-gram the other copy's side holds earlier can start a repeat (elsewhere
        # no copy is compared, and the scan steps one word on): those places (`starts`) are found in
        # C, and the scan goes from one to the next. Within a sentence they are the n-grams met
        # before (each gram's first place read from a dict made of the grams reversed), and a gram's
        # places are its first and its starts; across sentences, the grams the first sentence holds.
        seen: dict[str, list[int]] = {}
        if same:
            first_at = dict(zip(reversed(grams), range(len(grams) - 1, -1, -1)))
            starts = list(compress(count(), map(gt, count(), map(first_at.__getitem__, grams))))
            for q in starts:
                places = seen.get(grams[q])
                if places is None:
                    seen[grams[q]] = [first_at[grams[q]], q]
                else:
                    places.append(q)
        else:
            for p, gram in enumerate(grams_a):
                seen.setdefault(gram, []).append(p)
            starts = list(compress(count(), map(seen.__contains__, grams)))
        if not starts:
            return
        window = int(ctx.setting(self, "window"))
        # diagonal q-p -> a run known to match, a[s:e] == b[s+d:e+d], and whether e is where it ends
        runs: dict[int, tuple[int, int, bool]] = {}

        def common(p: int, q: int, cap: int) -> int:
            """How many words match from a[p] and b[q], up to `cap`: each diagonal is walked forward
            only once, and only as far as a question needs (walked to the end of the run, the first
            words' diagonals cost a whole sentence each where one word is said over and over)."""
            d = q - p
            known = runs.get(d)
            if known is not None and known[0] <= p <= known[1]:
                s, e, ended = known
                if ended or e - p >= cap:
                    return min(e - p, cap)
            else:
                s = e = p
            limit = min(len(a), len(b) - d)
            stop = min(limit, p + cap)
            while e < stop and a[e] == b[e + d]:
                e += 1
            runs[d] = (s, e, e < stop or e == limit)
            return e - p

        # how many of second[:i] are not stopwords: a phrase's content words in one subtraction
        # (summed over the phrase, a sentence of one pair said over and over cost `window` per word)
        # (made once a repeat is long enough to ask: most scans find none)
        content: list[int] | None = None
        # Only earlier copies starting at most `window` words back are compared: with no window a
        # sentence of a word pair said a thousand times costs cubic time (each copy against each).
        k, q = 0, starts[0]
        while q <= len(b) - min_words:
            best, best_p = 0, 0
            found = seen.get(grams[q], ())
            reach = q - window if same else len(a) - (window - q)
            for k in range(bisect_left(found, reach), len(found)):
                p = found[k]
                if same:
                    # within a sentence a copy is at most q - p long, and q - p only shrinks from
                    # here: none further on can be longer than `best` (`1,1,1,…` compared every
                    # copy in the window at every word)
                    if q - p <= best:
                        break
                    length = common(p, q, q - p)
                else:
                    length = common(p, q, len(a))
                if length > best:
                    best, best_p = length, p
            phrase = second[q : q + best]
            # '|' typed for the danda in or between the copies ends a sentence the splitter did not
            # cut (… सबसे बड़ी जीत है| भारत की … चौथी सबसे बड़ी जीत है| भारत ने …): the copies are
            # judged as two adjacent sentences are, by their longer bounds and rules
            apart = same and best and _danda_pipe_between(ctx.article.text, first[best_p].start, phrase[0].start)
            need_words, need_content = (min_words_adjacent, min_content_adjacent) if apart else (min_words, min_content)
            tail = False  # the copy is a keyword tail after a title (asked only of a repeat long enough)
            if best >= need_words and content is None:
                content = [0, *accumulate(t.key not in stop for t in second)]
            if (best >= need_words and content[q + best] - content[q] >= need_content
                    and phrase[0].start not in reported
                    and not _by_design(ctx, first, best_p, second, q, best, same and not apart)
                    and not (tail := same and _keyword_tail(ctx.article.text, phrase[0].start, phrase[-1].end))):
                reported.add(phrase[0].start)
                # the word before the repeat ends in the word before the first copy (तेज झटकेजापान में …):
                # a title printed twice and glued, whose copy starts inside that word: deleting from the
                # space leaves half of it (`झटकेजापान झटके`), so the deletion is only a hint
                glued = q and best_p and second[q - 1].key != first[best_p - 1].key \
                    and second[q - 1].key.endswith(first[best_p - 1].key)
                yield self._finding(ctx, phrase, same and not apart, glued)
                q += best
            elif best and tail:
                q += best  # none of the keyword tail is a repeat, nor any shorter run inside it
            else:
                q += 1
            k = bisect_left(starts, q, k)  # the next start from there
            if k == len(starts):
                break
            q = starts[k]

    def _finding(self, ctx: Context, phrase: list[Token], same: bool, glued: bool = False):
        text = ctx.article.text
        start, end = phrase[0].start, phrase[-1].end
        cut = start
        while cut > 0 and text[cut - 1] in " \t":
            cut -= 1
        if cut > 0 and text[cut - 1] == "(" and text[end : end + 1] == ")":
            cut, end = cut - 1, end + 1  # the repeat was all of a bracket: no empty () left behind
            while cut > 0 and text[cut - 1] in " \t":
                cut -= 1
        # Deleting what opens a clause leaves a stray danda or comma: only a hint then.
        orphan = (cut == 0 or text[cut - 1] in "\n।,:") and text[end : end + 1] in ("।", ",", "")
        where = "earlier in this sentence" if same else "in the sentence before"
        return ctx.finding(
            self, start, end,
            f"'{text[start:end]}' ({len(phrase)} words) already appears {where}; delete the repeat",
            # Deleting a repeat inside one sentence usually leaves it whole; in the next sentence it
            # leaves a fragment ("… लागू की। गई।"), so there the deletion is only a hint.
            [Fix(cut, end, "", applicability=UNSAFE if same and not orphan and not glued else DISPLAY_ONLY)],
            severity=self.severity if same else Severity.WARNING,
        )


def _by_design(ctx: Context, first: list[Token], p: int, second: list[Token], q: int, length: int,
               same: bool) -> bool:
    """A repeat that writers mean: a unit or label around numbers, or a far-off restatement."""
    def num(words: list[Token], i: int) -> bool:
        return 0 <= i < len(words) and words[i].kind == "num"

    if num(first, p - 1) and num(second, q - 1):
        return True  # 2865 से 3255 रुपए प्रति क्विंटल … 4001 रुपए प्रति क्विंटल
    # read back over the words both copies share just before them (a unit the scan passed by) to a
    # number, a different one in each: items of a list (`66 रुपए प्रति लीटर, अमूल गोल्ड … 54 रुपए
    # प्रति लीटर, अमूल फ्रेश …`); the same number there is the run said again (`2012 से 2011 की …`)
    back = 1  # a unit is a word or three (रुपए, रुपए प्रति): read no further (a periodic sentence shares all)
    while back <= 3 and p >= back and q >= back and first[p - back].key == second[q - back].key:
        back += 1
    if back > 1 and num(first, p - back) and num(second, q - back) and first[p - back].key != second[q - back].key:
        return True
    if num(first, p + length) and num(second, q + length):
        return True  # मंडी सरसो भाव 4951 … मंडी सरसो भाव 4850
    last = first[p + length - 1]
    if ((_ends_clause(last.key) or _ends_sentence(ctx.article.text, last.end))
            and any(t.kind == "num" for t in second[q : q + length])
            and _after_different_words(first, p, second, q)):
        return True  # वनडे में … को 3-0 से हराया टी20 में … को 3-0 से हराया: two facts of a list, told alike
    text = ctx.article.text
    if (not same and _ends_but_verbs(text, first, p + length) and _ends_but_verbs(text, second, q + length)
            and _after_different_words(first, p, second, q)):
        return True  # गुकेश ने सफेद मोहरों से … जीत दर्ज की। प्रज्ञानानंद ने काले मोहरों से … जीत दर्ज की।
    if not same:
        # a name and its postposition said again (no verb in the repeat): no clause is duplicated
        return not any(_verb_at(text, second, j) for j in range(q, q + length))
    if q - (p + length) > ctx.setting(RepeatedPhrase, "max_gap"):
        return True
    if _doubled_headline(ctx, first, q - p, p + length):
        return True  # the page's headline (a clause) printed twice on its first line: title and heading
    if _in_restated_headline(ctx, first, p, length):
        return True
    if _kicker_label(ctx.line_view, first[p].start, first[p + length - 1].end):
        return True  # मूल्यवान कंपनी: … एनवीडिया मूल्यवान कंपनी बनी: a kicker label the lead then says in full
    # A comma or a conjunction between the copies opens a new clause that names its subject again
    # (`…बरकरार हैं, क्योंकि प्ले ऑफ में पहुंचने…`); an MT repeat runs on without one.
    between = ctx.article.text[first[p + length - 1].end : second[q].start]
    return "," in between or any(w in _CONJUNCTIONS for w in between.split())


_VERBS = CLAUSE_ENDS | LIGHT_VERBS
# Verb forms that are postpositions too (रूस की कंपनियों, उनके लिए): a verb only at a clause's end, else the
# postposition of a noun phrase (a name's: `रूस की 2 सबसे बड़ी तेल कंपनियों` holds no verb)
_POSTPOSITION_VERBS = frozenset("की लिए".split())


def _verb_at(text: str, words: list[Token], j: int) -> bool:
    """Whether words[j] is a verb form (`_VERBS`); one that is also a postposition only where its
    clause ends after it: the sentence's end, a mark, a verb form or a conjunction next (घोषणा की है,
    मांग की और ..., जीत दर्ज की।)."""
    key = words[j].key
    if key not in _VERBS:
        return False
    if key not in _POSTPOSITION_VERBS or j + 1 == len(words):
        return True
    after = words[j + 1]
    return (after.key in _VERBS or after.key in _CONJUNCTIONS
            or any(mark in text[words[j].end : after.start] for mark in ",;:।|-–"))


_DEVANAGARI = range(0x0900, 0x0980)


_LIST_NUMBER = re.compile(r"[ \t]*(?:[-•*][ \t]*)?\d{1,2}[.)][ \t]*")


def _kicker_label(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends its line's first part, right before a colon: a kicker's label (`सबसे
    बड़ी कंपनी: …`) or a numbered list item's (`1. बुरी गंदगी हटाएं: …`), which the sentence after it may say
    again by design."""
    if text[end:end + 2].lstrip(" ")[:1] != ":":
        return False
    line = text.rfind("\n", 0, start) + 1
    number = _LIST_NUMBER.match(text, line, start)  # `1.` or `2)` opening a list item: `1.बुरी गंदगी को हटाएं: …`
    return not any(c in text[number.end() if number else line : start] for c in ":।.?!|")


def _doubled_headline(ctx: Context, words: list[Token], n: int, end: int) -> bool:
    """Whether the page opens with its first n words, a clause, printed twice (`words[:n]` then
    `words[n:2n]`, the article's first words) and a repeat's first copy ends inside the first print."""
    if not 0 < end <= n or 2 * n > len(words) or words[0].start != ctx.article.tokens[0].start:
        return False
    last = words[n - 1].key
    return (last in CLAUSE_ENDS or _ends_clause(last)) and all(words[k].key == words[n + k].key for k in range(n))


# A spaced hyphen, dash or pipe and the end of the line after it: `<headline> - <keywords>`
_TAIL_MARK = re.compile(r"[ \t][-–—|][ \t]+$")


def _keyword_tail(text: str, start: int, end: int) -> bool:
    """Whether the repeat text[start:end] is all of what follows a spaced hyphen, dash or pipe to its
    line's end (`<headline> - <a phrase of the headline again>`): an SEO keyword tail the page template
    prints after a title, not a doubled run; deleting it would leave the hyphen dangling."""
    line_end = text.find("\n", end)
    if text[end : len(text) if line_end < 0 else line_end].strip(" \t"):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return _TAIL_MARK.search(text, line_start, start) is not None


def _danda_pipe_between(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a '|' standing for the danda as LOOK001 reads one: after a
    Devanagari letter (a space between allowed) and before Devanagari or a line's end."""
    at = text.find("|", start, end)
    while at >= 0:
        back = at  # the last character before the pipe and the spaces before it (not the text copied up to it)
        while back and text[back - 1] in " \t":
            back -= 1
        before = text[back - 1 : back] if back else ""
        after = text[at + 1 : at + 4].lstrip(" \t")[:1]
        if before and ord(before) in _DEVANAGARI and (not after or after in ("\n", "\r") or ord(after) in _DEVANAGARI):
            return True
        at = text.find("|", at + 1, end)
    return False


def _after_different_words(first: list[Token], p: int, second: list[Token], q: int) -> bool:
    """Whether, read back from the two copies over the words they share, a different word comes
    before each (वनडे में … / टी20 में …), not the start of a sentence."""
    k = 1
    while p >= k and q >= k and first[p - k].key == second[q - k].key:
        k += 1
    return p >= k and q >= k


def _ends_clause(key: str) -> bool:
    """A finite auxiliary or a perfective verb (हराया, जीता, बनाई): what closes a told fact."""
    return key in AUXILIARIES or key.endswith(_PERFECTIVE)  # (not की, ली, दी: postpositions too)


def _ends_sentence(text: str, end: int) -> bool:
    """Whether a sentence's end mark follows `end`: there a light verb that is also a postposition or
    a noun (जीत दर्ज की।, बढ़त ली।) closes the told fact too."""
    rest = text[end : end + 3].lstrip(" ")
    return rest[:1] in ("।", "|", ".", "?", "!")


# The verb forms that may close a sentence after a clause's stem (… वायरल हो जाता है / … वायरल हो रहा है)
_TAIL_VERBS = CLAUSE_ENDS | LIGHT_VERBS | frozenset(
    "जाता जाती जाते जाएगा जाएगी जाएंगे रहा रही रहे होगा होगी होंगे चुका चुकी चुके".split())


def _ends_but_verbs(text: str, words: list[Token], j: int) -> bool:
    """Whether the sentence `words` ends at words[j] (a sentence's end mark right after words[j - 1]), or
    only auxiliaries and verb forms stand from words[j] to its end mark, three at most (`जाता है।`,
    `रहा है।`): a clause told of a different subject in another tense ends the sentence alike."""
    rest = words[j:]
    if len(rest) > 3 or not all(t.key in _TAIL_VERBS for t in rest):
        return False
    return _ends_sentence(text, (rest[-1] if rest else words[j - 1]).end)


_PERFECTIVE = ("ाया", "ाई", "ाए", "ीता", "ीती", "ीते")
_CONJUNCTIONS = frozenset("क्योंकि लेकिन परंतु किंतु जबकि और तथा कि तो इसलिए बल्कि".split())


def _template(ctx: Context, sent, following, conventions) -> bool:
    """Two sentences in different paragraphs (a headline, standfirst or pull-quote line and the
    line that repeats it; a new paragraph restating the last words of the one before), or the
    opening sentence run into its dateline and said again."""
    if sent.paragraph == following.paragraph:
        return _standfirst_into_dateline(ctx, sent, following)
    return True


def _in_restated_headline(ctx: Context, words: list[Token], p: int, length: int) -> bool:
    """Whether words[p:p+length] lie in a run of the sentence that is the headline line right above
    its line (a line of its own with no sentence end, three words or more) said again. Only the line
    right above is read: the check stays local to a line and its neighbours (a review re-audits those)."""
    conventions = ctx.conventions
    line = conventions.line_of(words[p].start)
    if line == 0:
        return False
    above_start, above_end = conventions.lines[line - 1]
    if conventions.line_kind(above_start) != HEADLINE:
        return False
    headline = _line_keys(ctx, above_start, above_end)
    n = len(headline)
    if n < 3:
        return False
    # compared where the sentence's words start as the headline does (not its key list copied per
    # question: a long sentence of repeats under a headline made that quadratic)
    return any(words[s].key == headline[0] and all(words[s + j].key == headline[j] for j in range(1, n))
               for s in range(max(0, p + length - n), min(p, len(words) - n) + 1))


def _line_keys(ctx: Context, start: int, end: int) -> list[str]:
    """The word keys of the sentences starting in text[start:end], made once per line."""
    memo = ctx.shared.setdefault("REP001 line keys", {})
    keys = memo.get(start)
    if keys is None:
        sentences = ctx.article.sentences
        first = bisect_left(sentences, start, key=attrgetter("start"))
        keys = memo[start] = [t.key for sent in takewhile(lambda s: s.start < end, islice(sentences, first, None))
                              for t in sent.words]
    return keys


def _standfirst_into_dateline(ctx: Context, sent, following) -> bool:
    """The article's opening sentence run into a one- or two-word dateline, and the next sentence
    all of it again (`… ठंड बढ़ गई लखनऊ। … ठंड बढ़ गई।`); an MT repeat leaves the next sentence a
    fragment (`… लागू की। … लागू की गई।`), never the whole of it."""
    opening = next((s for s in ctx.article.sentences if s.words), None)
    if opening is not sent:
        return False
    keys, again = [t.key for t in sent.words], [t.key for t in following.words]
    tail = len(keys) - len(again)
    return any(keys[tail - k : len(keys) - k] == again for k in (1, 2) if tail - k >= 0)
