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


if __name__ == "__main__":  # pragma: no cover
    main()
