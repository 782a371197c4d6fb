"""The miner's word lists as data, names it must not cut, candidate concepts, evidence, and what a
glossary does to the ranking (issue 18). Real Chinese: the seeds and the UN Parallel Corpus."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from termkit.cli import main
from termkit.errors import InputError
from termkit.mine import mine
from termkit.mine.concepts import groups_of
from termkit.mine.kinds import KINDS, STOP, token_kind
from termkit.mine.lexicon import lexicon, load, parse_list, shipped
from termkit.mine.names import named
from termkit.model import Document
from termkit.text.normalize import normalize_key

from conftest import ROOT, SEEDS, UNPC

GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"
LEXICON = ROOT / "termkit" / "data" / "lexicon"


@pytest.fixture(scope="module")
def plain():
    return mine([str(SEEDS)], top=0)


@pytest.fixture(scope="module")
def glossed():
    return mine([str(SEEDS)], [str(GLOSSARY)], top=0)


def by_key(result):
    return {c.key: c for c in result}


def concept_rank(result, key):
    for i, g in enumerate(groups_of(result), 1):
        if any(c.key == key for c in g):
            return i
    return None


# --- the word lists ---------------------------------------------------------------------------------


def test_every_shipped_list_is_a_file_with_a_header_saying_what_it_does():
    files = sorted(LEXICON.glob("*.txt"))
    assert len(files) >= 25
    for f in files:
        text = f.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith(f"# {f.stem} — "), f  # the header names the list and says what it does
        entries, removals, replace = parse_list(text)
        assert entries and not removals and not replace, f
    assert set(shipped().names) == {f.stem for f in files}


def test_no_word_list_is_left_in_the_miners_code():
    # the lists moved to termkit/data/lexicon: no module of the miner spells one out
    for path in (ROOT / "termkit" / "mine").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r'frozenset\(\s*"""', source), path
        assert not re.search(r'= frozenset\("[^"]*\s[^"]*"\.split\(\)\)', source), path


def test_a_lexicon_directory_adds_removes_and_replaces_lists(tmp_path):
    (tmp_path / "stop_words.txt").write_text("# more stop words\n毒品 -的\n", encoding="utf-8")
    (tmp_path / "measure_words.txt").write_text("# measure_words\n# mode: replace\n届\n", encoding="utf-8")
    lex = load(tmp_path)
    assert "毒品" in lex.stop_words and "的" not in lex.stop_words and "我们" in lex.stop_words
    assert lex.measure_words == frozenset({"届"})
    assert lex.light_verbs == shipped().light_verbs and lex.fingerprint != shipped().fingerprint


def test_an_unknown_list_or_a_missing_directory_is_a_one_line_error(tmp_path):
    (tmp_path / "stopwords.txt").write_text("毒品\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown word list 'stopwords'"):
        load(tmp_path)
    with pytest.raises(InputError, match="not a directory"):
        load(tmp_path / "nowhere")
    r = CliRunner().invoke(main, ["mine", str(SEEDS), "--lexicon", str(tmp_path)])
    assert r.exit_code == 2 and "stopwords.txt" in r.output and "Traceback" not in r.output


def test_mining_with_a_lexicon_uses_it_and_leaves_the_shipped_one_in_place(tmp_path, plain):
    assert "毒品" in by_key(plain)
    (tmp_path / "stop_words.txt").write_text("# the domain's own word as a stop word\n毒品\n", encoding="utf-8")
    result = mine([str(SEEDS)], top=0, lexicon=tmp_path)
    keys = by_key(result)
    assert "毒品" not in keys and "合成毒品" not in keys and "毒品贩运" not in keys and "麻醉药品委员会" in keys
    assert lexicon() is shipped() and token_kind("毒品") != STOP and KINDS["毒品"] != STOP


# --- names the counting must not cut ------------------------------------------------------------------


def test_a_negation_leads_a_name_and_is_never_cut_off_it():
    lines = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if "不扩散核武器条约" in line)
    docs = [Document(id="a", text=text), Document(id="b", text=text)]
    result = mine(docs, top=0, contexts=0)
    keys = {c.key for c in result}
    assert "不扩散核武器条约" in keys and "不扩散条约" in keys
    assert "扩散核武器条约" not in keys and "扩散条约" not in keys  # the meaning reversed
    # a negation leads only a name: every candidate starting with 不 ends in a name head
    assert all(named(c.words) for c in result if c.key.startswith("不"))


def test_a_year_leads_a_name_but_not_at_the_end_of_a_range(plain):
    keys = by_key(plain)
    assert "2030年可持续发展议程" in keys
    # the same agenda, under its full name
    assert normalize_key(keys["可持续发展议程"].group) == "2030年可持续发展议程"
    line = "根据论坛2007-2015年多年期工作方案，第十一届会议将审议森林问题。"
    docs = [Document(id=str(i), text=line) for i in range(3)]
    found = {c.key for c in mine(docs, top=0, contexts=0)}
    assert "2015年多年期工作方案" not in found and "多年期工作方案" in found


def test_a_title_with_the_body_it_names_is_one_name(plain):
    keys = by_key(plain)
    assert "《巴黎公约》协调股" in keys and keys["《巴黎公约》协调股"].freq == 8
    assert "协调股" not in keys  # always in the longer name


# --- candidate concepts --------------------------------------------------------------------------------


