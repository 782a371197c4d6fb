import json
import os
import re

import pytest
from click.testing import CliRunner

from termkit.cli import main
from termkit.documents import load_documents
from termkit.glossary import attest, load_glossary

from conftest import ROOT, SEEDS

GLOSSARY = str(ROOT / "glossaries" / "un-drug-control.csv")


@pytest.fixture(scope="module")
def index():
    return load_glossary([GLOSSARY]).index()


def top(index, query, **kw):
    found = index.lookup(query, **kw)
    assert found, query
    return found[0]


def test_exact(index):
    m = top(index, "艾滋病毒")
    assert (m.concept.id, m.kind, m.score) == ("hiv", "exact", 100.0)


def test_known_variant_names_the_preferred_forms(index):
    m = top(index, "艾滋病病毒")
    assert (m.concept.id, m.kind) == ("hiv", "variant")
    assert m.term.status == "deprecated"
    assert m.concept.preferred("zh").text == "艾滋病毒"
    assert m.concept.preferred("en").text == "HIV"
    m = top(index, "毒罪办")
    assert (m.concept.id, m.kind, m.preferred.text) == ("unodc", "variant", "联合国毒品和犯罪问题办公室")


def test_normalized_chinese_traditional_width_and_spacing(index):
    for query in ("聯合國毒品和犯罪問題辦公室", "联合国毒品和犯罪问题 办公室", "联合国毒品和犯罪问题办公室 "):
        m = top(index, query)
        assert m.concept.id == "unodc" and m.kind in ("normalized", "exact"), query


@pytest.mark.parametrize(
    "query, concept",
    [
        ("Money-Laundering", "money-laundering"),
        ("United Nations Development Program", "undp"),  # American spelling
        ("precursor", "precursors"),  # singular
        ("commission on narcotic drugs", "cnd"),  # case
    ],
)
def test_normalized_english(index, query, concept):
    m = top(index, query)
    assert (m.concept.id, m.kind) == (concept, "normalized")


def test_money_laundering_without_hyphen_is_found(index):
    assert top(index, "money laundering").concept.id == "money-laundering"


def test_pinyin_homophones_and_near_homophones(index):
    m = top(index, "芬坦尼")
    assert (m.concept.id, m.kind) == ("fentanyl", "pinyin")
    m = top(index, "联合国毒品和犯罪问题办宫室")  # 宫 for 公: same syllable
    assert (m.concept.id, m.kind, m.score) == ("unodc", "pinyin", 92.0)


@pytest.mark.parametrize(
    "query,concept",
    [
        ("ai zi bing du", "hiv"),
        ("aizibingdu", "hiv"),
        ("Ai Zi Bing Du", "hiv"),
        ("ài zī bìng dú", "hiv"),
        ("fen4 tai4 ni2", "fentanyl"),
        ("fen1 tai4 ni2", "fentanyl"),
        ("fēn tài ní", "fentanyl"),
        ("fentaini", "fentanyl"),
        ("xi qian", "money-laundering"),
        ("xi'qian", "money-laundering"),
    ],
)
def test_latin_pinyin_finds_the_chinese_term(index, query, concept):
    m = top(index, query)
    assert (m.concept.id, m.kind) == (concept, "pinyin")
    assert m.term.lang.startswith("zh")


def test_latin_pinyin_with_the_right_tones_ranks_above_other_tones(index):
    right, wrong = top(index, "fen1 tai4 ni2"), top(index, "fen4 tai4 ni2")  # 芬 is fēn
    assert right.score > wrong.score >= 70
    assert top(index, "艾滋病毒").kind == "exact"  # Chinese queries are untouched
    assert index.lookup("xyzzy plugh") == []  # letters that are no reading find nothing


