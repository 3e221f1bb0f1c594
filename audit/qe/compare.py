"""Post-edit distance: how much editors changed the machine translation before publishing it."""

from __future__ import annotations

from dataclasses import dataclass

from audit.core.document import read_article
from audit.core.errors import MAX_FILE_MB, InputError
from audit.core.fileio import refuse_oversized
from audit.inputs.edit_align import align_edits


@dataclass(frozen=True)
class EditedSentence:
    mt: str
    published: str
    mt_line: int | None  # None: the MT has no sentence here (the editor added this one)
    published_line: int | None  # None: not published (the editor removed the MT's sentence)
    chrf: float
    ter: float
    missing_near: str = ""  # for a sentence one side lacks, where it stands in that side: "after MT line 3"


def compare(mt_path: str, published_path: str, max_mb: float | None = MAX_FILE_MB) -> tuple[list[EditedSentence], dict]:
    """Sentence pairs with chrF and TER (sacrebleu), and corpus-level scores with signatures."""
    from sacrebleu.metrics import CHRF, TER

    for path in (mt_path, published_path):  # a disk image was read whole, and then parsed for minutes
        refuse_oversized(path, max_mb)
    mt, pub = read_article(mt_path), read_article(published_path)
    if not mt.sentences and not pub.sentences:  # sacrebleu's corpus score fails on no sentences at all
        raise InputError(f"both files are empty: there is nothing to compare (also {published_path})", mt_path)
    for article, path, other in ((mt, mt_path, published_path), (pub, published_path, mt_path)):
        if not article.sentences:  # every line of the other would be "changed" from a line 0
            raise InputError(f"is empty (no sentences): there is nothing to compare {other} with", path)
    beads = align_edits([s.text for s in mt.sentences], [s.text for s in pub.sentences])
    chrf, ter = CHRF(), TER()
    rows: list[EditedSentence] = []
    mt_lines = [[mt.position(mt.sentences[i].start)[0] for i in src] for src, _ in beads]
    pub_lines = [[pub.position(pub.sentences[j].start)[0] for j in tgt] for _, tgt in beads]
    mt_near, pub_near = _near(mt_lines, "MT"), _near(pub_lines, "published")
    for k, (src, tgt) in enumerate(beads):
        hyp = " ".join(mt.sentences[i].text for i in src)
        ref = " ".join(pub.sentences[j].text for j in tgt)
        # a sentence only one side has was "MT line 0" (or "published line 0"): there is no line 0
        near = mt_near[k] if not src else pub_near[k] if not tgt else ""
        rows.append(EditedSentence(hyp, ref, mt_lines[k][0] if src else None, pub_lines[k][0] if tgt else None,
                                   chrf.sentence_score(hyp, [ref]).score if ref else 0.0,
                                   ter.sentence_score(hyp, [ref]).score if ref else 100.0, near))
    hyps, refs = _corpus_segments(rows)
    corpus = {
        "chrf": chrf.corpus_score(hyps, [refs]).score,
        "ter": ter.corpus_score(hyps, [refs]).score,
        "chrf_signature": str(chrf.get_signature()),
        "ter_signature": str(ter.get_signature()),
        "sentences": len(rows),
        "changed": sum(r.mt != r.published for r in rows),
    }
    return rows, corpus


def _corpus_segments(rows: list[EditedSentence]) -> tuple[list[str], list[str]]:
    """The segments the corpus scores are taken over: each pair, with a sentence only one side has
    joined to the pair before it (or, at the start, after it). On its own, an added or removed
    sentence is a segment with an empty side, which sacrebleu's corpus chrF skips: an article with
    a sentence removed scored chrF 100."""
    segments: list[tuple[list[str], list[str]]] = []
    lead: tuple[list[str], list[str]] = ([], [])  # one-sided sentences before the first pair
    for row in rows:
        if row.mt and row.published:
            segments.append((lead[0] + [row.mt], lead[1] + [row.published]))
            lead = ([], [])
        else:
            hyp, ref = segments[-1] if segments else lead
            hyp.extend(filter(None, [row.mt]))
            ref.extend(filter(None, [row.published]))
    if lead[0] or lead[1]:  # no pair at all: the two texts are one segment
        segments.append(lead)
    hyps = [" ".join(hyp) for hyp, _ in segments]
    refs = [" ".join(ref) for _, ref in segments]
    return hyps, refs


def _near(lines: list[list[int]], side: str) -> list[str]:
    """For each bead with no sentence on this side, where it stands among this side's lines: after the
    line of the last sentence before it, or (at the start) before the line of the first one after it
    ("" for a bead this side has). One pass each way, not a look back and ahead per bead."""
    out = [""] * len(lines)
    before = None
    for k, found in enumerate(lines):
        if found:
            before = found[-1]
        elif before is not None:
            out[k] = f"after {side} line {before}"
    after = None
    for k in range(len(lines) - 1, -1, -1):
        if lines[k]:
            after = lines[k][0]
        elif not out[k] and after is not None:
            out[k] = f"before {side} line {after}"
    return out
