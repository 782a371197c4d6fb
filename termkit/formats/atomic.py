"""Write output files atomically: a temp file in the same folder, renamed over the target at the end.

An interrupted run leaves the old file or no file, never a half-written one. What the output
name is decides how it is written:

- a new name or a regular file: written to a temporary file beside it
  (``.NAME.tk-HOST-PID-XXXX.tmp``), renamed over it when complete;
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe), or a symbolic
  link to one: written to directly — such a file is never replaced by a regular file;
- a directory, a block device or a socket: refused with a one-line error;
- a symbolic link to a regular file (or a dangling one): refused — termkit never writes through a
  link to a file elsewhere, nor silently replaces the link; name the file itself.

A write that fails (disk full, quota, read-only file system) is a one-line
:class:`~termkit.errors.InputError` naming the output, and the temporary file is removed. A run
killed with SIGKILL cannot remove its temporary file; the next write into the same folder removes
every temporary file of this naming whose process is gone (same host), and says so through the
``termkit.warnings`` logger.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import OUTPUT_ERRNOS, InputError, display_path

_HOST = re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:16] or "host"
_TEMP = re.compile(r"^\..+\.tk-(?P<host>[A-Za-z0-9]+)-(?P<pid>[0-9]+)-[A-Za-z0-9_]+\.tmp$")
_cleaned: set[str] = set()
_log = logging.getLogger("termkit.warnings")
# Errors of the output itself (the disk, the file system); others in the body are the caller's.


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: str | os.PathLike) -> list[str]:
    """Remove the temporary files termkit left in ``folder`` from runs that were killed (their
    process is gone); returns their names. Each folder is looked at once per process."""
    key = os.path.abspath(folder)
    if key in _cleaned:
        return []
    _cleaned.add(key)
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m or m.group("host") != _HOST or _alive(int(m.group("pid"))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(entry.name)
    if removed:
        shown = ", ".join(removed[:3]) + (f" and {len(removed) - 3} more" if len(removed) > 3 else "")
        _log.warning(
            "%s: removed %d stale temporary file(s) left by an interrupted run: %s",
            display_path(folder),
            len(removed),
            shown,
        )
    return removed


def write_error(exc: OSError, path, stream: bool = False) -> InputError:
    """A failed write as a one-line error naming the output and what to do."""
    if exc.errno == errno.ENOSPC:
        what = "the disk is full"
    elif exc.errno == errno.EDQUOT:
        what = "the disk quota is exhausted"
    else:
        what = (exc.strerror or str(exc)).lower()
    kept = "" if stream else "; nothing was written"
    return InputError(f"cannot write: {what}{kept} (free some space, or write elsewhere)", display_path(path))


def output_kind(path: str | os.PathLike) -> str:
    """``new``, ``file`` (replaced atomically) or ``stream`` (written to directly); raises
    InputError for an output termkit must not write to."""
    shown = display_path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror or exc}", shown) from None
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            raise InputError(
                "is a symbolic link to nothing; termkit does not write through links (remove it or name another file)",
                shown,
            ) from None
        if stat.S_ISCHR(target.st_mode) or stat.S_ISFIFO(target.st_mode):
            return "stream"
        if stat.S_ISDIR(target.st_mode):
            raise InputError("is a directory; name a file to write, such as DIR/NAME", shown)
        raise InputError(
            f"is a symbolic link (to {display_path(os.readlink(path))}); termkit does not write through links "
            "to files elsewhere nor replace them: name the file itself, or remove the link",
            shown,
        )
    if stat.S_ISREG(st.st_mode):
        return "file"
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory; name a file to write, such as DIR/NAME", shown)
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return "stream"
    raise InputError("is not a regular file (a block device or a socket); refused as an output", shown)


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    target = Path(path)
    binary = "b" in mode
    kind = output_kind(target)
    if kind == "stream":
        try:
            with open(target, mode, encoding=None if binary else encoding, newline=None if binary else newline) as fh:
                yield fh
        except OSError as exc:
            if exc.errno in OUTPUT_ERRNOS | {errno.EPIPE}:
                raise write_error(exc, path, stream=True) from None
            raise
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tk-{_HOST}-{os.getpid()}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror or exc}", display_path(path)) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else newline) as fh:
            try:
                yield fh
            except OSError as exc:
                if exc.errno in OUTPUT_ERRNOS:
                    raise write_error(exc, path) from None
                raise
            try:
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise write_error(exc, path) from None
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise write_error(exc, path) from None
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.errno in OUTPUT_ERRNOS:  # the close's final flush
            raise write_error(exc, path) from None
        raise
