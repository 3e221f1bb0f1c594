"""Sentence alignment of an English article and its Hindi translation (Gale & Church, 1993).

Length-based dynamic programming over 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 beads; the
Hindi/English character ratio is estimated from the two texts themselves.
"""

from __future__ import annotations

import math
import re

_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
_VARIANCE = 6.8
_EN_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Inc.", "Ltd.", "Co.", "Corp.", "U.S.", "U.K.", "vs.", "No.")


def split_english(text: str) -> list[tuple[int, int]]:
    """Sentence spans of English text: paragraphs are lines; a stop before a capital ends one."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        pieces = []
        for m in _EN_SPLIT.finditer(line):
            if line.endswith(_ABBREVIATIONS, 0, m.start()):  # no copy of the line so far per stop
                continue
            pieces.append((start, m.start()))
            start = m.end()
        pieces.append((start, len(line)))
        for a, b in pieces:
            chunk = line[a:b]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                spans.append((offset + a + lead, offset + a + len(chunk.rstrip())))
        offset += len(line) + 1
    return spans


def _cost(len_src: int, len_tgt: int, ratio: float, prior: float) -> float:
    if len_src == 0 and len_tgt == 0:
        return 0.0
    mean = (len_src + len_tgt / ratio) / 2
    delta = (len_tgt - len_src * ratio) / math.sqrt(max(mean, 1) * _VARIANCE)
    p = 2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2))))
    return -math.log(prior) - math.log(max(p, 1e-12))


def align(src_lengths: list[int], tgt_lengths: list[int]) -> list[tuple[list[int], list[int]]]:
    """Beads of (source indices, target indices) covering both sequences in order."""
    n, m = len(src_lengths), len(tgt_lengths)
    ratio = (sum(tgt_lengths) or 1) / (sum(src_lengths) or 1)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == inf:
                continue
            for (di, dj), prior in _PRIORS.items():
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                cost = best[i][j] + _cost(sum(src_lengths[i:a]), sum(tgt_lengths[j:b]), ratio, prior)
                if cost < best[a][b]:
                    best[a][b], back[a][b] = cost, (di, dj)
    beads: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]
