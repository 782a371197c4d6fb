"""The term miner on the real seed corpus: ranking, edges, fragments, abbreviations, contexts,
glossary status, errors, and the map/reduce shape."""

from __future__ import annotations

import csv
import io
import json
import pickle
import re

import pytest
from click.testing import CliRunner

from termkit.cli import main
from termkit.documents import load_documents
from termkit.errors import InputError
from termkit.formats.equivalents import CSV_FIELDS as ENGLISH_CSV_FIELDS
from termkit.mine import Counts, count_documents, mine, scan_documents
from termkit.mine.abbreviations import Abbreviation, is_subsequence
from termkit.mine.kinds import BREAK, EDGE, INNER, JOINERS, STOP, YEAR_RE, token_kind
from termkit.mine.lexicon import lexicon
from termkit.mine.names import named
from termkit.model import Document
from termkit.text.normalize import normalize_key

from conftest import ROOT, SEED_FILES, SEEDS

GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"
FUNCTION_WORDS = [w for w in lexicon().stop_words | JOINERS()]


@pytest.fixture(scope="module")
def mined():
    return mine([str(SEEDS)], top=0)


@pytest.fixture(scope="module")
def ranked(mined):
    return [c.key for c in mined]


@pytest.fixture(scope="module")
def docs():
    return {d.id: d for d in load_documents([str(SEEDS)])}


def rank(ranked, term):
    return ranked.index(term) + 1 if term in ranked else None


# --- ranking ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        "毒品和犯罪问题办公室",
        "联合国毒品和犯罪问题办公室",
        "麻醉药品委员会",
        "国际麻醉品管制局",
        "世界毒品问题",
        "大会第三十届特别会议",
        "前体化学品",
        "新型精神活性物质",
        "替代发展",
        "减少毒品需求",
        "维也纳宣言",
        "巴黎公约",
    ],
)
def test_known_terms_are_mined_whole_and_ranked(ranked, term):
    r = rank(ranked, term)
    assert r is not None and r <= 200, (term, r)


@pytest.mark.parametrize(
    "term, fragments",
    [
        ("毒品和犯罪问题办公室", ["犯罪问题办公室", "毒品和犯罪问", "问题办公室", "毒品和犯罪问题", "犯罪问题"]),
        ("麻醉药品委员会", ["药品委员会", "麻醉药品委"]),
        ("大会第三十届特别会议成果文件", ["第三十届特别会议成果", "特别会议成果文件", "会议成果文件"]),
        ("毒罪办预警信息库", ["罪办预警信息库", "办预警信息库"]),
    ],
)
def test_multiword_term_ranked_above_its_fragments(ranked, term, fragments):
    r = rank(ranked, term)
    assert r is not None
    for f in fragments:
        rf = rank(ranked, f)
        assert rf is None or rf > r, (f, rf, term, r)


def test_generic_single_words_do_not_lead(ranked):
    # what jieba's keyword extraction puts first on the seeds
    for word in ["办公室", "委员会", "以及", "2017", "问题", "国际", "合作"]:
        r = rank(ranked, word)
        assert r is None or r > 100, (word, r)


# --- edges and fragments ---------------------------------------------------------------------------


def test_no_function_word_edges_in_top_200(mined):
    for c in mined[:200]:
        key = c.key
        words = c.words  # as the segmenter cut it in the corpus
        assert words[0] not in FUNCTION_WORDS and words[-1] not in FUNCTION_WORDS, (key, words)
        assert token_kind(words[0]) != INNER and token_kind(words[-1]) != INNER, (key, words)
        if re.match(r"^[0-9〇零一二三四五六七八九十]", key):  # only a name led by its year (2030年…议程)
            assert YEAR_RE.match(words[0]) and named(words), (key, words)
        assert not re.search(r"[，。；：！？（）]", key), key  # 、 only inside a title in 《》
        assert "、" not in key or c.scores.get("title"), key


