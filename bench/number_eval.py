"""Evaluation of the number-mismatch check: its findings on official translations, and what it
catches when a number is changed.

    python bench/number_eval.py            # the figures
    python bench/number_eval.py --list N   # also N findings on official translations, for judging

Material (all in tests/data/, redistributable): the UN Parallel Corpus dev set (4,000 official
English–Chinese sentence pairs), the TICO-19 translation memory (3,071 English–Chinese units) and
Symfony's Chinese XLIFF files (simplified and traditional, 336 units).

- **dev**: UNPC lines 1–2000. The rules of the check were written and tuned against this part only.
- **held-out**: UNPC lines 2001–4000, TICO-19, Symfony: no rule was written against them.

Two figures per part, before they are judged:

1. *findings on official translations* (per 1,000 units): nearly every one is a false alarm —
   the translators did not get the numbers wrong — so fewer is better; the judged sample
   (``--list``, rules in ``bench/data/number_judging.md``) says how many are real.
2. *changed numbers caught* (recall): in every unit whose two sides agree, the first number
   written in digits on the Chinese side is changed (n → n + 1); the check must then report the
   unit. The label is the change itself: nothing to judge.

The baseline is the same script on the check before issue 24 (commit 108bd47: no weekdays,
idioms, Roman numerals, placeholders, ``one``/``zero`` against 1/0, or traditional numerals);
docs/commands/check.md gives both.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.check import number_mismatch  # noqa: E402
from termkit.check.bilingual import Unit, units_from  # noqa: E402
from termkit.check.context import CheckContext  # noqa: E402
from termkit.formats.bilingual import read_bilingual  # noqa: E402

DATA = ROOT / "tests" / "data"
_DIGITS = re.compile(r"(?<![A-Za-z0-9.\-])\d+(?![A-Za-z0-9])")


def unpc(first: int, last: int) -> list[Unit]:
    en = (DATA / "unpc" / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (DATA / "unpc" / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    # a pair whose "translation" copies the English is not a translation: termkit check leaves it out
    return [Unit("unpc", str(k), en[k - 1], zh[k - 1]) for k in range(first, last + 1) if en[k - 1] != zh[k - 1]]


def bilingual(path: Path) -> list[Unit]:
    units, _ = units_from(path.stem, read_bilingual(path, pair=("en", "zh")), str(path))
    return [u for u in units if u.en]


def parts() -> dict[str, list[Unit]]:
    symfony = [p for p in sorted((DATA / "symfony").rglob("*.xlf"))]
    return {
        "dev: UNPC 1-2000": unpc(1, 2000),
        "held-out: UNPC 2001-4000": unpc(2001, 4000),
        "held-out: TICO-19": bilingual(DATA / "tico19" / "all.en-zh.tmx"),
        "held-out: Symfony XLIFF": [u for p in symfony for u in bilingual(p)],
    }


def findings(units: list[Unit]) -> list:
    return number_mismatch.check(CheckContext(docs=[], units=units))


def changed(units: list[Unit]) -> list[Unit]:
    """Units whose sides agree, with their first Chinese digit run changed to n + 1."""
    flagged = {f.locations[0].segment_id for f in findings(units)}
    out = []
    for u in units:
        if f"{u.file}#{u.id}" in flagged:
            continue
        m = _DIGITS.search(u.zh)
        if m is None or m.group() not in number_mismatch.en_numbers(u.en):
            continue
        zh = u.zh[: m.start()] + str(int(m.group()) + 1) + u.zh[m.end() :]
        out.append(Unit(u.file, u.id, u.en, zh))
    return out


def judged() -> None:
    """The labelled samples of bench/data/number_labels_heldout.tsv (rules: number_judging.md)."""
    path = ROOT / "bench" / "data" / "number_labels_heldout.tsv"
    counts: dict[str, list[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        sample, _unit, label, _reason = line.split("\t", 3)
        counts.setdefault(sample, [0, 0])
        counts[sample][0] += label == "T"
        counts[sample][1] += 1
    for sample, (true, n) in counts.items():
        print(f"judged sample {sample:8} (held-out UNPC): {true} of {n} findings true ({true / n:.0%})")


def main(argv: list[str]) -> None:
    listing = int(argv[argv.index("--list") + 1]) if "--list" in argv else 0
    print(f"{'part':28} {'units':>6} {'findings':>9} {'/1000':>7} {'changed':>8} {'caught':>7} {'recall':>7}")
    for name, units in parts().items():
        found = findings(units)
        corrupted = changed(units)
        caught = len(findings(corrupted))
        recall = caught / len(corrupted) if corrupted else 0.0
        per = 1000 * len(found) / len(units)
        print(f"{name:28} {len(units):6} {len(found):9} {per:7.1f} {len(corrupted):8} {caught:7} {recall:7.1%}")

        def unit_order(f):
            uid = f.locations[0].segment_id.split("#", 1)[1].split(" ")[0]
            return (0, int(uid), "") if uid.isdigit() else (1, 0, uid)

        for f in sorted(found, key=unit_order)[:listing]:
            loc = f.locations[0]
            print(f"    {loc.segment_id}: {f.message.split('—', 1)[1].strip()}")
            print(f"        en: {loc.other[:160]}")
            print(f"        zh: {loc.sentence[:120]}")
    judged()


if __name__ == "__main__":
    main(sys.argv[1:])
