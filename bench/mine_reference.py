"""Rebuild the general-UN reference of `termkit mine`: termkit/data/unpc_zh_words.tsv.

    python bench/mine_reference.py [--source tests/data/unpc/UNv1.0.devset.zh] [--lines 1-2000] [--min-count 2]

Word frequencies of general United Nations Chinese, the second contrastive reference of the
miner's domain specificity (see termkit/mine/reference.py): the first 2,000 lines of the Chinese
side of the UN Parallel Corpus v1.0 development set (sentences of 2015 UN documents on every
subject; a few dozen touch on drugs) are normalized and segmented exactly as the miner segments
(`termkit.mine.segmenter.tokenizer()`, HMM on), and each word with hanzi or Latin letters seen
at least ``--min-count`` times is written with its count and the number of lines holding it.

Source: the United Nations Parallel Corpus v1.0 — Ziemski, M., Junczys-Dowmunt, M. and
Pouliquen, B. (2016), "The United Nations Parallel Corpus v1.0", LREC 2016. The corpus's terms of
use require acknowledging the United Nations as the source and citing that paper; the header of
the data file does both. Run offline; the miner never reads the network.

Lines 2001–4000 are *not* in the reference: they are the held-out corpus of
``bench/mine_eval.py``, which must not be compared with itself.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SOURCE = ROOT / "tests" / "data" / "unpc" / "UNv1.0.devset.zh"
OUT = ROOT / "termkit" / "data" / "unpc_zh_words.tsv"
_WORD_RE = re.compile(r"[A-Za-z\u3400-\u9fff]")

HEADER = """\
# termkit general-UN reference: word frequencies of general United Nations Chinese
# source: United Nations Parallel Corpus v1.0, official development set, Chinese side
#   (UNv1.0.devset.zh lines {span}: {lines} sentences of 2015 UN documents on all subjects;
#   the other lines are the held-out corpus of bench/mine_eval.py)
# acknowledgement: the United Nations is the source of this text. Citation: Ziemski, M.,
#   Junczys-Dowmunt, M. and Pouliquen, B. (2016). The United Nations Parallel Corpus v1.0.
#   Proceedings of LREC 2016, Portorož, pp. 3530-3534.
# built by bench/mine_reference.py: each line normalized and segmented as termkit mine segments
#   (jieba default dictionary + termkit extra words, HMM on); words seen >= {min_count} times
# tokens\t{tokens}
# lines\t{lines}
# word\tcount\tlines
"""


#: The lines of the source the reference is built from (1-based, inclusive); the rest is held out.
REFERENCE_LINES = (1, 2000)


def build(
    source: Path, min_count: int = 2, span: tuple[int, int] = REFERENCE_LINES
) -> tuple[Counter, Counter, int, int]:
    from termkit.mine.segmenter import tokenizer
    from termkit.text.normalize import normalize

    tok = tokenizer()
    counts: Counter = Counter()
    lines: Counter = Counter()
    n_tokens = n_lines = 0
    for no, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not span[0] <= no <= span[1] or not raw.strip():
            continue
        n_lines += 1
        words = tok.lcut(normalize(raw).text)
        n_tokens += len(words)
        counts.update(words)
        lines.update(set(words))
    keep = Counter({w: c for w, c in counts.items() if c >= min_count and _WORD_RE.search(w)})
    return keep, lines, n_tokens, n_lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=str(DEFAULT_SOURCE))
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument(
        "--lines",
        default=f"{REFERENCE_LINES[0]}-{REFERENCE_LINES[1]}",
        help="the source lines to count (1-based, inclusive)",
    )
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)
    first, last = (int(x) for x in args.lines.split("-"))
    counts, lines, n_tokens, n_lines = build(Path(args.source), args.min_count, (first, last))
    out = Path(args.output)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER.format(span=f"{first}-{last}", lines=n_lines, tokens=n_tokens, min_count=args.min_count))
        for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{w}\t{c}\t{lines[w]}\n")
    print(f"{out}: {len(counts)} words from {n_lines} lines, {n_tokens} tokens", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
