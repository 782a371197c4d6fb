"""Sentence-alignment quality (strict and lax F1) and speed: termkit's aligner vs Gale–Church.

    python bench/align_eval.py                   # every set below, 10k × 10k and 13k × 10k timing
    python bench/align_eval.py --before 108bd47  # and the aligner of that revision beside (before/after)
    python bench/align_eval.py --no-stress --no-timing
    python bench/align_eval.py --terms           # and the top 100 term pairs on the UNPC dev set

Data (each set is marked [dev] — rules and weights were tuned on it — or [held-out]):

* MAC-Dev (``../shared/data/align/mac-dev``, beside the repository; GPL excerpts of novels, so not
  copied into the project): six literary chapters, Chinese → English, with gold beads. Chapters
  001–004 are dev; 005–006 were set aside (by number) before this version's rules were written.
* UN documents built from the UN Parallel Corpus dev set (``tests/data/unpc``): the 4,000 line
  pairs are cut into documents of 200–400 lines; on each, with a fixed seed, some lines are
  dropped on one side (1–0 and 0–1 beads) and some neighbouring lines merged on one side (1–2,
  2–1, 1–3 beads), so the gold alignment is known. English is the source. Seed 7 (3 % dropped,
  7 % merged) is dev; seeds 11 and 23 with other rates (5 % dropped, 10 % merged) are held out
  (the same sentences, other documents and edits).
* TICO-19 documents (``tests/data/tico19``, COVID-19 medical text, CC0), edited the same way:
  held out (text no rule was written against).
* Stress sets (``bench/align_stress.py``) built from MAC-Dev's two parts, the first six UN
  documents and TICO-19: the English side cut at clause boundaries to 1.5× the Chinese
  sentences; all documents joined into one (and that with the English side 1.5×); a block of 50
  sentences missing on one side; a block of 30 moved 60 beads on; 40 beads of the translation
  replaced by another document's; each document paired with another document's translation
  (no gold bead: the share of sentences paired and the documents warned about are reported).

Metric, as in ``align/README.md`` (Vecalign/Bertalign): 1–0 and 0–1 beads removed from the
system's and the gold beads; strict = a bead identical to a gold bead; lax = the bead shares a
source and a target sentence with one gold bead; precision over the system's beads, recall over
the gold beads, micro-averaged over the files; beside it the lowest strict F1 of one document
(a failure shows there, not in the average), and how many documents the self-check warned about.

The baseline is a plain length-only Gale–Church (1993): character lengths, ``c`` = the
document's length ratio, ``s² = 6.8``, bead priors 1–1 0.89, 1–0/0–1 0.0099, 2–1/1–2 0.089,
2–2 0.011, full dynamic-programming table (left out above 4 million cells: pure Python).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import align_stress as stress  # noqa: E402

from termkit.align import align  # noqa: E402

MAC = ROOT.parent / "shared" / "data" / "align" / "mac-dev"
UNPC = ROOT / "tests" / "data" / "unpc"

Bead = tuple[tuple[int, ...], tuple[int, ...]]


# --- metric ----------------------------------------------------------------------------------


def read_beads(path: Path) -> list[Bead]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        s, t = line.strip().split(":")
        out.append((_ids(s), _ids(t)))
    return out


def _ids(s: str) -> tuple[int, ...]:
    s = s.strip().strip("[]")
    return tuple(int(x) for x in s.split(",") if x.strip())


def _counts(gold: list[Bead], test: list[Bead]) -> tuple[int, int, int]:
    """(strict hits, lax hits, size) of ``test`` measured against ``gold``."""
    gold_set = set(gold)
    tgt_of_src: dict[int, set[int]] = defaultdict(set)
    for gs, gt in gold:
        for s in gs:
            tgt_of_src[s].update(gt)
    strict = lax = 0
    for ts, tt in test:
        if (ts, tt) in gold_set:
            strict += 1
            lax += 1
        elif any(t in tgt_of_src[s] for s in ts for t in tt):
            lax += 1
    return strict, lax, len(test)


def score(golds: list[list[Bead]], tests: list[list[Bead]]) -> dict[str, float]:
    """Strict and lax precision, recall and F1, micro-averaged over files, null beads removed."""
    p = [0, 0, 0]
    r = [0, 0, 0]
    for gold, test in zip(golds, tests):
        gold = [b for b in gold if b[0] and b[1]]
        test = [b for b in test if b[0] and b[1]]
        for acc, c in ((p, _counts(gold, test)), (r, _counts(test, gold))):
            for k in range(3):
                acc[k] += c[k]
    out = {}
    for kind, k in (("strict", 0), ("lax", 1)):
        prec = p[k] / p[2] if p[2] else 0.0
        rec = r[k] / r[2] if r[2] else 0.0
        out[f"{kind}_p"], out[f"{kind}_r"] = prec, rec
        out[f"{kind}_f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


# --- the Gale–Church baseline ------------------------------------------------------------------

GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2, (2, 2): 0.011}


def gale_church(src: list[str], tgt: list[str], s2: float = 6.8) -> list[Bead]:
    """Length-only Gale–Church over the full table (lengths in non-space characters)."""
    ls = [len(s.replace(" ", "")) if _is_zh(s) else len(s) for s in src]
    lt = [len(t.replace(" ", "")) if _is_zh(t) else len(t) for t in tgt]
    c = (sum(lt) / sum(ls)) if sum(ls) and sum(lt) else 1.0
    pen = {k: -math.log(v) for k, v in GC_PRIORS.items()}
    n, m = len(ls), len(lt)

    def match(a: int, b: int) -> float:
        if a == 0 and b == 0:
            return 0.0
        mean = (a * c + b) / 2
        x = abs(b - a * c) / math.sqrt(s2 * mean + 1e-9) / math.sqrt(2)
        if x > 5:
            return x * x + math.log(x * 1.7724538509)
        return -math.log(math.erfc(x))

    inf = math.inf
    D = [[inf] * (m + 1) for _ in range(n + 1)]
    B = [[None] * (m + 1) for _ in range(n + 1)]
    D[0][0] = 0.0
    ps = [0]
    for x in ls:
        ps.append(ps[-1] + x)
    pt = [0]
    for x in lt:
        pt.append(pt[-1] + x)
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for (a, b), pc in pen.items():
                if i < a or j < b:
                    continue
                prev = D[i - a][j - b]
                if prev == inf:
                    continue
                cost = prev + pc + (match(ps[i] - ps[i - a], pt[j] - pt[j - b]) if a and b else 0.0)
                if cost < best:
                    best, arg = cost, (a, b)
            D[i][j], B[i][j] = best, arg
    out = []
    i, j = n, m
    while i or j:
        a, b = B[i][j]
        out.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return out[::-1]


def _is_zh(s: str) -> bool:
    return sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff") > len(s) / 4


# --- data --------------------------------------------------------------------------------------


def mac_dev() -> list[tuple[str, list[str], list[str], list[Bead]]]:
    """(name, Chinese sentences, English sentences, gold) per chapter; Chinese is the source."""
    out = []
    for gold in sorted((MAC / "gold").iterdir()):
        zh = (MAC / "zh" / gold.name).read_text(encoding="utf-8").splitlines()
        en = (MAC / "en" / gold.name).read_text(encoding="utf-8").splitlines()
        out.append((gold.name, zh, en, read_beads(gold)))
    return out


def un_documents(seed: int = 7, p_drop: float = 0.03, p_merge: float = 0.07, p_merge3: float = 0.01):
    """Synthetic UN documents with known gold: (name, English sentences, Chinese sentences, gold).

    The 4,000 line pairs of the UNPC dev set are cut into documents of 200–400 lines, and each
    is edited by :func:`edit_document` (the seed fixes both).
    """
    rng = random.Random(seed)
    en_all = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh_all = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    docs = []
    k = 0
    while k < len(en_all):
        size = rng.randint(200, 400)
        pairs = list(zip(en_all[k : k + size], zh_all[k : k + size]))
        k += size
        docs.append(edit_document(f"un{len(docs) + 1:02d}", pairs, rng, p_drop, p_merge, p_merge3))
    return docs


def tico_documents(seed: int = 7, min_units: int = 40):
    """TICO-19 (COVID-19 medical text, CC0; ``tests/data/tico19``): its units grouped by the
    document they come from (the ``note`` of each ``<tu>``), in file order, documents of at least
    ``min_units`` units, each edited by :func:`edit_document` as the UN documents are."""
    from termkit.formats.tmx import read_tmx

    units = read_tmx(ROOT / "tests" / "data" / "tico19" / "all.en-zh.tmx")
    rng = random.Random(seed)
    docs = []
    k = 0
    while k < len(units):
        e = k
        while e < len(units) and units[e].note == units[k].note:
            e += 1
        if e - k >= min_units:
            pairs = [(u.source, u.target) for u in units[k:e]]
            docs.append(edit_document(f"tico{len(docs) + 1:02d}", pairs, rng, 0.03, 0.07, 0.01))
        k = e
    return docs


def edit_document(name: str, pairs, rng, p_drop: float, p_merge: float, p_merge3: float):
    """A document with known gold from aligned line pairs (English, Chinese): per pair, drop the
    Chinese line (1–0) or the English line (0–1) with ``p_drop`` each; merge the line with the
    next one on the English side (one English line, two Chinese) or on the Chinese side with
    ``p_merge`` each; merge three lines on one side with ``p_merge3`` each. English is the source."""
    en: list[str] = []
    zh: list[str] = []
    gold: list[Bead] = []
    q = 0
    while q < len(pairs):
        r = rng.random()
        e, z = pairs[q]
        if r < p_drop:
            gold.append(((len(en),), ()))
            en.append(e)
            q += 1
        elif r < 2 * p_drop:
            gold.append(((), (len(zh),)))
            zh.append(z)
            q += 1
        elif r < 2 * p_drop + 2 * p_merge + 2 * p_merge3 and q + 1 < len(pairs):
            r2 = r - 2 * p_drop
            three = r2 >= 2 * p_merge and q + 2 < len(pairs)
            group = pairs[q : q + (3 if three else 2)]
            merge_en = (r2 < p_merge) if not three else (r2 < 2 * p_merge + p_merge3)
            if merge_en:  # one English line, several Chinese
                gold.append(((len(en),), tuple(range(len(zh), len(zh) + len(group)))))
                en.append(" ".join(g[0] for g in group))
                zh.extend(g[1] for g in group)
            else:
                gold.append((tuple(range(len(en), len(en) + len(group))), (len(zh),)))
                en.extend(g[0] for g in group)
                zh.append("".join(g[1] for g in group))
            q += len(group)
        else:
            gold.append(((len(en),), (len(zh),)))
            en.append(e)
            zh.append(z)
            q += 1
    return (name, en, zh, gold)


# --- running -----------------------------------------------------------------------------------

# Gale–Church fills its whole table in pure Python: documents larger than this are left to termkit.
GC_MAX_CELLS = 4_000_000


def as_beads(pairs) -> list[Bead]:
    return [(tuple(p.src), tuple(p.tgt)) for p in pairs]


def doc_f1(gold: list[Bead], test: list[Bead]) -> float | None:
    """Strict F1 of one document (None when its gold pairs nothing: a wrong translation)."""
    if not any(b[0] and b[1] for b in gold):
        return None
    return score([gold], [test])["strict_f1"]


def paired_share(beads: list[Bead], n: int) -> float:
    """The share of the ``n`` sentences (both sides) that ``beads`` put in a bead with a partner."""
    return sum(len(s) + len(t) for s, t in beads if s and t) / n if n else 0.0


def run_set(docs, src_lang: str, aligners: dict) -> dict:
    """Each aligner over the documents: micro scores, per-document strict F1, time, warnings."""
    out = {}
    for name, fn in aligners.items():
        golds, tests, f1s, shares, warned = [], [], [], [], 0
        per_doc = {}
        elapsed = 0.0
        for doc, src, tgt, gold in docs:
            if name == "gale-church" and len(src) * len(tgt) > GC_MAX_CELLS:
                out[name] = None
                break
            t0 = time.perf_counter()
            beads, stretches = fn(src, tgt, src_lang)
            elapsed += time.perf_counter() - t0
            golds.append(gold)
            tests.append(beads)
            f1 = doc_f1(gold, beads)
            if f1 is not None:
                f1s.append(f1)
                per_doc[doc] = f1
            shares.append(paired_share(beads, len(src) + len(tgt)))
            warned += bool(stretches)
        else:
            res = score(golds, tests) if f1s else {}
            res.update(min_f1=min(f1s) if f1s else None, paired=sum(shares) / len(shares), warned=warned, time=elapsed)
            res["per_doc"] = per_doc
            out[name] = res
    return out


def print_set(title: str, docs, res: dict) -> None:
    n_gold = sum(1 for d in docs for b in d[3] if b[0] and b[1])
    sizes = f"{sum(len(d[1]) for d in docs):,} × {sum(len(d[2]) for d in docs):,} sentences"
    print(f"\n{title}  ({len(docs)} documents, {sizes}, {n_gold} gold beads without 1–0/0–1)")
    if not n_gold:  # wrong translations: nothing should be paired, and it should be said
        print(f"{'aligner':<14}{'sentences paired':>17}{'documents warned':>18}{'time':>9}")
        for key, r in res.items():
            if r is None:
                print(f"{key:<14}{'(too large for the full table)':>44}")
                continue
            print(f"{key:<14}{r['paired']:>17.1%}{r['warned']:>12} of {len(docs):<3}{r['time']:>8.1f}s")
        return
    print(f"{'aligner':<14}{'strict P':>9}{'R':>7}{'F1':>7}{'lax F1':>8}{'min doc F1':>12}{'warned':>8}{'time':>9}")
    for key, r in res.items():
        if r is None:
            print(f"{key:<14}{'(too large for the full table)':>44}")
            continue
        print(
            f"{key:<14}{r['strict_p']:>9.3f}{r['strict_r']:>7.3f}{r['strict_f1']:>7.3f}{r['lax_f1']:>8.3f}"
            f"{r['min_f1']:>12.3f}{r['warned']:>8}{r['time']:>8.1f}s"
        )


def termkit_aligner(module):
    """An aligner function from a ``termkit.align`` module (this tree's, or an older one's)."""
    checked = getattr(module, "align_checked", None)

    def run(src, tgt, src_lang):
        if checked is not None:
            result = checked(src, tgt, src_lang=src_lang)
            return as_beads(result.pairs), result.stretches
        return as_beads(module.align(src, tgt, src_lang=src_lang)), []

    return run


def gale_church_aligner(src, tgt, src_lang):
    return gale_church(src, tgt), []


def load_before(rev: str):
    """``termkit.align`` as it was at git revision ``rev`` (extracted beside, as termkit_before)."""
    import importlib
    import subprocess
    import tarfile
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="termkit-before-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "termkit"], check=True, capture_output=True)
    with tarfile.open(fileobj=__import__("io").BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "termkit").rename(folder / "termkit_before")
    sys.path.insert(0, str(folder))
    return importlib.import_module("termkit_before.align")


def timing(n: int = 10_000, english_ratio: float = 1.0) -> float:
    """Seconds to align ``n`` UNPC sentences a side (the dev set repeated, 1 % dropped on each
    side), the English side cut to ``english_ratio`` × the Chinese count first."""
    en_all = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh_all = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (en_all * (n // len(en_all) + 1))[:n]
    zh = (zh_all * (n // len(zh_all) + 1))[:n]
    # drop a few lines on each side so that the path is not the diagonal
    rng = random.Random(3)
    en = [s for s in en if rng.random() > 0.01]
    zh = [s for s in zh if rng.random() > 0.01]
    if english_ratio != 1.0:
        doc = ("long", en, zh, [((k,), (k,)) for k in range(min(len(en), len(zh)))])
        en = stress.split_side(doc, 0, english_ratio * len(zh) / len(en), random.Random(5))[1]
    align(en[:10], zh[:10])  # load the dictionary first: timed separately
    t0, c0 = time.perf_counter(), time.process_time()
    pairs = align(en, zh, src_lang="en")
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"{len(en):,} English × {len(zh):,} Chinese sentences aligned in {dt:.1f} s "
        f"({cpu:.1f} s of CPU; {len(pairs):,} beads)"
    )
    return dt


def term_pairs(n: int = 100) -> None:
    """Top term pairs proposed on the UNPC dev set (Chinese candidates mined from its Chinese
    side), with their agreement with the glossary where the glossary has the Chinese term."""
    from termkit.align.cooccurrence import _en_key
    from termkit.align.terms import propose_equivalents
    from termkit.glossary import load_glossary
    from termkit.mine import mine
    from termkit.text.normalize import normalize_key

    glossary = load_glossary([ROOT / "glossaries" / "un-drug-control.csv"])
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    t0 = time.perf_counter()
    candidates = mine([str(UNPC / "UNv1.0.devset.zh")], glossary, top=400, min_freq=3).candidates
    pairs = propose_equivalents(list(zip(en, zh)), candidates, glossary, top=1)[:n]
    dt = time.perf_counter() - t0
    known = {}
    for concept in glossary.concepts:
        for t in concept.terms_in("zh"):
            known.setdefault(normalize_key(t.text), set()).update(_en_key(e.text) for e in concept.terms_in("en"))
    in_glossary = [p for p in pairs if normalize_key(p.zh) in known]
    agree = sum(1 for p in in_glossary if _en_key(p.en) in known[normalize_key(p.zh)])
    print(f"\nTerm pairs: top {len(pairs)} of the 400 best mined candidates (UNPC dev set, {dt:.1f} s)")
    for k, p in enumerate(pairs, 1):
        print(f"{k:>4}  {p.confidence:.2f}  {p.zh}  →  {p.en}   ({p.cooccurrences}/{p.zh_freq})")
    print(f"in the glossary: {len(in_glossary)} of them, {agree} with a glossary English term")


# MAC-Dev chapters set aside before any rule or weight of this version was written or tuned
# (chosen by number, before looking at any chapter's figures): held out.
MAC_TUNE = ("001", "002", "003", "004")
MAC_HELD_OUT = ("005", "006")


def stress_sets(label: str, docs, english_side: int):
    """The stress sets built from ``docs`` (``english_side``: 0 when English is the source, 1 when
    it is the target): (title, documents) pairs, each edit with its own fixed seed."""
    out = [
        (
            f"{label}: English side cut to 1.5× the Chinese sentences",
            [stress.split_side(d, english_side, 1.5, random.Random(k)) for k, d in enumerate(docs)],
        )
    ]
    one = stress.join(docs, f"{label}-joined")
    out.append((f"{label}: all documents joined into one", [one]))
    out.append((f"{label}: joined, English side 1.5×", [stress.split_side(one, english_side, 1.5, random.Random(5))]))
    out += [
        (
            f"{label}: a block of 50 sentences missing on one side",
            [stress.drop_block(d, k % 2, 50, random.Random(k)) for k, d in enumerate(docs) if len(d[1]) > 120],
        ),
        (
            f"{label}: a block of 30 sentences moved 60 beads on",
            [stress.move_block(d, k % 2, 30, 60, random.Random(k)) for k, d in enumerate(docs) if len(d[1]) > 150],
        ),
        (
            f"{label}: 40 beads of the translation replaced by another document's",
            [
                stress.wrong_stretch(d, docs[(k + 1) % len(docs)], 40, random.Random(k))
                for k, d in enumerate(docs)
                if len(d[1]) > 120
            ],
        ),
        (
            f"{label}: each document paired with another document's translation",
            [stress.wrong_translation(d, docs[(k + 1) % len(docs)]) for k, d in enumerate(docs)],
        ),
    ]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-timing", action="store_true", help="Skip the 10k × 10k timing.")
    ap.add_argument("--no-baseline", action="store_true", help="Skip Gale–Church.")
    ap.add_argument("--no-stress", action="store_true", help="Skip the stress sets.")
    ap.add_argument("--before", metavar="REV", help="Also run the aligner of git revision REV (before/after).")
    ap.add_argument(
        "--terms", action="store_true", help="Also list the top 100 term pairs proposed on the UNPC dev set."
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    from termkit.align.dictionary import cedict

    cedict()
    print(f"CC-CEDICT loaded in {time.perf_counter() - t0:.1f} s")
    import termkit.align as current

    aligners = {}
    if not args.no_baseline:
        aligners["gale-church"] = gale_church_aligner
    if args.before:
        aligners[f"before {args.before}"] = termkit_aligner(load_before(args.before))
    aligners["termkit"] = termkit_aligner(current)

    sets = []  # (part, title, documents, source language)
    if MAC.is_dir():
        mac = mac_dev()
        sets.append(("", "MAC-Dev, all six chapters (zh → en, literary; the published figure)", mac, "zh"))
        for part, names in (("dev", MAC_TUNE), ("held-out", MAC_HELD_OUT)):
            docs = [d for d in mac if d[0] in names]
            sets.append((part, f"MAC-Dev {', '.join(names)}", docs, "zh"))
            if not args.no_stress:
                label = f"MAC-Dev {'+'.join(names)}"
                sets += [(part, title, sdocs, "zh") for title, sdocs in stress_sets(label, docs, 1)]
    else:
        print(f"({MAC} is absent: MAC-Dev skipped)")
    un = un_documents()
    sets.append(("dev", "UN documents (en → zh, synthetic gold from the UNPC dev set, seed 7)", un, "en"))
    if not args.no_stress:
        sets += [("dev", title, sdocs, "en") for title, sdocs in stress_sets("UN", un[:6], 0)]
    held = [(f"s11-{d[0]}",) + d[1:] for d in un_documents(11, 0.05, 0.10, 0.02)]
    held += [(f"s23-{d[0]}",) + d[1:] for d in un_documents(23, 0.05, 0.10, 0.02)]
    sets.append(("held-out", "UN documents, other edits (seeds 11 and 23; 5 % dropped, 10 % merged)", held, "en"))
    tico = tico_documents()
    sets.append(("held-out", "TICO-19 documents (COVID-19 medical text, en → zh, seed 7 edits)", tico, "en"))
    if not args.no_stress:
        sets += [("held-out", title, sdocs, "en") for title, sdocs in stress_sets("TICO-19", tico, 0)]

    summary = []
    for part, title, docs, src_lang in sets:
        res = run_set(docs, src_lang, aligners)
        print_set(f"[{part}] {title}" if part else title, docs, res)
        if title.startswith("MAC-Dev, all"):
            print(
                "published strict / lax F1: Gale-Church 0.485 / 0.737, Hunalign 0.610 / 0.852, "
                "Vecalign 0.863 / 0.997, Bertalign 0.911 / 0.998"
            )
        summary.append((part, title, res))
    print("\nThe issue's target — no document below 0.8 strict where Gale–Church reaches 0.6:")
    misses = [
        (part, title, doc, r["termkit"]["per_doc"][doc], gc)
        for part, title, r in summary
        if r.get("gale-church") and r.get("termkit")
        for doc, gc in r["gale-church"]["per_doc"].items()
        if gc >= 0.6 and r["termkit"]["per_doc"].get(doc, 1.0) < 0.8
    ]
    counted = sum(
        1
        for _, _, r in summary
        if r.get("gale-church") and r.get("termkit")
        for gc in r["gale-church"]["per_doc"].values()
        if gc >= 0.6
    )
    print(f"  {len(misses)} of {counted} documents miss it")
    for part, title, doc, f1, gc in misses:
        print(f"  [{part}] {title}: {doc} termkit {f1:.3f}, Gale–Church {gc:.3f}")
    print("\nLowest document strict F1 of each aligner, over every set with gold beads (dev / held-out):")
    for key in aligners:
        for part in ("dev", "held-out"):
            worst = [
                (r[key]["min_f1"], t)
                for p, t, r in summary
                if p == part and r.get(key) and r[key]["min_f1"] is not None
            ]
            if worst:
                f1, title = min(worst)
                print(f"  {key:<14}{part:<10}{f1:.3f}  ({title})")
    if not args.no_timing:
        print()
        timing()
        timing(english_ratio=1.3)
    if args.terms:
        term_pairs()


if __name__ == "__main__":
    main()
