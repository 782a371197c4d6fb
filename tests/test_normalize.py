import pytest

from termkit.text.normalize import normalize, normalize_key

from conftest import seed_text


def test_footnote_superscript_glued_to_words_is_removed():
    # seeds/003: 《维也纳宣言》，¹该《宣言》
    line = next(x for x in seed_text("003").splitlines() if "¹该" in x)
    out = normalize(line).text
    assert "《维也纳宣言》，该《宣言》" in out
    assert "¹" not in out


def test_superscript_with_space_after_hanzi_and_at_line_start():
    # seeds/004: 《世界人权宣言》² 的宗旨 ; footnote line "¹ 见 E/CN.7/2012/17。"
    assert normalize("《世界人权宣言》² 的宗旨").text == "《世界人权宣言》的宗旨"
    assert normalize("¹ 见 E/CN.7/2012/17。").text == "见E/CN.7/2012/17。"
    assert normalize("临时议程*项目6").text == "临时议程项目6"


def test_spaces_between_hanzi_and_digits_or_latin():
    assert normalize_key("2021 年") == normalize_key("2021年") == "2021年"
    assert normalize_key("大会第 72/198 号决议") == "大会第72/198号决议"
    assert normalize_key("4 月 THF-F 芬太尼") == "4月THF-F芬太尼"
    # spaces between Latin words stay (collapsed)
    assert normalize_key("Commission  on Narcotic   Drugs") == "Commission on Narcotic Drugs"


def test_full_width_letters_and_digits_fold():
    assert normalize_key("ＵＮＯＤＣ") == "UNODC"
    assert normalize_key("２０１９年") == "2019年"
    # Chinese punctuation is not ASCII and stays
    assert normalize_key("苯丙胺类兴奋剂（ATS）") == "苯丙胺类兴奋剂（ATS）"


def test_seed_spacing_noise_is_unified():
    text = seed_text("001")
    assert "大会第 72/198 号决议" in text
    assert "大会第72/198号决议" in normalize(text).text


def test_lines_broken_inside_a_sentence_are_joined():
    # seeds/001 breaks 毒品和犯罪问题办公室 over a blank line
    text = seed_text("001")
    assert "毒品和犯罪问\n\n题办公室" in text
    norm = normalize(text)
    assert "（毒品和犯罪问题办公室毒品管制信息库的一部分）" in norm.text


def test_sentence_broken_around_footnotes_is_joined_and_footnotes_kept():
    # seeds/004: a page break with four footnotes between 精神药物 and 公约》
    norm = normalize(seed_text("004")).text
    assert "《联合国禁止非法贩运麻醉药品和精神药物公约》及其他相关国际文书" in norm
    assert "见《经济及社会理事会正式记录，2009年，补编第8号》" in norm


def test_headings_are_not_joined_to_the_next_paragraph():
    norm = normalize(seed_text("000")).text.split("\n")
    assert "一.导言" in norm
    assert "麻醉药品委员会" in norm


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_offsets_point_at_the_original_characters(prefix):
    text = seed_text(prefix)
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text)
    for ch, off in zip(norm.text, norm.offsets):
        orig = text[off]
        if ch == orig:
            continue
        if 0xFF01 <= ord(orig) <= 0xFF5E and chr(ord(orig) - 0xFEE0) == ch:
            continue
        # joiners between paragraphs/pieces point at the start of what they join
        assert ch in " \n", (ch, orig, off)


def test_original_span_recovers_a_term_split_by_the_pdf():
    text = seed_text("001")
    norm = normalize(text)
    i = norm.text.index("毒品和犯罪问题办公室毒品管制信息库")
    s, e = norm.original_span(i, i + len("毒品和犯罪问题办公室"))
    assert text[s:e] == "毒品和犯罪问\n\n题办公室"


def test_traditional_to_simplified_is_optional():
    trad = "聯合國毒品和犯罪問題辦公室"
    assert normalize_key(trad) == trad
    out = normalize(trad, simplified=True)
    assert out.text == "联合国毒品和犯罪问题办公室"
    assert list(out.offsets) == list(range(len(trad)))


def test_crlf_and_cr_line_endings():
    assert normalize("第一行。\r\n第二行。").text == "第一行。\n第二行。"
    assert normalize("第一行。\r第二行。").text == "第一行。\n第二行。"
