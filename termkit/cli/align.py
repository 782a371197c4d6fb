"""``termkit align``: English–Chinese sentence alignment."""

from __future__ import annotations

import click

from .app import encoding_option, glossary_option, info, main, output_stream


@main.command("align")
@click.argument("en_file", metavar="EN_FILE")
@click.argument("zh_file", metavar="ZH_FILE")
@click.option("-o", "--output", default=None, metavar="OUT", help="Write here instead of stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tsv", "tmx", "jsonl", "beads"]),
    default=None,
    help="Output format (default: by -o's extension, .tmx/.jsonl/.beads, else tsv).",
)
@click.option("--presplit", is_flag=True, help="One sentence per line already: no segmentation (ids = line numbers).")
@click.option(
    "--src-lang",
    type=click.Choice(["en", "zh"]),
    default="en",
    show_default=True,
    help="Which file is the source: EN_FILE (en) or ZH_FILE (zh).",
)
@glossary_option(required=False)
@encoding_option
def align_cmd(
    en_file: str,
    zh_file: str,
    output: str | None,
    fmt: str | None,
    presplit: bool,
    src_lang: str,
    glossaries: tuple[str, ...],
    encoding: str | None,
) -> None:
    """Align an English document and its Chinese translation sentence by sentence.

    Beads join one or more sentences on each side (1–1, 1–2, 2–1, 2–2, 1–3 …, and 1–0/0–1 for a
    sentence left unmatched), found from sentence lengths and lexical anchors (CC-CEDICT, the
    glossary with -g, numbers, symbols, names, punctuation). Formats: tsv (src_ids, tgt_ids,
    score, source, target), jsonl, tmx (TMX 1.4 for CAT tools) and beads ([0,1]:[0], the gold
    format of alignment test sets: score it against a gold file of the same --presplit files).
    """
    from ..align import align_documents
    from ..formats.beads import write_alignment
    from ..formats.registry import alignment_format

    fmt = alignment_format(output, fmt)
    glossary = None
    if glossaries:
        from ..glossary import load_glossary

        glossary = load_glossary(glossaries)
    src_path, tgt_path = (en_file, zh_file) if src_lang == "en" else (zh_file, en_file)
    result = align_documents(
        src_path, tgt_path, src_lang=src_lang, glossary=glossary, presplit=presplit, encoding=encoding
    )
    with output_stream(output) as out:
        write_alignment(result.pairs, result.src, result.tgt, out, fmt, result.src_lang, result.tgt_lang)
    matched = sum(1 for p in result.pairs if p.src and p.tgt)
    info(
        f"{len(result.src)} {result.src_lang} and {len(result.tgt)} {result.tgt_lang} sentences: {matched} beads"
        f" and {len(result.pairs) - matched} unmatched sentences, score {result.score:.2f}"
        + (f", written to {output}" if output else "")
    )
