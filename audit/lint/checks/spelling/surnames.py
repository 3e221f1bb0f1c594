"""Whether a form SPELL002 would read as a common word without its anusvara is a surname of its own
(बगला beside बंगला, पाडे beside पांडे), told by the words around its uses and around the common word's."""

from __future__ import annotations

from audit.core.text import fold
from audit.lint.checks.words import DEVANAGARI_SET

# A title before a name, or before the given name before it (श्री अनिल बगला), and an honorific after one
# (a byline's cue counts as a title: रिपोर्ट- अनिल बगला)
_TITLES = frozenset(["श्री", "श्रीमती", "सुश्री", "श्रीमान", "डॉ", "डॉक्टर", "प्रो", "प्रोफेसर", "स्व", "स्वर्गीय",
                     "मिस्टर", "कुमारी", "सेठ", "रिपोर्ट", "रिपोर्टर", "संवाददाता", "लेखक"])
_HONORIFICS = frozenset(["जी", "साहब", "साहेब"])


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The Devanagari word just before `start` across spaces (a dot after an abbreviation too: डॉ.), and where it starts."""
    i = start
    while i > 0 and text[i - 1] in " .":
        i -= 1
    j = i
    while j > 0 and text[j - 1] in DEVANAGARI_SET:
        j -= 1
    return text[j:i], j


def _word_after(text: str, end: int) -> str:
    i = end
    while i < len(text) and text[i] == " ":
        i += 1
    j = i
    while j < len(text) and text[j] in DEVANAGARI_SET:
        j += 1
    return text[i:j]


def _neighbours(text: str, places, stopwords) -> set[tuple[str, str]]:
    """The words right before and after each use, but the function words (में, के, ने): a slot's content."""
    out: set[tuple[str, str]] = set()
    for start, end in places:
        before, _ = _word_before(text, start)
        after = _word_after(text, end)
        out.update(side for side in (("<", before), (">", after)) if side[1] and side[1] not in stopwords)
    return out


def _titled(text: str, places, given_names) -> bool:
    """A use stands as a person's name: after a title, or a title and a given name, or a listed given
    name (`given_names`: अनिल बगला), or before जी or साहब."""
    for start, end in places:
        before, at = _word_before(text, start)
        if (before in _TITLES or fold(before) in given_names or _word_before(text, at)[0] in _TITLES
                or _word_after(text, end) in _HONORIFICS):
            return True
    return False


def a_surname(text: str, form_places, word_places, stopwords, given_names=frozenset()) -> bool:
    """Whether the form (written at `form_places`) is a name of its own beside the common word written at
    `word_places`: a use of it stands as a person's name (after a title, or a title and a given name,
    or a common given name with no title, or before जी or साहब: श्री अनिल बगला, अनिल बगला, पाडे जी), and
    no use of it shares a content word next to it with a use of the common word (a typo of a name stands
    in the name's own slot: श्री राहुल गाधी beside राहुल गांधी). Neither alone: a typo repeated is written
    in other slots too (सूचकाक ... सूचकांक)."""
    return _titled(text, form_places, given_names) and not (
        _neighbours(text, form_places, stopwords) & _neighbours(text, word_places, stopwords))


# A word that opens a place's name (सराय अकिल, ग्राम बसुहार) or follows one (अकिल थाना, बसुहार गांव)
_PLACE_BEFORE = frozenset("सराय ग्राम गांव गाँव मौजा मोहल्ला मोहल्ले कस्बा कस्बे".split())
_PLACE_AFTER = frozenset("थाना थाने कोतवाली चौकी गांव गाँव ग्राम कस्बा कस्बे मोहल्ला मोहल्ले तहसील ब्लॉक".split())


def a_place(text: str, form_places, right: str, given_names) -> bool:
    """Whether a form one edit from a listed given name (अकिल beside अनिल) is a place's name: every use
    of it stands in a place's slot, after a word that opens one (सराय, ग्राम) or before a police station,
    a village or a block (थाना, गांव, तहसील). A slip of a person's name stands where the person does."""
    return fold(right) in given_names and bool(form_places) and all(
        _word_before(text, start)[0] in _PLACE_BEFORE or _word_after(text, end) in _PLACE_AFTER
        for start, end in form_places)
