"""Language data the checks read: wrong senses, anglicisms, loanwords, stopwords, numbers.

All of it lives as TSV under `glossaries/lexicon/`, so linguists extend it without
touching Python (the Vale model: rules as data, code only for the rule kinds).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from audit.core.findings import Severity
from audit.core.phrases import PhraseIndex
from audit.language.tables import file_digest, read_table
from audit.core.text import fold

LEXICON_DIR = Path(__file__).resolve().parents[2] / "glossaries" / "lexicon"


@dataclass(frozen=True)
class Sense:
    phrase: str
    suggestions: tuple[str, ...]
    english: str
    cues: tuple[str, ...]
    anticues: tuple[str, ...]
    note: str
    line: int
    oblique: str = ""  # the first suggestion before a postposition (मुकदमा -> मुकदमे का), when it changes


@dataclass(frozen=True)
class Anglicism:
    phrase: str
    suggestions: tuple[str, ...]
    english: str
    severity: Severity
    line: int


class Lexicon:
    def __init__(self, directory: Path = LEXICON_DIR):
        self.directory = directory
        self.senses: PhraseIndex[Sense] = PhraseIndex()
        for row in read_table(directory / "senses.tsv", ("phrase", "suggestion"), ("english", "cues", "anticues", "note", "oblique")):
            if not row.get("phrase") or not row.items("suggestion"):
                raise row.error("phrase and suggestion must not be empty")
            self.senses.add(
                row.get("phrase"),
                Sense(row.get("phrase"), tuple(row.items("suggestion")), row.get("english"),
                      tuple(row.items("cues")), tuple(row.items("anticues")), row.get("note"), row.line,
                      row.get("oblique")),
            )
        self.anglicisms: PhraseIndex[Anglicism] = PhraseIndex()
        for row in read_table(directory / "anglicisms.tsv", ("phrase", "suggestion"), ("english", "severity", "note")):
            severity = row.get("severity") or "warning"
            if severity not in ("info", "warning", "error"):
                raise row.error(f"severity must be info, warning or error, got {severity!r}")
            if not row.get("phrase") or not row.items("suggestion"):
                raise row.error("phrase and suggestion must not be empty")
            self.anglicisms.add(
                row.get("phrase"),
                Anglicism(row.get("phrase"), tuple(row.items("suggestion")), row.get("english"),
                          Severity.parse(severity), row.line),
            )
        self.loanwords = self._words("loanwords.tsv")
        self.stopwords = self._words("stopwords.tsv")
        self.numbers: dict[str, int] = {}
        for row in read_table(directory / "numbers.tsv", ("word", "value")):
            if not row.get("value").isdigit():
                raise row.error(f"value must be a whole number, got {row.get('value')!r}")
            self.numbers[row.get("word")] = int(row.get("value"))

    def _words(self, name: str) -> frozenset[str]:
        return frozenset(fold(row.get("word")) for row in read_table(self.directory / name, ("word",)) if row.get("word"))

    @cached_property
    def concepts(self):
        """The concept table: part of speech, slot-aligned forms and genders of each loan and its Hindi."""
        from audit.language.concepts import default_concepts

        return default_concepts()  # one parse per process, shared with the concept checks

    @property
    def digest(self) -> str:
        from audit.language.concepts import CONCEPTS

        # the concept table and BIL004's English respelling rules decide findings as much as the lexicon does
        return file_digest(sorted(self.directory.glob("*.tsv")) + [CONCEPTS, CONCEPTS.parent / "english_sounds.tsv"])
