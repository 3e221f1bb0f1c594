"""Reporters: one class per output format, picked by name from REPORTERS."""

from __future__ import annotations

from audit.reporters.base import FileResult, Reporter
from audit.reporters.github import GithubReporter
from audit.reporters.json_reporter import JsonReporter
from audit.reporters.junit import JunitReporter
from audit.reporters.sarif import SarifReporter
from audit.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    r.name: r for r in (TextReporter, JsonReporter, SarifReporter, GithubReporter, JunitReporter)
}

__all__ = ["REPORTERS", "FileResult", "Reporter"]
