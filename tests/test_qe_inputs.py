"""Source-aware input: pairs files and aligned articles, with exact offsets into the file."""

from __future__ import annotations

import json

import pytest

from audit.core.document import read_article
from audit.core.errors import InputError
from audit.inputs.align import align, split_english
from audit.inputs.pairs import read_aligned, read_pairs
from conftest import SAMPLES, run_cli

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="hi" datatype="plaintext" original="story">
  <body>
   <trans-unit id="1"><source>AT&amp;T and DeepSeek</source><target>AT&amp;T और <g id="b">दीपसेक</g> ने $ 6 दिए</target></trans-unit>
   <trans-unit id="2"><source>No target yet</source></trans-unit>
   <trans-unit id="3"><source>Gemini</source><target>गूगल के मिथुन &#x92E;ॉडल</target></trans-unit>
  </body>
 </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="hi">
 <file id="f1"><unit id="u1"><segment><source>It excels.</source><target>यह खोज में एक्सेल करता है।</target></segment></unit></file>
</xliff>
"""


def _check_json(*args):
    proc = run_cli("check", "--format", "json", "--fail-on", "never", *args)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def _exact(path, findings):
    text = path.read_text(encoding="utf-8")
    for f in findings:
        assert text[f["start"] : f["end"]] == f["text"]
    return text


def test_tsv_pairs(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("id\tsource\ttarget\n1\tThe cost was $6.\tदीपसेक की लागत $ 6 थी।\n", encoding="utf-8")
    findings = _check_json(str(path))
    _exact(path, findings)
    assert {f["text"] for f in findings} >= {"दीपसेक", "$ 6"}
    assert all(f["line"] == 2 for f in findings)


def test_jsonl_pairs_with_escapes(tmp_path):
    path = tmp_path / "pairs.jsonl"
    rows = [{"id": 1, "source": "DeepSeek \"said\"", "target": "दीपसेक ने \"कहा\" कि $ 6"},
            {"id": 2, "source": "Gemini", "target": "गूगल के मिथुन ने"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")  # \\u escapes
    findings = _check_json(str(path))
    text = _exact(path, findings)
    deepseek = next(f for f in findings if f["code"] == "TERM001")
    assert deepseek["text"] == "\\u0926\\u0940\\u092a\\u0938\\u0947\\u0915" and deepseek["line"] == 1
    assert any(f["code"] == "TERM004" and f["line"] == 2 for f in findings)
    assert all(not f["suggestions"] or f["code"] != "TERM001" or f["fixes"] == [] for f in findings)
    assert text  # offsets point into the escaped file text


def test_jsonl_lone_surrogate_escapes(tmp_path):
    """A lone \\ud800 before another \\u escape was joined with it as if a pair: valid JSON refused
    as 'could not locate the target value'."""
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"source": "DeepSeek", "target": "x\\ud800\\u0041 \\ud800\\ud801 दीपसेक \\ud83d\\ude00"}\n',
                    encoding="utf-8")
    _, [pair] = read_pairs(path)
    assert pair.target == "x\ud800A \ud800\ud801 दीपसेक \U0001F600"
    findings = _check_json(str(path))
    assert [f["text"] for f in findings if f["code"] == "TERM001"] == ["दीपसेक"]
    _exact(path, findings)


def test_xliff_12_and_20(tmp_path):
    one = tmp_path / "story.xlf"
    one.write_text(XLIFF12, encoding="utf-8")
    text, pairs = read_pairs(one)
    assert [p.ident for p in pairs] == ["1", "3"]
    assert pairs[0].target == "AT&T और दीपसेक ने $ 6 दिए" and pairs[0].source == "AT&T and DeepSeek"
    findings = _check_json(str(one))
    _exact(one, findings)
    assert any(f["code"] == "TERM001" and f["text"] == "दीपसेक" for f in findings)
    zodiac = next(f for f in findings if f["code"] == "TERM004")
    assert zodiac["text"] == "मिथुन"
    two = tmp_path / "story.xliff"
    two.write_text(XLIFF20, encoding="utf-8")
    findings = _check_json(str(two))
    _exact(two, findings)
    assert [f["text"] for f in findings if f["code"] == "ANGL001"] == ["एक्सेल करता है"]


XLIFF12_CAT = """<xliff version="1.2"><file><body>
<trans-unit id="1"><source>DeepSeek</source><target>दीपसेक <!-- a > b --><?tool x > y?>ने कहा</target>
 <alt-trans><target>डीपसीक ने कहा</target></alt-trans></trans-unit>
