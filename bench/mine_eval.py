"""Quality of `termkit mine`, judged by hand, next to jieba's extract_tags on the same text.

    python bench/mine_eval.py [--quiet] [--unjudged FILE] [--write-recall]

Three runs of the miner and the baseline on each corpus (see bench/data/mine_judging.md, the
judging rules, written before any label):

- seeds, no glossary — the four seed documents (dev: the miner's rules were built reading them);
- seeds, with the glossary — glossaries/un-drug-control.csv;
- held-out — lines 2001–4000 of the Chinese UN Parallel Corpus dev set
  (tests/data/unpc/UNv1.0.devset.zh) cut into 20 files of 100 lines, mined without a glossary;
  no rule was written against it, and the miner's general-UN reference is built from lines
  1–2000 only (bench/mine_reference.py);
- baseline — jieba.analyse.extract_tags (TF-IDF keywords) on each corpus.

For each run it prints P@50 and P@100 over candidate *concepts* (a head with the forms grouped
under it; a group counts when its head is labelled ``term`` and every grouped form names the
same concept), the labels kept in bench/data/mine_labels_*.tsv and mine_groups_*.tsv; forms or
pairs not yet labelled are listed (and counted as wrong) — ``--unjudged FILE`` writes them as
TSV lines to label. For the seeds it prints the recall of bench/data/seeds_recall.tsv (the
seeds' domain terms, with the classes issue 18 names) in the top 400, heads and grouped forms,
and the mining time. ``--write-recall`` rebuilds seeds_recall.tsv from the judged list
(bench/data/seeds_terms.tsv) and the issue's terms (see bench/data/mine_judging.md).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.text.normalize import normalize, normalize_key  # noqa: E402

DATA = ROOT / "bench" / "data"
UNPC_ZH = ROOT / "tests" / "data" / "unpc" / "UNv1.0.devset.zh"
HELDOUT_LINES = (2001, 4000)
HELDOUT_FILE_LINES = 100
GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"
TOP_JUDGED = 100
TOP_RECALL = 400

# --- the recall list ---------------------------------------------------------------------------

#: The classes of terms issue 18 names as missing (single-word domain terms, the institution's
#: vocabulary, names beginning with a number, names with a negation or 《》 inside).
ISSUE_TERMS = """会员国 艾滋病 麻醉药品 洗钱 人权 大会 能力建设 技术援助 刑事司法 民间社会 跨国有组织犯罪 芬太尼 鸦片
2030年可持续发展议程 预防犯罪和刑事司法 秘书长 缔约国 民间社会 维持和平行动 儿基会 千年发展目标 2015年后发展议程
不扩散核武器条约 《巴黎公约》协调股""".split()
RECALL_CATEGORIES_2 = {"un-body", "instrument", "substance"}  # seen at least twice
RECALL_CATEGORIES_5 = {"concept", "body", "programme"}  # seen at least five times
_CLAUSE_PUNCT = re.compile(r"[，。；：、！？,;:!?（）()“”]")
_COUNT_START = re.compile(r"^(?:[0-9]+[^0-9年]|[〇零一二三四五六七八九十百两][项个次届种])")
_FUNCTION_STARTS = ("关于", "经", "对", "在", "为", "以", "与", "和", "及", "的", "我们", "其", "该")


def seeds_text(seeds: Path) -> str:
    return "\n".join(normalize(p.read_text(encoding="utf-8")).text for p in sorted(seeds.glob("*.txt")))


def load_judged(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            out[normalize_key(parts[0].strip())] = parts[1].strip()
    return out


def recall_list(seeds: Path) -> list[tuple[str, str, int]]:
    """``(term, why, occurrences)``: the seeds' domain terms a miner should find (see the module)."""
    text = seeds_text(seeds)
    judged = load_judged(DATA / "seeds_terms.tsv")
    picked: dict[str, str] = {}
    for t, cat in judged.items():
        n = text.count(t)
        if (cat in RECALL_CATEGORIES_2 and n >= 2) or (cat in RECALL_CATEGORIES_5 and n >= 5):
            picked[t] = cat
    for t in ISSUE_TERMS:
        if text.count(t) >= 2:
            picked.setdefault(normalize_key(t), "issue 18")
    counts = {t: text.count(t) for t in picked}
    out = []
    for t, why in picked.items():
        if _CLAUSE_PUNCT.search(t) or _COUNT_START.match(t) or t.startswith(_FUNCTION_STARTS) or len(t) > 20:
            continue
        if any(t != u and t in u and counts[u] >= counts[t] for u in picked):
            continue  # always inside a longer listed term (第二十届特别会议 in 大会第二十届特别会议)
        out.append((t, why, counts[t]))
    return sorted(out, key=lambda x: (-x[2], x[0]))


