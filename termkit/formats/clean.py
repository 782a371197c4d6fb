"""Text cleaned where it enters: characters no writer can take are replaced at read time.

XML 1.0 (TBX, XLIFF, the parts of an .xlsx) cannot hold C0 control characters other than tab,
line feed and carriage return, nor U+FFFE/U+FFFF; UTF-8 (every text, CSV and JSON output)
cannot hold a lone surrogate (an XLIFF 2 ``<cp hex="D800"/>``, a JSON ``"\\ud800"``). A reader
that meets one replaces it — a terminal escape sequence (``ESC[31m``) as a whole by spaces,
another control character by a space, a lone surrogate by U+FFFD — keeping the text's length,
so offsets and line numbers still point into the file; it says so once per file on the
``termkit.warnings`` logger (``FILE:LINE: replaced 3 character(s) …``), so that every writer can
take every text and one bad character never fails a whole job at its end.
"""

from __future__ import annotations

import logging
import re

from ..errors import display_path

_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile("[\x0b\x0c]")  # vertical tab, form feed (page breaks): spaces, silently
# ESC [ parameters intermediates final (CSI), or ESC and one character.
_ANSI = re.compile("\x1b(?:\\[[0-?]*[ -/]*[@-~]|\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|[@-Z\\\\-_])")
_log = logging.getLogger("termkit.warnings")


def _replace(m: re.Match) -> str:
    s = m.group()
    if len(s) == 1 and 0xD800 <= ord(s) <= 0xDFFF:
        return "\ufffd"
    return " " * len(s)


def clean_text(text: str, path: str | None = None, first_line: int = 1, warn: bool = True) -> str:
    """``text`` with the characters no writer can take replaced (same length); a warning names
    the file and the line of the first (``first_line``: the line ``text`` starts on)."""
    m = _BAD.search(text)
    if m is None:
        return text
    if _SPACES.search(text):
        text = _SPACES.sub(" ", text)
        m = _BAD.search(text)
        if m is None:
            return text
    line = first_line + text.count("\n", 0, m.start())
    first = ord(m.group())
    n = 0

    def count(mm: re.Match) -> str:
        nonlocal n
        n += 1
        return _replace(mm)

    text = _ANSI.sub(count, text)
    text = _BAD.sub(count, text)
    if warn and path is not None:
        what = "a lone surrogate" if 0xD800 <= first <= 0xDFFF else "a control character"
        _log.warning(
            "%s:%d: replaced %d character(s) no output can hold (first: U+%04X, %s; terminal escape "
            "sequences become spaces, lone surrogates U+FFFD)",
            display_path(path),
            line,
            n,
            first,
            what,
        )
    return text


def needs_cleaning(text: str) -> bool:
    return _BAD.search(text) is not None
