from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from audit.core.findings import Finding


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    fixed: int = 0


class Reporter:
    name: ClassVar[str]
    # Machine formats keep stdout pure; the signature then goes to stderr.
    prints_signature: ClassVar[bool] = False

    def __init__(self, signature: str, unsafe_fixes: bool = False):
        self.signature = signature
        self.unsafe_fixes = unsafe_fixes  # unsafe fixes are enabled: none is "hidden"

    def render(self, results: list[FileResult]) -> str:
        raise NotImplementedError
