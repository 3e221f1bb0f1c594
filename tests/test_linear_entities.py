"""The bilingual input lookups that replaced all-pairs comparisons find exactly what those found.
The original is kept here as the reference and run on random strings built to hit the edge cases."""

from __future__ import annotations

import random


def _reference_entities(text: str):
    """entities()'s original: every match checked against every span taken before it."""
    from audit.language import entities as module

    found, taken = [], []
    for kind, pattern in (("URL", module.URL), ("e-mail address", module.EMAIL), ("handle", module.HANDLE),
                          ("hashtag", module.HASHTAG)):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            found.append((kind, m.group(), m.start(), m.end()))
    return sorted(found, key=lambda e: e[2])


def test_entities_drop_the_same_overlaps_as_comparing_every_pair():
    """A segment's URLs, e-mail addresses, handles and hashtags are found with one walk per kind; an
    e-mail address inside a URL, or the @ of an address, overlaps and is dropped as before."""
    from audit.language.entities import entities

    rng = random.Random(11)
    parts = ["a@b.co", "@user_1", "#Tag2024", "http://x.org/a@b", "www.site.in/#frag", "me@mail.example.com",
             "#हिंदी", "x@y", "see", "@", "#", "https://t.co/x_y.", "z@q.io.", " ", "\n", "(http://a.b/c)", "#a#b",
             "@@h", "foo@bar.baz#tag"]
    for _ in range(5000):
        text = "".join(rng.choice(parts) + rng.choice(["", " ", ",", "."]) for _ in range(rng.randint(1, 12)))
        assert entities(text) == _reference_entities(text), text
