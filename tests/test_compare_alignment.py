"""`jaanch compare` pairs the MT's sentences with the published ones by content: a sentence an editor
added, removed, split or merged is reported as such, and every sentence around it keeps its pair
(the length-based aligner paired each sentence after an added one with its neighbour)."""

from __future__ import annotations

import json

import audit.inputs.edit_align as edit_align
from audit.cli.main import main
from audit.inputs.edit_align import align_edits

# a made-up article: one sentence a line
STORY = [
    "नगर निगम ने सोमवार को शहर की सड़कों की मरम्मत के लिए नई योजना जारी की।",
    "योजना के तहत 2026 तक चालीस किलोमीटर सड़कें दोबारा बनाई जाएंगी।",
    "महापौर ने कहा कि काम बरसात से पहले शुरू हो जाएगा।",
    "ठेकेदारों को हर महीने प्रगति की रिपोर्ट देनी होगी।",
    "निवासियों ने गड्ढों की शिकायत के लिए एक हेल्पलाइन की मांग की।",
    "पिछले साल इसी काम पर बारह करोड़ रुपये खर्च हुए थे।",
    "विपक्षी पार्षदों ने बजट की जांच की मांग उठाई।",
]
ADDED = "बैठक में PWD के मुख्य अभियंता और तीन वार्डों के प्रतिनिधि भी मौजूद थे।"


def _rows(tmp_path, capsys, mt: list[str], published: list[str]) -> tuple[dict, list[dict]]:
    (tmp_path / "mt.txt").write_text("\n".join(mt) + "\n", encoding="utf-8")
    (tmp_path / "published.txt").write_text("\n".join(published) + "\n", encoding="utf-8")
    assert main(["compare", "--format", "json", "--top", "100", str(tmp_path / "mt.txt"),
                 str(tmp_path / "published.txt")]) == 0
    out = json.loads(capsys.readouterr().out)
    return out["corpus"], [r for r in out["most_changed"] if r["mt"] != r["published"]]


def test_a_sentence_the_editor_added_is_shown_as_added_and_the_rest_unchanged(tmp_path, capsys):
    corpus, changed = _rows(tmp_path, capsys, STORY, STORY[:3] + [ADDED] + STORY[3:])
    assert [(r["mt_line"], r["published_line"], r["missing_near"], r["published"]) for r in changed] == [
        (None, 4, "after MT line 3", ADDED)]
    assert corpus["sentences"] == 8 and corpus["changed"] == 1
    assert corpus["chrf"] < 100 and corpus["ter"] > 0


def test_a_sentence_the_editor_removed_is_shown_as_removed(tmp_path, capsys):
    corpus, changed = _rows(tmp_path, capsys, STORY, STORY[:2] + STORY[3:])
    assert [(r["mt_line"], r["published_line"], r["missing_near"], r["mt"]) for r in changed] == [
        (3, None, "after published line 2", STORY[2])]
    # sacrebleu's corpus chrF skips a segment with no reference: a removal scored 100
    assert corpus["changed"] == 1 and corpus["chrf"] < 100 and corpus["ter"] > 0


def test_a_sentence_split_in_two_is_one_pair(tmp_path, capsys):
    first, second = "योजना के तहत 2026 तक चालीस किलोमीटर सड़कें", "दोबारा बनाई जाएंगी, यह भी बताया गया।"
    published = STORY[:1] + [first + " बनेंगी।", second] + STORY[2:]
    corpus, changed = _rows(tmp_path, capsys, STORY, published)
    assert [(r["mt_line"], r["published_line"], r["mt"]) for r in changed] == [(2, 2, STORY[1])]
    assert changed[0]["published"] == f"{first} बनेंगी। {second}"
    assert corpus["sentences"] == 7


def test_two_sentences_merged_into_one_are_one_pair(tmp_path, capsys):
    merged = "महापौर ने कहा कि काम बरसात से पहले शुरू हो जाएगा और ठेकेदारों को हर महीने प्रगति की रिपोर्ट देनी होगी।"
    corpus, changed = _rows(tmp_path, capsys, STORY, STORY[:2] + [merged] + STORY[4:])
    assert [(r["mt_line"], r["published_line"], r["published"]) for r in changed] == [(3, 3, merged)]
    assert changed[0]["mt"] == f"{STORY[2]} {STORY[3]}"
    assert corpus["sentences"] == 6


def test_text_report_names_the_added_sentence_and_its_line(tmp_path, capsys):
    (tmp_path / "mt.txt").write_text("\n".join(STORY) + "\n", encoding="utf-8")
    (tmp_path / "published.txt").write_text("\n".join(STORY[:5] + [ADDED] + STORY[5:]) + "\n", encoding="utf-8")
    assert main(["compare", str(tmp_path / "mt.txt"), str(tmp_path / "published.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 of 8 sentences changed")
    assert "not in the MT (added by the editor, after MT line 5) → published line 6" in out, out


def test_a_long_article_is_aligned_in_a_band_around_the_diagonal(monkeypatch):
    """Every pair of sentences was a cell of the table: the work grew with the square of the article."""
    story = [f"{s[:-1]} (खंड {k})।" for k in range(60) for s in STORY]  # 420 distinct sentences
    published = story[:200] + [ADDED] + story[200:]
    calls = []
    cost = edit_align._cost
    monkeypatch.setattr(edit_align, "_cost", lambda *a: calls.append(a) or cost(*a))
    beads = align_edits(story, published)
    assert ([200], []) not in beads and ([], [200]) in beads
    assert all(len(mt) == len(pub) == 1 for mt, pub in beads if mt and pub)
    assert all(story[mt[0]] == published[pub[0]] for mt, pub in beads if mt and pub)
    # pairings tried: at most the three kinds per cell of the band, not per cell of the whole table
    band = 2 * (1 + edit_align.BAND) + 1
    assert len(story) * 3 * band // 2 < len(calls) <= (len(story) + 1) * 3 * band
    assert len(calls) < 3 * len(story) * len(published) // 4  # the whole table: 3 * n * m


def test_heavily_rewritten_sentences_in_place_stay_paired():
    mt = ["सरकार ने आज बजट पेश किया।", "इसमें किसानों के लिए नई योजनाएं हैं।", "शेयर बाजार में तेजी रही।"]
    published = ["सरकार ने मंगलवार को संसद में बजट पेश किया।", "इसमें किसानों के लिए तीन नई योजनाएं शामिल हैं।",
                 "शेयर बाजार में दिन भर तेजी रही।"]
    assert align_edits(mt, published) == [([0], [0]), ([1], [1]), ([2], [2])]


def test_a_sentence_the_mt_said_twice_and_the_editor_kept_once_is_one_removed(tmp_path, capsys):
    corpus, changed = _rows(tmp_path, capsys, STORY[:3] + STORY[2:], STORY)
    assert [(r["mt_line"], r["published_line"], r["mt"]) for r in changed] in (
        [(3, None, STORY[2])], [(4, None, STORY[2])])  # either copy: both are the same sentence
    assert corpus["sentences"] == 8
