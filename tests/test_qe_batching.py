"""QE batches cut by token count: little padding, and the same tensors (and scores) as batches
tokenised on their own."""

from __future__ import annotations

import pytest

from audit.qe.batching import take, token_batches

torch = pytest.importorskip("torch")


def test_batches_hold_similar_lengths_and_every_row_once():
    lengths = [103, 257, 110, 106, 218, 112, 190, 30, 31, 113, 175, 500, 31]
    batches = token_batches(lengths, batch_size=3)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        assert 1 <= len(batch) <= 3
        longest, shortest = max(lengths[i] for i in batch), min(lengths[i] for i in batch)
        assert longest <= shortest * 1.05
    assert [lengths[i] for i in batches[0]] == [30, 31, 31]  # shortest first
    assert token_batches([100] * 5, 2) == [[0, 1], [2, 3], [4]]  # batch_size still caps a batch


def test_take_trims_padding_and_keeps_per_row_lists():
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 0, 0, 0], [1, 1, 1, 0, 0]])
    ids = torch.tensor([[5, 6, 7, 8, 9], [5, 6, 1, 1, 1], [5, 7, 8, 1, 1]])
    labels = torch.where(mask.bool(), 0, -1)
    inputs = ({"input_ids": ids, "attention_mask": mask, "label_ids": labels, "mt_offsets": ["a", "b", "c"]},)
    [part] = take(inputs, [2, 1])
    assert part["input_ids"].tolist() == [[5, 7, 8], [5, 6, 1]]
    assert part["attention_mask"].tolist() == [[1, 1, 1], [1, 1, 0]]
    assert part["label_ids"].tolist() == [[0, 0, 0], [0, 0, -1]]
    assert part["mt_offsets"] == ["c", "b"]


def test_scores_and_spans_do_not_depend_on_how_pairs_were_batched(tmp_path):
    pytest.importorskip("comet", reason="the qe extra is not installed")
    from tiny_comet import build_tiny_comet

    from audit.qe.cache import ScoreCache
    from audit.qe.comet_backend import CometScorer

    pairs = [("The company released a new model this week.", "कंपनी ने इस हफ्ते नया मॉडल जारी किया।"),
             ("Rise.", "मांग बढ़ेगी।"),
             ("The minister said the monsoon was better than normal and rural demand would rise.",
              "मंत्री ने कहा कि मानसून सामान्य से बेहतर रहा और ग्रामीण मांग बढ़ेगी।"),
             ("Analysts said demand would rise.", "विश्लेषकों ने कहा कि मांग बढ़ेगी।")] * 3
    checkpoint = build_tiny_comet(tmp_path / "tiny")
    batched = CometScorer(str(checkpoint), batch_size=4, cache=ScoreCache(None))
    one_by_one = CometScorer(str(checkpoint), batch_size=1, cache=ScoreCache(None))
    together, alone = batched.score(pairs), one_by_one.score(pairs)
    assert [s.score for s in together] == pytest.approx([s.score for s in alone], abs=1e-5)
    assert [s.spans for s in together] == [s.spans for s in alone]
    assert together[0].score == pytest.approx(together[4].score, abs=1e-6)  # the same pair, another batch