<trans-unit id="2"><source>Gemini</source><target><![CDATA[गूगल का <मिथुन> मॉडल]]></target></trans-unit>
</body></file></xliff>
"""

XLIFF20_IGNORABLE = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="hi">
 <file id="f1"><unit id="u1"><segment><source>It excels.</source><target>यह</target></segment>
 <ignorable><source> </source><target> </target></ignorable>
 <segment><source>x</source><target>खोज में एक्सेल करता है।</target></segment></unit></file>
</xliff>
"""


def test_xliff_as_cat_tools_write_it(tmp_path):
    """Translation-memory offers (1.2 <alt-trans>), 2.x <ignorable>, comments, processing
    instructions and CDATA inside a target were refused as 'targets outside translation units'
    or 'markup jaanch cannot map'; a CDATA section is text, the rest is not."""
    one = tmp_path / "story.xlf"
    one.write_text(XLIFF12_CAT, encoding="utf-8")
    text, pairs = read_pairs(one)
    assert [(p.ident, p.target) for p in pairs] == [("1", "दीपसेक ने कहा"), ("2", "गूगल का <मिथुन> मॉडल")]
    assert [text[p.starts[0]:p.ends[-1]].endswith(p.target[-3:]) for p in pairs] == [True, True]
    findings = _check_json(str(one))
    _exact(one, findings)
    assert [(f["code"], f["line"]) for f in findings if f["text"] == "दीपसेक"] == [("TERM001", 2)]
    two = tmp_path / "story.xliff"
    two.write_text(XLIFF20_IGNORABLE, encoding="utf-8")
    assert [p.target for p in read_pairs(two)[1]] == ["यह", "खोज में एक्सेल करता है।"]
    _exact(two, _check_json(str(two)))


@pytest.mark.parametrize("payload", [
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    '<xliff version="1.2"><file><body><trans-unit id="1"><source>x</source><target>&b;</target>'
    '</trans-unit></body></file></xliff>',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    '<xliff version="1.2"><file><body><trans-unit id="1"><source>x</source><target>&e;</target>'
    '</trans-unit></body></file></xliff>',
])
def test_unsafe_xml_is_refused(tmp_path, payload):
    path = tmp_path / "evil.xlf"
    path.write_text(payload, encoding="utf-8")
    with pytest.raises(InputError, match="unsafe XML"):
        read_pairs(path)
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and len(proc.stderr.decode().strip().splitlines()) == 1


def test_malformed_xml_names_the_line(tmp_path):
    path = tmp_path / "broken.xlf"
    path.write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file><body>\n<trans-unit id="1">\n</xliff>\n')
    proc = run_cli("check", str(path))
    err = proc.stderr.decode().strip()
    assert proc.returncode == 2 and f"{path}:5:" in err and "malformed XML" in err


def test_tsv_without_columns(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("english\thindi\nx\ty\n", encoding="utf-8")
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and f"{path}:1:" in proc.stderr.decode()


@pytest.mark.parametrize("name,duplicated", [("ai_model_race_mt", {14}), ("phone_launch_mt", set())])
def test_alignment_on_the_samples(name, duplicated):
    """Every Hindi sentence lands in the bead of its English original (the MT's duplicate has none)."""
    article = read_article(SAMPLES / f"{name}.txt")
    english = (SAMPLES / "english" / f"{name}.en").read_text(encoding="utf-8")
    spans = split_english(english)
    beads = align([b - a for a, b in spans], [len(s.text) for s in article.sentences])
    gold, e = {}, 0
    for h in range(len(article.sentences)):
        gold[h] = None if h in duplicated else e
        e += h not in duplicated
    assert e == len(spans)
    right = sum(gold[h] in src for src, tgt in beads for h in tgt if gold[h] is not None)
    assert right == len(article.sentences) - len(duplicated)
    text, pairs = read_aligned(SAMPLES / f"{name}.txt", SAMPLES / "english" / f"{name}.en")
    for p in pairs:
        start, end = p.file_span(0, len(p.target))
        assert text[start:end] == p.target
