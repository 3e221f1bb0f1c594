"""Sentence splitting: where indic-nlp's sentence splitter cuts a line, as offsets into it."""

from __future__ import annotations

from functools import lru_cache


class _SameScript:
    """Stands in for indic-nlp's `unicode_transliterate` while its sentence splitter loads.

    The splitter calls the transliterator only to map a word into Devanagari before looking
    it up in its abbreviation list; for Hindi that map is the identity. The real module
    imports pandas (a fifth of a second) to build script tables the splitter never reads
    for Hindi, so other languages are handed to the real module, loaded only then.
    """

    class UnicodeIndicTransliterator:
        @staticmethod
        def transliterate(text: str, lang1: str, lang2: str) -> str:
            if lang1 == lang2 == "hi":
                return text
            from indicnlp.transliterate.unicode_transliterate import UnicodeIndicTransliterator

            return UnicodeIndicTransliterator.transliterate(text, lang1, lang2)


@lru_cache(maxsize=1)
def _sentence_splitter():
    """indic-nlp's sentence_tokenize module (its delimiter patterns and abbreviation test)."""
    import sys

    name = "indicnlp.transliterate.unicode_transliterate"
    if "indicnlp.tokenize.sentence_tokenize" not in sys.modules and name not in sys.modules:
        import indicnlp.transliterate  # the package itself imports nothing heavy

        sys.modules[name] = _SameScript  # only for the splitter's own `import`
        try:
            from indicnlp.tokenize import sentence_tokenize
        finally:
            del sys.modules[name]
            if getattr(indicnlp.transliterate, "unicode_transliterate", None) is _SameScript:
                del indicnlp.transliterate.unicode_transliterate
    from indicnlp.tokenize import sentence_tokenize

    return sentence_tokenize


def _split_sentences(paragraph: str) -> list[str]:
    """indic-nlp's own sentence split (the reference `sentence_spans` is held to in the tests)."""
    return _sentence_splitter().sentence_split(paragraph, lang="hi")


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Where the pieces of indic-nlp's `sentence_split(line, "hi")` stand in `line`, worked out
    on offsets: its pieces are the line's text cut at delimiters and stripped, so their spans are
    found without copying each piece and walking the line for it again (`tokens._align`).

    As indic-nlp: with a danda in the line, ? ! । ॥ end a sentence, else its wider set with the
    full stop; a delimiter right after a numeric character does not; without a danda, a run of
    one-word pieces ending in a full stop (and a piece ending in a listed abbreviation) joins the
    sentences around it. Where indic-nlp drops such a run (a run followed by an abbreviation:
    `A. B ए.`, whose text then no longer matches the line) the run stays a sentence of its own.
    """
    module = _sentence_splitter()
    danda = "\u0964" in line
    pattern = module.DELIM_PAT_DANDA if danda or "\u0965" in line else module.DELIM_PAT_NO_DANDA
    end = len(line.rstrip())
    first = len(line) - len(line.lstrip())
    if danda and "?" not in line and "!" not in line and "\u0965" not in line:
        stops = _all_dandas(line)  # most lines: str.find, not the pattern tried at every character
    else:
        stops = [mo.start() for mo in pattern.finditer(line)]  # delimiters are never stripped space
    spans: list[tuple[int, int]] = []
    begin = first
    for stop in stops:
        if stop > first and line[stop - 1].isnumeric():
            continue
        while line[begin].isspace():  # the piece holds its delimiter: the walk stops there at the latest
            begin += 1
        spans.append((begin, stop + 1))
        begin = stop + 1
    while begin < end and line[begin].isspace():
        begin += 1
    if begin < end:
        spans.append((begin, end))
    if pattern is module.DELIM_PAT_DANDA or not spans:
        return spans
    return _joined_at_full_stops(line, spans, module.is_acronym_abbvr)


def _all_dandas(line: str) -> list[int]:
    stops = []
    stop = line.find("\u0964")
    while stop >= 0:
        stops.append(stop)
        stop = line.find("\u0964", stop + 1)
    return stops


def _joined_at_full_stops(line: str, spans: list[tuple[int, int]], is_abbreviation) -> list[tuple[int, int]]:
    """indic-nlp's second phase, on spans: a one-word piece ending in "." joins the pieces around
    it, a piece ending in an abbreviation and "." the one after it."""
    joined: list[tuple[int, int]] = []
    held: tuple[int, int] | None = None
    bad = False
    for start, stop in spans:
        piece = line[start:stop]
        if piece[-1] == "." and " " not in piece:
            held, bad = (held[0] if held else start, stop), True
        elif piece[-1] == "." and is_abbreviation(piece.split(" ")[-1][:-1], "hi"):
            if held:
                joined.append(held)
            held, bad = (start, stop), True
        elif bad:
            joined.append((held[0], stop))
            held, bad = None, False
        else:
            if held:
                joined.append(held)
            held = (start, stop)
    if held:
        joined.append(held)
    return joined
