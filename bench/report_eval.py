"""How many cards the consistency report shows, and how many a reviewer must act on.

    python bench/report_eval.py                 # cards, labelled precision, positions, recall
    python bench/report_eval.py --dump DIR      # every card as text, for labelling by hand

Two reports, judged by the rules in ``bench/data/report_judging.md`` (written before judging):
**dev** — the four seeds with the bundled glossary (the report was built looking at it) — and
**held-out** — the UN Parallel Corpus dev set (Chinese) cut into eight files of 500 lines, with
the same glossary, which no rule was written against. Labels: ``bench/data/report_labels_*.tsv``.
Also: the position of the first card for each of the seeds' known inconsistencies (艾滋病毒/艾滋病病毒,
新(型)精神活性物质, UNODC's two short forms), recall of the true variant clusters of
``bench/check_eval.py`` among the cards, and the counts before cards (raw findings).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from check_eval import LOOK_ALIKES, TRUE_CLUSTERS, together  # noqa: E402

from termkit.pipeline import check_paths  # noqa: E402
from termkit.report.json import where  # noqa: E402

GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"
UNPC = ROOT / "tests" / "data" / "unpc" / "UNv1.0.devset.zh"
LABELS = ROOT / "bench" / "data"
KNOWN = {
    "艾滋病毒/艾滋病病毒": {"艾滋病毒", "艾滋病病毒"},
    "新(型)精神活性物质": {"新精神活性物质", "新型精神活性物质"},
    "UNODC's short forms": {"毒罪办", "毒品和犯罪问题办公室"},
}


def heldout_corpus(folder: Path) -> Path:
    lines = UNPC.read_text(encoding="utf-8").splitlines(keepends=True)
    for i in range(0, len(lines), 500):
        (folder / f"unpc{i // 500:02d}.txt").write_text("".join(lines[i : i + 500]), encoding="utf-8")
    return folder


def read_labels(name: str) -> dict[str, tuple[str, str]]:
    path = LABELS / f"report_labels_{name}.tsv"
    out = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                card, label, *reason = line.split("\t")
                out[card] = (label, reason[0] if reason else "")
    return out


def dump(result, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for n, card in enumerate(result.cards, 1):
            out.write(f"## {n}. {card.id}  [{card.severity}]  {card.title}  ({card.english})\n")
            out.write(f"problem: {card.problem}\nfix: {card.fix}\n")
            for f in card.forms:
                out.write(
                    f"  form {f.form}{' ✓' if f.fix else ''} [{f.status or '—'}] ×{f.total} {f.counts}"
                    + (f"  note: {f.note}" if f.note else "")
                    + "\n"
                )
            for loc in card.locations[:6]:
                out.write(f"  at {where(loc)} «{loc.form}»: {' '.join(loc.sentence.split())[:200]}\n")
            out.write("\n")


FIRST_APPEARANCE = ("before its full form", "without its full form")


def placement_only(result, card) -> bool:
    """A card whose only findings are about where a short form first appears in a file — not
    judged on the held-out files, which are not documents (see the judging rules)."""
    by_id = {f.id: f for f in result.findings}
    return all(
        by_id[i].check == "abbreviation-use" and any(p in by_id[i].message for p in FIRST_APPEARANCE)
        for i in card.findings
    )


def precision(result, labels: dict[str, tuple[str, str]], documents: bool = True) -> str:
    counts = {"true": 0, "noise": 0, "n/a": 0}
    unlabelled = []
    for card in result.cards:
        label = labels.get(card.id, ("",))[0] or ("n/a" if not documents and placement_only(result, card) else "")
        if label in counts:
            counts[label] += 1
        else:
            unlabelled.append(card.id)
    judged = counts["true"] + counts["noise"]
    share = f"{100 * counts['true'] / judged:.1f} %" if judged else "—"
    line = f"precision {share} ({counts['true']} true, {counts['noise']} noise"
    line += f", {counts['n/a']} n/a" if counts["n/a"] else ""
    line += f"; {len(unlabelled)} unlabelled: {', '.join(unlabelled[:8])})" if unlabelled else ")"
    return line


def positions(result) -> list[str]:
    out = []
    for name, forms in KNOWN.items():
        at = next((n for n, c in enumerate(result.cards, 1) if forms <= {f.form for f in c.forms}), None)
        out.append(f"{name}: card {at}" if at else f"{name}: no card")
    return out


def recall(result) -> tuple[int, list[str]]:
    found, missed = 0, []
    for label, forms in TRUE_CLUSTERS.items():
        pairs = [(a, b) for i, a in enumerate(forms) for b in forms[i + 1 :]]
        if any(together({f.form for f in c.forms} | {c.title}, a, b) for c in result.cards for a, b in pairs):
            found += 1
        else:
            missed.append(label)
    return found, missed


def look_alikes(result) -> list[str]:
    return [
        f"{a}/{b}"
        for a, b in LOOK_ALIKES
        for c in result.cards
        if c.id.startswith(("forms:", "concept:")) and together({f.form for f in c.forms}, a, b)
    ]


def report(name: str, result, seconds: float, documents: bool = True) -> None:
    by = result.card_counts()
    severities = ", ".join(f"{by[s]} {s}" for s in ("error", "warning", "info") if by.get(s))
    print(f"{name}: {len(result.cards)} cards ({severities}) from {len(result.findings)} findings; {seconds:.1f} s")
    print(f"  {precision(result, read_labels(name), documents)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write every card of both reports here, for labelling")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        dev = check_paths([ROOT / "seeds"], [GLOSSARY], ignore_file=None)
        dev_time = time.perf_counter() - start
        start = time.perf_counter()
        heldout = check_paths([heldout_corpus(Path(tmp))], [GLOSSARY], ignore_file=None)
        heldout_time = time.perf_counter() - start
        bare = check_paths([ROOT / "seeds"], [], ignore_file=None)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        dump(dev, args.dump / "dev.md")
        dump(heldout, args.dump / "heldout.md")
        print(f"cards written to {args.dump}/dev.md and heldout.md")
    report("dev", dev, dev_time)
    print("  first card for: " + "; ".join(positions(dev)))
    found, missed = recall(dev)
    print(
        f"  true clusters of bench/check_eval.py on a card: {found}/{len(TRUE_CLUSTERS)}"
        + (f" (not: {', '.join(missed)})" if missed else "")
    )
    report("heldout", heldout, heldout_time, documents=False)
    found, missed = recall(bare)
    by = bare.card_counts()
    print(
        f"seeds without a glossary: {len(bare.cards)} cards ({', '.join(f'{by[s]} {s}' for s in ('error', 'warning', 'info') if by.get(s))}); "
        f"true clusters on a card {found}/{len(TRUE_CLUSTERS)}; look-alike pairs on a card: {len(look_alikes(bare))}"
    )


if __name__ == "__main__":
    main()
