"""The jobs behind ``termkit check`` and ``termkit run``: read → mine → match → check → write.

Each step is a library call of its own; this module only chains them and writes the outputs
(atomically) into files or a folder.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .check import CheckResult, check_documents, read_ignore_file
from .check.ignore import DEFAULT_IGNORE_FILE, default_ignore_file
from .documents import load_documents
from .errors import InputError
from .formats.atomic import atomic_write
from .formats.bilingual import read_bilingual
from .formats.registry import is_bilingual, report_format
from .formats.txt import corpus_files
from .text.chars import HAS_HANZI_RE

Progress = Callable[..., Iterable]


def _no_progress(items, length=None, label=""):
    return items


def check_paths(
    inputs: Iterable[str | os.PathLike],
    glossary_paths: Iterable[str | os.PathLike] = (),
    *,
    source: str | os.PathLike | None = None,
    ignore_file: str | os.PathLike | None = None,
    checks: Iterable[str] | None = None,
    discover: bool = True,
    encoding: str | None = None,
    date: str | None = None,
    progress: Progress = _no_progress,
) -> CheckResult:
    """Check Chinese documents and bilingual files for inconsistent terminology.

    ``inputs``: Chinese documents (text, Word, PDF, HTML) or folders of them, and TMX/XLIFF files
    and two-column English–Chinese tables in Word or Excel (their Chinese
    side is checked like a document, and both sides by the bilingual checks). ``source``: the
    English original of a single Chinese document; the two are aligned and checked as a
    bilingual pair. With ``discover`` (the default), candidates are mined from the same
    documents so that variants the glossary does not know are found too. ``date`` (ISO) is the
    documents' date, instead of the one each document's cover page gives: a former name that was
    right on it is not reported. Ids in the ignore file that match no finding are warned about.
    """
    from .glossary import load_glossary

    inputs = [Path(p) for p in inputs]
    bilingual = [p for p in inputs if p.is_file() and is_bilingual(p)]
    texts = [p for p in inputs if p not in bilingual]
    glossary_paths = list(glossary_paths)
    glossary = load_glossary(glossary_paths) if glossary_paths else None
    files = corpus_files(texts) if texts else []
    docs = list(load_documents(progress(files, len(files), "reading"), encoding=encoding))
    units = []
    for path in bilingual:
        file_units = _bilingual_units(path)
        units += file_units
        docs += _target_documents(path, file_units)
    if source is not None:
        if len(files) != 1 or bilingual:
            raise InputError("--source goes with exactly one Chinese document", str(source))
        units += _aligned_units(source, files[0], glossary, encoding)
    _require_chinese(docs)
    _set_date(docs, date)
    candidates = _mine(docs, glossary) if discover else []
    result = check_documents(
        docs, glossary, candidates, checks=checks, ignore=read_ignore_file(ignore_file), units=units
    )
    _warn_unmatched(result, ignore_file)
    return result


def _set_date(docs, date: str | None) -> None:
    if date:
        for doc in docs:
            doc.date = date


def _warn_unmatched(result: CheckResult, ignore_file) -> None:
    """Ids an ignore file names that match no finding: a typo, or a problem since fixed."""
    if result.unmatched_ignores:
        ids = result.unmatched_ignores
        shown = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
        logging.getLogger("termkit.warnings").warning(
            "%s: %d id(s) match no finding (fixed since, or mistyped): %s",
            ignore_file or default_ignore_file() or DEFAULT_IGNORE_FILE,
            len(ids),
            shown,
        )


def _bilingual_units(path: Path):
    """The units of a TMX/XLIFF file with a Chinese side: English and Chinese wherever they are
    in a multilingual memory; without English (zh→ja), the Chinese side alone."""
    from .check.bilingual import units_from

    units, left_out = units_from(path.stem, read_bilingual(path, pair=("en", "zh")), str(path))
    if not units:
        why = "; ".join(message for _, _, message in left_out) or "the file has no units"
        raise InputError(f"no units with Chinese text ({why})", str(path), left_out[0][0] if left_out else None)
    for line, _, message in left_out:
        logging.getLogger("termkit.warnings").warning("%s:%s: %s", path, line or "?", message)
    return units


def _target_documents(path: Path, units):
    """The Chinese side of a bilingual file as a document, each unit its own paragraph, in the
    script the file declares (see :func:`termkit.check.bilingual.target_documents`)."""
    from .check.bilingual import target_documents

    return target_documents(path.stem, units, str(path))


def _aligned_units(source, target: Path, glossary, encoding):
    """Align an English original with its Chinese translation into units (one per bead)."""
    from .align import align_documents
    from .check.bilingual import Unit

    aligned = align_documents(source, target, src_lang="en", glossary=glossary, encoding=encoding)
    units = []
    for pair in aligned.pairs:
        if pair.src and pair.tgt:
            en = " ".join(aligned.src[i] for i in pair.src)
            zh = "".join(aligned.tgt[j] for j in pair.tgt)
            ids = f"{','.join(map(str, pair.src))}:{','.join(map(str, pair.tgt))}"
            units.append(Unit(target.stem, ids, en, zh, True))
    return units


def _require_chinese(docs) -> None:
    if not docs:
        raise InputError("no documents to check")
    if not any(HAS_HANZI_RE.search(d.text) for d in docs):
        raise InputError("no Chinese text in the documents", docs[0].path if len(docs) == 1 else None)


def _mine(docs, glossary, top: int = 0, min_freq: int = 2):
    from .mine import mine

    return mine(docs, glossary, top=top, min_freq=min_freq).candidates


def write_report(result: CheckResult, out, fmt: str) -> None:
    """Write one report in ``fmt`` to a path (atomically) or an open text stream (XLSX: a path)."""
    from .report import render_html, write_csv, write_json, write_text, write_xlsx

    if fmt == "xlsx":
        if hasattr(out, "write"):
            raise InputError("an XLSX report goes to a file: give -o report.xlsx")
        write_xlsx(result, out)
        return
    if not hasattr(out, "write"):
        csv_options = {"newline": "", "encoding": "utf-8-sig"} if fmt == "csv" else {}  # the BOM: Excel
        with atomic_write(out, **csv_options) as fh:
            write_report(result, fh, fmt)
        return
    if fmt == "html":
        out.write(render_html(result))
    elif fmt == "json":
        write_json(result, out)
    elif fmt == "csv":
        write_csv(result, out)
    elif fmt == "text":
        write_text(result, out)
    else:
        raise ValueError(f"unknown report format {fmt!r}")


def write_report_to(result: CheckResult, output: str | os.PathLike, fmt: str | None = None) -> list[Path]:
    """Write the report where ``termkit check -o`` says: a folder (an existing one, a path ending
    in a slash, or one without an extension, when no ``fmt`` is given) gets report.html,
    report.json, report.csv and report.xlsx; anything else is one file in ``fmt`` or its extension's format."""
    shown = str(output)
    is_folder = Path(output).is_dir() or shown.endswith(("/", os.sep)) or not Path(output).suffix
    if is_folder and fmt is None:
        return write_report_folder(result, output)
    write_report(result, output, report_format(output, fmt))
    return [Path(output)]


