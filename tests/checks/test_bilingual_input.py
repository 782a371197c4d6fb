"""Bilingual input as real tools write it (issue 24, items 4, 5, 6 and 10): a zh-TW target
(Symfony's traditional-Chinese XLIFF) checked as traditional; multilingual and Chinese-source
memories (TICO-19, CC0: zh→fr, and an en/fr/zh memory built from it); every place a unit, units
never joined; units marked translate="no" and untranslated copies (Symfony's zh_CN file has six)
not counted as translations."""

from __future__ import annotations

import zipfile

import pytest

from termkit.check.bilingual import units_from
from termkit.errors import InputError
from termkit.formats.bilingual import read_bilingual
from termkit.formats.tmx import read_tmx, write_tmx
from termkit.formats.xliff import read_xliff
from termkit.model import TranslationUnit
from termkit.pipeline import check_paths, write_report
from termkit.report import render_html

from conftest import DATA

ZH_TW = DATA / "symfony" / "Validator" / "validators.zh_TW.xlf"
ZH_CN = DATA / "symfony" / "Validator" / "validators.zh_CN.xlf"
TICO_EN_ZH = DATA / "tico19" / "all.en-zh.tmx"
TICO_ZH_FR = DATA / "tico19" / "all.zh-fr.tmx.zip"


def glossary(tmp_path, rows):
    path = tmp_path / "g.csv"
    path.write_text("concept_id,lang,term,status\n" + "".join(f"{r}\n" for r in rows), encoding="utf-8")
    return path


# --- item 4: the declared script decides ---------------------------------------------------------------


def test_traditional_target_is_checked_as_traditional(tmp_path):
    result = check_paths([ZH_TW], checks=["typography"], discover=False)
    assert not [f for f in result.findings if "traditional characters" in f.message]
    assert result.scripts == {"validators.zh_TW": "traditional Chinese (zh-TW)"}
    assert "checked as traditional Chinese (zh-TW)" in render_html(result)
    # simplified characters slipped into the traditional text are what it reports
    mixed = tmp_path / "validators.zh_TW.xlf"
    mixed.write_text(ZH_TW.read_text(encoding="utf-8").replace("這個", "这个"), encoding="utf-8")
    (f,) = [f for f in check_paths([mixed], checks=["typography"], discover=False).findings if "Chinese" in f.message]
    assert "checked as traditional Chinese (zh-TW)" in f.message and "simplified characters" in f.message
    assert set(f.forms) == {"这", "个"} and f.suggestion.startswith("convert to traditional")
    # and the simplified file is still checked as simplified
    assert check_paths([ZH_CN], checks=["typography"], discover=False).scripts == {
        "validators.zh_CN": "simplified Chinese (zh-CN)"
    }


def test_glossary_forms_match_traditional_text_through_opencc(tmp_path):
    g = glossary(tmp_path, ["pw,en,password,preferred", "pw,zh,密码,preferred", "pw,zh,口令,deprecated"])
    result = check_paths([ZH_TW], [g], checks=["key-term-mismatch", "variant-forms"], discover=False)
    assert result.findings == []  # 密碼 is 密码: no "not translated 密码" on units 47, 93, 105
    # a deprecated form written in traditional characters is found as that form
    bad = tmp_path / "validators.zh_TW.xlf"
    bad.write_text(ZH_TW.read_text(encoding="utf-8").replace("目前使用的密碼", "目前使用的口令"), encoding="utf-8")
    result = check_paths([bad], [g], checks=["key-term-mismatch", "variant-forms"], discover=False)
    (key,) = [f for f in result.findings if f.check == "key-term-mismatch"]
    assert key.severity == "error" and "used instead: 口令" in key.message
    assert key.locations[0].segment_id.startswith("validators.zh_TW#47")


# --- item 5: multilingual memories, Chinese as the source -------------------------------------------------


