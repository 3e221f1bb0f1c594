"""Where a concept's form is part of a name, not the article's word for the concept (ANGL004): an
institution after a place, a day's name, a society's, a company's or a genre's, a country's English
name in a name in English word order, a run of transliterated English holding a name-like word."""

from __future__ import annotations

from audit.core.text import fold
from audit.language.readback import english_reading
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Context
from audit.lint.checks.letters import letters_spelled
from audit.lint.checks.slots import NAME_HEADS, POSTPOSITIONS


def after_place(ctx: Context, tokens, first: int) -> bool:
    """Whether a place or country the glossary lists comes before the noun at `first`, directly or
    across at most two loan adjectives (दिल्ली पब्लिक स्कूल, मुंबई सेंट्रल स्टेशन): an institution's
    name. A loan noun between ends the name before the noun (बंगाल वॉरियर्स प्वाइंट्स टेबल में)."""
    concepts = ctx.lexicon.concepts
    at = first - 1
    while at >= 0 and first - at <= 3:
        key = tokens[at].key
        if key in ctx.glossary.by_canonical:  # a name: the walk ends there, a place or not
            return key in ctx.glossary.place_keys
        if not any(h.side == "translit" and h.concept.pos == "adj" for h in concepts.lookup(tokens[at].key)):
            return False
        at -= 1
    return False


def country_in_name(ctx: Context, tokens, first: int, last: int, hits) -> bool:
    """A country's English name (इंडिया for भारत) with a rare loan right before or after it: a name in
    English word order (एअर इंडिया, इंडिया सेमीकंडक्टर मिशन), not the article's word for the country; or a
    loan right after the country's English adjective (`name_words.tsv`, `demonym`: इंडियन ऑयल, a company's
    name, not the article's word for oil beside तेल); or the country's English name after a `country_opener`
    (ऑल इंडिया टाइगर एस्टीमेशन रिपोर्ट, ऑल इंडिया रेडियो)."""
    if first and tokens[first - 1].key in ctx.lexicon.name_words["demonym"]:
        return True
    places = ctx.glossary.place_keys
    if not any(h.side == "translit" and h.concept.hindi and fold(h.concept.hindi[0]) in places for h in hits):
        return False
    if first and tokens[first - 1].key in ctx.lexicon.name_words["country_opener"]:
        return True  # ऑल इंडिया ...: a body's or a report's name, whatever follows
    return any(0 <= k < len(tokens) and tokens[k].kind == "deva" and _foreign(tokens[k].norm)
               for k in (first - 1, last + 1))


def names_a_day(lexicon, tokens, first: int, last: int) -> bool:
    """Whether tokens[first:last+1] stand between a `day_opener` of `name_words.tsv` (विश्व, राष्ट्रीय…)
    and a `day_head` (दिवस, डे…): a day's name."""
    words = lexicon.name_words
    return (first > 0 and last + 1 < len(tokens) and tokens[first - 1].key in words["day_opener"]
            and tokens[last + 1].key in words["day_head"])


def in_troupe_name(lexicon, tokens, last: int) -> bool:
    """A society's head word (`name_words.tsv`, `society_head`: समिति, मंडल…) is one of the two words after
    tokens[last]: a Hindi noun right before it, or one word before it, is the body's name (रंग उत्सव नाट्य
    समिति, महिला मंडल), written as the body writes it."""
    heads = lexicon.name_words["society_head"]
    return any(last + k < len(tokens) and tokens[last + k].key in heads for k in (1, 2))


def _loanish(token) -> bool:
    """A word of a company's name: a loan (an English reading, short of Hindi's commonest words)
    or a word Hindi text rarely writes (a brand, a surname: बजाज, एलाइंज)."""
    if token.kind != "deva":
        return False
    zipf = hindi_zipf(token.key)
    return zipf < 4.0 or (zipf < 5.0 and english_reading(token.key, 4) is not None)


def brand_run(ctx: Context, tokens, first: int) -> bool:
    """A run of two words or more before the loan at `first`, each a loan or a rare word, one of them
    a rare loan the concept table does not know (मैक्स, एलाइंज: a brand): a company's name ends in the
    loan (मैक्स लाइफ इंश्योरेंस, बजाज एलाइंज जनरल इंश्योरेंस), not the article's word for the concept.
    A run of plain loans the table knows (हेल्थ इंश्योरेंस, सोशल मीडिया) is no name, nor a person's
    name before a loan (सतीश धवन स्पेस सेंटर: the name's words read as no English word)."""
    lookup = ctx.lexicon.concepts.lookup
    at, brand = first - 1, False
    while at >= 0 and first - at <= 4 and _loanish(tokens[at]):
        key = tokens[at].key
        brand = brand or (hindi_zipf(key) < 4.0 and english_reading(key, 4) is not None and not lookup(tokens[at].text))
        at -= 1
    return first - at > 2 and brand


