"""How a sentence glosses one word by another, for ANGL004: "that is" (यानी, अर्थात) and "which is called"
(जिसे ... कहते हैं) between or around the words."""

from __future__ import annotations

import re

# Words that introduce a gloss, within this many characters of both words, with no sentence end between
# them: यानी, अर्थात ("that is"); जिसे / जिन्हें ... कहते हैं, कहा जाता है ("which is called")
GLOSS_REACH = 40
_THAT_IS_WORD = r"(?<![\u0900-\u097f])(?:यानी|यानि|अर्थात)(?![\u0900-\u097f])"
THAT_IS = re.compile(_THAT_IS_WORD)
WHICH = re.compile(r"(?<![\u0900-\u097f])(?:जिसे|जिन्हें|जिसको)(?![\u0900-\u097f])")
CALLED = re.compile(r"(?<![\u0900-\u097f])(?:कहते|कहा जाता|कहलाता|कहलाती)(?![\u0900-\u097f])")
SENTENCE_BREAK = re.compile(r"[।.?!\n]")
# "that is" within 20 characters after a word, what stands between in the group
_GLOSSED_AFTER = re.compile(r"([^।.?!\n]{0,20}?)" + _THAT_IS_WORD)


def glossed_after(stopwords, text: str, end: int) -> bool:
    """The sentence glosses the loan right after it, with only function words between it and "that is"
    (`हाइक यानी पैदल यात्रा`, `ट्रैवल करने के लिए यानी घूमने के लिए`): the gloss convention a bracket also writes,
    whatever Hindi words gloss it. A content word between (`स्किन रूखी यानी ड्राई`) is what is glossed."""
    m = _GLOSSED_AFTER.match(text, end)
    return m is not None and all(word in stopwords for word in m.group(1).split())


def named_as(text: str, start: int, end: int) -> bool:
    """The loan stands in what a clause says something is called (`जिसे आम भाषा में <name> कहते हैं`):
    "which" within 40 characters before it and "is called" within 30 after, no sentence end between."""
    before = text[max(0, start - GLOSS_REACH) : start]
    which = [m.end() for m in WHICH.finditer(before)]
    if not which or SENTENCE_BREAK.search(before, which[-1]):
        return False
    called = CALLED.search(text, end, end + 30)
    return called is not None and not SENTENCE_BREAK.search(text, end, called.start())
