"""Quality of `termkit mine` on the seeds against a judged term list, next to jieba's extract_tags.

    python bench/mine_eval.py [--list bench/data/seeds_terms.tsv] [--min-freq 2] [--glossary FILE]

Prints, for the miner and for the baseline (jieba.analyse.extract_tags, TF-IDF keywords), the
precision at 50/100/200 (share of the top k that the judged list accepts as terms), how many
judged terms are in the top 400, which *required* terms (UN bodies, instruments and substances
seen at least twice in the seeds; see bench/data/README.md) are missing from the top 400, and
every candidate of the top 200 that the list does not accept ("unjudged/rejected"), so that a
person can check the judgement.

Precision figures (see bench/data/README.md, "Two judgements"):

- ``main`` — a candidate counts as a term when the judged list accepts it (categories un-body,
  body, instrument, programme, substance, concept) OR it is a Chinese form of a concept of the
  project's curated glossary (glossaries/un-drug-control.csv, curated independently from the
  miner, which records some UN vocabulary the judged list's criteria reject on purpose:
  利益攸关方, 能力建设, 会员国, 国际合作 …);
- ``strict`` — the judged list alone, as before;
- ``lenient`` — the judged list also accepting general UN vocabulary (un-general) and States.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.text.normalize import normalize, normalize_key  # noqa: E402

ACCEPTED = {"un-body", "body", "instrument", "programme", "substance", "concept"}
LENIENT = ACCEPTED | {"un-general", "state"}
REQUIRED = {"un-body", "instrument", "substance"}
CLAUSE_PUNCT = re.compile(r"[，。；：、！？,;:!?（）()《》“”]")
NUMERAL_START = re.compile(r"^[0-9〇零一二三四五六七八九十百千两]")
FUNCTION_STARTS = ("关于", "经", "对", "在", "为", "以", "与", "和", "及", "的", "我们", "其", "该")


def load_judged(path: Path) -> dict[str, tuple[str, str]]:
    judged: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        term, cat = parts[0].strip(), parts[1].strip()
        note = parts[2].strip() if len(parts) > 2 else ""
        judged[normalize_key(term)] = (cat, note)
    return judged


def seed_titles(seeds: Path) -> set[str]:
    text = "\n".join(normalize(p.read_text(encoding="utf-8")).text for p in sorted(seeds.glob("*.txt")))
    return set(re.findall(r"《([^《》]+)》", text))


def seed_counts(judged: dict[str, tuple[str, str]], seeds: Path) -> Counter:
    """Occurrences of each judged term in the normalized seeds (substring count)."""
    text = "\n".join(normalize(p.read_text(encoding="utf-8")).text for p in sorted(seeds.glob("*.txt")))
    return Counter({t: text.count(t) for t in judged})


def required_terms(judged, counts, titles: set[str] = frozenset()) -> list[str]:
    """UN bodies, instruments and substances seen twice or more that a miner following the issue's
    rules can produce: no clause punctuation inside, not starting with a number (2030年…,
    三项…) or a function word (关于…, 我们…), at most 20 characters unless written as a title in
    《》, and not a fragment that a longer judged term always surrounds (第二十届特别会议 is
    always 大会第二十届特别会议 in the seeds)."""
    out = []
    for t, (cat, _) in judged.items():
        if cat not in REQUIRED or counts[t] < 2 or CLAUSE_PUNCT.search(t) or NUMERAL_START.match(t):
            continue
        if t.startswith(FUNCTION_STARTS) or (len(t) > 20 and t not in titles):
            continue
        if any(t != u and t in u and counts[u] >= counts[t] for u in judged):
            continue
        out.append(t)
    return sorted(out, key=lambda t: (-counts[t], t))


def glossary_forms(path: Path) -> set[str]:
    """The normalized Chinese forms of every concept of a curated glossary CSV (all statuses)."""
    import csv

    if not path or not path.exists():
        return set()
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            normalize_key(r["term"])
            for r in csv.DictReader(fh)
            if r.get("lang", "").lower().startswith("zh") and r.get("term", "").strip()
        }


def evaluate(
    name: str, ranked: list[str], judged, required, counts, show_rejected: bool = True, glossary: set[str] = frozenset()
) -> dict:
    keys = [normalize_key(t) for t in ranked]
    out = {"name": name}

    def strict_ok(t: str) -> bool:
        return judged.get(t, ("",))[0] in ACCEPTED

    def ok(t: str) -> bool:
        return strict_ok(t) or t in glossary

    print(f"\n=== {name}: {len(keys)} candidates ===")
    for k in (50, 100, 200):
        top = keys[:k]
        main = sum(1 for t in top if ok(t))
        strict = sum(1 for t in top if strict_ok(t))
        lenient = sum(1 for t in top if judged.get(t, ("",))[0] in LENIENT)
        denom = max(len(top), 1)
        out[f"p@{k}"] = main / denom
        out[f"p@{k}_strict"] = strict / denom
        out[f"p@{k}_lenient"] = lenient / denom
        print(
            f"precision@{k}: {main / denom:6.1%} ({main}/{len(top)})  strict {strict / denom:6.1%}"
            f"  lenient {lenient / denom:6.1%}"
        )
    top400 = set(keys[:400])
    in400 = sum(1 for t in top400 if ok(t))
    in400_strict = sum(1 for t in top400 if strict_ok(t))
    accepted_total = sum(1 for c, _ in judged.values() if c in ACCEPTED)
    out["judged_in_400"] = in400_strict
    out["terms_in_400"] = in400
    print(
        f"terms in the top 400: {in400} (judged list or glossary); strict: {in400_strict} "
        f"(of {accepted_total} judged terms)"
    )
    missing = [t for t in required if t not in top400]
    out["required_missing"] = missing
    print(
        f"required (UN bodies, instruments, substances; ≥2 occurrences) in the top 400: "
        f"{len(required) - len(missing)}/{len(required)}"
    )
    if missing:
        rank_of = {t: i + 1 for i, t in enumerate(keys)}
        print(
            "  missing: "
            + ", ".join(f"{t} [{judged[t][0]}, ×{counts[t]}, rank {rank_of.get(t, '-')}]" for t in missing)
        )
    if show_rejected:
        glossed = [
            (i + 1, t, judged.get(t, ("unjudged",))[0])
            for i, t in enumerate(keys[:200])
            if not strict_ok(t) and t in glossary
        ]
        print(f"accepted through the glossary only, in the top 200 ({len(glossed)}):")
        for i in range(0, len(glossed), 6):
            print("  " + "  ".join(f"{r}.{t}({c})" for r, t, c in glossed[i : i + 6]))
        rejected = [(i + 1, t, judged.get(t, ("unjudged",))[0]) for i, t in enumerate(keys[:200]) if not ok(t)]
        print(f"unjudged/rejected in the top 200 ({len(rejected)}):")
        for i in range(0, len(rejected), 6):
            print("  " + "  ".join(f"{r}.{t}({c})" for r, t, c in rejected[i : i + 6]))
    return out


def baseline(seeds: Path, k: int = 400) -> list[str]:
    """jieba's TF-IDF keywords over the whole seed corpus (the tool terminologists reach for)."""
    import logging

    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    return jieba.analyse.extract_tags(text, topK=k)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", default=str(ROOT / "bench/data/seeds_terms.tsv"))
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--min-freq", type=int, default=2)
    ap.add_argument("--glossary", action="append", default=[], help="mine with this glossary")
    ap.add_argument(
        "--accept-glossary",
        default=str(ROOT / "glossaries/un-drug-control.csv"),
        help="curated glossary whose Chinese forms also count as terms in the main figure "
        "('' for none: the main figure is then the strict one)",
    )
    ap.add_argument(
        "--reference",
        default="un",
        choices=["un", "general"],
        help="the miner's specificity reference (termkit.mine.reference)",
    )
    ap.add_argument("--quiet", action="store_true", help="figures only, no lists")
    args = ap.parse_args(argv)

    from termkit.mine import mine

    judged = load_judged(Path(args.list))
    seeds = Path(args.seeds)
    counts = seed_counts(judged, seeds)
    required = required_terms(judged, counts, seed_titles(seeds))
    print(
        f"judged list: {len(judged)} entries "
        f"({sum(1 for c, _ in judged.values() if c in ACCEPTED)} accepted as terms); "
        f"{len(required)} required"
    )

    t0 = time.perf_counter()
    result = mine([str(seeds)], args.glossary or None, min_freq=args.min_freq, top=400, reference=args.reference)
    dt = time.perf_counter() - t0
    ranked = [c.key or c.text for c in result]
    gloss = glossary_forms(Path(args.accept_glossary)) if args.accept_glossary else set()
    if gloss:
        print(f"glossary: {len(gloss)} Chinese forms of {args.accept_glossary} also count as terms (main figure)")
    evaluate(
        f"termkit mine (min-freq {args.min_freq}, reference {args.reference}, {dt:.1f} s)",
        ranked,
        judged,
        required,
        counts,
        not args.quiet,
        gloss,
    )
    evaluate("baseline: jieba.analyse.extract_tags", baseline(seeds), judged, required, counts, not args.quiet, gloss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
