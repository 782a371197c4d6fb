"""Scale cliffs of issue 25 and the bounds of one lookup: time per entry and per document (not a
timed test).

    python bench/hostile_scale.py [--entries 200000] [--files 20000] [--workdir DIR] [--code DIR]

1. A TBX of ``--entries`` concepts (an English and a Chinese term each, generated with a fixed
   seed) exported to XLSX, and looked up once (``termkit lookup``: the index built in the call, and
   kept in the cache folder) and again (the kept index read back);
2. a corpus of ``--files`` small documents (three sentences of the seeds each, fixed seed) through
   ``termkit mine`` and ``termkit run``: ``run`` does mining, checking and the report, so its time
   per document should stay within a small factor of ``mine``'s, whatever the number of files;
3. single lookups that once ran for minutes: a 1,000-character query (the longest a lookup takes)
   and a 10,000-character one in the library (exact/normalized only), in a glossary holding a
   100,000-character term, timed in this process — each must stay under one second.

Each command runs in its own process (``python -m termkit``); wall time and peak memory (the
child's maximum resident set, from ``wait4``) are printed with the time per entry or document.
``--code DIR`` runs another checkout's termkit (the figures before a change). Targets: ``run`` within
3× ``mine`` per document; export and lookup linear in entries (time per entry flat from
20,000 to 200,000); every single query under 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANZI = [chr(c) for c in range(0x4E00, 0x4E00 + 6000)]


def write_tbx(path: Path, n: int) -> None:
    rng = random.Random(8)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc>'
            "<sourceDesc><p>bench</p></sourceDesc></fileDesc></martifHeader><text><body>\n"
        )
        for i in range(n):
            zh = "".join(rng.choice(HANZI) for _ in range(rng.randint(2, 6)))
            en = " ".join(
                "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
                for _ in range(rng.randint(1, 3))
            )
            fh.write(
                f'<termEntry id="c{i}"><langSet xml:lang="en"><tig><term>{en}</term></tig></langSet>'
                f'<langSet xml:lang="zh-CN"><tig><term>{zh}</term></tig></langSet></termEntry>\n'
            )
        fh.write("</body></text></martif>\n")


def write_corpus(folder: Path, n: int) -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    sentences = [s for s in re.findall(r"[^。！？\n]+[。！？]", text) if len(s) > 8]
    rng = random.Random(20)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"d{i:05d}.txt").write_text("".join(rng.choice(sentences) for _ in range(3)) + "\n", encoding="utf-8")


def timed(args: list[str], code: Path, cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit code of ``python -m termkit ARGS``."""
    env = {**os.environ, "PYTHONPATH": str(code), "TERMKIT_CACHE_DIR": str(cwd / "cache")}
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "termkit", *args, "-q"], cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def single_queries(code: Path) -> None:
    sys.path.insert(0, str(code))
    from termkit.glossary.index import GlossaryIndex
    from termkit.model import Concept, Term

    rng = random.Random(25)
    huge = "".join(rng.choice(HANZI) for _ in range(100_000))
    concepts = [Concept("huge", [Term(huge, "zh"), Term("x " * 50_000, "en")])]
    concepts += [Concept(f"c{i}", [Term("".join(rng.choice(HANZI) for _ in range(4)), "zh")]) for i in range(20_000)]
    start = time.perf_counter()
    index = GlossaryIndex(concepts)
    if hasattr(index, "prepare"):  # what the first queries would build, built here
        index.prepare()
    print(f"\nindex of 20,001 concepts (one with a 100,000-character term): {time.perf_counter() - start:.2f} s")
    seed = (ROOT / "seeds" / "001_a1e2a0e00d5c9997.txt").read_text(encoding="utf-8").replace("\n", "")
    queries = {
        "random hanzi, 1,000": "".join(rng.choice(HANZI) for _ in range(1000)),
        "seed text, 1,000": seed[:1000],
        "random hanzi, 10,000 (library)": "".join(rng.choice(HANZI) for _ in range(10_000)),
        "English words, 1,000": " ".join("".join(rng.choice("abcdefghij") for _ in range(6)) for _ in range(143)),
        "a term of the glossary": concepts[5].terms[0].text,
    }
    print("single queries:")
    for name, query in queries.items():
        start = time.perf_counter()
        index.lookup(query)
        print(f"  {name:32s} {time.perf_counter() - start:7.3f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=200_000)
    ap.add_argument("--files", type=int, default=20_000)
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--code", default=str(ROOT), help="the checkout whose termkit runs (default: this one)")
    ap.add_argument("--no-queries", action="store_true", help="leave out the single queries (3.)")
    args = ap.parse_args()
    code = Path(args.code).resolve()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="termkit-hostile-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"termkit from {code}; files in {work}")

    shutil.rmtree(work / "cache", ignore_errors=True)  # the first lookup builds the index
    tbx = work / f"termbase-{args.entries}.tbx"
    if not tbx.exists():
        write_tbx(tbx, args.entries)
    for name, cmd in (
        ("export to XLSX", ["export", str(tbx), "-o", str(work / "termbase.xlsx")]),
        ("one lookup", ["lookup", "艾滋病", "-g", str(tbx)]),
        ("lookup again", ["lookup", "海洛因", "-g", str(tbx)]),  # the index kept in the cache folder
    ):
        seconds, mb, code_ = timed(cmd, code, work)
        print(
            f"{name:15s} {args.entries:>8,} entries  {seconds:7.1f} s  {1e6 * seconds / args.entries:7.1f} µs/entry  "
            f"{mb:6.0f} MB  exit {code_}"
        )

    corpus = work / f"corpus-{args.files}"
    if not corpus.exists():
        write_corpus(corpus, args.files)
    per = {}
    for name, cmd in (
        ("mine", ["mine", str(corpus), "-o", str(work / "candidates.csv")]),
        ("run", ["run", str(corpus), "-o", str(work / f"run-{time.time_ns()}")]),
    ):
        seconds, mb, code_ = timed(cmd, code, work)
        per[name] = seconds / args.files
        print(
            f"{name:15s} {args.files:>8,} files    {seconds:7.1f} s  {1e3 * per[name]:7.2f} ms/document  "
            f"{mb:6.0f} MB  exit {code_}"
        )
    print(f"run / mine per document: {per['run'] / per['mine']:.2f} (target ≤ 3)")
    if not args.no_queries:
        single_queries(code)


if __name__ == "__main__":
    main()
