"""`jaanch check`'s options that need more than argparse: --select/--ignore codes, thresholds from
the configuration and --set (each checked against its range), and which configuration applies."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from audit.core.errors import UsageError


def _codes(values: list[str], option: str = "--select") -> list[str]:
    """The codes of every --select (or --ignore); one given with no code in it is an error: run with
    --select "$CODES" and an empty CODES, every check ran, as if none had been asked for."""
    for value in values:
        if not any(code.strip() for code in value.split(",")):
            raise UsageError(f"{option} {value!r}: no check code in it; give codes or prefixes (TERM,FMT001)")
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _setting_key(key: str, where: str) -> str:
    """`CODE.name` of a check threshold `jaanch rules` lists; anything else is an error, not ignored."""
    from audit.lint.checks import BY_CODE

    code, dot, name = key.partition(".")
    check = BY_CODE.get(code.upper())
    if not dot or check is None or name not in check.defaults:
        raise UsageError(f"{where}: {key!r} is not CODE.NAME with a name `jaanch rules` lists")
    return f"{check.code}.{name}"


def _in_range(key: str, value: float, where: str) -> float:
    from audit.lint.settings import out_of_range

    reason = out_of_range(key, value)
    if reason:
        raise UsageError(f"{where}: {reason}")
    return value


def _settings(pairs: list[str], base: dict[str, float], where: str = "configuration") -> dict[str, float]:
    """Thresholds from the configuration, then from --set (which wins); each within its range."""
    out = {}
    for key, value in base.items():
        name = _setting_key(key, f"{where} [settings]")
        out[name] = _in_range(name, value, f"{where} [settings]")
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(f"--set {pair!r}: expected CODE.NAME=VALUE")
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise UsageError(f"--set {pair!r}: {value!r} is not a finite number")
        name = _setting_key(key, f"--set {pair!r}")
        out[name] = _in_range(name, number, f"--set {pair!r}")
    return out


def _configuration(args: argparse.Namespace):
    from audit.policy.config import Config, find_config, load_config

    start = next((Path(p) for p in args.paths if p != "-"), Path.cwd())
    found = Path(args.config) if args.config else find_config(start)  # named as given in an error
    return load_config(found) if found else Config()
