"""`jaanch glossary mine`: every spelling of every name across an archive, grouped for review."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from audit.language.clustering import cluster_forms, same_name
from audit.core.document import decode_article, word_spans
from audit.core.paths import collect_paths
from audit.core.fileio import read_bytes
from audit.core.lines import LINE_END
from audit.core.runner import run_ordered
from audit.language.glossary import Glossary
from audit.language.lexicon import Lexicon
from audit.core.text import fold, is_devanagari, latin_key, skeleton, translit_key
from audit.language.wordstats import hindi_zipf

CONTEXT = 40
COLUMNS = ["rank", "group", "entry", "canonical", "form", "script", "role", "occurrences", "articles",
           "articles_hurt", "example", "accept", "latin"]

_LEXICON: Lexicon | None = None


def _names(path: Path) -> list[tuple[str, str, str]]:
    """(folded form, surface, context) for each name-like token of one article."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon()
    # an unreadable or undecodable article stops the run naming it, as in `check`, `report` and `stats`
    # (it was skipped without a word, and a read error came back naming no file)
    text = decode_article(read_bytes(path), str(path), empty_ok=True)
    out = []
    for line in LINE_END.split(text):  # a lone CR ends a line (the example stays in its line) as LF and CRLF do
        for s, e in word_spans(line):
            word = line[s:e]
            if is_devanagari(word):
                key = fold(word)
                if (len(key) < 3 or key in _LEXICON.stopwords or key in _LEXICON.loanwords
                        or hindi_zipf(word) >= 3.0):
                    continue
            elif word[:1].isupper() and word.isalnum() and len(word) >= 2:
                key = word  # Latin casings are the variants here, so keep them apart
            else:
                continue
            out.append((key, word, line[max(0, s - CONTEXT) : e + CONTEXT].strip()))
    return out


def mine(corpus: str, glossary: Glossary, jobs: int | None = None, progress: bool = False, min_articles: int = 1,
         runner=run_ordered):
    """A polars DataFrame of name groups, the groups that hurt most articles first.

    `runner` maps `_names` over the articles in order: worker processes, or a Ray cluster.
    """
    import polars as pl

    paths = collect_paths([corpus])
    occurrences: dict[str, int] = defaultdict(int)
    articles: dict[str, set[int]] = defaultdict(set)
    surface: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    example: dict[str, str] = {}
    for index, names in enumerate(runner(_names, paths, jobs, progress, desc="mine")):
        for key, word, context in names:
            occurrences[key] += 1
            articles[key].add(index)
            surface[key][word] += 1
            example.setdefault(key, context)

    groups = _group(list(occurrences), glossary, min_articles, articles)
    rows = []
    for number, (entry, members) in enumerate(groups, start=1):
        deva = [k for k in members if is_devanagari(k)]
        if entry is not None:
            canonical = fold(entry.canonical)
        elif deva:
            canonical = max(deva, key=lambda k: occurrences[k])
        else:
            canonical = max(members, key=lambda k: occurrences[k])
        house_latin = entry.latin_forms if entry is not None else (canonical,) if not deva else ()

        def role_of(key: str) -> str:
            if key == canonical or key in house_latin:
                return "canonical"
            if is_devanagari(key):
                return "variant"
            if deva and entry is None:
                return "other-script"
            return "casing" if (entry is None or key.casefold() == entry.latin.casefold()) else "other-script"

        hurt = set()
        for key in members:
            if role_of(key) in ("variant", "casing"):
                hurt |= articles[key]
        for key in members:
            script = "devanagari" if is_devanagari(key) else "latin"
            role = role_of(key)
            shown = max(surface[key], key=surface[key].get)
            rows.append({"group": number, "entry": entry.latin if entry else "",
                         "canonical": entry.canonical if entry else max(surface[canonical], key=surface[canonical].get),
                         "form": shown, "script": script, "role": role, "occurrences": occurrences[key],
                         "articles": len(articles[key]), "articles_hurt": len(hurt), "example": example[key],
                         "accept": "", "latin": entry.latin if entry else ""})
    if not rows:
        return pl.DataFrame(schema={c: pl.String for c in COLUMNS})
    frame = pl.DataFrame(rows)
    ranks = (frame.group_by("group").agg(pl.col("articles_hurt").first())
             .sort(["articles_hurt", "group"], descending=[True, False])
             .with_row_index("rank", offset=1).select("group", "rank"))
    return (frame.join(ranks, on="group")
            .sort(["rank", "role", "occurrences"], descending=[False, False, True])
            .select(COLUMNS))


def _group(keys: list[str], glossary: Glossary, min_articles: int, articles) -> list:
    """(glossary entry or None, member keys) for every name written in more than one way."""
    keys = [k for k in keys if len(articles[k]) >= min_articles]
    by_entry: dict[str, tuple[object, list[str]]] = {}
    loose_deva: list[str] = []
    loose_latin: dict[str, list[str]] = defaultdict(list)
    canon_by_skeleton: dict[str, list] = defaultdict(list)
    for entry in glossary.entries:
        skel = skeleton(translit_key(entry.canonical))
        if " " not in entry.canonical and len(skel) >= 3:
            canon_by_skeleton[skel].append(entry)
    for key in keys:
        if is_devanagari(key):
            hit = glossary.forms.get((key,))
            entry = hit[0] if hit is not None else next(
                (e for e in canon_by_skeleton.get(skeleton(translit_key(key)), ())
                 if same_name(fold(e.canonical), key, 2)), None)
            if entry is None:
                loose_deva.append(key)
                continue
        else:
            entry = glossary.by_latin.get(key.casefold())
            if entry is None:
                loose_latin[key.casefold()].append(key)
                continue
        by_entry.setdefault(entry.latin, (entry, []))[1].append(key)
    # a listed name needs review when some form of it is not the house form (or house casing)
    groups = [(e, m) for e, m in by_entry.values()
              if any(k != fold(e.canonical) and k not in e.latin_forms for k in m)]
    for cluster in cluster_forms(loose_deva):
        skel = skeleton(translit_key(cluster[0]))
        for folded in list(loose_latin):
            if len(skel) >= 3 and skeleton(latin_key(folded)) == skel:
                cluster.extend(loose_latin.pop(folded))
        groups.append((None, cluster))
    groups.extend((None, casings) for casings in loose_latin.values() if len(casings) > 1)
    return groups