def write_report_folder(result: CheckResult, folder: str | os.PathLike) -> list[Path]:
    """report.html, report.json, report.csv and report.xlsx in ``folder``."""
    folder = Path(folder)
    written = []
    for fmt in ("html", "json", "csv", "xlsx"):
        path = folder / f"report.{fmt}"
        write_report(result, path, fmt)
        written.append(path)
    return written


@dataclass
class RunSummary:
    out_dir: Path
    n_docs: int = 0
    n_chars: int = 0
    n_candidates: int = 0
    n_new: int = 0
    n_concepts: int = 0
    n_english: int = 0  # candidates with an English proposal (mined with the English originals)
    n_pairs: int = 0  # English–Chinese document pairs aligned
    findings: dict[str, int] = field(default_factory=dict)  # by severity
    files: list[Path] = field(default_factory=list)
    result: CheckResult | None = None

    def fails(self, fail_on: str = "error") -> bool:
        """The exit rule of ``termkit check``: a finding at or above ``fail_on``."""
        return self.result is not None and self.result.fails(fail_on)


def run_job(
    corpus: Iterable[str | os.PathLike],
    glossary_paths: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    *,
    top: int = 500,
    min_freq: int = 2,
    ignore_file: str | os.PathLike | None = None,
    encoding: str | None = None,
    force: bool = False,
    date: str | None = None,
    sources: Iterable[str | os.PathLike] = (),
    pairs_file: str | None = None,
    progress: Progress = _no_progress,
) -> RunSummary:
    """The main job: mined candidates, termbase, consistency report — all in ``out_dir``.

    Writes ``candidates.csv`` (ranked, with glossary status); with a glossary, the termbase a CAT
    tool imports — ``termbase.tbx`` (TBX-Basic v2, which OmegaT, memoQ, Phrase, MultiTerm's
    converter and translate-toolkit read), ``termbase-v3.tbx`` (TBX-Basic v3, ISO 30042:2019) and
    ``termbase.csv`` (one concept a row, a column per language) — holding only the glossary's
    concepts; the new candidates as entries with status ``proposed`` in ``proposed.tbx`` (v2) and
    ``proposed.csv``; and ``report.html``, ``report.json``, ``report.csv``. Every CSV has a BOM
    (Excel). A folder holding another run's results (other corpus or glossaries) is refused
    unless ``force``; see :mod:`termkit.run_folder`. The forms a review of the folder rejected
    (``review.sqlite``, see :mod:`termkit.review`) are never proposed again. With the English originals (``sources``, or a
    ``pairs_file``), every kept candidate gets English equivalents (:mod:`termkit.mine.bilingual`)
    and the proposed entries have both languages.
    """
    from .formats.candidates import write_candidates
    from .glossary import load_glossary
    from .mine import mine
    from .review.store import rejected_forms
    from .run_folder import claim, finish, run_inputs

    out = Path(out_dir)
    corpus = list(corpus)
    glossary_paths = list(glossary_paths)
    inputs = run_inputs(corpus, glossary_paths)
    claim(out, inputs, force)
    files = corpus_files(corpus)
    docs = list(load_documents(progress(files, len(files), "reading"), encoding=encoding))
    _require_chinese(docs)
    glossary = load_glossary(glossary_paths) if glossary_paths else None
    rejected = rejected_forms(out)  # a review of this folder's earlier run: never propose them again
    mined = mine(docs, glossary, top=0, min_freq=min_freq, ignore=rejected, progress=progress)
    ranked = mined.candidates[:top] if top else mined.candidates
    sources = list(sources)
    if sources or pairs_file:
        from .mine.bilingual import add_english

        pairing, _segments, with_english = add_english(
            ranked, files, sources, glossary_paths, pairs_file=pairs_file, encoding=encoding, progress=progress
        )
    summary = RunSummary(out, n_docs=len(docs), n_chars=sum(len(d.text) for d in docs), n_candidates=len(ranked))
    if sources or pairs_file:
        summary.n_english, summary.n_pairs = with_english, len(pairing.pairs)

    path = out / "candidates.csv"
    with atomic_write(path, newline="", encoding="utf-8-sig") as fh:
        write_candidates(ranked, fh, "csv")
    summary.files.append(path)

    if glossary is not None:
        summary.files += _write_termbase(glossary, out, summary)
    summary.files += _write_proposed(ranked, out, summary)

    _set_date(docs, date)
    result = check_documents(docs, glossary, mined.candidates, ignore=read_ignore_file(ignore_file))
    _warn_unmatched(result, ignore_file)
    summary.files += write_report_folder(result, out)
    summary.result = result
    for f in result.findings:
        summary.findings[f.severity] = summary.findings.get(f.severity, 0) + 1
    finish(out, inputs, summary.files)
    return summary


