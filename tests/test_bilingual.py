"""The bilingual checks (BIL) wherever a source is known: TSV, JSONL, XLIFF 1.2 and 2.x pairs and
`--source` articles, with exact offsets into the file text; a clean translation gets no warning."""

from __future__ import annotations

import collections
import itertools
import html
import json
from pathlib import Path

import pytest

from audit.core.findings import SAFE, Severity
from audit.lint.checks import BY_CODE
from audit.lint.engine import Engine
from conftest import ROOT, SAMPLES, SHARED, run_cli, shared

# (source, target, [(code, flagged text of the target)]): one pair per check.
PAIRS = [
    ("The startup raised $6 million in 2024.", "स्टार्टअप ने 2023 में 6 करोड़ डॉलर जुटाए।",
     [("BIL001", "2023"), ("BIL001", "6 करोड़ डॉलर")]),
    ("Gemini can now read long documents.", "मिथुन अब लंबे दस्तावेज पढ़ सकता है।", [("BIL002", "मिथुन")]),
    ("The council will meet on Monday to vote on the new budget.",
     "The council will meet on Monday to vote on the new budget.",
     [("BIL003", "The council will meet on Monday to vote on the new budget.")]),
    ("The levee broke after the heavy rain.", "भारी बारिश के बाद लीवी टूट गई।", [("BIL004", "लीवी")]),
    ("Read the full report at https://example.org/report.", "पूरा ब्योरा वेबसाइट पर पढ़ें।",
     [("BIL005", "पूरा ब्योरा वेबसाइट पर पढ़ें।")]),
    ("Will the bridge open before the monsoon?", "क्या पुल मानसून से पहले खुलेगा।", [("BIL006", "।")]),
    ("Traffic congestion has grown in the old city.", "पुराने शहर में ट्रैफिक कंजेशन बढ़ गया है।",
     [("BIL004", "कंजेशन")]),  # the example: ट्रैफिक is an established loan, कंजेशन is not
    ("He kept the old bicycle in the garage.", "उसने पुरानी साइकिल गैरेजमें रखी।",
     [("BIL004", "गैरेज")]),  # a lost space: the written-out word alone is flagged, not में
    ("Coach Marlowe praised the young striker.", "कोच Marloweने युवा स्ट्राइकर की तारीफ की।",
     [("BIL003", "Marlowe")]),  # a name left in Latin script, glued to the Hindi after it
    ("The Spanish settlers built a fort on the hill.", "स्पेनिश बसने वालों ने पहाड़ी पर किला बनाया।",
     [("BIL004", "स्पेनिश")]),  # a nationality adjective is capitalised in English, but no name
    ("She won the French Open last year.", "उसने पिछले साल फ्रेंच ओपन जीता।", []),  # inside a name it stays
    ("They booked two seats on the morning train.", "उन्होंने सुबह की ट्रेन में दो सीटें बुक कीं।",
     []),  # बुक before a light verb is the verb the desk keeps, not the noun "a book"
    ("Radiation was found near the nuclear plant.", "परमाणु पौधे के पास विकिरण मिला।",
     [("BIL007", "पौधे")]),  # "nuclear" rules out the living plant
    ("The plane landed in Ürümqi after midnight.", "विमान आधी रात के बाद Ürümqi में उतरा।",
     [("BIL003", "Ürümqi")]),  # a name with accented letters is one word, left in Latin script (info)
    ("Critics of capitalism gathered outside the bank.", "कैपिटलवाद के आलोचक बैंक के बाहर जमा हुए।",
     [("BIL008", "कैपिटलवाद")]),  # an English stem with a Hindi suffix: पूंजीवाद
    ("Lions live in large groups called prides.", "शेर बड़े समूहों में रहते हैं जिन्हें वालेगर्व कहा जाता है।",
     [("BIL007", "गर्व")]),  # the other-sense word glued to वाले (a lost space): the word alone is flagged
    ("Astronomers found a small galaxy behind the cluster.", "खगोलविदों को समूह के पीछे एक छोटी गैलेक्सी मिली।",
     [("BIL004", "गैलेक्सी")]),  # the glossary's Galaxy is a name; in lower case it is a word to translate
    ("The drug stops a mutation from killing the cell.", "दवा किसी उत्परिवर्तन को कोशिका मारने से रोकती है, उत्परिवर्तनसेल नहीं।",
     [("BIL004", "सेल")]),  # a lost space after a Hindi word the concept table gives (उत्परिवर्तन, rare in wordfreq)
    ("The bacterium slipped into the river.", "बैक्टीरिया नदी में पहुंच गया।",
     [("BIL004", "बैक्टीरिया")]),  # the table lists बैक्टीरिया for "bacteria": the singular says the same
    ("In the twelfth century Crusaders carried silk home.", "बारहवीं सदी में क्रूसेडरों ने रेशम घर भेजा।",
     [("BIL004", "क्रूसेडरों")]),  # a capitalised plural standing alone: a group named by a common noun
    ("The plan will fail, Waters said.", "योजना विफल होगी, वाटर्स ने कहा।", []),  # a common word: a surname
]
EXPECTED = sorted((code, flagged) for _, _, found in PAIRS for code, flagged in found)


