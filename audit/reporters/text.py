from __future__ import annotations

from collections import Counter

from audit.core.findings import DISPLAY_ONLY, UNSAFE, hidden_fixes
from audit.reporters.base import FileResult, Reporter

# ruff marks what --fix would apply; the same idea, in words an editor reads.
_MARK = {UNSAFE: " (unsafe fix)", DISPLAY_ONLY: " (hint)"}


class TextReporter(Reporter):
    """`path:line:col: CODE severity message  [text → suggestion]`, then a summary and the signature."""

    name = "text"
    prints_signature = True

    def render(self, results: list[FileResult]) -> str:
        lines: list[str] = []
        by_severity: Counter[str] = Counter()
        for result in results:
            for f in result.findings:
                by_severity[f.severity.label] += 1
                fix = f" → '{f.suggestions[0]}'" if f.fixes and f.suggestions[0] else (" → delete" if f.fixes else "")
                fix += _MARK.get(f.applicability, "") if f.fixes else ""
                lines.append(
                    f"{f.path}:{f.line}:{f.column}: {f.code} {f.severity.label} [{f.rule}] {f.message}"
                    f"  ['{f.text}'{fix}]"
                )
            if result.fixed:
                lines.append(f"{result.path}: applied {result.fixed} fixes")
        total = sum(by_severity.values())
        detail = ", ".join(f"{by_severity[s]} {s}" for s in ("error", "warning", "info") if by_severity[s])
        lines.append(f"{total} findings in {len(results)} files" + (f" ({detail})" if detail else ""))
        hidden = 0 if self.unsafe_fixes else sum(hidden_fixes(r.findings) for r in results)
        if hidden:
            lines.append(f"{hidden} hidden fixes can be enabled with --unsafe-fixes")
        lines.append(self.signature)
        return "\n".join(lines) + "\n"
