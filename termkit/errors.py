"""Errors that reach the user as one line: ``termkit: error: FILE[:LINE]: message``."""

from __future__ import annotations


class TermkitError(Exception):
    """An error about the user's input or request (exit code 2).

    ``path`` and ``line`` say where the problem is, so the CLI can print
    ``FILE:LINE: message`` without a traceback.
    """

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class InputError(TermkitError):
    """A file that cannot be read, decoded or parsed."""
