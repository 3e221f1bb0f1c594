"""Project configuration: `jaanch.toml`, or `[tool.jaanch]` in `pyproject.toml`, found upwards from a file.

    select = ["TERM", "FMT"]        ignore = ["ANGL002"]
    glossaries = ["desk.tsv"]       # relative to the configuration file
    house-glossary = true           fail-on = "warning"
    unsafe-fixes = false            # true: --fix applies unsafe fixes too, like --unsafe-fixes
    baseline = "jaanch-baseline.json"
    [severity]  TERM003 = "info"    [settings]  "REP002.min_chrf" = 90
    [allow]     ANGL001 = ["अनाउंस किया"]    # house style, as `jaanch calibrate` writes it

Unknown keys are errors, with the key named: a misspelt option must not pass silently.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from audit.core.errors import MAX_CONFIG_MB, InputError, UsageError
from audit.core.fileio import read_text, refuse_oversized

KEYS = {"select", "ignore", "glossaries", "house-glossary", "fail-on", "baseline", "severity", "settings",
        "unsafe-fixes", "allow"}
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
    allow: dict[str, list[str]] = field(default_factory=dict)  # house style: forms not reported, by code


def find_config(start: Path) -> Path | None:
    try:
        folder = start if start.is_dir() else start.parent
    except OSError as exc:  # a file in a folder that cannot be entered
        from audit.core.fileio import describe

        raise InputError(describe(exc), str(start)) from None
    real = Path(os.path.realpath(folder))  # never raises, even on a symlink loop
    for candidate in [real, *real.parents]:
        named = folder if candidate == real else candidate  # (the folder as the user gave it)
        own = candidate / "jaanch.toml"
        if _is_file(own, named):
            return own
        if os.path.lexists(own):
            # a folder (Docker makes one when a missing file is mounted), a named pipe or a link to
            # nothing where the configuration should be: passed over, the run went on without its
            # settings, exit 0; read, it is the one line that says what is there instead
            read_text(own, "configuration")
        project = candidate / "pyproject.toml"
        if _is_file(project, named):
            refuse_oversized(project, MAX_CONFIG_MB, "configuration")  # read whole, and again below
            try:
                text = read_text(project, "pyproject.toml")
                tool = _toml(text).get("tool", {})
            except (InputError, tomllib.TOMLDecodeError) as exc:
                try:
                    raw = project.read_bytes()
                    # (in UTF-16 too: its [tool.jaanch] was passed over and the settings went unused)
                    mentions_us = any("jaanch".encode(code) in raw for code in ("utf-8", "utf-16-le", "utf-16-be"))
                except OSError:
                    mentions_us = True
                if mentions_us:
                    # it may hold our settings: guessing past it would run with the wrong ones
                    raise UsageError(f"cannot read [tool.jaanch] from it: {_toml_reason(exc)}", str(project),
                                     exc.line if isinstance(exc, InputError) else None) from None
                continue  # someone else's broken pyproject.toml is not ours to judge
            if isinstance(tool, dict) and "jaanch" in tool:
                return project
        elif os.path.lexists(project):
            # linked to nothing, a loop, a folder or a pipe: passed over, exit 0 with the defaults. What
            # cannot be read may hold our settings (as an unreadable file above): the one line for it.
            read_text(project, "pyproject.toml")
    return None


def _is_file(path: Path, folder: Path) -> bool:
    """Whether `path` is a file; a folder that cannot be entered (mode 000) is named as the folder
    the user gave, as collecting its articles names it: the error named a jaanch.toml never made."""
    try:
        return path.is_file()
    except OSError as exc:
        from audit.core.paths import unreadable_folder

        raise unreadable_folder(exc, folder) from None


def _toml_reason(exc: Exception) -> str:
    return exc.reason if isinstance(exc, InputError) else f"not valid TOML ({exc})"


def _strings(value, key: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"'{key}' must be a list of strings, not {value!r}", str(path))
    return value


def _table(value, key: str, path: Path) -> dict:
    if not isinstance(value, dict):
        raise UsageError(f"'{key}' must be a table ([{key}] with one entry per line), not {value!r}", str(path))
    return value


def _threshold(key: str, value, path: Path) -> float:
    # bool is an int in Python and TOML allows nan and inf: none of them is a threshold
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise UsageError(f"setting {key!r} must be a finite number, not {value!r}", str(path))
    return float(value)


def _glossary(base: Path, name: str, path: Path, where: str) -> Path:
    """A glossary the configuration names, relative to its folder. One that is missing (or a folder)
    is the configuration's mistake, named so: the error named only the glossary's path, and the user
    looked for a --glossary they had not given."""
    glossary = base / name
    where = " in [tool.jaanch]" if where.startswith("[") else ""
    if not name.strip():
        raise UsageError(f"'glossaries'{where} holds an empty name; give glossary files (.tsv)", str(path))
    if glossary.is_dir():
        raise UsageError(f"'glossaries'{where} names {glossary}, a folder; give glossary files (.tsv)", str(path))
    if not glossary.exists() and any(c in name for c in "*?["):  # "no such file" beside the files it meant
        raise UsageError(f"'glossaries'{where} names {name!r}, a wildcard pattern: names are not expanded; "
                         "list each glossary file", str(path))
    if not glossary.exists():
        raise UsageError(f"'glossaries'{where} names {glossary}: no such file (names are relative to "
                         f"{base})", str(path))
    return glossary


def _toml(text: str) -> dict:
    """tomllib.loads, a lone CR read as a line end as everywhere in jaanch (TOML knows only LF and CRLF:
    a file saved with lone CRs was 'not valid TOML (Expected newline ... at line 1)'). TOML allows a
    CR nowhere else, so no value changes; one character for one keeps its error positions."""
    from audit.core.lines import lf_view

    try:
        return tomllib.loads(lf_view(text))
    except RecursionError:  # arrays nested thousands deep: an internal error (exit 3)
        raise tomllib.TOMLDecodeError("nested too deeply to be a real configuration") from None


def _key_line(text: str, key: str, pyproject: bool) -> int | None:
    """The line where `key = ...` stands among jaanch's own settings (before any [table] in a
    jaanch.toml, under [tool.jaanch] in a pyproject.toml); None where it is written some other way."""
    from audit.core.lines import lf_view

    ours = not pyproject
    for number, line in enumerate(lf_view(text).split("\n"), 1):
        stripped = line.strip()
        if _HEADER.fullmatch(stripped):
            ours = pyproject and _OUR_TABLE.fullmatch(stripped) is not None
        elif ours and re.match(rf"""(["']?){re.escape(key)}\1\s*=""", stripped):
            return number
    return None


_HEADER = re.compile(r"\[\[?[^\]\[]*\]\]?\s*(#.*)?")
_OUR_TABLE = re.compile(r"""\[\s*(["']?)tool\1\s*\.\s*(["']?)jaanch\2\s*\]\s*(#.*)?""")


def load_config(path: Path) -> Config:
    refuse_oversized(path, MAX_CONFIG_MB, "configuration")
    text = read_text(path, "configuration")
    try:
        data = _toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"not valid TOML ({exc})", str(path)) from None
    if path.name == "pyproject.toml" and not (isinstance(data.get("tool"), dict) and "jaanch" in data["tool"]):
        # only --config names such a file (the search passes it by): it was read as no settings at all
        raise UsageError("has no [tool.jaanch] table; put jaanch's settings there, or name a jaanch.toml",
                         str(path))
    section = data.get("tool", {}).get("jaanch", {}) if path.name == "pyproject.toml" else data
    where = "[tool.jaanch]" if path.name == "pyproject.toml" else "the file"
    if not isinstance(section, dict):
        raise UsageError(f"{where} must be a table of settings, not {section!r}", str(path))
    for key in section:
        if key not in KEYS:
            raise UsageError(f"unknown key {key!r} in {where} (known: {', '.join(sorted(KEYS))})", str(path))
    base = path.parent
    config = Config(path=path)
    config.select = _strings(section.get("select", []), "select", path)
    if "select" in section and not config.select:  # as `--select ""` is: it ran every check
        raise UsageError("'select' is an empty list, which names no check; give codes or prefixes (TERM, "
                         "FMT001), or leave 'select' out to run every check", str(path),
                         _key_line(text, "select", path.name == "pyproject.toml"))
    config.ignore = _strings(section.get("ignore", []), "ignore", path)
    glossaries = _strings(section.get("glossaries", []), "glossaries", path)
    for key, names in (("glossaries", glossaries), ("baseline", [section.get("baseline")])):
        if any(isinstance(name, str) and "\0" in name for name in names):  # (TOML writes it \u0000)
            raise UsageError(f"'{key}' holds a NUL character (\\u0000), which no file name can", str(path),
                             _key_line(text, key, path.name == "pyproject.toml"))
    config.glossaries = [_glossary(base, g, path, where) for g in glossaries]
    house = section.get("house-glossary", True)
    if not isinstance(house, bool):
        raise UsageError(f"'house-glossary' must be true or false (unquoted), not {house!r}", str(path))
    config.house_glossary = house
    config.unsafe_fixes = section.get("unsafe-fixes", False)
    if not isinstance(config.unsafe_fixes, bool):
        raise UsageError(f"'unsafe-fixes' must be true or false (unquoted), not {config.unsafe_fixes!r}", str(path))
    fail_on = section.get("fail-on")
    if fail_on is not None and fail_on not in (*LEVELS, "never"):
        raise UsageError(f"'fail-on' must be error, warning, info or never, not {fail_on!r}", str(path))
    config.fail_on = fail_on
    if "baseline" in section:
        if not isinstance(section["baseline"], str) or not section["baseline"].strip():
            raise UsageError(f"'baseline' must be a file name, not {section['baseline']!r}", str(path))
        config.baseline = base / section["baseline"]
        if config.baseline.is_dir():
            raise UsageError(f"'baseline' names the folder {config.baseline}; give a .json file", str(path))
    from audit.lint.checks import ALL_CHECKS
    from audit.lint.engine import model_rule_named
    from audit.lint.rules import ALL_RULES

    codes = {rule.code for rule in ALL_RULES}
    checks = {check.code for check in ALL_CHECKS}  # what select and ignore choose among
    for key in ("select", "ignore"):  # checked here too, so the message names this file
        for code in getattr(config, key):
            if not code.strip():  # a prefix of every code: ignore = [""] ran no check at all, exit 0
                raise UsageError(f"'{key}' holds an empty code; give check codes or prefixes (TERM, FMT001)",
                                 str(path))
            if not any(c.startswith(code.upper()) for c in checks):
                raise UsageError(f"{model_rule_named(code)} (in '{key}')" if model_rule_named(code) else
                                 f"unknown check code {code!r} in '{key}'; `jaanch rules` lists them", str(path))
    if config.select and config.ignore:  # the two together leave nothing: said with this file's name
        from audit.lint.engine import select_checks

        try:
            select_checks(config.select, config.ignore)
        except UsageError as exc:
            raise UsageError(exc.reason, str(path)) from None
    for code, level in _table(section.get("severity", {}), "severity", path).items():
        if code.upper() not in codes:
            raise UsageError(f"unknown check code {code!r} under [severity]; `jaanch rules` lists them", str(path))
        if level not in LEVELS:
            raise UsageError(f"severity of {code} must be error, warning or info, not {level!r}", str(path))
        config.severity[code.upper()] = level
    for key, value in _table(section.get("settings", {}), "settings", path).items():
        config.settings[key] = _threshold(key, value, path)
    for code, forms in _table(section.get("allow", {}), "allow", path).items():
        if code.upper() not in codes:
            raise UsageError(f"unknown check code {code!r} under [allow]; `jaanch rules` lists them", str(path))
        config.allow[code.upper()] = _strings(forms, f"allow.{code}", path)
    return config
