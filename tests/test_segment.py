import re

import pytest

from termkit.text.chars import SUPERSCRIPT_DIGITS
from termkit.text.layout import ends_with_stops
from termkit.text.segment import SentenceAt, segment

from conftest import seed_text

PREFIXES = ["000", "001", "003", "004"]


@pytest.fixture(scope="module")
def seeded():
    return {p: (seed_text(p), segment(seed_text(p), doc_id=p)) for p in PREFIXES}


@pytest.mark.parametrize("prefix", PREFIXES)
def test_offsets_slice_the_original_exactly(seeded, prefix):
    text, segs = seeded[prefix]
    assert segs
    for i, seg in enumerate(segs):
        assert seg.index == i
        assert seg.text == text[seg.start : seg.end]
        assert seg.text == seg.text.strip()
        for s, e in seg.parts:
            assert seg.start <= s < e <= seg.end


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_character_of_content_is_in_one_sentence(seeded, prefix):
    """Apart from white space and paragraph labels, the segments cover the text once."""
    text, segs = seeded[prefix]
    covered = [0] * len(text)
    for seg in segs:
        spans = seg.parts or ((seg.start, seg.end),)
        for s, e in spans:
            for k in range(s, e):
                covered[k] += 1
        if seg.label:
            k = text.rindex(seg.label, 0, seg.start)
            for j in range(k, k + len(seg.label)):
                covered[j] += 1
    for k, ch in enumerate(text):
        if ch.isspace():
            continue
        assert covered[k] == 1, (k, text[max(0, k - 20) : k + 20])


@pytest.mark.parametrize("prefix", PREFIXES)
def test_no_sentence_ends_inside_a_number_or_before_its_footnote_marker(seeded, prefix):
    text, segs = seeded[prefix]
    for seg in segs:
        end = seg.parts[-1][1] if seg.parts else seg.end
        nxt = text[end : end + 1]
        assert nxt not in SUPERSCRIPT_DIGITS or nxt == "", seg.text[-20:]
        if seg.text[-1].isdigit() or seg.text[-1] == ".":
            assert not re.match(r"[\d%.]", nxt), seg.text[-20:] + "|" + text[end : end + 10]


def test_decimal_percentages_stay_inside_the_sentence(seeded):
    text, segs = seeded["001"]
    (seg,) = [s for s in segs if "5.1%" in s.text]
    assert seg.text.startswith("全球药物滥用流行率") and seg.text.endswith("6.6%）。")


def test_numbered_paragraphs_start_a_sentence_with_their_label(seeded):
    text, segs = seeded["001"]
    numbered = re.findall(r"^(\d{1,3})\. ", text, flags=re.M)
    labels = [s.label for s in segs if re.fullmatch(r"\d{1,3}\.", s.label)]
    assert labels == [n + "." for n in numbered]
    para_12 = next(s for s in segs if s.label == "12.")
    assert para_12.text.startswith("麻醉药品委员会") or para_12.text[0] != "1"


def test_letter_and_chinese_numeral_markers(seeded):
    text, segs = seeded["000"]
    assert any(s.label == "一." and s.text == "导言" and s.kind == "heading" for s in segs)
    assert any(s.label == "(c)" and s.text.startswith("预警：") for s in segs)
    assert any(s.label == "A." and s.text == "议程" for s in segs)
    bullet = next(s for s in segs if s.label == "-")
    assert bullet.text.startswith("联合国毒品和犯罪问题办公室（毒罪办）主办了")


def test_footnote_lines_are_footnotes(seeded):
    text, segs = seeded["003"]
    notes = [s for s in segs if s.kind == "footnote"]
    assert any(s.text == "¹ 见 E/CN.7/2012/17。" for s in notes)
    # the marker after a full stop stays with the sentence it closes
    assert any(s.text.endswith("独特平台。²") for s in segs)


def test_sentence_broken_over_a_blank_line_is_one_segment(seeded):
    text, segs = seeded["001"]
    (seg,) = [s for s in segs if "毒品和犯罪问\n\n题办公室" in s.text]
    assert "（毒品和犯罪问题办公室毒品管制信息库的一部分）" in seg.content
    assert len(seg.parts) == 2


def test_sentence_broken_around_footnotes_leaves_them_out_of_its_content(seeded):
    text, segs = seeded["004"]
    (seg,) = [s for s in segs if "精神药物公约》" in s.content]
    assert seg.label == "2."
    assert "联合国禁止非法贩运麻醉药品和精神药物公约》⁵及其他相关国际文书" in seg.content
    assert "补编第 8 号" not in seg.content
    assert "补编第 8 号" in seg.text  # the hull still slices the original exactly
    assert any(s.kind == "footnote" and "补编第 8 号" in s.text for s in segs)


