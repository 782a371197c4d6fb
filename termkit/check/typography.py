"""typography: mixed writing conventions within one document.

- full-width and half-width Latin letters or digits both used (ＵＮＯＤＣ / UNODC, ２０１９ / 2019);
- hanzi next to digits or Latin written both with and without a space (``2014 年`` / ``2014年``);
- half-width punctuation after hanzi (``,`` ``;`` ``:`` ``(``) beside the full-width forms
  (，；：（);
- characters of the other script: traditional characters in simplified text (characters OpenCC's
  t2s would change), simplified ones in traditional text (that s2t would change). Which script a
  document is checked as is what it declares — a TMX/XLIFF target tagged ``zh-TW``, ``zh-HK`` or
  ``zh-Hant`` is traditional — and plain text is simplified; the finding names it.

Each is reported only when both conventions really occur (the minority at least ``MIN_MINORITY``
times), with the counts of each and example places of the minority.
"""

from __future__ import annotations

import heapq
import re
from functools import lru_cache
from itertools import islice

from ..formats.vocabulary import is_traditional
from ..model import Finding
from ..text.chars import HANZI
from .context import CheckContext
from .findings import finding_id

NAME = "typography"
MIN_MINORITY = 2
_SHOWN = 10  # places of the minority a finding lists

# Each pattern starts with the rarer character of what it finds (a space, a letter or digit, a
# punctuation mark), never with a hanzi or a look-behind, so that the regex engine skips through
# long Chinese text to the candidates; what must stand before that character is a look-behind over
# it. "L" below: a half-width letter or digit.
_L = "A-Za-z0-9"
_FULL_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_HALF_ALNUM = re.compile(rf"[{_L}]+")  # runs: each starts after a character that is none of these
# spaces between hanzi and L, or between L and hanzi (from the run's first space)
_SPACED = re.compile(rf" (?:(?<=[{HANZI}] ) *(?=[{_L}])|(?<=[{_L}] ) *(?=[{HANZI}]))")
# the empty place between hanzi and L (before the L), and between L and hanzi (after the L)
_UNSPACED_BEFORE = re.compile(rf"[{_L}](?<=[{HANZI}][{_L}])")
_UNSPACED_AFTER = re.compile(rf"[{_L}](?=[{HANZI}])")
_HALF_PUNCT = re.compile(rf"[,;:](?<=[{HANZI}][,;:])(?=\s?[{HANZI}])|\((?<=[{HANZI}]\()(?=[{HANZI}])")
_FULL_PUNCT = re.compile(rf"[，；：（](?<=[{HANZI}][，；：（])")
_HANZI_RE = re.compile(f"[{HANZI}]")


@lru_cache(maxsize=2)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def _other_script_chars(text: str, traditional: bool) -> dict[str, int]:
    """Characters of the script the text is not in: those t2s would change in simplified text,
    those s2t would change (and t2s would not: a traditional character is left alone) in
    traditional text."""
    chars = {c for c in set(text) if _HANZI_RE.match(c)}
    if traditional:
        to_trad, to_simp = _opencc("s2t").convert, _opencc("t2s").convert
        return {c: text.count(c) for c in chars if to_trad(c) != c and to_simp(c) == c}
    convert = _opencc("t2s").convert
    return {c: text.count(c) for c in chars if convert(c) != c}


def _finding(ctx, doc, kind, message, majority, minority, matches, suggestion, confidence=0.9):
    return Finding(
        check=NAME,
        severity="warning" if confidence >= 0.8 else "info",
        message=message,
        id=finding_id(NAME, kind, doc.id),
        forms={majority[0]: {doc.id: majority[1]}, minority[0]: {doc.id: minority[1]}},
        locations=[ctx.location(doc.id, s, e, doc.text[s:e]) for s, e in matches[:_SHOWN]],
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
        # counted first (findall makes no match objects); the places only of the minority, and
        # only as many as a finding shows
        spaced = len(_SPACED.findall(text))
        unspaced = len(_UNSPACED_BEFORE.findall(text)) + len(_UNSPACED_AFTER.findall(text))
        if min(spaced, unspaced) >= MIN_MINORITY:
            minority_is_spaced = spaced <= unspaced
            if minority_is_spaced:
                places = (m.span() for m in _SPACED.finditer(text))
            else:  # in text order (no place is both)
                places = heapq.merge(
                    ((m.start(), m.start()) for m in _UNSPACED_BEFORE.finditer(text)),
                    ((m.end(), m.end()) for m in _UNSPACED_AFTER.finditer(text)),
                )
            spans = [(max(0, s - 4), e + 4) for s, e in islice(places, _SHOWN)]
            findings.append(
                _finding(
                    ctx,
                    doc,
                    "spacing",
                    f"{doc.id}: hanzi and digits/Latin written with a space {spaced}× and without {unspaced}×",
                    ("no space" if minority_is_spaced else "space", max(spaced, unspaced)),
                    ("space" if minority_is_spaced else "no space", min(spaced, unspaced)),
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
            findings += _script(ctx, doc)
    return findings


def _script(ctx: CheckContext, doc) -> list[Finding]:
    traditional = is_traditional(doc.lang)
    other = _other_script_chars(doc.text, traditional)
    n = sum(other.values())
    if n < MIN_MINORITY:
        return []
    spans = [(doc.text.find(c), doc.text.find(c) + 1) for c in sorted(other)]
    if traditional:
        message = f"{doc.id}: checked as traditional Chinese ({doc.lang}): {n} simplified characters in it"
        kind, fix = "simplified", f"convert to traditional characters (the file declares {doc.lang})"
    else:
        declared = f" ({doc.lang})" if doc.lang not in ("zh", "") else ""
        message = f"{doc.id}: checked as simplified Chinese{declared}: {n} traditional characters in simplified text"
        kind, fix = "traditional", "convert to simplified characters"
    return [
        Finding(
            check=NAME,
            severity="info",
            message=f"{message}: {''.join(sorted(other))}",
            id=finding_id(NAME, kind, doc.id),
            forms={c: {doc.id: k} for c, k in other.items()},
            locations=[ctx.location(doc.id, s, e, doc.text[s:e]) for s, e in spans[:10]],
            suggestion=fix,
            confidence=0.6,
        )
    ]
