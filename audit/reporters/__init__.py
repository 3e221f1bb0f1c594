"""Reporters: one class per output format, picked by name from REPORTERS."""

from __future__ import annotations

from .base import FileResult, Reporter
from .github import GithubReporter
from .json_reporter import JsonReporter
from .junit import JunitReporter
from .sarif import SarifReporter
from .text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    r.name: r for r in (TextReporter, JsonReporter, SarifReporter, GithubReporter, JunitReporter)
}

__all__ = ["REPORTERS", "FileResult", "Reporter"]
