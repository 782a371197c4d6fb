"""English equivalents for mined Chinese terms, from the English originals (`termkit mine --source`).

    python bench/equivalents_eval.py              # P@1, coverage, time; dev and held-out halves
    python bench/equivalents_eval.py --dump DIR   # the top 100 proposals for terms the glossary lacks

The UN Parallel Corpus dev set (tests/data/unpc) is cut into 16 documents of 250 line pairs, each
written as running text (a paragraph a line) to ``docNN.en.txt`` and ``docNN.zh.txt``, paired by
name as a user's files would be. The first eight are **dev** (looked at while building), the last
eight **held-out** (no rule or weight was written against them). Each half is mined **without the
glossary** (the glossary would give its own English as evidence) and scored against it:

- **P@1**: candidates whose Chinese is a glossary form, whose best English proposal is one of that
  concept's English terms (case- and plural-insensitive, as termkit compares English keys);
- **coverage**: the share of the top 200 candidates that get an English proposal;
- **by hand**: the top 100 proposals for candidates the glossary lacks, judged by the rules of
  ``bench/data/equivalents_judging.md`` (labels: ``bench/data/equivalents_labels.tsv``);
- **time**: bilingual mining against Chinese-only mining plus aligning the same pairs (the issue's
  baseline), in the same run.

A third set, **tico19** (added 2026-12-06, after the rules and the code it measures were final;
nothing was ever built or judged against it before): TICO-19's English–Chinese memory of
COVID-19 texts (``tests/data/tico19/all.en-zh.tmx``, CC0), its units grouped by the document they
come from and written as document pairs like the UN ones — another field and other writers, so
a figure on it says how the method carries beyond the text it was built on. Its glossary is
TICO-19's own: the Facebook and Google COVID-19 terminologies (English → Chinese) beside it.
``--sets`` chooses the sets (default: all three).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.align import align_documents  # noqa: E402
from termkit.align.cooccurrence import _en_key  # noqa: E402
from termkit.glossary import load_glossary  # noqa: E402
from termkit.mine import mine  # noqa: E402
from termkit.mine.bilingual import mine_bilingual  # noqa: E402
from termkit.text.normalize import normalize_key  # noqa: E402

UNPC = ROOT / "tests" / "data" / "unpc"
GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"
TICO = ROOT / "tests" / "data" / "tico19"
LABELS = ROOT / "bench" / "data" / "equivalents_labels.tsv"
DOC_LINES = 250
TOP = 200


def write_documents(folder: Path) -> tuple[list[Path], list[Path]]:
    """16 document pairs; returns (dev folder files, held-out folder files) as [en..., zh...] lists."""
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    halves = []
    for half, docs in (("dev", range(0, 8)), ("heldout", range(8, 16))):
        d = folder / half
        (d / "en").mkdir(parents=True)
        (d / "zh").mkdir(parents=True)
        for k in docs:
            lines = slice(k * DOC_LINES, (k + 1) * DOC_LINES)
            (d / "en" / f"doc{k:02d}.en.txt").write_text("\n\n".join(en[lines]) + "\n", encoding="utf-8")
            (d / "zh" / f"doc{k:02d}.zh.txt").write_text("\n\n".join(zh[lines]) + "\n", encoding="utf-8")
        halves.append(d)
    return halves


def tico_documents(folder: Path, min_units: int = 20) -> Path:
    """TICO-19's units grouped by their source document (the ``note`` of each ``<tu>``, in file
    order), documents of at least ``min_units`` units written as ``ticoNN.en.txt`` and
    ``ticoNN.zh.txt`` (a unit a paragraph)."""
    from termkit.formats.tmx import read_tmx

    units = read_tmx(TICO / "all.en-zh.tmx")
    d = folder / "tico19"
    (d / "en").mkdir(parents=True)
    (d / "zh").mkdir(parents=True)
    k = n = 0
    while k < len(units):
        e = k
        while e < len(units) and units[e].note == units[k].note:
            e += 1
        if e - k >= min_units:
            n += 1
            (d / "en" / f"tico{n:02d}.en.txt").write_text("\n\n".join(u.source for u in units[k:e]) + "\n", "utf-8")
            (d / "zh" / f"tico{n:02d}.zh.txt").write_text("\n\n".join(u.target for u in units[k:e]) + "\n", "utf-8")
        k = e
    return d


def glossary_english():
    glossary = load_glossary([GLOSSARY])
    known = {}
    for concept in glossary.concepts:
        english = {_en_key(t.text) for t in concept.terms_in("en")}
        for t in concept.terms_in("zh"):
            known.setdefault(normalize_key(t.text), set()).update(english)
    return known


def tico_english():
    """Chinese form → English keys, from TICO-19's two terminologies. Their Chinese cells may
    hold variants (``可传染 : 有传染性``) and a bracketed English abbreviation (``艾滋病（AIDS）``):
    each variant is a form, with and without the brackets."""
    import csv

    known: dict[str, set] = {}
    for name in ("f_en-zh_CN.csv", "g_en_zh-CN.csv"):
        with open(TICO / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                en, zh = row["sourceString"].strip(), row["targetString"].strip()
                for variant in re.split(r"\s*[:;；/、]\s*", zh):
                    for form in {variant, re.sub(r"[（(][^）)]*[）)]", "", variant).strip()}:
                        if form:
                            known.setdefault(normalize_key(form), set()).add(_en_key(en))
    return known


def evaluate(name: str, folder: Path, known) -> list:
    start = time.perf_counter()
    result = mine_bilingual([folder / "zh"], [folder / "en"], top=TOP, min_freq=2, contexts=1)
    both = time.perf_counter() - start
    start = time.perf_counter()
    mine([str(folder / "zh")], top=TOP, min_freq=2, contexts=1)
    for en_path, zh_path in result.pairing.pairs:
        align_documents(en_path, zh_path)
    baseline = time.perf_counter() - start
    cands = result.mined.candidates
    covered = sum(1 for c in cands if c.english)
    in_glossary = [c for c in cands if normalize_key(c.text) in known and c.english]
    right = [c for c in in_glossary if _en_key(c.english[0].en) in known[normalize_key(c.text)]]
    wrong = [c for c in in_glossary if c not in right]
    print(f"{name}: {len(result.pairing.pairs)} document pairs, {result.segments:,} aligned segments")
    print(
        f"  coverage: {covered}/{len(cands)} of the top {TOP} candidates have an English proposal ({100 * covered / max(1, len(cands)):.1f} %)"
    )
    print(
        f"  P@1 on glossary-known candidates: {len(right)}/{len(in_glossary)} = "
        f"{100 * len(right) / max(1, len(in_glossary)):.1f} %"
    )
    for c in wrong:
        print(f"    wrong: {c.text} → {c.english[0].en} (glossary: {', '.join(sorted(known[normalize_key(c.text)]))})")
    print(
        f"  time: bilingual mining {both:.1f} s; Chinese-only mining + aligning the pairs {baseline:.1f} s ({both / baseline:.2f}×)"
    )
    return [c for c in cands if c.english and normalize_key(c.text) not in known]


def judged(unknown: list, name: str) -> None:
    labels = {}
    if LABELS.exists():
        for line in LABELS.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                half, zh, en, label, *_ = line.split("\t")
                labels[(half, zh, en)] = label
    top = unknown[:100]
    marks = [labels.get((name, c.text, c.english[0].en)) for c in top]
    right = sum(1 for m in marks if m == "right")
    done = sum(1 for m in marks if m in ("right", "wrong"))
    print(
        f"  by hand, the top {len(top)} proposals for terms the glossary lacks: {right}/{done} right"
        + (f" = {100 * right / done:.1f} %" if done else "")
        + (f" ({len(top) - done} not judged)" if done < len(top) else "")
    )


def dump(unknown: list, path: Path, name: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for c in unknown[:100]:
            best = c.english[0]
            alts = "; ".join(f"{e.en} ({e.confidence:.2f})" for e in c.english[1:])
            out.write(f"{name}\t{c.text}\t{best.en}\t{best.confidence:.2f}\talternatives: {alts or '—'}\n")
            if best.example:
                out.write(f"\t\tEN: {' '.join(best.example[0].split())[:300]}\n\t\tZH: {best.example[1][:200]}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write the top 100 unknown-term proposals of each half here")
    parser.add_argument("--sets", default="dev,heldout,tico19", help="which sets to run (dev, heldout, tico19)")
    args = parser.parse_args()
    wanted = {x.strip() for x in args.sets.split(",") if x.strip()}
    known = glossary_english()
    from termkit.align.dictionary import cedict

    cedict()  # loaded before any timing: both ways need it
    mine([str(ROOT / "seeds")], top=5, contexts=0)  # and jieba's dictionary
    with tempfile.TemporaryDirectory() as tmp:
        dev_dir, heldout_dir = write_documents(Path(tmp))
        sets = [("dev", dev_dir, known), ("heldout", heldout_dir, known)]
        sets.append(("tico19", tico_documents(Path(tmp)), tico_english()))
        for name, folder, glossary in sets:
            if name not in wanted:
                continue
            unknown = evaluate(name, folder, glossary)
            judged(unknown, name)
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                dump(unknown, args.dump / f"{name}.tsv", name)


if __name__ == "__main__":
    main()
