"""A house language model: word trigrams with interpolated Kneser-Ney, counted with polars.

Trained on a newsroom's own published, edited articles, it knows which words follow which in
the paper's Hindi; `jaanch check --lm MODEL` flags words whose surprisal in context is far above
the article's norm. The model is a folder of parquet tables plus meta.json.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from audit import __version__
from audit.core.document import Article, read_article
from audit.core.paths import collect_paths
from audit.core.errors import MAX_FILE_MB, InputError, UsageError
from audit.core.fileio import read_text
from audit.core.jsonfile import load_json
from audit.core.findings import Finding
from audit.lint.rules import Surprising
from audit.qe.runner import model_finding

BOS, EOS, NUM = "<s>", "</s>", "<num>"
FORMAT = 1
# the model's tables and their columns, as `train` writes them
TABLES = {"a3": {"u": "String", "v": "String", "w": "String", "a": "Float64"},
          "g3": {"u": "String", "v": "String", "g": "Float64"},
          "a2": {"v": "String", "w": "String", "a": "Float64"},
          "g2": {"v": "String", "g": "Float64"},
          "p1": {"w": "String", "p": "Float64"}}


def _words(article: Article) -> list[list[tuple[str, int]]]:
    """Per sentence: (key, token index in article.tokens) of each word."""
    out = []
    index = {id(t): i for i, t in enumerate(article.tokens)}
    for sent in article.sentences:
        words = [(NUM if t.kind == "num" else t.key, index[id(t)]) for t in sent.tokens if t.is_word]
        if words:
            out.append(words)
    return out


def _trigrams(article: Article) -> tuple[list[str], list[str], list[str]]:
    us, vs, ws = [], [], []
    for words in _words(article):
        seq = [BOS, BOS] + [w for w, _ in words] + [EOS]
        us.extend(seq[:-2])
        vs.extend(seq[1:-1])
        ws.extend(seq[2:])
    return us, vs, ws


def train(corpus: str | Path, output: str | Path, discount: float = 0.75, progress: bool = False,
          max_mb: float | None = MAX_FILE_MB) -> dict:
    import polars as pl

    paths = collect_paths([str(corpus)], max_mb=max_mb)
    _refuse_output_in_corpus(corpus, output)
    counts = None
    batch: list[tuple[list[str], list[str], list[str]]] = []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(paths), desc="lm train", unit="article", file=sys.stderr)

    def flush(counts):
        us = [u for b in batch for u in b[0]]
        frame = pl.DataFrame({"u": us, "v": [v for b in batch for v in b[1]], "w": [w for b in batch for w in b[2]]})
        part = frame.group_by("u", "v", "w").len(name="c")
        batch.clear()
        if counts is None:
            return part
        return pl.concat([counts, part]).group_by("u", "v", "w").agg(pl.col("c").sum())

    tokens = 0
    for i, path in enumerate(paths, 1):
        tri = _trigrams(read_article(path))
        tokens += len(tri[2])
        batch.append(tri)
        if len(batch) >= 500:
            counts = flush(counts)
        if bar:
            bar.update(1)
    if batch:
        counts = flush(counts)
    if bar:
        bar.close()
    if counts is None or counts.height == 0:
        raise InputError("the corpus has no words to learn from", str(corpus))

    d = pl.lit(discount)
    ctx3 = counts.group_by("u", "v").agg(pl.col("c").sum().alias("cu"), pl.len().alias("n"))
    a3 = counts.join(ctx3, on=["u", "v"]).select("u", "v", "w", ((pl.col("c") - d).clip(0) / pl.col("cu")).alias("a"))
    g3 = ctx3.select("u", "v", (d * pl.col("n") / pl.col("cu")).alias("g"))
    cc2 = counts.group_by("v", "w").agg(pl.col("u").n_unique().alias("cc"))  # continuation counts
    ctx2 = cc2.group_by("v").agg(pl.col("cc").sum().alias("dv"), pl.len().alias("n"))
    a2 = cc2.join(ctx2, on="v").select("v", "w", ((pl.col("cc") - d).clip(0) / pl.col("dv")).alias("a"))
    g2 = ctx2.select("v", (d * pl.col("n") / pl.col("dv")).alias("g"))
    types = cc2.height
    p1 = cc2.group_by("w").agg(pl.len().alias("n")).select("w", (pl.col("n") / types).alias("p"))

    meta = {"format": FORMAT, "jaanch": __version__, "order": 3, "smoothing": "interpolated Kneser-Ney",
            "discount": discount, "articles": len(paths), "tokens": tokens, "vocabulary": p1.height,
            "trigrams": counts.height, "floor": 0.5 / (types + p1.height)}
    _write_model(Path(output), {"a3": a3, "g3": g3, "a2": a2, "g2": g2, "p1": p1}, meta)
    return meta


def _write_model(out: Path, tables: dict, meta: dict) -> None:
    """Each file atomically (read-only files and folders refused, as every output is), meta.json
    last and an old one removed first: a run stopped half way (Ctrl-C, a full disk) leaves a folder
    `check --lm` calls no model, never an old meta.json over a mix of old and new tables; one into
    a new folder leaves no folder."""
    names = [out / f"{name}.parquet" for name in tables] + [out / "meta.json"]
    created = [p for p in [out.absolute(), *out.absolute().parents] if not p.exists()]  # the deepest first
    try:
        _write_tables(out, names, tables, meta)
    except BaseException:  # a full disk, Ctrl-C: what this run made goes, folders that were there stay
        if created:
            for path in names:
                path.unlink(missing_ok=True)
            for folder in created:
                try:
                    folder.rmdir()
                except OSError:  # not there (refused before it was made), or someone else's file in it
                    pass
        raise


def _write_tables(out: Path, names: list[Path], tables: dict, meta: dict) -> None:
    import io

    from audit.core.fileio import WriteError, describe, write_atomic, writable

    try:
        folder = out if out.exists() else next(p for p in out.absolute().parents if p.exists())
        if not writable(folder, folder.stat()):
            raise WriteError(f"its folder {folder} is read-only; nothing was written", str(out))
        for path in names:  # refused before anything changes, not half way
            if path.exists() and not writable(path, path.stat()):
                raise WriteError("is read-only; nothing was written (make it writable, or name another "
                                 "folder)", str(path))
        out.mkdir(parents=True, exist_ok=True)
        (out / "meta.json").unlink(missing_ok=True)
    except OSError as exc:
        raise WriteError(describe(exc), str(exc.filename or out)) from None
    for name, table in tables.items():
        buffer = io.BytesIO()
        table.write_parquet(buffer)
        write_atomic(out / f"{name}.parquet", buffer.getvalue())
    write_atomic(out / "meta.json", json.dumps(meta, indent=1))


def _refuse_output_in_corpus(corpus: str | Path, output: str | Path) -> None:
    """A model written into the corpus folder (or as the folder itself) would lie among the articles
    a later run of the same command reads, one cannot be written over a file, and a folder of other
    files is no model to replace: refused before anything is counted."""
    import os

    if Path(output).exists() and not Path(output).is_dir():  # it said the system's "File exists"
        raise UsageError(f"-o {output}: is a file; the model is a folder: name a new folder or an old model")
    if Path(output).is_symlink() and not Path(output).exists():  # "File exists", or a table's name and ELOOP
        raise UsageError(f"-o {output}: is a symbolic link that leads nowhere (to {os.readlink(output)}, missing, "
                         "or a loop); name a new folder or an old model")
    folder, out = Path(os.path.realpath(corpus)), Path(os.path.realpath(output))
    if Path(corpus).is_dir() and (out == folder or folder in out.parents):
        where = "is the corpus folder" if out == folder else f"is inside the corpus folder {corpus}"
        raise UsageError(f"-o {output}: {where}; write the model outside it (nothing was written)")
    if Path(output).is_dir():  # the tables were written among a folder's own files, exit 0
        own = {"meta.json", *(f"{name}.parquet" for name in TABLES)}  # a run stopped half way left some
        try:
            others = sorted(p.name for p in Path(output).iterdir() if p.name not in own and not p.name.startswith("."))
        except OSError:  # unlistable: the write that follows names the fault
            others = []
        if others:
            raise UsageError(f"-o {output}: is a folder of other files ({others[0]}"
                             f"{f' and {len(others) - 1} more' if len(others) > 1 else ''}), not a jaanch model; "
                             "name a new folder or an old model (nothing was written)")


@dataclass
class HouseLM:
    folder: Path

    def __post_init__(self):
        import polars as pl

        meta_path = self.folder / "meta.json"
        if not self.folder.exists():  # (was "no meta.json", which sent the user looking inside a folder)
            raise InputError("no such model folder; build one with `jaanch lm train`", str(self.folder))
        if not meta_path.exists():
            raise InputError("not a jaanch language model (no meta.json); build one with `jaanch lm train`",
                             str(self.folder))
        self.meta = load_json(read_text(meta_path, "meta.json"), meta_path)
        if not isinstance(self.meta, dict) or self.meta.get("format") != FORMAT or "tokens" not in self.meta:
            found = self.meta.get("format") if isinstance(self.meta, dict) else None
            raise InputError(f"language model format {found} is not {FORMAT}; retrain it with `jaanch lm train`",
                             str(meta_path))
        # a meta.json edited or cut short ended the run as an internal error (KeyError, a polars dtype error)
        for key in ("tokens", "floor"):
            value = self.meta.get(key)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf \
                    or (key == "floor" and not 0 < value <= 1):
                raise InputError(f"'{key}' is {value!r}, not what `jaanch lm train` writes; retrain the model",
                                 str(meta_path))
        # the tables are a trigram model smoothed with a discount in (0, 1): a meta.json that says
        # otherwise (order 9, discount NaN) describes some other model, or was edited
        order, discount = self.meta.get("order"), self.meta.get("discount")
        if type(order) is not int or order != 3:
            raise InputError(f"'order' is {order!r}, not 3 (`jaanch lm train` builds trigram models); retrain the "
                             "model", str(meta_path))
        if isinstance(discount, bool) or not isinstance(discount, (int, float)) or not 0 < discount < 1:
            raise InputError(f"'discount' is {discount!r}, not above 0 and below 1 as `jaanch lm train` writes it; "
                             "retrain the model", str(meta_path))
        self.tables = {}
        for name, columns in TABLES.items():
            table = self.folder / f"{name}.parquet"
            try:
                self.tables[name] = pl.read_parquet(table)
            except (OSError, pl.exceptions.PolarsError) as exc:
                raise InputError(f"unreadable model table ({str(exc).splitlines()[0]}); retrain it with "
                                 "`jaanch lm train`", str(table)) from None
            schema = {column: str(dtype) for column, dtype in self.tables[name].schema.items()}
            if schema != columns:
                raise InputError(f"model table of columns {schema}, not {columns}; retrain it with "
                                 "`jaanch lm train`", str(table))

    @property
    def ident(self) -> str:
        return f"{self.folder.name}@{self.meta['tokens']}tok"

    def surprisals(self, article: Article) -> list[tuple[int, float, bool]]:
        """(token index, bits, known word) for every word of the article."""
        import polars as pl

        rows = []
        for words in _words(article):
            keys = [BOS, BOS] + [w for w, _ in words]
            rows.extend((keys[k], keys[k + 1], w, index) for k, (w, index) in enumerate(words))
        if not rows:
            return []
        u, v, w, i = zip(*rows)
        frame = pl.DataFrame({"u": u, "v": v, "w": w, "i": i},
                             schema={"u": pl.String, "v": pl.String, "w": pl.String, "i": pl.Int64})
        t = self.tables
        scored = (
            frame.join(t["a3"], on=["u", "v", "w"], how="left").rename({"a": "a3"})
            .join(t["g3"], on=["u", "v"], how="left").rename({"g": "g3"})
            .join(t["a2"], on=["v", "w"], how="left").rename({"a": "a2"})
            .join(t["g2"], on="v", how="left").rename({"g": "g2"})
            .join(t["p1"], on="w", how="left")
            .with_columns(pl.col("p").is_not_null().alias("known"), pl.col("p").fill_null(self.meta["floor"]))
            .with_columns(pl.when(pl.col("g2").is_null()).then(pl.col("p"))
                          .otherwise(pl.col("a2").fill_null(0) + pl.col("g2") * pl.col("p")).alias("p2"))
            .with_columns(pl.when(pl.col("g3").is_null()).then(pl.col("p2"))
                          .otherwise(pl.col("a3").fill_null(0) + pl.col("g3") * pl.col("p2")).alias("p3"))
            .with_columns((-pl.col("p3").log(base=2)).alias("bits"))
            .sort("i")
        )
        if scored.height != frame.height:  # each join matched a word more than once
            raise InputError("a model table holds the same words on two rows, which `jaanch lm train` never "
                             "writes (a word would be scored twice); retrain it with `jaanch lm train`", str(self.folder))
        return list(zip(scored["i"].to_list(), scored["bits"].to_list(), scored["known"].to_list()))

    def findings(self, article: Article, z: float = 2.5, min_bits: float = 12.0) -> list[Finding]:
        scores = self.surprisals(article)
        known = [b for _, b, k in scores if k]
        if len(known) < 5:
            return []
        mean = sum(known) / len(known)
        std = math.sqrt(sum((b - mean) ** 2 for b in known) / len(known))
        found = []
        for index, bits, is_known in scores:
            if is_known and bits >= min_bits and bits > mean + z * std:
                tok = article.tokens[index]
                found.append(model_finding(
                    Surprising, article, tok.start, tok.end,
                    f"'{tok.text}' is unexpected here under the house language model "
                    f"({bits:.1f} bits; this article's mean is {mean:.1f}, {self.ident})",
                    confidence=min(1.0, (bits - mean) / (4 * std + 1e-9)),
                ))
        return found
