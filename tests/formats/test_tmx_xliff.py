"""TMX and XLIFF: the real third-party samples (TICO-19, Symfony in tests/data; OASIS in ../shared) load with the right
counts and languages; inline tags, language-tag case and XXE; TMX written by termkit is read
back by termkit and by translate-toolkit."""

import io

import pytest
from click.testing import CliRunner

from termkit.cli import main
from termkit.errors import InputError
from termkit.formats.beads import write_alignment
from termkit.formats.bilingual import read_bilingual
from termkit.formats.registry import is_bilingual
from termkit.formats.tmx import read_tmx, write_tmx
from termkit.formats.xliff import read_xliff
from termkit.model import SentencePair, TranslationUnit, lang_base

from conftest import DATA, SHARED, UNPC, need

OASIS = SHARED / "data" / "samples" / "xliff2"
TICO_TMX = DATA / "tico19" / "all.en-zh.tmx"
SYMFONY = DATA / "symfony"


# --- the real sample files -------------------------------------------------------------------


def test_tico19_tmx_sample():
    units = read_tmx(TICO_TMX)
    assert len(units) == 3071
    assert {(u.src_lang, u.tgt_lang) for u in units} == {("en", "zh")}
    first = units[0]
    assert first.id == "CMU_1:1" and first.line == 3
    assert first.source == "about how long have these symptoms been going on?"
    assert first.target == "这些症状已持续多长时间？"
    assert first.note.startswith("http://www.speech.cs.cmu.edu/")
    assert all(u.source and u.target for u in units)
    assert len({u.id for u in units}) == 3071


@pytest.mark.parametrize(
    "folder,name,count",
    [
        ("Validator", "validators.zh_CN.xlf", 116),
        ("Form", "validators.zh_CN.xlf", 33),
        ("Security-Core", "security.zh_CN.xlf", 19),
    ],
)
def test_symfony_xliff12_samples(folder, name, count):
    units = read_xliff(SYMFONY / folder / name)
    assert len(units) == count
    assert {(u.src_lang, u.tgt_lang) for u in units} == {("en", "zh-CN")}
    assert all(u.source and u.target and u.id for u in units)
    assert len({u.id for u in units}) == count


def test_symfony_validator_first_units():
    units = read_xliff(SYMFONY / "Validator" / "validators.zh_CN.xlf")
    assert (units[0].id, units[0].source, units[0].target) == (
        "1",
        "This value should be false.",
        "该变量的值应为 false 。",
    )
    assert units[2].source == "This value should be of type {{ type }}."


def test_oasis_xliff2_samples():
    units = read_xliff(need(OASIS / "withGlossary.xlf"))
    assert [(u.id, u.source, u.target) for u in units] == [
        ("1:1", "He is my doppelgänger.", "Il est mon alter ego."),  # <mrk> text kept
        ("1:2", "Another doppelgänger.", "Un autre double."),
    ]
    assert {(u.src_lang, u.tgt_lang) for u in units} == {("en", "fr")}
    for name in (
        "Good-gls_glossEntry-and-translation-unique-in-glossary.xlf",
        "Bad-gls_glossEntry-and-translation-not-unique-in-glossary.xlf",
    ):
        (unit,) = read_xliff(need(OASIS / name))
        assert unit.id == "xmrk_000_concept" and (unit.src_lang, unit.tgt_lang) == ("en-us", "de")
        assert unit.source.startswith("I like to ski. And Ctrl+C=")  # the glossary module is not text


def test_read_bilingual_picks_the_reader():
    assert is_bilingual("a.TMX") and is_bilingual("b.xlf") and not is_bilingual("c.txt")
    assert len(read_bilingual(SYMFONY / "Form" / "validators.zh_CN.xlf")) == 33
    with pytest.raises(InputError):
        read_bilingual(DATA / "README.md")


