"""The readers the fuzzer drives, and how: shared by fuzz_readers.py (atheris) and by
tests/test_fuzz_regressions.py, which replays every crash the fuzzer ever found."""

from __future__ import annotations

import contextlib
import os

import termkit.formats.tmx
import termkit.formats.xliff  # noqa: F401   the fuzzer instruments them and sees their coverage)
from termkit.errors import TermkitError
from termkit.formats.bilingual import read_bilingual
from termkit.formats.registry import read_any_csv
from termkit.formats.tbx import read as read_tbx
from termkit.formats.txt import read_text
from termkit.text.normalize import normalize
from termkit.text.segment import segment

SUFFIX = {"tbx": ".tbx", "tmx": ".tmx", "xliff": ".xlf", "csv": ".csv", "txt": ".txt"}


def read_txt(path: str) -> None:
    doc = read_text(path)
    segment(doc.text)
    normalize(doc.text)


READERS = {
    "tbx": read_tbx,
    "tmx": read_bilingual,
    "xliff": read_bilingual,
    "csv": read_any_csv,
    "txt": read_txt,
}


def run_one(target: str, data: bytes, workdir: str) -> None:
    """Read ``data`` with the target's reader; InputError is a clean refusal, anything else a bug."""
    path = os.path.join(workdir, "input" + SUFFIX[target])
    with open(path, "wb") as fh:
        fh.write(data)
    with contextlib.suppress(TermkitError):
        READERS[target](path)
