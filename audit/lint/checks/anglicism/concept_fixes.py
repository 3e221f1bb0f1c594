"""The replacement ANGL004 offers where one concept stands in two languages: the slot it must fit
(कस्टमर्स के लिए -> ग्राहकों के लिए), the article's own Hindi word for the concept where it writes one
more than the table's (अवधि, not कार्यकाल), and how far the edit can be trusted (a loan beside another
loan, a change of gender or the loan written over the Hindi word: shown, not applied)."""

from __future__ import annotations

from collections import Counter, defaultdict

from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix
from audit.core.text import fold
from audit.language.concepts import Concept, FormHit
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Context
from audit.lint.checks.slots import case_slot

# A conjunct verb's nominal (शेयर, लॉन्च) is that verb only before करना / होना.
LIGHT_VERBS = frozenset(
    "कर करना करने करनी करता करती करते किया की कीं किए किये करें करेंगे करेगा करेगी करके करो करवाया कराया "
    "हो होना होने होता होती होते हुआ हुई हुईं हुए होगा होगी होंगे होकर".split()
)


def slot_and_compound(ctx: Context, hit: FormHit, tokens, first: int, last: int) -> tuple[int, bool]:
    """The slot the replacement of tokens[first..last] needs there (कस्टमर्स के लिए -> ग्राहकों के लिए),
    and whether a loan with a Hindi word of its own stands beside it (एग्जाम सेंटर: केंद्र alone would
    leave the hybrid एग्जाम केंद्र)."""
    c = hit.concept
    forms, gender = (c.hindi, c.hindi_gender) if hit.side == "translit" else (c.translit, c.translit_gender)
    slot = case_slot(c, hit.slot, tokens, first, last, forms, gender)
    compound = hit.side == "translit" and c.pos == "noun" and beside_translatable_loan(ctx, tokens, first, last)
    return slot, compound


def article_word(ctx: Context, concept: Concept, kept: list[tuple], text: str) -> tuple[str, str] | None:
    """The Hindi word the article itself writes for the concept, where that is one of the table's
    alternatives and the article writes it more often than the table's own words (अवधि for `term`,
    whose first Hindi is कार्यकाल): its commonest spelling in the article, and its gender as the
    genitives before it in the article show it (की अवधि: f), else the table where it is another
    concept's first word or a feminine noun of `feminine_nouns.tsv`, else the concept's Hindi gender
    ("" where the signs disagree). None where the table's word is the article's, or as much the
    article's as any alternative."""
    primary = {fold(form) for form in concept.hindi}
    alternatives = {fold(form) for form in concept.hindi_alternatives} - primary
    if not alternatives:
        return None
    genitives = _genitive_genders(ctx.lexicon)
    counts: Counter = Counter()
    surfaces: dict[str, Counter] = defaultdict(Counter)
    genders: dict[str, set] = defaultdict(set)
    for start, end, _, tokens, first, _ in kept:
        word = fold(text[start:end])
        word = word if word in alternatives else ""
        counts[word] += 1
        surfaces[word][text[start:end]] += 1
        if first and tokens[first - 1].key in genitives:
            genders[word].add(genitives[tokens[first - 1].key])
    best = max(counts, key=lambda word: (counts[word], not word))  # a tie keeps the table's word
    if not best:
        return None
    surface = surfaces[best].most_common(1)[0][0]
    shown = genders[best]
    if not shown:  # the table's gender for it as another concept's first Hindi, or a feminine noun GRAM007 lists
        shown = {c.hindi_gender for h in ctx.lexicon.concepts.lookup(surface) for c in (h.concept,)
                 if h.side == "hindi" and c.pos == "noun" and c.hindi and fold(c.hindi[0]) == best}
        shown |= {"f"} if surface in ctx.lexicon.feminine_nouns["noun"] else set()
    # where nothing shows it, the concept's Hindi gender, as the table's first word's fix assumes
    return surface, next(iter(shown)) if len(shown) == 1 else concept.hindi_gender if not shown else ""


