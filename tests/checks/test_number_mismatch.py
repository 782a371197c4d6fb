"""number-mismatch on real UN sentence pairs, and numbers in both scripts."""

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