def test_no_fragment_of_a_candidate_that_always_surrounds_it_in_top_200(mined):
    freq = {c.key: c.freq for c in mined}
    for c in mined[:200]:
        a = c.key
        if c.role in ("short form", "edition"):
            # the name without its owner or year, kept under the longer name's concept
            assert c.group != c.text and c.group.endswith(c.text) or c.role == "edition", (c.text, c.group)
            continue
        for b, fb in freq.items():
            if b != a and a in b:
                assert fb < c.freq, f"{a} ({c.freq}) is always inside {b} ({fb})"


@pytest.mark.parametrize(
    "token, kind",
    [
        ("的", STOP),
        ("我们", STOP),
        ("和", INNER),
        ("，", BREAK),
        ("2014", BREAK),
        ("毒品", EDGE),
        ("届", INNER),
        ("强调", STOP),
    ],
)
def test_token_kinds(token, kind):
    assert token_kind(token) == kind


def test_a_heads_title_after_a_name_is_its_right_edge():
    # seeds 004: the division is only ever cited as its director's affiliation
    text = "会议由毒罪办政策分析和公共事务司司长主持。毒罪办政策分析和公共事务司副司长发言。"
    occ = scan_documents([Document(id="t", text=text)], ["政策分析和公共事务司"], n_contexts=0)
    assert occ.right_edges["政策分析和公共事务司"] == 2
    assert "政策分析和公共事务司" not in occ.right


def test_the_middle_of_a_list_is_no_left_edge():
    # seeds: 预防、治疗和康复科科长 — 治疗和康复科 is the tail of a list, not the section's name
    text = "毒罪办预防、治疗和康复科科长以及艾滋病科科长。缉获了海洛因、可卡因。"
    occ = scan_documents([Document(id="t", text=text)], ["治疗和康复科", "可卡因"], n_contexts=0)
    assert occ.left["治疗和康复科"] == {"、": 1} and occ.left_edges["治疗和康复科"] == 0
    assert occ.left_edges["可卡因"] == 1  # no coordination in it: the 、 ends the previous item


def test_an_organizations_name_before_a_term_is_its_left_edge():
    # seeds: 13 of the 14 合成毒品战略 are 毒罪办合成毒品战略 (UNODC's Synthetic Drugs Strategy)
    from termkit.mine.termhood import _edge_entropy

    text = "古巴表示支持毒罪办合成毒品战略。意大利表示支持毒罪办合成毒品战略。实施合成毒品战略。"
    occ = scan_documents([Document(id="t", text=text)], ["毒罪办", "合成毒品战略"], n_contexts=0)
    assert occ.left_candidates["合成毒品战略"] == {"毒罪办": 2}
    assert _edge_entropy("合成毒品战略", occ, "left") < 1.0  # 办 twice, 施 once
    assert _edge_entropy("合成毒品战略", occ, "left", frozenset({"毒罪办"})) == pytest.approx(1.585, abs=0.01)


def test_organizations_are_bodies_and_their_short_forms():
    from termkit.mine.table import Entry, organizations

    table = {
        t: Entry(t, w)
        for t, w in [
            ("联合国毒品和犯罪问题办公室", ["联合国", "毒品", "和", "犯罪", "问题", "办公室"]),
            ("政策分析和公共事务司", ["政策", "分析", "和", "公共", "事务司"]),
            ("联合国", ["联合国"]),
            ("巴黎公约", ["巴黎", "公约"]),
            ("合成毒品", ["合成", "毒品"]),
        ]
    }
    names = organizations(table, table, {"毒罪办": "联合国毒品和犯罪问题办公室", "THF-F": "四氢呋喃芬太尼"})
    assert names == {"联合国毒品和犯罪问题办公室", "政策分析和公共事务司", "联合国", "毒罪办"}


# --- abbreviations ---------------------------------------------------------------------------------


