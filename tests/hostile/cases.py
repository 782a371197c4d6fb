"""The hostile-input corpus: every case is generated here (no large binaries in git).

Each case writes its files into a folder and names the termkit command to run on them, with the
exact outcome expected: an exit code, a one-line error naming the file and position (exit 2),
or a warning and a correct partial read. ``python tests/hostile/cases.py OUT_DIR`` writes every
case's files into OUT_DIR for a person to look at.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds" / "001_a1e2a0e00d5c9997.txt").read_text(encoding="utf-8")
SAMPLE = SEED[:3000]
HEADER = "concept_id,lang,term,status,type,pos,subject,definition,note,source\n"
GOOD_ROWS = (
    "hiv,en,HIV,preferred,acronym,noun,health,,,\n"
    "hiv,zh,艾滋病毒,preferred,fullForm,noun,health,,,\n"
    "hiv,zh,艾滋病病毒,deprecated,variant,noun,health,,,\n"
)
TBX2_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
TBX2_BODY = (
    '<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc>'
    "</fileDesc></martifHeader><text><body>"
    '<termEntry id="c1"><langSet xml:lang="en"><tig><term>HIV</term></tig></langSet>'
    '<langSet xml:lang="zh-CN"><tig><term>艾滋病毒</term></tig></langSet></termEntry>'
    "</body></text></martif>\n"
)
UNITS = [
    (
        "Globally, an estimated 1.7 million of the 12.7 million people who inject drugs are living with HIV.",
        "据估计，全球1 270万注射吸毒者中约170万感染了艾滋病毒。",
    ),
    (
        "The Commission on Narcotic Drugs is expected to act on the notification at its fifty-eighth session.",
        "麻醉药品委员会应在第五十八届会议上就该通知采取行动。",
    ),
]


def _tmx(tus: str, srclang: str = "en") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" '
        f'segtype="sentence" o-tmf="t" adminlang="en" srclang="{srclang}" datatype="plaintext"/><body>\n{tus}</body></tmx>\n'
    )


def _tu(en: str, zh: str | None, en_tag: str = "en", zh_tag: str = "zh-CN") -> str:
    zh_part = f'<tuv xml:lang="{zh_tag}"><seg>{zh}</seg></tuv>' if zh is not None else ""
    return f'<tu><tuv xml:lang="{en_tag}"><seg>{en}</seg></tuv>{zh_part}</tu>\n'


@dataclass
class Case:
    name: str
    kind: str  # text, csv, xml, bilingual, output
    build: Callable[[Path], list[str]]  # writes the files, returns the termkit arguments
    exit_code: int
    stderr: str = ""  # a substring the (one-line) message must contain
    stdout: str = ""  # a substring the output must contain
    one_line_error: bool = True  # exit 2 must print exactly one line
    check: Callable[[Path, object], None] | None = field(default=None)  # more assertions
    env: dict[str, str] = field(default_factory=dict)  # extra environment variables
    stdout_path: str | None = None  # send stdout there (``/dev/full``) instead of a pipe
    fsize: int | None = None  # RLIMIT_FSIZE: writing more than this many bytes to a file fails (EFBIG)


def w(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- text ---------------------------------------------------------------------------------------


def text_cases() -> list[Case]:
    def utf16_no_bom(d):
        return ["segment", str(w(d / "a.txt", SAMPLE.encode("utf-16-le")))]

    def mixed_folder(d):
        import opencc

        w(d / "corpus" / "a-utf8.txt", SAMPLE)
        w(d / "corpus" / "b-gb18030.txt", SAMPLE.encode("gb18030"))
        w(d / "corpus" / "c-big5.txt", opencc.OpenCC("s2t").convert(SAMPLE).encode("cp950", errors="ignore"))
        w(d / "corpus" / "d-utf16.txt", SAMPLE.encode("utf-16"))
        return ["segment", str(d / "corpus"), "--format", "jsonl"]

    def check_mixed(d, r):
        docs = {line.split('"doc": "')[1].split('"')[0] for line in r.stdout.splitlines()}
        assert docs == {"a-utf8", "b-gb18030", "c-big5", "d-utf16"}, docs
        assert "國際" in r.stdout or "國" in r.stdout

    def nul(d):
        return ["segment", str(w(d / "nul.txt", SAMPLE[:200].encode() + b"\x00\x00" + SAMPLE[200:400].encode()))]

    def long_line(d):
        path = d / "one-line.txt"
        with open(path, "wb") as fh:
            chunk = ("毒品和犯罪问题办公室发布了报告，" * 4000).encode("utf-8")
            while fh.tell() < 50 * 2**20:
                fh.write(chunk)
        return ["segment", str(path)]

    def crlf(d):
        return ["segment", str(w(d / "crlf.txt", SAMPLE.replace("\n", "\r\n"))), "--format", "jsonl"]

    def check_offsets(name):
        def check(d, r):
            import json

            text = (d / name).read_bytes().decode("utf-8")
            records = [json.loads(line) for line in r.stdout.splitlines()]
            assert len(records) > 10
            for rec in records:
                assert text[rec["start"] : rec["end"]] == rec["text"]

        return check

    def cr(d):
        return ["segment", str(w(d / "cr.txt", SAMPLE.replace("\n", "\r"))), "--format", "jsonl"]

    def empty(d):
        return ["segment", str(w(d / "empty.txt", b""))]

    def directory_as_glossary(d):
        (d / "glossary.csv").mkdir()
        return ["glossary", "validate", str(d / "glossary.csv")]

    def unreadable(d):
        return ["segment", "/proc/self/mem"]

    def symlink_loop(d):
        w(d / "corpus" / "sub" / "doc.txt", SAMPLE)
        os.symlink("..", d / "corpus" / "sub" / "loop")
        return ["segment", str(d / "corpus"), "--format", "jsonl"]

    def check_loop(d, r):
        docs = [line.split('"doc": "')[1].split('"')[0] for line in r.stdout.splitlines()]
        assert set(docs) == {"doc"} and len(docs) > 10

    def binary_in_folder(d):
        w(d / "corpus" / "a.txt", SAMPLE)
        w(d / "corpus" / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        return ["segment", str(d / "corpus")]

    def undecodable(d):
        return ["segment", str(w(d / "junk.txt", bytes(range(0x80, 0x100)) * 4))]

    return [
        Case("utf16-without-bom", "text", utf16_no_bom, 0, stdout="本报告根据大会第 72/198 号决议编写"),
        Case("mixed-encodings-in-one-folder", "text", mixed_folder, 0, check=check_mixed),
        Case("nul-bytes", "text", nul, 2, stderr="nul.txt: not a text file (NUL byte"),
        Case("50-mb-single-line", "text", long_line, 2, stderr="one-line.txt:1: line of"),
        Case("crlf-line-endings", "text", crlf, 0, check=check_offsets("crlf.txt")),
        Case("cr-line-endings", "text", cr, 0, check=check_offsets("cr.txt")),
        Case("zero-length-file", "text", empty, 2, stderr="empty.txt: empty file"),
        Case(
            "directory-where-a-file-is-expected",
            "text",
            directory_as_glossary,
            2,
            stderr="glossary.csv: is a directory",
        ),
        Case("unreadable-file", "text", unreadable, 2, stderr="/proc/self/mem: cannot read"),
        Case("symlink-loop-in-corpus-folder", "text", symlink_loop, 0, check=check_loop),
        Case("binary-file-in-corpus-folder", "text", binary_in_folder, 2, stderr="image.txt: not a text file"),
        Case("undecodable-bytes", "text", undecodable, 2, stderr="junk.txt: cannot decode"),
    ]


# --- CSV glossaries -------------------------------------------------------------------------------


def csv_cases() -> list[Case]:
    def bom(d):
        return ["glossary", "validate", str(w(d / "g.csv", codecs.BOM_UTF8 + (HEADER + GOOD_ROWS).encode()))]

    def semicolons(d):
        text = (HEADER + GOOD_ROWS).replace(",", ";")
        return ["lookup", "艾滋病病毒", "-g", str(w(d / "g.csv", text))]

    def tabs(d):
        text = (HEADER + GOOD_ROWS).replace(",", "\t")
        return ["lookup", "艾滋病病毒", "-g", str(w(d / "g.tsv", text))]

    def quoted_newline(d):
        rows = (
            GOOD_ROWS
            + 'nps,en,new psychoactive substances,preferred,,,drugs,,"a note\nover two lines",\n'
            + "nps,zh,新精神活性物质,admitted,,,drugs,,,\n"
        )
        return ["glossary", "validate", str(w(d / "g.csv", HEADER + rows))]

    def missing_column(d):
        return ["glossary", "validate", str(w(d / "g.csv", "concept_id,language,term\nc1,en,x\n"))]

    def extra_column(d):
        return [
            "glossary",
            "validate",
            str(w(d / "g.csv", HEADER.rstrip("\n") + ",owner\n" + GOOD_ROWS.replace("\n", ",me\n"))),
        ]

    def duplicate_header(d):
        return ["glossary", "validate", str(w(d / "g.csv", "concept_id,lang,term,term\nc1,en,x,y\n"))]

    def formula(d):
        rows = (
            GOOD_ROWS
            + 'evil,en,"=HYPERLINK(""http://example.invalid"",""x"")",preferred,,,test,,,\nevil,zh,@恶意,preferred,,,test,,,\n'
        )
        w(d / "g.csv", HEADER + rows)
        return ["export", str(d / "g.csv"), "-o", str(d / "out.csv"), "--shape", "long"]

    def check_formula(d, r):
        from termkit.formats.csv import read_glossary_csv

        raw = (d / "out.csv").read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in raw and "'@恶意" in raw  # neutralized for spreadsheets
        terms = {t.text for c in read_glossary_csv(d / "out.csv") for t in c.terms}
        assert '=HYPERLINK("http://example.invalid","x")' in terms and "@恶意" in terms  # and read back unchanged

    def too_many_fields(d):
        return [
            "glossary",
            "validate",
            str(w(d / "g.csv", HEADER + GOOD_ROWS + "c9,en,x,preferred,,,s,,,,extra,more\n")),
        ]

    return [
        Case("csv-bom", "csv", bom, 0),
        Case("csv-semicolon-delimiter", "csv", semicolons, 0, stdout="variant"),
        Case("csv-tab-delimiter", "csv", tabs, 0, stdout="variant"),
        Case(
            "csv-quoted-newline-keeps-line-numbers",
            "csv",
            quoted_newline,
            1,
            stdout="g.csv:7: error: concept nps has no preferred zh term",
        ),
        Case("csv-missing-column", "csv", missing_column, 2, stderr="g.csv:1: header lacks column(s) lang"),
        Case("csv-extra-column", "csv", extra_column, 1, stdout="unknown column 'owner' is ignored"),
        Case("csv-duplicate-header", "csv", duplicate_header, 2, stderr="g.csv:1: header repeats column(s) term"),
        Case("csv-formula-looking-cells", "csv", formula, 0, check=check_formula),
        Case("csv-row-with-extra-fields", "csv", too_many_fields, 2, stderr="g.csv:5: row has 12 fields"),
    ]


# --- XML ------------------------------------------------------------------------------------------


def xml_cases() -> list[Case]:
    def tbx(name: str, text: str):
        def build(d):
            return ["export", str(w(d / name, text)), "-o", str(d / "out.csv")]

        return build

    def no_output(d, r):
        assert not (d / "out.csv").exists()
        assert not [p for p in d.iterdir() if p.name.endswith(".tmp")]

    xxe = (
        TBX2_HEAD
        + '<!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        + TBX2_BODY.replace("<term>HIV</term>", "<term>&xxe;</term>")
    )
    net_entity = (
        TBX2_HEAD
        + '<!DOCTYPE martif [<!ENTITY e SYSTEM "http://203.0.113.9/e.xml">]>\n'
        + TBX2_BODY.replace("<term>HIV</term>", "<term>&e;</term>")
    )
    net_dtd = TBX2_HEAD + '<!DOCTYPE martif SYSTEM "http://203.0.113.9/TBXcdv04.dtd">\n' + TBX2_BODY
    laughs = (
        TBX2_HEAD
        + "<!DOCTYPE martif [\n"
        + '<!ENTITY lol "lol">\n'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
        + "]>\n"
        + TBX2_BODY.replace("<term>HIV</term>", "<term>&lol9;</term>")
    )
    quadratic = (
        TBX2_HEAD
        + '<!DOCTYPE martif [<!ENTITY a "'
        + "a" * 50000
        + '">]>\n'
        + TBX2_BODY.replace("<term>HIV</term>", "<term>" + "&a;" * 5000 + "</term>")
    )
    subset = TBX2_HEAD + '<!DOCTYPE martif [<!ATTLIST term type CDATA "x">]>\n' + TBX2_BODY
    truncated = (TBX2_HEAD + TBX2_BODY)[: len(TBX2_HEAD + TBX2_BODY) // 2]
    wrong_root = TBX2_HEAD + "<html><body><p>not a termbase</p></body></html>\n"
    wrong_ns = (
        '<?xml version="1.0"?>\n<tbx xmlns="urn:example:wrong" type="TBX-Basic" style="dca" xml:lang="en">'
        "<tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text><body>"
        '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>HIV</term></termSec></langSec>'
        '<langSec xml:lang="zh-CN"><termSec><term>艾滋病毒</term></termSec></langSec></conceptEntry></body></text></tbx>\n'
    )
    invalid_char = TBX2_HEAD + TBX2_BODY.replace("<term>HIV</term>", "<term>HIV\x01</term>")
    lying = TBX2_HEAD.replace("UTF-8", "ISO-8859-1") + TBX2_BODY

    def big(d):
        path = d / "huge.tbx"
        with open(path, "wb") as fh:
            fh.write((TBX2_HEAD + "<martif>").encode())
            fh.truncate(100 * 2**20)  # sparse: 100 MB on paper, nothing on disk
        return ["export", str(path), "-o", str(d / "out.csv")]

    def check_wrong_ns(d, r):
        text = (d / "out.csv").read_text(encoding="utf-8-sig")
        assert "艾滋病毒" in text and "HIV" in text

    def check_net_dtd(d, r):
        assert "艾滋病毒" in (d / "out.csv").read_text(encoding="utf-8-sig")

    return [
        Case(
            "xml-xxe-local-file",
            "xml",
            tbx("xxe.tbx", xxe),
            2,
            stderr="xxe.tbx:2: XML declares entities",
            check=no_output,
        ),
        Case(
            "xml-external-entity-over-network",
            "xml",
            tbx("net.tbx", net_entity),
            2,
            stderr="net.tbx:2: XML declares entities",
            check=no_output,
        ),
        Case("xml-external-dtd-not-fetched", "xml", tbx("dtd.tbx", net_dtd), 0, check=check_net_dtd),
        Case(
            "xml-billion-laughs",
            "xml",
            tbx("laughs.tbx", laughs),
            2,
            stderr="laughs.tbx:3: XML declares entities",
            check=no_output,
        ),
        Case(
            "xml-quadratic-blowup",
            "xml",
            tbx("quadratic.tbx", quadratic),
            2,
            stderr="quadratic.tbx:2: XML declares entities",
            check=no_output,
        ),
        Case(
            "xml-doctype-internal-subset",
            "xml",
            tbx("subset.tbx", subset),
            2,
            stderr="subset.tbx:2: XML has a DOCTYPE with an internal subset",
            check=no_output,
        ),
        Case(
            "xml-truncated",
            "xml",
            tbx("truncated.tbx", truncated),
            2,
            stderr="truncated.tbx:2: XML error",
            check=no_output,
        ),
        Case(
            "xml-wrong-root",
            "xml",
            tbx("html.tbx", wrong_root),
            2,
            stderr="html.tbx:2: not a TBX file: the root element is <html>",
            check=no_output,
        ),
        Case(
            "xml-wrong-namespace",
            "xml",
            tbx("ns.tbx", wrong_ns),
            0,
            stderr="not in the TBX namespace",
            check=check_wrong_ns,
        ),
        Case(
            "xml-invalid-character",
            "xml",
            tbx("ctrl.tbx", invalid_char),
            2,
            stderr="ctrl.tbx:2: XML error",
            check=no_output,
        ),
        Case(
            "xml-lying-encoding-declaration",
            "xml",
            tbx("lie.tbx", lying),
            2,
            stderr="lie.tbx:2: the XML declaration says encoding='ISO-8859-1'",
            check=no_output,
        ),
        Case("xml-100-mb-file", "xml", big, 2, stderr="huge.tbx: XML file of 100 MB is larger than", check=no_output),
    ]


# --- bilingual ------------------------------------------------------------------------------------


def bilingual_cases() -> list[Case]:
    glossary = str(ROOT / "glossaries" / "un-drug-control.csv")

    def missing_target(d):
        tus = _tu(*UNITS[0]) + _tu(UNITS[1][0], None)
        return [
            "check",
            str(w(d / "tm.tmx", _tmx(tus))),
            "-g",
            glossary,
            "--no-discover",
            "--fail-on",
            "never",
            "--format",
            "json",
        ]

    def check_missing_target(d, r):
        import json

        data = json.loads(r.stdout)
        assert data["documents"] == ["tm"]

    def inline_only(d):
        xlf = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            '<file source-language="en" target-language="zh-CN" datatype="plaintext" original="x"><body>\n'
            f'<trans-unit id="1"><source>{UNITS[0][0]}</source><target>{UNITS[0][1]}</target></trans-unit>\n'
            '<trans-unit id="2"><source><ph id="1">{0}</ph></source><target><ph id="1">{0}</ph></target></trans-unit>\n'
            "</body></file></xliff>\n"
        )
        return ["check", str(w(d / "p.xlf", xlf)), "--no-discover", "--fail-on", "never"]

    def wrong_langs(d):
        tus = _tu("Bonjour", "Hallo", en_tag="fr", zh_tag="de")
        return ["check", str(w(d / "frde.tmx", _tmx(tus, srclang="fr")))]

    def xxe_tmx(d):
        text = _tmx(_tu("&x;", "毒品")).replace(
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
        )
        return ["check", str(w(d / "xxe.tmx", text))]

    return [
        Case("tmx-missing-target", "bilingual", missing_target, 0, stderr="tm.tmx:", check=check_missing_target),
        Case("xliff-inline-tags-only", "bilingual", inline_only, 0, stderr="p.xlf:"),
        Case(
            "tmx-mismatched-language-tags",
            "bilingual",
            wrong_langs,
            2,
            stderr="frde.tmx:3: no units with Chinese text (1 unit(s) without a Chinese side (fr→de)",
        ),
        Case("tmx-xxe", "bilingual", xxe_tmx, 2, stderr="xxe.tmx:2: XML declares entities"),
    ]


# --- outputs and usage ------------------------------------------------------------------------------


def output_cases() -> list[Case]:
    glossary = str(ROOT / "glossaries" / "un-drug-control.csv")

    def unwritable_output(d):
        (d / "blocker").write_text("a file, not a folder", encoding="utf-8")
        return ["export", glossary, "-o", str(d / "blocker" / "termbase.tbx")]

    def run_into_a_file(d):
        (d / "out").write_text("x", encoding="utf-8")
        return ["run", str(ROOT / "seeds"), "-o", str(d / "out")]

    def unknown_check(d):
        return ["check", str(ROOT / "seeds"), "--check", "no-such-check", "--no-discover"]

    def spool_under_a_file(d):
        (d / "blocker").write_text("a file, not a folder", encoding="utf-8")
        return ["mine", str(ROOT / "seeds"), "--top", "5", "--spool-dir", str(d / "blocker" / "spool")]

    return [
        Case("output-under-a-file", "output", unwritable_output, 2, stderr="termbase.tbx: cannot write here"),
        Case("run-output-is-a-file", "output", run_into_a_file, 2, stderr="out: output exists and is not a folder"),
        Case("unknown-check-name", "output", unknown_check, 2, stderr="unknown check(s): no-such-check"),
        Case(
            "mine-spool-dir-under-a-file",
            "output",
            spool_under_a_file,
            2,
            stderr="cannot keep the counting's spool files in",
        ),
    ]


def all_cases() -> list[Case]:
    from round2 import all_round2

    return text_cases() + csv_cases() + xml_cases() + bilingual_cases() + output_cases() + all_round2()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-cases")
    for case in all_cases():
        folder = out / case.name
        folder.mkdir(parents=True, exist_ok=True)
        args = case.build(folder)
        print(f"{case.name}: termkit {' '.join(args)}  → exit {case.exit_code}")
