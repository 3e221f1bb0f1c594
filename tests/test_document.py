from __future__ import annotations

from audit.core.document import parse_article, tokenize_phrase
from audit.core.text import fold


def test_paragraphs_sentences_tokens_keep_offsets():
    text = "\ufeffपहला वाक्य है। “दूसरा वाक्य।” तीसरा?\n\nनया अनुच्छेद, ओपन -सोर्स $ 6।\r\n"
    article = parse_article(text)
    assert [text[p.start : p.end] for p in article.paragraphs] == [
        "\ufeffपहला वाक्य है। “दूसरा वाक्य।” तीसरा?", "नया अनुच्छेद, ओपन -सोर्स $ 6।"]
    assert [s.text for s in article.sentences][1] == "“दूसरा वाक्य।”"
    for tok in article.tokens:
        assert text[tok.start : tok.end] == tok.text
    assert "“" in [t.text for t in article.tokens]  # curly quotes are tokens of their own


def test_matching_ignores_nukta_zero_width_and_chandrabindu():
    assert fold("ज़ूम") == fold("जूम") == fold("ज\u093cू\u200dम")
    assert fold("हूँ") == fold("हूं")
    assert fold("OpenAI") == fold("openai")
    assert tokenize_phrase("ओपन-सोर्स") == ("ओपन", "-", "सोर्स")
