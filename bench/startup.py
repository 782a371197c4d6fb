"""Start-up: what a user waits for before a command does anything, next to `python -c pass`.

    python bench/startup.py [--repeat 5] [--no-importtime]

Whole processes, medians of ``--repeat`` runs, in the same run as the baseline (``python -c
pass`` with the same interpreter): ``termkit --version``, each command's ``--help``, and a
minimal real call of the commands users run often (a one-term ``lookup`` on the bundled glossary,
``check`` of one seed document, ``mine`` of one, ``segment`` of one, ``run`` on the seeds). Then
``python -X importtime -c "import termkit.cli"`` and the same for a ``lookup``: the modules that
cost most to import (cumulative), so a new heavy import shows.

Targets (issue 26): ``termkit --version`` ≤ 3× ``python -c pass``; ``lookup`` of one term
≤ 0.3 s; ``termkit run seeds`` < 3 s wall.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = str(ROOT / "glossaries" / "un-drug-control.csv")
SEED = str(sorted((ROOT / "seeds").glob("*.txt"))[0])
COMMANDS = ["align", "check", "export", "glossary", "lookup", "mine", "run", "segment"]


def timed(argv: list[str], repeat: int) -> float:
    """Median wall time of ``argv`` over ``repeat`` runs (one warm-up run first: the OS's file
    cache, jieba's and CC-CEDICT's caches in ~/.cache)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run(argv, env=env, capture_output=True, check=False)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-300:]}")
    return statistics.median(times)


def termkit(*args: str) -> list[str]:
    return [sys.executable, "-m", "termkit", *args]


def import_offenders(code: str, top: int = 12) -> list[tuple[float, str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True, check=False
    )
    rows = []
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m and len(m.group(3)) <= 3:  # top-level imports and their first level
            rows.append((int(m.group(2)) / 1e6, m.group(4)))
    return sorted(rows, reverse=True)[:top]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-importtime", action="store_true")
    args = ap.parse_args(argv)
    out = Path(tempfile.mkdtemp(prefix="termkit-startup-"))
    base = timed([sys.executable, "-c", "pass"], args.repeat)
    print(f"python -c pass: {base * 1000:.0f} ms (median of {args.repeat}); {os.cpu_count()} CPUs\n")
    rows = [("termkit --version", termkit("--version"))]
    rows += [(f"termkit {c} --help", termkit(c, "--help")) for c in COMMANDS]
    rows += [
        ("lookup one term", termkit("lookup", "艾滋病病毒", "-g", GLOSSARY)),
        ("check one seed", termkit("check", SEED, "-g", GLOSSARY, "-o", str(out / "c.json"), "--fail-on", "never")),
        ("mine one seed", termkit("mine", SEED, "-o", str(out / "m.jsonl"))),
        ("segment one seed", termkit("segment", SEED, "-o", str(out / "s.tsv"))),
        (
            "run seeds",
            termkit(
                "run", str(ROOT / "seeds"), "-g", GLOSSARY, "-o", str(out / "run"), "--fail-on", "never", "--force"
            ),
        ),
    ]
    print(f"{'command':<28} {'median':>8} {'× python -c pass':>17}")
    for name, argv_ in rows:
        t = timed(argv_, args.repeat)
        print(f"{name:<28} {t:>7.2f}s {t / base:>16.1f}×")
    if not args.no_importtime:
        for label, code in (
            ("import termkit.cli", "import termkit.cli"),
            ("a lookup", f"from termkit.cli import main; main(['lookup', '艾滋病病毒', '-g', {GLOSSARY!r}])"),
        ):
            print(f"\npython -X importtime, {label}: the costliest imports (cumulative)")
            for seconds, module in import_offenders(code):
                print(f"  {seconds * 1000:>7.0f} ms  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