@pytest.mark.parametrize(
    "typo,word,longer",
    [
        ("fentanil", "fentanyl", "ocfentanil"),  # a wrong letter, not a longer word containing it
        ("fetnanyl", "fentanyl", "ocfentanil"),  # two letters swapped
        ("carfentanyl", "carfentanil", "fentanyl"),
    ],
)
def test_an_english_typo_ranks_the_closest_word_first(index, typo, word, longer):
    found = index.lookup(typo, limit=5)
    texts = [m.term.text for m in found]
    assert texts[0] == word, texts
    assert longer not in texts or texts.index(longer) > 0


def test_lookup_command_takes_pinyin(tmp_path):
    r = CliRunner().invoke(main, ["lookup", "ai zi bing du", "fentanil", "-g", GLOSSARY, "--limit", "1"])
    assert r.exit_code == 0, r.output
    assert "艾滋病毒" in r.output.split("fentanil")[0] and "fentanyl" in r.output.split("fentanil")[1]


def test_fuzzy_one_character_typo_in_a_long_name(index):
    m = top(index, "联合国毒品和犯罪问题力公室")  # 力 for 办: not a homophone
    assert (m.concept.id, m.kind) == ("unodc", "fuzzy")
    assert 80 < m.score < 90
    m = top(index, "Commision on Narcotic Drugs")
    assert (m.concept.id, m.kind) == ("cnd", "fuzzy")


def test_partial_both_ways(index):
    m = top(index, "麻醉药品委员会第六十七届会议", min_score=40)
    assert (m.concept.id, m.kind) == ("cnd", "partial")
    found = index.lookup("犯罪问题办公室", min_score=40, limit=10)
    assert any(m.concept.id == "unodc" and m.kind in ("partial", "fuzzy") for m in found)


def test_one_result_per_concept_ranked_and_cut(index):
    found = index.lookup("新型精神活性物质", limit=5, min_score=60)
    ids = [m.concept.id for m in found]
    assert ids[0] == "nps" and len(ids) == len(set(ids))
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert all(m.score >= 60 for m in found)
    assert index.lookup("新型精神活性物质", limit=1) == found[:1]
    assert index.lookup("完全无关的词语组合") == []


def test_kinds_filter(index):
    assert index.lookup("艾滋病病毒", kinds=["exact"]) == []  # it is a variant, not a preferred term
    fuzzy = index.lookup("联合国毒品和犯罪问题力公室", kinds=["fuzzy"], limit=3)
    assert fuzzy and all(m.kind == "fuzzy" for m in fuzzy)


def test_attestation_on_the_seeds():
    glossary = load_glossary([GLOSSARY])
    att = attest(glossary, (d for d in load_documents([SEEDS])))
    counts = {(f.concept.id, f.term.text): f for f in att.forms}
    hiv_old = counts[("hiv", "艾滋病病毒")]
    assert hiv_old.per_doc["000_5e55f2a5f670052f"] > 0
    # nested forms count only where they stand alone
    full = counts[("unodc", "联合国毒品和犯罪问题办公室")].total
    short = counts[("unodc", "毒品和犯罪问题办公室")].total
    text = "".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    assert full > 0 and short > 0
    assert short < text.count("毒品和犯罪问题办公室")
    assert all(f.total == 0 for f in att.unattested)


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_lookup_command_text_json_and_stdin():
    r = run("lookup", "艾滋病病毒", "-g", GLOSSARY)
    assert r.exit_code == 0, r.output
    assert "variant" in r.output and "艾滋病毒" in r.output and "HIV" in r.output
    r = run("lookup", "-", "-g", GLOSSARY, "--format", "json", "--limit", "1", input="芬坦尼\nmoney laundering\n")
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec["query"] for rec in records] == ["芬坦尼", "money laundering"]
    assert records[0]["matches"][0]["concept"] == "fentanyl"
    assert records[0]["matches"][0]["preferred"] == {"en": "fentanyl", "zh": "芬太尼"}


