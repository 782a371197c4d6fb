"""Counting by levels (Apriori): the counts of frequent n-grams are exact, only n-grams whose
parts are frequent are counted, and the result equals the one-pass count however it runs."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from termkit.mine.candidates import count_chunk, count_documents
from termkit.mine.chunks import plan_chunks
from termkit.mine.counts import Counts, frequent_counts
from termkit.mine.execute import LocalExecutor, PoolExecutor
from termkit.mine.kinds import SEP
from termkit.mine.levels import LevelStats, count_by_levels, level_pass
from termkit.mine.options import MineOptions
from termkit.mine.spool import RunSpool, read_runs, spool_path, write_frequent

from conftest import SEEDS
from test_scale import unpc_dir  # noqa: F401  (fixture)


def _plan(folder, chunk_bytes=40_000):
    files = sorted(str(p) for p in folder.glob("*.txt"))
    return plan_chunks([(f, os.path.basename(f)[:-4]) for f in files], chunk_bytes=chunk_bytes)


def _one_pass(chunks, min_freq):
    return frequent_counts(LocalExecutor().map_reduce(count_chunk, chunks, (), True, None), min_freq)


def _same(a: Counts, b: Counts):
    assert list(a.ngrams.items()) == list(b.ngrams.items())  # same counts, same canonical order
    assert a.doc_freq == b.doc_freq
    assert a.words == b.words and a.titles == b.titles and a.definitions == b.definitions
    assert (a.n_docs, a.n_chars, a.n_zh_docs, a.n_tokens) == (b.n_docs, b.n_chars, b.n_zh_docs, b.n_tokens)


@pytest.mark.parametrize("min_freq", [1, 2, 3])
def test_levels_equal_the_one_pass_count_on_the_seeds(min_freq):
    chunks = _plan(SEEDS)
    assert len(chunks) > 1
    _same(count_by_levels(LocalExecutor(), chunks, MineOptions(min_freq=min_freq)), _one_pass(chunks, min_freq))


@pytest.mark.slow
def test_levels_equal_the_one_pass_count_on_the_unpc_dev_set(unpc_dir):  # noqa: F811
    chunks = _plan(unpc_dir, 400_000)
    stats = LevelStats()
    levels = count_by_levels(LocalExecutor(), chunks, MineOptions(min_freq=2), stats=stats)
    _same(levels, _one_pass(chunks, 2))
    # what pruning saves: every n-gram of the one pass is held at once; by levels, at most one
    # level's counted runs plus the frequent candidates kept so far
    everything = LocalExecutor().map_reduce(count_chunk, chunks, (), True, None)
    assert max(stats.counted[1:]) + len(levels.ngrams) < 0.6 * len(everything.ngrams)
    assert stats.frequent[1] < stats.counted[1]  # pass 2 counted runs that turned out rare


def test_a_run_is_counted_only_where_both_parts_are_frequent(tmp_path):
    # a run seen 3 times in documents 0 and 2; 国际|毒品 and 毒品|管制 are frequent, 管制|公约 is not
    spool = tmp_path / "spool"
    spool.mkdir()
    words = ["国际", "毒品", "管制", "公约"]
    runs = RunSpool()
    for doc in (0, 0, 2):
        runs.add(doc, [SEP.join(words)])
    with open(spool_path(str(spool), 0, 2), "w", encoding="utf-8") as fh:
        runs.write(fh)
    write_frequent(str(spool), 2, [SEP.join(["国际", "毒品"]), SEP.join(["毒品", "管制"])])
    got = level_pass((0, []), str(spool), 3)
    assert got.support == Counter({SEP.join(["国际", "毒品", "管制"]): 3})
    assert got.doc_freq == Counter({SEP.join(["国际", "毒品", "管制"]): 2})
    # the next spool holds no stretch: no 4-word run can have two counted 3-word parts
    assert Path(spool_path(str(spool), 0, 3)).read_text(encoding="utf-8") == ""
    assert level_pass((0, []), str(spool), 3) == got  # a task may run again (a Dask retry): same result


def test_counts_under_a_tiny_memory_limit_are_the_same():
    chunks = _plan(SEEDS)
    _same(
        count_by_levels(LocalExecutor(), chunks, MineOptions(min_freq=2, memory_limit=1)),
        count_by_levels(LocalExecutor(), chunks, MineOptions(min_freq=2)),
    )


@pytest.mark.slow
def test_process_pool_counts_by_levels_the_same():
    chunks = _plan(SEEDS)
    with PoolExecutor(2) as pool:
        pooled = count_by_levels(pool, chunks, MineOptions(min_freq=2))
    _same(pooled, count_by_levels(LocalExecutor(), chunks, MineOptions(min_freq=2)))


def test_a_given_spool_directory_is_left_empty(tmp_path):
    from termkit.mine import mine

    count_by_levels(LocalExecutor(), _plan(SEEDS), MineOptions(min_freq=2), directory=str(tmp_path))
    left = os.listdir(tmp_path)  # only the normalized text, kept for the scan
    assert left and all(name.startswith("text") for name in left)
    spool = tmp_path / "spool"
    mine([SEEDS], top=5, spool_dir=str(spool), chunk_bytes=40_000)
    assert os.listdir(spool) == []


def test_the_scan_reads_the_spooled_text_and_finds_the_same(tmp_path):
    from termkit.mine.chunks import chunk_documents
    from termkit.mine.scan import scan_documents
    from termkit.mine.spool import read_normalized, text_spool_path

    chunks = _plan(SEEDS)
    count_by_levels(LocalExecutor(), chunks, MineOptions(min_freq=2), directory=str(tmp_path))
    cands = ["毒品和犯罪问题办公室", "毒罪办", "新精神活性物质", "麻醉药品委员会"]
    for k, chunk in enumerate(chunks):
        with open(text_spool_path(str(tmp_path), k), "rb") as fh:
            spooled = scan_documents(chunk_documents(chunk), cands, 3, read_normalized(fh))
        again = scan_documents(chunk_documents(chunk), cands, 3)
        assert spooled.freq == again.freq and spooled.forms == again.forms and spooled.left == again.left
        assert {c: s.contexts(3) for c, s in spooled.samples.items()} == {
            c: s.contexts(3) for c, s in again.samples.items()
        }


def test_the_spool_holds_each_distinct_run_once_with_its_count_and_documents(tmp_path):
    from termkit.model import Document

    docs = [
        Document(id="a", text="毒品和犯罪问题办公室。"),
        Document(id="b", text=""),
        Document(id="c", text="毒品和犯罪问题办公室，毒罪办。毒品和犯罪问题办公室。"),
    ]
    with open(tmp_path / "s", "w", encoding="utf-8") as fh:
        count_documents(docs, max_words=1, spool=fh)
    with open(tmp_path / "s", encoding="utf-8") as fh:
        got = {run.replace(SEP, ""): (count, docs) for count, docs, run in read_runs(fh)}
    assert got["毒品和犯罪问题办公室"] == (3, [0, 2])  # the comma and the full stop end runs
    assert got["毒罪办"] == (1, [2])


# --- large files are read in parts ------------------------------------------------------------------


def _big_file(tmp_path, encoding="utf-8"):
    text = "".join(f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt")))
    path = tmp_path / f"big-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    return path, text


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_large_file_is_cut_at_line_ends_into_parts_that_decode_alone(tmp_path, encoding):
    from termkit.formats.txt import read_text_part, text_parts

    path, text = _big_file(tmp_path, encoding)
    parts = text_parts(path, 20_000)
    assert len(parts) >= 4
    assert parts[0][0] == 0 and parts[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    data = path.read_bytes()
    assert all(data[e - 1 : e] == b"\n" for _, e in parts[:-1])
    decoded = [read_text_part(path, b, e).text for b, e in parts]
    assert "".join(decoded) == text


def test_a_utf16_file_is_one_part(tmp_path):
    from termkit.formats.txt import text_parts

    path, _ = _big_file(tmp_path, "utf-16")
    assert text_parts(path, 20_000) == [(0, path.stat().st_size)]


def test_mining_one_large_file_reads_it_in_parts_and_contexts_point_into_them(tmp_path):
    from termkit.formats.txt import read_text_part
    from termkit.mine import mine
    from termkit.text.normalize import normalize_key

    path, _ = _big_file(tmp_path)
    result = mine([path], top=30, part_bytes=30_000)
    whole = mine([path], top=30)
    # the same concepts in the same order (the order of a concept's forms may differ: their
    # document spread counts parts as documents)
    heads = [c.group for c in result if c.role == "head"]
    assert set(heads[:8]) <= set([c.group for c in whole if c.role == "head"][:12])
    parts = {x.doc_id for c in result for x in c.contexts}
    assert len(parts) > 1 and all(d.startswith("big-utf-8#") for d in parts)
    plan = plan_chunks([(str(path), "big-utf-8")], part_bytes=30_000)
    items = {item[1]: item for chunk in plan for item in chunk}
    for c in result:
        for x in c.contexts:
            _, doc_id, begin, end = items[x.doc_id]
            doc = read_text_part(path, begin, end, doc_id=doc_id)
            assert normalize_key(doc.text[x.start : x.end]) == normalize_key(c.text)
            assert normalize_key(doc.text[x.start : x.end]) in normalize_key(x.sentence)


def test_a_decoding_error_in_a_later_part_names_the_line_of_the_whole_file(tmp_path):
    from termkit.errors import InputError
    from termkit.formats.txt import read_text_part, text_parts

    path, text = _big_file(tmp_path)
    data = path.read_bytes()
    cut = len(data) - 10
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    parts = text_parts(path, 20_000, encoding="utf-8")  # named: detection would refuse the whole file
    with pytest.raises(InputError) as err:
        read_text_part(path, *parts[-1], encoding="utf-8")
    assert err.value.line == data[:cut].count(b"\n") + 1


def test_a_long_lived_worker_reads_the_frequent_set_of_this_run(tmp_path):
    from termkit.mine.spool import read_frequent

    write_frequent(str(tmp_path), 1, ["毒品", "管制"])
    assert read_frequent(str(tmp_path), 1) == {"毒品", "管制"}
    write_frequent(str(tmp_path), 1, ["公约"])  # the next run, same spool directory, same path
    assert read_frequent(str(tmp_path), 1) == {"公约"}