@pytest.fixture(scope="module")
def zh_fr(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tico")
    with zipfile.ZipFile(TICO_ZH_FR) as z:
        z.extractall(folder)
    return folder / "all.zh-fr.tmx"


def test_chinese_source_memory_is_checked_on_its_chinese_side(zh_fr, caplog):
    units, left_out = units_from("all.zh-fr", read_bilingual(zh_fr, pair=("en", "zh")))
    assert len(units) == 3071 and all(u.en == "" and not u.zh_is_target for u in units)
    assert "without an English translation" in left_out[0][2]
    result = check_paths([zh_fr], checks=["typography", "number-mismatch"], discover=False)
    assert result.documents == ["all.zh-fr"]
    assert not [f for f in result.findings if f.check == "number-mismatch"]  # nothing to compare with


def test_english_and_chinese_are_found_wherever_they_are(tmp_path, zh_fr):
    """An en/fr/zh memory (TICO-19's English, French and Chinese of the same sentences)."""
    english = {u.id: u.source for u in read_tmx(TICO_EN_ZH)[:60]}
    units = []
    for u in read_tmx(zh_fr)[:60]:
        units.append(TranslationUnit(u.id, english[u.id], u.target, "en", "fr"))
        units.append(TranslationUnit(u.id, english[u.id], u.source, "en", "zh"))
    path = tmp_path / "en-fr-zh.tmx"
    with path.open("w", encoding="utf-8") as fh:  # write en→fr, then merge the zh variants in
        write_tmx(units[0::2], fh, "en", "fr")
    text = path.read_text(encoding="utf-8")
    for u in units[1::2]:
        marker = f'tuid="{u.id}">'
        at = text.index("</tu>", text.index(marker))
        text = text[:at] + f'  <tuv xml:lang="zh-CN">\n      <seg>{u.target}</seg>\n    </tuv>\n  ' + text[at:]
    path.write_text(text, encoding="utf-8")
    assert {u.tgt_lang for u in read_tmx(path)} == {"fr"}  # the first other language: French
    pairs = read_bilingual(path, pair=("en", "zh"))
    assert [(p.source, p.target, p.tgt_lang) for p in pairs] == [(u.source, u.target, "zh-CN") for u in units[1::2]]
    result = check_paths([path], checks=["number-mismatch", "inconsistent-translation"], discover=False)
    assert result.documents == ["en-fr-zh"]


def test_a_memory_without_chinese_is_refused_in_one_line(tmp_path):
    path = tmp_path / "frde.tmx"
    with path.open("w", encoding="utf-8") as fh:
        write_tmx([TranslationUnit("1", "Bonjour", "Hallo", "fr", "de")], fh, "fr", "de")
    with pytest.raises(InputError, match=r"no units with Chinese text .*without a Chinese side \(fr→de\)"):
        check_paths([path])


# --- item 6: every place is a unit; units are never joined ----------------------------------------------


def test_units_are_never_joined(tmp_path):
    from termkit.check.bilingual import target_documents

    from conftest import UNPC

    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[15:60]
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[15:60]
    path = tmp_path / "unpc.tmx"
    with path.open("w", encoding="utf-8") as fh:
        write_tmx(
            [TranslationUnit(str(k), e, z, "en", "zh-CN") for k, (e, z) in enumerate(zip(en, zh), 16)],
            fh,
            "en",
            "zh-CN",
        )
    units, _ = units_from("unpc", read_bilingual(path, pair=("en", "zh")), str(path))
    (doc,) = target_documents("unpc", units, str(path))
    spans = [(u.start, u.start + len(u.zh)) for u in units]
    for seg in doc.segments:  # short units without a full stop (定于…举行) stay apart
        assert any(s <= seg.start and seg.end <= e for s, e in spans), seg.text
    assert len(doc.segments) >= len(units)


def test_every_location_in_bilingual_input_is_a_unit():
    result = check_paths([TICO_EN_ZH], checks=["typography", "number-mismatch"], discover=False)
    typo = [f for f in result.findings if f.check == "typography"]
    assert typo and result.findings
    units = {u.id: u for u in read_tmx(TICO_EN_ZH)}
    lines = {u.id: u.line for u in units.values()}
    for f in result.findings:
        for loc in f.locations:
            uid = loc.segment_id.split("#", 1)[1].split(" (line")[0]
            assert loc.line == lines[uid] and loc.path == str(TICO_EN_ZH), loc
            assert loc.sentence == units[uid].target and loc.side == "target" and loc.other == units[uid].source
            here = loc.sentence[loc.start - loc.sentence_start : loc.end - loc.sentence_start]
            assert 0 <= loc.start - loc.sentence_start <= loc.end - loc.sentence_start <= len(loc.sentence)
            assert not loc.form or loc.form == here
    write_report(result, __import__("io").StringIO(), "json")


# --- item 10: translate="no" and untranslated copies are not translations ----------------------------------


def test_untranslatable_units_and_copies_are_not_translations(tmp_path):
    units, left_out = units_from("v", read_xliff(ZH_CN))
    assert {u.id for u in units} == {u.id for u in read_xliff(ZH_CN)} - {"114", "115", "116", "117", "118", "119"}
    assert any("6 unit(s) untranslated (the target copies the source)" in m for _, _, m in left_out)
    marked = tmp_path / "m.xlf"
    marked.write_text(
        ZH_CN.read_text(encoding="utf-8").replace('<trans-unit id="1">', '<trans-unit id="1" translate="no">'),
        encoding="utf-8",
    )
    tus = read_xliff(marked)
    assert [u.translate for u in tus if u.id == "1"] == [False]
    units, left_out = units_from("m", tus)
    assert "1" not in {u.id for u in units} and any('translate="no"' in m for _, _, m in left_out)
    result = check_paths([ZH_CN], checks=["number-mismatch"], discover=False)
    assert not [f for f in result.findings if f.locations[0].segment_id.split("#")[1].split(" ")[0] in {"114", "115"}]


def test_the_miner_never_joins_two_units(tmp_path):
    from termkit.check.bilingual import target_documents
    from termkit.mine.candidates import document_text

    a, b = "定于2015年1月21日星期三上午11时举行会议讨论议题", "第二个单元的文字内容比较长也没有句号结束"
    units, _ = units_from("t", [TranslationUnit("1", "x", a, "en", "zh"), TranslationUnit("2", "y", b, "en", "zh")])
    (doc,) = target_documents("t", units)
    assert a + b not in document_text(doc) and a in document_text(doc) and b in document_text(doc)
