"""``termkit check`` and ``termkit run``: the consistency report, and the main job."""

from __future__ import annotations

import sys

import click

from .app import encoding_option, fail_on_option, glossary_option, info, main, progress


def _date(ctx, param, value):
    if value is None:
        return None
    from ..text.dates import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


date_option = click.option(
    "--date",
    default=None,
    metavar="YYYY-MM-DD",
    callback=_date,
    help="The documents' date, instead of each cover page's: a former name right on it is not reported.",
)


@main.command("check")
@click.argument("inputs", nargs=-1, required=True, metavar="DOCS...")
@glossary_option(required=False)
@fail_on_option
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="DIR|FILE",
    help="A folder (report.html, report.json, report.csv, report.xlsx) or one file (format from its extension).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "json", "csv", "xlsx", "text"]),
    default=None,
    help="Report format (default: text on stdout, else by -o's extension).",
)
@click.option(
    "--ignore",
    "ignore_file",
    default=None,
    metavar="FILE",
    help="Finding ids to suppress (default: ./.termkit-ignore if it exists).",
)
@click.option("--check", "checks", multiple=True, metavar="NAME", help="Run only this check (repeatable).")
@click.option("--no-discover", is_flag=True, help="Do not mine the documents for variants the glossary lacks.")
@click.option(
    "--source",
    default=None,
    metavar="EN_FILE",
    help="The English original of the (one) Chinese document: align and check both.",
)
@date_option
@encoding_option
def check_cmd(
    inputs, glossaries, fail_on, output, fmt, ignore_file, checks, no_discover, source, date, encoding
) -> None:
    """Check Chinese documents and bilingual files for terminology written two ways.

    DOCS are Chinese documents (text, Word, PDF, HTML) or folders of them, and TMX/XLIFF files
    or two-column English | Chinese tables (.docx, .xlsx). Checks: variant-forms,
    cross-document, deprecated-term, non-preferred-term, abbreviation-use, typography; on
    bilingual input also key-term-mismatch, inconsistent-translation, number-mismatch.
    Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on bad input.
    """
    from ..pipeline import check_paths, write_report, write_report_to

    result = check_paths(
        inputs,
        glossaries,
        source=source,
        ignore_file=ignore_file,
        checks=checks or None,
        discover=not no_discover,
        encoding=encoding,
        date=date,
        progress=progress,
    )
    if output:
        written = write_report_to(result, output, fmt)
        info(f"{result.describe()}; wrote " + ", ".join(str(p) for p in written))
    else:
        write_report(result, sys.stdout, fmt or "text")
    sys.exit(1 if result.fails(fail_on) else 0)


@main.command("run")
@click.argument("corpus", nargs=-1, required=True, metavar="CORPUS_DIR...")
@glossary_option(required=False)
@click.option("-o", "--output", "out_dir", required=True, metavar="OUT_DIR", help="Folder for all outputs.")
@click.option("--top", type=click.IntRange(min=0), default=500, show_default=True, help="Candidates to keep (0 = all).")
@click.option(
    "--min-freq", type=click.IntRange(min=1), default=2, show_default=True, help="Fewest occurrences of a candidate."
)
@click.option("--ignore", "ignore_file", default=None, metavar="FILE", help="Finding ids to suppress.")
@fail_on_option
@click.option("--force", is_flag=True, help="Replace the results of a run with another corpus or glossary in OUT_DIR.")
@date_option
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="EN_DIR",
    help="The English originals (folders or files; repeatable): proposed entries get English equivalents.",
)
@click.option("--pairs", "pairs_file", default=None, metavar="FILE", help="Document pairs, one a line: en<TAB>zh.")
@encoding_option
def run_cmd(
    corpus, glossaries, out_dir, top, min_freq, ignore_file, fail_on, force, date, sources, pairs_file, encoding
) -> None:
    """The main job: mine terms, build the termbase, check consistency — into one folder.

    Writes candidates.csv; with -g, the glossary as a termbase for CAT tools (termbase.tbx, TBX-Basic
    v2; termbase-v3.tbx; termbase.csv); the new candidates as proposed entries (proposed.tbx,
    proposed.csv); report.html, report.json, report.csv, report.xlsx. Exit 0, or 1 when a finding reaches
    --fail-on (as `termkit check`), 2 on bad input or when OUT_DIR holds another run's results.
    """
    from ..pipeline import run_job

    s = run_job(
        corpus,
        glossaries,
        out_dir,
        top=top,
        min_freq=min_freq,
        ignore_file=ignore_file,
        encoding=encoding,
        force=force,
        date=date,
        sources=sources,
        pairs_file=pairs_file,
        progress=progress,
    )
    english = f"; English for {s.n_english} ({s.n_pairs} document pairs)" if sources or pairs_file else ""
    termbase = f"termbase: {s.n_concepts} glossary concepts" if glossaries else "no glossary, so no termbase"
    info(
        f"{s.n_docs} documents, {s.n_chars:,} characters; {s.n_candidates} candidates ({s.n_new} new, proposed){english}; "
        f"{termbase}; report: {s.result.describe()}"
    )
    for path in s.files:
        info(f"  {path}")
    sys.exit(1 if s.fails(fail_on) else 0)