def test_abbreviation_pairs_from_the_seeds_are_linked(mined):
    by_key = {c.key: c for c in mined}
    assert by_key["毒罪办"].abbreviation_of == "联合国毒品和犯罪问题办公室"
    assert by_key["世卫组织"].abbreviation_of == "世界卫生组织"
    assert by_key["麻管局"].abbreviation_of == "国际麻醉品管制局"
    assert "毒罪办" in by_key["联合国毒品和犯罪问题办公室"].abbreviations
    assert "世卫组织" in by_key["世界卫生组织"].abbreviations
    pairs = {(a.short, a.full) for a in mined.abbreviations}
    assert ("THF-F", "四氢呋喃芬太尼") in pairs
    assert ("人权高专办", "联合国人权事务高级专员办事处") in pairs
    assert ("艾滋病署", "联合国艾滋病毒/艾滋病联合规划署") in pairs
    # remarks in brackets are not abbreviations
    assert not any(a.short.startswith(("包括", "以")) for a in mined.abbreviations)


def test_undefined_abbreviations_are_inferred_from_their_shape():
    from termkit.mine.abbreviations import could_abbreviate, infer

    # seeds: 麻委会 (6×) is never defined; 麻醉药品委员会 (51×) is its full form
    assert could_abbreviate("麻委会", "麻醉药品委员会", "委员会")
    assert not could_abbreviate("药品委员会", "麻醉药品委员会", "委员会")  # a piece, not a short form
    assert not could_abbreviate("委员会", "麻醉药品委员会", "委员会")  # another first character
    assert not could_abbreviate("麻醉品", "麻醉药品委员会", "委员会")  # does not end in the head
    cands = {
        "麻委会": ["麻", "委会"],
        "麻醉药品委员会": ["麻醉药品", "委员会"],
        "公司": ["公司"],
        "公共事务司": ["公共", "事务司"],
        "经委会": ["经", "委会"],
        "经济委员会": ["经济", "委员会"],
        "经济社会委员会": ["经济", "社会", "委员会"],
    }
    found = {(a.short, a.full) for a in infer(cands) if a.inferred}
    # 公司 is a word of general Chinese; 经委会 fits two names
    assert found == {("麻委会", "麻醉药品委员会")}
    assert infer(cands, [Abbreviation("麻委会", "麻醉药品委员会", 1)]) == []  # defined: not inferred again


def test_inferred_abbreviations_are_linked_and_marked(mined):
    by_key = {c.key: c for c in mined}
    assert by_key["麻委会"].abbreviation_of == "麻醉药品委员会" and by_key["麻委会"].abbreviation_inferred
    assert not by_key["毒罪办"].abbreviation_inferred  # defined in the seeds
    inferred = {(a.short, a.full) for a in mined.abbreviations if a.inferred}
    assert ("麻委会", "麻醉药品委员会") in inferred
    assert not any(a.short == "毒罪办" for a in mined.abbreviations if a.inferred)


def test_subsequence():
    assert is_subsequence("毒罪办", "毒品和犯罪问题办公室")
    assert not is_subsequence("罪毒办", "毒品和犯罪问题办公室")


# --- contexts --------------------------------------------------------------------------------------


def test_contexts_point_at_the_candidate_in_the_original_text(mined, docs):
    checked = 0
    for c in mined[:150]:
        assert c.contexts, c.text
        assert len({x.doc_id for x in c.contexts}) == min(len(c.contexts), c.doc_freq)
        for ctx in c.contexts:
            doc = docs[ctx.doc_id]
            # the characters of the sentence between start and end (a page's footnotes can sit
            # between two parts of one sentence; they are not the sentence's)
            seg = next(s for s in doc.segments if s.start <= ctx.start < s.end and s.content == ctx.sentence)
            chars = "".join(doc.text[o] for o in seg.content_offsets() if ctx.start <= o < ctx.end)
            assert normalize_key(re.sub(r"\s+", "", chars)) == c.key, (chars, c.text)
            assert doc.text[ctx.start] == chars[0] and doc.text[ctx.end - 1] == chars[-1]
            assert c.key in normalize_key(ctx.sentence)
            checked += 1
    assert checked > 300


