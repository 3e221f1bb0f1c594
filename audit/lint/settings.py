"""What each check threshold may be: glossaries/check_settings.tsv, one row per `CODE.name`.

A check declares its thresholds' defaults (`Check.defaults`); the table says what a value may
be (a flag, a whole number or any number) and its range, so `--set` and `[settings]` refuse a
value the check cannot mean (`BIL004.established=2`, `REP002.min_chrf=-50`) with the range named.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SETTINGS_TABLE = Path(__file__).resolve().parents[2] / "glossaries" / "check_settings.tsv"
KINDS = ("flag", "whole", "number")


@dataclass(frozen=True)
class SettingRange:
    kind: str
    low: float
    high: float  # inf: no upper bound
    meaning: str

    def allowed(self) -> str:
        if self.kind == "flag":
            return f"0 or 1 ({self.meaning})"
        what = "a whole number" if self.kind == "whole" else "a number"
        bound = f"from {self.low:g} to {self.high:g}" if math.isfinite(self.high) else f"{self.low:g} or more"
        return f"{what} {bound} ({self.meaning})"

    def admits(self, value: float) -> bool:
        if not self.low <= value <= self.high:
            return False
        return self.kind == "number" or float(value).is_integer()


@cache
def setting_ranges() -> dict[str, SettingRange]:
    from audit.language.tables import read_table

    ranges: dict[str, SettingRange] = {}
    for row in read_table(SETTINGS_TABLE, ("setting", "kind", "min", "max", "meaning"), unique=("setting",)):
        key, kind = row.get("setting"), row.get("kind")
        if kind not in KINDS:
            raise row.error(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        try:
            low, high = float(row.get("min")), float(row.get("max") or "inf")
        except ValueError:
            raise row.error("min and max must be numbers (max may be empty: no upper bound)") from None
        ranges[key] = SettingRange(kind, low, high, row.get("meaning"))
    return ranges


def out_of_range(key: str, value: float) -> str | None:
    """Why `value` cannot be the threshold `key` (CODE.name, as spelt in the checks), or None."""
    allowed = setting_ranges()[key]
    if allowed.admits(value):
        return None
    return f"{key} must be {allowed.allowed()}, not {value:g}"