def genre_compound(lexicon, before) -> bool:
    """The word before a loan noun names a genre or a kind of film song (`name_words.tsv`, `genre`: रैप
    सॉन्ग, पॉप म्यूजिक, आइटम सॉन्ग): loan and loan, a set name the trade writes as it is, not the article's
    word for the concept (set compounds such as डोप टेस्ट are `set_compound`'s)."""
    return before.key in lexicon.name_words["genre"]


# A set compound is the trade's term for one thing (डोप टेस्ट, the anti-doping test, which no desk writes
# डोप परीक्षण beside its परीक्षण of samples; डिजिटल अरेस्ट, the scam, beside a real arrest's गिरफ्तार): a first
# word listed without a second word makes one with any loan after it, one listed with seconds only with those
def set_compound(lexicon, tokens, first: int, last: int) -> str:
    """tokens[first..last] is half of a set compound of `set_compounds.tsv` with the word before it
    (डोप टेस्ट, डीप फेक: deepfake written as two words; डिजिटल अरेस्ट, the scam; पदक विजेता, a medal
    winner, not a champion): "second"; or with the word after it (फुल फॉर्म; बर्ड फलू, its half letter
    written full): "first"; else "". No desk writes half of such a term in the other language."""
    pairs = lexicon.set_compounds
    if first and tokens[first - 1].key in pairs:
        seconds = pairs[tokens[first - 1].key]
        if seconds is None or tokens[first].key in seconds:
            return "second"
    if last + 1 < len(tokens) and tokens[last].key in pairs:
        seconds = pairs[tokens[last].key]
        if seconds is None:
            return ""
        after = tokens[last + 1].key
        # its second word with a half letter written full (बर्ड फलू for फ्लू) is still the term's
        return "first" if after in seconds or any(
            _HALANT not in after and s.replace(_HALANT, "") == after for s in seconds) else ""
    return ""


_HALANT = "\u094d"


def hyphened_to_loan(tokens, first: int, last: int) -> bool:
    """tokens[first..last] is half of a hyphenated compound of two transliterated English words
    (लॉन्ग-टर्म, शॉर्ट-टर्म): the trade's set term, whose half has no Hindi word of its own (लॉन्ग-अवधि
    is no Hindi), not the article's word for the concept."""
    for hyphen, other in ((first - 1, first - 2), (last + 1, last + 2)):
        if not (0 <= other < len(tokens) and tokens[hyphen].text == "-"):
            continue
        left, right = (tokens[other], tokens[first]) if other < first else (tokens[last], tokens[other])
        if (left.end == tokens[hyphen].start and tokens[hyphen].end == right.start
                and tokens[other].kind == "deva" and _foreign(tokens[other].norm)):
            return True
    return False


# "द" is English "the" in Devanagari: it only ever opens a transliterated title (द गार्डियन); "एंड" is
# English "and", which only ever joins the words of one (जॉनसन एंड जॉनसन, एजुकेशन एंड आउटरीच).
_THE = "द"
_AND = frozenset(map(fold, "एंड एन्ड".split()))


class NameRuns:
    """Whether a run of transliterated English next to a match holds a name-like word or "द".

    A river in a bridge's name (ओयापॉक रिवर ब्रिज), a speech in a paper's title (द प्रेसिडेंट
    स्पीच) or a word of a journal's title joined by "एंड" (एजुकेशन एंड आउटरीच) is part of a proper name, written as the name is; mixing it with नदी / भाषण elsewhere
    is not one concept in two languages, nor is a word of a run ending in an organisation's or a
    job's head word (इंडिया लीड प्रोडक्ट मैनेजर beside भारत). A run of plain loans (ट्रैफिक कंजेशन)
    still counts.
    Each token's answer is remembered per direction, so a sentence of thousands of loans is walked
    once, and only the tokens next to a match are ever looked up.
    """

    def __init__(self, tokens):
        self.tokens = tokens
        self.memo: tuple[dict[int, bool], dict[int, bool]] = ({}, {})

    def around(self, first: int, last: int) -> bool:
        return self._run(first - 1, -1) or self._run(last + 1, 1)

    def _run(self, i: int, step: int) -> bool:
        memo = self.memo[step > 0]
        walked = []
        found = False
        while 0 <= i < len(self.tokens) and i not in memo:
            token = self.tokens[i]
            # the spelling as written: the key folds the nukta away, and गाडियां is in no word list
            head = token.key in NAME_HEADS  # (मैनेजर is common enough in Hindi not to read as foreign)
            if not (token.kind == "deva" and (head or _foreign(token.norm))):
                break
            walked.append(i)
            if head or token.key == _THE or token.key in _AND or _name_like(token.norm):
                found = True
                break
            i += step
        else:
            found = memo.get(i, False)
        # every walked token before a name-like one shares its answer; past a plain end, none holds one
        for j in walked:
            memo[j] = found
        return found


