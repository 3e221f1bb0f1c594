from __future__ import annotations

import json

from audit.reporters.base import FileResult, Reporter


class JsonReporter(Reporter):
    """One JSON array of finding objects (see Finding.to_dict for the fields).

    Written item by item, byte for byte what `json.dumps(items, indent=1)` gives for the
    whole array, so a run over an archive never holds the report in memory.
    """

    name = "json"

    def start(self) -> str:
        self._count = 0
        return ""

    def add(self, result: FileResult) -> str:
        parts = []
        for f in result.findings:
            item = json.dumps(f.to_dict(), ensure_ascii=False, indent=1).replace("\n", "\n ")
            parts.append(("[\n " if self._count == 0 else ",\n ") + item)
            self._count += 1
        return "".join(parts)

    def finish(self) -> str:
        return "[]\n" if self._count == 0 else "\n]\n"