def read_recall(path: Path) -> list[str]:
    return [
        line.split("\t")[0]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


# --- labels ------------------------------------------------------------------------------------


def read_labels(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            out[normalize_key(parts[0])] = parts[1].strip()
    return out


def read_pairs(path: Path) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            a, b = normalize_key(parts[0]), normalize_key(parts[1])
            out[(a, b)] = out[(b, a)] = parts[2].strip()  # one concept or two, whichever is the head
    return out


# --- the runs ----------------------------------------------------------------------------------


def heldout_corpus(directory: Path) -> Path:
    """Lines 2001–4000 of the UNPC dev set, as 20 files of 100 lines."""
    lines = UNPC_ZH.read_text(encoding="utf-8").splitlines()[HELDOUT_LINES[0] - 1 : HELDOUT_LINES[1]]
    for k in range(0, len(lines), HELDOUT_FILE_LINES):
        part = directory / f"unpc_heldout_{k // HELDOUT_FILE_LINES + 1:02d}.txt"
        part.write_text("\n".join(lines[k : k + HELDOUT_FILE_LINES]) + "\n", encoding="utf-8")
    return directory


def mined_groups(corpus: Path, glossary: Path | None = None) -> tuple[list[list[str]], float]:
    """The miner's top concepts as ``[head, form, …]`` lists (normalized), and the seconds taken."""
    from termkit.mine import mine
    from termkit.mine.concepts import groups_of

    t0 = time.perf_counter()
    result = mine([str(corpus)], [str(glossary)] if glossary else None, top=TOP_RECALL)
    dt = time.perf_counter() - t0
    return [[c.key or normalize_key(c.text) for c in g] for g in groups_of(result.candidates)], dt


def jieba_groups(corpus: Path) -> list[list[str]]:
    """jieba's TF-IDF keywords over the whole corpus, one group each."""
    import logging

    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    return [[normalize_key(t)] for t in jieba.analyse.extract_tags(text, topK=TOP_RECALL)]


def judge(groups, labels, pairs, unjudged: list) -> list[bool]:
    """Whether each group is right (its head a term, every form the same concept)."""
    out = []
    for g in groups:
        head = g[0]
        label = labels.get(head)
        if label is None:
            unjudged.append(("form", head, ""))
        ok = label == "term"
        for m in g[1:]:
            same = pairs.get((head, m))
            if same is None:
                unjudged.append(("pair", head, m))
            ok = ok and same == "same"
        out.append(ok)
    return out


def report(name: str, groups, labels, pairs, quiet: bool, unjudged_all: list, corpus: str) -> dict:
    unjudged: list = []
    ok = judge(groups[:TOP_JUDGED], labels, pairs, unjudged)
    res = {}
    line = f"{name:34}"
    for k in (50, 100):
        top = ok[:k]
        res[k] = sum(top) / max(len(top), 1)
        line += f"  P@{k} {res[k]:6.1%} ({sum(top)}/{len(top)})"
    line += f"  unjudged {len(unjudged)}" if unjudged else ""
    print(line)
    by_label = Counter(labels.get(g[0], "unjudged") for g in groups[:TOP_JUDGED])
    print("   heads of the top 100 by label: " + ", ".join(f"{k} {v}" for k, v in by_label.most_common()))
    if not quiet:
        wrong = [
            f"{i + 1}.{g[0]}({labels.get(g[0], '?')})" + ("+" + "/".join(g[1:]) if len(g) > 1 else "")
            for i, (g, good) in enumerate(zip(groups[:TOP_JUDGED], ok, strict=False))
            if not good
        ]
        for i in range(0, len(wrong), 5):
            print("     " + "  ".join(wrong[i : i + 5]))
    unjudged_all.extend((corpus, *u) for u in unjudged)
    return res


def recall(groups, terms: list[str]) -> tuple[int, list[str]]:
    found = {k for g in groups[:TOP_RECALL] for k in g}
    missing = [t for t in terms if t not in found]
    return len(terms) - len(missing), missing


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--quiet", action="store_true", help="figures only, not the wrong groups")
    ap.add_argument("--unjudged", metavar="FILE", help="write the forms and pairs still to label here")
    ap.add_argument("--write-recall", action="store_true", help="rebuild bench/data/seeds_recall.tsv")
    ap.add_argument("--dev", action="store_true", help="the seeds only: leave the held-out corpus unseen")
    args = ap.parse_args(argv)
    seeds = Path(args.seeds)

    if args.write_recall:
        rows = recall_list(seeds)
        head = (
            "# term\twhy\toccurrences in the seeds — the seeds' domain terms a miner should find in its top 400\n"
            "# (bench/mine_eval.py --write-recall; rules in bench/data/mine_judging.md, 'Recall')\n"
        )
        (DATA / "seeds_recall.tsv").write_text(head + "".join(f"{t}\t{w}\t{n}\n" for t, w, n in rows), encoding="utf-8")
        print(f"bench/data/seeds_recall.tsv: {len(rows)} terms")
        return 0

    labels_seeds, pairs_seeds = read_labels(DATA / "mine_labels_seeds.tsv"), read_pairs(DATA / "mine_groups_seeds.tsv")
    labels_held, pairs_held = (
        read_labels(DATA / "mine_labels_heldout.tsv"),
        read_pairs(DATA / "mine_groups_heldout.tsv"),
    )
    terms = read_recall(DATA / "seeds_recall.tsv")
    unjudged: list = []
    figures = {}

    plain, t_plain = mined_groups(seeds)
    glossed, t_glossed = mined_groups(seeds, GLOSSARY)
    print(f"mining the seeds: {t_plain:.2f} s without the glossary, {t_glossed:.2f} s with it (first run loads jieba)")
    print("\n== seeds (dev) ==")
    figures["seeds"] = report("termkit mine", plain, labels_seeds, pairs_seeds, args.quiet, unjudged, "seeds")
    figures["seeds+g"] = report(
        "termkit mine -g un-drug-control", glossed, labels_seeds, pairs_seeds, args.quiet, unjudged, "seeds"
    )
    figures["jieba-seeds"] = report(
        "jieba extract_tags", jieba_groups(seeds), labels_seeds, pairs_seeds, args.quiet, unjudged, "seeds"
    )
    for name, groups in (("without the glossary", plain), ("with the glossary", glossed)):
        n, missing = recall(groups, terms)
        print(f"recall of seeds_recall.tsv in the top {TOP_RECALL}, {name}: {n}/{len(terms)} = {n / len(terms):.1%}")
        if missing and not args.quiet:
            print("   missing: " + ", ".join(missing))

    with tempfile.TemporaryDirectory() as tmp:
        if args.dev:
            tmp = None
        corpus = heldout_corpus(Path(tmp)) if tmp else None
        if corpus is None:
            pass
        else:
            held, t_held = mined_groups(corpus)
            print(f"\n== held-out: UNPC dev lines {HELDOUT_LINES[0]}-{HELDOUT_LINES[1]} ({t_held:.2f} s) ==")
            figures["heldout"] = report("termkit mine", held, labels_held, pairs_held, args.quiet, unjudged, "heldout")
            figures["jieba-heldout"] = report(
                "jieba extract_tags", jieba_groups(corpus), labels_held, pairs_held, args.quiet, unjudged, "heldout"
            )

    if args.unjudged:
        with open(args.unjudged, "w", encoding="utf-8") as fh:
            for corpus, kind, a, b in dict.fromkeys(unjudged):
                fh.write(f"{corpus}\t{kind}\t{a}\t{b}\n")
        print(f"\n{len(dict.fromkeys(unjudged))} unjudged forms and pairs written to {args.unjudged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