def _foreign(key: str) -> bool:
    return key == _THE or key in _AND or _name_like(key) or (hindi_zipf(key) < 4.0 and english_reading(key, 4) is not None)


def _name_like(key: str) -> bool:
    """Unknown to Hindi and no English word: a transliterated proper name (ओयापॉक)."""
    return len(key) > 2 and hindi_zipf(key) == 0 and english_reading(key, 4) is None


# A law's own title ends in एक्ट after the English words of its name (डेटा प्रोटेक्शन एक्ट, मोटर व्हीकल एक्ट)
_LAW_HEAD = fold("एक्ट")


def titles_a_law(tokens, first: int, last: int) -> bool:
    """The match is एक्ट right after a loan, a name-like word or a Latin word: the act's title as it is
    named (डिजिटल पर्सनल डेटा प्रोटेक्शन एक्ट, IT एक्ट), not the article's word for a law (कानून)."""
    if first != last or first == 0 or tokens[first].key != _LAW_HEAD:
        return False
    before = tokens[first - 1]
    return before.kind == "latin" or (before.kind == "deva" and _foreign(before.norm))


def in_hindi_org_name(lexicon, tokens, first: int, last: int) -> bool:
    """A Hindi noun inside an organisation's spelt-out Hindi name: a head word (`name_words.tsv`, `org_head`:
    संगठन, निगम…) next or one word on, the name opened by an `org_opener` (भारतीय, राष्ट्रीय, राज्य…) right
    before the noun or its acronym in brackets
    after the head (भारतीय अंतरिक्ष अनुसंधान संगठन (ISRO)): the body's name, not the article's word for
    the concept (स्पेस in the text). A generic body (किसान संगठन, छात्र संगठन) has neither."""
    for head in (last + 1, last + 2):
        if head >= len(tokens) or tokens[head].kind != "deva" or tokens[head].key in POSTPOSITIONS:
            return False
        if tokens[head].key in lexicon.name_words["org_head"]:
            break
    else:
        return False
    if first and tokens[first - 1].key in lexicon.name_words["org_opener"]:
        return True
    after = tokens[head + 1 : head + 3]
    return len(after) == 2 and after[0].text == "(" and after[1].text.isupper()


_RARE = 4.0  # a word rarer than this in Hindi text (zipf) may be a name's (चड्ढा 3.5, धवन 4.0)


def name_run(ctx: Context, tokens, first: int, last: int) -> frozenset[str] | None:
    """The other words of the proper-name run tokens[first..last] stands in, None where it stands in
    none: a run of three words or more, each a loan the concept table knows or a word Hindi text rarely
    writes (a name, a rarer loan), ending in the head of a body's or a place's name (फेडरल ओपन मार्केट
    कमेटी, चड्ढा आर्मी कैंप), or in a `title_head` (an index's, a telescope's, a report's) where a word of
    the run opens with a name: a given name, an acronym read out, a place (एनएफआईबी स्मॉल बिजनेस ऑप्टिमिज्म
    इंडेक्स: the publisher's). A run of loans that ends otherwise is read as words (ऑयल एंड गैस सेक्टर,
    निफ्टी पीएसयू बैंक इंडेक्स, a market index's words: the real-news pages judge those mixes)."""
    lookup = ctx.lexicon.concepts.lookup
    # the head word that ends a multi-word name of a body or a place: the organisation words (NAME_HEADS)
    # and `name_words.tsv`'s `run_head`s (a committee's, a camp's: चड्ढा आर्मी कैंप)
    heads = NAME_HEADS | ctx.lexicon.name_words["run_head"]
    titles = ctx.lexicon.name_words["title_head"]

    def loan(token) -> bool:
        return token.kind == "deva" and (token.key in heads or token.key in titles or hindi_zipf(token.norm) < _RARE
                                         or any(h.side == "translit" for h in lookup(token.text)))

    lo, hi = first, last
    while lo > 0 and loan(tokens[lo - 1]):
        lo -= 1
    while hi + 1 < len(tokens) and loan(tokens[hi + 1]):
        hi += 1
    if hi - lo >= 2 and (tokens[hi].key in heads or (tokens[hi].key in titles and _proper(ctx, tokens[lo]))):
        return frozenset(t.key for t in tokens[lo : hi + 1]) - {t.key for t in tokens[first : last + 1]}
    return None