def _write_termbase(glossary, out: Path, summary: RunSummary) -> list[Path]:
    """The glossary's concepts, as CAT tools import them: TBX-Basic v2 and v3, wide CSV."""
    from .export import export_concepts, preferred_first

    concepts = preferred_first(glossary.concepts)
    summary.n_concepts = sum(1 for c in concepts if c.terms)
    paths = [out / "termbase.tbx", out / "termbase-v3.tbx", out / "termbase.csv"]
    export_concepts(concepts, paths[0], tbx_version=2, title=_title(glossary))
    export_concepts(concepts, paths[1], tbx_version=3, title=_title(glossary))
    export_concepts(concepts, paths[2], shape="wide")
    return paths


def _write_proposed(candidates, out: Path, summary: RunSummary) -> list[Path]:
    """The candidates the glossary lacks, as entries with status ``proposed`` (TBX v2 and CSV)."""
    from .export import export_concepts
    from .formats.proposed import candidates_to_concepts

    proposed = candidates_to_concepts(
        [c for c in candidates if c.status in ("new", "new-variant")], id_prefix="proposed-"
    )
    summary.n_new = len(proposed)
    if not proposed:
        return []
    paths = [out / "proposed.tbx", out / "proposed.csv"]
    export_concepts(proposed, paths[0], tbx_version=2, title="termkit: proposed entries")
    export_concepts(proposed, paths[1], shape="wide")
    return paths


def _title(glossary) -> str:
    return ", ".join(Path(p).stem for p in glossary.paths) or "termbase"
