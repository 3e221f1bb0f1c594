from __future__ import annotations

import json

from audit.reporters.base import FileResult, Reporter


class JsonReporter(Reporter):
    """One JSON array of finding objects (see Finding.to_dict for the fields)."""

    name = "json"

    def render(self, results: list[FileResult]) -> str:
        items = [f.to_dict() for r in results for f in r.findings]
        return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
