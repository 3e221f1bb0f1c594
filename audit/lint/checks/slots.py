"""Does a replacement fit the slot it goes into? Shared by the checks that suggest a word for a word.

A suggestion is only as good as its grammar in place: a noun replaces a noun in the same case
(सूट का -> मुकदमे का, not मुकदमा का), a conjunct verb keeps its light verb (नोट किया -> गौर किया), and a
change of gender (उसकी सेंचुरी -> उसका शतक) would break agreement the fix cannot see.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from audit.core.document import Token
from audit.core.text import fold
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.words import word_ends

# A finite verb or auxiliary ends a clause: a hyphen after one is a dash, not a compound's.
CLAUSE_ENDS = frozenset(
    "है हैं था थी थे दिया दी दिए किया की किए गया गई गए लिया ली लिए कहा हुआ हुई हुए सकता सकती सकते रहा रही रहे".split())
# The finite forms of होना that close a clause (जरूरी है- यह, … को 3-0 से हराया था)
AUXILIARIES = frozenset("है हैं था थे थी".split())
LIGHT_VERBS = frozenset("कर करना करने करता करती करते किया किए किये की करके करें करेगा करेगी करेंगे हो होना होने "
                        "होता होती होते हुआ हुई हुए".split())
# Postpositions put the noun before them in the oblique case.
POSTPOSITIONS = frozenset("का के की को में से पर ने तक वाला वाले वाली जैसा जैसे जैसी".split())
# The case postpositions of those: a noun right before one is oblique (सोने के, लोगों को), where
# -वाला and जैसा may follow other forms too
CASE_POSTPOSITIONS = ("के", "की", "का", "को", "में", "से", "पर", "ने", "तक")


def postposition_at(text: str, at: int) -> str:
    """The case postposition that stands whole at `at` ("" where none does: के in केवल, पर in परिवार)."""
    for post in CASE_POSTPOSITIONS:
        after = at + len(post)
        if text.startswith(post, at) and word_ends(text, after):
            return post
    return ""
# An organisation's name (or a job title: इंडिया लीड प्रोडक्ट मैनेजर, or a law's: मोटर व्हीकल एक्ट) ends in one
# of these; a loan inside such a run is part of the name. A carmaker's Indian arm is named X मोटर(्स)
# इंडिया (its इंडिया is the company's name, not the country beside भारत).
NAME_HEADS = frozenset(
    "ऑर्गेनाइजेशन ऑर्गनाइजेशन एजेंसी इंस्टीट्यूट कमीशन काउंसिल बोर्ड सेंटर यूनिवर्सिटी मिनिस्ट्री डिपार्टमेंट "
    "एसोसिएशन लिमिटेड फाउंडेशन अथॉरिटी कॉर्पोरेशन कॉरपोरेशन फेडरेशन सोसाइटी ब्यूरो लेबोरेटरी लैबोरेटरी "
    "अकादमी एकेडमी इंडस्ट्रीज सर्विस सर्विसेज क्लब मैनेजर एक्ट मोटर मोटर्स".split())
# English "of" inside a name written as it is (स्टेट बैंक ऑफ इंडिया, टाइम्स ऑफ इंडिया): the loan after it is the name's.
ENGLISH_OF = frozenset("ऑफ आफ".split())
# A body of government or its minister: a Hindi adjective before one names the body (विद्युत विभाग, the
# electricity department; विद्युत मंत्री), as a department is named, not the article's choice of word.
BODY_HEADS = frozenset("विभाग मंत्रालय मंत्री बोर्ड निगम आयोग परिषद प्राधिकरण".split())


def before_postposition(tokens: list[Token], last: int) -> bool:
    return last + 1 < len(tokens) and tokens[last + 1].key in POSTPOSITIONS


def before_body(tokens: list[Token], last: int) -> bool:
    """Whether a body's head word follows tokens[last], next or after one noun of its name (विद्युत
    विभाग; राष्ट्रीय राजमार्ग प्राधिकरण), not after a postposition (विभाग के मंत्री is no name)."""
    if last + 1 < len(tokens) and tokens[last + 1].key in BODY_HEADS:
        return True
    return (last + 2 < len(tokens) and tokens[last + 2].key in BODY_HEADS and tokens[last + 1].kind == "deva"
            and tokens[last + 1].key not in POSTPOSITIONS)


# What joins the items of a list (सैमसंग, एप्पल और गूगल; Excite और Exclusive; A/B): words on either side are peers
LIST_JOINS = frozenset((",", "और", "या", "व", "/"))


# Words before a noun that make it plural (कई फोटो: several photos, written as the singular).
PLURAL_QUANTIFIERS = frozenset("कई अनेक तमाम सभी".split())


def case_slot(concept, slot: int, tokens: list[Token], first: int, last: int,
              forms: tuple[str, ...] | None = None, gender: str | None = None) -> int:
    """The noun slot a replacement needs in place, its forms `forms` (of gender `gender`; the concept's
    Hindi by default). After a plural quantifier a noun written as the singular is plural (कई फोटो
    -> कई तस्वीरें); before a postposition an English plural (slot 1, the plural direct) takes the plural
    oblique (कस्टमर्स के लिए -> ग्राहकों के लिए, not ग्राहक के लिए), and a masculine -आ noun the oblique
    singular, its plural form (गोल्ड के रेट -> सोने के रेट, not सोना के)."""
    if concept.pos != "noun":
        return slot
    forms = concept.hindi if forms is None else forms
    gender = concept.hindi_gender if gender is None else gender
    if len(forms) != 3:
        return slot
    if slot == 0 and first > 0 and tokens[first - 1].key in PLURAL_QUANTIFIERS:
        slot = 1
    if before_postposition(tokens, last):
        if slot == 1:
            return 2
        if slot == 0 and gender == "m" and forms[0].endswith("\u093e"):
            return 1
    return slot


def after_ko(tokens: list[Token], first: int) -> bool:
    """`X को नोट किया`: the Hindi conjunct may need another case (का उल्लेख, पर गौर)."""
    return first > 0 and tokens[first - 1].key == "को"


def in_multiword_name(tokens: list[Token], first: int, last: int, is_loan) -> bool:
    """True when tokens[first..last] sit inside a run of transliterated words that is a name:
    the run ends in an organisation word (इंडियन स्पेस रिसर्च ऑर्गेनाइजेशन) or is followed by an
    acronym in brackets."""
    lo, hi = first, last
    while lo > 0 and tokens[lo - 1].kind == "deva" and (is_loan(tokens[lo - 1]) or tokens[lo - 1].key in NAME_HEADS):
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].kind == "deva" and (
            is_loan(tokens[hi + 1]) or tokens[hi + 1].key in NAME_HEADS):
        hi += 1
    if any(t.key in NAME_HEADS for t in tokens[lo : hi + 1]) and hi > lo:
        return True
    after = tokens[hi + 1 : hi + 3]
    return hi > lo and len(after) == 2 and after[0].text == "(" and after[1].text.isupper()


def attributive_form(lexicon, concept, slot: int, text: str, end: int) -> str | None:
    """The Hindi adjective for a loan noun that qualifies the noun after it, where the Hindi noun
    itself would not (फेस्टिवल सीजन -> त्योहारी सीजन, गवर्नमेंट जॉब -> सरकारी जॉब; lexicon/attributive_forms.tsv).
    None where the loan is not in its base form or no noun follows (फेस्टिवल में -> त्योहार में)."""
    if slot != 0 or concept.pos != "noun":
        return None
    form = lexicon.attributive_forms.get(concept.english)
    return form if form and lexicon.concepts.noun_follows(text, end, _VERBS_NOT_GENITIVE) else None


_VERBS_NOT_GENITIVE = LIGHT_VERBS - {"की"}  # गवर्नमेंट जॉब की तलाश: की is the genitive there


# A verb's endings after its stem (बिलबिला-ए, -ई, -ना, -ने, -ता, -ती, -ते, -या, -ये, -यी)
_VERB_ENDINGS = frozenset(map(fold, "ए ई ना ने नी ता ती ते या ये यी".split()))
# The vector verbs of a compound verb, by their stems' keys (उठे, पड़ा, बैठी, डाला, चुका; and रहा, सके,
# which take the bare stem too) or their forms (गया, दिया, लिया ...): after one a verb stands as its
# bare stem (बिलबिला उठे, रो पड़ा, सो गया, तिलमिला रहे)
_VECTOR_STEMS = tuple(map(fold, "उठ पड़ बैठ डाल चुक रह सक".split()))
# लेना's forms after a verb's bare stem (खोज लिया), written once for _VECTOR_FORMS and _TRANSITIVE_VECTORS
_LENA = "ले लेगा लेगी लेंगे लिया ली लिए लिये"
_VECTOR_FORMS = frozenset(map(fold, ("जा जाता जाती जाते जाएगा जाएगी जाएंगे जाए जाएं गया गई गए गयी गये गईं "
                                     "दे देता देती देते देगा देगी देंगे दिया दी दिए दिये लेता लेती लेते "
                                     + _LENA).split()))


def stem_uses(text: str, tokens: list[Token], forms: list[str], by_key: dict[str, list[Token]]) -> set[int]:
    """The starts of the uses of `forms` (word keys; `by_key`: their tokens, `tokens`: the article's in
    order) that are another form's verb stem (बिलबिला of बिलबिलाए: that form less a verb ending) standing
    right before a vector verb, रहना or सकना: the same verb, not a second spelling of it."""
    keys = set(forms)
    out: set[int] = set()
    for key in forms:
        inflected = [other for other in keys
                     if other != key and other.startswith(key) and other[len(key):] in _VERB_ENDINGS]
        if not inflected:
            continue
        # written as the inflected form's own letters (हड़बड़ा गई beside हड़बड़ाए, not हडबडाए: the keys
        # fold the nukta, and a stem spelt otherwise is a second spelling after all)
        written = {tok.text for other in inflected for tok in by_key[other]}
        out.update(tok.start for tok in by_key[key]
                   if any(form.startswith(tok.text) for form in written) and _before_vector_verb(text, tokens, tok))
    return out


def _before_vector_verb(text: str, tokens: list[Token], tok: Token) -> bool:
    i = bisect_left(tokens, tok.start, key=attrgetter("start")) + 1
    if i >= len(tokens) or tokens[i].kind != "deva" or text[tok.end : tokens[i].start] != " ":
        return False
    key = tokens[i].key
    return key in _VECTOR_FORMS or key.startswith(_VECTOR_STEMS)


# The vector verbs a transitive verb's bare stem takes (खोज लिया, खोज निकाला, मार डाला)
_TRANSITIVE_VECTORS = frozenset(map(fold, (_LENA + " निकाला निकाली निकाले डाला डाली डाले").split()))


def verb_stem_before_vector(tokens: list[Token], i: int, min_zipf: float = 3.0) -> bool:
    """Whether tokens[i] is a verb's bare stem before ले, निकाल or डाल: खोज लिया (found: the verb
    खोजना) and not the noun खोज (a search). The word with ना after it must be a verb Hindi text writes
    (खोजना 3.6), so that a noun before ले (मदद ली, जानकारी ली: मददना is no word) stays a noun."""
    return (i + 1 < len(tokens) and tokens[i + 1].key in _TRANSITIVE_VECTORS
            and hindi_zipf(tokens[i].text + "ना") >= min_zipf)