def test_quotes_titles_and_ellipses():
    text = "他说：“这是第一句。这是第二句。”然后离开。见《第一章。第二章》一书……后来又说了。"
    got = [s.text for s in segment(text)]
    assert got == ["他说：“这是第一句。这是第二句。”", "然后离开。", "见《第一章。第二章》一书……后来又说了。"]


def test_english_abbreviations_and_decimals():
    text = (
        "The U.N. report, e.g. No. 5 of the series, shows a 5.1 per cent rise. "
        "See E/CN.7/2024/1 and www.unodc.org for details. Mr. Smith agreed! Did he? Yes."
    )
    got = [s.text for s in segment(text, lang="en")]
    assert got == [
        "The U.N. report, e.g. No. 5 of the series, shows a 5.1 per cent rise.",
        "See E/CN.7/2024/1 and www.unodc.org for details.",
        "Mr. Smith agreed!",
        "Did he?",
        "Yes.",
    ]


def test_english_paragraph_numbers_and_headings():
    text = "I. Introduction\n\n1. The Commission met in Vienna. It adopted\nthree resolutions.\n\n(a) Prevention;\n"
    segs = segment(text, lang="en")
    assert [(s.label, s.kind, s.content) for s in segs] == [
        ("I.", "heading", "Introduction"),
        ("1.", "sentence", "The Commission met in Vienna."),
        ("", "sentence", "It adopted three resolutions."),
        ("(a)", "sentence", "Prevention;"),
    ]


def test_half_width_full_stop_in_chinese_text():
    segs = segment("第一句话在这里结束.第二句话从这里开始。数字 5.1% 不会断开.")
    assert [s.text for s in segs] == ["第一句话在这里结束.", "第二句话从这里开始。", "数字 5.1% 不会断开."]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_content_offsets_point_into_the_original(seeded, prefix):
    text, segs = seeded[prefix]
    for seg in segs:
        content = seg.content
        offsets = seg.content_offsets()
        assert len(offsets) == len(content)
        for ch, off in zip(content, offsets):
            assert off == -1 or text[off] == ch


def _sentence_of(segs, offset):
    """The segment one of whose parts holds ``offset``, by scanning them all."""
    for seg in segs:
        if any(s <= offset < e for s, e in seg.parts or ((seg.start, seg.end),)):
            return seg
    return None


@pytest.mark.parametrize("prefix", PREFIXES)
def test_sentence_at_an_offset_is_the_one_segment_gives(seeded, prefix):
    # every offset of a seed (footnotes inside broken sentences, labels, blank lines, spaces
    # between sentences), asked in a scattered order so paragraphs are split out of order
    text, segs = seeded[prefix]
    at = SentenceAt(text, doc_id=prefix)
    for offset in sorted(range(len(text)), key=lambda o: (o * 7919) % len(text)):
        mine, whole = at(offset), _sentence_of(segs, offset)
        if whole is None:
            assert mine is None, offset
        else:
            assert (mine.content, mine.start, mine.parts) == (whole.content, whole.start, whole.parts), offset


def test_sentence_at_splits_only_the_paragraphs_asked_about(seeded):
    text, segs = seeded["000"]
    at = SentenceAt(text)
    middle = segs[len(segs) // 2]
    assert at(middle.start).content == middle.content
    assert len(at._split) == 1 < len(at.blocks)


STOPLESS_LINES = [
    "save your changes before you close the window or leave the page",
    "the file could not be opened because another program is using it",
    "check the network connection and try to sign in again later",
    "your password must be at least twelve characters long and unique",
    "select the documents you want to align and choose a target folder",
    "the glossary was exported but some entries had no English term",
    "open the settings panel to change the language of the interface",
    "drag a folder here or click to browse for files on this computer",
    "the report lists every term that was written in two different ways",
    "no findings for this document, and nothing else needs to be done",
]


@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_a_document_that_ends_nothing_with_a_stop_keeps_its_lines_apart(separator):
    # user-interface strings, subtitles, term lists: a long line without a stop is no broken
    # sentence where no line has one, and a lower-case line starts no continuation
    text = separator.join(STOPLESS_LINES)
    assert [seg.text for seg in segment(text, lang="en")] == STOPLESS_LINES
    assert ends_with_stops(STOPLESS_LINES) is False


def test_a_broken_sentence_is_still_joined_where_the_document_ends_its_sentences_with_stops():
    lines = [line.capitalize() + "." for line in STOPLESS_LINES]
    lines[4] = lines[4].split(" choose")[0]  # broken before its last words
    lines.insert(5, "choose a target folder.")
    segs = segment("\n\n".join(lines), lang="en")
    assert len(segs) == len(STOPLESS_LINES)
    assert segs[4].content.endswith("align and choose a target folder.")
    assert ends_with_stops(lines) is True


def test_too_few_long_lines_to_tell_are_taken_to_end_with_stops(seeded):
    assert ends_with_stops(STOPLESS_LINES[:3]) is True
    assert all(ends_with_stops(seed_text(p).splitlines()) for p in PREFIXES)
