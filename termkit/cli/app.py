"""The command line's conventions, shared by every command: the ``termkit`` group, the message
options (-q, -v, --debug, before or after the command), one-line errors and exit codes, progress
on stderr, atomic output files, and the options several commands share.

Exit codes: 0 on success, 1 when a check finds problems at or above ``--fail-on``, 2 on bad
usage or unreadable input (``termkit: error: FILE[:LINE]: …``), 130 on Ctrl-C, 143 on SIGTERM.
No traceback unless ``--debug``.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import logging
import os
import signal
import sys
import traceback
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

import click

from ..errors import OUTPUT_ERRNOS, TermkitError, display_path, escape_text

T = TypeVar("T")


class _State:
    debug = False
    quiet = False
    verbose = False


state = _State()


def fail(message: str, code: int = 2) -> None:
    click.echo(f"termkit: error: {escape_text(message)}", err=True)
    sys.exit(code)


def _stdout_gone() -> None:
    """stdout cannot be written (a full device, a closed pipe): point it at /dev/null so that the
    interpreter's last flush does not print a second, raw error."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


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
            result = super().invoke(ctx)
            if ctx.parent is None:
                sys.stdout.flush()  # a full device or a closed pipe shows here, while we can say so
            return result
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
            _stdout_gone()
            sys.exit(0)
        except click.UsageError as exc:  # a bad option value: one line, like every other error
            where = ""
            if exc.ctx is not None:
                root = exc.ctx.find_root().info_name or ""
                where = "termkit" + exc.ctx.command_path[len(root) :]
            hint = f" (see {where} --help)" if where else ""
            message = exc.format_message()
            message = message[:-1] if message.endswith(".") else message
            fail(message[:1].lower() + message[1:] + hint, exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except OSError as exc:
            if exc.errno not in OUTPUT_ERRNOS or state.debug:
                return self._internal(exc)
            where = display_path(exc.filename) if exc.filename else "<stdout>"
            if exc.filename is None:
                _stdout_gone()
            what = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc)).lower()
            fail(f"{where}: cannot write: {what} (free some space, or write elsewhere)")
        except Exception as exc:  # a bug: say so in one line, keep the traceback for --debug
            self._internal(exc)

    def _internal(self, exc: Exception):
        if state.debug:
            raise exc
        fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")


class _WarningsToStderr(logging.Handler):
    """Reader warnings (``termkit.warnings`` logger) as ``termkit: warning: FILE:LINE: …``; -q silences them."""

    def emit(self, record: logging.LogRecord) -> None:
        info(f"termkit: warning: {record.getMessage()}")


logging.getLogger("termkit.warnings").addHandler(_WarningsToStderr())
logging.getLogger("termkit.warnings").propagate = False
logging.getLogger("jieba").setLevel(logging.CRITICAL)  # its cache-dump failure (a full /tmp) is not ours to show


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
    from ..formats.atomic import atomic_write

    with atomic_write(path, newline="", encoding="utf-8-sig" if bom else "utf-8") as fh:
        yield fh


def _print_version(ctx: click.Context) -> None:
    from .._version import __version__  # the package metadata loads only when asked for

    click.echo(f"termkit, version {__version__}")
    ctx.exit()


def _set_state(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:  # given before or after the command: either turns it on
        setattr(state, param.name, True)


def _message_options(f):
    """--debug, -q and -v, accepted before the command (``termkit -q mine``) and after it."""
    for flags, name, help_text in reversed(
        [
            (("--debug",), "debug", "Show tracebacks for errors."),
            (("-q", "--quiet"), "quiet", "No progress or messages on stderr."),
            (("-v", "--verbose"), "verbose", "More messages on stderr."),
        ]
    ):
        f = click.option(
            *flags, name, is_flag=True, expose_value=False, is_eager=True, callback=_set_state, help=help_text
        )(f)
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


# The module that registers each command, imported when the command runs or is listed: a
# `termkit --version` or a `termkit lookup` loads none of the others.
COMMAND_MODULES = {
    "align": "align",
    "check": "check",
    "export": "glossary",
    "glossary": "glossary",
    "lookup": "glossary",
    "mine": "mine",
    "review": "review",
    "run": "check",
    "segment": "segment",
}


class TermkitMain(TermkitCommandGroup):
    """The top-level group: commands are registered by their modules, loaded on demand."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, name: str):
        if name not in self.commands and name in COMMAND_MODULES:
            importlib.import_module(f"termkit.cli.{COMMAND_MODULES[name]}")
        return super().get_command(ctx, name)


@click.group(cls=TermkitMain, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, param, value: _print_version(ctx) if value else None,
    help="Show the version and exit.",
)
@_message_options
def main() -> None:
    """termkit: English–Chinese terminology toolkit.

    Mine Chinese terms from a corpus, look them up in a glossary, check documents for
    inconsistent terminology, and export termbases for CAT tools.
    """
    with contextlib.suppress(ValueError):  # not in the main thread: leave signals alone
        signal.signal(signal.SIGTERM, _on_sigterm)


encoding_option = click.option(
    "--encoding", default=None, metavar="NAME", help="Input encoding (default: detect UTF-8/16, GB18030, Big5)."
)

fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding reaches this severity.",
)


class Score(click.FloatRange):
    """A score from 0 to 100; ``nan`` is not one (a NaN passes every comparison of FloatRange)."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number from 0 to 100.", param, ctx)
        return number


SCORE = Score(0, 100)


def glossary_option(required: bool = True):
    return click.option(
        "-g",
        "--glossary",
        "glossaries",
        multiple=True,
        required=required,
        metavar="FILE",
        help="Glossary file: CSV (long or wide; .tsv, OmegaT .txt), TBX (v2 or v3) or XLSX; repeat to merge several.",
    )
