"""Word and PDF in, the same results out: `termkit run` on DOCX and PDF versions of a corpus
against the text files, the page and paragraph locations checked against the PDF itself, and
the reading speed of each reader.

    python bench/documents.py [--workdir DIR] [--repeat 3]

Two corpora, each written three ways into ``txt/``, ``docx/`` and ``pdf/`` (tests/formats/makedocs.py):
every non-blank line a paragraph; the PDF on A4 pages with a running head, a job number and a
page number on every page and the footnote lines at the foot of their page in a smaller size;
the Word file with numbered notes as real footnotes. The few characters reportlab's STSong-Light
cannot draw (``·``, ``©``) are left out of all three versions.

- **dev**: the four seeds. The readers' rules were written while looking at them.
- **held-out**: the Chinese side of the UN Parallel Corpus dev set (tests/data/unpc, 4,000
  sentences of 2015 UN documents) cut into four documents of 1,000 sentences; no rule was
  written against it.

Measured, for each of DOCX and PDF against the text files:

- the top 100 mined candidates (`termkit.mine`): how many are the same, and whether in the same
  order;
- `termkit run` with glossaries/un-drug-control.csv: findings (by their stable id) and cards
  the same;
- locations in report.json: share with a paragraph (and a page for PDF); for PDF, share whose
  form, with what follows it up to 12 characters, is on that page in the text pdfminer.six
  extracts from the page on its own (``pdfminer.high_level.extract_text``, white space removed);
- reading speed (read only, best of ``--repeat``): pages/s for PDF, paragraphs/s for DOCX,
  characters/s for all three, beside the text reader on the same text.

Judging rule, written before the first run: the readers pass when every figure of "the same"
is 100 % on both corpora and every PDF location falls on its page.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "formats"))
sys.path.insert(0, str(ROOT))

from makedocs import make_docx, make_pdf, seed_blocks, seed_paragraphs, undrawable  # noqa: E402

GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"
UNPC = ROOT / "tests" / "data" / "unpc" / "UNv1.0.devset.zh"


def corpora() -> dict[str, dict[str, str]]:
    seeds = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    lines = UNPC.read_text(encoding="utf-8").splitlines()
    held = {f"unpc-{k + 1}": "\n\n".join(lines[k * 1000 : (k + 1) * 1000]) + "\n" for k in range(4)}
    out = {}
    for label, docs in (("dev (seeds)", seeds), ("held-out (UNPC dev)", held)):
        missing = undrawable("".join(docs.values()))
        print(f"{label}: left out of all three versions, as the PDF font cannot draw them: {sorted(missing)}")
        out[label] = {name: "".join(ch for ch in text if ch not in missing) for name, text in docs.items()}
    return out


def build(folder: Path, docs: dict[str, str]) -> None:
    for kind in ("txt", "docx", "pdf"):
        (folder / kind).mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / "txt" / f"{name}.txt").write_text(text, encoding="utf-8")
        make_docx(folder / "docx" / f"{name}.docx", seed_blocks(text))
        make_pdf(folder / "pdf" / f"{name}.pdf", seed_paragraphs(text))


def top_100(folder: Path) -> list[str]:
    import termkit

    return [c.text for c in termkit.mine([folder], top=100).candidates]


def run(folder: Path, out: Path) -> dict:
    from termkit.pipeline import run_job

    shutil.rmtree(out, ignore_errors=True)
    run_job([folder], [GLOSSARY], out, force=True)
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def pdf_pages_agree(report: dict) -> tuple[int, int]:
    """Locations whose form (and what follows, up to 12 characters) is on the page they name."""
    from pdfminer.high_level import extract_text

    from termkit.formats.txt import read_text

    texts: dict[tuple[str, int], str] = {}
    docs = {}
    ok = total = 0
    for card in report["cards"]:
        for loc in card["locations"]:
            path = loc["path"]
            if path not in docs:
                docs[path] = read_text(path)
            key = (path, loc["page"])
            if key not in texts:
                texts[key] = "".join(extract_text(path, page_numbers=[loc["page"] - 1]).split())
            text = docs[path].text
            probe = "".join(text[loc["start"] : loc["start"] + 12].split("\n")[0].split())
            total += 1
            ok += probe[: max(len(loc["form"]), 4)] in texts[key]
    return ok, total


def speed(folder: Path, kind: str, repeat: int) -> dict:
    from termkit.formats.pdf import read_pages
    from termkit.formats.txt import read_text

    files = sorted((folder / kind).iterdir())
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        docs = [read_text(f) for f in files]
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    chars = sum(len(d.text) for d in docs)
    if kind == "txt":
        paragraphs = sum(sum(1 for line in d.text.splitlines() if line.strip()) for d in docs)
    else:
        paragraphs = sum(len({(p, n) for _, p, n in d.places}) for d in docs)
    out = {"seconds": best, "chars": chars, "paragraphs": paragraphs}
    if kind == "pdf":
        out["pages"] = sum(len(read_pages(f)) for f in files)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workdir", default=None, help="where to write the corpora (default: a temporary folder)")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per reader (the best is kept)")
    args = ap.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="termkit-documents-"))
    print(f"corpora in {work}")
    verdict = True
    for label, docs in corpora().items():
        folder = work / label.split()[0]
        build(folder, docs)
        print(f"\n## {label}: {len(docs)} documents, {sum(len(t) for t in docs.values()):,} characters")
        base_top = top_100(folder / "txt")
        base = run(folder / "txt", work / f"{folder.name}-run-txt")
        base_findings = {f["id"] for f in base["findings"]}
        base_cards = {c["id"] for c in base["cards"]}
        print("| input | top 100 same | same order | findings same | cards same | with paragraph | on its page |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        print(f"| txt | 100 | yes | {len(base_findings)} | {len(base_cards)} | – | – |")
        for kind in ("docx", "pdf"):
            top = top_100(folder / kind)
            report = run(folder / kind, work / f"{folder.name}-run-{kind}")
            findings = {f["id"] for f in report["findings"]}
            cards = {c["id"] for c in report["cards"]}
            locations = [loc for f in report["findings"] for loc in f["locations"]]
            with_paragraph = sum(1 for loc in locations if loc.get("paragraph") and (kind != "pdf" or loc.get("page")))
            on_page = "–"
            if kind == "pdf":
                ok, total = pdf_pages_agree(report)
                on_page = f"{ok}/{total}"
                verdict &= ok == total
            same_top = len(set(top) & set(base_top))
            print(
                f"| {kind} | {same_top} | {'yes' if top == base_top else 'no'} "
                f"| {len(findings & base_findings)}/{len(base_findings)} (+{len(findings - base_findings)}) "
                f"| {len(cards & base_cards)}/{len(base_cards)} (+{len(cards - base_cards)}) "
                f"| {with_paragraph}/{len(locations)} | {on_page} |"
            )
            verdict &= top == base_top and findings == base_findings and cards == base_cards
            verdict &= with_paragraph == len(locations)
        print("\n| reader | files | pages | paragraphs | characters | seconds | pages/s | paragraphs/s | chars/s |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for kind in ("txt", "docx", "pdf"):
            s = speed(folder, kind, args.repeat)
            pages = s.get("pages")
            per_page = f"{pages / s['seconds']:,.1f}" if pages else "–"
            print(
                f"| {kind} | {len(docs)} | {pages or '–'} | {s['paragraphs']:,} | {s['chars']:,} | {s['seconds']:.4f} "
                f"| {per_page} | {s['paragraphs'] / s['seconds']:,.0f} "
                f"| {s['chars'] / s['seconds']:,.0f} |"
            )
    print(f"\nverdict: {'pass' if verdict else 'FAIL'} (judging rule in the docstring)")
    return 0 if verdict else 1


if __name__ == "__main__":
    raise SystemExit(main())