def test_a_context_across_a_pdf_line_break(docs):
    # 001 breaks 毒品和犯罪问 / 题办公室毒品管制信息库 across a blank line
    doc = docs["001_a1e2a0e00d5c9997"]
    occ = scan_documents([doc], ["毒品和犯罪问题办公室毒品管制信息库"], n_contexts=3)
    (ctx,) = occ.contexts_of("毒品和犯罪问题办公室毒品管制信息库")
    original = doc.text[ctx.start : ctx.end]
    assert "\n" in original
    assert re.sub(r"\s+", "", original) == "毒品和犯罪问题办公室毒品管制信息库"


def test_contexts_normalize_spacing_and_footnotes():
    text = "1. 麻醉药品委员会 2014 年会员国执行¹麻醉药品委员会的决定。\n2. 麻醉药品委员会第五十七届会议。\n"
    doc = Document(id="t", text=text)
    occ = scan_documents(load_or_segment([doc]), ["麻醉药品委员会"], n_contexts=5)
    spans = [(x.start, x.end) for x in occ.contexts_of("麻醉药品委员会")]
    assert [text[s:e] for s, e in spans] == ["麻醉药品委员会"] * 3


def load_or_segment(docs):
    from termkit.documents import segment_document

    return [segment_document(d, "zh") for d in docs]


# --- glossary --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_glossary():
    if not GLOSSARY.exists():
        pytest.skip("no glossary file")
    return mine([str(SEEDS)], [str(GLOSSARY)], top=300)


def test_glossary_status(with_glossary):
    by_key = {c.key: c for c in with_glossary}
    assert by_key["毒品和犯罪问题办公室"].status == "known"
    assert by_key["麻醉药品委员会"].status == "known"
    nps = by_key["新型精神活性物质"]
    assert nps.status == "variant"
    assert nps.match.concept.preferred("zh").text == "新精神活性物质"
    assert {c.status for c in with_glossary} >= {"known", "variant", "new"}
    assert all(c.pinyin for c in with_glossary)
    assert by_key["巴黎公约"].pinyin == "bā lí gōng yuē"


def test_glossary_words_do_not_leak_into_jieba(with_glossary):
    import jieba

    from termkit.mine.segmenter import tokenizer

    assert "毒罪办预警信息库" not in jieba.dt.FREQ or not jieba.dt.FREQ["毒罪办预警信息库"]
    assert not tokenizer().FREQ.get("毒罪办预警信息库")
    plain = mine([str(SEEDS)], top=50)
    assert all(c.status == "new" and c.match is None for c in plain)


# --- errors ----------------------------------------------------------------------------------------


def test_empty_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="empty"):
        mine([])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no text files"):
        mine([str(tmp_path / "empty")])
    with pytest.raises(InputError, match="empty"):
        mine([Document(id="x", text="")])


def test_corpus_without_chinese_is_a_clear_error(tmp_path):
    p = tmp_path / "en.txt"
    p.write_text("The Commission on Narcotic Drugs met in Vienna.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no Chinese text") as err:
        mine([str(p)])
    assert str(p) in str(err.value)
    result = CliRunner().invoke(main, ["mine", str(p)])
    assert result.exit_code == 2
    assert "termkit: error:" in result.output and "no Chinese text" in result.output


# --- map / reduce ----------------------------------------------------------------------------------


def test_counting_is_a_mergeable_pure_map(docs):
    ds = list(docs.values())
    whole = count_documents(ds)
    parts = count_documents(ds[:2]) + count_documents(ds[2:])
    assert parts.ngrams == whole.ngrams
    assert parts.doc_freq == whole.doc_freq
    assert parts.words == whole.words
    assert parts.definitions == whole.definitions
    assert (parts.n_docs, parts.n_chars, parts.n_tokens) == (whole.n_docs, whole.n_chars, whole.n_tokens)
    again = pickle.loads(pickle.dumps(whole))
    assert isinstance(again, Counts) and again.ngrams == whole.ngrams
    assert pickle.loads(pickle.dumps(count_documents)) is count_documents


