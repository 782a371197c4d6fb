"""Two-column English | Chinese tables in Word and Excel as bilingual input: real UN sentence
pairs (UNPC dev set), the table generated here."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from termkit.align.terms import propose_equivalents
from termkit.cli import main
from termkit.errors import InputError
from termkit.formats.bilingual import read_bilingual
from termkit.formats.registry import is_bilingual

from conftest import GLOSSARY, UNPC
from makedocs import make_docx

HIV_EN = "Globally, an estimated 1.7 million of the 12.7 million people who inject drugs are living with HIV."
HIV_ZH = "据估计，全球1 270万注射吸毒者中约170万感染了艾滋病病毒。"  # the deprecated form of HIV


@pytest.fixture(scope="module")
def un_pairs():
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    return list(zip(en, zh))


def _xlsx(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(list(row))
    wb.save(path)
    return path


def test_a_word_table_is_read_as_units(tmp_path, un_pairs):
    rows = [["English", "中文"], *[list(p) for p in un_pairs[:40]], [HIV_EN, HIV_ZH]]
    path = make_docx(tmp_path / "table.docx", [("table", rows)])
    assert is_bilingual(path)
    units = read_bilingual(path)
    assert len(units) == 41 and units[0].id == "t1r2"
    assert (units[0].source, units[0].target) == un_pairs[0] and units[0].src_lang == "en"
    assert (units[-1].source, units[-1].target) == (HIV_EN, HIV_ZH)


def test_chinese_on_the_left_is_the_source(tmp_path, un_pairs):
    rows = [[zh, en] for en, zh in un_pairs[:10]]
    path = _xlsx(tmp_path / "zh-en.xlsx", rows)
    units = read_bilingual(path)
    assert [u.id for u in units][:2] == ["r1", "r2"]
    assert (units[0].src_lang, units[0].source, units[0].target) == ("zh", un_pairs[0][1], un_pairs[0][0])


def test_a_document_with_a_table_in_it_is_not_a_bilingual_table(tmp_path):
    blocks = ["毒品和犯罪问题办公室的报告。"] * 6 + [("table", [["HIV", "艾滋病毒"]])]
    path = make_docx(tmp_path / "report.docx", blocks)
    assert not is_bilingual(path)


def test_check_reads_the_table_as_bilingual_input(tmp_path, un_pairs):
    rows = [[en, zh] for en, zh in un_pairs[:20]] + [[HIV_EN, HIV_ZH]]
    path = make_docx(tmp_path / "delivery.docx", [("table", rows)])
    out = tmp_path / "report.json"
    r = CliRunner().invoke(main, ["check", str(path), "-g", GLOSSARY, "-o", str(out), "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    report = json.loads(out.read_text(encoding="utf-8"))
    mismatch = [f for f in report["findings"] if f["check"] == "key-term-mismatch" and f["concept"] == "hiv"]
    assert mismatch and mismatch[0]["locations"][0]["segment_id"] == "delivery#t1r21"
    assert mismatch[0]["locations"][0]["other"] == HIV_EN


def test_bilingual_mining_reads_the_units_of_a_workbook(tmp_path, un_pairs):
    rows = [("English", "Chinese"), *[p for p in un_pairs if "安全理事会" in p[1]][:60], *un_pairs[:200]]
    units = read_bilingual(_xlsx(tmp_path / "pairs.xlsx", rows))
    (best, *_) = propose_equivalents(units, ["安全理事会"])
    assert best.zh == "安全理事会" and best.en == "Security Council"


def test_a_workbook_without_english_chinese_rows(tmp_path):
    path = _xlsx(tmp_path / "numbers.xlsx", [("a", "b"), ("1", "2")])
    with pytest.raises(InputError, match="no rows with English in one column and Chinese in the other"):
        read_bilingual(path)
