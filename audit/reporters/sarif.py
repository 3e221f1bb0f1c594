from __future__ import annotations

import json
from pathlib import Path

from audit import __version__
from audit.core.findings import DISPLAY_ONLY
from audit.lint.rules import ALL_RULES
from audit.reporters.base import FileResult, Reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class SarifReporter(Reporter):
    """SARIF 2.1.0 with char offsets and fixes; columns count Unicode code points, as Python does."""

    name = "sarif"

    def render_all(self, results: list[FileResult]) -> str:
        rules = [
            {
                "id": c.code,
                "name": c.name,
                "shortDescription": {"text": c.summary()},
                "fullDescription": {"text": (c.__doc__ or "").strip()},
                "defaultConfiguration": {"level": _LEVEL[c.severity.label]},
                "properties": {"category": c.category},
            }
            for c in ALL_RULES
        ]
        index = {c.code: i for i, c in enumerate(ALL_RULES)}
        sarif_results = []
        for r in results:
            uri = Path(r.path).as_posix()
            for f in r.findings:
                region = {
                    "startLine": f.line, "startColumn": f.column,
                    "endLine": f.end_line, "endColumn": f.end_column,
                    "charOffset": f.start, "charLength": f.end - f.start,
                    "snippet": {"text": f.text},
                }
                item = {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": _LEVEL[f.severity.label],
                    "message": {"text": f.message},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
                    "properties": {"confidence": round(f.confidence, 3), "category": f.category},
                }
                if f.fixes:
                    # ruff's applicability travels with every suggestion; a display-only one is a hint
                    # in the properties, never a SARIF fix a tool could apply.
                    item["properties"]["applicability"] = f.applicability.label
                    item["properties"]["suggestions"] = f.suggestions
                applicable = [fix for fix in f.fixes if fix.applicability != DISPLAY_ONLY]
                if applicable:
                    item["fixes"] = [
                        {
                            "description": {"text": f"replace with '{fix.replacement}'" if fix.replacement else "delete"},
                            "artifactChanges": [{
                                "artifactLocation": {"uri": uri},
                                "replacements": [{
                                    "deletedRegion": {"charOffset": fix.start, "charLength": fix.end - fix.start},
                                    "insertedContent": {"text": fix.replacement},
                                }],
                            }],
                            "properties": {"applicability": fix.applicability.label},
                        }
                        for fix in applicable
                    ]
                sarif_results.append(item)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "jaanch", "version": __version__,
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
                "properties": {"signature": self.signature},
            }],
        }
        return json.dumps(log, ensure_ascii=False, indent=1) + "\n"
