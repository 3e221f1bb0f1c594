"""Glossary maintenance on corpora the tests write: hundreds of articles with planted variants."""

from __future__ import annotations

import csv
import random

import pytest

from audit.language.glossary import Glossary
from audit.maintenance.lint import lint
from conftest import run_cli

FILLER = ["सरकार ने नई नीति की घोषणा की।", "बाजार में आज तेजी रही।", "विशेषज्ञों ने इस फैसले का स्वागत किया।",
          "मौसम विभाग ने बारिश का अनुमान जताया।", "कंपनी के शेयर दो प्रतिशत चढ़े।"]
# (glossary entry or new name, house form, planted variants with their weights)
PLANTED = [
    ("DeepSeek", "डीपसीक", {"डीपसीक": 6, "दीपसेक": 3, "डीपसेक": 2}),
    ("Nvidia", "एनवीडिया", {"एनवीडिया": 5, "एनविडिया": 2}),
    (None, "लूमिनारा", {"लूमिनारा": 5, "लुमिनारा": 2}),  # not in the glossary: majority wins
    (None, "ज़ेफ़िरो", {"ज़ेफ़िरो": 4, "जेफिरो": 0, "ज़ेफीरो": 3}),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    rng = random.Random(5)
    folder = tmp_path_factory.mktemp("archive")
    for n in range(300):
        lines = []
        for latin, house, forms in PLANTED:
            if rng.random() < 0.5:
                form = rng.choices(list(forms), weights=list(forms.values()))[0]
                lines.append(f"{form} ने इस हफ्ते नया उत्पाद पेश किया। " + rng.choice(FILLER))
        lines.append(" ".join(rng.sample(FILLER, 3)))
        if n % 10 == 0:
            lines.append("Openai और OpenAI दोनों लिखे गए।")
        (folder / f"story_{n:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def review(corpus, tmp_path_factory):
    table = tmp_path_factory.mktemp("review") / "review.csv"
    proc = run_cli("glossary", "mine", str(corpus), "-o", str(table), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr.decode()
    with open(table, encoding="utf-8") as handle:
        return table, list(csv.DictReader(handle))


def _group(rows, form):
    group = next(r["group"] for r in rows if r["form"] == form)
    return [r for r in rows if r["group"] == group]


def test_mine_finds_the_planted_groups_with_the_right_canonical(review):
    _, rows = review
    deepseek = _group(rows, "दीपसेक")
    assert {r["form"] for r in deepseek} == {"डीपसीक", "दीपसेक", "डीपसेक"}
    assert {r["canonical"] for r in deepseek} == {"डीपसीक"} and deepseek[0]["entry"] == "DeepSeek"
    assert {r["form"]: r["role"] for r in deepseek}["डीपसीक"] == "canonical"
    nvidia = _group(rows, "एनविडिया")
    assert {r["canonical"] for r in nvidia} == {"एनवीडिया"}
    luminara = _group(rows, "लुमिनारा")
    assert {r["form"] for r in luminara} == {"लूमिनारा", "लुमिनारा"}
    assert {r["canonical"] for r in luminara} == {"लूमिनारा"} and luminara[0]["entry"] == ""
    zephyr = _group(rows, "ज़ेफीरो")
    assert {r["canonical"] for r in zephyr} == {"ज़ेफ़िरो"}
    casing = _group(rows, "Openai")
    assert {r["form"]: r["role"] for r in casing}["Openai"] == "casing"
    # ranked by how many articles a group hurts; every group's rows agree on it
    hurt_by_rank = dict(sorted({(int(r["rank"]), int(r["articles_hurt"])) for r in rows}))
    assert len(hurt_by_rank) == len({r["group"] for r in rows})
    hurt = list(hurt_by_rank.values())
    assert hurt == sorted(hurt, reverse=True)
    assert all(r["example"] for r in rows)


def test_apply_then_lint_leaves_a_valid_glossary(review, tmp_path):
    table, rows = review
    for r in rows:
        if r["form"] == "लुमिनारा":
            r["accept"], r["latin"] = "yes", "Luminara"
        if r["form"] in ("दीपसेक", "ज़ेफीरो"):
            r["accept"] = "yes"
    reviewed = tmp_path / "reviewed.csv"
    with open(reviewed, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    desk = tmp_path / "desk.tsv"
    desk.write_text("latin\tcanonical\tvariants\tkind\nDeepSeek\tडीपसीक\t\tcompany\n", encoding="utf-8")
    proc = run_cli("glossary", "apply", str(reviewed), "--glossary", str(desk))
    assert proc.returncode == 2, proc.stdout.decode()  # ज़ेफीरो was accepted without a latin form
    assert f"{reviewed}:" in proc.stderr.decode() and "'latin'" in proc.stderr.decode()
    assert "लुमिनारा" not in desk.read_text(encoding="utf-8")  # nothing half-applied
    for r in rows:
        if r["form"] == "ज़ेफीरो":
            r["latin"] = "Zephiro"
    with open(reviewed, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    proc = run_cli("glossary", "apply", str(reviewed), "--glossary", str(desk))
    assert proc.returncode == 0, proc.stderr.decode()
    glossary = Glossary.load([desk])
    by_latin = {e.latin: e for e in glossary.entries}
    assert by_latin["DeepSeek"].variants == ("दीपसेक",)
    assert by_latin["Luminara"].canonical == "लूमिनारा" and by_latin["Luminara"].variants == ("लुमिनारा",)
    assert by_latin["Zephiro"].canonical == "ज़ेफ़िरो"
    assert lint([desk]) == []
    assert run_cli("glossary", "lint", str(desk)).returncode == 0


def test_lint_reports_every_problem(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "latin\tcanonical\tvariants\tdnt\n"
        "OpenAI\tओपनएआई\tओपनई\tyes\n"
        "OpenAI\tओपनएआई\t\tyes\n"
        "Other\tओपनई\t\tno\n"
        "Third\tतीसरा\tओपनई||\tmaybe\n"
        "Fourth\t\t\t\n",
        encoding="utf-8",
    )
    problems = lint([bad])
    text = "\n".join(problems)
    assert f"{bad}:3: duplicate entry 'OpenAI' (also {bad}:2)" in text
    assert f"{bad}:4: canonical form 'ओपनई' is listed as a variant of 'OpenAI'" in text
    assert f"{bad}:5: empty item in 'variants'" in text
    assert f"{bad}:5: 'dnt' must be yes or no" in text
    assert f"{bad}:6: empty 'canonical' field" in text
    proc = run_cli("glossary", "lint", str(bad))
    assert proc.returncode == 1 and len(proc.stdout.decode().splitlines()) == len(problems) >= 5
    unknown = tmp_path / "unknown.tsv"
    unknown.write_text("latin\tcanonical\tcolour\nA\tए\tred\n", encoding="utf-8")
    assert lint([unknown]) == [f"{unknown}:1: unknown column 'colour' (known: accepted, canonical, casings, cues, dnt, kind, latin, note, variants, wrong_renderings)"]


def test_tbx_and_csv_round_trips_are_identical(tmp_path):
    from audit.language.glossary import DEFAULT_GLOSSARY

    original = DEFAULT_GLOSSARY.read_text(encoding="utf-8")
    tbx, back = tmp_path / "house.tbx", tmp_path / "back.tsv"
    assert run_cli("glossary", "export", str(DEFAULT_GLOSSARY), "-o", str(tbx)).returncode == 0
    assert "<conceptEntry" in tbx.read_text(encoding="utf-8")
    assert run_cli("glossary", "import", str(tbx), "-o", str(back)).returncode == 0
    assert back.read_text(encoding="utf-8") == original
    csv_path, back2 = tmp_path / "house.csv", tmp_path / "back2.tsv"
    assert run_cli("glossary", "export", str(DEFAULT_GLOSSARY), "-o", str(csv_path)).returncode == 0
    assert run_cli("glossary", "import", str(csv_path), "-o", str(back2)).returncode == 0
    assert back2.read_text(encoding="utf-8") == original


def test_tbx_import_refuses_unsafe_xml(tmp_path):
    evil = tmp_path / "evil.tbx"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>',
                    encoding="utf-8")
    proc = run_cli("glossary", "import", str(evil), "-o", str(tmp_path / "out.tsv"))
    assert proc.returncode == 2 and "unsafe XML" in proc.stderr.decode()


def test_stats_counts_fires_and_silent_entries(corpus, tmp_path):
    out = tmp_path / "stats.csv"
    proc = run_cli("glossary", "stats", str(corpus), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    with open(out, encoding="utf-8") as handle:
        rows = {r["latin"]: r for r in csv.DictReader(handle)}
    assert int(rows["DeepSeek"]["variant_findings"]) > 20 and int(rows["DeepSeek"]["uses"]) > 20
    assert int(rows["OpenAI"]["casing_findings"]) == 30
    assert int(rows["Gemini"]["fired"]) == 0 and int(rows["Gemini"]["uses"]) == 0
    assert "never appear" in proc.stdout.decode()


def _stats_rows(*args: str) -> dict[str, dict]:
    proc = run_cli("glossary", "stats", *args)
    assert proc.returncode == 0, proc.stderr.decode()
    out = next(args[i + 1] for i, a in enumerate(args) if a == "-o")
    with open(out, encoding="utf-8") as handle:
        return {r["latin"]: r for r in csv.DictReader(handle)}


def test_stats_reads_the_project_configuration_as_check_does(tmp_path):
    """A desk's jaanch.toml (its own glossary, its house style) counts in `glossary stats`: found
    upwards from the corpus, or named with --config."""
    project = tmp_path / "desk"
    corpus = project / "archive" / "2026"
    corpus.mkdir(parents=True)
    (project / "names.tsv").write_text("latin\tcanonical\tvariants\nKestrova\tकेस्ट्रोवा\tकेस्त्रोवा\n",
                                      encoding="utf-8")
    (project / "jaanch.toml").write_text('glossaries = ["names.tsv"]\n[allow]\nTERM002 = ["Openai"]\n',
                                         encoding="utf-8")
    for n in range(3):
        (corpus / f"s{n}.txt").write_text("केस्त्रोवा ने Openai के साथ करार किया। केस्ट्रोवा का शेयर चढ़ा।\n",
                                          encoding="utf-8")
    found = _stats_rows(str(corpus), "-o", str(tmp_path / "found.csv"))
    assert int(found["Kestrova"]["variant_findings"]) == 3 and int(found["Kestrova"]["uses"]) == 3
    assert int(found["OpenAI"]["casing_findings"]) == 0  # the house style allows it
    (project / "jaanch.toml").rename(tmp_path / "desk.toml")
    (tmp_path / "desk.toml").write_text('glossaries = ["desk/names.tsv"]\n', encoding="utf-8")
    named = _stats_rows(str(corpus), "--config", str(tmp_path / "desk.toml"), "-o", str(tmp_path / "named.csv"))
    assert int(named["Kestrova"]["variant_findings"]) == 3
    assert int(named["OpenAI"]["casing_findings"]) == 3
    plain = _stats_rows(str(corpus), "-o", str(tmp_path / "plain.csv"))  # no configuration in reach now
    assert "Kestrova" not in plain


def test_concept_table_lints_clean_and_round_trips(tmp_path):
    from audit.language.concepts import CONCEPTS

    assert run_cli("glossary", "lint").returncode == 0  # the house glossary and the concept table
    original = CONCEPTS.read_text(encoding="utf-8")
    for suffix in (".tbx", ".csv"):
        exported, back = tmp_path / f"concepts{suffix}", tmp_path / f"back{suffix}.tsv"
        assert run_cli("glossary", "export", str(CONCEPTS), "-o", str(exported)).returncode == 0
        assert run_cli("glossary", "import", str(exported), "-o", str(back)).returncode == 0
        assert back.read_text(encoding="utf-8") == original
    assert 'type="jaanch-pos"' in (tmp_path / "concepts.tbx").read_text(encoding="utf-8")


def test_concept_lint_reports_every_problem(tmp_path):
    from audit.language.concepts import CONCEPTS
    from audit.maintenance.concept_tables import lint_concepts

    header = CONCEPTS.read_text(encoding="utf-8").split("\n", 1)[0]
    bad = tmp_path / "concepts.tsv"
    rows = [
        "century\tnoun\tसेंचुरी|सेंचुरियां|सेंचुरियों\t\tf\tशतक|शतक|शतकों\tm\t\tno\tcricket\t\t",
        "century\tnoun\tसेंचुरी|सेंचुरियां|सेंचुरियों\t\tf\tशतक|शतक|शतकों\tm\t\tno\tcricket\t\t",
        "gold\tnoun\tगोल्ड|गोल्ड\t\tm\tसोना|सोने|सोनों\tm\t\tmaybe\tfinance\t\t",
        "photo\tnoun\tफोटो|फोटो|फोटो\t\tf\tतस्वीर||तस्वीरों\tf\t\tyes\tfilm\t\tsometimes",
    ]
    bad.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    problems = lint_concepts(bad)
    assert any(":3: duplicate concept 'century'" in p for p in problems)
    assert any(":4:" in p and "'established' must be yes or no" in p for p in problems)
    assert any(":5: empty item in 'hindi'" in p for p in problems)
    assert any(":5:" in p and "'mixing' must be" in p for p in problems)
    proc = run_cli("glossary", "lint", str(bad))
    assert proc.returncode == 1 and f"{bad}:3:" in proc.stdout.decode()
