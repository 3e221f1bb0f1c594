"""The registry of checks, in the order they run and are listed by `jaanch rules`."""

from __future__ import annotations

from .anglicism.known_anglicism import KnownAnglicism
from .anglicism.readback_anglicism import EnglishReadback
from .anglicism.untranslated_english import UntranslatedEnglish
from .base import Check, Context
from .formatting.currency_space import CurrencySpace
from .formatting.hyphen_dash import HyphenAsDash
from .formatting.hyphen_space import HyphenSpace
from .formatting.mixed_range import MixedRange
from .repetition.repeated_phrase import RepeatedPhrase
from .repetition.repeated_sentence import RepeatedSentence
from .sense.wrong_sense import WrongSense
from .terminology.dnt_translated import NameTranslated
from .terminology.entity_consistency import EntityConsistency
from .terminology.glossary_variant import GlossaryVariant
from .terminology.latin_casing import LatinCasing

ALL_CHECKS: tuple[type[Check], ...] = (
    GlossaryVariant,
    LatinCasing,
    EntityConsistency,
    NameTranslated,
    WrongSense,
    KnownAnglicism,
    EnglishReadback,
    UntranslatedEnglish,
    RepeatedPhrase,
    RepeatedSentence,
    CurrencySpace,
    HyphenSpace,
    HyphenAsDash,
    MixedRange,
)

BY_CODE: dict[str, type[Check]] = {c.code: c for c in ALL_CHECKS}

__all__ = ["ALL_CHECKS", "BY_CODE", "Check", "Context"]
