"""The output folder of ``termkit run``: what a run writes there, and whose results it holds.

A run records its inputs in ``termkit-run.json`` beside its outputs. A later run into the same
folder with the same corpus and glossaries replaces them quietly (it is the same job again, perhaps
with other options); one with other inputs would silently replace someone's results, so it stops
unless told to (``force``). Files of the previous run that this run does not write (a termbase
from a run that had a glossary, say) are removed, so the folder never mixes two runs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError

RECORD = "termkit-run.json"
# Every file a run may write; a folder holding any of them holds a run's results.
OUTPUTS = (
    "candidates.csv",
    "proposed.csv",
    "proposed.tbx",
    "termbase.csv",
    "termbase.tbx",
    "termbase-v3.tbx",
    "report.html",
    "report.json",
    "report.csv",
    "report.xlsx",
    RECORD,
)


def run_inputs(corpus: Iterable[str | os.PathLike], glossaries: Iterable[str | os.PathLike]) -> dict:
    """What identifies a run's results: its corpus and glossaries, as absolute paths."""
    return {
        "corpus": sorted(str(Path(p).resolve()) for p in corpus),
        "glossaries": sorted(str(Path(p).resolve()) for p in glossaries),
    }


def claim(out: Path, inputs: dict, force: bool = False) -> None:
    """Make ``out`` ready for a run with ``inputs``, or stop when it holds another run's results."""
    if out.exists() and not out.is_dir():
        raise InputError("output exists and is not a folder", str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder: {exc.strerror or exc}", str(out)) from None
    present = [name for name in OUTPUTS if (out / name).exists()]
    if not present or force:
        return
    previous = _read_record(out / RECORD)
    if previous == inputs:
        return
    if previous is None:
        why = f"it holds results ({', '.join(present[:3])}{', …' if len(present) > 3 else ''}) of a run whose inputs are unknown"
    else:
        differ = [k for k in ("corpus", "glossaries") if previous.get(k) != inputs[k]]
        what = " and ".join("corpus" if k == "corpus" else "glossary" for k in differ)
        shown = "; ".join(f"{k}: {', '.join(previous.get(k) or []) or 'none'}" for k in differ)
        why = f"it holds the results of a run with another {what} ({shown})"
    raise InputError(f"{why}; use --force to replace them, or choose another folder", str(out))


def finish(out: Path, inputs: dict, written: Iterable[Path]) -> Path:
    """Remove what an earlier run left that this one did not write, and record this run's inputs."""
    from .formats.atomic import atomic_write

    keep = {Path(p).name for p in written} | {RECORD}
    for name in OUTPUTS:
        if name not in keep and (out / name).exists():
            (out / name).unlink()
    path = out / RECORD
    with atomic_write(path) as fh:
        json.dump({**inputs, "files": sorted(keep - {RECORD})}, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return path


def _read_record(path: Path) -> dict | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    return {"corpus": record.get("corpus"), "glossaries": record.get("glossaries")}
