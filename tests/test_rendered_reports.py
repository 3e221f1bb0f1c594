"""A file's report text written where it was checked (a `--jobs` worker) is byte for byte what the
reporter writes from its findings in the parent, in every format that renders per file."""

from __future__ import annotations

import pickle

import pytest

from conftest import SAMPLES, SEEDS
from audit.core.findings import Severity
from audit.reporters import REPORTERS, FileResult
from audit.reporters import base
from audit.reporters.base import RenderedResult


@pytest.fixture(scope="module")
def results(engine):
    """Samples and seeds with their findings, a file with none, and one that --fix rewrote."""
    files = sorted(SAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    out = [FileResult(str(f), engine.audit_text(f.read_text(encoding="utf-8"), str(f))) for f in files]
    out.insert(1, FileResult("clean.txt", []))
    out.append(FileResult(out[0].path, out[0].findings[:3], fixed=2))
    assert sum(len(r.findings) for r in out) > 50
    return out


def _from_findings(reporter, results) -> str:
    return reporter.start() + "".join(p for r in results for p in reporter.parts(r)) + reporter.finish()


def _rendered(reporter, results, passed_whole=()) -> str:
    """As report_check writes it: each result rendered by the picklable renderer (a worker's
    copy), sent through pickle; those at `passed_whole` come back as their findings instead."""
    render = pickle.loads(pickle.dumps(reporter.file_renderer()))
    out = [reporter.start()]
    for n, r in enumerate(results):
        if n in passed_whole:
            out.extend(reporter.parts(r))
            continue
        got = pickle.loads(pickle.dumps(render(r)))
        assert isinstance(got, RenderedResult)
        assert got.worst == max((f.severity for f in r.findings), default=None)
        out.extend(p if p.__class__ is str else p.decode() for p in reporter.take(got))
    return "".join(out) + reporter.finish()


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "github"])
@pytest.mark.parametrize("unsafe", [False, True])
def test_rendered_text_is_what_the_reporter_writes(results, fmt, unsafe):
    cls = REPORTERS[fmt]
    expected = _from_findings(cls("sig", unsafe_fixes=unsafe), results)
    assert _rendered(cls("sig", unsafe_fixes=unsafe), results) == expected
    # a file passed back whole (too many findings to render in one string) among rendered ones
    assert _rendered(cls("sig", unsafe_fixes=unsafe), results, passed_whole={0, 2}) == expected
    assert _rendered(cls("sig", unsafe_fixes=unsafe), results, passed_whole={1}) == expected


def test_a_file_with_many_findings_comes_back_as_its_findings(results, monkeypatch):
    render = REPORTERS["json"]("sig").file_renderer()
    big = max(results, key=lambda r: len(r.findings))
    monkeypatch.setattr(base, "RENDER_AT_MOST", len(big.findings) - 1)
    assert render(big) is big
    assert isinstance(render(results[1]), RenderedResult)


def test_junit_is_built_from_the_findings():
    assert REPORTERS["junit"]("sig").file_renderer() is None


def test_worst_severity_of_a_rendered_file(results):
    render = REPORTERS["text"]("sig").file_renderer()
    assert render(FileResult("clean.txt", [])).worst is None
    worst = max(f.severity for r in results for f in r.findings)
    assert worst in (Severity.WARNING, Severity.ERROR)


def _through_writer(stream, parts) -> None:
    from audit.cli.check_report import ReportWriter

    writer = ReportWriter(stream)
    for part in parts:
        writer.write(part)
    stream.flush()


@pytest.mark.parametrize("fmt", ["json", "text", "github"])
def test_rendered_bytes_reach_every_stream_as_the_text_would(results, fmt):
    """A worker's UTF-8 bytes go straight to a UTF-8 stream's buffer, between text parts, in order;
    to a stream of another encoding or without a buffer they are written as text."""
    import io

    cls = REPORTERS[fmt]
    reporter, render = cls("sig"), cls("sig").file_renderer()
    parts = [reporter.start()]
    for n, r in enumerate(results):
        parts.extend(reporter.parts(r) if n in (0, 3) else reporter.take(render(r)))
    parts.append(reporter.finish())
    assert any(p.__class__ is bytes for p in parts) and any(p.__class__ is str and p for p in parts)
    expected = _from_findings(cls("sig"), results)
    for encoding in ("utf-8", "latin-1"):
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="backslashreplace")
        _through_writer(stream, parts)
        assert raw.getvalue() == expected.encode(encoding, "backslashreplace")
    text = io.StringIO()
    _through_writer(text, parts)
    assert text.getvalue() == expected


def test_a_text_that_utf8_cannot_hold_is_left_to_the_streams_error_handler():
    import io

    render = REPORTERS["json"]("sig").file_renderer()
    lone = FileResult("x\udcff.txt", [])
    assert render(lone).text == b""
    from audit.reporters.base import utf8

    assert utf8("a\udcffb") == "a\udcffb" and utf8("कहा") == "कहा".encode()
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace")
    _through_writer(stream, [b"[", "a\udcffb", b"]"])
    assert raw.getvalue() == b"[a\\udcffb]"
