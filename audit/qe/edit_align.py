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
more than `BAND` sentences in one stretch; the work grows with the article, not its square.
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
    width = abs(n - m) + BAND

    def band(i: int) -> range:
        centre = i * m // n if n else 0
        return range(max(0, centre - width), min(m, centre + width) + 1)

    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in band(i):
            here = best.get((i, j))
            if here is None:
                continue
            for di, dj in _MOVES:
                if i + di > n or j + dj > m:
                    continue
                total = here[0] + _cost(a, b, i, j, di, dj)
                known = best.get((i + di, j + dj))
                if known is None or total < known[0]:
                    best[(i + di, j + dj)] = (total, (di, dj))
    beads: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while i or j:
        di, dj = best[(i, j)][1]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]


def _cost(a: list[frozenset], b: list[frozenset], i: int, j: int, di: int, dj: int) -> float:
    """The cost of the bead taking a[i:i + di] and b[j:j + dj]."""
    if not dj:
        return SKIP * len(a[i])
    if not di:
        return SKIP * len(b[j])
    left = a[i] if di == 1 else a[i] | a[i + 1]
    right = b[j] if dj == 1 else b[j] | b[j + 1]
    size = len(left) + len(right)
    return size - 2 * len(left & right) + (JOIN * size if di + dj > 2 else 0.0)
