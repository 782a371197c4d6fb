"""English equivalents of mined candidates in the candidate files (``termkit mine --source``).

JSON Lines: ``"english": [{"en", "confidence", "evidence", "example": {"en", "zh"}}, …]``, best
first. CSV: the best proposal and the rest in one row — ``english``, ``english_confidence``,
``english_alternatives`` (``Term (0.52); Other term (0.40)``), ``english_evidence`` (``; ``-joined)
and ``english_example`` (``English sentence ||| 中文句子``).
"""

from __future__ import annotations

import re

from ..model import Candidate, Equivalent

CSV_FIELDS = ("english", "english_confidence", "english_alternatives", "english_evidence", "english_example")
EXAMPLE_SEPARATOR = " ||| "
_ALTERNATIVE_RE = re.compile(r"^(?P<en>.+?) \((?P<confidence>\d+(?:\.\d+)?)\)$")
_SPACE_RE = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def json_value(c: Candidate) -> list[dict]:
    return [
        {
            "en": e.en,
            "confidence": e.confidence,
            "evidence": list(e.evidence),
            "example": {"en": _one_line(e.example[0]), "zh": _one_line(e.example[1])} if e.example else None,
        }
        for e in c.english
    ]


def csv_values(c: Candidate) -> list[str]:
    if not c.english:
        return [""] * len(CSV_FIELDS)
    best = c.english[0]
    example = EXAMPLE_SEPARATOR.join(_one_line(x) for x in best.example) if best.example else ""
    return [
        best.en,
        f"{best.confidence:.2f}",
        "; ".join(f"{e.en} ({e.confidence:.2f})" for e in c.english[1:]),
        "; ".join(best.evidence),
        example,
    ]


def from_record(r: dict) -> list[Equivalent]:
    """The English proposals of a candidate read back from JSON Lines or CSV."""
    raw = r.get("english")
    out = []
    if isinstance(raw, list):
        for e in raw:
            if isinstance(e, dict) and isinstance(e.get("en"), str) and e["en"]:
                example = e.get("example") if isinstance(e.get("example"), dict) else None
                out.append(
                    Equivalent(
                        e["en"],
                        float(e.get("confidence") or 0),
                        [str(x) for x in e.get("evidence") or []],
                        (str(example.get("en", "")), str(example.get("zh", ""))) if example else None,
                    )
                )
        return out
    if isinstance(raw, str) and raw:
        example = r.get("english_example") or ""
        pair = tuple(example.split(EXAMPLE_SEPARATOR, 1)) if EXAMPLE_SEPARATOR in example else None
        evidence = [x.strip() for x in (r.get("english_evidence") or "").split(";") if x.strip()]
        out.append(Equivalent(raw, float(r.get("english_confidence") or 0), evidence, pair))
        for part in (r.get("english_alternatives") or "").split("; "):
            m = _ALTERNATIVE_RE.match(part.strip())
            if m:
                out.append(Equivalent(m["en"], float(m["confidence"])))
    return out
