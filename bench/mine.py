"""Speed and memory of `termkit mine`, next to raw jieba.lcut on the same text.

    python bench/mine.py [--sizes 20,80] [--workdir DIR] [--skip-raw]
    python bench/mine.py --sizes 10,20,40 --hmm on --segmenter jieba,rjieba --jobs 1,2
    python bench/mine.py --sizes 20 --skip-raw --hmm on --jobs 1,2 --repeat 5 [--mode command]

Builds Chinese corpora of the given sizes (MB of UTF-8 text) from the seed documents and the
Chinese side of the UN Parallel Corpus dev set (tests/data/unpc/UNv1.0.devset.zh):
paragraphs and lines shuffled and repeated, written as files of about 500 KB (a corpus is a
folder of documents). For each size, in fresh processes:

- ``jieba.lcut`` (HMM on, jieba's default, and off) over the text of every file: characters/s;
- the compiled segmenter's bare pass (``rjieba.cut``, jieba-rs), when installed;
- the whole mine (`termkit.mine.mine`: read, sentence-split, normalize, segment, count, score,
  second pass for contexts, glossary status off) with HMM on and off: characters/s and the
  ratio to raw jieba.lcut with the same HMM setting; with each segmenter (``TERMKIT_SEGMENTER``:
  jieba's pure Python, or jieba-rs giving the same tokens) and each ``--jobs`` (process pool);
  ``--repeat N`` runs each ``--jobs`` value N times, interleaved, and shows the medians (of the
  times, and of the ratios of the pairs run one after the other); ``--mode command`` times the
  whole ``termkit mine`` process instead (start-up and the segmenter's loading included, which
  the default leaves out by loading it before the clock starts);
- peak memory (max RSS) of the mining process, and what it adds to a process that has only
  loaded the segmenter.

Not a timed test: a figure to watch. Targets: the mine no slower than a bare jieba.lcut pass
(time ratio ≤ 1.0, i.e. speed ≥ 1.0×); ``--jobs 2`` ≥ 1.6× one process on two idle cores; peak
memory growing far less than 4× from 20 MB to 80 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNPC = ROOT / "tests" / "data" / "unpc" / "UNv1.0.devset.zh"
FILE_BYTES = 500_000


def units() -> list[str]:
    """Paragraphs of the seeds and lines of the UNPC dev set."""
    out: list[str] = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out += [u.strip("\n") for u in p.read_text(encoding="utf-8").split("\n\n") if u.strip()]
    if UNPC.exists():
        out += [line for line in UNPC.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def build_corpus(folder: Path, mb: float, seed: int = 1) -> tuple[int, int]:
    """Write shuffled copies of the units into ``folder`` until it holds ``mb`` MB; returns
    (bytes, characters)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = units()
    target = int(mb * 1_000_000)
    total_bytes = total_chars = 0
    n = 0
    while total_bytes < target:
        rng.shuffle(pool)
        buf: list[str] = []
        size = 0
        for u in pool:
            buf.append(u)
            size += len(u.encode("utf-8")) + 2
            if size >= FILE_BYTES or total_bytes + size >= target:
                break
        text = "\n\n".join(buf) + "\n"
        (folder / f"doc{n:05d}.txt").write_text(text, encoding="utf-8")
        n += 1
        total_bytes += len(text.encode("utf-8"))
        total_chars += len(text)
    return total_bytes, total_chars


# --- the measurements, each in a fresh process --------------------------------------------------

CHILD = r"""
import json, resource, sys, time, logging
from pathlib import Path
mode, folder, hmm, jobs = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])
files = sorted(folder.glob("*.txt"))
def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if mode == "raw":
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    chars = 0
    t0 = time.perf_counter()
    for f in files:
        text = f.read_text(encoding="utf-8")
        chars += len(text)
        jieba.lcut(text, HMM=hmm)
    dt = time.perf_counter() - t0
    print(json.dumps({"chars": chars, "seconds": dt, "rss_mb": rss_mb()}))
elif mode == "rjieba":
    import rjieba
    rjieba.cut("毒品")
    chars = 0
    t0 = time.perf_counter()
    for f in files:
        text = f.read_text(encoding="utf-8")
        chars += len(text)
        rjieba.cut(text, hmm)
    dt = time.perf_counter() - t0
    print(json.dumps({"chars": chars, "seconds": dt, "rss_mb": rss_mb()}))
elif mode == "command":
    import os, subprocess, tempfile
    out = Path(tempfile.mkdtemp()) / "candidates.jsonl"
    chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    cmd = [sys.executable, "-m", "termkit", "mine", str(folder), "--top", "200", "--jobs", str(jobs), "-q", "-o", str(out)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n = len(out.read_text(encoding="utf-8").splitlines())
    os.remove(out)
    print(json.dumps({"chars": chars, "seconds": dt, "rss_mb": rss, "base_rss_mb": 0, "candidates": n}))
else:
    from termkit.mine import mine
    from termkit.mine.segmenter import tokenizer, dictionary_tag
    tokenizer(); dictionary_tag("毒品")
    base = rss_mb()
    t0 = time.perf_counter()
    result = mine([str(folder)], top=200, hmm=hmm, jobs=jobs)
    dt = time.perf_counter() - t0
    print(json.dumps({"chars": result.n_chars, "seconds": dt, "rss_mb": rss_mb(), "base_rss_mb": base,
                      "candidates": result.n_candidates, "top": [c.text for c in result.candidates[:10]]}))
"""


