import json

from click.testing import CliRunner

from termkit import __version__
from termkit.cli import main

from conftest import SEEDS, seed_text

SEED_001 = str(next(SEEDS.glob("001_*.txt")))


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_version_and_help():
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.output
    r = run("--help")
    assert r.exit_code == 0 and "segment" in r.output


def test_segment_tsv_matches_the_original_offsets():
    r = run("segment", SEED_001)
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].split("\t") == ["doc", "index", "start", "end", "kind", "label", "text"]
    text = seed_text("001")
    for line in lines[1:]:
        doc, index, start, end, kind, label, seg_text = line.split("\t")
        assert doc == "001_a1e2a0e00d5c9997"
        original = text[int(start) : int(end)]
        escaped = original.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        assert seg_text == escaped


def test_segment_jsonl_to_file(tmp_path):
    out = tmp_path / "s.jsonl"
    r = run("segment", str(SEEDS), "--format", "jsonl", "-o", str(out))
    assert r.exit_code == 0, r.output
    records = [json.loads(record) for record in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc"] for r in records} == {p.stem for p in SEEDS.glob("*.txt")}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for rec in records:
        assert texts[rec["doc"]][rec["start"] : rec["end"]] == rec["text"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_bad_input_gives_one_line_error_and_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    for path, message in [(empty, "empty file"), (binary, "not a text file"), (tmp_path / "nope.txt", "no such file")]:
        r = CliRunner().invoke(main, ["segment", str(path)])
        assert r.exit_code == 2
        err = r.stderr if hasattr(r, "stderr") else r.output
        assert err.strip().count("\n") == 0, err
        assert err.startswith(f"termkit: error: {path}") and message in err
        assert "Traceback" not in err


def test_failed_run_leaves_no_output_file(tmp_path):
    out = tmp_path / "out.tsv"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run("segment", SEED_001, str(empty), "-o", str(out))
    assert r.exit_code == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [empty]


def test_public_api_names():
    import termkit

    for name in (
        "mine",
        "load_glossary",
        "check_paths",
        "check_documents",
        "run_job",
        "align_sentences",
        "align_documents",
        "export_glossary",
        "load_documents",
        "normalize",
        "segment",
    ):
        assert callable(getattr(termkit, name)), name
    import termkit.align
    import termkit.check

    assert callable(termkit.align_sentences) and callable(termkit.check_paths)


def test_every_registered_command_is_listed_for_lazy_loading():
    import importlib
    import pkgutil

    import termkit.cli
    from termkit.cli.app import COMMAND_MODULES

    for module in pkgutil.iter_modules(termkit.cli.__path__):
        if module.name != "__main__":  # running it would run the command line
            importlib.import_module(f"termkit.cli.{module.name}")
    assert set(main.commands) == set(COMMAND_MODULES)
