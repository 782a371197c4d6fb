import codecs

import opencc
import pytest

from termkit.errors import InputError
from termkit.formats.txt import corpus_files, detect_encoding, read_corpus, read_text

from conftest import SEEDS, seed_text

SAMPLE = seed_text("001")[:4000]
# GBK has no superscript digits: the GBK case drops the seed's footnote markers
SAMPLE_GBK = SAMPLE.encode("gbk", errors="ignore").decode("gbk")


@pytest.mark.parametrize(
    "codec, data_of",
    [
        ("utf-8", lambda t: t.encode("utf-8")),
        ("utf-8-sig", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf-16", lambda t: t.encode("utf-16")),  # with BOM
        ("utf-16-be", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("utf-16-le", lambda t: t.encode("utf-16-le")),  # no BOM
        ("gb18030", lambda t: t.encode("gb18030")),
        ("gbk", lambda t: SAMPLE_GBK.encode("gbk")),
    ],
)
def test_simplified_seed_text_in_each_encoding(tmp_path, codec, data_of):
    path = tmp_path / f"doc.{codec}.txt"
    path.write_bytes(data_of(SAMPLE))
    doc = read_text(path)
    assert doc.text == (SAMPLE_GBK if codec == "gbk" else SAMPLE)


def test_big5_traditional_seed_text(tmp_path):
    traditional = opencc.OpenCC("s2t").convert(SAMPLE)
    data = traditional.encode("cp950", errors="ignore")
    expected = data.decode("cp950")
    assert len(expected) > 0.95 * len(traditional)
    path = tmp_path / "big5.txt"
    path.write_bytes(data)
    doc = read_text(path)
    assert doc.encoding == "cp950"
    assert doc.text == expected
    assert "國際合作" in doc.text or "國際" in doc.text


def test_gb18030_is_not_taken_for_big5_and_back():
    assert detect_encoding(SAMPLE.encode("gb18030")) == "gb18030"
    traditional = opencc.OpenCC("s2t").convert(SAMPLE).encode("cp950", errors="ignore")
    assert detect_encoding(traditional) == "cp950"


def test_encoding_override(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café Vienna".encode("latin-1"))
    assert read_text(path, encoding="latin-1").text == "Café Vienna"
    with pytest.raises(InputError, match="unknown encoding"):
        read_text(path, encoding="no-such-codec")


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError) as err:
        read_text(path)
    assert "not a text file" in str(err.value)
    assert str(path) in str(err.value)


def test_empty_and_blank_files_are_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        read_text(empty)
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n", encoding="utf-8")
    with pytest.raises(InputError, match="no text"):
        read_text(blank)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    with pytest.raises(InputError, match="cannot decode"):
        read_text(path)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        list(read_corpus([tmp_path / "missing.txt"]))


def test_folder_reads_only_text_files_in_stable_order():
    files = corpus_files([SEEDS])
    assert [f.name for f in files] == sorted(f.name for f in SEEDS.glob("*.txt"))
    assert all(f.suffix == ".txt" for f in files)
    docs = list(read_corpus([SEEDS]))
    assert [d.id for d in docs] == [f.stem for f in files]
    assert all(d.encoding == "utf-8" for d in docs)
