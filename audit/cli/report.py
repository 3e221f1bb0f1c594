"""`jaanch report CORPUS_DIR -o report.html`: one self-contained page for the desk head."""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from audit.core.document import read_article
from audit.core.paths import collect_paths
from audit.core.errors import MAX_FILE_MB
from audit.core.runner import run_ordered
from audit.lint.engine import Engine
from audit.core.fileio import refuse_overwriting_input, write_atomic
from audit.reporters.text import counted

COLOURS = {"terminology": "#d98e04", "sense": "#c2389e", "anglicism": "#1d8fb3", "repetition": "#cf3b3b",
           "formatting": "#8f8f00", "qe": "#5360c4", "suppression": "#777777"}


def _bars(rows: list[tuple[str, int, str]], width: int = 560) -> str:
    """A horizontal bar chart as inline SVG: (label, value, colour) per bar."""
    if not rows:
        return "<p>None.</p>"
    top = max(v for _, v, _ in rows) or 1
    height = 24 * len(rows) + 8
    parts = [f'<svg role="img" width="{width + 260}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value, colour) in enumerate(rows):
        y = 4 + 24 * i
        w = max(2, int(width * value / top))
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{html.escape(label)}</text>'
                     f'<rect x="250" y="{y}" width="{w}" height="18" fill="{colour}"/>'
                     f'<text x="{256 + w}" y="{y + 14}" font-size="12">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


@dataclass
class _ArticleRows:
    """One row per finding of an article (picklable, so worker processes run it)."""

    engine: Engine

    def __call__(self, path: Path) -> list[dict]:
        # a name that is not UTF-8 (x\xff.txt) is shown with its byte escaped: polars takes UTF-8 only
        name = os.fsencode(path).decode("utf-8", "backslashreplace")
        return [{"article": name, "code": f.code, "rule": f.rule, "category": f.category,
                 "severity": f.severity.label} for f in self.engine.audit(read_article(path))]


def build_report(corpus: str, engine: Engine, output: str | Path, jobs: int | None = None,
                 runner=run_ordered, max_mb: float | None = MAX_FILE_MB) -> dict:
    """`runner` maps the per-article work over the files in order: worker processes, or a Ray cluster."""
    import polars as pl

    rows = []
    paths = collect_paths([corpus], max_mb=max_mb)
    refuse_overwriting_input(output, paths)
    for found in runner(_ArticleRows(engine), paths, jobs, desc="report"):
        rows.extend(found)
    frame = pl.DataFrame(rows, schema={c: pl.String for c in ("article", "code", "rule", "category", "severity")})
    # ties broken by name: the same corpus gives the same page, however the rows were gathered
    by_category = frame.group_by("category").len().sort(["len", "category"], descending=[True, False])
    by_rule = frame.group_by("code", "rule", "category").len().sort(["len", "code"], descending=[True, False])
    by_article = frame.group_by("article").agg(
        pl.len().alias("findings"), (pl.col("severity") == "error").sum().alias("errors"),
        (pl.col("severity") == "warning").sum().alias("warnings")).sort(["findings", "article"],
                                                                           descending=[True, False])
    severity = dict(frame.group_by("severity").len().iter_rows())
    clean = len(paths) - by_article.height
    table = "".join(
        f"<tr><td>{html.escape(r['article'])}</td><td>{r['findings']}</td><td>{r['errors']}</td><td>{r['warnings']}</td></tr>"
        for r in by_article.head(50).iter_rows(named=True))
    page = f"""<!doctype html>
<html lang="hi"><head><meta charset="utf-8"><title>jaanch report</title>
<style>body{{font-family:"Noto Sans Devanagari","Noto Sans",sans-serif;margin:2em;max-width:70em}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.2em .6em;text-align:left}}
.cards span{{display:inline-block;margin-right:2em;font-size:1.3em}}code{{font-size:.85em}}</style></head>
<body><h1>jaanch report: {html.escape(str(corpus))}</h1>
<p>{date.today().isoformat()} · <code>{html.escape(engine.signature())}</code></p>
<div class="cards"><span>{len(paths)} articles</span><span>{frame.height} findings</span>
<span>{severity.get('error', 0)} errors</span><span>{severity.get('warning', 0)} warnings</span>
<span>{severity.get('info', 0)} info</span><span>{clean} clean articles</span></div>
<h2>By category</h2>{_bars([(c, n, COLOURS.get(c, '#888')) for c, n in by_category.iter_rows()])}
<h2>By rule</h2>{_bars([(f'{code} {rule}', n, COLOURS.get(cat, '#888')) for code, rule, cat, n in by_rule.iter_rows()])}
<h2>Articles with the most findings</h2>
<table><tr><th>article</th><th>findings</th><th>errors</th><th>warnings</th></tr>{table}</table>
</body></html>
"""
    write_atomic(output, page)
    return {"articles": len(paths), "findings": frame.height}


def run_report(args, engine: Engine, runner=run_ordered) -> int:
    summary = build_report(args.corpus, engine, args.output, args.jobs, runner, args.max_file_mb)
    print(f"{args.output}: {counted(summary['findings'], 'finding')} in {counted(summary['articles'], 'article')}")
    return 0
