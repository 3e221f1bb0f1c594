"""Grouping spellings of one name: shared by TERM003 (one article) and `glossary mine` (an archive)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from audit.core.text import skeleton, translit_key, vowel_distance

_MATRAS = "ािीुूृेैोौंँॅॉ"


def is_inflection(a: str, b: str) -> bool:
    """Two forms that differ only in a final vowel sign are one word inflected (ढांचा/ढांचे)."""
    return a.rstrip(_MATRAS) == b.rstrip(_MATRAS)


def same_name(a: str, b: str, max_distance: float) -> bool:
    return not is_inflection(a, b) and vowel_distance(translit_key(a), translit_key(b)) <= max_distance


def cluster_forms(forms: Iterable[str], max_distance: float = 2, min_skeleton: float = 3,
                  skeletons: Mapping[str, str] | None = None) -> list[list[str]]:
    """Devanagari forms grouped by consonant skeleton, then single-linkage on vowel distance.

    Returns only groups of two or more forms, each group in first-seen order. `skeletons`, where
    given, answers `skeleton(translit_key(form))` for every form (a caller's memo: TERM003 has
    worked them out already).
    """
    buckets: dict[str, list[str]] = defaultdict(list)
    for form in dict.fromkeys(forms):
        skel = skeleton(translit_key(form)) if skeletons is None else skeletons[form]
        if len(skel) >= min_skeleton:
            buckets[skel].append(form)
    groups: list[list[str]] = []
    for members in buckets.values():
        if len(members) < 2:
            continue
        parent = {f: f for f in members}

        def root(f: str) -> str:
            while parent[f] != f:
                f = parent[f]
            return f

        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if same_name(a, b, max_distance):
                    parent[root(b)] = root(a)
        clusters: dict[str, list[str]] = defaultdict(list)
        for form in members:
            clusters[root(form)].append(form)
        groups.extend(c for c in clusters.values() if len(c) > 1)
    return groups
