"""One code path, three executors: the ranked output of ``mine()`` is the same in this process,
in a local process pool (``--jobs``) and on a Dask cluster (a LocalCluster of two worker
processes on loopback), on the seeds and on the UN Parallel Corpus dev set."""

from __future__ import annotations

import json
import os
import sys

import pytest
from click.testing import CliRunner

from termkit.cli import main
from termkit.documents import load_documents
from termkit.errors import InputError
from termkit.mine import Counts, count_documents, mine, scan_documents
from termkit.mine.candidates import count_chunk
from termkit.mine.chunks import plan_chunks
from termkit.mine.execute import DASK_MISSING, LocalExecutor, make_executor, merge_all, merge_new

from conftest import SEEDS
from conftest import UNPC as UNPC_DIR

UNPC = UNPC_DIR / "UNv1.0.devset.zh"
CHUNK = 40_000  # small chunks, so that even the seeds make several tasks


def ranked(result):
    """Everything the output shows, in order."""
    return [
        (
            c.key,
            c.text,
            c.score,
            c.freq,
            c.doc_freq,
            c.scores["cvalue"],
            c.scores["cohesion"],
            c.scores["entropy_left"],
            c.scores["entropy_right"],
            c.abbreviation_of,
            tuple(c.abbreviations),
            tuple((x.doc_id, x.start, x.end, x.sentence) for x in c.contexts),
        )
        for c in result
    ]


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster per module: two worker processes, one thread each, loopback, no dashboard."""
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is in the test extra; install '.[test]'")
    c = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    client = distributed.Client(c)
    yield client
    client.close()
    c.close()


@pytest.fixture(scope="module")
def unpc_dir(tmp_path_factory):
    """The UNPC dev set (Chinese side, 4,000 sentences) as eight documents of 500 lines."""
    lines = UNPC.read_text(encoding="utf-8").splitlines(keepends=True)
    d = tmp_path_factory.mktemp("unpc")
    for i in range(0, len(lines), 500):
        (d / f"unpc{i // 500:02d}.txt").write_text("".join(lines[i : i + 500]), encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def seeds_local():
    return mine([str(SEEDS)], top=0, chunk_bytes=CHUNK)


@pytest.fixture(scope="module")
def unpc_local(unpc_dir):
    return mine([str(unpc_dir)], top=0, chunk_bytes=CHUNK)


def test_the_plan_has_several_chunks(unpc_dir):
    files = sorted(unpc_dir.glob("*.txt"))
    chunks = plan_chunks([(str(f), f.stem) for f in files], chunk_bytes=CHUNK)
    assert len(chunks) == len(files) >= 8
    assert len(plan_chunks([(str(f), f.stem) for f in files])) == 1


def test_the_plan_gives_each_worker_the_same_share(tmp_path):
    """40 files of 50 kB with chunks of at most 800 kB: 3 chunks (800 + 800 + 400 kB) for one
    worker; for two, 4 chunks of 500 kB, so that neither waits for the other's last chunk."""
    files = []
    for k in range(40):
        f = tmp_path / f"d{k:02d}.txt"
        f.write_text("联合国毒品和犯罪问题办公室。\n" * 2500, encoding="utf-8")  # 50 kB (UTF-8)
        files.append((str(f), f.stem))
    size = os.path.getsize(files[0][0])

    def shares(plan):
        return [len(chunk) * size for chunk in plan]

    assert shares(plan_chunks(files, chunk_bytes=16 * size)) == [16 * size, 16 * size, 8 * size]
    assert shares(plan_chunks(files, chunk_bytes=16 * size, workers=2)) == [10 * size] * 4
    # three workers: 40 files do not divide by 3; a file goes where its middle falls
    assert shares(plan_chunks(files, chunk_bytes=16 * size, workers=3)) == [13 * size, 14 * size, 13 * size]
    assert [item for chunk in plan_chunks(files, chunk_bytes=16 * size, workers=2) for item in chunk] == files


@pytest.mark.slow
def test_dask_equals_single_process_on_the_seeds(cluster, seeds_local):
    result = mine([str(SEEDS)], top=0, chunk_bytes=CHUNK, scheduler=cluster)
    assert len(seeds_local) > 500
    assert ranked(result) == ranked(seeds_local)
    assert (result.n_docs, result.n_chars, result.n_candidates) == (
        seeds_local.n_docs,
        seeds_local.n_chars,
        seeds_local.n_candidates,
    )


