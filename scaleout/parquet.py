"""`check --output-parquet DIR`: one row per file, its findings nested, for an archive too big to print.

Read it back with polars:
    pl.read_parquet("DIR/*.parquet").sort("index").explode("findings").unnest("findings")
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

FINDING = pa.struct([
    ("code", pa.string()), ("rule", pa.string()), ("category", pa.string()), ("severity", pa.string()),
    ("start", pa.int64()), ("end", pa.int64()), ("line", pa.int64()), ("column", pa.int64()),
    ("end_line", pa.int64()), ("end_column", pa.int64()), ("text", pa.string()), ("message", pa.string()),
    ("suggestions", pa.list_(pa.string())), ("confidence", pa.float64()),
])
SCHEMA = pa.schema([
    ("index", pa.int64()),  # the file's place in the plain run's order
    ("path", pa.string()),
    ("error", pa.string()),  # the one-line reason a file could not be read; null when it was
    ("fixed", pa.int64()),
    ("findings", pa.list_(FINDING)),
])
SUMMARY = "_jaanch.json"  # beside the Parquet files: signature and totals of the run


def file_row(index: int, path: str, outcome) -> dict:
    """A row from what check's per-file job returned: (FileResult, dismissals used), or Failed."""
    from audit.core.runner import Failed

    if isinstance(outcome, Failed):
        message = outcome.kind(outcome.reason, outcome.path, outcome.line).one_line()
        return {"index": index, "path": path, "error": message, "fixed": 0, "findings": []}
    result = outcome[0]
    findings = []
    for f in result.findings:
        item = f.to_dict()
        item["confidence"] = f.confidence
        findings.append({name: item[name] for name in FINDING.names})
    return {"index": index, "path": result.path, "error": None, "fixed": result.fixed, "findings": findings}


def rows_table(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def summarize(folder: Path, signature: str) -> dict:
    """Totals read back from what the workers wrote (polars scans the files; nothing is held in memory)."""
    import polars as pl

    frame = pl.scan_parquet(str(folder / "*.parquet"))
    files = frame.select(pl.len(), pl.col("error").is_not_null().sum().alias("errors")).collect().row(0)
    severities = dict(frame.select("findings").explode("findings").unnest("findings")
                      .drop_nulls("code").group_by("severity").len().collect().iter_rows())
    summary = {"signature": signature, "files": files[0], "unreadable": files[1],
               "findings": sum(severities.values()), "by_severity": severities}
    from audit.core.fileio import write_atomic

    write_atomic(folder / SUMMARY, json.dumps(summary, indent=1) + "\n")  # whole or absent, as every file jaanch writes
    return summary