# --- inline tags, language tags -------------------------------------------------------------


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_tmx_inline_codes_and_language_case(tmp_path):
    path = write(
        tmp_path,
        "m.tmx",
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="EN-US" creationtool="x" creationtoolversion="1" segtype="sentence"
 o-tmf="x" adminlang="en" datatype="html"/>
<body>
<tu tuid="a"><note>checked</note>
 <tuv xml:lang="en-US"><seg>The <bpt i="1">&lt;b&gt;</bpt>Commission<ept i="1">&lt;/b&gt;</ept> met<ph>&lt;br/&gt;</ph> in <hi type="x">Vienna</hi>.</seg></tuv>
 <tuv xml:lang="ZH-cn"><seg><bpt i="1">&lt;b&gt;</bpt>委员会<ept i="1">&lt;/b&gt;</ept>在<it pos="begin">&lt;i&gt;</it>维也纳开会。</seg></tuv>
</tu>
<tu><tuv lang="en-us"><seg>Old TMX 1.1 language attribute<ph>{0}<sub>footnote text</sub></ph></seg></tuv>
 <tuv lang="zh-CN"><seg>旧式语言属性</seg></tuv></tu>
<tu tuid="no-target"><tuv xml:lang="en-us"><seg>Untranslated</seg></tuv></tu>
<tu tuid="no-source"><tuv xml:lang="zh-cn"><seg>只有中文</seg></tuv></tu>
</body></tmx>""",
    )
    units = read_tmx(path)
    assert [(u.id, u.source, u.target) for u in units] == [
        ("a", "The Commission met in Vienna.", "委员会在维也纳开会。"),
        ("2", "Old TMX 1.1 language attributefootnote text", "旧式语言属性"),
        ("no-target", "Untranslated", ""),
    ]
    assert units[0].src_lang == "en-US" and units[0].tgt_lang == "ZH-cn" and units[0].note == "checked"
    assert lang_base(units[1].tgt_lang) == "zh"
    # an explicit pair of languages, in any case
    assert [u.id for u in read_tmx(path, src_lang="ZH", tgt_lang="en")] == ["a", "2", "no-source"]


def test_xliff12_inline_tags_and_segmentation(tmp_path):
    path = write(
        tmp_path,
        "m.xlf",
        """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="EN" target-language="ZH-Hans" datatype="plaintext" original="x">
  <body>
   <group id="g1">
    <trans-unit id="t1">
     <source>Press <g id="1">Save</g><x id="2"/> to keep <ph id="3">%s</ph> changes <bx id="4"/>now<ex id="5"/>.</source>
     <target>按<g id="1">保存</g><x id="2"/>保留<ph id="3">%s</ph>更改。</target>
     <note>UI string</note>
     <alt-trans><source>Press Save</source><target>按保存键</target></alt-trans>
    </trans-unit>
   </group>
   <trans-unit id="t2">
    <source>First sentence. Second sentence.</source>
    <seg-source><mrk mtype="seg" mid="1">First sentence.</mrk> <mrk mtype="seg" mid="2">Second <mrk mtype="term">sentence</mrk>.</mrk></seg-source>
    <target><mrk mtype="seg" mid="1">第一句。</mrk><mrk mtype="seg" mid="2">第二句。</mrk></target>
   </trans-unit>
   <trans-unit id="t3"><source>No target yet</source></trans-unit>
  </body>
 </file>
</xliff>""",
    )
    units = read_xliff(path)
    assert [(u.id, u.source, u.target) for u in units] == [
        ("t1", "Press Save to keep  changes now.", "按保存保留更改。"),
        ("t2:1", "First sentence.", "第一句。"),
        ("t2:2", "Second sentence.", "第二句。"),
        ("t3", "No target yet", ""),
    ]
    assert units[0].note == "UI string" and (units[0].src_lang, units[0].tgt_lang) == ("EN", "ZH-Hans")


def test_xliff2_inline_tags_segments_and_notes(tmp_path):
    path = write(
        tmp_path,
        "m.xlf",
        """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-cn">
 <file id="f1">
  <unit id="u1">
   <notes><note category="context">menu</note></notes>
   <segment id="s1">
    <source>Open <pc id="1">the <mrk id="m1" type="term">file</mrk></pc><ph id="2"/>.</source>
    <target>打开<pc id="1"><mrk id="m1" type="term">文件</mrk></pc><ph id="2"/>。</target>
   </segment>
   <ignorable><source> </source></ignorable>
   <segment id="s2">
    <source><sc id="3"/>Close it.<ec startRef="3"/></source>
    <target>关闭它。</target>
   </segment>
  </unit>
  <unit id="u2"><segment><source>Untranslated.</source></segment></unit>
 </file>
</xliff>""",
    )
    units = read_xliff(path)
    assert [(u.id, u.source, u.target) for u in units] == [
        ("u1:s1", "Open the file.", "打开文件。"),
        ("u1:s2", "Close it.", "关闭它。"),
        ("u2", "Untranslated.", ""),
    ]
    assert units[0].note == "menu" and units[0].tgt_lang == "zh-cn"


# --- safety and errors --------------------------------------------------------------------------

XXE_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv><tuv xml:lang="zh"><seg>中文</seg></tuv></tu>
</body></tmx>"""


def test_xxe_in_tmx_and_xliff_is_refused(tmp_path):
    with pytest.raises(InputError) as err:
        read_tmx(write(tmp_path, "x.tmx", XXE_TMX))
    assert "ENTITY" in err.value.message and err.value.line == 3
    xliff = XXE_TMX.replace("<tmx", "<xliff").replace("</tmx>", "</xliff>").replace("DOCTYPE tmx", "DOCTYPE xliff")
    with pytest.raises(InputError):
        read_xliff(write(tmp_path, "x.xlf", xliff))
    # through the command line it is a one-line error, exit 2, nothing read
    r = CliRunner().invoke(main, ["check", str(tmp_path / "x.tmx")])
    assert r.exit_code == 2 and "termkit: error:" in r.output and "passwd" not in r.output


def test_malformed_and_wrong_files(tmp_path):
    with pytest.raises(InputError) as err:
        read_tmx(write(tmp_path, "bad.tmx", "<tmx version='1.4'><body><tu></body></tmx>"))
    assert err.value.line == 1
    with pytest.raises(InputError):
        read_tmx(write(tmp_path, "x.tmx", "<xliff version='1.2'/>"))
    with pytest.raises(InputError):
        read_xliff(write(tmp_path, "x.xlf", "<tmx version='1.4'/>"))
    with pytest.raises(InputError):
        read_xliff(write(tmp_path, "v3.xlf", "<xliff version='3.0'/>"))
    with pytest.raises(InputError):
        read_tmx(tmp_path / "missing.tmx")


# --- writing ----------------------------------------------------------------------------------


def units_for_writing():
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[2277:2280]
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[2277:2280]
    units = [TranslationUnit(str(k), e, z, "en", "zh-CN") for k, (e, z) in enumerate(zip(en, zh), 1)]
    units.append(
        TranslationUnit("ctl", "Tab\tand <markup> & \x03control", "制表符\t与<标记>&", "en", "zh-CN", note="a note")
    )
    units.append(TranslationUnit("empty", "Only English", "", "en", "zh-CN"))
    return units


def test_write_tmx_reads_back(tmp_path):
    out = io.StringIO()
    assert write_tmx(units_for_writing(), out, "en", "zh-CN") == 4
    text = out.getvalue()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')
    assert 'creationtool="termkit"' in text and 'srclang="en"' in text
    assert text.count('xml:lang="zh-CN"') == 4
    path = write(tmp_path, "w.tmx", text)
    back = read_tmx(path)
    assert [(u.id, u.source, u.target) for u in back] == [
        (u.id, u.source.replace("\x03", ""), u.target) for u in units_for_writing()[:4]
    ]
    assert back[3].note == "a note"


def test_translate_toolkit_reads_termkit_tmx(tmp_path):
    tmx = pytest.importorskip("translate.storage.tmx")
    path = tmp_path / "w.tmx"
    with open(path, "w", encoding="utf-8") as fh:
        write_tmx(units_for_writing(), fh, "en", "zh-CN")
    store = tmx.tmxfile.parsefile(str(path))
    units = units_for_writing()[:4]
    assert [u.source for u in store.units] == [u.source.replace("\x03", "") for u in units]
    assert [u.target for u in store.units] == [u.target for u in units]
    assert [u.getid() for u in store.units] == ["1", "2", "3", "ctl"]


def test_translate_toolkit_reads_termkit_align_output(tmp_path):
    tmx = pytest.importorskip("translate.storage.tmx")
    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[2270:2276]
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[2270:2276]
    (tmp_path / "a.en").write_text("\n".join(en) + "\n", encoding="utf-8")
    (tmp_path / "a.zh").write_text("\n".join(zh) + "\n", encoding="utf-8")
    out = tmp_path / "a.tmx"
    r = CliRunner().invoke(
        main, ["align", str(tmp_path / "a.en"), str(tmp_path / "a.zh"), "--presplit", "--format", "tmx", "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    store = tmx.tmxfile.parsefile(str(out))
    assert [(u.source, u.target) for u in store.units] == list(zip(en, zh))
    ours = read_tmx(out)
    assert [(u.src_lang, u.tgt_lang) for u in ours] == [("en", "zh")] * 6


def test_alignment_writers():
    pairs = [SentencePair((0, 1), (0,), 0.8), SentencePair((2,), (), 0.0), SentencePair((), (1,), 0.0)]
    src, tgt = ["One.", "Two.", "Three."], ["一二。", "多余。"]
    out = io.StringIO()
    write_alignment(pairs, src, tgt, out, "beads")
    assert out.getvalue() == "[0,1]:[0]\n[2]:[]\n[]:[1]\n"
    out = io.StringIO()
    write_alignment(pairs, src, tgt, out, "tsv")
    assert out.getvalue().splitlines()[1] == "0,1\t0\t0.800\tOne. Two.\t一二。"
    out = io.StringIO()
    assert write_alignment(pairs, src, tgt, out, "tmx") == 1  # only beads with both sides
    assert '<prop type="x-beads">[0,1]:[0]</prop>' in out.getvalue()
    # Chinese as the source: Chinese sentences run together, English ones are spaced
    out = io.StringIO()
    write_alignment([SentencePair((0, 1), (0, 1), 0.5)], tgt, src, out, "jsonl", src_lang="zh", tgt_lang="en")
    assert (
        out.getvalue()
        == '{"src": [0, 1], "tgt": [0, 1], "score": 0.5, "source": "一二。多余。", "target": "One. Two."}\n'
    )