@pytest.mark.slow
def test_dask_equals_single_process_on_the_unpc_dev_set(cluster, unpc_local, unpc_dir):
    result = mine([str(unpc_dir)], top=0, chunk_bytes=CHUNK, scheduler=cluster)
    assert len(unpc_local) > 500
    assert ranked(result) == ranked(unpc_local)


@pytest.mark.slow
def test_process_pool_equals_single_process(seeds_local, unpc_local, unpc_dir):
    assert ranked(mine([str(SEEDS)], top=0, chunk_bytes=CHUNK, jobs=2)) == ranked(seeds_local)
    assert ranked(mine([str(unpc_dir)], top=0, chunk_bytes=CHUNK, jobs=2)) == ranked(unpc_local)


def test_chunking_does_not_change_the_ranking(seeds_local):
    whole = mine([str(SEEDS)], top=0)  # one chunk
    assert [r[:10] for r in ranked(whole)] == [r[:10] for r in ranked(seeds_local)]


@pytest.mark.slow
def test_cli_jobs_equals_single_process(tmp_path):
    runner = CliRunner()
    outs = []
    for extra in ([], ["--jobs", "2"]):
        out = tmp_path / f"terms{len(extra)}.jsonl"
        r = runner.invoke(main, ["-q", "mine", str(SEEDS), "--top", "300", "-o", str(out), *extra])
        assert r.exit_code == 0, r.output
        outs.append([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()])
    assert sum(r["role"] == "head" for r in outs[0]) == 300 and outs[0] == outs[1]  # 300 concepts


