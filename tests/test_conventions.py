"""Hindi news conventions are house usage, not artifacts: each draws no warning (made-up sentences
of the patterns met on real pages; see audit/core/conventions.py)."""

from __future__ import annotations

import pytest

from audit.core.conventions import CHROME, ENGLISH_LINE, GLOSS, HEADLINE, KICKER, SPEC_LINE, find_conventions
from audit.core.findings import Severity

CONVENTIONS = {
    "English gloss after a Hindi term": "शेयर बाजार (Share Market) में आज तेजी रही और मानसून (Monsoon) भी जल्दी आया।",
    "gloss of several words": "सर्दी का अलर्ट (Cold Wave Alert) जारी हुआ है और लोग सतर्क हैं।",
    "lower-case SEO gloss": "चांदी का भाव (silver rate today) आज फिर बढ़ा है।",
    "acronym after the full name": "राष्ट्रीय शेयर बाजार (NSE) में आज कारोबार बढ़ा और सूचकांक ऊपर गया।",
    "acronym and full English name": "भारतीय मौसम विज्ञान विभाग (India Meteorological Department – IMD) ने बारिश की बात कही।",
    "Devanagari acronym": "उपभोक्ता मूल्य सूचकांक (सीपीआई) आधारित महंगाई इस महीने घटी है।",
    "name gloss": "अभिनेता राजेश वर्मा (Rajesh Verma) ने कहा कि उनकी फिल्म 'सफर' (Safar) जल्द आएगी।",
    "SEO match title": "आज का मुकाबला (India vs England) बहुत रोमांचक रहा और दर्शक खुश हुए।",
    "gloss of a country": "यूक्रेन (Ukraine) पर रूस (Russia) के हमले के बाद रूस ने बयान दिया और यूक्रेन ने जवाब दिया।",
    "English kicker": "Market Update: सेंसेक्स आज 300 अंक चढ़ा और निवेशक खुश रहे।",
    "kicker with a spaced colon": "Rain Alert : कई राज्यों में आज भारी बारिश होगी।",
    "English-only lines": "New phone coming soon. Stay tuned #Brand\n2024 Example Car X5\nकंपनी ने नया फोन पेश किया है।",
    "spec list": "संभावित कीमत: 9 लाख रुपए (एक्स-शोरूम)\nअनुमानित लॉन्च डेट - जून की शुरुआत में\n"
                 "डिस्प्ले: 6.7 इंच, ब्राइटनेस: 1600 निट्स",
    "agency dateline": "पटना, 4 मार्च (भाषा) राज्य सरकार ने आज नई योजना शुरू की।",
    "desk dateline": "खेल डेस्क- आईपीएल में आज दो मुकाबले खेले गए।",
    "established loans": "चंद्रयान की सॉफ्ट लैंडिंग हो गई। कंपनी ने नया मोबाइल लॉन्च किया और ऑरेंज अलर्ट जारी हुआ।",
    "Hinglish kept throughout": "ब्लड शुगर कंट्रोल करने के लिए एक्सपर्ट्स ने टिप्स दिए। एक्सपर्ट्स के मुताबिक मार्केट में नई दवा है।",
    "unit repeated in a range": "मंडी में गेहूं 2000 रुपए प्रति क्विंटल से लेकर 2900 रुपए प्रति क्विंटल तक बिका।",
    "price list repeating its label": "कोटा मंडी सरसों भाव 5100 रुपए, बूंदी मंडी सरसों भाव 5200 रुपए और टोंक मंडी सरसों भाव 5000 रुपए रहा।",
    "headline repeated as the lead": "देश का पहला मानव अंतरिक्ष उड़ान मिशन तैयार\n"
                                     "देश का पहला मानव अंतरिक्ष उड़ान मिशन तैयार है और इसकी तैयारी पूरी हो चुकी है।",
    "a translation is not a spelling": "कंपनी Nova India ने कहा कि नया फोन भारत में अगले महीने आएगा।",
    "page chrome": "ये भी पढ़ें - Ukraine- Russian war: हमले से दहशत\nशहर में आज बाजार खुले रहे।",
}


