"""Whether a Devanagari word spells out an English word (audit.language.soundalike, read by BIL004)."""

from __future__ import annotations

import pytest

from audit.language.soundalike import english_key, spelling_distance


@pytest.mark.parametrize("hindi,english", [
    ("मैच", "match"),        # tch → च, English short a as ऐ
    ("कवर", "cover"),        # o and e written as अ
    ("रन", "run"),           # u written as अ
    ("बेस", "base"),         # a before a silent e as ए
    ("ब्राउन", "brown"),     # w after a vowel is a vowel
    ("स्कूल", "school"),     # sch → स्क
    ("क्रोम", "chrome"),     # ch before r → क
    ("सीट", "seat"),         # ea → ई
    ("लेवीज", "levee"),      # a plural ending on the Hindi side
    ("कारों", "car"),        # an oblique plural: its vowel goes with the nasal
    ("मैचों", "match"),
])
def test_spelled_out_exactly(hindi, english):
    assert spelling_distance(hindi, english) == 0


@pytest.mark.parametrize("hindi,english", [
    ("एजेंसी", "agency"),    # soft g → ज, soft c → स
    ("कवरेज", "coverage"),
    ("रोटेशन", "rotation"),  # tion → शन
    ("कंटेनरों", "container"),
])
def test_spelled_out_with_other_vowels(hindi, english):
    assert spelling_distance(hindi, english) is not None


@pytest.mark.parametrize("hindi,english", [
    ("लेबल", "level"),       # b is not v
    ("साथ", "sitting"),
    ("फोन", "phase"),
])
def test_different_consonants_do_not_match(hindi, english):
    assert spelling_distance(hindi, english) is None


def test_english_respelled_the_hindi_way():
    assert english_key("feature") == "feachar"  # its vowels are compared later
    assert english_key("tsunami") == "sunami"


def test_a_word_glued_after_is_no_plural_ending():
    # गैरेजमें is गैरेज + में (a space lost, which BIL004 splits), not a plural of "garage"
    assert spelling_distance("गैरेजमें", "garage") != 0