def test_scan_is_mergeable(docs):
    ds = list(docs.values())
    cands = ["毒品和犯罪问题办公室", "麻醉药品委员会", "巴黎公约"]
    whole = scan_documents(ds, cands)
    parts = scan_documents(ds[:1], cands) + scan_documents(ds[1:], cands)
    assert parts.freq == whole.freq
    assert parts.left == whole.left and parts.right == whole.right
    assert parts.left_candidates == whole.left_candidates
    assert [len(parts.contexts_of(c)) for c in cands] == [3, 3, 3]
    assert parts.samples == whole.samples  # the context sample does not depend on the split


# --- the command -----------------------------------------------------------------------------------


def test_cli_formats(tmp_path):
    runner = CliRunner()
    out = tmp_path / "terms.jsonl"
    r = runner.invoke(main, ["mine", str(SEEDS), "--top", "20", "-o", str(out)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # --top counts candidate concepts: 20 heads, each followed by its other forms
    assert sum(r["role"] == "head" for r in rows) == 20 and rows[0]["rank"] == 1 and rows[0]["group"] == 1
    for key in ("text", "score", "freq", "doc_freq", "pinyin", "status", "contexts"):
        assert key in rows[0]
    assert rows[0]["contexts"][0]["doc"] and rows[0]["contexts"][0]["end"] > rows[0]["contexts"][0]["start"]

    r = runner.invoke(main, ["mine", str(SEEDS), "--top", "5", "--format", "csv"])
    assert r.exit_code == 0
    table = list(csv.reader(io.StringIO(r.stdout)))
    # the same fields, but the English: one list in JSON, five columns in CSV
    assert table[0] == [k for k in rows[0] if k != "english"] + list(ENGLISH_CSV_FIELDS)
    text = table[0].index("text")
    assert [row[text] for row in table[1:]] == [row["text"] for row in rows[: len(table) - 1]]
    assert "abbreviation_inferred" in table[0]
    csv_file = tmp_path / "terms.csv"
    r = runner.invoke(main, ["mine", str(SEEDS), "--top", "5", "-o", str(csv_file)])
    assert r.exit_code == 0 and csv_file.read_bytes().startswith(b"\xef\xbb\xbf")  # a file Excel opens: BOM
    assert list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig")))) == table

    r = runner.invoke(main, ["mine", str(SEEDS), "--top", "10"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].split()[:2] == ["#", "term"]
    # ten concepts, each numbered, its forms indented under it, then why and an example with the
    # head marked 【…】
    numbered = [line for line in lines[1:] if line[:4].strip().isdigit()]
    assert [int(line[:4]) for line in numbered] == list(range(1, 11))
    assert sum(line.lstrip().startswith("why: ") for line in lines) >= 9
    examples = [line for line in lines if line.lstrip().startswith("e.g. ")]
    assert examples and all("【" in line and "】" in line for line in examples)
    assert "毒品和犯罪问题办公室" in r.stdout and "abbreviation; = 联合国毒品和犯罪问题办公室" in r.stdout


# --- the general-UN reference, single words, names -------------------------------------------------


def test_un_reference_loads_and_is_used():
    from termkit.mine.reference import get_reference, un_reference

    ref = un_reference()
    # the first 2,000 lines of the UNPC dev set: the others are bench/mine_eval.py's held-out corpus
    assert len(ref) > 3000 and ref.n_tokens > 40_000 and ref.n_lines == 2000
    assert ref.counts["国际"] > 100 and ref.low("国际") > 0
    assert ref.low("芬太尼") == 0  # too rare in general UN text to speak for it
    assert get_reference("general") is None and get_reference("un") is ref
    with pytest.raises(ValueError):
        get_reference("nonsense")


@pytest.fixture(scope="module")
def ranked_general():
    return [c.key for c in mine([str(SEEDS)], top=0, reference="general")]


def test_general_un_phrasing_ranks_below_domain_terms(ranked, ranked_general):
    # 国际合作 (53×) and 伙伴关系 (31×) look specialised against general Chinese only; against
    # general UN text they fall below domain terms of similar or lower frequency
    assert rank(ranked_general, "伙伴关系") < 120 and rank(ranked_general, "国际合作") < 120
    for phrase in ["国际合作", "伙伴关系", "优先事项", "最佳做法", "后续行动"]:
        r = rank(ranked, phrase)
        assert r is None or r > 150, (phrase, r)
        assert r is None or r > rank(ranked, "减少毒品需求"), phrase  # a domain term, 26×
    # the names of UN bodies stay: the UN reference demotes phrasing, not names
    for name in ["人权高专办", "开发署", "联合国开发计划署"]:
        assert rank(ranked, name) is not None and rank(ranked, name) <= 400, name


def test_single_word_substances_rank(ranked):
    for word in ["芬太尼", "可卡因", "大麻", "罂粟", "海洛因"]:
        r = rank(ranked, word)
        assert r is not None and r <= 400, (word, r)


def test_names_made_of_everyday_words_rank(ranked):
    for name in ["研究和趋势分析处", "独立评价股", "统计委员会", "维持和平行动部"]:
        r = rank(ranked, name)
        assert r is not None and r <= 400, (name, r)


def test_a_title_in_book_marks_is_a_name_whatever_its_words():
    # seeds: 联合国，《条约汇编》，第976卷 — the Treaty Series, two everyday words (3.3 bits)
    from termkit.mine.scores import termhood

    args = dict(cvalue=4.6, doc_freq=2, n_docs=7, edge_entropy=1.0, cohesion_bits=12.1, specificity=3.3, freq=2)
    # more than the ×1.25 of the title evidence: the specificity factor is raised to 0.5 too
    assert termhood(**args, title=True) > 1.25 * 1.2 * termhood(**args, title=False)


def test_un_women_abbreviation_resolves_to_the_full_name(mined):
    pairs = {(a.short, a.full) for a in mined.abbreviations}
    assert ("妇女署", "联合国促进性别平等和增强妇女权能署") in pairs
    assert ("开发署", "联合国开发计划署") in pairs


def test_mining_general_un_text_is_still_sensible():
    from conftest import UNPC

    lines = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    docs = [Document(id=f"u{i}", text="\n".join(lines[i : i + 200])) for i in range(0, len(lines), 200)]
    result = mine(docs, top=60, contexts=0)
    top = [c.key for c in result]
    assert sum(c.role == "head" for c in result) == 60
    assert {"安全理事会", "人权理事会"} & set(top) or any(t.endswith("委员会") for t in top), top[:30]
    assert not any(t in FUNCTION_WORDS for t in top)


def test_bare_heads_and_country_names_are_not_candidates(ranked):
    # seeds: 公约 and 宣言 stand alone many times; 联合王国 and 伊朗伊斯兰共和国 are in the attendance list
    for text in ("公约", "宣言", "联合王国", "伊朗伊斯兰共和国", "委内瑞拉玻利瓦尔共和国"):
        assert text not in ranked
    assert "巴黎公约" in ranked[:10] and "维也纳宣言" in ranked[:20]


def test_a_class_of_substances_by_effect_is_a_candidate_alone(ranked):
    # seeds: 兴奋剂 stands alone once (关于兴奋剂使用病症), 物质 and 药物 dozens of times
    from termkit.mine.names import bare_head as _bare_head

    assert not _bare_head("兴奋剂") and not _bare_head("镇痛剂")
    assert _bare_head("物质") and _bare_head("药物") and _bare_head("公约")
    assert "兴奋剂" in ranked
    for generic in ("物质", "药物", "药品", "化学品", "病症"):
        assert generic not in ranked, generic


def test_the_matcher_finds_every_overlapping_occurrence_in_start_then_length_order():
    from termkit.mine.scan import Matcher
    from termkit.text.normalize import normalize

    text = normalize((SEEDS / "001_a1e2a0e00d5c9997.txt").read_text(encoding="utf-8")).text
    strings = [
        "毒品",
        "毒品和犯罪问题办公室",
        "犯罪问题",
        "问题",
        "问题办公室",
        "办公室",
        "毒罪办",
        "毒罪",
        "罪办",
        "公约",
    ]
    expected = sorted((i, i + len(s), s) for s in strings for i in range(len(text)) if text.startswith(s, i))
    assert expected and list(Matcher(strings).finditer(text)) == expected
    assert list(Matcher([]).finditer(text)) == []


def test_the_written_form_has_no_footnote_mark_or_line_break():
    from collections import Counter

    from termkit.mine.contexts import written_form

    # UNPC dev writes 临时议程*项目 (a footnote on 议程) more often than without the mark
    assert written_form(Counter({"临时议程*项目": 3, "临时议程项目": 1}), "临时议程项目") == "临时议程项目"
    assert written_form(Counter({"麻醉药品委\n员会": 2, "麻醉药品委员会²": 1}), "麻醉药品委员会") == "麻醉药品委员会"
    assert written_form(Counter({"ＵＮＯＤＣ": 2}), "UNODC") == "ＵＮＯＤＣ"  # full width is how it was written


def test_an_adverb_and_its_verb_in_one_dictionary_entry_are_no_term():
    from termkit.mine.kinds import STOP, token_kind

    # jieba's dictionary has 继续加强 as one word (tagged a noun); seeds: "毒品和犯罪问题办公室继续加强注重成果的管理文化"
    assert token_kind("继续加强") == STOP and token_kind("进一步加强") == STOP
    assert token_kind("执行支持") != STOP  # two verbs, no adverb: part of 执行支持科
    from termkit.text.normalize import normalize

    text = "".join(normalize(p.read_text(encoding="utf-8")).text for p in sorted(SEEDS.glob("*.txt")))
    assert text.count("继续加强") >= 2  # frequent enough to be a candidate, were it one
    result = mine([SEEDS], top=0)
    assert not [c.text for c in result if "继续加强" in c.key]


def test_the_session_a_count_of_sessions_names_is_not_a_new_term():
    from termkit.mine.edges import left_is_edge

    # seeds: "麻醉药品委员会第五十七届会议高级别会议的部长…", "在其2009年第五十二届会议高级别会议期间…"
    text = "麻醉药品委员会第五十七届会议高级别会议的部长"
    assert not left_is_edge(text, text.index("会议高级别会议"))
    assert left_is_edge("2018年世界毒品问题报告", 5)  # a year still ends what comes before
    assert left_is_edge("第三十届特别会议", 4)  # and a count of sessions before another word
    result = mine([SEEDS], top=200)
    assert "会议高级别会议" not in [c.key for c in result]


def test_a_candidate_never_starts_with_the_topic_word_wenti():
    from termkit.mine.kinds import END, token_kind

    # seeds: "与阿片剂非法贩运有关的资金流动问题专家工作组会议", "…前体问题专家工作组于2021年10月…"
    assert token_kind("问题") == END
    keys = [c.key for c in mine([SEEDS], top=0)]
    assert not [k for k in keys if k.startswith("问题")]
    assert "世界毒品问题报告" in keys and "毒品和犯罪问题办公室" in keys  # inside or at the end it stays


def test_a_function_word_inside_an_organization_name_is_no_edge():
    from termkit.mine.edges import crosses

    # seeds: "毒品和犯罪问题办公室研究和趋势分析处的代表…": the 和 belongs to the name before
    text = "毒品和犯罪问题办公室研究和趋势分析处"
    i = text.index("犯罪问题办公室研究和趋势分析处")
    assert crosses({text.index("办公室") + 3: 0}, i, len(text))  # 毒品和犯罪问题办公室 runs across i
    assert not crosses({i: 0}, i, len(text))  # a name ending right before it is an edge
    keys = [c.key for c in mine([SEEDS], top=400)]
    assert "犯罪问题办公室研究和趋势分析处" not in keys and "研究和趋势分析处" in keys


def test_job_titles_and_light_verb_predicates_in_one_dictionary_entry_are_no_terms():
    from termkit.mine.kinds import STOP, token_kind

    # jieba has 保持稳定 and 保持一致 as nouns; a light verb with a noun (打击犯罪) may begin a name
    assert token_kind("保持稳定") == STOP and token_kind("保持一致") == STOP
    assert token_kind("打击犯罪") != STOP
    assert token_kind("欣见") == STOP  # "welcomes": the voice of a report
    keys = [c.key for c in mine([SEEDS], top=400)]
    # seeds: "毒品和犯罪问题办公室研究和趋势分析处处长…", "…艾滋病科科长…"
    assert not [k for k in keys if k.endswith(("处长", "科长", "司长"))]
    assert "研究和趋势分析处" in keys and "保持稳定" not in keys


def test_feifa_begins_terms_but_never_ends_one():
    from termkit.mine.kinds import START, token_kind

    assert token_kind("非法") == START
    keys = [c.key for c in mine([SEEDS], top=400)]
    # seeds: "在应对麻醉药品和精神药物非法需求方面的重大挑战"
    assert "麻醉药品和精神药物非法" not in keys and "非法药物" in keys


def test_a_modifier_of_scope_or_kind_narrows_a_term_without_making_it_a_fragment(ranked):
    from termkit.mine.filters import modifier_expansion

    assert modifier_expansion(["国际", "毒品", "管制", "公约"], 1)
    assert modifier_expansion(["非洲", "国家", "禁毒", "执法", "机构", "负责人"], 2)
    assert modifier_expansion(["苯丙胺", "类", "兴奋剂"], 2)
    assert not modifier_expansion(["合成", "毒品", "战略"], 1)
    assert not modifier_expansion(["毒品", "和", "犯罪", "问题", "办公室"], 2)
    # seeds: 毒品管制公约 13 times, 12 of them in 国际毒品管制公约; 禁毒执法机构负责人 5 times, after
    # 国家 (4) or 各国 (1); 兴奋剂 6 times, 5 in 苯丙胺类兴奋剂
    assert rank(ranked, "毒品管制公约") <= 50 and rank(ranked, "国际毒品管制公约") <= 50
    assert rank(ranked, "禁毒执法机构负责人") <= 200
    assert rank(ranked, "兴奋剂") <= 400 and rank(ranked, "苯丙胺类兴奋剂") <= 50
    # a term only ever written with the modifier is still a fragment of the longer name
    assert "麻醉品管制局" not in ranked and rank(ranked, "国际麻醉品管制局") <= 50


def test_the_package_is_the_function_and_import_termkit_stays_light():
    import subprocess
    import sys

    import termkit
    from termkit.mine import MineResult
    from termkit.mine.miner import mine as mine_function

    result = termkit.mine([SEED_FILES[0]], top=5)
    assert isinstance(result, MineResult)
    assert [c.text for c in result] == [c.text for c in mine_function([SEED_FILES[0]], top=5)]
    # `import termkit` (and so `termkit --version`) loads neither the miner, jieba nor the model
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, termkit; print(sorted(m for m in sys.modules if m.startswith(('termkit.', 'jieba'))))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "termkit.mine.miner" not in loaded and "jieba" not in loaded and "termkit.model" not in loaded


@pytest.mark.parametrize("shortlist", [60, 400])
def test_scoring_only_what_can_reach_the_shortlist_changes_nothing(monkeypatch, shortlist):
    import termkit.mine.miner as miner
    import termkit.mine.termhood as termhood

    def ranked():
        return [
            (c.text, c.score, c.freq, c.evidence, [x.sentence for x in c.contexts])
            for c in mine([SEEDS], shortlist=shortlist)
        ]

    scored = []
    score = termhood.Scorer.score
    monkeypatch.setattr(termhood.Scorer, "score", lambda self, e: scored.append(e.text) or score(self, e))
    pruned = ranked()
    n_pruned = len(scored)
    every_entry = miner.score_table
    monkeypatch.setattr(miner, "score_table", lambda *a, keep=None, **k: every_entry(*a, **k))
    scored.clear()
    assert ranked() == pruned
    assert n_pruned < len(scored)  # entries were left unscored, and it showed nowhere
