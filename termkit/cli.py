"""The ``termkit`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints. Conventions: results to
``-o`` or stdout; progress and messages to stderr; exit 0 on success, 1 when a check finds problems
at or above ``--fail-on``, 2 on bad usage or unreadable input (``termkit: error: FILE[:LINE]: …``),
130 on Ctrl-C. No traceback unless ``--debug``.
"""

from __future__ import annotations

import contextlib
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


class TermkitGroup(click.Group):
    """Turns library errors into one-line messages and exit codes."""

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


def progress(items: Iterable[T], length: int | None = None, label: str = "") -> Iterator[T]:
    """Show a progress bar on stderr when it is a terminal; silent when piped or --quiet."""
    if state.quiet or not sys.stderr.isatty():
        yield from items
        return
    with click.progressbar(items, length=length, label=label, file=sys.stderr) as bar:
        yield from bar


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[IO[str]]:
    """stdout, or an output file written atomically."""
    if path in (None, "-"):
        yield sys.stdout
        return
    from .formats.atomic import atomic_write

    with atomic_write(path, newline="") as fh:
        yield fh


@click.group(cls=TermkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="termkit")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or messages on stderr.")
@click.option("-v", "--verbose", is_flag=True, help="More messages on stderr.")
def main(debug: bool, quiet: bool, verbose: bool) -> None:
    """termkit: English–Chinese terminology toolkit.

    Mine Chinese terms from a corpus, look them up in a glossary, check documents for
    inconsistent terminology, and export termbases for CAT tools.
    """
    state.debug, state.quiet, state.verbose = debug, quiet, verbose


_encoding_option = click.option(
    "--encoding", default=None, metavar="NAME", help="Input encoding (default: detect UTF-8/16, GB18030, Big5)."
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



if __name__ == "__main__":  # pragma: no cover
    main()
