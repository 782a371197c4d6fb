from termkit.text.pinyin import pinyin_display, pinyin_key


def test_toneless_and_toned_keys():
    assert pinyin_key("芬太尼") == "fen tai ni"
    assert pinyin_key("芬太尼", tones=True) == "fen1 tai4 ni2"
    assert pinyin_display("芬太尼") == "fēn tài ní"


def test_homophones_share_a_key():
    assert pinyin_key("侦察") == pinyin_key("侦查")
    assert pinyin_key("法医") != pinyin_key("法证")


def test_latin_runs_are_kept():
    assert pinyin_key("THF-F芬太尼") == "thf-f fen tai ni"
