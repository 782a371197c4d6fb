"""Errors that reach the user as one line: ``termkit: error: FILE[:LINE]: message``."""

from __future__ import annotations

import errno
import os
import re

# What a one-line message must not carry raw: line breaks and other control characters (a file
# name may hold any byte but "/"), bidi controls ("Trojan Source"), and the lone surrogates that
# stand for a file name's undecodable bytes.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

#: Write errors that are the user's to fix (a full disk, a quota, a read-only or failing device),
#: not termkit's: shown as one line naming the output.
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO}


def _escape(m: re.Match) -> str:
    ch = m.group()
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:  # an undecodable byte of a file name (os.fsdecode's surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\u{o:04x}")


def escape_text(text: str) -> str:
    """Text safe to show on one line: control and bidi characters, lone surrogates as escapes."""
    return _UNSAFE.sub(_escape, text)


_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def mark_bidi(text: str) -> str:
    """Bidirectional controls (U+202E …) shown as ``\\u202e``, as editors show them against
    "Trojan Source": text from input never reorders what a report shows around it."""
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _BIDI.search(text) else text


def display_path(path) -> str:
    """A file name as shown to a person: undecodable bytes as ``\\xNN``, a newline as ``\\n``."""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    return escape_text(str(path))


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
        shown = display_path(self.path)
        return f"{shown}:{self.line}" if self.line is not None else shown

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class InputError(TermkitError):
    """A file that cannot be read, decoded or parsed."""