def _check(*args: str) -> list[dict]:
    proc = run_cli("check", "--format", "json", "--fail-on", "never", "--select", "BIL", *args)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def _found(path: Path, findings: list[dict], decode=lambda s: s) -> list[tuple[str, str]]:
    """(code, decoded flagged text), after checking that every offset is exact in the file text."""
    text = path.read_text(encoding="utf-8")
    for f in findings:
        assert text[f["start"] : f["end"]] == f["text"], f
        line_start = text.rfind("\n", 0, f["start"]) + 1
        assert (f["line"], f["column"]) == (text.count("\n", 0, f["start"]) + 1, f["start"] - line_start + 1)
    return sorted((f["code"], decode(f["text"])) for f in findings)


def test_tsv_pairs(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("id\tsource\ttarget\n" + "".join(f"{i}\t{s}\t{t}\n" for i, (s, t, _) in enumerate(PAIRS)),
                    encoding="utf-8")
    assert _found(path, _check(str(path))) == EXPECTED


def test_jsonl_pairs_with_escapes(tmp_path):
    path = tmp_path / "pairs.jsonl"  # json.dumps writes Devanagari as \u escapes: offsets point at them
    path.write_text("".join(json.dumps({"id": i, "source": s, "target": t}) + "\n" for i, (s, t, _) in enumerate(PAIRS)),
                    encoding="utf-8")
    findings = _check(str(path))
    assert any("\\u" in f["text"] for f in findings)
    assert _found(path, findings, lambda s: json.loads(f'"{s}"')) == EXPECTED


def _xml(text: str) -> str:
    # escape, and write one Devanagari letter as a character reference, as CAT tools sometimes do
    return html.escape(text, quote=False).replace("ल", "&#x932;")


def test_xliff_12(tmp_path):
    units = "".join(f'<trans-unit id="{i}"><source>{_xml(s)}</source><target>{_xml(t)}</target></trans-unit>\n'
                    for i, (s, t, _) in enumerate(PAIRS))
    path = tmp_path / "story.xlf"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                    'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="en" target-language="hi" '
                    f'datatype="plaintext" original="story"><body>\n{units}</body></file></xliff>\n', encoding="utf-8")
    findings = _check(str(path))
    assert any("&#x932;" in f["text"] for f in findings)  # लीवी, as the file writes it
    assert _found(path, findings, html.unescape) == EXPECTED


def test_xliff_20(tmp_path):
    units = "".join(f'<unit id="u{i}"><segment><source>{_xml(s)}</source><target>{_xml(t)}</target></segment></unit>\n'
                    for i, (s, t, _) in enumerate(PAIRS))
    path = tmp_path / "story.xliff"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                    f'version="2.0" srcLang="en" trgLang="hi"><file id="f1">\n{units}</file></xliff>\n', encoding="utf-8")
    assert _found(path, _check(str(path)), html.unescape) == EXPECTED


