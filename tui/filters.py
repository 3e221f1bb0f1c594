"""What the findings list shows: a filter (category, severity, code or state), an order, a search.

Pure data: the app keeps one `View` and asks it which items to list, in which order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from audit.review.items import Item

# How the list can be grouped: items of one code (category, severity) together, then by position.
GROUPS = {
    "position in the article": lambda i: (i.finding.start,),
    "code": lambda i: (i.finding.code, i.finding.start),
    "category": lambda i: (i.finding.category, i.finding.start),
    "severity (errors first)": lambda i: (-int(i.finding.severity), i.finding.start),
    "flagged text (kinds together)": lambda i: (i.finding.code, i.finding.text, i.finding.start),
}
FIELDS = {
    "state": lambda i: i.state,
    "category": lambda i: i.finding.category,
    "severity": lambda i: i.finding.severity.label,
    "code": lambda i: i.finding.code,
}


@dataclass(frozen=True)
class View:
    filter: tuple[str, str] | None = None
    group: str = "position in the article"
    search: str = ""

    def with_(self, **change) -> "View":
        return replace(self, **change)

    @property
    def active(self) -> bool:
        return self.filter is not None or bool(self.search) or self.group != "position in the article"

    def keep(self, item: Item) -> bool:
        if self.filter is not None and FIELDS[self.filter[0]](item) != self.filter[1]:
            return False
        if self.search:
            f = item.finding
            haystack = " ".join([f.text, f.code, f.rule, f.message, item.original, item.note, *f.suggestions])
            return self.search.casefold() in haystack.casefold()
        return True

    def apply(self, items) -> list[Item]:
        kept = [i for i in items if self.keep(i)]
        return kept if self.group == "position in the article" else sorted(kept, key=GROUPS[self.group])

    def options(self, items) -> list[tuple[str, tuple[str, str] | None]]:
        out: list[tuple[str, tuple[str, str] | None]] = [(f"everything ({len(items)})", None)]
        for name, value_of in FIELDS.items():
            for value, count in sorted(Counter(value_of(i) for i in items).items()):
                out.append((f"{name}: {value} ({count})", (name, value)))
        return out

    def describe(self) -> str:
        parts = []
        if self.filter:
            parts.append(f"{self.filter[0]} {self.filter[1]}")
        if self.search:
            parts.append(f"search '{self.search}'")
        if self.group != "position in the article":
            parts.append(f"by {self.group.split(' (')[0]}")
        return " · ".join(parts)
