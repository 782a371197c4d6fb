"""A plain-text report for the terminal."""

from __future__ import annotations

from typing import IO


def write_text(result, out: IO[str], max_locations: int = 2) -> None:
    for f in result.findings:
        out.write(f"{f.severity:<7} {f.check:<18} {f.id}  {f.message}\n")
        if f.suggestion:
            out.write(f"        fix: {f.suggestion}\n")
        for loc in f.locations[:max_locations]:
            sentence = " ".join(loc.sentence.split())
            if len(sentence) > 90:
                sentence = sentence[:90] + "…"
            out.write(f"        {loc.doc_id}:{loc.start}: {sentence}\n")
    summary = ", ".join(f"{check} {sum(by.values())}" for check, by in sorted(result.counts().items()))
    out.write(
        f"# {len(result.findings)} findings ({summary or 'none'})"
        + (f"; {result.ignored} ignored" if result.ignored else "")
        + "\n"
    )
