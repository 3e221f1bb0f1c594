"""Which sentence of the machine translation became which of the published article (`jaanch compare`).

Both sides are Hindi, so sentences are paired by what they say, not by their lengths: Gale & Church
(audit.inputs.align), right for an English original and its translation, paired every sentence after
one an editor added or removed with its neighbour. Here a monotone alignment minimises the summed cost of
its beads, counted in features (the sentences' character trigrams and words, which carry numbers,
Latin names and inflected stems): a sentence kept, split or merged costs the features the two sides do
not share, one added or removed (0-1, 1-0) `SKIP` of its own features, so that a sentence is paired
when it shares more than a fifth of its features (unrelated Hindi sentences share a tenth, mostly
function words), and a split or merge (1-2, 2-1) pays `JOIN` of its features more than keeping
sentences one to one. A set intersection is a few hundred times quicker than a sentence chrF, which
is what the report then shows for each pair.

The dynamic programme visits only a band around the diagonal from (0, 0) to (n, m), as wide as the
difference in sentence counts plus `BAND` either side: a path with d more sentences on one side
strays at most d from the diagonal, so the band holds it unless an editor both removed and added
more than `BAND` sentences in one stretch. The work grows with the article times that width, not
with its square (a 7,000-sentence article and one sentence added: seconds, where the length aligner's
full table had 49 million cells).
"""

from __future__ import annotations

SKIP = 0.8
JOIN = 0.05
BAND = 25
_MOVES = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))


def _features(text: str) -> frozenset:
    words = text.lower().split()
    padded = f" {' '.join(words)} "
    return frozenset([padded[k:k + 3] for k in range(len(padded) - 2)] + [f"\0{w}" for w in words])


def align_edits(mt: list[str], published: list[str]) -> list[tuple[list[int], list[int]]]:
    """Beads of (MT sentence indices, published sentence indices) covering both lists in order."""
    n, m = len(mt), len(published)
    a, b = [_features(t) for t in mt], [_features(t) for t in published]
    a2 = [a[i] | a[i + 1] for i in range(n - 1)]  # each side's two sentences joined, made once
    b2 = [b[j] | b[j + 1] for j in range(m - 1)]
    la, lb = [len(f) for f in a], [len(f) for f in b]
    width = abs(n - m) + BAND
    inf = float("inf")
    # row i of the table holds the cells j = low[i] .. low[i] + len(cost[i]) - 1 of the band
    low = [max(0, (i * m // n if n else 0) - width) for i in range(n + 1)]
    cost = [[inf] * (min(m, (i * m // n if n else 0) + width) + 1 - low[i]) for i in range(n + 1)]
    move: list[list[tuple[int, int] | None]] = [[None] * len(row) for row in cost]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for k, here in enumerate(cost[i]):
            if here == inf:
                continue
            j = low[i] + k
            for di, dj in _MOVES:
                to_i, to_j = i + di, j + dj
                if to_i > n or to_j > m or not 0 <= to_j - low[to_i] < len(cost[to_i]):
                    continue
                if not dj:
                    step = SKIP * la[i]
                elif not di:
                    step = SKIP * lb[j]
                else:
                    step = _cost(a[i] if di == 1 else a2[i], b[j] if dj == 1 else b2[j],
                                 la[i] + (di > 1 and la[i + 1]) + lb[j] + (dj > 1 and lb[j + 1]), di + dj > 2)
                if here + step < cost[to_i][to_j - low[to_i]]:
                    cost[to_i][to_j - low[to_i]] = here + step
                    move[to_i][to_j - low[to_i]] = (di, dj)
    beads: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while i or j:
        di, dj = move[i][j - low[i]]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


def _cost(left: frozenset, right: frozenset, size: int, joined: bool) -> float:
    """The cost of a bead pairing these features: those the two sides do not share, of `size` in all
    (the two sentences of a split or merge counted each in full, so that a sentence said twice and
    published once is one kept and one removed, not two merged), plus JOIN of them for a split or merge."""
    return size - 2 * len(left & right) + (JOIN * size if joined else 0.0)