def run(mode: str, folder: Path, hmm: bool, segmenter: str = "auto", jobs: int = 1) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env["TERMKIT_SEGMENTER"] = segmenter
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder), "1" if hmm else "0", str(jobs)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="20,80", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--workdir", default=None, help="where to build the corpora (default: a temp dir)")
    ap.add_argument("--skip-raw", action="store_true", help="do not time raw jieba.lcut")
    ap.add_argument("--hmm", default="on,off", help="HMM settings to measure: on, off or on,off")
    ap.add_argument("--segmenter", default="auto", help="TERMKIT_SEGMENTER values to measure: jieba,rjieba")
    ap.add_argument("--jobs", default="1", help="--jobs values to measure, e.g. 1,2")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each --jobs value, interleaved; medians shown")
    ap.add_argument(
        "--mode",
        choices=("mine", "command"),
        default="mine",
        help="mine: the mine() call, segmenter loaded beforehand (default); command: the whole "
        "`termkit mine` process, start-up and loading included (what a user waits for)",
    )
    args = ap.parse_args(argv)
    segmenters = [x.strip() for x in args.segmenter.split(",") if x.strip()]
    jobs_list = [int(x) for x in args.jobs.split(",") if x.strip()]

    sizes = [float(s) for s in args.sizes.split(",") if s]
    hmms = [h.strip() == "on" for h in args.hmm.split(",") if h.strip()]
    if args.mode == "command":
        hmms = [True]  # the command has no switch for jieba's HMM: it runs with it on
    work = Path(args.workdir or tempfile.mkdtemp(prefix="termkit-mine-bench-"))
    print(f"corpora in {work}; {os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
    rows = []
    for mb in sizes:
        folder = work / f"{mb:g}MB"
        if not folder.exists():
            t0 = time.perf_counter()
            nbytes, nchars = build_corpus(folder, mb)
            print(
                f"\n{mb:g} MB corpus: {nbytes:,} bytes, {nchars:,} characters, "
                f"{len(list(folder.glob('*.txt')))} files (built in {time.perf_counter() - t0:.1f} s)"
            )
        else:
            print(f"\n{mb:g} MB corpus: reusing {folder}")
        for hmm in hmms:
            tag = "HMM on " if hmm else "HMM off"
            raw = None
            if not args.skip_raw:
                raw = run("raw", folder, hmm)
                print(f"  jieba.lcut   {tag}: {raw['chars'] / raw['seconds']:>9,.0f} chars/s ({raw['seconds']:.1f} s)")
            try:
                bare = run("rjieba", folder, hmm)
                print(
                    f"  rjieba.cut   {tag}: {bare['chars'] / bare['seconds']:>9,.0f} chars/s ({bare['seconds']:.1f} s)"
                )
            except subprocess.CalledProcessError:
                print("  rjieba.cut: not installed")
            m = None
            for segmenter in segmenters:
                runs: dict[int, list[dict]] = {jobs: [] for jobs in jobs_list}
                for _ in range(args.repeat):  # interleaved, so that a change in the machine's load hits all alike
                    for jobs in jobs_list:
                        runs[jobs].append(run(args.mode, folder, hmm, segmenter, jobs))
                one = None
                for jobs in jobs_list:
                    m = sorted(runs[jobs], key=lambda r: r["seconds"])[len(runs[jobs]) // 2]  # the median run
                    speed = m["chars"] / m["seconds"]
                    ratio = f"{speed / (raw['chars'] / raw['seconds']):.2f}× jieba.lcut" if raw else ""
                    if one is None:
                        one = runs[jobs]
                    elif jobs > 1:
                        pairs = sorted(a["seconds"] / b["seconds"] for a, b in zip(one, runs[jobs], strict=True))
                        ratio += f", {pairs[len(pairs) // 2]:.2f}× --jobs 1"
                        if len(pairs) > 1:
                            ratio += f" (median of {len(pairs)} interleaved pairs; {pairs[0]:.2f}–{pairs[-1]:.2f})"
                    times = ", ".join(f"{r['seconds']:.1f}" for r in runs[jobs]) if args.repeat > 1 else ""
                    print(
                        f"  termkit {args.mode} {tag} {segmenter:>6} --jobs {jobs}: {speed:>9,.0f} chars/s "
                        f"({m['seconds']:.1f} s{'; runs ' + times if times else ''}) {ratio}; "
                        f"peak RSS {m['rss_mb']:.0f} MB (+{m['rss_mb'] - m['base_rss_mb']:.0f} MB over the loaded "
                        f"segmenter); {m['candidates']:,} candidates"
                    )
            rows.append({"mb": mb, "hmm": hmm, "raw": raw, "mine": m})
    by = {(r["mb"], r["hmm"]): r for r in rows}
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        for hmm in hmms:
            if (a, hmm) in by and (b, hmm) in by:
                ra, rb = by[(a, hmm)]["mine"], by[(b, hmm)]["mine"]
                grow = (rb["rss_mb"] - rb["base_rss_mb"]) / max(ra["rss_mb"] - ra["base_rss_mb"], 1)
                print(
                    f"\npeak memory {a:g} MB → {b:g} MB (HMM {'on' if hmm else 'off'}): "
                    f"{ra['rss_mb']:.0f} → {rb['rss_mb']:.0f} MB total, ×{rb['rss_mb'] / ra['rss_mb']:.2f}; "
                    f"mining's own share ×{grow:.2f} for ×{b / a:g} the text"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
