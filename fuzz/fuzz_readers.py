"""Coverage-guided fuzzing of termkit's readers with atheris (an optional dev tool).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_readers.py tbx -max_total_time=600      # one reader for 10 minutes
    bash fuzz/run_all.sh 600                                  # every reader, 600 s each

Targets: tbx, tmx, xliff, csv (glossary CSV, both shapes), txt (text reader + segmentation +
normalization), xlsx (a whole workbook: the zip and its parts), sheet (the input as the sheet
part of an otherwise well-formed workbook, so mutations reach the sheet reader), jsonl (the
candidates a ``termkit mine`` file holds, read by ``termkit export``). Each input is written to a file with the target's extension and read the way
the command line reads it. A reader may refuse input only with termkit's InputError (a one-line
message for the user); any other exception is a crash: atheris stops and writes the input as
``crash-*``. Every crash found becomes a regression case in tests/fuzz_regressions/ (run in CI by
tests/test_fuzz_regressions.py).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).parent))
with atheris.instrument_imports(include=["termkit"]):
    from targets import READERS, run_one


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in READERS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(READERS)}}} [libFuzzer options] [corpus dir]")
    target = sys.argv.pop(1)
    workdir = tempfile.mkdtemp(prefix=f"termkit-fuzz-{target}-")
    seeds = Path(__file__).parent / "seeds" / target
    if seeds.is_dir() and not any(not a.startswith("-") for a in sys.argv[1:]):
        # start from the seed inputs, in a scratch corpus (libFuzzer adds to the corpus it is given)
        corpus = Path(workdir) / "corpus"
        shutil.copytree(seeds, corpus)
        sys.argv.append(str(corpus))
    atheris.Setup(sys.argv, lambda data: run_one(target, data, workdir))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
