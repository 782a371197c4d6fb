"""The ignore file: accepted findings, by id, suppressed on later runs.

One finding id per line (as printed in reports, e.g. ``variant-forms:1a2b3c4d``); ``#`` starts a
comment. ``.termkit-ignore`` in the current folder is read when no ``--ignore`` file is named.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError

DEFAULT_IGNORE_FILE = ".termkit-ignore"


def read_ignore_file(path: str | os.PathLike | None = None) -> set[str]:
    """Ids listed in ``path`` (or in ./.termkit-ignore when it exists and no path is given)."""
    if path is None:
        p = Path(DEFAULT_IGNORE_FILE)
        if not p.is_file():
            return set()
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError("ignore file not found", str(path))
    ids = set()
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InputError("ignore file is not UTF-8 text", str(p)) from None
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            ids.add(line)
    return ids
