"""atomic_write: what an output name is decides how it is written, and a failed write leaves nothing."""

import errno
import os

import pytest

from termkit.errors import InputError
from termkit.formats import atomic
from termkit.formats.atomic import atomic_write, output_kind


def test_a_full_disk_is_a_one_line_error_and_leaves_nothing(tmp_path, monkeypatch):
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: Full(real_fdopen(*a, **k)))
    (tmp_path / "old.csv").write_text("old\n", encoding="utf-8")
    full = pytest.raises(InputError, match="old.csv: cannot write: the disk is full; nothing was written")
    with full, atomic_write(tmp_path / "old.csv") as fh:
        fh.write("new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["old.csv"]
    assert (tmp_path / "old.csv").read_text(encoding="utf-8") == "old\n"


def test_what_is_replaced_and_what_is_written_to(tmp_path):
    (tmp_path / "file.csv").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "file.csv", tmp_path / "link.csv")
    os.symlink("/dev/null", tmp_path / "null.csv")
    os.mkfifo(tmp_path / "fifo.csv")
    assert output_kind(tmp_path / "new.csv") == "new"
    assert output_kind(tmp_path / "file.csv") == "file"
    assert output_kind(tmp_path / "null.csv") == "stream"
    assert output_kind(tmp_path / "fifo.csv") == "stream"
    assert output_kind("/dev/null") == "stream"
    with pytest.raises(InputError, match="is a symbolic link"):
        output_kind(tmp_path / "link.csv")
    with pytest.raises(InputError, match="is a directory"):
        output_kind(tmp_path)


def test_stale_temporaries_of_dead_runs_are_removed_once(tmp_path, caplog, monkeypatch):
    import logging
    import subprocess

    monkeypatch.setattr(logging.getLogger("termkit.warnings"), "propagate", True)  # the CLI turns it off

    proc = subprocess.Popen(["true"])
    proc.wait()
    stale = tmp_path / f".out.csv.tk-{atomic._HOST}-{proc.pid}-abcd1234.tmp"
    live = tmp_path / f".out.csv.tk-{atomic._HOST}-{os.getpid()}-abcd1234.tmp"
    other = tmp_path / f".out.csv.tk-otherhost-{proc.pid}-abcd1234.tmp"
    for p in (stale, live, other):
        p.write_text("x", encoding="utf-8")
    with atomic_write(tmp_path / "out.csv") as fh:
        fh.write("done\n")
    assert not stale.exists() and live.exists() and other.exists()
    assert "removed 1 stale temporary file(s)" in caplog.text
