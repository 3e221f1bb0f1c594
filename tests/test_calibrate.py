"""`jaanch calibrate` learns a Hinglish desk's house style from its own articles; check, review and
report honour it, `rules` shows it, and the MT artifacts of samples/ are all still found."""

from __future__ import annotations

import json
import tomllib

from conftest import SAMPLES, run_cli

from audit.core.document import read_article
from audit.core.findings import Severity
from audit.lint.checks import DEFAULT_CHECKS
from audit.lint.engine import Engine

# Made-up articles in the style of a Hinglish business desk: अनाउंस किया, इनवेस्ट किया, यूज, प्लान
# and English words in Latin script, in every article, used consistently. (An article that writes
# both यूज and इस्तेमाल mixes one concept in two languages: ANGL004 reports that whatever the style.)
TOPICS = ["मोबाइल", "कार", "बैंक", "स्टार्टअप", "टीवी", "लैपटॉप", "बाइक"]
TEMPLATE = (
    "{t} कंपनी ने आज नया प्लान अनाउंस किया। कंपनी ने इस साल {n} करोड़ रुपये इनवेस्ट किया है और "
    "अगले साल भी इनवेस्ट करने का प्लान है। कंपनी के मुताबिक ग्राहक इस सर्विस का यूज घर से कर सकेंगे, "
    "हालांकि इसका यूज पहले से आसान होगा। त्योहारों से पहले कंपनी ने sale की तारीख भी बताई।\n"
    "विश्लेषकों का कहना है कि {t} बाजार में मुकाबला बढ़ रहा है। कंपनी ने नए ग्राहकों के लिए offer "
    "भी रखा है और पुराने ग्राहकों को भी फायदा मिलेगा। कंपनी का कहना है कि अगले महीने से नई सुविधा "
    "देश के सभी बड़े शहरों में शुरू हो जाएगी और छोटे शहरों में भी जल्द पहुंचेगी।\n"
)


def _desk(folder, topics):
    folder.mkdir()
    for i, topic in enumerate(topics):
        (folder / f"story{i}.txt").write_text(TEMPLATE.format(t=topic, n=100 + 7 * i), encoding="utf-8")
    return folder


def _warnings_per_1000_words(engine: Engine, path) -> float:
    article = read_article(path)
    loud = [f for f in engine.audit(article) if f.severity >= Severity.WARNING]
    words = sum(len(s.words) for s in article.sentences)
    return 1000 * len(loud) / words


def test_calibrate_learns_house_style_and_every_command_honours_it(tmp_path):
    archive = _desk(tmp_path / "archive", TOPICS[:6])
    new = tmp_path / "desk" / "new.txt"
    new.parent.mkdir()
    new.write_text(TEMPLATE.format(t=TOPICS[6], n=250), encoding="utf-8")
    before = _warnings_per_1000_words(Engine(), new)
    assert before > 1  # uncalibrated, the desk's own style warns

    config = tmp_path / "desk" / "jaanch.toml"
    proc = run_cli("calibrate", str(archive), "-o", str(config))
    assert proc.returncode == 0, proc.stderr.decode()
    text = config.read_text(encoding="utf-8")
    allowed = tomllib.loads(text)["allow"]
    assert "अनाउंस किया" in allowed["ANGL001"] and "sale" in allowed["ANGL003"]
    assert "# 6 of 6 articles" in text  # the evidence, as a comment

    engine = Engine(allowed=allowed)
    assert _warnings_per_1000_words(engine, new) <= 1

    # check reads it (found upwards from the article), and so do review's and report's engine
    found = json.loads(run_cli("check", "--format", "json", str(new)).stdout)
    assert not [f for f in found if f["severity"] != "info"]
    from audit.cli.main import _parser, engine_for

    for argv in (["review", str(new)], ["report", str(new.parent), "-o", str(tmp_path / "r.html")]):
        assert engine_for(_parser().parse_args(argv)).allowed == allowed
    shown = run_cli("rules", "--config", str(config)).stdout.decode()
    assert "house style from" in shown and "अनाउंस किया" in shown

    # the MT artifacts of samples/ are all still found under the desk's style
    codes = set()
    for path in SAMPLES.glob("*_mt.txt"):
        codes.update(f.code for f in engine.audit(read_article(path)))
    assert codes == {c.code for c in DEFAULT_CHECKS if c.category != "bilingual"}  # those need a source


def test_a_form_in_few_articles_is_not_learnt(tmp_path):
    archive = _desk(tmp_path / "archive", TOPICS[:2])
    config = tmp_path / "jaanch.toml"
    run_cli("calibrate", str(archive), "-o", str(config))
    assert tomllib.loads(config.read_text(encoding="utf-8")).get("allow", {}) == {}


def test_an_unknown_code_under_allow_is_an_error(tmp_path):
    (tmp_path / "jaanch.toml").write_text('[allow]\nNOPE001 = ["x"]\n', encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text("कंपनी ने कहा।\n", encoding="utf-8")
    proc = run_cli("check", str(story))
    assert proc.returncode == 2 and "NOPE001" in proc.stderr.decode()
