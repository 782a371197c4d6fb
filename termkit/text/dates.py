"""The date of a document: when a form of a name was right depends on it.

A UN document carries its date on the cover page (``16 February 2024`` under the symbol, or the
meeting dates ``2024年3月14日至22日``). When the cover has none, the latest date the text mentions
stands in for it: a report is written after what it reports, so the estimate errs late — which
only ever flags a former name that may still have been right, never clears a wrong one.
"""

from __future__ import annotations

import re

COVER_LINES = 40
_MONTHS = "january february march april may june july august september october november december".split()
_EN_DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_ZH_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_ISO_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _iso(year: str, month: str | int, day: str | int | None) -> str | None:
    y, m, d = int(year), int(month), int(day) if day else 1
    if not (1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _dates(text: str) -> list[str]:
    found = []
    for m in _EN_DATE_RE.finditer(text):
        found.append((m.start(), _iso(m.group(3), _MONTHS.index(m.group(2).lower()) + 1, m.group(1))))
    for m in _ZH_DATE_RE.finditer(text):
        found.append((m.start(), _iso(m.group(1), m.group(2), m.group(3))))
    return [d for _, d in sorted(found) if d]


def cover_date(text: str) -> str:
    """The first full date on the cover page (its first lines), as ``YYYY-MM-DD``, or ""."""
    cover = "\n".join(text.splitlines()[:COVER_LINES])
    dates = _dates(cover)
    return dates[0] if dates else ""


def document_date(text: str) -> str:
    """The cover page's date, else the latest date the text mentions, else ""."""
    return cover_date(text) or max(_dates(text), default="")


def parse_date(value: str) -> str:
    """``2019``, ``2019-01`` or ``2019-01-01`` (as written in a glossary or given with --date) → a
    full ISO date (the first day of the year or month); ValueError otherwise."""
    value = value.strip()
    if not _ISO_RE.match(value):
        raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = value.split("-") + ["01", "01"]
    iso = _iso(parts[0], parts[1], parts[2])
    if iso is None:
        raise ValueError(f"not a date: {value!r}")
    return iso


def valid_on(date: str, valid_from: str = "", valid_until: str = "") -> bool | None:
    """Was a form with this validity right on ``date``? None when the date is unknown."""
    if not date:
        return None
    if valid_from and date < parse_date(valid_from):
        return False
    return not (valid_until and date >= parse_date(valid_until))