def test_validate_command_exit_codes(tmp_path):
    assert run("glossary", "validate", GLOSSARY).exit_code == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "concept_id,lang,term,status\nc1,en,opium,preferred\nc1,en,opium poppy,preferred\n", encoding="utf-8"
    )
    r = run("glossary", "validate", str(bad))
    assert r.exit_code == 1
    assert f"{bad}:3: error: concept c1 has two preferred en terms" in r.stdout
    unreadable = tmp_path / "no-header.csv"
    unreadable.write_text("a,b\n1,2\n", encoding="utf-8")
    r = run("glossary", "validate", str(unreadable))
    assert r.exit_code == 2 and r.stderr.startswith(f"termkit: error: {unreadable}:1:")


def test_attest_command_lists_unattested():
    r = run("glossary", "attest", GLOSSARY, str(SEEDS), "--unattested")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("total\t000_")
    assert all(line.split("\t")[0] == "0" for line in lines[1:-1])
    assert lines[-1].startswith("# ")


# --- the index kept in the cache folder (termkit.glossary.cache) ---------------------------------

# Queries of every kind: exact, variants, normalized, pinyin (homophones, near, Latin with and without
# tones), fuzzy, partial, English, misses.
CACHE_QUERIES = [
    "艾滋病毒",
    "艾滋病病毒",
    "毒罪办",
    "芬坦尼",
    "芬太尼",
    "侦察",
    "ai zi bing du",
    "aizibingdu",
    "fen1 tai4 ni2",
    "fēn tài ní",
    "fentanil",
    "money laundering",
    "Money-Laundering",
    "laundring of money",
    "联合国毒品和犯罪问题办公室（毒罪办）",
    "非法药物",
    "ＵＮＯＤＣ",
    "稳定剂",
    "xyz",
]


def _rows(index, query):
    return [(m.concept.id, m.term.text, m.kind, m.score) for m in index.lookup(query, limit=10, min_score=0)]


def test_cached_index_answers_as_a_fresh_one(tmp_path, monkeypatch):
    from termkit.glossary import lookup_index

    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path / "cache"))
    fresh = load_glossary([GLOSSARY]).index()
    built = lookup_index([GLOSSARY])  # builds and keeps it
    (kept,) = (tmp_path / "cache").glob("glossary-index-*.pickle")
    read = lookup_index([GLOSSARY])  # read back
    assert read is not built and len(read) == len(fresh) > 1000
    for q in CACHE_QUERIES + [e.term.text for e in fresh.entries[::7]]:
        assert _rows(read, q) == _rows(fresh, q), q
    assert [p.name for p in (tmp_path / "cache").glob("glossary-index-*.pickle")] == [kept.name]


def test_a_glossarys_index_comes_from_the_cache_with_its_own_concepts(tmp_path, monkeypatch):
    """Glossary.index() (mine, run, review) reads the kept index and points it at the glossary's
    own concepts and terms; a glossary changed in memory gets a fresh index."""
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path / "cache"))
    fresh = load_glossary([GLOSSARY]).index()  # built and kept
    glossary = load_glossary([GLOSSARY])
    index = glossary.index()  # read back and adopted
    assert index is not fresh
    own = {id(t) for c in glossary.concepts for t in c.terms}
    assert all(id(e.term) in own for e in index.entries)
    assert all(e.concept in glossary.concepts for e in index.entries[::50])
    for q in CACHE_QUERIES:
        assert _rows(index, q) == _rows(fresh, q), q
    changed = load_glossary([GLOSSARY])
    changed.concepts[0].terms[0].text = "一个新词"
    assert top(changed.index(), "一个新词").concept is changed.concepts[0]


