"""Which words of an article lie one edit from another (a sign deleted, inserted or swapped for its
pair, or an anusvara typed a letter off): SPELL002's candidate search (`near_miss.py` decides which
candidate is the slip and what to offer). Deletions and swaps are kept per word type, since an
archive's articles share most of their words."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container
from itertools import chain, compress, filterfalse, repeat
from operator import add, itemgetter

from audit.lint.checks.words import PerWord

_DELETIONS: dict[str, frozenset[str]] = {}


def _one_shorter(word: str) -> set[str]:
    """Every string one character shorter."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _deletions(word: str) -> frozenset[str]:
    """`_one_shorter(word)`, kept per word, since an archive's articles share their words."""
    got = _DELETIONS.get(word)
    if got is None:
        got = frozenset(_one_shorter(word))
        if len(word) <= 40:  # a real word; a pasted run of letters is not worth keeping
            if len(_DELETIONS) > 50_000:
                _DELETIONS.clear()
            _DELETIONS[word] = got
    return got


def _has_peer(key: str, lengths: Counter) -> bool:
    """Whether another key is as long as this one or one shorter: only such a key can meet this
    one's deletions (a key one longer finds this one by its own deletions). A word with no peer
    skips the quadratic work of listing its deletions (a 40,000-letter "word": 1.6 G characters)."""
    return lengths[len(key)] > 1 or lengths[len(key) - 1] > 0


_SWAPS: dict[str, frozenset[str]] = {}


def _swaps(word: str) -> frozenset[str]:
    """Every string with two adjacent characters swapped; kept per word, as `_deletions` are."""
    got = _SWAPS.get(word)
    if got is None:
        got = frozenset([word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)])
        if len(word) <= 40:
            if len(_SWAPS) > 50_000:
                _SWAPS.clear()
            _SWAPS[word] = got
    return got


class Able:
    """Whether a key of the article can be the better spelling: used twice, or a word Hindi text
    uses (zipf 3+). Asked only of the few keys one edit from a flaggable one."""

    __slots__ = ("at", "counts", "zipfs")

    def __init__(self, at: dict[str, int], counts: list[int], zipfs: list[float]):
        self.at, self.counts, self.zipfs = at, counts, zipfs

    def __contains__(self, key: str) -> bool:
        i = self.at[key]
        return self.counts[i] >= 2 or self.zipfs[i] >= 3.0


def grouped(written_forms: Counter, typed: list[tuple[str, str, float, tuple[str]]]):
    """(where each key stands, count by word, each word's key, each word's zipf, count by NFC, the keys
    written more than once), from each word's (NFC, key, zipf, (NFC,)) in `typed`.

    One dict, key -> the place of its first word in the article's words (in order of first use), and
    lists by place: a key's count is `counts[at[key]]`, its zipf (its first form's) `zipfs[at[key]]`,
    its forms in order of first use `typed[at[key]][3]`. Three dicts by key (forms, zipf, count) were
    made of every word, where only the few keys one edit from a rare word are asked. Made by dict and
    zip (C loops) as if no two words shared a key; then only the words of a key written more than once
    (a word written two ways, a few an article) are read one by one to set their key's first place
    right: `counts` and `typed` are the article's own lists, changed there. A word's key is its NFC's,
    so words sharing an NFC share a key, and a key's first word brings its first NFC. The count by NFC
    holds the forms of those keys alone: it only chooses among a key's forms (`most_written`), and a
    key written one way has one."""
    keys = list(map(itemgetter(1), typed))
    zipfs = list(map(itemgetter(2), typed))
    at = dict(zip(keys, range(len(keys))))  # (a key written twice: its last place, set right below)
    counts = list(written_forms.values())
    nfc_count: dict[str, int] = {}  # (filled for the keys written more than once, below)
    shared: set[str] = set()
    if len(at) < len(keys):  # some words share a key
        shared = {key for key, n in Counter(keys).items() if n > 1}
        first: dict[str, int] = {}
        for i in compress(range(len(keys)), map(shared.__contains__, keys)):
            nfc, key, zipf, _ = typed[i]
            n = counts[i]
            if key in first:
                place = first[key]
                counts[place] += n
                forms = typed[place][3]
            else:
                first[key] = at[key] = place = i
                forms = []
                typed[i] = (nfc, key, zipf, forms)
            if nfc in nfc_count:
                nfc_count[nfc] += n
            else:
                nfc_count[nfc] = n
                forms.append(nfc)
    return at, counts, keys, zipfs, nfc_count, shared


