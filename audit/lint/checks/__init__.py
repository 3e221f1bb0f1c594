"""The registry of checks, in the order they run and are listed by `jaanch rules`."""

from __future__ import annotations

from audit.lint.checks.anglicism.known_anglicism import KnownAnglicism
from audit.lint.checks.anglicism.readback_anglicism import EnglishReadback
from audit.lint.checks.anglicism.untranslated_english import UntranslatedEnglish
from audit.lint.checks.bilingual.entities import LostEntity
from audit.lint.checks.bilingual.glossary_source import SourceTermRendering
from audit.lint.checks.bilingual.hybrid_term import HybridTerm
from audit.lint.checks.bilingual.lost_punctuation import LostQuestionMark
from audit.lint.checks.bilingual.neighbour_loan import NeighbourLoan
from audit.lint.checks.bilingual.numbers import NumberMismatch
from audit.lint.checks.bilingual.source_sense import SourceWrongSense
from audit.lint.checks.bilingual.transliterated import TransliteratedSource
from audit.lint.checks.bilingual.untranslated import UntranslatedSegment
from audit.lint.checks.base import Check, Context, SourceSegment
from audit.lint.checks.anglicism.capitalised_english import CapitalisedEnglish
from audit.lint.checks.anglicism.concept_consistency import ConceptConsistency
from audit.lint.checks.encoding.encoding_hygiene import EncodingHygiene
from audit.lint.checks.encoding.lookalike_char import LookalikeChar
from audit.lint.checks.formatting.currency_space import CurrencySpace
from audit.lint.checks.formatting.number_glued import NumberGlued
from audit.lint.checks.formatting.danda_for_stop import DandaForFullStop
from audit.lint.checks.formatting.full_stop import FullStopForDanda
from audit.lint.checks.formatting.hyphen_dash import HyphenAsDash
from audit.lint.checks.formatting.hyphen_space import HyphenSpace
from audit.lint.checks.formatting.mixed_range import MixedRange
from audit.lint.checks.formatting.punctuation_space import PunctuationSpace
from audit.lint.checks.formatting.run_on import RunOnSentence
from audit.lint.checks.formatting.stop_run import StopRun
from audit.lint.checks.numbers.number_spacing import NumberSpacing
from audit.lint.checks.numbers.number_style import NumberStyle
from audit.lint.checks.numbers.number_words import NumberWords
from audit.lint.checks.grammar.direct_before_postposition import DirectBeforePostposition
from audit.lint.checks.grammar.feminine_plural_subject import FemininePluralSubject
from audit.lint.checks.grammar.genitive_before_feminine import GenitiveBeforeFeminine
from audit.lint.checks.grammar.ki_conjunction import KiForConjunction
from audit.lint.checks.grammar.masculine_genitive import MasculineGenitiveBeforeFeminine
from audit.lint.checks.grammar.plural_auxiliary import PluralAuxiliary
from audit.lint.checks.grammar.reader_imperative import ReaderImperative
from audit.lint.checks.grammar.singular_auxiliary import SingularAuxiliary
from audit.lint.checks.repetition.doubled_word import DoubledWord
from audit.lint.checks.repetition.repeated_phrase import RepeatedPhrase
from audit.lint.checks.repetition.repeated_sentence import RepeatedSentence
from audit.lint.checks.sense.wrong_sense import WrongSense
from audit.lint.checks.spelling.misspelling import KnownMisspelling
from audit.lint.checks.spelling.near_miss import NearMissSpelling
from audit.lint.checks.spelling.plural_nasal import PluralWithoutNasal
from audit.lint.checks.spelling.transposed_sign import TransposedSign
from audit.lint.checks.spelling.spelling_family import SpellingFamily
from audit.lint.checks.spelling.spelling_variant import SpellingVariant
from audit.lint.checks.terminology.dnt_translated import NameTranslated
from audit.lint.checks.terminology.entity_consistency import EntityConsistency
from audit.lint.checks.terminology.glossary_variant import GlossaryVariant
from audit.lint.checks.terminology.latin_casing import LatinCasing
from audit.lint.checks.terminology.latin_name_variant import LatinNameVariant

ALL_CHECKS: tuple[type[Check], ...] = (
    GlossaryVariant,
    LatinCasing,
    LatinNameVariant,
    EntityConsistency,
    NameTranslated,
    WrongSense,
    KnownAnglicism,
    EnglishReadback,
    UntranslatedEnglish,
    CapitalisedEnglish,
    RepeatedPhrase,
    RepeatedSentence,
    DoubledWord,
    CurrencySpace,
    HyphenSpace,
    HyphenAsDash,
    MixedRange,
    PunctuationSpace,
    StopRun,
    RunOnSentence,
    FullStopForDanda,
    DandaForFullStop,
    NumberGlued,
    NumberMismatch,
    SourceTermRendering,
    UntranslatedSegment,
    TransliteratedSource,
    LostEntity,
    LostQuestionMark,
    SourceWrongSense,
    HybridTerm,
    NeighbourLoan,
    EncodingHygiene,
    LookalikeChar,
    ConceptConsistency,
    SpellingVariant,
    NearMissSpelling,
    SpellingFamily,
    KnownMisspelling,
    PluralWithoutNasal,
    TransposedSign,
    NumberSpacing,
    NumberWords,
    NumberStyle,
    PluralAuxiliary,
    KiForConjunction,
    SingularAuxiliary,
    GenitiveBeforeFeminine,
    DirectBeforePostposition,
    ReaderImperative,
    MasculineGenitiveBeforeFeminine,
    FemininePluralSubject,
)

BY_CODE: dict[str, type[Check]] = {c.code: c for c in ALL_CHECKS}
# What runs unless a desk selects otherwise: every check but those off by default.
DEFAULT_CHECKS: tuple[type[Check], ...] = tuple(c for c in ALL_CHECKS if c.on_by_default)

__all__ = ["ALL_CHECKS", "BY_CODE", "DEFAULT_CHECKS", "Check", "Context", "SourceSegment"]
