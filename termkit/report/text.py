"""A plain-text report for the terminal: one block per card, the places to change first."""

from __future__ import annotations

from typing import IO

from .json import where


def write_text(result, out: IO[str], max_locations: int = 3) -> None:
    for card in result.cards:
        english = f"  ({card.english})" if card.english else ""
        out.write(f"{card.severity:<7} {card.title}{english}\n")
        out.write(f"        {card.problem}\n")
        forms = ", ".join(
            f"{f.form}{' ✓' if f.fix else ''}{f' [{f.status}]' if f.status and not f.fix else ''} ×{f.total}"
            for f in card.forms
        )
        out.write(f"        forms: {forms}\n")
        if card.fix:
            out.write(f"        fix: {card.fix}\n")
        for loc in card.locations[:max_locations]:
            sentence = " ".join(loc.sentence.split())
            if len(sentence) > 90:
                sentence = sentence[:90] + "…"
            out.write(f"        {where(loc)}: {sentence}\n")
        out.write(f"        ids: {' '.join(card.findings)}\n")
    by = result.card_counts()
    summary = ", ".join(f"{by[s]} {s}" for s in ("error", "warning", "info") if by.get(s))
    out.write(
        f"# {len(result.cards)} cards ({summary or 'none'}) from {len(result.findings)} findings"
        + (f"; {result.ignored_cards} cards ignored" if result.ignored_cards else "")
        + "\n"
    )
