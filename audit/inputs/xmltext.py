"""Safe XML reading for CAT-tool files, keeping the file offset of every character of a text.

defusedxml parses the document first, refusing DTDs, entity expansion and external entities;
only then is the element content decoded by hand (tags skipped, the five predefined entities
and character references resolved) so each decoded character knows where it sits in the file.
"""

from __future__ import annotations

import re

from audit.core.errors import InputError

_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_CDATA = "<![CDATA["
_SKIPPED = (("<!--", "-->"), ("<?", "?>"))
_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);")


def parse_safely(text: str, path: str):
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        # the text, not its bytes: the file was read as UTF-8 (as every input is), so its XML
        # declaration's encoding (ISO-8859-1, UTF-16) must not decode it a second time: Devanagari
        # came out as mojibake, or the declaration was "incorrect"
        return SafeET.fromstring(text, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InputError(f"refused unsafe XML ({type(exc).__name__})", path, 1) from None
    except ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise InputError(f"malformed XML: {exc}", path, line) from None


def decode_content(raw: str, base: int) -> tuple[str, list[int], list[int]]:
    """Text of an element's raw inner XML, with where each character starts and ends in the file."""
    chars: list[str] = []
    offsets: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "<":
            if raw.startswith(_CDATA, i):  # its characters are text, each as written
                close = raw.find("]]>", i)
                close = len(raw) if close < 0 else close
                for at in range(i + len(_CDATA), close):
                    chars.append(raw[at])
                    offsets.append(base + at)
                    ends.append(base + at + 1)
                i = close + 3
                continue
            # inline markup (<g>, <x/>, <pc>), a comment or a processing instruction is not text
            closing = next((c for o, c in _SKIPPED if raw.startswith(o, i)), ">")
            close = raw.find(closing, i)
            i = len(raw) if close < 0 else close + len(closing)
            continue
        if ch == "&":
            m = _ENTITY.match(raw, i)
            if m:
                name = m.group(1)
                if name.startswith("#x"):
                    value = chr(int(name[2:], 16))
                elif name.startswith("#"):
                    value = chr(int(name[1:]))
                else:
                    value = _ENTITIES.get(name, m.group(0))
                chars.append(value)
                offsets.append(base + i)
                ends.append(base + m.end())
                i = m.end()
                continue
        chars.append(ch)
        offsets.append(base + i)
        ends.append(base + i + 1)
        i += 1
    return "".join(chars), offsets, ends
