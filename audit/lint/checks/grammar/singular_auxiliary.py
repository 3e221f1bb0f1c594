from __future__ import annotations

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import Reversed, word_ends

# every participle of the table ends in ा: a हैं after any other letter is never read
_NEEDLE = "ा हैं"
_HAIN = "हैं"


class SingularAuxiliary(Check):
    """A masculine singular participle before the plural auxiliary हैं.

    Anti-pattern:  बाजार में उतार-चढ़ाव बना रहता हैं।   इसे फर्जी बताया गया हैं।   आगे क्या हो सकता हैं?
    Fix:           बाजार में उतार-चढ़ाव बना रहता है।    इसे फर्जी बताया गया है।    आगे क्या हो सकता है?

    The participles are the words of `glossaries/lexicon/singular_participles.tsv`: the -ता form of
    common verbs (होता, जाता, सकता, रहता, करता) and the perfective or progressive गया, रहा, चुका,
    हुआ, किया, लिया, कहा, बताया, बना, and the genitive का as a predicate (मामला गांव का हैं: गांव का
    है, honorific or plural के हैं). A masculine singular participle and its auxiliary agree with the
    same word (the subject, or after ने the object or neither), so the participle's number is the
    auxiliary's: an honorific or plural subject takes होते हैं, रहे हैं, गए हैं, never होता हैं. Words
    that end like a participle but are nouns or names are not listed and not read: नेता, पता, जनता,
    पिता (वे पार्टी के नेता हैं), दिया (the lamp, and the actor Dia), पाया (a pillar), माया.
    Not read: a word after नाम (a name), English lines and page chrome.
    Fix safety: unsafe (है is right where the subject is singular; where it is plural the participle is
    the slip instead: सेंसेक्स और निफ्टी क्या होता हैं wants होते हैं).
    """

    code = "GRAM003"
    name = "singular-participle-plural-auxiliary"
    category = "grammar"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        # each हैं after a space and ा is found by str.find (most हैं follow a plural -ते or -े form or a
        # noun and are never read); the word before it is read back by one match in the text reversed
        at = text.find(_NEEDLE)
        if at < 0:
            return
        participles = ctx.lexicon.singular_participles
        conventions = ctx.conventions
        reverse = Reversed(text)
        while at >= 0:
            hain = at + 2
            end = hain + len(_HAIN)
            if word_ends(text, end):
                start = reverse.run_start(at + 1)
                participle = text[start:at + 1]
                if (participle in participles and not text.endswith("नाम ", 0, start)
                        and conventions.kind(start, end) not in (ENGLISH_LINE, CHROME)):
                    yield ctx.finding(
                        self, start, end,
                        f"'{participle}' is masculine singular and takes 'है', not 'हैं'",
                        [Fix(hain, end, "है", applicability=UNSAFE)],
                    )
            at = text.find(_NEEDLE, end)