def moved_anusvara(at: dict[str, int], zipfs: list[float], flaggable, short: bool = True) -> dict[str, str]:
    """The flaggable keys that are a key of the article (one Hindi text uses, zipf 3+, and far
    commoner) with its one anusvara typed at another place (ओलपिंक / ओलंपिक, भूंकप / भूकंप,
    जाएगें / जाएंगे): two edits apart, so no one-edit candidate; the word without its anusvara is
    the same. `short`: every key of the article is at most 40 letters long."""
    keys = list(map(itemgetter(0), flaggable))
    if short:
        # each key's other placements from the memo (none for a key without exactly one anusvara), all
        # asked of the article's keys at once in C: most articles write no word with its anusvara moved
        placements = list(map(_PLACED.__getitem__, keys))
        if at.keys().isdisjoint(chain.from_iterable(placements)):
            return {}
        asked = compress(zip(keys, placements), placements)
    else:
        asked = ((key, _placements(key, at)) for key in keys if key.count("\u0902") == 1)
    moved = {}
    for key, placed in asked:
        # the article's keys that are this one with its anusvara at another place, built from the
        # key (a few places), not found by reading every key of the article
        if at.keys().isdisjoint(placed):
            continue  # (most keys: the article writes the word with its anusvara at no other place)
        found = [other for other in (*placed, key) if other in at and zipfs[at[other]] >= 3.0]
        if len(found) > 1:  # two places both common: the one the article wrote first (itself: none)
            found.sort(key=at.__getitem__)  # (a key's first place: in the order keys were first met)
        if found and found[0] != key and zipfs[at[found[0]]] - zipfs[at[key]] >= _MOVED_GAP:
            moved[key] = found[0]
    return moved


def _placed(key: str) -> tuple[str, ...]:
    """The key with its one anusvara at each other place; none for a key without exactly one."""
    if key.count("\u0902") != 1:
        return ()
    bare = key.replace("\u0902", "")
    return tuple(other for i in range(len(bare) + 1) if (other := bare[:i] + "\u0902" + bare[i:]) != key)


_PLACED = PerWord(_placed, most=50_000)  # kept per key (of at most 40 letters), as `_deletions` are


def _placements(key: str, keys) -> tuple[str, ...]:
    """The key with its one anusvara at each other place (`_PLACED`). For a run of letters longer than
    a word (a pasted line, 40,000 letters: each placement a copy of it) only the article's `keys` that
    are those placements, read by their length (linear)."""
    if len(key) > 40:
        bare = key.replace("\u0902", "")
        return tuple(other for other in keys if len(other) == len(key) and other != key
                     and other.count("\u0902") == 1 and other.replace("\u0902", "") == bare)
    return _PLACED[key]


# how much commoner in Hindi text the right spelling must be: जाएगें (zipf 3.1, a typo wordfreq took
# in) beside जाएंगे (5.2); a form wordfreq does not know (0) beside any word Hindi text uses
_MOVED_GAP = 2.0


def most_written(forms, nfc_count: dict[str, int]) -> str:
    """The form of a key the article writes most often (`max` by the count by NFC; the first on a tie);
    a key's only form without a lookup (its count by NFC is kept only for keys written two ways)."""
    return forms[0] if len(forms) == 1 else max(forms, key=nfc_count.__getitem__)