def test_source_article(tmp_path):
    english, hindi = tmp_path / "story.en", tmp_path / "story.txt"
    english.write_text("\n".join(s for s, _, _ in PAIRS) + "\n", encoding="utf-8")
    hindi.write_text("\n".join(t for _, t, _ in PAIRS) + "\n", encoding="utf-8")
    assert _found(hindi, _check("--source", str(english), str(hindi))) == EXPECTED
    assert _check(str(hindi)) == []  # without the source there is nothing to compare
    # from standard input too (the source was silently ignored there)
    proc = run_cli("check", "--format", "json", "--fail-on", "never", "--select", "BIL", "--source", str(english), "-",
                   stdin=hindi.read_bytes())
    assert sorted((f["code"], f["text"]) for f in json.loads(proc.stdout)) == sorted(
        (f["code"], f["text"]) for f in _check("--source", str(english), str(hindi)))


def test_messages_give_both_values_and_the_conversion():
    engine = Engine(checks=[BY_CODE["BIL001"]])
    [finding] = engine.audit_text("स्टार्टअप ने 6 करोड़ डॉलर जुटाए।", source="The startup raised $6 million.")
    assert "6 करोड़" in finding.message and "60 million" in finding.message
    assert "6 million" in finding.message and "60 लाख" in finding.message
    [finding] = engine.audit_text("राज्य ने 20 करोड़ खर्च किए।", source="The state spent 2 billion.")
    assert "2 billion = 2 अरब = 200 करोड़" in finding.message


def test_bilingual_fixes_are_never_safe():
    """Whether a number or a word is wrong needs an editor: bilingual fixes are unsafe or display-only,
    so `--fix` alone applies none of them."""
    engine = Engine(checks=[c for code, c in BY_CODE.items() if code.startswith("BIL")])
    found = [f for source, target, _ in PAIRS for f in engine.audit_text(target, source=source)]
    labels = collections.defaultdict(set)
    for f in found:
        labels[f.code] |= {x.applicability.label for x in f.fixes}
    assert labels["BIL001"] == {"display-only"} and labels["BIL004"] == {"unsafe"} and labels["BIL006"] == {"unsafe"}
    assert all(x.applicability < SAFE for f in found for x in f.fixes)


def test_fix_applies_unsafe_bilingual_fixes_only_when_asked(tmp_path):
    english, hindi = tmp_path / "story.en", tmp_path / "story.txt"
    english.write_text("\n".join(s for s, _, _ in PAIRS) + "\n", encoding="utf-8")
    original = "\n".join(t for _, t, _ in PAIRS) + "\n"
    hindi.write_text(original, encoding="utf-8")
    run_cli("check", "--select", "BIL", "--fix", "--source", str(english), str(hindi))
    assert hindi.read_text(encoding="utf-8") == original  # no bilingual fix is safe
    run_cli("check", "--select", "BIL", "--fix", "--unsafe-fixes", "--source", str(english), str(hindi))
    fixed = hindi.read_text(encoding="utf-8").splitlines()
    assert fixed[1].startswith("जेमिनी अब") and "तटबंध" in fixed[3] and fixed[5].endswith("खुलेगा?")
    assert "2023" in fixed[0] and "6 करोड़ डॉलर" in fixed[0]  # the number hints are display-only
    assert "ट्रैफिक जाम" in fixed[6]


def test_clean_pairs_file_gets_no_warning():
    """tests/data/clean_pairs.tsv: a correct human translation (written for this test) with numbers in
    both scale systems, names, a URL, an e-mail address, a question and an exclamation."""
    proc = run_cli("check", "--format", "json", "--fail-on", "warning", str(ROOT / "tests" / "data" / "clean_pairs.tsv"))
    findings = json.loads(proc.stdout)
    assert proc.returncode == 0, findings
    assert all(f["severity"] == "info" for f in findings)


