"""Corpus-scale mining: time, memory and equality across executors (not a timed test).

    python bench/scale.py [--sizes 10,20,40,80] [--modes single,jobs2,dask2] [--chunk-mb 2] [--workdir DIR]

Builds corpora of real UN Chinese (the seeds and the Chinese side of the UN Parallel Corpus dev
set, tests/data/unpc/UNv1.0.devset.zh): sentences shuffled with a fixed seed and repeated
until the size is reached, 2 % of the sentences perturbed (their numbers changed) so that the
vocabulary keeps growing a little; files of about 500 KB. For each size and mode, in a fresh
process: `termkit.mine.mine(top=500)` with the default memory limit —

- single: one process; jobs2: `--jobs 2` (process pool); dask2: `--scheduler local` with 2
  worker processes (LocalCluster on 127.0.0.1);
- wall time, characters/s, peak memory of the whole process tree (psutil, sampled every 0.1 s,
  summed over the process and all its descendants; without psutil, max RSS of the process plus
  the largest child's), the number of counted n-grams (single mode);
- in single mode, the map cost per chunk (all counting passes + scan) and the merge cost,
  measured separately, and from them a projection for 10 GB on 16 and 64 workers;
- "largest": the most n-grams one counting pass held (counting by levels, termkit/mine/levels.py);
  "cands": frequent candidates in the table.

First, on real text that does not repeat (the seeds and the UNPC dev set, ~2 MB), what pruning
by support saves: the n-grams a one-pass count holds next to what each pass of the counting by
levels counts, and whether both give the same table.

Targets: time linear in size (80 MB within 8.5× of 10 MB), peak memory at 80 MB under 2× the
peak at 10 MB, identical top-500 across the three modes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNPC = ROOT / "tests" / "data" / "unpc" / "UNv1.0.devset.zh"
FILE_BYTES = 500_000
PERTURB = 0.02
_SENT_RE = re.compile(r"[^。！？\n]+[。！？]?")


def sentences() -> list[str]:
    out: list[str] = []
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if UNPC.exists():
        texts.append(UNPC.read_text(encoding="utf-8"))
    for t in texts:
        out += [s.strip() for s in _SENT_RE.findall(t) if len(s.strip()) > 4]
    return out


def build_corpus(folder: Path, mb: float, seed: int = 8) -> tuple[int, int]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = sentences()
    target = int(mb * 1_000_000)
    total_bytes = total_chars = n = 0
    buf: list[str] = []
    size = 0
    while total_bytes + size < target:
        rng.shuffle(pool)
        for s in pool:
            if rng.random() < PERTURB:
                s = (
                    re.sub(r"[0-9]+", lambda m: str(rng.randrange(1, 10 ** len(m.group()) + 1)), s)
                    if re.search(r"[0-9]", s)
                    else f"{s[:-1]}第{rng.randrange(1, 5000)}号{s[-1:]}"
                )
            buf.append(s)
            size += len(s.encode("utf-8")) + 1
            if size >= FILE_BYTES or total_bytes + size >= target:
                text = "\n".join(buf) + "\n"
                (folder / f"doc{n:05d}.txt").write_text(text, encoding="utf-8")
                n += 1
                total_bytes += len(text.encode("utf-8"))
                total_chars += len(text)
                buf, size = [], 0
                if total_bytes >= target:
                    break
    return total_bytes, total_chars


CHILD = r"""
import json, os, resource, sys, threading, time
mode, folder, chunk, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
peak = [0]
try:
    import psutil
    me = psutil.Process()
    def sample():
        while True:
            total = 0
            for p in [me] + me.children(recursive=True):
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)
            time.sleep(0.1)
    threading.Thread(target=sample, daemon=True).start()
except ImportError:
    psutil = None

def main():
    import importlib
    miner, store, levels = (importlib.import_module("termkit.mine." + m) for m in ("miner", "store", "levels"))
    from termkit.mine import mine
    prof = {"map": [], "merge": [], "chunks": 0}
    if mode == "single":  # time each map task and each merge (local executor only)
        def timed(f, first=False):
            def g(*a):
                t = time.perf_counter(); r = f(*a); prof["map"].append(time.perf_counter() - t)
                prof["chunks"] += first
                return r
            return g
        levels.first_pass = timed(levels.first_pass, True)
        levels.level_pass, miner.scan_chunk = timed(levels.level_pass), timed(miner.scan_chunk)
        add = store.SpillingMerge.add
        def add2(self, r):
            t = time.perf_counter(); add(self, r); prof["merge"].append(time.perf_counter() - t)
        store.SpillingMerge.add = add2
    kw = {"jobs2": {"jobs": 2}, "dask2": {"scheduler": "local", "jobs": 2}}.get(mode, {})
    t0 = time.perf_counter()
    r = mine([folder], top=500, chunk_bytes=chunk, **kw)
    dt = time.perf_counter() - t0
    time.sleep(0.15)
    ru = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    json.dump({"seconds": dt, "chars": r.n_chars, "candidates": r.n_candidates,
               "counted": r.counting.counted, "frequent": r.counting.frequent,
               "peak_mb": (peak[0] or ru * 1024) / 2**20, "psutil": psutil is not None, "prof": prof,
               "top": [c.key for c in r.candidates]}, open(out, "w"))

if __name__ == "__main__":
    main()
