"""number-mismatch on real UN sentence pairs, and numbers in both scripts."""

import pytest

from termkit.check.bilingual import Unit
from termkit.check.number_mismatch import en_numbers, zh_numbers

from conftest import run_checks, unpc


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


# --- issue 24, item 8: what is not a number, and what is one in another form ---------------------------
# Official UN translations from the development part of bench/number_eval.py (UNPC lines 1-2000),
# and the issue's own cases: none has a number that differs, so none may be reported.


def no_finding(en: str, zh: str) -> bool:
    return run_checks([Unit("f", "1", en, zh)], None, ["number-mismatch"]) == []


@pytest.mark.parametrize("line", [124, 115, 725, 866, 1141, 1717, 1935, 1974, 336])
def test_official_translations_with_numbers_in_other_forms(line):
    en, zh = unpc(line)  # weekdays, times, months, Roman headings and chapters, approximate counts,
    assert no_finding(en, zh), (en, zh)  # the Red Cross, paragraph numbers, post-2015


@pytest.mark.parametrize(
    "en,zh",
    [
        ("Figures are rounded to the nearest whole number.", "数字已四舍五入取整。"),  # an idiom
        ("Volume XXVII of the Treaty Series", "《条约汇编》第二十七卷"),  # a Roman numeral
        ("See annex II and chapter IV, section (iii).", "见附件二和第四章第(三)节。"),
        ("Set {{ value_1000 }} to %1$s or {0}.", "将 {{ value_1000 }} 设为 %1$s 或 {0}。"),  # placeholders
        ("It should contain one word.", "应包含 1 个单字。"),  # "one" against a digit
        ("This value should be either positive or zero.", "這個值應為正數或 0。"),
        ("The two values should be equal.", "這兩個數值應該相同。"),  # a traditional numeral
        ("Both reports were adopted on Wednesday.", "两份报告于周三通过。"),
    ],
)
def test_words_and_codes_that_are_not_numbers_or_are_the_same_number(en, zh):
    assert no_finding(en, zh), (en, zh)


def test_a_changed_number_in_any_form_is_still_reported():
    (f,) = run_checks(
        [Unit("f", "1", "under Chapter VI of the Charter", "根据《宪章》第七章")], None, ["number-mismatch"]
    )
    assert "not in the Chinese: 6" in f.message and "only in the Chinese: 7" in f.message
    (f,) = run_checks(
        [Unit("f", "1", "To be held on Tuesday, 17 February 2015", "定于2015年2月18日星期二")],
        None,
        ["number-mismatch"],
    )
    assert "17" in f.message and "18" in f.message
    (f,) = run_checks([Unit("f", "1", "at 10.47 a.m.", "上午10时57分")], None, ["number-mismatch"])
    assert "47" in f.message and "57" in f.message
