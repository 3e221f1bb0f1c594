"""Post-edit distance: how much editors changed the machine translation before publishing it."""

from __future__ import annotations

from dataclasses import dataclass

from audit.core.document import read_article
from audit.core.errors import InputError
from audit.inputs.align import align


@dataclass(frozen=True)
class EditedSentence:
    mt: str
    published: str
    mt_line: int
    published_line: int
    chrf: float
    ter: float


def compare(mt_path: str, published_path: str) -> tuple[list[EditedSentence], dict]:
    """Sentence pairs with chrF and TER (sacrebleu), and corpus-level scores with signatures."""
    from sacrebleu.metrics import CHRF, TER

    mt, pub = read_article(mt_path), read_article(published_path)
    if not mt.sentences and not pub.sentences:  # sacrebleu's corpus score fails on no sentences at all
        raise InputError(f"both files are empty: there is nothing to compare (also {published_path})", mt_path)
    for article, path, other in ((mt, mt_path, published_path), (pub, published_path, mt_path)):
        if not article.sentences:  # every line of the other would be "changed" from a line 0
            raise InputError(f"is empty (no sentences): there is nothing to compare {other} with", path)
    beads = align([len(s.text) for s in mt.sentences], [len(s.text) for s in pub.sentences])
    chrf, ter = CHRF(), TER()
    rows: list[EditedSentence] = []
    for src, tgt in beads:
        hyp = " ".join(mt.sentences[i].text for i in src)
        ref = " ".join(pub.sentences[j].text for j in tgt)
        mt_line = mt.position(mt.sentences[src[0]].start)[0] if src else 0
        pub_line = pub.position(pub.sentences[tgt[0]].start)[0] if tgt else 0
        rows.append(EditedSentence(hyp, ref, mt_line, pub_line,
                                   chrf.sentence_score(hyp, [ref]).score if ref else 0.0,
                                   ter.sentence_score(hyp, [ref]).score if ref else 100.0))
    hyps = [r.mt for r in rows]
    refs = [[r.published for r in rows]]
    corpus = {
        "chrf": chrf.corpus_score(hyps, refs).score,
        "ter": ter.corpus_score(hyps, refs).score,
        "chrf_signature": str(chrf.get_signature()),
        "ter_signature": str(ter.get_signature()),
        "sentences": len(rows),
        "changed": sum(r.mt != r.published for r in rows),
    }
    return rows, corpus
