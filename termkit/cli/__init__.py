"""The ``termkit`` command: a thin layer over the library.

Each command parses its options, calls one documented library function and prints; the
conventions they share (messages, errors, exit codes, progress) are in :mod:`termkit.cli.app`.
One module per command or family of commands registers them on :data:`main`, imported when the
command is run or listed (:data:`termkit.cli.app.COMMAND_MODULES`).
"""

from .app import main

__all__ = ["main"]
