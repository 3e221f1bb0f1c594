"""`jaanch calibrate ARCHIVE -o jaanch.toml`: learn a desk's house style from its own edited articles.

A form the desk publishes routinely (in a good share of its articles) is its style, not an
artifact: a Hinglish outlet's अनाउंस किया, a name spelt बाइडेन. Such forms are written to the
configuration as allowed, per check, with the evidence (in how many articles) as a comment, and
`check`, `review` and `report` stop reporting them. Forms seen in only a few articles stay
reported: a slip that happens twice is still a slip.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from audit.core.document import read_article
from audit.core.text import fold

# Checks whose findings are a desk's choice of form (loans, English words, name spellings);
# repetition, sense and formatting findings are never house style.
CALIBRATED = ("ANGL001", "ANGL002", "ANGL003", "TERM001", "TERM003")


def learn(paths: list[Path], engine, min_share: float = 0.3, min_articles: int = 3) -> dict[str, Counter]:
    """For each calibrated code, the forms found in at least `min_articles` articles and at least
    `min_share` of them, with the number of articles each was found in."""
    seen: dict[str, Counter] = defaultdict(Counter)
    surface: dict[tuple[str, str], str] = {}
    for path in paths:
        forms = set()
        for f in engine.audit(read_article(path)):
            if f.code in CALIBRATED:
                key = (f.code, fold(f.text))
                surface.setdefault(key, f.text)
                forms.add(key)
        for code, key in forms:
            seen[code][key] += 1
    needed = max(min_articles, min_share * len(paths))
    return {code: Counter({surface[(code, k)]: n for k, n in counts.items() if n >= needed})
            for code, counts in sorted(seen.items()) if any(n >= needed for n in counts.values())}


def render(allowed: dict[str, Counter], articles: int, archive: str) -> str:
    # a control character (a folder name with a line break) ended the comment: the file was no TOML
    shown = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", archive)
    lines = [f"# House style learnt by `jaanch calibrate` from {articles} articles in {shown} "
             f"on {date.today().isoformat()}.",
             "# Each form below is published routinely by this desk; the comment says in how many articles.",
             "# Delete a line to have the form reported again.", "", "[allow]"]
    for code, counts in allowed.items():
        lines.append(f"{code} = [")
        for form, n in counts.most_common():
            lines.append(f'    {_toml_string(form)},  # {n} of {articles} articles')
        lines.append("]")
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, but for DEL, which TOML wants escaped too."""
    import json

    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def refuse_replacing_settings(target: str | Path) -> None:
    """An -o that holds more than a house style (`select`, `fail-on`, a pyproject.toml's build
    settings): calibrate writes a whole new file, and the desk's settings in it were lost without a
    word. A file with only an [allow] table (calibrate's own, to be learnt again) is replaced."""
    import os
    import stat

    from audit.core.errors import UsageError
    from audit.core.fileio import writable
    from audit.policy.config import _toml

    try:
        found = os.stat(target)
    except OSError:
        return  # a new file, or one the write names (a dangling link, a missing folder)
    if not stat.S_ISREG(found.st_mode) or not found.st_size or not writable(target, found):
        return  # a folder, a pipe, a read-only file: the write says what it is
    try:
        with open(target, "rb") as handle:
            data = _toml(handle.read(1_000_001).decode("utf-8-sig"))
        other = sorted(set(data) - {"allow"})
    except (OSError, ValueError, RecursionError):  # (tomllib and UTF-8 errors are ValueErrors)
        other = None
    if other is None or other:
        held = f"holds {', '.join(repr(k) for k in other)}" if other else "is no house style calibrate wrote"
        raise UsageError(f"-o {target}: the file exists and {held}; calibrate writes a whole new file, so "
                         "nothing was written: name a new file and copy its [allow] table into this one")