def test_cli_scheduler_without_dask_is_one_line(monkeypatch, tmp_path):
    for name in ("dask", "dask.bag", "dask.distributed", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed: import raises ImportError
    r = CliRunner().invoke(main, ["mine", str(SEEDS), "--scheduler", "local"])
    assert r.exit_code == 2
    assert r.output.strip().splitlines() == [f"termkit: error: {DASK_MISSING}"]
    with pytest.raises(InputError):
        make_executor(scheduler="tcp://127.0.0.1:8786")


def test_merges_are_associative_ordered_unions():
    """Any merge tree over the chunks in order gives the same counts with keys in the same order
    (what makes a tree reduction on Dask equal to a linear fold)."""
    docs = list(load_documents([str(SEEDS)]))
    parts = [count_documents([d]) for d in docs]
    linear = merge_all(count_documents([d]) for d in docs)
    tree = merge_new([merge_new(parts[:2]), merge_new(parts[2:])])
    for name in ("ngrams", "doc_freq", "words", "titles", "definitions"):
        assert list(getattr(tree, name).items()) == list(getattr(linear, name).items())
    assert [len(p.ngrams) for p in parts] == [len(count_documents([d]).ngrams) for d in docs]  # inputs untouched
    cands = [k.replace("\x1f", "") for k in list(linear.ngrams)[:300]]
    occ = [scan_documents([d], cands) for d in docs]
    a = merge_all(scan_documents([d], cands) for d in docs)
    b = merge_new([merge_new(occ[:3]), occ[3]])
    assert list(a.freq.items()) == list(b.freq.items())
    assert {k: list(v.items()) for k, v in a.forms.items()} == {k: list(v.items()) for k, v in b.forms.items()}
    assert a.samples == b.samples


def test_local_executor_runs_a_task_per_chunk():
    chunks = plan_chunks([(str(p), p.stem) for p in sorted(SEEDS.glob("*.txt"))], chunk_bytes=1)
    assert len(chunks) == 4
    with LocalExecutor() as ex:
        counts = ex.map_reduce(count_chunk, chunks, (), True, None)
    assert isinstance(counts, Counts) and counts.n_docs == 4


@pytest.mark.slow
def test_spilling_to_disk_gives_the_same_output(seeds_local, tmp_path):
    """A one-byte memory limit: the counts go to SQLite after every chunk and come back equal."""
    from termkit.mine.store import SpillingMerge

    merger = SpillingMerge(1, directory=str(tmp_path))
    chunks = plan_chunks([(str(p), p.stem) for p in sorted(SEEDS.glob("*.txt"))], chunk_bytes=1)
    spilled = LocalExecutor().map_reduce(count_chunk, chunks, (), True, None, merger=merger)
    assert merger.spills >= 4 and not list(tmp_path.iterdir())  # spilled each time; file removed
    inmem = LocalExecutor().map_reduce(count_chunk, chunks, (), True, None)
    for name in ("ngrams", "doc_freq", "words", "titles", "title_docs", "definitions"):
        assert list(getattr(spilled, name).items()) == list(getattr(inmem, name).items())
    assert ranked(mine([str(SEEDS)], top=0, chunk_bytes=CHUNK, memory_limit=1)) == ranked(seeds_local)
    assert ranked(mine([str(SEEDS)], top=0, chunk_bytes=CHUNK, memory_limit="1k", jobs=2)) == ranked(seeds_local)


def test_memory_limit_sizes():
    from termkit.mine.store import default_memory_limit, parse_size

    assert parse_size("512M") == 512 * 2**20 and parse_size("2G") == 2 * 2**30 and parse_size("1.5GB") == 3 * 2**29
    assert parse_size(1000) == 1000 and default_memory_limit() > 0
    with pytest.raises(ValueError):
        parse_size("lots")
    r = CliRunner().invoke(main, ["mine", str(SEEDS), "--memory-limit", "lots"])
    assert r.exit_code == 2 and "--memory-limit" in r.output


def test_chunking_does_not_change_the_output(seeds_local):
    """Counts and written forms merge exactly and contexts are a bottom-k sample of all
    occurrences: one chunk or many, everything the output shows is the same (so the plan may
    follow the number of workers)."""
    one_chunk = mine([str(SEEDS)], top=0, chunk_bytes=10**9)
    assert ranked(one_chunk) == ranked(seeds_local)
    top = next(c for c in seeds_local if c.key == "麻醉药品委员会")
    assert len({x.doc_id for x in top.contexts}) == len(top.contexts) == 3  # distinct documents first


def test_context_samples_merge_in_any_order():
    from termkit.mine.scan import ContextSample

    items = [(p, f"d{p % 5}", p, p + 3) for p in (17, 3, 99, 42, 8, 61, 23, 5)]

    def sample(chunk):
        by_doc = {}
        for it in sorted(chunk):
            by_doc.setdefault(it[1], it)
        return ContextSample(sorted(by_doc.values())[:3], sorted(chunk)[:3])

    whole = sample(items)
    left = sample(items[:3]).merged(sample(items[3:]), 3)
    right = sample(items[5:]).merged(sample(items[:5]), 3)
    assert whole == left == right


def test_the_plan_for_two_workers_with_a_file_in_parts_gives_the_same_output(tmp_path):
    """Files cut into parts, small files around them, a plan made for two workers (other chunks
    than one process's): the same output as one process."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        (corpus / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    lines = UNPC.read_text(encoding="utf-8").splitlines(keepends=True)
    (corpus / "unpc.txt").write_text("".join(lines[:1500]), encoding="utf-8")  # ~200 kB: parts
    options = dict(top=0, chunk_bytes=CHUNK, part_bytes=60_000)
    one = mine([str(corpus)], **options)
    two = mine([str(corpus)], jobs=2, **options)
    assert ranked(two) == ranked(one)
    assert any(x.doc_id.startswith("unpc#") for c in one for x in c.contexts)


def test_an_error_in_the_workers_setup_is_one_line_with_jobs(tmp_path):
    """The parent loads the segmenter in a thread and the pool's server preloads it: an error
    there (a bad TERMKIT_SEGMENTER) is still one line and exit 2, not a thread's traceback."""
    import subprocess

    env = dict(os.environ, TERMKIT_SEGMENTER="bogus")
    r = subprocess.run(
        [sys.executable, "-m", "termkit", "mine", str(SEEDS), "--jobs", "2", "--top", "3", "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        "termkit: error: TERMKIT_SEGMENTER='bogus': expected auto, jieba or rjieba"
    ]


def test_mining_collects_garbage_less_often_and_restores_the_callers_setting():
    import gc

    from termkit.mine.collector import MINING_THRESHOLD

    during = []

    def watch(items, length=None, label=""):
        during.append(gc.get_threshold()[0])
        return items

    before = gc.get_threshold()
    mine([SEEDS], top=5, progress=watch)
    assert during and set(during) == {MINING_THRESHOLD}
    assert gc.get_threshold() == before
