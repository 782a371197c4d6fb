"""Reading a file no further than a size limit, checked while reading.

``stat()`` says nothing true about ``/dev/zero``, a FIFO, a file in ``/proc`` or a file that grows
while it is read, so every reader that takes a whole file at once goes through
:func:`read_limited`: it reads at most one byte more than the limit and refuses the file when
that byte is there. Character and block devices are refused outright (``/dev/zero``,
``/dev/urandom``: nothing a person means as a glossary or a corpus); a FIFO (``<(…)``) is read.

Limits: XML, HTML and OOXML parts ``TERMKIT_MAX_XML_MB`` (64 by default), text and CSV
``TERMKIT_MAX_TEXT_MB`` (256 by default; mining reads larger text files in parts).
"""

from __future__ import annotations

import os
import stat

from ..errors import InputError, display_path

DEFAULT_MAX_XML_MB = 64
DEFAULT_MAX_TEXT_MB = 256


def _limit(name: str, default: float) -> int:
    try:
        return int(float(os.environ.get(name, default)) * 2**20)
    except ValueError:
        return int(default * 2**20)


def max_xml_bytes() -> int:
    return _limit("TERMKIT_MAX_XML_MB", DEFAULT_MAX_XML_MB)


def max_text_bytes() -> int:
    return _limit("TERMKIT_MAX_TEXT_MB", DEFAULT_MAX_TEXT_MB)


def check_not_device(fd: int, shown: str, what: str) -> None:
    mode = os.fstat(fd).st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise InputError(f"not a regular file (a device or a socket); expected {what}", shown)


def read_limited(
    path: str | os.PathLike, limit: int | None = None, what: str = "a text file", kind: str = "text"
) -> bytes:
    """A file's bytes, at most ``limit`` of them (default: the text limit); a longer file, a
    device or a directory is a one-line InputError. ``kind`` names the limit in the message
    (``text``, ``XML``, ``HTML``: the last two are under the XML limit)."""
    shown = display_path(path)
    env = "TERMKIT_MAX_TEXT_MB" if kind == "text" else "TERMKIT_MAX_XML_MB"
    if limit is None:
        limit = max_text_bytes() if kind == "text" else max_xml_bytes()
    try:
        with open(path, "rb") as fh:
            check_not_device(fh.fileno(), shown, what)
            size = os.fstat(fh.fileno()).st_size
            if size > limit:  # a regular file that says so: no need to read it
                raise too_large(shown, kind, limit, env, size)
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError("no such file", shown) from None
    except IsADirectoryError:
        raise InputError(f"is a directory, expected {what}", shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
    if len(data) > limit:
        raise too_large(shown, kind, limit, env)
    return data


def read_limited_text(path: str | os.PathLike, what: str = "a text file") -> str:
    """A UTF-8 file's text (a BOM dropped), read no further than the text limit; a file that is not
    UTF-8 is a one-line InputError naming ``what``."""
    try:
        return read_limited(path, what=what).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({what}): byte {exc.start}", display_path(path)) from None


def too_large(shown: str, kind: str, limit: int, env: str, size: int | None = None) -> InputError:
    of = f"of {size / 2**20:,.0f} MB " if size is not None else ""
    return InputError(
        f"{kind} file {of}is larger than the {limit / 2**20:,.0f} MB limit (split it, or raise {env})", shown
    )
