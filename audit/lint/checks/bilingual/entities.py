from __future__ import annotations

from difflib import SequenceMatcher

from audit.core.findings import Severity
from audit.core.text import fold, latin_key, skeleton, translit_key
from audit.language.wordstats import english_zipf
from audit.lint.checks.base import AlignedUnit, Check, Context
from audit.language.entities import entities
from audit.lint.checks.bilingual.english import SourceWord, around, source_words


class LostEntity(Check):
    """A URL, e-mail address, @handle, #hashtag or name of the source missing from the translation, or one added.

    Anti-pattern:  source "Details at https://example.org/budget, or write to desk@example.org."
                   target "विवरण वेबसाइट पर है, या डेस्क को लिखें।"        (both dropped)
                   source "Maria Okafor won the race."  ->  "दौड़ जीत ली गई।"   (the winner's name dropped)
    Fix:           विवरण https://example.org/budget पर है, या desk@example.org पर लिखें।
    URLs, addresses, handles and hashtags must appear character for character (a warning). A name of
    two or more capitalised words (a person, a place), one of them rare in English, counts as kept
    when any of its words appears, in Latin script or transliterated (the consonant skeletons of the two spellings
    agree), or all its words written as one (Shiv Sena शिवसेना, Taj Mahal ताजमहल); a lost name is info, since single capitalised words are as often demonyms, titles or
    terms a translator rightly translates (Egyptians, Romanticism). Glossary names are BIL002's.
    """

    code = "BIL005"
    name = "lost-entity"
    category = "bilingual"
    severity = Severity.WARNING
    defaults = {"min_name_similarity": 0.6, "max_common_zipf": 3.5}

    def run(self, ctx: Context):
        for unit in ctx.aligned:
            text = ctx.article.text[unit.start : unit.end]
            source_items = entities(unit.source)
            target_items = entities(text)
            wanted = {e[1].rstrip("/").casefold() for e in source_items}
            have = {e[1].rstrip("/").casefold() for e in target_items}
            lost = [f"{kind} '{value}'" for kind, value, _, _ in source_items
                    if value.rstrip("/").casefold() not in have and value.rstrip("/") not in text]
            names = list(self._lost_names(ctx, unit))
            if lost or names:
                # one finding per segment (they would share its span), listing everything lost
                yield ctx.finding(self, unit.start, unit.end,
                                  f"the source's {_listing(lost + names)} {'is' if len(lost + names) == 1 else 'are'} "
                                  "missing from the translation",
                                  severity=Severity.WARNING if lost else Severity.INFO, confidence=0.9 if lost else 0.6)
            for kind, value, a, b in target_items:
                if value.rstrip("/").casefold() not in wanted:
                    yield ctx.finding(self, unit.start + a, unit.start + b,
                                      f"the {kind} '{value}' is not in the source", severity=Severity.INFO)

    def _lost_names(self, ctx: Context, unit: AlignedUnit):
        """Names of two or more capitalised words that the translation has neither in Latin nor transliterated."""
        glossary = ctx.glossary.latin
        max_zipf = ctx.setting(self, "max_common_zipf")
        min_similarity = ctx.setting(self, "min_name_similarity")
        tokens = [t for s in unit.sentences for t in s.tokens if t.kind == "deva"]
        shapes = [skeleton(translit_key(t.text)) for t in tokens]
        folded = ctx.article.text[unit.start : unit.end].casefold()
        for name in _names(source_words(unit.source)):
            if len(name) < 2 or any((fold(w.text),) in glossary for w in name):
                continue
            distinctive = [w for w in name if english_zipf(w.text.lower()) < max_zipf and len(w.text) > 2]
            if not distinctive or any(w.text.casefold() in folded for w in name):
                continue
            near = _near(shapes, name[0].start, len(unit.source))
            if any(_sounds_like(w.text, near, min_similarity) for w in name if len(w.text) > 2):
                continue  # any word of it will do: "Storm Jerry" is kept as तूफान जेरी
            if _sounds_like("".join(w.text for w in name), near, min_similarity):
                continue  # Hindi writes some names as one word: Shiv Sena शिवसेना, Taj Mahal ताजमहल
            yield f"name '{unit.source[name[0].start : name[-1].end]}'"


# A segment of up to this many Devanagari words is searched whole for a name's transliteration; in a
# longer one (a list pasted as one segment) only the words around the name's place in the order are,
# so a segment of thousands of names costs time linear in its length, not names x words.
_ALL_WORDS = 400
_NEAR_WORDS = 200


def _near(shapes: list[str], at: int, source_length: int) -> list[str]:
    """The word shapes a name at source offset `at` may be written as in the translation."""
    if len(shapes) > _ALL_WORDS:
        window = around(at, source_length, len(shapes), _NEAR_WORDS, _NEAR_WORDS)
        shapes = shapes[window.start : window.stop]
    return list(dict.fromkeys(shapes))  # each distinct word once: a name is compared with it once


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _names(words: tuple[SourceWord, ...]) -> list[list[SourceWord]]:
    """Runs of adjacent name words: "Maria Okafor", "Ellis Park"."""
    runs: list[list[SourceWord]] = []
    for w in words:
        if not w.name:
            continue
        if runs and runs[-1][-1].end + 1 == w.start:
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def _sounds_like(word: str, shapes: list[str], min_similarity: float) -> bool:
    target = _shape(skeleton(latin_key(word)))
    if not target:
        return True
    for shape in map(_shape, shapes):
        if not shape:
            continue
        ratio = SequenceMatcher(None, target, shape).ratio()
        # a short name (Maria: mr) is too easily found inside a longer word (मैराथन: mrtn)
        if ratio >= (0.8 if len(target) <= 3 else min_similarity) and (len(target) > 3 or abs(len(shape) - len(target)) <= 1):
            return True
    return False


_SOUNDS = str.maketrans({"c": "k", "j": "g", "y": None})  # च/k (Machu), ज/soft g (Georges), य/vowel y (Oyapock)


def _shape(skeleton_key: str) -> str:
    out: list[str] = []
    for ch in skeleton_key.translate(_SOUNDS):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)
