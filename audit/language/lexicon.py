"""Language data the checks read: wrong senses, anglicisms, loanwords, stopwords, sound-alikes, numbers.

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
class SourceSense:
    """A Hindi word that renders an English word in a sense the source's context rules out."""

    english: str  # the lemma in the source (plant)
    wrong: tuple[str, ...]  # the Hindi of the other sense (पौधा, पौधे, पौधों)
    right: tuple[str, ...]  # the Hindi of this sense (संयंत्र)
    cues: frozenset[str]  # source lemmas that show this sense (nuclear, reactor); ANY_CONTEXT: none needed
    note: str
    line: int
    unless: frozenset[str] = frozenset()  # source lemmas of the wrong word's own sense (monsoon for सावन)


# The cue of a row whose English word has no sense the wrong Hindi could render (savanna: सावन).
ANY_CONTEXT = "*"


@dataclass(frozen=True)
class HybridSuffix:
    """An English suffix of a term and the Hindi suffixes that render it (ism: वाद, ता)."""

    english: str  # ism
    hindi: tuple[str, ...]  # वाद, वादों, ता
    note: str
    line: int


@dataclass(frozen=True)
class SpellingFamily:
    """One spelling choice Hindi makes across many words (ये or ए: गये / गए, लिये / लिए, नयी / नई)."""

    name: str  # ye
    pairs: tuple[tuple[str, str], ...]  # (written, standard) letter sequences: (ये, ए), (यी, ई)
    unless: frozenset[str]  # words the family never covers (रुपये: both spellings standard)
    note: str


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
        for row in read_table(directory / "senses.tsv", ("phrase", "suggestion"),
                              ("english", "cues", "anticues", "note", "oblique"), unique=("phrase",)):
            if not row.get("phrase") or not row.items("suggestion"):
                raise row.error("phrase and suggestion must not be empty")
            self.senses.add(
                row.get("phrase"),
                Sense(row.get("phrase"), tuple(row.items("suggestion")), row.get("english"),
                      tuple(row.items("cues")), tuple(row.items("anticues")), row.get("note"), row.line,
                      row.get("oblique")),
            )
        self.anglicisms: PhraseIndex[Anglicism] = PhraseIndex()
        for row in read_table(directory / "anglicisms.tsv", ("phrase", "suggestion"), ("english", "severity", "note"),
                              unique=("phrase",)):
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
        # Hindi words that sound like an English word (बेशक / basic): never a transliteration of it
        self.soundalikes = self._words("soundalikes.tsv", ("english", "note"))
        # Hindi question words: a sentence with one in its last clause is a direct question (BIL006)
        self.question_words = self._words("question_words.tsv", ("note",))
        # Devanagari abbreviations written with a full stop (डॉ., प्रो., कि.मी.): not a sentence end (FMT007)
        self.abbreviations = self._words("abbreviations.tsv", ("note",))
        # Set compounds joined by a hyphen whose first part is a verb form (कहा-सुनी, रहा-सहा) or the
        # English key (की-बोर्ड): one word, not a clause break (FMT003)
        self.hyphen_compounds = self._words("hyphen_compounds.tsv", ("note",))
        # The Hindi names of world currencies (रुपिया, the rupiah; पेसो; दिरहम): words of their own,
        # never a near-miss for a Hindi word one letter away (रुपया) (SPELL002)
        self.currency_names = self._words("currency_names.tsv", ("english", "note"))
        # Function words Hindi never says twice in a row, and the pronoun forms that already hold one
        # (REP003): the doubled word, or the fused form and the word, as one phrase index; and a verb
        # stem said before its own finite form (दी जा जाएगी: broken_auxiliaries.tsv). Each value:
        # (first word, second word, kind: "doubled", "fused", "head" or "stem"); "head": a compound
        # postposition's first word said twice before it (के के लिए), where that word alone is not
        # listed (के is also the initial K: के के मेनन, but no name follows with लिए)
        self.doubled_words: PhraseIndex[tuple[str, str, str]] = PhraseIndex()
        listed: list[str] = []
        for row in read_table(directory / "doubled_words.tsv", ("word",), ("fused", "note"), unique=("word",)):
            word = row.get("word")
            if not word:
                raise row.error("word must not be empty")
            listed.append(word)
            self.doubled_words.add(f"{word} {word}", (word, word, "doubled"))
            for fused in row.items("fused"):
                self.doubled_words.add(f"{fused} {word}", (fused, word, "fused"))
        for word in listed:
            head = word.split(" ", 1)[0]
            if head != word and head not in listed:
                self.doubled_words.add(f"{head} {word}", (head, word, "head"))
        for row in read_table(directory / "broken_auxiliaries.tsv", ("stem", "finite"), ("note",), unique=("stem",)):
            stem = row.get("stem")
            for finite in row.items("finite"):
                self.doubled_words.add(f"{stem} {finite}", (stem, finite, "stem"))
        self.numbers: dict[str, int] = {}
        for row in read_table(directory / "numbers.tsv", ("word", "value"), unique=("word",)):
            if not row.get("value").isdigit():
                raise row.error(f"value must be a whole number, got {row.get('value')!r}")
            self.numbers[row.get("word")] = int(row.get("value"))

    @cached_property
    def given_names(self) -> frozenset[str]:
        """`given_names.tsv`: common given names that are no common Hindi word (अनिल, सुनीता): the word
        after one is a surname (SPELL002: अनिल बगला beside बंगला). Read when SPELL002 first asks."""
        return self._words("given_names.tsv", ("note",))

    def _words(self, name: str, optional: tuple[str, ...] = ()) -> frozenset[str]:
        rows = read_table(self.directory / name, ("word",), optional, unique=("word",))
        return frozenset(fold(row.get("word")) for row in rows if row.get("word"))

    @cached_property
    def sense_cues(self) -> dict[str, tuple[str, ...]]:
        """`senses.tsv` read the other way: a suggested word (folded) -> the cues of the sense it is
        suggested for (क्लाउड -> सर्वर, डेटा, ...), where the word itself is right in its common sense."""
        out: dict[str, tuple[str, ...]] = {}
        for sense in self.senses.values():
            for key in map(fold, sense.suggestions):
                out[key] = out.get(key, ()) + sense.cues
        return out

    @cached_property
    def source_senses(self) -> PhraseIndex[list[SourceSense]]:
        """`source_senses.tsv`: wrong Hindi form -> the rows it is wrong for (read when a source is known)."""
        index: PhraseIndex[list[SourceSense]] = PhraseIndex()
        for sense in self.source_sense_rows:
            for form in sense.wrong:
                keys = index.add(form, [])
                if keys:
                    index.get(keys).append(sense)
        return index

    @cached_property
    def source_senses_by_english(self) -> dict[str, tuple[SourceSense, ...]]:
        """`source_senses.tsv`: English word -> its rows (the senses its context picks)."""
        out: dict[str, list[SourceSense]] = {}
        for sense in self.source_sense_rows:
            out.setdefault(sense.english, []).append(sense)
        return {english: tuple(rows) for english, rows in out.items()}

    @cached_property
    def source_sense_rows(self) -> tuple[SourceSense, ...]:
        """The rows of `source_senses.tsv` in file order."""
        rows = []
        for row in read_table(self.directory / "source_senses.tsv", ("english", "wrong", "right", "cues"),
                              ("note", "unless")):
            if not (row.get("english") and row.items("wrong") and row.items("right") and row.items("cues")):
                raise row.error("english, wrong, right and cues must not be empty")
            sense = SourceSense(row.get("english").lower(), tuple(row.items("wrong")), tuple(row.items("right")),
                                frozenset(c.lower() for c in row.items("cues")), row.get("note"), row.line,
                                frozenset(u.lower() for u in row.items("unless")))
            rows.append(sense)
        return tuple(rows)

    @cached_property
    def side_cues(self) -> dict[str, frozenset[str]]:
        """`side_cues.tsv`, kind -> English words: in a sentence with a `side` word a capitalised plural
        names a team or a party (the Titans beat..., the Greens won seats); after a `place` word and
        "the" it names a region (across the Highlands)."""
        out: dict[str, set[str]] = {}
        for row in read_table(self.directory / "side_cues.tsv", ("word", "kind"), ("note",), unique=("word", "kind")):
            if not row.get("word") or row.get("kind") not in ("side", "place"):
                raise row.error("word must not be empty and kind must be side or place")
            out.setdefault(row.get("kind"), set()).add(row.get("word").lower())
        return {kind: frozenset(words) for kind, words in out.items()}

    @cached_property
    def exchange_rates(self) -> dict[str, tuple[float, float]]:
        """`exchange_rates.tsv`: currency -> (low, high) rupees per unit, the band a converted amount
        falls in (read when a source is known)."""
        out = {}
        for row in read_table(self.directory / "exchange_rates.tsv", ("currency", "inr_low", "inr_high"), ("note",),
                              unique=("currency",)):
            try:
                low, high = float(row.get("inr_low")), float(row.get("inr_high"))
            except ValueError:
                raise row.error("inr_low and inr_high must be numbers") from None
            if not (row.get("currency") and 0 < low <= high):
                raise row.error("currency must not be empty, and 0 < inr_low <= inr_high")
            out[row.get("currency")] = (low, high)
        return out

    @cached_property
    def attributive_forms(self) -> dict[str, str]:
        """`attributive_forms.tsv`: noun concept (English) -> the Hindi form that qualifies a following
        noun where the noun itself would not (फेस्टिवल सीजन -> त्योहारी सीजन, not त्योहार सीजन)."""
        nouns = {c.english for c in self.concepts.concepts if c.pos == "noun"}
        out = {}
        for row in read_table(self.directory / "attributive_forms.tsv", ("english", "attributive"), ("example",),
                              unique=("english",)):
            if row.get("english") not in nouns:
                raise row.error(f"{row.get('english')!r} is not a noun of the concept table")
            if not row.get("attributive") or not all("\u0900" <= ch <= "\u097f" for ch in row.get("attributive")):
                raise row.error("attributive must be one Devanagari word")
            out[row.get("english")] = row.get("attributive")
        return out

    @cached_property
    def hybrid_suffixes(self) -> tuple[HybridSuffix, ...]:
        """`hybrid_suffixes.tsv`: English term suffixes and their Hindi ones (read when a source is known)."""
        out = []
        for row in read_table(self.directory / "hybrid_suffixes.tsv", ("english", "hindi"), ("note",), unique=("english",)):
            if not (row.get("english") and row.items("hindi")):
                raise row.error("english and hindi must not be empty")
            out.append(HybridSuffix(row.get("english").lower(), tuple(row.items("hindi")), row.get("note"), row.line))
        return tuple(out)

    @cached_property
    def spelling_families(self) -> tuple[SpellingFamily, ...]:
        """`spelling_families.tsv`: the spelling choices an article should make one way (SPELL003), in
        the table's order; a family is the rows sharing its name."""
        rows: dict[str, list] = {}
        for row in read_table(self.directory / "spelling_families.tsv", ("family", "written", "standard"),
                              ("unless", "note"), unique=("family", "written")):
            written, standard = row.get("written"), row.get("standard")
            if not (row.get("family") and written and standard and written != standard):
                raise row.error("family, written and standard must not be empty, and written must differ from standard")
            if not all("\u0900" <= ch <= "\u097f" for ch in written + standard):
                raise row.error("written and standard must be Devanagari letters and signs")
            rows.setdefault(row.get("family"), []).append(row)
        return tuple(
            SpellingFamily(name, tuple((r.get("written"), r.get("standard")) for r in group),
                           frozenset(w for r in group for w in r.items("unless")),
                           " ".join(r.get("note") for r in group if r.get("note")))
            for name, group in rows.items())

    @cached_property
    def clause_links(self) -> dict[str, frozenset[str]]:
        """`clause_links.tsv`: kind (joiner, relative, opener) -> its words (FMT006 reads where a sentence may end)."""
        out: dict[str, set[str]] = {"joiner": set(), "relative": set(), "opener": set()}
        for row in read_table(self.directory / "clause_links.tsv", ("word", "kind"), ("note",), unique=("word", "kind")):
            if not row.get("word") or row.get("kind") not in out:
                raise row.error("word must not be empty and kind must be joiner, relative or opener")
            out[row.get("kind")].add(row.get("word"))
        return {kind: frozenset(words) for kind, words in out.items()}

    @cached_property
    def plural_participles(self) -> dict[str, frozenset[str]]:
        """`plural_participles.tsv`: kind (word, ending, unless) -> its forms: the participles that take
        हैं, never है (GRAM001), and the words ending like one that are not participles."""
        return self._forms_by_kind("plural_participles.tsv", ("word", "ending", "unless"))

    @cached_property
    def singular_participles(self) -> frozenset[str]:
        """`singular_participles.tsv`: masculine singular participles (होता, सकता, गया, रहा, किया), whose
        auxiliary is है, never हैं (GRAM003)."""
        return self._words("singular_participles.tsv", ("note",))

    @cached_property
    def ki_nouns(self) -> dict[str, frozenset[str]]:
        """`ki_nouns.tsv`: kind (after_ke, after_ki) -> the feminine nouns whose genitive is की, never के
        (की तरफ, की वजह से, की चपेट में), and those the conjunction कि cannot stand before (GRAM004)."""
        return self._forms_by_kind("ki_nouns.tsv", ("after_ke", "after_ki"))

    @cached_property
    def feminine_nouns(self) -> dict[str, frozenset[str]]:
        """`feminine_nouns.tsv`: kind (noun, genitive, verb_stem, not_verbal, verbal, after_ke, dative_after) -> its
        words: feminine nouns whose genitive is की (ग्राहकों की जेब पर, not के जेब), the masculine genitives read
        before them (के, इसके, अपने), the words that show the genitive is another word's, those that make a compound
        postposition of a के after the noun, and those of them before which a के may be a को typed wrong (GRAM007)."""
        kinds = ("noun", "genitive", "verb_stem", "not_verbal", "verbal", "after_ke", "dative_after")
        return self._forms_by_kind("feminine_nouns.tsv", kinds)

    @cached_property
    def plural_subjects(self) -> dict[str, frozenset[str]]:
        """`plural_subjects.tsv`: kind (participle, plural_ending, not_plural, link, pronoun, relative, intransitive) -> its
        words: what GRAM008 reads to find a feminine plural subject before a singular है or थी."""
        kinds = ("participle", "plural_ending", "not_plural", "link", "pronoun", "relative", "intransitive")
        return self._forms_by_kind("plural_subjects.tsv", kinds)

    @cached_property
    def oblique_nouns(self) -> dict[str, frozenset[str]]:
        """`oblique_nouns.tsv`: kind (noun, adjective) -> masculine nouns in -ा that take -े or -ों before a
        postposition (सोने के भाव, not सोना के), and the adjectives in -ा that agree with them (GRAM005)."""
        return self._forms_by_kind("oblique_nouns.tsv", ("noun", "adjective"))

    @cached_property
    def unit_symbols(self) -> frozenset[str]:
        """`unit_symbols.tsv`: Devanagari unit symbols a number may carry glued on, as 100km does (100मी,
        5किमी): not a word glued to a number (FMT011)."""
        return self._words("unit_symbols.tsv", ("note",))

    @cached_property
    def ki_conjunction(self) -> dict[str, frozenset[str]]:
        """`ki_conjunction.tsv`: kind (before, after_participle, unless) -> its words: the words after
        which की stands for the conjunction कि (GRAM002), those that do so only after a perfective
        participle (गया in कहा गया, not the city), and the words after की that make it the verb करना (की गई).
        A `before` form may be two words (ने माना, कहते हुए): a word read as the verb only in that slot."""
        return self._forms_by_kind("ki_conjunction.tsv", ("before", "after_participle", "unless"), phrases=True)

    def _forms_by_kind(self, name: str, kinds: tuple[str, ...], phrases: bool = False) -> dict[str, frozenset[str]]:
        """A table of Devanagari `form`s, each of one of `kinds`: kind -> its forms (with `phrases`,
        words joined by single spaces)."""
        out: dict[str, set[str]] = {kind: set() for kind in kinds}
        for row in read_table(self.directory / name, ("form", "kind"), ("note",), unique=("form", "kind")):
            form = row.get("form")
            words = form.split(" ") if phrases and form else [form]
            if (not form or row.get("kind") not in out
                    or not all(word and all("\u0900" <= ch <= "\u097f" for ch in word) for word in words)):
                raise row.error(f"form must be Devanagari{' words, one space apart,' if phrases else ''} and "
                                f"kind must be {', '.join(kinds[:-1])} or {kinds[-1]}")
            out[row.get("kind")].add(form)
        return {kind: frozenset(forms) for kind, forms in out.items()}

    @cached_property
    def reader_imperatives(self) -> dict[str, str]:
        """`reader_imperatives.tsv`: a formula addressing the reader written without the polite
        imperative's anusvara -> the formula (बता दे -> बता दें) (GRAM006)."""
        rows = read_table(self.directory / "reader_imperatives.tsv", ("written", "standard"), ("note",),
                          unique=("written",))
        return {row.get("written"): row.get("standard") for row in rows}

    @cached_property
    def name_words(self) -> dict[str, frozenset[str]]:
        """`name_words.tsv`: the words that mark a proper name around a concept's word (ANGL004), by kind
        (folded): `demonym` (a loan after it is a name's: इंडियन ऑयल), `country_opener` (the country's English
        name after it is a name's: ऑल इंडिया), `institution_head` (a hospital's,
        a school's name: कैलाश हॉस्पिटल), `run_head` (ends a name run of loans: फेडरल ओपन मार्केट कमेटी), `title_head`
        (ends one opened by a name: एनएफआईबी स्मॉल बिजनेस ऑप्टिमिज्म इंडेक्स),
        `org_head` and `org_opener` (a body's spelt-out Hindi name: राज्य सड़क परिवहन निगम), `scheme_opener`
        (a loan opening a scheme's name before Hindi words: मिशन अमृत सरोवर), `service` (a loan the press
        uses for a service, not for the concept its English names: रोडवेज, a state's buses, not roads),
        `category` (a kind of named thing: a capitalised Latin word after it and जैसे is a name, ANGL005:
        संगठनों जैसे …), `day_opener` and `day_head` (an observance's name: विश्व मधुमेह दिवस), `society_head`
        (a society's or a troupe's name: रंग उत्सव नाट्य समिति), `genre` (a loan after it makes a set name:
        रैप सॉन्ग), `modified_head` (a loan right before it is a set term's modifier: स्किन केयर)."""
        kinds = ("demonym", "country_opener", "institution_head", "run_head", "title_head", "org_head", "org_opener",
                 "scheme_opener", "service", "category", "day_opener", "day_head", "society_head", "genre",
                 "modified_head")
        return {kind: frozenset(map(fold, forms))
                for kind, forms in self._forms_by_kind("name_words.tsv", kinds).items()}

    @cached_property
    def set_compounds(self) -> dict[str, frozenset[str] | None]:
        """`set_compounds.tsv`: a set compound's first word (folded) -> the second words (folded) that
        make a set term with it (डिजिटल अरेस्ट, फुल फॉर्म; in Hindi, पदक विजेता: a medal winner, no champion),
        or None where any loan after it does (डोप टेस्ट, डीप फेक): half of such a term is not the article's
        word for its concept (ANGL004)."""
        out: dict[str, frozenset[str] | None] = {}
        for row in read_table(self.directory / "set_compounds.tsv", ("first",), ("second", "note")):
            first, second = fold(row.get("first") or ""), fold(row.get("second") or "")
            if not first:
                raise row.error("first must not be empty")
            if first in out and (out[first] is None or not second):
                raise row.error(f"{row.get('first')!r} is listed both with any second word and with one")
            out[first] = None if not second else out.get(first, frozenset()) | {second}
        return out

    @cached_property
    def misspellings(self) -> dict[str, tuple[str, Severity]]:
        """`misspellings.tsv`: written form -> (its standard spelling, the finding's severity) (SPELL004)."""
        out = {}
        for row in read_table(self.directory / "misspellings.tsv", ("written", "standard"), ("severity", "note"),
                              unique=("written",)):
            written, standard, severity = row.get("written"), row.get("standard"), row.get("severity") or "warning"
            if not (written and standard and written != standard):
                raise row.error("written and standard must not be empty and must differ")
            if severity not in ("info", "warning"):
                raise row.error(f"severity must be info or warning, got {severity!r}")
            out[written] = (standard, Severity.parse(severity))
        return out

    @cached_property
    def variant_spellings(self) -> dict[str, str]:
        """`variant_spellings.tsv`: a spelling -> the other spelling of the same word, where both are in
        print and no spelling key folds them (दीवाली / दिवाली, नगद / नकद): SPELL001 groups the two."""
        out = {}
        for row in read_table(self.directory / "variant_spellings.tsv", ("written", "same_as"), ("note",),
                              unique=("written",)):
            written, same = row.get("written"), row.get("same_as")
            if not (written and same and written != same):
                raise row.error("written and same_as must not be empty and must differ")
            out[written] = same
        return out

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
