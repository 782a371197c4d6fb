"""Mined term candidates as files: written as CSV (spreadsheets), JSON Lines (tools) or a ranked
text table, and read back from CSV or JSON Lines (``termkit export`` turns them into proposed
entries).

CSV columns and JSON keys are the same names, in this order (:data:`FIELDS`):

``rank, group, role, head, text, score, freq, doc_freq, pinyin, status, concept, preferred,
abbreviation_of, abbreviation_inferred, abbreviations, cvalue, cohesion, entropy_left,
entropy_right, specificity, evidence, contexts``, then the English equivalents (mining with
``--source``): in CSV ``english, english_confidence, english_alternatives, english_evidence,
english_example``, in JSON one ``english`` list (:mod:`.equivalents`)

- One row per mined form, in concept order: ``group`` is the number of its candidate concept
  (1 = the best), ``role`` what the form is to it (``head``: the concept's longest complete name;
  ``abbreviation``, ``short form``, ``edition``, ``variant``), ``head`` the head's text; ``rank``
  numbers the rows.
- ``evidence``: what raised or lowered the rank, in words (``title in 《》``, ``name head 委员会``,
  ``general-language word 国际``; in CSV joined by ``; ``).

- ``text`` is the candidate as the corpus writes it; ``status`` its glossary status (known,
  variant, pinyin, fuzzy, partial, new); ``concept`` and ``preferred`` the glossary concept it
  matched and that concept's preferred Chinese term.
- ``abbreviation_of``: the full form when the corpus defines the candidate as an abbreviation
  (毒罪办 → 联合国毒品和犯罪问题办公室), or when it is shaped like one of a body's name it holds
  though never defined (麻委会 → 麻醉药品委员会): ``abbreviation_inferred`` is then true (CSV
  ``yes``), a link to check; ``abbreviations``: the short forms defined for it.
- ``contexts``: example sentences with the document and the candidate's offsets in the
  original text. In JSON a list of ``{"doc", "start", "end", "sentence"}``; in CSV one cell,
  ``doc:start-end sentence`` entries separated by `` | ``. CSV lists use ``; ``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..model import Candidate, Concept, Context, Match, Term
from . import equivalents
from .candidate_records import json_record
from .cells import safe_writer
from .limits import read_limited_text
from .registry import candidates_file_format

FIELDS = (
    "rank",
    "group",
    "role",
    "head",
    "text",
    "score",
    "freq",
    "doc_freq",
    "pinyin",
    "status",
    "concept",
    "preferred",
    "abbreviation_of",
    "abbreviation_inferred",
    "abbreviations",
    "cvalue",
    "cohesion",
    "entropy_left",
    "entropy_right",
    "specificity",
    "evidence",
    "contexts",
    *equivalents.CSV_FIELDS,  # CSV; JSON Lines has one "english" list (see formats/equivalents.py)
)
FORMATS = ("table", "csv", "jsonl")
# The mining statistics among the fields (a proposed termbase entry carries them too).
STATISTICS = ("cvalue", "cohesion", "entropy_left", "entropy_right", "specificity")
_SPACE_RE = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def record(c: Candidate, rank: int, group: int = 0) -> dict:
    """One candidate as a flat dict with the :data:`FIELDS` keys (JSON-ready); ``group``: the
    number of its candidate concept (its rank when 0)."""
    concept = preferred = ""
    if c.match is not None:
        concept = c.match.concept.id
        pref = c.match.concept.preferred("zh")
        preferred = pref.text if pref is not None else ""
    s = c.scores or {}
    return {
        "rank": rank,
        "group": group or rank,
        "role": c.role or "head",
        "head": c.group or c.text,
        "text": c.text,
        "score": c.score,
        "freq": c.freq,
        "doc_freq": c.doc_freq,
        "pinyin": c.pinyin,
        "status": c.status,
        "concept": concept,
        "preferred": preferred,
        "abbreviation_of": c.abbreviation_of,
        "abbreviation_inferred": c.abbreviation_inferred,
        "abbreviations": list(c.abbreviations),
        "cvalue": s.get("cvalue"),
        "cohesion": s.get("cohesion"),
        "entropy_left": s.get("entropy_left"),
        "entropy_right": s.get("entropy_right"),
        "specificity": s.get("specificity"),
        "evidence": list(c.evidence),
        "contexts": [
            {"doc": x.doc_id, "start": x.start, "end": x.end, "sentence": _one_line(x.sentence)} for x in c.contexts
        ],
        "english": equivalents.json_value(c),
    }


def numbered(candidates: Iterable[Candidate]) -> Iterable[tuple[int, int, Candidate]]:
    """``(rank, concept number, candidate)``: a new concept starts at each head, and wherever the
    head named by ``group`` changes (a candidate without a role is a concept of its own)."""
    group = 0
    previous = None
    for n, c in enumerate(candidates, 1):
        if c.role in ("", "head") or previous is None or c.group != previous.group:
            group += 1
        previous = c
        yield n, group, c


def write_jsonl(candidates: Iterable[Candidate], out: IO[str]) -> int:
    n = 0
    for n, g, c in numbered(candidates):
        out.write(json.dumps(record(c, n, g), ensure_ascii=False) + "\n")
    return n


def write_csv(candidates: Iterable[Candidate], out: IO[str]) -> int:
    w = safe_writer(out, lineterminator="\n")
    w.writerow(FIELDS)
    n = 0
    for n, g, c in numbered(candidates):
        r = record(c, n, g)
        r["abbreviations"] = "; ".join(r["abbreviations"])
        r["evidence"] = "; ".join(r["evidence"])
        r["abbreviation_inferred"] = "yes" if r["abbreviation_inferred"] else ""
        r["contexts"] = " | ".join(f"{x['doc']}:{x['start']}-{x['end']} {x['sentence']}" for x in r["contexts"])
        r.update(zip(equivalents.CSV_FIELDS, equivalents.csv_values(c)))
        w.writerow(["" if r[f] is None else r[f] for f in FIELDS])
    return n


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _clip(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, w = "", 0
    for ch in text:
        cw = display_width(ch)
        if w + cw > width - 1:
            break
        out += ch
        w += cw
    return out + "…"


def _note(c: Candidate) -> str:
    notes = []
    if c.abbreviation_of:
        notes.append(f"= {c.abbreviation_of}" + (" (inferred)" if c.abbreviation_inferred else ""))
    if c.abbreviations:
        notes.append("abbr. " + ", ".join(c.abbreviations))
    if c.match is not None and c.status != "known":
        pref = c.match.concept.preferred("zh")
        target = pref.text if pref is not None else c.match.term.text
        if c.status == "variant":
            notes.append(f"→ {target} ({c.match.concept.id})")
        elif c.status == "new-variant":
            notes.append(f"new Chinese form of {c.match.concept.id} ({target})")
        else:
            notes.append(f"~ {c.match.term.text} ({c.match.concept.id})")
    if c.english:
        notes.append(f"EN: {c.english[0].en}")
    return "; ".join(notes)


def marked(sentence: str, form: str, before: int = 30) -> str:
    """The sentence with the first occurrence of ``form`` marked 【…】 (spaces folded), cut to
    start at most ``before`` characters ahead of it."""
    line = _one_line(sentence)
    i = line.find(form)
    if i < 0:
        return line
    start = max(0, i - before)
    return ("…" if start else "") + line[start:i] + "【" + form + "】" + line[i + len(form) :]


def write_table(
    candidates: Iterable[Candidate],
    out: IO[str],
    term_width: int = 30,
    pinyin_width: int = 34,
    example_width: int = 100,
) -> int:
    """A ranked table for the terminal, one candidate concept a block: its head, its other forms
    indented under it (each with its own counts), then why it ranks where it does and one example
    sentence with the head marked 【…】 (wide characters are padded as two columns)."""
    rows = list(numbered(candidates))
    if not rows:
        return 0
    tw = min(term_width, max(display_width(c.text) + (2 if c.role not in ("", "head") else 0) for _, _, c in rows))
    tw = max(tw, 4)
    header = f"{'#':>4}  {_pad('term', tw)}  {'score':>6}  {'freq':>5}  {'docs':>4}  {'status':<8}  {_pad('pinyin', pinyin_width)}  note"
    out.write(header.rstrip() + "\n")
    for i, (_, g, c) in enumerate(rows):
        member = c.role not in ("", "head")
        shown = ("  " + c.text) if member else c.text
        number = f"{'':>4}" if member else f"{g:>4}"
        note = _note(c)
        if member:
            note = "; ".join(x for x in (c.role, note) if x)
        line = (
            f"{number}  {_pad(_clip(shown, tw), tw)}  {c.score:>6.2f}  {c.freq:>5}  {c.doc_freq:>4}  {c.status:<8}  "
            f"{_pad(_clip(c.pinyin, pinyin_width), pinyin_width)}  {note}"
        )
        out.write(line.rstrip() + "\n")
        last = i + 1 == len(rows) or rows[i + 1][1] != g
        if last:
            head = next(x for _, gg, x in rows if gg == g)
            if head.evidence:
                out.write(f"{'':>6}why: " + "; ".join(head.evidence) + "\n")
            if head.contexts:
                out.write(f"{'':>6}e.g. " + _clip(marked(head.contexts[0].sentence, head.text), example_width) + "\n")
    return len(rows)


def write_candidates(candidates: Iterable[Candidate], out: IO[str], fmt: str = "table") -> int:
    """Write candidates in ``fmt`` (table, csv or jsonl); returns how many were written."""
    if fmt == "csv":
        return write_csv(candidates, out)
    if fmt == "jsonl":
        return write_jsonl(candidates, out)
    if fmt == "table":
        return write_table(candidates, out)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


# --------------------------------------------------------------------------------------------
# reading

_CONTEXT_RE = re.compile(r"^(?P<doc>.+?):(?P<start>\d+)-(?P<end>\d+) (?P<sentence>.*)$", re.S)


def _candidate_from_record(r: dict, path: str, line: int) -> Candidate:
    def num(key, kind=float):
        v = r.get(key)
        if v in (None, ""):
            return None
        try:
            value = kind(v)
        except (TypeError, ValueError, OverflowError):
            raise InputError(f"{key} is not a number: {v!r}", path, line) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(f"{key} is not a finite number: {v!r}", path, line)
        return value

    text = r.get("text")
    if not isinstance(text, str) or not text:
        raise InputError("candidate without text", path, line)
    scores = {k: num(k) for k in STATISTICS}
    contexts = []
    raw = r.get("contexts") or []
    if isinstance(raw, str):
        items = []
        for part in raw.split(" | ") if raw else []:
            m = _CONTEXT_RE.match(part)
            if m:
                items.append({"doc": m["doc"], "start": m["start"], "end": m["end"], "sentence": m["sentence"]})
            elif part.strip():
                items.append({"doc": "", "start": 0, "end": 0, "sentence": part})
        raw = items
    for x in raw:
        contexts.append(
            Context(str(x.get("doc", "")), int(x.get("start") or 0), int(x.get("end") or 0), str(x.get("sentence", "")))
        )
    abbreviations = r.get("abbreviations") or []
    if isinstance(abbreviations, str):
        abbreviations = [a.strip() for a in abbreviations.split(";") if a.strip()]
    evidence = r.get("evidence") or []
    if isinstance(evidence, str):
        evidence = [a.strip() for a in evidence.split(";") if a.strip()]
    c = Candidate(
        text=text,
        freq=num("freq", int) or 0,
        doc_freq=num("doc_freq", int) or 0,
        score=num("score") or 0.0,
        scores={k: v for k, v in scores.items() if v is not None},
        contexts=contexts,
        pinyin=r.get("pinyin") or "",
        status=r.get("status") or "new",
        abbreviation_of=r.get("abbreviation_of") or "",
        abbreviation_inferred=str(r.get("abbreviation_inferred") or "").lower() in ("true", "yes", "1"),
        abbreviations=list(abbreviations),
        english=equivalents.from_record(r),
        group=str(r.get("head") or ""),
        role=str(r.get("role") or ""),
        evidence=[str(x) for x in evidence],
    )
    if r.get("concept"):
        pref = Term(text=r.get("preferred") or "", lang="zh")
        concept = Concept(id=r["concept"], terms=[pref] if pref.text else [])
        c.match = Match(query=text, concept=concept, term=pref, kind=c.status, score=0.0)
    return c


def read_candidates(path: str | os.PathLike) -> list[Candidate]:
    """Candidates from a file written by ``termkit mine`` (JSON Lines or CSV, by the file's
    extension), in file order."""
    shown = str(path)
    text = read_limited_text(path, "a candidates file")
    out = []
    if candidates_file_format(path) == "jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            record = json_record(line, shown, n, STATISTICS)
            out.append(_candidate_from_record(record, shown, n))
        return out
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for record in reader:
            out.append(_candidate_from_record(record, shown, reader.line_num))
    except csv.Error as exc:
        raise InputError(f"bad CSV: {exc}", shown, reader.line_num) from None
    return out


_FINDING_ID_RE = re.compile(r"^[a-z][a-z_-]*:[0-9a-f]{6,}$")


def read_ignore_forms(path: str | os.PathLike) -> set[str]:
    """Forms never to propose again: one a line (what follows a tab is a note), ``#`` starts a
    comment. Lines that are finding ids (``variant-forms:1a2b3c4d``, as ``termkit check``'s ignore
    file holds) are skipped, so one review file can serve both commands."""
    if not Path(path).exists():
        raise InputError("ignore file not found", str(path))
    text = read_limited_text(path, "an ignore file")
    forms = set()
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        form = line.split("\t", 1)[0].strip()
        if form and not _FINDING_ID_RE.match(form):
            forms.add(form)
    return forms
