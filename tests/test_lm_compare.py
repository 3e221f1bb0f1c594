"""The house language model and post-edit distance, on text the tests write."""

from __future__ import annotations

import json
import random

import pytest

from audit.core.document import parse_article
from conftest import run_cli

SUBJECTS = ["कंपनी", "सरकार", "मंत्रालय", "बैंक", "टीम", "स्टार्टअप"]
TEMPLATES = [
    "{s} ने नया मॉडल पेश किया।",
    "यह मॉडल लंबे जवाबों के प्रदर्शन में लड़खड़ाता है।",
    "{s} का प्रदर्शन इस साल बेहतर रहा।",
    "सुबह का नाश्ता चटपट तैयार हो जाता है।",
    "{s} ने कहा कि बाजार में मांग बढ़ेगी।",
    "विश्लेषकों ने {s} के फैसले की सराहना की।",
    "{s} के अधिकारियों ने बैठक में नई योजना पर चर्चा की।",
]


@pytest.fixture(scope="module")
def house_lm(tmp_path_factory):
    rng = random.Random(11)
    corpus = tmp_path_factory.mktemp("published")
    for n in range(400):
        body = "\n".join(" ".join(rng.choice(TEMPLATES).format(s=rng.choice(SUBJECTS)) for _ in range(4))
                         for _ in range(3))
        (corpus / f"story_{n:03d}.txt").write_text(body + "\n", encoding="utf-8")
    model = corpus.parent / "house-lm"
    proc = run_cli("lm", "train", str(corpus), "-o", str(model))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "400 articles" in proc.stdout.decode()
    return model


GOOD = "कंपनी ने नया मॉडल पेश किया। यह मॉडल लंबे जवाबों के प्रदर्शन में लड़खड़ाता है। बैंक ने कहा कि बाजार में मांग बढ़ेगी।"
PLANTED = GOOD.replace("में लड़खड़ाता", "में चटपट")


def test_planted_word_is_more_surprising_and_flagged(house_lm, tmp_path):
    from audit.qe.lm import HouseLM

    lm = HouseLM(house_lm)

    def bits_at(text, word):
        article = parse_article(text)
        scores = {i: b for i, b, _ in lm.surprisals(article)}
        index = next(i for i, t in enumerate(article.tokens) if t.text == word)
        return scores[index]

    assert bits_at(PLANTED, "चटपट") > bits_at(GOOD, "लड़खड़ाता") + 8
    story = tmp_path / "story.txt"
    story.write_text(PLANTED + "\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--lm", str(house_lm), "--select", "FMT001", str(story))
    findings = json.loads(proc.stdout)
    assert [(f["code"], f["text"]) for f in findings] == [("LM001", "चटपट")]
    assert "bits" in findings[0]["message"]
    assert "|lm:house-lm@" in proc.stderr.decode()
    clean = tmp_path / "clean.txt"
    clean.write_text(GOOD + "\n", encoding="utf-8")
    assert json.loads(run_cli("check", "--format", "json", "--lm", str(house_lm), "--select", "FMT001",
                              str(clean)).stdout) == []


def test_lm_that_is_not_a_model_is_one_line(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--lm", str(tmp_path), str(story))
    assert proc.returncode == 2 and "jaanch lm train" in proc.stderr.decode()


def test_compare_lists_the_sentences_editors_changed(tmp_path):
    mt = tmp_path / "mt.txt"
    published = tmp_path / "published.txt"
    mt.write_text("कंपनी ने नया मॉडल पेश किया। यह मॉडल गणित में एक्सेल करता है। बाजार में हलचल है।\n", encoding="utf-8")
    published.write_text("कंपनी ने नया मॉडल पेश किया। यह मॉडल गणित में बेहतर है। बाजार में हलचल है।\n", encoding="utf-8")
    proc = run_cli("compare", "--format", "json", str(mt), str(published))
    assert proc.returncode == 0, proc.stderr.decode()
    out = json.loads(proc.stdout)
    assert out["corpus"]["sentences"] == 3 and out["corpus"]["changed"] == 1
    worst = out["most_changed"][0]
    assert worst["mt"] == "यह मॉडल गणित में एक्सेल करता है।" and worst["published"] == "यह मॉडल गणित में बेहतर है।"
    assert worst["chrf"] < 100 and worst["ter"] > 0
    assert out["most_changed"][1]["chrf"] == 100.0
    assert "nc:6|nw:0" in out["corpus"]["chrf_signature"] and "version:" in out["corpus"]["ter_signature"]
    text = run_cli("compare", str(mt), str(published)).stdout.decode()
    assert "1 of 3 sentences changed" in text and "एक्सेल करता है" in text


async def test_review_shows_house_lm_findings(house_lm, tmp_path):
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from audit.lint.engine import Engine
    from audit.qe.lm import HouseLM
    from audit.lint.rules import Surprising
    from tui.app import ReviewApp
    from tui_helpers import settle

    story = tmp_path / "story.txt"
    story.write_text(PLANTED + "\n", encoding="utf-8")
    lm = HouseLM(house_lm)
    app = ReviewApp([story], Engine(), lambda a: lm.findings(a, Surprising.defaults["z"], Surprising.defaults["min_bits"]))
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        assert ("LM001", "चटपट") in [(f.code, f.text) for f in app.session.findings]