def near_in_article(by_key, able: set[str], flaggable) -> dict[str, set[str]]:
    """Per flaggable key, the keys one edit from it (`able` ones by a letter added, dropped or
    changed; any by two adjacent signs swapped), worked out from this article's words alone: for
    an article with a run of letters too long to keep per word type."""
    lengths = Counter(map(len, by_key))
    # The neighbour index holds only what the flaggable words will ask for (themselves and
    # their deletions), and only able words: exactly the entries a full index would give.
    asked: set[str] = set()
    for key, _ in flaggable:
        asked.add(key)
        if _has_peer(key, lengths):
            asked.update(_deletions(key))
    neighbours: dict[str, set[str]] = defaultdict(set)
    for key in by_key:
        if key not in able:
            continue
        if key in asked:
            neighbours[key].add(key)
        if _has_peer(key, lengths):
            for d in asked.intersection(_deletions(key)):
                neighbours[d].add(key)
    near: dict[str, set[str]] = {}
    for key, _ in flaggable:
        candidates = near[key] = set(neighbours.get(key, ()))
        if _has_peer(key, lengths):
            for d in _deletions(key):
                candidates.update(neighbours.get(d, ()))
            # Two adjacent signs swapped (कंपिनयों / कंपनियों) is one slip too.
            candidates.update(swap for swap in _swaps(key) if swap in by_key)
        candidates.discard(key)
    return near


# Every key met so far (up to 40 letters) with the keys one edit from it (a letter added, dropped or
# changed). Kept per word type, as `_deletions` are: an article's words are linked once, when first
# met, and a word's neighbours are then a lookup, not worked out again from every word of every article.
# Two adjacent signs swapped (कंपिनयों / कंपनियों) need no links of their own: both words drop to the same
# string by deleting either sign, so each is already among the other's edited keys.
_INDEXED: set[str] = set()
_UNDER: dict[str, tuple[str, ...]] = {}  # a deletion: the keys it is one of
_EDITED: dict[str, set[str]] = {}


def _index_keys(keys) -> None:
    # each of the article's keys asked about (`keys - _INDEXED` walked the whole index, up to 10,000
    # keys met so far, while under eight times the article's)
    if _INDEXED.issuperset(keys):
        return  # (most articles of an archive once its words are filed: asked in C, no set made)
    new = list(filterfalse(_INDEXED.__contains__, keys))  # (the article's keys: each once)
    if len(_INDEXED) > 10_000:  # a bound on memory over an endless stream of new words
        for memo in (_INDEXED, _UNDER, _EDITED):
            memo.clear()
        new = list(keys)
    for key in new:
        # (not kept in `_DELETIONS`: a filed key's deletions live on as `_UNDER`'s keys, and its
        # neighbours are links from now on; a frozenset per key kept only cost memory). A list: a
        # deletion made twice (कक) is filed once all the same, as both pairs of the update write one value.
        deletions = [key[:i] + key[i + 1:] for i in range(len(key))]
        filed = list(map(_UNDER.get, deletions, repeat(())))  # each deletion's keys so far, read once
        # the keys met so far as long with one letter changed (a deletion shared), one shorter (one of
        # its deletions), one longer (it is one of theirs): gathered in C, most new keys have none
        linked = _INDEXED.intersection(deletions)
        linked.update(chain.from_iterable(filed), _UNDER.get(key, ()))
        if linked:
            _EDITED[key] = linked
            for other in linked:
                if (edited := _EDITED.get(other)) is None:
                    _EDITED[other] = {key}  # (no empty set made for a key that has one)
                else:
                    edited.add(key)
        _INDEXED.add(key)
        # each deletion's keys with this one added (written pair by pair in C)
        _UNDER.update(zip(deletions, map(add, filed, repeat((key,)))))


def near_by_type(by_key, able: Container[str], flaggable) -> dict[str, set[str]]:
    """What `near_in_article` gives, from the per-type links (every key at most 40 letters). Only
    a key's linked keys that the article has (a few) are asked whether they are `able`; a linked
    key that is not is still one of its swaps (either needs no `able`)."""
    keys = by_key.keys()
    _index_keys(keys)
    near: dict[str, set[str]] = {}
    for key, _ in flaggable:
        edited = _EDITED.get(key)
        near[key] = {other for other in keys & edited if other in able or other in _swaps(key)} if edited else set()
    return near
