"""``termkit segment``: sentences with offsets into the original text."""

from __future__ import annotations

import click

from .app import encoding_option, info, main, output_stream, progress


@main.command("segment")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_DIR...")
@click.option("--format", "fmt", type=click.Choice(["tsv", "jsonl"]), default="tsv", show_default=True)
@click.option("--lang", type=click.Choice(["auto", "zh", "en"]), default="auto", show_default=True)
@encoding_option
@click.option("-o", "--output", default=None, metavar="FILE", help="Write here instead of stdout.")
def segment_cmd(inputs: tuple[str, ...], fmt: str, lang: str, encoding: str | None, output: str | None) -> None:
    """Split documents into sentences with offsets into the original text.

    TSV columns: doc, index, start, end, kind (sentence/heading/footnote), label (paragraph
    number), text. ``text`` is exactly the original characters from start to end.
    """
    from ..documents import iter_segments, load_documents
    from ..formats.segments import write_segments
    from ..formats.txt import corpus_files

    files = corpus_files(inputs)
    docs = load_documents(progress(files, len(files), "segmenting"), lang=lang, encoding=encoding)
    with output_stream(output) as out:
        n = write_segments(iter_segments(docs), out, fmt)
    if output:
        info(f"{n} sentences written to {output}")