@pytest.mark.parametrize("name", list(CONVENTIONS))
def test_a_convention_draws_no_warning(engine, name):
    loud = [f for f in engine.audit_text(CONVENTIONS[name]) if f.severity >= Severity.WARNING]
    assert loud == [], [(f.code, f.text, f.message) for f in loud]


def test_glosses_are_not_counted_as_a_second_script(engine):
    findings = engine.audit_text(CONVENTIONS["gloss of a country"])
    assert not [f for f in findings if f.code in ("TERM003", "ANGL003")]


@pytest.mark.parametrize("text, start_text, kind", [
    ("शेयर बाजार (Share Market) में तेजी", "(Share Market)", GLOSS),
    ("Market Update: सेंसेक्स चढ़ा।", "Market Update:", KICKER),
    ("बाजार में हलचल रही।\nMarket Update: सेंसेक्स चढ़ा।", "Market Update:", KICKER),
    ("पहली बाइक सस्ती है। 2. KRX Dash: दूसरी बाइक महंगी है।", "2. KRX Dash:", KICKER),
    ("मेले में भीड़ उमड़ी- Sample Post Hindi Image Source : SAMPLE POST मेले में भीड़",
     "- Sample Post Hindi Image Source : SAMPLE POST ", CHROME),
    ("मेले में भीड़ उमड़ी। Photo Credit: Sample Agency\nअगली पंक्ति।", "Photo Credit: Sample Agency", CHROME),
    ("मेले में भीड़ उमड़ी।Read More", "Read More", CHROME),
    ("मेले में भीड़ उमड़ी। Also Read - Sample Fair की खबरें", "Also Read - Sample Fair की खबरें", CHROME),
])
def test_inline_spans(text, start_text, kind):
    conventions = find_conventions(text)
    start = text.index(start_text)
    assert conventions.kind(start, start + len(start_text)) == kind


@pytest.mark.parametrize("line, kind", [
    ("New phone coming soon. #Brand", ENGLISH_LINE),
    ("संभावित कीमत: 9 लाख रुपए", SPEC_LINE),
    ("ये भी पढ़ें: बाजार की खबरें", CHROME),
    ("Home » खेल » क्रिकेट", CHROME),
    ("Homeखेलकूदगांव की टीम जीती...", CHROME),
    ("Homework के बहाने बच्चे खेलते रहे।", None),
    ("Please Join Whatsapp Channel", CHROME),
    ("Whatsapp Group join", CHROME),
    ("Join our Telegram channel", CHROME),
    ("Channel पर नया शो शुरू हुआ और group में चर्चा हुई।", None),
    ("Facebook पे हमारे पेज को लाइक करने के लिए क्लिक करें", CHROME),
    ("ट्विटर पर हमें फॉलो करें", CHROME),
    ("फेसबुक ने नया फीचर दिया है जिससे लोग किसी को भी फॉलो कर सकेंगे।", None),
    ("By Sample Desk Edited By: Publish:Mon, 02 Mar 2020 10:15 AM (IST) Updated:Mon, 02 Mar 2020 10:15 AM (IST)", CHROME),
    ("नीति updated: अब 10:30 बजे तक आवेदन होंगे और शुल्क भी घटा है, मंत्री ने सभा में बताया, जिसमें सैकड़ों लोग थे, "
     "सबने इसका स्वागत किया, कई संगठनों ने भी इस फैसले की सराहना की, और अगले हफ्ते से नई व्यवस्था लागू होगी, "
     "अधिकारियों ने यह भी कहा कि लोगों को असुविधा नहीं होगी और हर जिले में हेल्प डेस्क खोले जाएंगे ताकि सबको मदद मिले।", None),
    ("देश का पहला मानव मिशन तैयार", HEADLINE),
    ("बाजार में आज तेजी रही और निवेशक खुश रहे।", None),
])
def test_line_kinds(line, kind):
    assert find_conventions(line + "\nअगली पंक्ति।").line_kind(0) == kind


def test_slips_are_still_reported(engine):
    """Conventions do not hide slips: English words loose in a Hindi sentence still warn."""
    found = engine.audit_text("नई तकनीक जैसे display और processor में बदलाव हुआ है।")
    assert {f.text for f in found if f.code == "ANGL003"} == {"display", "processor"}
