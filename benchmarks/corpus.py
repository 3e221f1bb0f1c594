"""A generated corpus of seed-sized articles (about 7.5 kB each) for the speed benchmarks.

Every article is the sentences of samples/ plus made-up sentences written for this file,
shuffled with a fixed seed and laid out in paragraphs under a title, so the corpus has the
artifacts jaanch looks for in realistic proportions without a line of third-party text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Made up for the benchmark, in the shape of Hindi tech and business copy: some clean, some
# with the slips jaanch reports (variant spellings, anglicisms, a spaced currency sign).
MADE_UP = """\
नई दिल्ली में बुधवार को एक कार्यक्रम में कंपनी ने अपना नया फोन पेश किया।
कंपनी के मुख्य कार्यकारी ने कहा कि अगले साल तक बिक्री दोगुनी करने का लक्ष्य है।
विश्लेषकों के मुताबिक छोटे शहरों में ऑनलाइन भुगतान तेजी से बढ़ रहा है।
दीपसेक के मॉडल ने कई परीक्षणों में अच्छे अंक हासिल किए।
इस फोन की कीमत $ 299 रखी गई है और यह तीन रंगों में मिलेगा।
सरकार ने किसानों के लिए नई बीमा योजना की घोषणा की।
रिपोर्ट में कहा गया है कि बैटरी की कैपेसिटी पिछले मॉडल से ज्यादा है।
उद्योग संगठन ने इस फैसले का स्वागत किया और जल्द अमल की मांग की।
बाजार के जानकारों ने नोट किया कि निवेशक अभी सतर्क हैं।
शेयर बाजार में आज दिन भर उतार-चढ़ाव देखा गया।
ओपनईएआई ने अपने चैटबॉट का नया संस्करण जारी किया।
मौसम विभाग ने अगले दो दिनों में भारी बारिश की चेतावनी दी है।
कंपनी ने कहा कि डेटा की सुरक्षा उसकी सबसे बड़ी प्राथमिकता है।
नए नियम अगले महीने की पहली तारीख से लागू होंगे।
इस साल नौ-12 महीनों में तीन नए संयंत्र शुरू करने की योजना है।
ग्राहकों ने ऐप की धीमी रफ्तार की शिकायत की।
माइक्रोसॉफ्ट और गूगल दोनों ने इस क्षेत्र में बड़े निवेश किए हैं।
विशेषज्ञों का मानना है कि प्रतिस्पर्धा से दाम और घटेंगे।
राज्य सरकार ने सड़क निर्माण के लिए अतिरिक्त बजट मंजूर किया।
यह मॉडल कोडिंग में एक्सेल करता है लेकिन लंबे लेखों में कमजोर है।
बैंक ने ब्याज दरों में कोई बदलाव नहीं किया।
स्टार्टअप ने दो से 5 साल में मुनाफे में आने का दावा किया।
कार्यक्रम में कई देशों के प्रतिनिधि शामिल हुए।
कंपनी ने ओपन -सोर्स लाइसेंस के तहत कोड जारी किया।
नीति आयोग की बैठक में डिजिटल ढांचे पर चर्चा हुई।
छात्रों के लिए मुफ्त प्रशिक्षण शिविर लगाए जाएंगे।
अधिकारियों ने बताया कि जांच अभी जारी है।
निर्यात में पिछले साल के मुकाबले सात प्रतिशत की बढ़त दर्ज की गई।
एनवीडिया के चिप की मांग लगातार बनी हुई है।
नए मॉडल को कम लागत पर नए मॉडल को प्रशिक्षित किया गया।
""".splitlines()

_SENTENCE_END = re.compile(r"(?<=[।?!])\s+")


def sample_sentences() -> list[str]:
    """The sentences of the sample articles (titles and short lines left out)."""
    out: list[str] = []
    for f in sorted((ROOT / "samples").glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if len(line) > 80:
                out.extend(s for s in _SENTENCE_END.split(line.strip()) if s)
    return out


def generate(count: int, seed: int = 13, size: int = 7500):
    """Yield (name, text) for `count` articles of about `size` characters' worth of UTF-8 bytes."""
    rng = random.Random(seed)
    pool = sample_sentences() + [s for s in MADE_UP if s]
    for i in range(count):
        paragraphs: list[str] = []
        current: list[str] = []
        total = 0
        for sentence in rng.sample(pool, len(pool)):  # each sentence at most once per article
            if total >= size:
                break
            current.append(sentence)
            total += len(sentence.encode("utf-8")) + 1
            if len(current) >= rng.randint(2, 5):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        title = f"लेख संख्या {i}: {rng.choice(pool)[:40].rstrip('।')}"
        yield f"{i // 500:02d}/article_{i:05d}.txt", title + "\n\n" + "\n".join(paragraphs) + "\n"


def build_corpus(folder: Path, count: int, seed: int = 13) -> int:
    """Write the articles under `folder` (500 to a subfolder); returns the bytes written."""
    total = 0
    for name, text in generate(count, seed):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a generated corpus of seed-sized articles; print its bytes.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("articles", type=int, nargs="?", default=2000)
    args = parser.parse_args()
    print(build_corpus(args.folder, args.articles))
