"""Document dates (cover page, else the latest date mentioned) and form validity."""

import pytest

from termkit.text.dates import cover_date, document_date, parse_date, valid_on

from conftest import seed_text


def test_cover_dates_of_the_seeds():
    assert cover_date(seed_text("000")) == "2024-02-16"  # "16 February 2024" under the symbol
    assert cover_date(seed_text("003")) == "2022-03-14"  # the session's dates, 2022年3月14日至18日
    assert cover_date(seed_text("004")) == "2014-03-13"
    assert cover_date(seed_text("001")) == ""  # the cover names the session only


def test_without_a_cover_date_the_latest_date_mentioned_stands_in():
    assert document_date(seed_text("001")) == "2018-03-01"  # it reports events up to 2018年3月
    body = "\n" * 45 + "会议于2015年3月举行。后来在2017年6月12日再次开会。"  # past the cover page
    assert document_date(body) == "2017-06-12"
    assert document_date("2016年1月5日\n" + body) == "2016-01-05"  # a cover date wins
    assert document_date("没有日期。") == ""


@pytest.mark.parametrize("value,iso", [("2019", "2019-01-01"), ("2019-07", "2019-07-01"), ("2024-07-02", "2024-07-02")])
def test_dates_as_written_in_a_glossary(value, iso):
    assert parse_date(value) == iso


@pytest.mark.parametrize("value", ["2019/01/01", "July 2019", "2019-13-01", ""])
def test_bad_dates_are_refused(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_validity():
    assert valid_on("2018-03-01", valid_until="2019-01-01") is True
    assert valid_on("2019-01-01", valid_until="2019-01-01") is False
    assert valid_on("2018-03-01", valid_from="2019-01-01") is False
    assert valid_on("", valid_until="2019") is None
