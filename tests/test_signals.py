"""Killing termkit in the middle of a large export leaves the old file or no file, never a
truncated one, and no temporary file; Ctrl-C exits 130 and SIGTERM 143, each with one line."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def big_glossary(path: Path, concepts: int = 60000) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("concept_id,lang,term,status,type,pos,subject,definition,note,source\n")
        for i in range(concepts):
            fh.write(f"c{i},en,term number {i},preferred,,,s,,,\nc{i},zh,术语{i},preferred,,,s,,,\n")


def termkit() -> str:
    return str(Path(sys.executable).parent / "termkit")


def kill_during_write(tmp_path: Path, sig: int, old: bytes | None):
    src = tmp_path / "big.csv"
    big_glossary(src)
    out = tmp_path / "termbase.tbx"
    if old is not None:
        out.write_bytes(old)
    proc = subprocess.Popen([termkit(), "export", str(src), "-o", str(out)], stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until the temporary file is being written
        if any(p.name.startswith(".termbase.tbx.") for p in tmp_path.iterdir()):
            break
        if proc.poll() is not None:
            pytest.fail("export finished before it could be interrupted")
        time.sleep(0.005)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    return proc.returncode, err, out, leftovers


@pytest.mark.parametrize("old", [None, b"<old termbase/>\n"], ids=["no-old-file", "old-file"])
def test_sigterm_during_export(tmp_path, old):
    code, err, out, leftovers = kill_during_write(tmp_path, signal.SIGTERM, old)
    assert code == 143
    assert err == "termkit: terminated\n"
    assert leftovers == []
    if old is None:
        assert not out.exists()
    else:
        assert out.read_bytes() == old


def test_ctrl_c_during_export(tmp_path):
    code, err, out, leftovers = kill_during_write(tmp_path, signal.SIGINT, None)
    assert code == 130
    assert err == "termkit: interrupted\n"
    assert leftovers == [] and not out.exists()
