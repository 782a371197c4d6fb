"""The ``termkit`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints. Conventions: results to
``-o`` or stdout; progress and messages to stderr; exit 0 on success, 1 when a check finds problems
at or above ``--fail-on``, 2 on bad usage or unreadable input (``termkit: error: FILE[:LINE]: …``),
130 on Ctrl-C. No traceback unless ``--debug``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import traceback
from typing import IO, Iterable, Iterator, TypeVar

import click

from . import __version__
from .errors import TermkitError

T = TypeVar("T")


class _State:
    debug = False
    quiet = False
    verbose = False


state = _State()


def fail(message: str, code: int = 2) -> None:
    click.echo(f"termkit: error: {message}", err=True)
    sys.exit(code)


def info(message: str) -> None:
    """A message for the person at the terminal (stderr), silenced by --quiet."""
    if not state.quiet:
        click.echo(message, err=True)


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that temporary files are removed on the way out."""


def _on_sigterm(signum, frame):
    raise Terminated()


class TermkitGroup(click.Group):
    """Turns library errors into one-line messages and exit codes."""

    def make_context(self, info_name, args, parent=None, **extra):
        if parent is None:  # a new invocation (tests invoke many in one process): options start off
            state.debug = state.quiet = state.verbose = False
        return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TermkitError as exc:
            if state.debug:
                traceback.print_exc()
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            click.echo("termkit: interrupted", err=True)
            sys.exit(130)
        except Terminated:
            click.echo("termkit: terminated", err=True)
            sys.exit(143)
        except BrokenPipeError:  # `termkit … | head`
            with contextlib.suppress(Exception):
                sys.stdout = None  # type: ignore[assignment]
            sys.exit(0)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
            if state.debug:
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")


class _WarningsToStderr(logging.Handler):
    """Reader warnings (``termkit.warnings`` logger) as ``termkit: warning: FILE:LINE: …``; -q silences them."""

    def emit(self, record: logging.LogRecord) -> None:
        info(f"termkit: warning: {record.getMessage()}")


logging.getLogger("termkit.warnings").addHandler(_WarningsToStderr())
logging.getLogger("termkit.warnings").propagate = False


def progress(items: Iterable[T], length: int | None = None, label: str = "") -> Iterator[T]:
    """Show a progress bar on stderr when it is a terminal; silent when piped or --quiet."""
    if state.quiet or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, length=length, label=label, file=sys.stderr) as bar:
        yield from bar


@contextlib.contextmanager
def output_stream(path: str | None, bom: bool = False) -> Iterator[IO[str]]:
    """stdout, or an output file written atomically (``bom``: with a UTF-8 BOM, for CSV that
    Excel opens)."""
    if path in (None, "-"):
        yield sys.stdout
        return
    from .formats.atomic import atomic_write

    with atomic_write(path, newline="", encoding="utf-8-sig" if bom else "utf-8") as fh:
        yield fh


