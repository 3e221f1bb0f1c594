"""SPELL001's tie-breakers for a compound written two ways as often: the standard spelling of an
English closed compound (सुपरस्टार) and of a reduplication (अलग-अलग)."""

from __future__ import annotations

from audit.language.readback import english_reading
from audit.language.wordstats import english_zipf, hindi_zipf

# an English word read back from the joined spelling must be this common in English to say that
# English writes the compound closed (superstar 3.8, database 4.3)
_CLOSED_ZIPF = 3.0
# nor be far rarer in English than the word is in Hindi: a Hindi word that happens to read as an
# English one (काम, 6.1, as karma, 3.9) is the Hindi word
_HINDI_MARGIN = 0.5


def closed_loan(tied: list[str]) -> str | None:
    """The joined spelling where the tie is of it and the same two words spaced, and it
    reads back as one English word (सुपरस्टार: superstar; डाटाबेस: database): English writes that
    compound closed, as the spaced loan (सॉफ्ट लैंडिंग) follows English in writing its two words apart.
    wordfreq cannot weigh them: it reads the spaced spelling by its first word (सुपर), half the compound.
    Not against a hyphened spelling (एक्सप्रेसवे / एक्सप्रेस-वे): the Hindi press hyphens such loans too."""
    for form in tied:
        if " " in form or "-" in form or "\u2010" in form:
            continue
        if not all(" " in f and f.replace(" ", "") == form for f in tied if f != form):
            continue
        reading = english_reading(form, 5)
        if reading is not None and english_zipf(reading) >= max(_CLOSED_ZIPF, hindi_zipf(form) - _HINDI_MARGIN):
            return form
    return None


def hyphened_reduplication(tied: list[str]) -> str | None:
    """The hyphened spelling of a word said twice (अलग-अलग, धीरे-धीरे, साथ-साथ) where the tie is of it
    and the two words spaced (अलग अलग): standard Hindi joins a reduplication with a hyphen."""
    for form in tied:
        halves = form.split("-")
        if len(halves) == 2 and halves[0] == halves[1] and all(f == " ".join(halves) for f in tied if f != form):
            return form
    return None
