"""Project configuration: `jaanch.toml`, or `[tool.jaanch]` in `pyproject.toml`, found upwards from a file.

    select = ["TERM", "FMT"]        ignore = ["ANGL002"]
    glossaries = ["desk.tsv"]       # relative to the configuration file
    house-glossary = true           fail-on = "warning"
    unsafe-fixes = false            # true: --fix applies unsafe fixes too, like --unsafe-fixes
    baseline = "jaanch-baseline.json"
    [severity]  TERM003 = "info"    [settings]  "REP002.min_chrf" = 90

Unknown keys are errors, with the key named: a misspelt option must not pass silently.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from audit.core.errors import UsageError

KEYS = {"select", "ignore", "glossaries", "house-glossary", "fail-on", "baseline", "severity", "settings",
        "unsafe-fixes"}
LEVELS = ("error", "warning", "info")


@dataclass
class Config:
    path: Path | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    glossaries: list[Path] = field(default_factory=list)
    house_glossary: bool = True
    fail_on: str | None = None
    baseline: Path | None = None
    severity: dict[str, str] = field(default_factory=dict)
    settings: dict[str, float] = field(default_factory=dict)
    unsafe_fixes: bool = False


def find_config(start: Path) -> Path | None:
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        own = candidate / "jaanch.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file():
            try:
                if "jaanch" in tomllib.loads(project.read_text(encoding="utf-8")).get("tool", {}):
                    return project
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
    return None


def _strings(value, key: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{path}: '{key}' must be a list of strings")
    return value


def load_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc})") from None
    section = data.get("tool", {}).get("jaanch", {}) if path.name == "pyproject.toml" else data
    where = "[tool.jaanch]" if path.name == "pyproject.toml" else "the file"
    for key in section:
        if key not in KEYS:
            raise UsageError(f"{path}: unknown key {key!r} in {where} (known: {', '.join(sorted(KEYS))})")
    base = path.parent
    config = Config(path=path)
    config.select = _strings(section.get("select", []), "select", path)
    config.ignore = _strings(section.get("ignore", []), "ignore", path)
    config.glossaries = [base / g for g in _strings(section.get("glossaries", []), "glossaries", path)]
    config.house_glossary = bool(section.get("house-glossary", True))
    config.unsafe_fixes = section.get("unsafe-fixes", False)
    if not isinstance(config.unsafe_fixes, bool):
        raise UsageError(f"{path}: 'unsafe-fixes' must be true or false")
    fail_on = section.get("fail-on")
    if fail_on is not None and fail_on not in (*LEVELS, "never"):
        raise UsageError(f"{path}: 'fail-on' must be error, warning, info or never, not {fail_on!r}")
    config.fail_on = fail_on
    if "baseline" in section:
        config.baseline = base / str(section["baseline"])
    for code, level in section.get("severity", {}).items():
        if level not in LEVELS:
            raise UsageError(f"{path}: severity of {code} must be error, warning or info, not {level!r}")
        config.severity[code.upper()] = level
    for key, value in section.get("settings", {}).items():
        if not isinstance(value, (int, float)):
            raise UsageError(f"{path}: setting {key!r} must be a number")
        config.settings[key] = float(value)
    return config
