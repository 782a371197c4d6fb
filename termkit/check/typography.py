"""typography: mixed writing conventions within one document.

- full-width and half-width Latin letters or digits both used (ＵＮＯＤＣ / UNODC, ２０１９ / 2019);
- hanzi next to digits or Latin written both with and without a space (``2014 年`` / ``2014年``);
- half-width punctuation after hanzi (``,`` ``;`` ``:`` ``(``) beside the full-width forms
  (，；：（);
- traditional characters in simplified text (characters OpenCC's t2s would change).

Each is reported only when both conventions really occur (the minority at least ``MIN_MINORITY``
times), with the counts of each and example places of the minority.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Finding
from ..text.chars import HANZI
from .context import CheckContext
from .findings import finding_id

NAME = "typography"
MIN_MINORITY = 2

_FULL_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_HALF_ALNUM = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+")
_SPACED = re.compile(rf"(?<=[{HANZI}]) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) +(?=[{HANZI}])")
_UNSPACED = re.compile(rf"(?<=[{HANZI}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{HANZI}])")
_HALF_PUNCT = re.compile(rf"(?<=[{HANZI}])[,;:](?=\s?[{HANZI}])|(?<=[{HANZI}])\((?=[{HANZI}])")
_FULL_PUNCT = re.compile(rf"(?<=[{HANZI}])[，；：（]")
_HANZI_RE = re.compile(f"[{HANZI}]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _traditional_chars(text: str) -> dict[str, int]:
    chars = set(_HANZI_RE.findall(text))
    convert = _t2s().convert
    return {c: text.count(c) for c in chars if convert(c) != c}


def _finding(ctx, doc, kind, message, majority, minority, matches, suggestion, confidence=0.9):
    return Finding(
        check=NAME,
        severity="warning" if confidence >= 0.8 else "info",
        message=message,
        id=finding_id(NAME, kind, doc.id),
        forms={majority[0]: {doc.id: majority[1]}, minority[0]: {doc.id: minority[1]}},
        locations=[ctx.location(doc.id, s, e, doc.text[s:e]) for s, e in matches[:10]],
        suggestion=suggestion,
        confidence=confidence,
    )


def check(ctx: CheckContext) -> list[Finding]:
    findings = []
    for doc in ctx.docs:
        text = doc.text
        full = [m.span() for m in _FULL_ALNUM.finditer(text)]
        half = _HALF_ALNUM.findall(text)
        if len(full) >= MIN_MINORITY and half:
            findings.append(
                _finding(
                    ctx,
                    doc,
                    "width",
                    f"{doc.id}: full-width letters or digits ({len(full)}×) beside half-width ones ({len(half)}×)",
                    ("half-width", len(half)),
                    ("full-width", len(full)),
                    full,
                    "write letters and digits half-width",
                )
            )
        spaced = [m.span() for m in _SPACED.finditer(text)]
        unspaced = [m.span() for m in _UNSPACED.finditer(text)]
        if min(len(spaced), len(unspaced)) >= MIN_MINORITY:
            minority_is_spaced = len(spaced) <= len(unspaced)
            minority = spaced if minority_is_spaced else unspaced
            spans = [(max(0, s - 4), e + 4) for s, e in minority]
            findings.append(
                _finding(
                    ctx,
                    doc,
                    "spacing",
                    f"{doc.id}: hanzi and digits/Latin written with a space {len(spaced)}× and without {len(unspaced)}×",
                    ("no space" if minority_is_spaced else "space", max(len(spaced), len(unspaced))),
                    ("space" if minority_is_spaced else "no space", len(minority)),
                    spans,
                    "use one convention (UN Chinese style: no space between hanzi and digits)",
                    confidence=0.8,
                )
            )
        half_p = [m.span() for m in _HALF_PUNCT.finditer(text)]
        full_p = _FULL_PUNCT.findall(text)
        if len(half_p) >= MIN_MINORITY and full_p:
            findings.append(
                _finding(
                    ctx,
                    doc,
                    "punctuation",
                    f"{doc.id}: half-width punctuation after hanzi ({len(half_p)}×) beside full-width (，；：（ {len(full_p)}×)",
                    ("full-width", len(full_p)),
                    ("half-width", len(half_p)),
                    half_p,
                    "use full-width punctuation in Chinese text",
                )
            )
        if _HANZI_RE.search(text):
            trad = _traditional_chars(text)
            n = sum(trad.values())
            if n >= MIN_MINORITY:
                spans = []
                for c in sorted(trad):
                    pos = text.find(c)
                    spans.append((pos, pos + 1))
                findings.append(
                    Finding(
                        check=NAME,
                        severity="info",
                        message=f"{doc.id}: {n} traditional characters in simplified text: {''.join(sorted(trad))}",
                        id=finding_id(NAME, "traditional", doc.id),
                        forms={c: {doc.id: k} for c, k in trad.items()},
                        locations=[ctx.location(doc.id, s, e, doc.text[s:e]) for s, e in spans[:10]],
                        suggestion="convert to simplified characters",
                        confidence=0.6,
                    )
                )
    return findings
