"""``termkit mine``: candidate terms from a Chinese corpus."""

from __future__ import annotations

import click

from .app import encoding_option, glossary_option, info, main, output_stream, progress, state


@main.command("mine")
@click.argument("inputs", nargs=-1, required=True, metavar="CORPUS...")
@glossary_option(required=False)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="How many candidates (default: 100 in a table, all in a file; 0 = all).",
)
@click.option(
    "--min-freq",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    metavar="K",
    help="Fewest occurrences of a candidate.",
)
@click.option(
    "--contexts",
    "n_contexts",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    metavar="N",
    help="Example sentences per candidate.",
)
@click.option(
    "--reference",
    type=click.Choice(["un", "general"]),
    default="un",
    show_default=True,
    help="Domain specificity against general Chinese and general UN text (un), or general Chinese only.",
)
@click.option(
    "--new-only",
    is_flag=True,
    help="Only the candidate concepts with a form the glossary lacks (same as --status new).",
)
@click.option(
    "--status",
    "statuses",
    default=None,
    metavar="LIST",
    help="Only the candidate concepts with a form of these glossary statuses, comma-separated "
    "(new, variant, pinyin, fuzzy, partial, known).",
)
@click.option(
    "--ignore",
    "ignore_file",
    default=None,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Forms never to propose again, one a line (a review's decisions; finding ids are skipped).",
)
@click.option(
    "--lexicon",
    default=None,
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Word lists (NAME.txt) that add to or replace the miner's own (termkit/data/lexicon).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl"]),
    default=None,
    help="Output format (default: by -o's extension, else table).",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="EN...",
    help="The English originals (files or folders; repeatable): each candidate gets English equivalents.",
)
@click.option(
    "--pairs",
    "pairs_file",
    default=None,
    metavar="FILE",
    help="English and Chinese documents that belong together, one pair a line: en<TAB>zh.",
)
@encoding_option
@click.option("-o", "--output", default=None, metavar="FILE", help="Write here instead of stdout.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Count in N worker processes (with --scheduler local: N Dask workers).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Run the counting on a Dask cluster: tcp://HOST:8786, or 'local' to start one here (needs termkit[dask]).",
)
@click.option(
    "--memory-limit",
    default=None,
    metavar="SIZE",
    help="Spill counts to disk beyond this (e.g. 512M, 2G; default: a quarter of the machine's memory).",
)
@click.option(
    "--spool-dir",
    default=None,
    metavar="DIR",
    type=click.Path(file_okay=False, writable=True),
    help="Where the counting keeps its temporary files (default: the system's temporary directory; on a multi-machine Dask cluster, a directory every worker sees).",
)
def mine_cmd(
    inputs: tuple[str, ...],
    glossaries: tuple[str, ...],
    top: int | None,
    min_freq: int,
    n_contexts: int,
    reference: str,
    new_only: bool,
    statuses: str | None,
    ignore_file: str | None,
    lexicon: str | None,
    fmt: str | None,
    encoding: str | None,
    output: str | None,
    jobs: int | None = None,
    scheduler: str | None = None,
    memory_limit: str | None = None,
    spool_dir: str | None = None,
    sources: tuple[str, ...] = (),
    pairs_file: str | None = None,
) -> None:
    """Mine Chinese term candidates from a corpus, ranked by termhood.

    Multi-word terms (毒品和犯罪问题办公室, 新精神活性物质) whole and once, with frequency, document
    frequency, pinyin, abbreviations defined in the corpus (全称（简称）) or inferred from their
    shape (麻委会 → 麻醉药品委员会, marked as such), example sentences with
    their offsets and, with -g, each candidate's status in the glossary (known, variant, pinyin,
    fuzzy, partial, new). Forms naming one thing (a name and its abbreviations, the name with its
    owner or year in front, a glossary concept's forms) are grouped under one candidate concept;
    --top counts concepts. Each carries the evidence of its rank. CSV columns and JSON Lines keys:
    rank, group, role, head, text, score, freq, doc_freq, pinyin, status, concept, preferred,
    abbreviation_of, abbreviation_inferred, abbreviations, cvalue, cohesion, entropy_left,
    entropy_right, specificity, evidence, contexts.
    """
    from ..formats.candidates import read_ignore_forms, write_candidates
    from ..formats.registry import candidates_format, is_parallel
    from ..mine import mine
    from ..mine.status import STATUSES

    fmt = candidates_format(output, fmt)
    if memory_limit is not None:
        from ..mine.store import parse_size

        try:
            parse_size(memory_limit)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--memory-limit") from None
    wanted = None
    if statuses is not None or new_only:
        wanted = {x.strip() for x in (statuses or "").split(",") if x.strip()} | ({"new"} if new_only else set())
        unknown = sorted(wanted - set(STATUSES))
        if unknown or not wanted:
            raise click.BadParameter(
                f"unknown status {', '.join(unknown) or '(none)'} (one of: {', '.join(STATUSES)})",
                param_hint="--status",
            )
    ignore = read_ignore_forms(ignore_file) if ignore_file else ()
    if top is None:
        top = 100 if fmt == "table" else 0
    options = dict(
        top=top,
        min_freq=min_freq,
        contexts=n_contexts,
        encoding=encoding,
        progress=progress,
        reference=reference,
        jobs=jobs,
        scheduler=scheduler,
        memory_limit=memory_limit,
        spool_dir=spool_dir,
        lexicon=lexicon,
        ignore=ignore,
        status=wanted,
    )
    english = ""
    if sources or pairs_file or any(is_parallel(p) for p in inputs):
        from ..mine.bilingual import mine_bilingual

        bilingual = mine_bilingual(list(inputs), list(sources), list(glossaries), pairs_file=pairs_file, **options)
        result = bilingual.mined
        english = (
            f"; English for {bilingual.with_english} ({len(bilingual.pairing.pairs)} document pairs,"
            f" {bilingual.segments:,} aligned segments)"
        )
    else:
        result = mine(list(inputs), list(glossaries) or None, **options)
    with output_stream(output, bom=fmt == "csv") as out:
        n = write_candidates(result.candidates, out, fmt)
    docs = f"{result.n_docs} document" + ("s" if result.n_docs != 1 else "")
    info(
        f"{n} of {result.n_candidates} candidates from {docs} ({result.n_chars:,} characters){english}"
        + (f" written to {output}" if output else "")
    )
    if state.verbose:
        info(
            f"segmented by {result.segmenter}"
            + (" (jieba-rs: jieba's tokens, compiled)" if result.segmenter == "rjieba" else "")
        )
