"""The ignore file: accepted findings, by id, suppressed on later runs.

One finding id per line (as printed in reports, e.g. ``variant-forms:1a2b3c4d``); ``#`` starts a
comment. ``.termkit-ignore`` in the current folder is read when no ``--ignore`` file is named
(or ``termkit-ignore``: what a browser saves the report page's download as).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..formats.limits import read_limited_text

DEFAULT_IGNORE_FILE = ".termkit-ignore"
DEFAULT_NAMES = (DEFAULT_IGNORE_FILE, "termkit-ignore")


def default_ignore_file() -> Path | None:
    """./.termkit-ignore, else ./termkit-ignore (browsers save the report page's download without
    the leading dot), when one exists."""
    for name in DEFAULT_NAMES:
        if Path(name).is_file():
            return Path(name)
    return None


def read_ignore_file(path: str | os.PathLike | None = None) -> set[str]:
    """Ids listed in ``path`` (or, when no path is given, in the default file if one exists)."""
    if path is None:
        p = default_ignore_file()
        if p is None:
            return set()
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError("ignore file not found", str(path))
    ids = set()
    lines = read_limited_text(p, "an ignore file").splitlines()
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            ids.add(line)
    return ids