def _genitive_genders(lexicon) -> dict[str, str]:
    """The genitives that show the gender of the noun after them: का and के (and उसका, अपने ...) a
    masculine one, की (उसकी, अपनी) a feminine one; from the masculine oblique genitives of
    `feminine_nouns.tsv` (kind `genitive`: के, इसके, अपने)."""
    if _GENITIVES[0] is not lexicon:
        out = {}
        for oblique in lexicon.feminine_nouns["genitive"]:
            stem = oblique[:-1]
            out.update({fold(oblique): "m", fold(stem + "\u093e"): "m", fold(stem + "\u0940"): "f"})
        _GENITIVES[:] = [lexicon, out]
    return _GENITIVES[1]


_GENITIVES: list = [None, {}]


def written_fix(concept: Concept, hit: FormHit, written: tuple[str, str], tokens, first: int, last: int,
                 start: int, end: int, compound: bool) -> list[Fix]:
    """The fix that writes the article's own Hindi word (`article_word`) for the loan: only in the slot
    of its base form (an alternative is listed uninflected: अवधि, not its plural); unsafe where its
    gender is the loan's (or the loan has none) and no other loan stands beside it, as the table's
    word is, else only shown; none where the slot wants another form (the table's word is offered then)."""
    word, gender = written
    if case_slot(concept, hit.slot, tokens, first, last, (word,) * 3, gender or "m"):
        return []  # (a masculine word in -ा is taken to inflect: चंद्रमा does not, रास्ता does)
    same = concept.translit_gender == "-" or gender in (concept.translit_gender, "-")
    return [Fix(start, end, word, applicability=UNSAFE if same and not compound else DISPLAY_ONLY)]


def beside_translatable_loan(ctx: Context, tokens, first: int, last: int) -> bool:
    """A noun loan the concept table gives a Hindi word stands right before or after tokens[first..last]
    (एग्जाम सेंटर, गवर्नमेंट सेक्टर), or such an adjective loan right before it (फॉरेन मिनिस्टर: one word
    swapped leaves फॉरेन मंत्री): a compound of loans, translated whole or not at all. A loan
    made a verb by the light verb after it (फोटो शेयर की) is no part of the compound, nor is an
    established loan Hindi keeps beside Hindi words (स्कूल इमारत)."""
    lookup = ctx.lexicon.concepts.lookup
    for i in (first - 1, last + 1):
        if not (0 <= i < len(tokens)) or tokens[i].kind != "deva":
            continue
        if i + 1 < len(tokens) and tokens[i + 1].key in LIGHT_VERBS:
            continue
        kinds = ("noun", "adj") if i < first else ("noun",)  # फॉरेन मिनिस्टर: an adjective loan before it too
        if any(h.side == "translit" and h.concept.pos in kinds and h.concept.hindi and not h.concept.established
               for h in lookup(tokens[i].text)):
            return True
    return False


def table_fix(concept: Concept, side: str, slot: int, start: int, end: int, attributive: str | None = None,
         compound: bool = False) -> list[Fix]:
    if attributive:  # an adjective that does not inflect: it agrees with any noun after it
        return [Fix(start, end, attributive, applicability=UNSAFE)]
    # Across genders the sentence would not agree (उसकी सेंचुरी -> उसका शतक), and beside another loan
    # the one word swapped leaves a hybrid (एग्जाम केंद्र, स्पेस केंद्र): a hint, not an edit.
    # The loan written over the Hindi word is never an edit (the article's Hindi is what a desk keeps): shown.
    applicability = UNSAFE if concept.same_gender and not compound and side == "translit" else DISPLAY_ONLY
    forms = concept.hindi if side == "translit" else concept.translit
    if not forms:
        return []
    form = forms[slot] if slot < len(forms) else forms[0]
    if form != forms[0] and hindi_zipf(form) == 0:
        applicability = DISPLAY_ONLY  # a generated plural Hindi text never uses (जॉबें): a hint only
    return [Fix(start, end, form, applicability=applicability)]