def _one_to_one_references() -> list[tuple[str, str]]:
    """IndicMT's (source, human reference) pairs; rows whose source has two references, or whose
    reference has two sources, are misaligned in the data and left out."""
    refs, srcs = collections.defaultdict(set), collections.defaultdict(set)
    for split in ("train", "val"):
        path = shared(SHARED / "data" / "indicmt-eval-hi" / f"Hin_{split}.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            refs[row["src"]].add(row["ref"])
            srcs[row["ref"]].add(row["src"])
    return [(s, next(iter(r))) for s, r in refs.items() if len(r) == 1 and len(srcs[next(iter(r))]) == 1]


def test_human_references_rarely_get_a_bilingual_warning():
    pairs = _one_to_one_references()
    engine = Engine(checks=[c for code, c in BY_CODE.items() if code.startswith("BIL")])
    warned = [ref for src, ref in pairs
              if any(f.severity >= Severity.WARNING for f in engine.audit_text(ref, source=src))]
    assert len(pairs) > 150
    assert len(warned) / len(pairs) < 0.02, warned


def test_review_session_uses_the_source(tmp_path):
    from audit.review.session import ReviewSession

    english, hindi = tmp_path / "story.en", tmp_path / "story.txt"
    english.write_text("\n".join(s for s, _, _ in PAIRS) + "\n", encoding="utf-8")
    hindi.write_text("\n".join(t for _, t, _ in PAIRS) + "\n", encoding="utf-8")
    text = english.read_text(encoding="utf-8")
    bilingual = Engine(checks=[c for code, c in BY_CODE.items() if code.startswith("BIL")])
    session = ReviewSession.open(hindi, bilingual, english=text)
    assert sorted((f.code, f.text) for f in session.findings) == EXPECTED
    levee = next(f for f in session.findings if f.text == "लीवी")
    assert session.source_sentence(levee) == "The levee broke after the heavy rain."
    # accepting a bilingual fix realigns: the other bilingual findings stay where they are
    session.accept(levee)
    session.refine()
    assert "भारी बारिश के बाद तटबंध टूट गई।" in session.text
    assert sorted((f.code, f.text) for f in session.findings) == [e for e in EXPECTED if e != ("BIL004", "लीवी")]
    # with every check, every finding (bilingual or not: ANGL001 on लीवी) shows its English sentence
    full = ReviewSession.open(hindi, Engine(), english=text)
    assert {f.code for f in full.findings} > {"ANGL001", "BIL001"}
    assert all(full.source_sentence(f) == PAIRS[f.line - 1][0] for f in full.findings)
    plain = ReviewSession.open(hindi, Engine())
    assert not [f for f in plain.findings if f.code.startswith("BIL")] and plain.source_sentence(levee) is None


def test_review_source_takes_one_article(tmp_path, capsys):
    from tui.cli import main

    english = tmp_path / "story.en"
    english.write_text("One.\n", encoding="utf-8")
    code = main(["review", "--source", str(english), str(SAMPLES / "ai_model_race_mt.txt"),
                 str(SAMPLES / "phone_launch_mt.txt")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "one article" in err and len(err.splitlines()) == 1


async def test_review_detail_pane_shows_the_english_sentence(tmp_path):
    from tui.app import ReviewApp
    from tui_helpers import select, settle

    english, hindi = tmp_path / "story.en", tmp_path / "story.txt"
    english.write_text("\n".join(s for s, _, _ in PAIRS) + "\n", encoding="utf-8")
    hindi.write_text("\n".join(t for _, t, _ in PAIRS) + "\n", encoding="utf-8")
    app = ReviewApp([hindi], Engine(), english=english.read_text(encoding="utf-8"))
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        await select(pilot, "BIL001", "2023")
        shown = str(app.detail.render())
        assert "English: The startup raised $6 million in 2024." in shown
        await select(pilot, "ANGL001", "लीवी")  # a rule finding shows its English too
        assert "English: The levee broke after the heavy rain." in str(app.detail.render())


@pytest.mark.parametrize("source,target,coined,hint", [
    # a plural oblique coinage before a postposition keeps its plural oblique
    ("Mill owners and capitalists met the minister.", "मिल मालिकों और कैपिटलवादियों से मंत्री मिले।",
     "कैपिटलवादियों", "पूंजीपतियों"),
    ("The essay compared the capitalisms of two eras.", "निबंध में दो युगों के कैपिटलवादों की तुलना थी।",
     "कैपिटलवादों", "पूंजीवादों"),
    ("A capitalist bought the mill.", "एक कैपिटलवादी ने मिल खरीदी।", "कैपिटलवादी", "पूंजीपति"),
])
def test_hybrid_term_hint_keeps_the_slot_of_the_coinage(source, target, coined, hint):
    """BIL008's Hindi is offered in the coinage's own number and case (the concept table's slot)."""
    [finding] = Engine(checks=[BY_CODE["BIL008"]]).audit_text(target, source=source)
    assert finding.text == coined
    assert [fix.replacement for fix in finding.fixes] == [hint]


def test_a_long_token_is_not_cut_at_every_letter_for_glued_words(monkeypatch):
    """Words joined by zero-width spaces are one token; BIL004 and BIL007 look for two words glued by
    a lost space, and cutting such a token at every letter copied it each time (seconds for a
    paragraph). A token longer than two words is left whole: the lookups stay few."""
    from audit.lint.checks.bilingual import source_sense, transliterated

    calls = collections.Counter()
    for module, name in ((source_sense, "tokenize_phrase"), (transliterated, "hindi_zipf")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda text, _real=real, _name=name: calls.update([_name]) or _real(text))
    paragraph = "\u200b".join(["परमाणु", "संयंत्र", "के", "पास", "गैरेज", "में", "विकिरण", "मिला"] * 150)
    engine = Engine(checks=[BY_CODE["BIL004"], BY_CODE["BIL007"]])
    engine.audit_text(paragraph + "।", source="Radiation was found near the nuclear plant's garage.")
    assert calls["tokenize_phrase"] < 50 and calls["hindi_zipf"] < 50, calls


@pytest.mark.parametrize("source,target,hints", [
    ("The jury said witnesses lied in both trials.", "जूरी ने कहा कि दोनों परीक्षणों में गवाहों ने झूठ बोला।",
     ["मुकदमों", "सुनवाई"]),  # a masculine -आ noun's plural oblique; a feminine one reads as it is
    ("The jury watched the trial in a closed room.", "जूरी ने बंद कमरे में परीक्षण की कार्यवाही देखी।",
     ["मुकदमे", "सुनवाई"]),  # before की: a masculine -आ noun's oblique; the feminine unchanged
    ("Giraffes browse on the savanna near the lake.", "जिराफ झील के पास सावन पर चरते हैं।",
     ["सवाना", "घास के मैदान"]),  # a phrase's का agrees before पर
    ("The court imposed a fine of Rs 2,000 on the trader.", "अदालत ने व्यापारी पर 2,000 रुपये का ठीक लगाया।",
     ["जुर्माना"]),  # no postposition after: the direct form
])
def test_source_sense_hints_take_the_slot_of_the_flagged_word(source, target, hints):
    """BIL007's Hindi is offered in the flagged word's number and case, so the hint reads in place."""
    [finding] = Engine(checks=[BY_CODE["BIL007"]]).audit_text(target, source=source)
    assert [fix.replacement for fix in finding.fixes] == hints


@pytest.mark.parametrize("source,target,hint", [
    ("Tickets cost $40 each.", "हर टिकट 400 रुपये का है।", "40 डॉलर"),  # not 40 रुपये: the source's currency
    ("The fine was £2 million.", "जुर्माना 2 करोड़ रुपये था।", "20 लाख पाउंड"),
    ("The $6 million grant was approved.", "6 करोड़ डॉलर का अनुदान मंजूर हुआ।", "60 लाख डॉलर"),
])
def test_number_hint_gives_the_source_amount_in_its_own_currency(source, target, hint):
    """BIL001's hint is the source's amount; where the translation changed the currency too, in the
    source's currency (a hint in the translation's would be a second wrong amount)."""
    [finding] = Engine(checks=[BY_CODE["BIL001"]]).audit_text(target, source=source)
    assert [fix.replacement for fix in finding.fixes] == [hint]


@pytest.mark.parametrize("source,target,hint", [
    ("The power grid failed during the heatwave.", "लू के दौरान पावर ग्रिड फेल हो गया।", "बिजली"),
    ("The prison cell had no window.", "जेल की सेल में कोई खिड़की नहीं थी।", "कोठरी"),
    ("The market crashed after the announcement.", "घोषणा के बाद बाजार क्रैश हो गया।", "धड़ाम"),
])
def test_transliteration_hint_takes_the_sense_the_source_shows(source, target, hint):
    """BIL004 offers the Hindi of the sense the source's cues pick (`source_senses.tsv`), not the
    concept table's other sense (ताकत, कोशिका)."""
    [finding] = Engine(checks=[BY_CODE["BIL004"]]).audit_text(target, source=source)
    assert [fix.replacement for fix in finding.fixes] == [hint]


def test_a_segment_of_many_numbers_pairs_each_with_its_neighbour(monkeypatch):
    """Past 64 x 64 numbers in one segment (a table pasted as one row) BIL001 compares each source
    number only with the translation's numbers near its place, so the work stays linear (every pair
    was compared: 4,000 numbers took seconds). Each sentence's own slip is still found."""
    from audit.language.numerals import Quantity

    calls = collections.Counter()
    real = Quantity.same_value
    monkeypatch.setattr(Quantity, "same_value", lambda self, other: calls.update(["same"]) or real(self, other))
    source, target = [], []
    for n in range(120):  # 360 numbers a side; every year repeats every 30 sentences
        year = 1990 + n % 30
        source.append(f"In {year} the firm sold {100 + n} units for ${2 + n % 9} million.")
        off = n % 10 == 0  # a tenth of the years are one out
        target.append(f"{year + off} में कंपनी ने {100 + n} इकाइयां {2 + n % 9} लाख डॉलर की बेचीं।")
    findings = Engine(checks=[BY_CODE["BIL001"]]).audit_text(" ".join(target), source=" ".join(source))
    years = [f for f in findings if "डॉलर" not in f.text]
    amounts = [f for f in findings if "डॉलर" in f.text]
    assert len(amounts) == 120  # every "$N million" given as N लाख (a tenth of it)
    assert sorted(int(f.text) for f in years) == sorted(1990 + n % 30 + 1 for n in range(0, 120, 10))
    assert calls["same"] < 360 * 70, calls  # each of 360 source numbers against 65 at most, not all 360


def test_a_segment_of_many_lost_names_compares_each_with_the_words_near_it(monkeypatch):
    """BIL005 looks for each name's transliteration among the translation's words: all of them in a
    segment of up to 400 words, else those near the name's place, each distinct word once (every name
    against every word took 50 s for 400 names). Every lost name is still reported."""
    from audit.lint.checks.bilingual import entities

    calls = collections.Counter()
    real = entities.SequenceMatcher
    monkeypatch.setattr(entities, "SequenceMatcher", lambda *a: calls.update(["ratio"]) or real(*a))
    syllables = ["ka", "ro", "mi", "ta", "ne", "su", "la", "vi", "do", "re", "ga", "bo"]
    combos = list(itertools.product(syllables, repeat=3))
    source, target = [], []
    for n in range(300):  # made-up names, none of them in the translation
        first = "".join(combos[n * 7 % len(combos)]).title()
        last = "".join(combos[(n * 11 + 5) % len(combos)]).title()
        source.append(f"Then {first} {last} spoke to the farmers.")
        target.append(f"फिर {n + 1} किसानों और मजदूरों के नेताओं से गांव में बात हुई।")
    engine = Engine(checks=[BY_CODE["BIL005"]])
    [finding] = engine.audit_text(" ".join(target), source=" ".join(source))
    assert calls["ratio"] < 300 * 3 * 20, calls  # distinct words near each name, not 3,600 words
    monkeypatch.setattr(entities, "_ALL_WORDS", 10**9)  # every name against every word, as before
    [reference] = engine.audit_text(" ".join(target), source=" ".join(source))
    assert finding.message == reference.message and finding.message.count("name '") > 200