def _proper(ctx: Context, token) -> bool:
    """A word that is a name by itself: a given name, an acronym read out letter by letter (एनएफआईबी), or a
    place the glossary lists."""
    letters = letters_spelled(token.norm)
    return (token.key in ctx.lexicon.given_names or token.key in ctx.glossary.place_keys
            or bool(letters and len(letters) >= 3))


def written_beside(others: frozenset[str], kept: list[tuple]) -> bool:
    """Whether one of the article's uses of the other word (`kept`: (start, end, hit, tokens, first, last))
    stands within two Devanagari words of a word of the name run (`others`), a gloss in Latin between
    not counted: the name written in both languages (सतीश धवन स्पेस सेंटर ... सतीश धवन (satish dhawan)
    अंतरिक्ष केंद्र), a slip in the name, not a name beside the word."""
    for _, _, _, tokens, first, last in kept:
        near = [t.key for t in tokens[max(0, first - 8) : first] if t.kind == "deva"][-2:]
        near += [t.key for t in tokens[last + 1 : last + 9] if t.kind == "deva"][:2]
        if others.intersection(near):
            return True
    return False


def names_institution(ctx: Context, tokens, first: int, last: int) -> bool:
    """tokens[first..last] is an institution's head word (`name_words.tsv`, `institution_head`) after a name: a given
    name the lexicon lists (कैलाश हॉस्पिटल), a rare word that reads as English or as no word at all
    (इंद्रेश, कोरोनेशन हॉस्पिटल), or another institution's head (मेडिकल कॉलेज अस्पताल): the
    institution's name, not the article's word for a hospital; after a common word (मरीज हॉस्पिटल में,
    सरकारी अस्पताल) it is the word."""
    heads = ctx.lexicon.name_words["institution_head"]
    if first != last or not first or tokens[first].key not in heads:
        return False
    before = tokens[first - 1]
    return before.kind == "deva" and (before.key in ctx.lexicon.given_names or _foreign(before.norm)
                                      or before.key in heads)


# What stands after a verb's stem or a predicate adjective: a word before one of these is no name's (मिशन सफल रहा)
_VERBISH = frozenset(map(fold, "कर करना करने किया की किए हो होना होने होता होती होते हुआ हुई हुए होगा होगी रहा रही रहे "
                               "रहेगा रहेगी रहेंगे गया गई गए है हैं था थी थे".split()))


def opens_scheme_name(ctx: Context, tokens, first: int, last: int) -> bool:
    """tokens[first..last] is a loan that opens a scheme's or an operation's name (`name_words.tsv`,
    `scheme_opener`: मिशन, ऑपरेशन) before a Hindi word, in English word order (मिशन अमृत सरोवर, ऑपरेशन
    सिंदूर): the name, not the article's word beside अभियान. A postposition, a loan or a verb after it
    (मिशन को, मिशन मोड, मिशन पूरा हुआ) is the word itself."""
    if first != last or tokens[first].key not in ctx.lexicon.name_words["scheme_opener"]:
        return False
    name = tokens[last + 1 : last + 3]
    if not name or name[0].kind != "deva" or name[0].key in POSTPOSITIONS or name[0].key in _VERBISH:
        return False
    if _foreign(name[0].norm) or any(h.side == "translit" for h in ctx.lexicon.concepts.lookup(name[0].text)):
        return False
    return len(name) < 2 or name[1].key not in _VERBISH


def between_loans(ctx: Context, tokens, first: int, last: int) -> bool:
    """A loan stands right before and right after tokens[first..last] (फ्री ट्रेड एग्रीमेंट): one word
    of a run of loans, whose one-word Hindi would leave a hybrid (फ्री व्यापार एग्रीमेंट)."""
    lookup = ctx.lexicon.concepts.lookup

    def loan(i: int) -> bool:
        if not 0 <= i < len(tokens) or tokens[i].kind != "deva":
            return False
        return _foreign(tokens[i].norm) or any(h.side == "translit" for h in lookup(tokens[i].text))

    return loan(first - 1) and loan(last + 1)
