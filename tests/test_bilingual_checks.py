"""Bilingual checks on real UN sentence pairs (UN Parallel Corpus dev set), and bilingual input
(TMX, and an EN/ZH document pair with --source) through `termkit check`."""

import json

import lxml.html
import pytest
from click.testing import CliRunner

from termkit.check import check_documents
from termkit.check.bilingual import Unit
from termkit.check.number_mismatch import en_numbers, zh_numbers
from termkit.cli import main
from termkit.formats.tmx import write_tmx
from termkit.glossary import load_glossary
from termkit.model import TranslationUnit

from conftest import ROOT, UNPC

GLOSSARY = str(ROOT / "glossaries" / "un-drug-control.csv")


def unpc(line: int) -> tuple[str, str]:
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[line - 1]
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[line - 1]
    return en, zh


@pytest.fixture(scope="module")
def glossary():
    return load_glossary([GLOSSARY])


def run_checks(units, glossary, checks):
    return check_documents([], glossary, checks=checks, units=units).findings


def test_key_term_present_passes(glossary):
    en, zh = unpc(2278)  # the Commission on Narcotic Drugs … 麻醉药品委员会
    assert run_checks([Unit("f", "1", en, zh)], glossary, ["key-term-mismatch"]) == []
    # an admitted short form is an approved translation too
    assert (
        run_checks([Unit("f", "1", en, zh.replace("麻醉药品委员会", "麻委会"))], glossary, ["key-term-mismatch"]) == []
    )


def test_key_term_missing(glossary):
    en, zh = unpc(2278)
    findings = run_checks(
        [Unit("f", "1", en, zh.replace("麻醉药品委员会", "麻醉品委员会"))], glossary, ["key-term-mismatch"]
    )
    (f,) = [f for f in findings if f.concept == "cnd"]
    assert f.severity == "warning" and f.preferred == "麻醉药品委员会"
    assert f.locations[0].other == en and f.locations[0].side == "target"


def test_key_term_deprecated_form_used_instead(glossary):
    en, zh = unpc(2439)  # … people who inject drugs are living with HIV
    assert "艾滋病毒" in zh
    findings = run_checks([Unit("f", "7", en, zh.replace("艾滋病毒", "艾滋病病毒"))], glossary, ["key-term-mismatch"])
    (f,) = [f for f in findings if f.concept == "hiv"]
    assert f.severity == "error" and "used instead: 艾滋病病毒" in f.message
    loc = f.locations[0]
    assert loc.sentence[loc.start : loc.end] == "艾滋病病毒"


def test_number_mismatch(glossary):
    en, zh = unpc(676)  # 11th meeting, on 2 December 2014, fifty-seventh session, twenty-third session
    assert en_numbers(en) == zh_numbers(zh) or not (set(en_numbers(en)) ^ set(zh_numbers(zh)))
    assert run_checks([Unit("f", "1", en, zh)], None, ["number-mismatch"]) == []
    (f,) = run_checks([Unit("f", "1", en, zh.replace("2014年", "2015年"))], None, ["number-mismatch"])
    assert "not in the Chinese: 2014" in f.message and "only in the Chinese: 2015" in f.message


def test_numbers_understood_in_both_scripts():
    assert zh_numbers("第七十三届会议于二〇一八年举行，缉获1.5亿片，全角２０１９年") == {
        "73": 1,
        "2018": 1,
        "150000000": 1,
        "2019": 1,
    }
    assert en_numbers("the seventy-third session in 2018 seized 150 million tablets; see E/CN.7/2024/1") == {
        "73": 1,
        "2018": 1,
        "150000000": 1,
        "E/CN.7/2024/1": 1,
    }


def test_inconsistent_translation(glossary):
    en, zh = unpc(2278)
    other = zh.replace("采取行动", "作出决定")
    findings = run_checks([Unit("f", "1", en, zh), Unit("f", "2", en, other)], glossary, ["inconsistent-translation"])
    (f,) = [f for f in findings if f.severity == "warning"]
    assert set(f.forms) == {zh, other}


def write_units_tmx(path, pairs):
    units = [TranslationUnit(str(i), en, zh, "en", "zh-CN") for i, (en, zh) in enumerate(pairs, 1)]
    with open(path, "w", encoding="utf-8") as fh:
        write_tmx(units, fh, "en", "zh-CN")


def test_tmx_input_through_the_cli_and_side_by_side_html(tmp_path):
    en1, zh1 = unpc(2439)
    en2, zh2 = unpc(2278)
    tmx = tmp_path / "memory.tmx"
    write_units_tmx(tmx, [(en1, zh1.replace("艾滋病毒", "艾滋病病毒")), (en2, zh2.replace("2015年", "2016年"))])
    out = tmp_path / "report"
    r = CliRunner().invoke(main, ["check", str(tmx), "-g", GLOSSARY, "--no-discover", "-o", str(out)])
    assert r.exit_code == 1, r.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    checks = {f["check"] for f in data["findings"]}
    assert {"key-term-mismatch", "number-mismatch", "deprecated-term"} <= checks
    page = lxml.html.fromstring((out / "report.html").read_text(encoding="utf-8"))
    pairs = page.xpath("//section[@data-check='key-term-mismatch']//div[contains(@class, 'pair')]")
    assert pairs and en1[:30] in pairs[0].text_content()


def test_source_document_pair(tmp_path):
    lines = [2278, 2439, 676]
    en = tmp_path / "en.txt"
    zh = tmp_path / "zh.txt"
    en.write_text("\n\n".join(unpc(n)[0] for n in lines) + "\n", encoding="utf-8")
    zh.write_text("\n\n".join(unpc(n)[1].replace("艾滋病毒", "艾滋病病毒") for n in lines) + "\n", encoding="utf-8")
    r = CliRunner().invoke(
        main,
        [
            "check",
            str(zh),
            "--source",
            str(en),
            "-g",
            GLOSSARY,
            "--no-discover",
            "--format",
            "json",
            "--fail-on",
            "never",
            "-o",
            str(tmp_path / "r.json"),
        ],
    )
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    kt = [f for f in data["findings"] if f["check"] == "key-term-mismatch"]
    assert kt and kt[0]["concept"] == "hiv"
    assert not [f for f in data["findings"] if f["check"] == "number-mismatch"]