"""


def run(mode: str, folder: Path, chunk: int, work: Path) -> dict:
    out = work / f"{folder.name}-{mode}.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder), str(chunk), str(out)],
        check=True,
        cwd=str(ROOT),
        env=env,
        stderr=subprocess.DEVNULL,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def pruning(work: Path) -> None:
    """One-pass count against counting by levels on the seeds + UNPC dev set (no repetition)."""
    import importlib
    import shutil

    candidates, chunks, counts, execute, levels, options = (
        importlib.import_module("termkit.mine." + m)
        for m in ("candidates", "chunks", "counts", "execute", "levels", "options")
    )
    folder = work / "real"
    if not folder.exists():
        folder.mkdir(parents=True)
        for f in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(f, folder / f.name)
        if UNPC.exists():
            lines = UNPC.read_text(encoding="utf-8").splitlines(keepends=True)
            for i in range(0, len(lines), 500):
                (folder / f"unpc{i // 500:02d}.txt").write_text("".join(lines[i : i + 500]), encoding="utf-8")
    files = sorted(str(p) for p in folder.glob("*.txt"))
    plan = chunks.plan_chunks([(f, Path(f).stem) for f in files], chunk_bytes=500_000)
    t = time.perf_counter()
    every = execute.LocalExecutor().map_reduce(candidates.count_chunk, plan, (), True, None)
    t_one = time.perf_counter() - t
    held = len(every.ngrams)
    one = counts.frequent_counts(every, 2)
    stats = levels.LevelStats()
    t = time.perf_counter()
    by_levels = levels.count_by_levels(execute.LocalExecutor(), plan, options.MineOptions(min_freq=2), stats=stats)
    t_lv = time.perf_counter() - t
    same = list(one.ngrams.items()) == list(by_levels.ngrams.items()) and one.doc_freq == by_levels.doc_freq
    print(f"\npruning by support on real text ({sum(os.path.getsize(f) for f in files) / 1e6:.1f} MB, min-freq 2):")
    print(f"  one pass: {held:,} candidate n-grams held at once ({t_one:.1f} s)")
    print(
        f"  by levels: counted per pass {stats.counted} (words, then 2…8-word runs), frequent {stats.frequent}; "
        f"at most {max(stats.counted[1:] or [0]):,} runs + {len(by_levels.ngrams):,} frequent candidates held "
        f"({t_lv:.1f} s); same table: {'yes' if same else 'NO'}"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,20,40,80")
    ap.add_argument("--modes", default="single,jobs2,dask2")
    ap.add_argument("--chunk-mb", type=float, default=2.0, help="map task size (default 2 MB)")
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",") if s]
    modes = [m for m in args.modes.split(",") if m]
    chunk = int(args.chunk_mb * 1_000_000)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="termkit-scale-"))
    print(
        f"corpora in {work}; {os.cpu_count()} CPUs (shared with other jobs while measured); "
        f"chunks of {args.chunk_mb:g} MB; Python {sys.version.split()[0]}"
    )
    pruning(work)
    res: dict = {}
    print(f"\n{'MB':>4} {'mode':<6} {'wall s':>8} {'chars/s':>9} {'peak MB':>8} {'largest':>10} {'cands':>7}  top-500")
    for mb in sizes:
        folder = work / f"{mb:g}MB"
        if not folder.exists():
            build_corpus(folder, mb)
        for mode in modes:
            r = res[(mb, mode)] = run(mode, folder, chunk, work)
            same = (
                "" if mode == modes[0] else ("= " + modes[0] if r["top"] == res[(mb, modes[0])]["top"] else "DIFFERS")
            )
            ng = f"{max(r['counted']):,}"
            print(
                f"{mb:>4g} {mode:<6} {r['seconds']:>8.1f} {r['chars'] / r['seconds']:>9,.0f} {r['peak_mb']:>8.0f} "
                f"{ng:>10} {r['candidates']:>7,}  {same}",
                flush=True,
            )
    m0 = modes[0]
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        for mode in modes:
            ra, rb = res[(a, mode)], res[(b, mode)]
            t, p = rb["seconds"] / ra["seconds"], rb["peak_mb"] / ra["peak_mb"]
            print(
                f"{mode}: time {b:g}/{a:g} MB ×{t:.2f} (target ≤ 8.5: {'ok' if t <= 8.5 else 'MISSED'}); "
                f"peak memory ×{p:.2f} (target < 2: {'ok' if p < 2 else 'MISSED'})"
            )
    same = all(res[(mb, m)]["top"] == res[(mb, m0)]["top"] for mb in sizes for m in modes)
    print(f"top-500 identical across {', '.join(modes)} at every size: {'yes' if same else 'NO'}")
    if "single" in modes:
        big = res[(sizes[-1], "single")]
        maps, merges = big["prof"]["map"], big["prof"]["merge"]
        n_tasks = big["prof"]["chunks"] or 1
        # files are grouped whole, so a chunk holds a little less than --chunk-mb: cost per MB
        mb_per_chunk = sizes[-1] / n_tasks
        map_per_chunk = sum(maps) / sizes[-1] * args.chunk_mb  # all counting passes + scan
        merge_per_chunk = sum(merges) / n_tasks  # every pass's merge of one chunk's result
        rest = big["seconds"] - sum(maps) - sum(merges)
        n10 = 10_000 / args.chunk_mb
        print(
            f"\nat {sizes[-1]:g} MB, one process: {n_tasks} chunks of {mb_per_chunk:.2f} MB; map (all passes + scan) "
            f"{sum(maps) / sizes[-1]:.2f} s per MB, {map_per_chunk:.2f} s per {args.chunk_mb:g} MB chunk; merge "
            f"{merge_per_chunk:.3f} s per chunk ({sum(merges):.1f} s in all); reduce/scoring/output {rest:.1f} s"
        )
        for w in (16, 64):
            t = n10 * map_per_chunk / w + n10 * merge_per_chunk + rest
            print(
                f"projected 10 GB on {w} workers: {t / 60:.0f} min ({n10:.0f} chunks: map {n10 * map_per_chunk / w / 60:.0f} min "
                f"+ merge {n10 * merge_per_chunk / 60:.0f} min at the driver + scoring {rest / 60:.1f} min)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
