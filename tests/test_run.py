"""`termkit run`: the README's quick-start job, end to end through the installed command, and what
it hands a CAT tool: the glossary as a termbase (TBX v2 and v3, wide CSV), the mined candidates
apart as proposed entries, a folder that is never silently overwritten by another run."""

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from lxml import etree

from termkit.cli import main
from termkit.formats import tbx
from termkit.formats.csv import read_glossary_csv, read_glossary_csv_wide

from conftest import ROOT

GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"
BOM = b"\xef\xbb\xbf"


def termkit(*args, cwd=ROOT):
    exe = shutil.which("termkit") or str(Path(sys.executable).parent / "termkit")
    return subprocess.run([exe, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def quick_start(tmp_path_factory):
    """The README's first command, word for word but for the output folder."""
    out = tmp_path_factory.mktemp("run") / "out"
    proc = termkit("run", "seeds", "-g", "glossaries/un-drug-control.csv", "-o", out)
    return proc, out


@pytest.fixture(scope="module")
def glossary():
    return read_glossary_csv(GLOSSARY)


def test_quick_start_job(quick_start):
    proc, out = quick_start
    # the seeds hold real inconsistencies (errors), so the exit code is check's: 1
    assert proc.returncode == 1, proc.stderr
    summary = proc.stderr.strip().splitlines()[0]
    assert summary.startswith("4 documents") and "report: " in summary
    severities = summary.split("report: ")[1].split("(")[1].split(")")[0]
    assert [part.split()[1] for part in severities.split(", ")] == ["errors", "warnings", "info"]  # in this order
    names = {p.name for p in out.iterdir()}
    assert names == {
        "candidates.csv",
        "termbase.tbx",
        "termbase-v3.tbx",
        "termbase.csv",
        "proposed.tbx",
        "proposed.csv",
        "report.html",
        "report.json",
        "report.csv",
        "report.xlsx",
        "termkit-run.json",
    }

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["findings"][0]["severity"] == "error"
    page = lxml.html.fromstring((out / "report.html").read_text(encoding="utf-8"))
    first = page.xpath("//article[contains(@class, 'card')]")[0]
    assert "艾滋病" in first.text_content() or "精神活性物质" in first.text_content()


def test_every_csv_has_a_bom_for_excel(quick_start):
    _, out = quick_start
    for name in ("candidates.csv", "termbase.csv", "proposed.csv", "report.csv"):
        assert (out / name).read_bytes().startswith(BOM), name


def test_the_termbase_is_the_glossary_in_tbx_v2_and_v3(quick_start, glossary):
    _, out = quick_start
    v2 = etree.parse(str(out / "termbase.tbx"))
    assert v2.getroot().tag == "martif" and v2.getroot().get("type") == "TBX-Basic"
    v3 = etree.parse(str(out / "termbase-v3.tbx"))
    assert v3.getroot().tag == f"{{{tbx.TBX_NS}}}tbx"
    for name in ("termbase.tbx", "termbase-v3.tbx"):
        concepts = tbx.read(out / name).concepts
        # only the glossary: no mined candidate slipped in as an admitted term
        assert [c.id for c in concepts] == [c.id for c in glossary]
        assert not any(t.status == "proposed" for c in concepts for t in c.terms)
        assert {(t.text, t.status) for c in concepts for t in c.terms} == {
            (t.text, t.status) for c in glossary for t in c.terms
        }
        for c in concepts:  # a CAT tool shows the first term of a language: the preferred one
            for lang in ("en", "zh"):
                terms = c.terms_in(lang)
                assert not terms or terms[0].status == "preferred" or "preferred" not in {t.status for t in terms}


def test_the_termbase_csv_is_one_concept_a_row_with_a_column_per_language(quick_start, glossary):
    _, out = quick_start
    raw = (out / "termbase.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["subject", "en", "zh-CN", "concept_id"]  # translate-toolkit's location, source, target, id
    assert len(body) == len(glossary) and raw.count(b"\n") == len(glossary) + 1  # every record one line
    by_id = {r[header.index("concept_id")]: r for r in body}
    for concept in glossary:
        row = by_id[concept.id]
        assert row[1] == concept.preferred("en").text and row[2] == concept.preferred("zh").text
    back, _ = read_glossary_csv_wide(out / "termbase.csv", {"zh": "zh-CN"})
    assert [c.id for c in back] == [c.id for c in glossary]


def test_mined_candidates_are_proposed_entries_of_their_own(quick_start, glossary):
    _, out = quick_start
    candidates = list(csv.DictReader(io.StringIO((out / "candidates.csv").read_text(encoding="utf-8-sig"), newline="")))
    new = [c["text"] for c in candidates if c["status"] == "new"]
    # one proposed entry per candidate concept: its new forms, consecutive under one head
    groups: list[list[dict]] = []
    for c in (c for c in candidates if c["status"] == "new"):
        if groups and c["role"] != "head" and c["head"] == groups[-1][-1]["head"]:
            groups[-1].append(c)
        else:
            groups.append([c])
    proposed = tbx.read(out / "proposed.tbx").concepts
    assert [[t.text for t in c.terms] for c in proposed] == [[c["text"] for c in g] for g in groups]
    assert any(len(g) > 1 for g in groups)
    assert all(t.status == "proposed" for c in proposed for t in c.terms)
    assert all(c.id.startswith("proposed-") for c in proposed)
    text = (out / "proposed.tbx").read_text(encoding="utf-8")
    assert "administrativeStatus" not in text and text.count(tbx.PROPOSED_NOTE) == len(new)
    rows = list(csv.DictReader(io.StringIO((out / "proposed.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert [r["zh-CN"] for r in rows] == [g[0]["text"] for g in groups] and {r["zh-CN_status"] for r in rows} == {
        "proposed"
    }
    assert not set(new) & {t.text for c in glossary for t in c.terms}


def test_translate_toolkit_reads_the_termbase_en_to_zh(quick_start, glossary):
    from translate.storage.tbx import tbxfile

    _, out = quick_start
    store = tbxfile.parsestring((out / "termbase.tbx").read_bytes(), sourcelanguage="en", targetlanguage="zh-CN")
    pairs = [(u.source, u.target) for u in store.units]
    assert pairs == [(c.preferred("en").text, c.preferred("zh").text) for c in glossary]
    assert ("United Nations Office on Drugs and Crime", "联合国毒品和犯罪问题办公室") in pairs


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_same_run_again_replaces_its_results_quietly(tmp_path):
    out = tmp_path / "out"
    first = run("run", ROOT / "seeds", "-g", GLOSSARY, "-o", out, "--top", "20", "--fail-on", "never")
    assert first.exit_code == 0, first.output
    again = run("run", ROOT / "seeds", "-g", GLOSSARY, "-o", out, "--top", "10", "--fail-on", "never")
    assert again.exit_code == 0 and "termkit: error" not in again.stderr
    rows = (out / "candidates.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 11  # the second run's results


def test_another_runs_results_are_not_replaced_without_force(tmp_path):
    out = tmp_path / "out"
    assert run("run", ROOT / "seeds", "-g", GLOSSARY, "-o", out, "--top", "20", "--fail-on", "never").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    one_doc = tmp_path / "one"
    one_doc.mkdir()
    shutil.copy(sorted((ROOT / "seeds").glob("*.txt"))[0], one_doc)

    other_corpus = run("run", one_doc, "-g", GLOSSARY, "-o", out)
    assert other_corpus.exit_code == 2
    assert other_corpus.stderr.startswith(f"termkit: error: {out}: it holds the results of a run with another corpus")
    assert "--force" in other_corpus.stderr and len(other_corpus.stderr.strip().splitlines()) == 1
    no_glossary = run("run", ROOT / "seeds", "-o", out)
    assert no_glossary.exit_code == 2 and "another glossary" in no_glossary.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing touched

    forced = run("run", one_doc, "-o", out, "--force", "--fail-on", "never")
    assert forced.exit_code == 0, forced.output
    names = {p.name for p in out.iterdir()}
    assert "termbase.tbx" not in names and "termbase.csv" not in names  # the old run's termbase is gone
    assert json.loads((out / "termkit-run.json").read_text(encoding="utf-8"))["corpus"] == [str(one_doc.resolve())]


def test_a_folder_with_results_of_unknown_origin_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("someone's report", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    r = run("run", ROOT / "seeds", "-o", out)
    assert r.exit_code == 2 and "inputs are unknown" in r.stderr
    assert (out / "report.html").read_text(encoding="utf-8") == "someone's report"
    # a folder with other files only is fine, and they are left alone
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    assert run("run", ROOT / "seeds", "-o", other, "--top", "5", "--fail-on", "never").exit_code == 0
    assert (other / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_run_and_check_share_the_exit_rule(tmp_path):
    args = [ROOT / "seeds", "-g", GLOSSARY]
    for fail_on, expected in (("error", 1), ("never", 0)):
        checked = run("check", *args, "--fail-on", fail_on, "-o", tmp_path / f"check-{fail_on}")
        ran = run("run", *args, "--fail-on", fail_on, "-o", tmp_path / f"run-{fail_on}", "--top", "5")
        assert checked.exit_code == ran.exit_code == expected, (fail_on, ran.output)


def test_run_without_a_glossary_writes_no_termbase(tmp_path):
    r = run("run", ROOT / "seeds", "-o", tmp_path / "out", "--top", "30", "--fail-on", "never")
    assert r.exit_code == 0, r.output
    assert "no glossary, so no termbase" in r.stderr
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert "termbase.tbx" not in names and {"proposed.tbx", "proposed.csv", "candidates.csv"} <= names


def test_message_options_work_after_the_command(tmp_path):
    quiet = run("run", ROOT / "seeds", "-o", tmp_path / "q", "--top", "5", "-q", "--fail-on", "never")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    mined = run("mine", ROOT / "seeds", "--top", "3", "-q")
    assert mined.exit_code == 0 and mined.stderr == "" and "毒品和犯罪问题办公室" in mined.stdout
    loud = run("mine", ROOT / "seeds", "--top", "3")
    assert "candidates from 4 documents" in loud.stderr
    debug = run("lookup", "x", "-g", tmp_path / "missing.csv", "--debug")
    assert debug.exit_code == 2 and "Traceback" in debug.stderr
    plain = run("lookup", "x", "-g", tmp_path / "missing.csv")
    assert plain.exit_code == 2 and "Traceback" not in plain.stderr


def test_run_refuses_a_file_as_output_folder(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    r = run("run", ROOT / "seeds", "-o", target)
    assert r.exit_code == 2 and "not a folder" in r.stderr


OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


def test_omegat_reads_the_termbase_en_to_zh(quick_start, glossary):
    """OmegaT's own TBX reader (Debian's omegat, installed by .ci/run) on out/termbase.tbx."""
    import os

    groovy = shutil.which("groovy")
    if groovy is None or not OMEGAT_JAR.exists():
        if os.environ.get("TERMKIT_REQUIRE_OMEGAT"):
            pytest.fail("TERMKIT_REQUIRE_OMEGAT is set but OmegaT (Debian package omegat) is not installed")
        pytest.skip("needs OmegaT and groovy (apt-get install omegat)")
    env = dict(os.environ)
    java = shutil.which("java")
    if java and not Path(env.get("JAVA_HOME", "/nonexistent"), "bin", "java").exists():
        env["JAVA_HOME"] = str(Path(java).resolve().parents[1])  # groovy's default may not exist
    classpath = ":".join(map(str, [OMEGAT_JAR, *sorted(OMEGAT_JAR.parent.glob("lib/*.jar"))]))
    _, out = quick_start
    proc = subprocess.run(
        [
            groovy,
            "-cp",
            classpath,
            str(ROOT / "tests" / "omegat" / "read_tbx.groovy"),
            str(out / "termbase.tbx"),
            "en",
            "zh-CN",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    pairs = {tuple(line.split("\t")) for line in proc.stdout.splitlines() if "\t" in line}
    # every concept's preferred English and Chinese terms, as a translator sees them
    missing = [
        (c.preferred("en").text, c.preferred("zh").text)
        for c in glossary
        if (c.preferred("en").text, c.preferred("zh").text) not in pairs
    ]
    assert missing == []
    together = {(e.text, z.text) for c in glossary for e in c.terms_in("en") for z in c.terms_in("zh")}
    assert pairs <= together  # and no pair that crosses two concepts