def test_abbreviations_short_forms_and_editions_are_grouped_under_their_head(plain):
    keys = by_key(plain)
    full = "联合国毒品和犯罪问题办公室"
    for short in ("毒罪办", "毒品和犯罪问题办公室"):
        assert keys[short].group == full and keys[short].role == "abbreviation"
    assert keys["第三十届特别会议"].group == "大会第三十届特别会议"
    assert keys["第三十届特别会议"].role == "short form"
    assert keys["合成毒品战略"].group == "毒罪办合成毒品战略"
    assert keys["2018年世界毒品问题报告"].group == "世界毒品问题报告"
    assert keys["2018年世界毒品问题报告"].role == "edition"
    # another concept is never joined: a topic before a name, a narrower class
    assert keys["合成毒品"].group == "合成毒品" and keys["精神活性物质"].group != keys["新型精神活性物质"].group
    # each form keeps its own counts; the head comes first, then its forms
    groups = groups_of(plain)
    unodc = next(g for g in groups if g[0].key == full)
    assert {c.key for c in unodc} >= {full, "毒罪办", "毒品和犯罪问题办公室"}
    assert len({c.freq for c in unodc}) > 1 and all(c.role != "head" for c in unodc[1:])


def test_top_counts_concepts_and_the_glossary_groups_its_forms(glossed):
    top = mine([str(SEEDS)], [str(GLOSSARY)], top=15)
    assert len(groups_of(top)) == 15 and len(top) > 15
    keys = by_key(glossed)
    # 新精神活性物质 and 新型精神活性物质: two forms of one glossary concept, one candidate concept
    assert keys["新精神活性物质"].group == keys["新型精神活性物质"].group


# --- the glossary helps, never hurts -------------------------------------------------------------------


def test_known_forms_keep_their_termhood(plain, glossed):
    # the glossary no longer changes the segmentation: a form scores the same with and without it
    a, b = by_key(plain), by_key(glossed)
    for key in ("毒品", "可持续发展目标", "麻醉药品", "芬太尼", "毒罪办"):
        assert a[key].score == b[key].score, key
        assert b[key].status == "known"
    assert concept_rank(glossed, "可持续发展目标") <= concept_rank(plain, "可持续发展目标") + 5
    assert concept_rank(glossed, "毒品") <= concept_rank(plain, "毒品") + 5
    # glossary forms the segmenter never produces whole are candidates when the corpus uses them
    assert "经1972年议定书修正的1961年麻醉品单一公约" in b and "经1972年议定书修正的1961年麻醉品单一公约" not in a


def test_new_only_shows_what_the_glossary_lacks(tmp_path):
    r = CliRunner().invoke(
        main, ["mine", str(SEEDS), "-g", str(GLOSSARY), "--new-only", "--top", "30", "-o", str(tmp_path / "n.jsonl")]
    )
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in (tmp_path / "n.jsonl").read_text(encoding="utf-8").splitlines()]
    groups: dict[int, list] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    assert len(groups) == 30
    assert all(any(r["status"] == "new" for r in g) for g in groups.values())
    r = CliRunner().invoke(main, ["mine", str(SEEDS), "--status", "new,nonsense"])
    assert r.exit_code == 2 and "nonsense" in r.output


def test_ignored_forms_are_never_proposed(tmp_path, plain):
    ignore = tmp_path / "ignore.txt"
    ignore.write_text(
        "# rejected in review\n巴黎公约\tnot for this termbase\nvariant-forms:1a2b3c4d\n", encoding="utf-8"
    )
    r = CliRunner().invoke(main, ["mine", str(SEEDS), "--ignore", str(ignore), "--top", "20", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    texts = [json.loads(line)["text"] for line in r.stdout.splitlines()]
    assert "巴黎公约" not in texts and "巴黎公约" in [c.key for c in plain[:20]]
    r = CliRunner().invoke(main, ["mine", str(SEEDS), "--ignore", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "ignore file not found" in r.output


# --- evidence --------------------------------------------------------------------------------------------


def test_each_candidate_carries_the_evidence_of_its_rank(plain):
    keys = by_key(plain)
    assert "title in 《》" in keys["巴黎公约"].evidence
    assert any(e.startswith("defined abbreviation of 联合国毒品和犯罪问题办公室") for e in keys["毒罪办"].evidence)
    assert any(e.startswith("inferred abbreviation of 麻醉药品委员会") for e in keys["麻委会"].evidence)
    assert "body or instrument name, head 委员会" in keys["麻醉药品委员会"].evidence
    assert "UN institutional vocabulary" in keys["会员国"].evidence
    assert any(e.startswith("general-language word") for c in plain for e in c.evidence)


def test_the_institutions_vocabulary_and_the_domains_single_words_are_found(plain):
    top400 = {c.key for g in groups_of(plain)[:400] for c in g}
    for term in ("会员国", "大会", "人权", "民间社会", "能力建设", "技术援助", "洗钱", "芬太尼", "艾滋病", "麻醉药品"):
        assert term in top400, term
    for modifier in ("循证", "合成", "涉毒"):  # bound to the noun after them
        assert modifier not in top400


def test_the_output_is_the_same_for_any_hash_seed(tmp_path):
    outputs = []
    for seed in ("0", "1234"):
        out = tmp_path / f"m{seed}.csv"
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        subprocess.run(
            [sys.executable, "-m", "termkit", "-q", "mine", str(SEEDS), "-g", str(GLOSSARY), "-o", str(out)],
            check=True,
            env=env,
            cwd=tmp_path,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