def test_cached_index_is_rebuilt_when_the_glossary_changes(tmp_path, monkeypatch):
    from termkit.glossary import lookup_index

    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path / "cache"))
    g = tmp_path / "g.csv"
    g.write_text("concept_id,lang,term,status\nc1,zh,芬太尼,preferred\nc1,en,fentanyl,preferred\n", encoding="utf-8")
    assert top(lookup_index([g]), "fentanyl").concept.id == "c1"
    g.write_text("concept_id,lang,term,status\nc2,zh,芬太尼,preferred\nc2,en,fentanyl,preferred\n", encoding="utf-8")
    os.utime(g, ns=(g.stat().st_atime_ns, g.stat().st_mtime_ns + 10**9))  # a later time, even on coarse clocks
    assert top(lookup_index([g]), "fentanyl").concept.id == "c2"


def test_no_cache_file_when_turned_off_or_the_glossary_warns(tmp_path, monkeypatch):
    from termkit.glossary import lookup_index

    monkeypatch.setenv("TERMKIT_CACHE_DIR", "off")
    assert top(lookup_index([GLOSSARY]), "艾滋病毒").concept.id == "hiv"
    monkeypatch.setenv("TERMKIT_CACHE_DIR", str(tmp_path / "cache"))
    g = tmp_path / "g.csv"  # the same concept id twice across two files: a warning each time it is read
    g.write_text("concept_id,lang,term\nhiv,zh,病毒甲\n", encoding="utf-8")
    index = lookup_index([GLOSSARY, g])
    assert top(index, "病毒甲").term.text == "病毒甲"
    assert not list((tmp_path / "cache").glob("glossary-index-*.pickle"))


def test_first_letters_filter_never_hides_a_pinyin_match():
    """The first-letter table vouches for pypinyin's syllables, and whenever the filter says no
    term can read like a query, the pinyin search indeed offers nothing (so pypinyin need not load)."""
    import random

    from termkit.glossary.index import key_for
    from termkit.text.pinyin import first_letters_table, pinyin_key

    index = load_glossary([GLOSSARY]).index()
    index.first_letters = first_letters_table()
    assert len(index.first_letters) > 20000
    rng = random.Random(26)
    zh = [e.key for e in index.entries if e.chinese]
    pool = "".join(zh)
    queries = set(zh)
    for t in zh:  # one character changed: typos, homophones, near readings
        i = rng.randrange(len(t))
        queries.add(t[:i] + rng.choice(pool) + t[i + 1 :])
    queries |= {"".join(rng.choice(pool) for _ in range(rng.randint(3, 6))) for _ in range(500)}
    queries |= {w for doc in load_documents([SEEDS]) for w in re.findall(r"[\u4e00-\u9fff]{3,6}", doc.text)[:300]}
    skipped = 0
    for q in sorted(queries):
        qkey = key_for(q)
        if all(c in index.first_letters for c in qkey):
            syllables = pinyin_key(qkey).split()
            assert len(syllables) == len(qkey)
            assert all(s[0] in index.first_letters[c] for s, c in zip(syllables, qkey)), q
        if len(qkey) >= 3 and not index._may_read_alike(qkey):
            skipped += 1
            offered: list[int] = []
            index._pinyin_matches(qkey, lambda i, *_, found=offered, **__: found.append(i))
            assert not offered, q
    assert skipped > len(queries) // 3  # the filter does spare most queries the readings


def test_lookup_does_not_depend_on_the_hash_seed(tmp_path):
    """Which rare grams narrow a fuzzy search was left to a set's order, so far-off matches (a low
    --min-score) changed with PYTHONHASHSEED; ties are now broken by the gram itself (and English words
    keep their order)."""
    import subprocess
    import sys

    code = (
        "import json, sys; from termkit.glossary import load_glossary; "
        f"index = load_glossary([{GLOSSARY!r}]).index(); "
        "print(json.dumps([[(m.concept.id, m.kind, m.score) for m in index.lookup(q, limit=10, min_score=0)] "
        "for q in ('公共健康', '毒品贩运活动', '国际合作机制', 'drug trafficking routes', 'harm policy', 'laundring')]))"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed), "TERMKIT_CACHE_DIR": "off", "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(outs) == 1