def _set_state(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:  # given before or after the command: either turns it on
        setattr(state, param.name, True)


def _message_options(f):
    """--debug, -q and -v, accepted before the command (``termkit -q mine``) and after it."""
    for flags, name, help_text in reversed([
        (("--debug",), "debug", "Show tracebacks for errors."),
        (("-q", "--quiet"), "quiet", "No progress or messages on stderr."),
        (("-v", "--verbose"), "verbose", "More messages on stderr."),
    ]):
        f = click.option(*flags, name, is_flag=True, expose_value=False, is_eager=True, callback=_set_state, help=help_text)(f)
    return f


class TermkitCommandGroup(TermkitGroup):
    """Gives every command (and subcommand) the message options."""

    def command(self, *args, **kwargs):
        decorator = super().command(*args, **kwargs)
        return lambda f: decorator(_message_options(f))

    def group(self, *args, **kwargs):
        kwargs.setdefault("cls", TermkitCommandGroup)
        decorator = super().group(*args, **kwargs)
        return lambda f: decorator(_message_options(f))


@click.group(cls=TermkitCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="termkit")
@_message_options
def main() -> None:
    """termkit: English–Chinese terminology toolkit.

    Mine Chinese terms from a corpus, look them up in a glossary, check documents for
    inconsistent terminology, and export termbases for CAT tools.
    """
    with contextlib.suppress(ValueError):  # not in the main thread: leave signals alone
        signal.signal(signal.SIGTERM, _on_sigterm)


_encoding_option = click.option(
    "--encoding", default=None, metavar="NAME", help="Input encoding (default: detect UTF-8/16, GB18030, Big5)."
)

_fail_on_option = click.option(
    "--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True,
    help="Exit 1 when a finding reaches this severity.",
)


@main.command("segment")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_DIR...")
@click.option("--format", "fmt", type=click.Choice(["tsv", "jsonl"]), default="tsv", show_default=True)
@click.option("--lang", type=click.Choice(["auto", "zh", "en"]), default="auto", show_default=True)
@_encoding_option
@click.option("-o", "--output", default=None, metavar="FILE", help="Write here instead of stdout.")
def segment_cmd(inputs: tuple[str, ...], fmt: str, lang: str, encoding: str | None, output: str | None) -> None:
    """Split documents into sentences with offsets into the original text.

    TSV columns: doc, index, start, end, kind (sentence/heading/footnote), label (paragraph
    number), text. ``text`` is exactly the original characters from start to end.
    """
    from .documents import iter_segments, load_documents
    from .formats.segments import write_segments
    from .formats.txt import corpus_files

    files = corpus_files(inputs)
    docs = load_documents(progress(files, len(files), "segmenting"), lang=lang, encoding=encoding)
    with output_stream(output) as out:
        n = write_segments(iter_segments(docs), out, fmt)
    if output:
        info(f"{n} sentences written to {output}")


def glossary_option(required: bool = True):
    return click.option(
        "-g", "--glossary", "glossaries", multiple=True, required=required, metavar="FILE",
        help="Glossary file (CSV); repeat to merge several.",
    )


@main.command("lookup")
@click.argument("queries", nargs=-1, required=True, metavar="QUERY...")
@glossary_option()
@click.option("--limit", default=5, show_default=True, help="Matches per query.")
@click.option("--min-score", default=70.0, show_default=True, help="Drop matches scoring below this (0–100).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def lookup_cmd(queries: tuple[str, ...], glossaries: tuple[str, ...], limit: int, min_score: float, fmt: str) -> None:
    """Find terms in a glossary however they are written.

    Match kinds, strongest first: exact, variant (a non-preferred form: the preferred one is
    shown), normalized (width, spacing, case, traditional/simplified, hyphens, plurals,
    British/American spelling), pinyin (homophones), fuzzy (typos), partial. QUERY '-' reads one
    query per line from stdin. JSON output is one object per query (JSON Lines).
    """
    from .formats.matches import write_lookup
    from .glossary import load_glossary

    index = load_glossary(glossaries).index()
    if queries == ("-",):
        queries = tuple(line.strip() for line in sys.stdin if line.strip())
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
    from .glossary import validate_file

    problems = [p for path in paths for p in validate_file(path)]
    for p in problems:
        click.echo(str(p))
    errors = sum(1 for p in problems if p.severity == "error")
    info(f"{len(problems)} problem(s): {errors} error(s), {len(problems) - errors} warning(s)" if problems else "no problems found")
    sys.exit(1 if problems else 0)


@glossary_group.command("attest")
@click.argument("glossary_path", metavar="GLOSSARY")
@click.argument("corpus", nargs=-1, required=True, metavar="CORPUS...")
@click.option("--lang", default="zh", show_default=True, help="Language of the forms to count.")
@click.option("--unattested", is_flag=True, help="List only the forms never seen.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_encoding_option
def glossary_attest_cmd(glossary_path: str, corpus: tuple[str, ...], lang: str, unattested: bool, fmt: str, encoding: str | None) -> None:
    """Count each glossary form in a corpus, per document, and list forms never seen.

    Text output is TSV: total, one column per document, concept, status, term.
    """
    from .formats.matches import write_attestation
    from .formats.txt import corpus_files, read_corpus
    from .glossary import attest, load_glossary

    glossary = load_glossary([glossary_path])
    files = corpus_files(corpus)
    docs = read_corpus(progress(files, len(files), "attesting"), encoding=encoding)
    write_attestation(attest(glossary, docs, lang=lang), sys.stdout, fmt, only_unattested=unattested)



@main.command("mine")
@click.argument("inputs", nargs=-1, required=True, metavar="CORPUS...")
@glossary_option(required=False)
@click.option("--top", type=int, default=None, metavar="N", help="How many candidates (default: 100 in a table, all in a file; 0 = all).")
@click.option("--min-freq", type=int, default=2, show_default=True, metavar="K", help="Fewest occurrences of a candidate.")
@click.option("--contexts", "n_contexts", type=int, default=3, show_default=True, metavar="N", help="Example sentences per candidate.")
@click.option("--reference", type=click.Choice(["un", "general"]), default="un", show_default=True,
              help="Domain specificity against general Chinese and general UN text (un), or general Chinese only.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default=None, help="Output format (default: by -o's extension, else table).")
@_encoding_option
@click.option("-o", "--output", default=None, metavar="FILE", help="Write here instead of stdout.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N", help="Count in N worker processes (with --scheduler local: N Dask workers).")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Run the counting on a Dask cluster: tcp://HOST:8786, or 'local' to start one here (needs termkit[dask]).")
@click.option("--memory-limit", default=None, metavar="SIZE", help="Spill counts to disk beyond this (e.g. 512M, 2G; default: a quarter of the machine's memory).")
@click.option("--spool-dir", default=None, metavar="DIR", type=click.Path(file_okay=False, writable=True),
              help="Where the counting keeps its temporary files (default: the system's temporary directory; on a multi-machine Dask cluster, a directory every worker sees).")
def mine_cmd(inputs: tuple[str, ...], glossaries: tuple[str, ...], top: int | None, min_freq: int, n_contexts: int, reference: str, fmt: str | None, encoding: str | None, output: str | None, jobs: int | None = None, scheduler: str | None = None, memory_limit: str | None = None, spool_dir: str | None = None) -> None:
    """Mine Chinese term candidates from a corpus, ranked by termhood.

    Multi-word terms (毒品和犯罪问题办公室, 新精神活性物质) whole and once, with frequency, document
    frequency, pinyin, abbreviations defined in the corpus (全称（简称）) or inferred from their
    shape (麻委会 → 麻醉药品委员会, marked as such), example sentences with
    their offsets and, with -g, each candidate's status in the glossary (known, variant, pinyin,
    fuzzy, partial, new). CSV columns and JSON Lines keys: rank, text, score, freq, doc_freq,
    pinyin, status, concept, preferred, abbreviation_of, abbreviation_inferred, abbreviations,
    cvalue, cohesion, entropy_left, entropy_right, specificity, contexts.
    """
    from .formats.candidates import format_for, write_candidates
    from .mine import mine

    fmt = format_for(output, fmt)
    if memory_limit is not None:
        from .mine.store import parse_size

        try:
            parse_size(memory_limit)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--memory-limit") from None
    if top is None:
        top = 100 if fmt == "table" else 0
    result = mine(list(inputs), list(glossaries) or None, top=top, min_freq=min_freq, contexts=n_contexts,
                  encoding=encoding, progress=progress, reference=reference,
                  jobs=jobs, scheduler=scheduler, memory_limit=memory_limit, spool_dir=spool_dir)
    with output_stream(output, bom=fmt == "csv") as out:
        n = write_candidates(result.candidates, out, fmt)
    docs = f"{result.n_docs} document" + ("s" if result.n_docs != 1 else "")
    info(f"{n} of {result.n_candidates} candidates from {docs} ({result.n_chars:,} characters)" + (f" written to {output}" if output else ""))


@main.command("check")
@click.argument("inputs", nargs=-1, required=True, metavar="DOCS...")
@glossary_option(required=False)
@_fail_on_option
@click.option("-o", "--output", default=None, metavar="DIR|FILE",
              help="A folder (report.html, report.json, report.csv) or one file (format from its extension).")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "csv", "text"]), default=None,
              help="Report format (default: text on stdout, else by -o's extension).")
@click.option("--ignore", "ignore_file", default=None, metavar="FILE",
              help="Finding ids to suppress (default: ./.termkit-ignore if it exists).")
@click.option("--check", "checks", multiple=True, metavar="NAME", help="Run only this check (repeatable).")
@click.option("--no-discover", is_flag=True, help="Do not mine the documents for variants the glossary lacks.")
@click.option("--source", default=None, metavar="EN_FILE", help="The English original of the (one) Chinese document: align and check both.")
@_encoding_option
def check_cmd(inputs, glossaries, fail_on, output, fmt, ignore_file, checks, no_discover, source, encoding) -> None:
    """Check Chinese documents and bilingual files for terminology written two ways.

    DOCS are Chinese text files or folders, and TMX/XLIFF files. Checks: variant-forms,
    cross-document, deprecated-term, non-preferred-term, abbreviation-use, typography; on
    bilingual input also key-term-mismatch, inconsistent-translation, number-mismatch.
    Exit 0 when no finding reaches --fail-on, 1 when one does, 2 on bad input.
    """
    from pathlib import Path

    from .pipeline import check_paths, report_format, write_report, write_report_folder

    result = check_paths(inputs, glossaries, source=source, ignore_file=ignore_file, checks=checks or None,
                         discover=not no_discover, encoding=encoding, progress=progress)
    if output and (Path(output).is_dir() or output.endswith(("/", os.sep)) or not Path(output).suffix) and fmt is None:
        written = write_report_folder(result, output)
        info(f"{len(result.findings)} findings; wrote " + ", ".join(str(p) for p in written))
    elif output:
        write_report(result, output, report_format(output, fmt))
        info(f"{len(result.findings)} findings; wrote {output}")
    else:
        write_report(result, sys.stdout, fmt or "text")
    sys.exit(1 if result.fails(fail_on) else 0)


@main.command("run")
@click.argument("corpus", nargs=-1, required=True, metavar="CORPUS_DIR...")
@glossary_option(required=False)
@click.option("-o", "--output", "out_dir", required=True, metavar="OUT_DIR", help="Folder for all outputs.")
@click.option("--top", default=500, show_default=True, help="Candidates to keep (0 = all).")
@click.option("--min-freq", default=2, show_default=True, help="Fewest occurrences of a candidate.")
@click.option("--ignore", "ignore_file", default=None, metavar="FILE", help="Finding ids to suppress.")
@_fail_on_option
@click.option("--force", is_flag=True, help="Replace the results of a run with another corpus or glossary in OUT_DIR.")
@_encoding_option
def run_cmd(corpus, glossaries, out_dir, top, min_freq, ignore_file, fail_on, force, encoding) -> None:
    """The main job: mine terms, build the termbase, check consistency — into one folder.

    Writes candidates.csv; with -g, the glossary as a termbase for CAT tools (termbase.tbx, TBX-Basic
    v2; termbase-v3.tbx; termbase.csv); the new candidates as proposed entries (proposed.tbx,
    proposed.csv); report.html, report.json, report.csv. Exit 0, or 1 when a finding reaches
    --fail-on (as `termkit check`), 2 on bad input or when OUT_DIR holds another run's results.
    """
    from .pipeline import run_job

    s = run_job(corpus, glossaries, out_dir, top=top, min_freq=min_freq, ignore_file=ignore_file,
                encoding=encoding, force=force, progress=progress)
    termbase = f"termbase: {s.n_concepts} glossary concepts" if glossaries else "no glossary, so no termbase"
    info(f"{s.n_docs} documents, {s.n_chars:,} characters; {s.n_candidates} candidates ({s.n_new} new, proposed); "
         f"{termbase}; findings: {s.describe_findings()}")
    for path in s.files:
        info(f"  {path}")
    sys.exit(1 if s.fails(fail_on) else 0)




@main.command("export")
@click.argument("inputs", nargs=-1, required=True, metavar="GLOSSARY...")
@click.option("-o", "--output", required=True, metavar="OUT", help="Output file: .tbx (TBX-Basic), .csv or .xlsx.")
@click.option("--tbx-version", type=click.Choice(["2", "3"]), default="3", show_default=True, help="TBX v3 (ISO 30042:2019) or v2 (martif, what most CAT tools read).")
@click.option("--lang-tag", "lang_tags", multiple=True, metavar="LANG=TAG", help="Language tag to write, e.g. zh=zh-Hans (default zh=zh-CN); repeatable.")
@click.option("--shape", type=click.Choice(["wide", "long"]), default="wide", show_default=True, help="CSV/XLSX layout: wide (one row per concept, for CAT tools) or long (one row per term).")
@click.option("--title", default=None, help="Termbase title (default: the first input's name).")
def export_cmd(inputs: tuple[str, ...], output: str, tbx_version: str, lang_tags: tuple[str, ...], shape: str, title: str | None) -> None:
    """Convert glossaries to a termbase for CAT tools: TBX-Basic v3 or v2, CSV or XLSX.

    GLOSSARY is any glossary termkit reads (long or wide CSV, TBX v2/v3, XLSX) or a file written
    by `termkit mine` (.jsonl, or its .csv), whose candidates become proposed entries. Several
    inputs are merged. The format follows the extension of -o.
    """
    from .export import export_glossary, parse_lang_tags
    from .glossary.glossary import report_warnings

    result = export_glossary(list(inputs), output, tbx_version=int(tbx_version), lang_tags=parse_lang_tags(lang_tags), shape=shape, title=title)
    report_warnings(result.warnings, limit=None if state.verbose else 5)
    info(result.summary())


@main.command("align")
@click.argument("en_file", metavar="EN_FILE")
@click.argument("zh_file", metavar="ZH_FILE")
@click.option("-o", "--output", default=None, metavar="OUT", help="Write here instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["tsv", "tmx", "jsonl", "beads"]), default=None, help="Output format (default: by -o's extension, .tmx/.jsonl/.beads, else tsv).")
@click.option("--presplit", is_flag=True, help="One sentence per line already: no segmentation (ids = line numbers).")
@click.option("--src-lang", type=click.Choice(["en", "zh"]), default="en", show_default=True, help="Which file is the source: EN_FILE (en) or ZH_FILE (zh).")
@glossary_option(required=False)
@_encoding_option
def align_cmd(en_file: str, zh_file: str, output: str | None, fmt: str | None, presplit: bool, src_lang: str, glossaries: tuple[str, ...], encoding: str | None) -> None:
    """Align an English document and its Chinese translation sentence by sentence.

    Beads join one or more sentences on each side (1–1, 1–2, 2–1, 2–2, 1–3 …, and 1–0/0–1 for a
    sentence left unmatched), found from sentence lengths and lexical anchors (CC-CEDICT, the
    glossary with -g, numbers, symbols, names, punctuation). Formats: tsv (src_ids, tgt_ids,
    score, source, target), jsonl, tmx (TMX 1.4 for CAT tools) and beads ([0,1]:[0], the gold
    format of alignment test sets: score it against a gold file of the same --presplit files).
    """
    from .align import align_documents
    from .formats.beads import write_alignment

    if fmt is None:
        suffix = (output or "").rsplit(".", 1)[-1].lower() if output and "." in output else ""
        fmt = suffix if suffix in ("tmx", "jsonl", "beads") else "tsv"
    glossary = None
    if glossaries:
        from .glossary import load_glossary

        glossary = load_glossary(glossaries)
    src_path, tgt_path = (en_file, zh_file) if src_lang == "en" else (zh_file, en_file)
    result = align_documents(src_path, tgt_path, src_lang=src_lang, glossary=glossary, presplit=presplit, encoding=encoding)
    with output_stream(output) as out:
        write_alignment(result.pairs, result.src, result.tgt, out, fmt, result.src_lang, result.tgt_lang)
    matched = sum(1 for p in result.pairs if p.src and p.tgt)
    info(f"{len(result.src)} {result.src_lang} and {len(result.tgt)} {result.tgt_lang} sentences: {matched} beads"
         f" and {len(result.pairs) - matched} unmatched sentences" + (f", written to {output}" if output else ""))


if __name__ == "__main__":  # pragma: no cover
    main()
