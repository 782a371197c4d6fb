"""``termkit lookup``, ``termkit glossary validate|attest`` and ``termkit export``: the glossary's commands."""

from __future__ import annotations

import sys

import click

from .app import SCORE, encoding_option, glossary_option, info, main, progress, state


@main.command("lookup")
@click.argument("queries", nargs=-1, required=True, metavar="QUERY...")
@glossary_option()
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Matches per query.")
@click.option(
    "--min-score", type=SCORE, default=70.0, show_default=True, help="Drop matches scoring below this (0–100)."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def lookup_cmd(queries: tuple[str, ...], glossaries: tuple[str, ...], limit: int, min_score: float, fmt: str) -> None:
    """Find terms in a glossary however they are written.

    Match kinds, strongest first: exact, variant (a non-preferred form: the preferred one is
    shown), normalized (width, spacing, case, traditional/simplified, hyphens, plurals,
    British/American spelling), pinyin (homophones), fuzzy (typos), partial. QUERY '-' reads one
    query per line from stdin. JSON output is one object per query (JSON Lines).
    """
    from ..formats.matches import write_lookup
    from ..glossary import lookup_index
    from ..glossary.limits import check_query

    stdin = queries == ("-",)
    if stdin:
        queries = tuple(line.strip() for line in sys.stdin if line.strip())
    for n, q in enumerate(queries, 1):
        check_query(q, "<stdin>" if stdin else None, n if stdin else None)
    index = lookup_index(glossaries)
    results = ((q, index.lookup(q, limit=limit, min_score=min_score)) for q in queries)
    write_lookup(results, sys.stdout, fmt)


@main.group("glossary")
def glossary_group() -> None:
    """Validate glossaries and attest their terms in a corpus."""


@glossary_group.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="GLOSSARY...")
def glossary_validate_cmd(paths: tuple[str, ...]) -> None:
    """Check glossary files; exit 0 when clean, 1 with problems, 2 when unreadable.

    Reports, with file and line: empty terms, white space and width problems, unknown status or
    type values, invalid language tags, concepts with no or two preferred terms in a language,
    the same term in two concepts, duplicate concepts, missing subject fields.
    """
    from ..glossary import validate_file

    problems = [p for path in paths for p in validate_file(path)]
    for p in problems:
        click.echo(str(p))
    errors = sum(1 for p in problems if p.severity == "error")
    info(
        f"{len(problems)} problem(s): {errors} error(s), {len(problems) - errors} warning(s)"
        if problems
        else "no problems found"
    )
    sys.exit(1 if problems else 0)


@glossary_group.command("attest")
@click.argument("glossary_path", metavar="GLOSSARY")
@click.argument("corpus", nargs=-1, required=True, metavar="CORPUS...")
@click.option("--lang", default="zh", show_default=True, help="Language of the forms to count.")
@click.option("--unattested", is_flag=True, help="List only the forms never seen.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@encoding_option
def glossary_attest_cmd(
    glossary_path: str, corpus: tuple[str, ...], lang: str, unattested: bool, fmt: str, encoding: str | None
) -> None:
    """Count each glossary form in a corpus, per document, and list forms never seen.

    Text output is TSV: total, one column per document, concept, status, term.
    """
    from ..formats.matches import write_attestation
    from ..formats.txt import corpus_files, read_corpus
    from ..glossary import attest, load_glossary

    glossary = load_glossary([glossary_path])
    files = corpus_files(corpus)
    docs = read_corpus(progress(files, len(files), "attesting"), encoding=encoding)
    write_attestation(attest(glossary, docs, lang=lang), sys.stdout, fmt, only_unattested=unattested)


@main.command("export")
@click.argument("inputs", nargs=-1, required=True, metavar="GLOSSARY...")
@click.option("-o", "--output", required=True, metavar="OUT", help="Output file: .tbx (TBX-Basic), .csv or .xlsx.")
@click.option(
    "--tbx-version",
    type=click.Choice(["2", "3"]),
    default="3",
    show_default=True,
    help="TBX v3 (ISO 30042:2019) or v2 (martif, what most CAT tools read).",
)
@click.option(
    "--lang-tag",
    "lang_tags",
    multiple=True,
    metavar="LANG=TAG",
    help="Language tag to write, e.g. zh=zh-Hans (default zh=zh-CN); repeatable.",
)
@click.option(
    "--shape",
    type=click.Choice(["wide", "long"]),
    default="wide",
    show_default=True,
    help="CSV/XLSX layout: wide (one row per concept, for CAT tools) or long (one row per term).",
)
@click.option("--title", default=None, help="Termbase title (default: the first input's name).")
@click.option(
    "--columns",
    default=None,
    metavar="COL,COL,…",
    help="The columns of input tables, in order, when their header does not tell (or there is none): "
    "language tags, concept_id, subject, definition, note, or - to skip; e.g. en,zh-CN,note.",
)
def export_cmd(
    inputs: tuple[str, ...],
    output: str,
    tbx_version: str,
    lang_tags: tuple[str, ...],
    shape: str,
    title: str | None,
    columns: str | None,
) -> None:
    """Convert glossaries to a termbase for CAT tools: TBX-Basic v3 or v2, CSV or XLSX.

    GLOSSARY is any glossary termkit reads (long or wide CSV, TBX v2/v3, XLSX) or a file written
    by `termkit mine` (.jsonl, or its .csv), whose candidates become proposed entries. Several
    inputs are merged. The format follows the extension of -o.
    """
    from ..export import export_glossary, parse_lang_tags
    from ..glossary.glossary import report_warnings

    result = export_glossary(
        list(inputs),
        output,
        tbx_version=int(tbx_version),
        lang_tags=parse_lang_tags(lang_tags),
        shape=shape,
        title=title,
        columns=columns,
    )
    report_warnings(result.warnings, limit=None if state.verbose else 5)
    info(result.summary())
