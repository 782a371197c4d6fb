"""The hostile-input corpus, second round (issue 25): XLSX internals, special files and odd output
targets, text that is not valid Unicode or XML, JSONL candidates, options. Each case is generated
here, with the exact one-line message and exit code expected; ``cases.all_cases`` includes them."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

from cases import ROOT, SAMPLE, Case, w

GLOSSARY = str(ROOT / "glossaries" / "un-drug-control.csv")
SHEET = "xl/worksheets/sheet1.xml"
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _strings(values: list[str]) -> str:
    items = "".join(f"<si><t>{v}</t></si>" for v in values)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {_NS} count="{len(values)}">{items}</sst>'


def _sheet(rows: str, head: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {_NS}>{head}<sheetData>\n{rows}</sheetData></worksheet>'


GOOD_STRINGS = ["en", "zh-CN", "HIV", "艾滋病毒"]
GOOD_ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\n'
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>\n'
)


def xlsx_parts(sheet: str | None = None, strings: str | None = None, sheet_name: str = "worksheets/sheet1.xml"):
    return {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook {_NS} xmlns:r="{_R}">'
        '<sheets><sheet name="termbase" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_R}/worksheet" Target="{sheet_name}"/>'
        f'<Relationship Id="rId2" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": strings if strings is not None else _strings(GOOD_STRINGS),
        "xl/" + sheet_name: sheet if sheet is not None else _sheet(GOOD_ROWS),
    }


def make_xlsx(path: Path, parts: dict[str, str | bytes], stored: bool = False) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return w(path, buf.getvalue())


def _patch_member(data: bytes, name: str, *, crc: int | None = None, size: int | None = None) -> bytes:
    """Rewrite a member's CRC or uncompressed size in both the local header and the central directory."""
    out = bytearray(data)
    encoded = name.encode()
    for sig, crc_at, size_at, name_at in ((b"PK\x03\x04", 14, 22, 30), (b"PK\x01\x02", 16, 24, 46)):
        at = 0
        while (at := out.find(sig, at)) >= 0:
            n = struct.unpack_from("<H", out, at + (26 if sig == b"PK\x03\x04" else 28))[0]
            if bytes(out[at + name_at : at + name_at + n]) == encoded:
                if crc is not None:
                    struct.pack_into("<I", out, at + crc_at, crc)
                if size is not None:
                    struct.pack_into("<I", out, at + size_at, size)
            at += 4
    return bytes(out)


def _lookup(d: Path, name: str = "book.xlsx") -> list[str]:
    return ["lookup", "HIV", "-g", str(d / name)]


def xlsx_cases() -> list[Case]:
    def good(d):
        make_xlsx(d / "book.xlsx", xlsx_parts())
        return _lookup(d)

    def bad_crc(d):
        path = make_xlsx(d / "book.xlsx", xlsx_parts(), stored=True)
        path.write_bytes(_patch_member(path.read_bytes(), SHEET, crc=0xDEADBEEF))
        return _lookup(d)

    def lying_size(d):
        path = make_xlsx(d / "book.xlsx", xlsx_parts())
        path.write_bytes(_patch_member(path.read_bytes(), SHEET, size=40))
        return _lookup(d)

    def truncated(d):
        make_xlsx(d / "book.xlsx", xlsx_parts(sheet=_sheet(GOOD_ROWS)[:-60]))
        return _lookup(d)

    def string_index(d):
        make_xlsx(d / "book.xlsx", xlsx_parts(sheet=_sheet(GOOD_ROWS.replace("<v>3</v>", "<v>99</v>"))))
        return _lookup(d)

    def bad_ref(d):
        make_xlsx(d / "book.xlsx", xlsx_parts(sheet=_sheet(GOOD_ROWS.replace('r="B2"', 'r="ZZZZZZ1"'))))
        return _lookup(d)

    def entity_in_strings(d):
        strings = _strings(GOOD_STRINGS).replace("\n<sst", '\n<!DOCTYPE sst [<!ENTITY x "HIV">]>\n<sst')
        make_xlsx(d / "book.xlsx", xlsx_parts(strings=strings))
        return _lookup(d)

    def dtd_in_workbook(d):
        parts = xlsx_parts()
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
            "\n<workbook", '\n<!DOCTYPE workbook SYSTEM "http://203.0.113.9/wb.dtd">\n<workbook'
        )
        make_xlsx(d / "book.xlsx", parts)
        return _lookup(d)

    def row_bomb(d):
        sheet = _sheet(GOOD_ROWS, head='<dimension ref="A1:XFD1048576"/>')
        make_xlsx(d / "book.xlsx", xlsx_parts(sheet=sheet))
        return _lookup(d)

    def sparse_bomb(d):
        rows = "".join(f'<row r="{i}"><c r="{_col(i)}{i}" t="s"><v>2</v></c></row>' for i in range(1, 5001))
        make_xlsx(d / "book.xlsx", xlsx_parts(sheet=_sheet(rows)))
        return _lookup(d)

    def bin_sheet_with_entity(d):
        sheet = _sheet(GOOD_ROWS.replace("<v>2</v></c>", '<v>2</v></c><c r="C2" t="inlineStr"><is><t>&e;</t></is></c>'))
        sheet = sheet.replace("\n<worksheet", '\n<!DOCTYPE worksheet [<!ENTITY e "injected term">]>\n<worksheet')
        make_xlsx(d / "book.xlsx", xlsx_parts(sheet=sheet, sheet_name="worksheets/sheet1.bin"))
        return _lookup(d)

    def entity_after_70000_newlines(d):
        sheet = _sheet(GOOD_ROWS).replace(
            "\n<worksheet", "\n" * 70000 + '<!DOCTYPE worksheet [<!ENTITY e "x">]>\n<worksheet'
        )
        make_xlsx(d / "book.xlsx", xlsx_parts(sheet=sheet))
        return _lookup(d)

    def urandom(d):
        os.symlink("/dev/urandom", d / "random.xlsx")
        return _lookup(d, "random.xlsx")

    def zero(d):
        os.symlink("/dev/zero", d / "zero.xlsx")
        return _lookup(d, "zero.xlsx")

    damaged = "book.xlsx: damaged .xlsx file: part xl/worksheets/sheet1.xml"
    refused = "book.xlsx: refused for safety: part {} declares a DOCTYPE or entities (XXE / entity expansion)"
    return [
        Case("xlsx-good", "xlsx", good, 0, stdout="艾滋病毒"),
        Case(
            "xlsx-bad-crc",
            "xlsx",
            bad_crc,
            2,
            stderr=f"{damaged} cannot be unpacked (Bad CRC-32 for file '{SHEET}')",
        ),
        Case("xlsx-member-lies-about-its-size", "xlsx", lying_size, 2, stderr=f"{damaged} cannot be unpacked"),
        Case("xlsx-truncated-sheet-xml", "xlsx", truncated, 2, stderr=f"{damaged} line 4: XML error:"),
        Case(
            "xlsx-shared-string-out-of-range",
            "xlsx",
            string_index,
            2,
            stderr=f"{damaged} line 4: cell B2 refers to shared string '99', but the workbook has 4",
        ),
        Case(
            "xlsx-invalid-cell-reference",
            "xlsx",
            bad_ref,
            2,
            stderr=f"{damaged} line 4: invalid cell reference 'ZZZZZZ1'",
        ),
        Case(
            "xlsx-entities-in-shared-strings",
            "xlsx",
            entity_in_strings,
            2,
            stderr=refused.format("xl/sharedStrings.xml"),
        ),
        Case("xlsx-dtd-in-workbook-part", "xlsx", dtd_in_workbook, 2, stderr=refused.format("xl/workbook.xml")),
        Case("xlsx-dimension-row-bomb", "xlsx", row_bomb, 0, stdout="艾滋病毒"),
        Case(
            "xlsx-sparse-cell-bomb",
            "xlsx",
            sparse_bomb,
            2,
            stderr="book.xlsx: refused: the sheet xl/worksheets/sheet1.xml spans more than 10,000,000 cells",
        ),
        Case(
            "xlsx-sheet-part-not-named-xml-with-entity",
            "xlsx",
            bin_sheet_with_entity,
            2,
            stderr=refused.format("xl/worksheets/sheet1.bin"),
        ),
        Case(
            "xlsx-entity-after-70000-newlines",
            "xlsx",
            entity_after_70000_newlines,
            2,
            stderr=refused.format(SHEET),
        ),
        Case(
            "xlsx-dev-urandom",
            "xlsx",
            urandom,
            2,
            stderr="random.xlsx: not a regular file (a device or a pipe); expected an .xlsx file",
        ),
        Case(
            "xlsx-dev-zero",
            "xlsx",
            zero,
            2,
            stderr="zero.xlsx: not a regular file (a device or a pipe); expected an .xlsx file",
        ),
    ]


def _col(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def xml_walkaround_cases() -> list[Case]:
    from cases import TBX2_BODY, TBX2_HEAD

    def export(name, data):
        def build(d):
            return ["export", str(w(d / name, data)), "-o", str(d / "out.csv")]

        return build

    def no_output(d, r):
        assert not (d / "out.csv").exists()

    far = (
        TBX2_HEAD
        + "\n" * 70000
        + '<!DOCTYPE martif [<!ENTITY e "injected">]>\n'
        + TBX2_BODY.replace("<term>HIV</term>", "<term>&e;</term>")
    )
    utf7 = (
        '<?xml version="1.0" encoding="UTF-7"?>\n'
        + "+ADw-!DOCTYPE martif +AFs-+ADw-!ENTITY e +ACI-injected+ACI-+AD4-+AF0-+AD4-\n"
        + TBX2_BODY.replace("<term>HIV</term>", "<term>&e;</term>")
    ).encode("ascii", errors="ignore")
    return [
        Case(
            "xml-entity-after-70000-newlines",
            "xml",
            export("far.tbx", far),
            2,
            stderr="far.tbx: XML declares entities (<!ENTITY>); refused for safety (XXE / entity expansion)",
            check=no_output,
        ),
        Case(
            "xml-utf7-hidden-entity",
            "xml",
            export("utf7.tbx", utf7),
            2,
            stderr="utf7.tbx:1: XML in encoding 'UTF-7' refused",
            check=no_output,
        ),
    ]


def all_round2() -> list[Case]:
    return (
        xlsx_cases()
        + xml_walkaround_cases()
        + output_target_cases()
        + unicode_cases()
        + jsonl_cases()
        + special_file_cases()
        + option_cases()
        + large_value_cases()
        + discover_cases()
    )


# --- output targets (classes 4, 7, 9, 12, 14) ----------------------------------------------------------


def _host() -> str:
    import re
    import socket

    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:16] or "host"


def _dead_pid() -> int:
    import subprocess

    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def output_target_cases() -> list[Case]:
    import stat
    import threading

    def export_to(target: str):
        return ["export", GLOSSARY, "-o", target]

    def into_directory(d):
        (d / "out.csv").mkdir()
        return export_to(str(d / "out.csv"))

    def to_dev_full(d):
        os.symlink("/dev/full", d / "full.csv")
        return export_to(str(d / "full.csv"))

    def file_too_large(d):
        return export_to(str(d / "termbase.tbx"))

    def nothing_left(name):
        def check(d, r):
            assert not (d / name).exists(), "a partial output was left"
            assert not [p.name for p in d.iterdir() if p.name.endswith(".tmp")], "a temporary file was left"

        return check

    def run_too_large(d):
        return ["run", str(ROOT / "seeds"), "-o", str(d / "out"), "-q"]

    def check_run_too_large(d, r):
        out = d / "out"
        assert not [p.name for p in out.rglob("*.tmp")] if out.exists() else True

    def to_dev_null(d):
        os.symlink("/dev/null", d / "null.tbx")
        return export_to(str(d / "null.tbx"))

    def check_dev_null(d, r):
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and os.path.islink(d / "null.tbx")

    def to_fifo(d):
        fifo = d / "pipe.csv"
        os.mkfifo(fifo)

        def drain():
            with open(fifo, "rb") as fh:
                (d / "received").write_bytes(fh.read())

        threading.Thread(target=drain, daemon=True).start()
        return export_to(str(fifo))

    def check_fifo(d, r):
        import time

        for _ in range(50):
            if (d / "received").exists():
                break
            time.sleep(0.1)
        assert stat.S_ISFIFO(os.lstat(d / "pipe.csv").st_mode), "the FIFO was replaced"
        assert "艾滋病毒" in (d / "received").read_bytes().decode("utf-8-sig")

    def to_stdout_link(d):
        os.symlink("/dev/stdout", d / "out.csv")
        return export_to(str(d / "out.csv"))

    def check_stdout_link(d, r):
        assert os.path.islink(d / "out.csv"), "the link was replaced"
        assert "艾滋病毒" in r.stdout

    def through_symlink(d):
        w(d / "elsewhere" / "target.csv", "precious\n")
        (d / "out").mkdir()
        os.symlink(d / "elsewhere" / "target.csv", d / "out" / "link.csv")
        return export_to(str(d / "out" / "link.csv"))

    def check_symlink(d, r):
        assert (d / "elsewhere" / "target.csv").read_text(encoding="utf-8") == "precious\n"
        assert os.path.islink(d / "out" / "link.csv")

    def stale_temporaries(d):
        out = d / "out"
        out.mkdir()
        w(out / f".report.html.tk-{_host()}-{_dead_pid()}-a1b2c3d4.tmp", "half a report")
        w(out / f".report.json.tk-{_host()}-{os.getpid()}-e5f6g7h8.tmp", "a live run's")
        w(out / ".notes.tmp", "not termkit's")
        w(d / "corpus" / "a.txt", SAMPLE + "\n" + SAMPLE)
        return ["run", str(d / "corpus"), "-o", str(out)]

    def check_stale(d, r):
        names = {p.name for p in (d / "out").iterdir()}
        assert not any(n.startswith(".report.html.tk-") for n in names), names
        assert any(n.startswith(".report.json.tk-") for n in names) and ".notes.tmp" in names, names

    def stdout_full(d):
        return ["lookup", "HIV", "-g", GLOSSARY]

    return [
        Case(
            "output-is-a-directory",
            "output",
            into_directory,
            2,
            stderr="out.csv: is a directory; name a file to write, such as DIR/NAME",
        ),
        Case(
            "output-disk-full",
            "output",
            to_dev_full,
            2,
            stderr="full.csv: cannot write: the disk is full (free some space, or write elsewhere)",
        ),
        Case(
            "export-file-size-limit-hit",
            "output",
            file_too_large,
            2,
            stderr="termbase.tbx: cannot write: file too large; nothing was written (free some space, or write elsewhere)",
            fsize=20_000,
            check=nothing_left("termbase.tbx"),
        ),
        Case(
            "run-disk-fills-in-the-mining-spool",
            "output",
            run_too_large,
            2,
            stderr=": file too large (free some space, or name a folder on a larger disk with --spool-dir)",
            fsize=20_000,
            check=check_run_too_large,
        ),
        Case("output-dev-null-stays-a-device", "output", to_dev_null, 0, check=check_dev_null),
        Case("output-fifo-written-not-replaced", "output", to_fifo, 0, check=check_fifo),
        Case("output-symlink-to-dev-stdout", "output", to_stdout_link, 0, check=check_stdout_link),
        Case(
            "output-symlink-to-a-file-elsewhere",
            "output",
            through_symlink,
            2,
            stderr="link.csv: is a symbolic link (to ",
            check=check_symlink,
        ),
        Case(
            "run-removes-stale-temporary-files",
            "output",
            stale_temporaries,
            0,
            stderr="removed 1 stale temporary file(s) left by an interrupted run: .report.html.tk-",
            check=check_stale,
        ),
        Case(
            "stdout-on-a-full-device",
            "output",
            stdout_full,
            2,
            stderr="termkit: error: <stdout>: cannot write: the disk is full",
            stdout_path="/dev/full",
        ),
    ]


# --- names and text that are not valid Unicode or XML (classes 5, 10) -------------------------------


def unicode_cases() -> list[Case]:
    import json

    bad_name = b"\xff\xfe-\xe6\x96\x87\xe4\xbb\xb6"  # not UTF-8

    def corpus_with_bad_name(d):
        folder = d / "corpus"
        folder.mkdir()
        with open(os.path.join(os.fsencode(folder), bad_name + b".txt"), "wb") as fh:
            fh.write(SAMPLE.encode("utf-8"))
        return folder

    def segment_bad_name(d):
        return ["segment", str(corpus_with_bad_name(d)), "--format", "jsonl"]

    def check_segment_bad_name(d, r):
        docs = {json.loads(line)["doc"] for line in r.stdout.splitlines()}
        assert docs == {"\\xff\\xfe-文件"}, docs

    def check_bad_name(d):
        return ["check", str(corpus_with_bad_name(d)), "-g", GLOSSARY, "--fail-on", "never", "--format", "json"]

    def check_check_bad_name(d, r):
        assert json.loads(r.stdout)["documents"] == ["\\xff\\xfe-文件"]

    def run_bad_name(d):
        return ["run", str(corpus_with_bad_name(d)), "-o", str(d / "out"), "-q"]

    def check_run_bad_name(d, r):
        assert (d / "out" / "report.html").exists() and (d / "out" / "proposed.tbx").exists()
        assert "\\xff\\xfe-文件" in (d / "out" / "candidates.csv").read_text(encoding="utf-8-sig")

    def newline_in_name(d):
        return ["segment", str(w(d / "two\nlines.txt", b"\x00\x01"))]

    def xliff_lone_surrogate(d):
        xlf = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
            'srcLang="en" trgLang="zh-CN"><file id="f1">\n'
            '<unit id="1"><segment><source>Heroin<cp hex="D800"/> seizures rose.</source>'
            '<target>海洛因<cp hex="D800"/>缉获量上升。</target></segment></unit>\n'
            '<unit id="2"><segment><source>Drug control</source><target>药物管制</target></segment></unit>\n'
            "</file></xliff>\n"
        )
        w(d / "p.xlf", xlf)
        return ["check", str(d / "p.xlf"), "-g", GLOSSARY, "--fail-on", "never", "-o", str(d / "report.html")]

    def check_surrogate_report(d, r):
        assert (d / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")

    def ansi_in_corpus(d):
        text = SAMPLE + "\n\x1b[31m红色警报\x1b[0m 毒品和犯罪问题办公室\n" + SAMPLE
        w(d / "corpus" / "ansi.txt", text)
        return ["run", str(d / "corpus"), "-o", str(d / "out")]

    def check_ansi(d, r):
        for name in ("proposed.tbx", "report.json", "candidates.csv"):
            assert "\x1b" not in (d / "out" / name).read_text(encoding="utf-8-sig"), name

    ansi_line = SAMPLE.count("\n") + 2
    return [
        Case("non-utf8-file-name-segment-jsonl", "unicode", segment_bad_name, 0, check=check_segment_bad_name),
        Case("non-utf8-file-name-check", "unicode", check_bad_name, 0, check=check_check_bad_name),
        Case("non-utf8-file-name-run", "unicode", run_bad_name, 0, check=check_run_bad_name),
        Case(
            "newline-in-file-name-keeps-the-error-on-one-line",
            "unicode",
            newline_in_name,
            2,
            stderr="two\\nlines.txt: not a text file (NUL byte at byte 0)",
        ),
        Case(
            "xliff-lone-surrogate-replaced-at-read-time",
            "unicode",
            xliff_lone_surrogate,
            0,
            stderr="p.xlf:3: replaced 1 character(s) no output can hold (first: U+D800, a lone surrogate;",
            check=check_surrogate_report,
        ),
        Case(
            "ansi-escape-in-corpus-line",
            "unicode",
            ansi_in_corpus,
            0,
            stderr=f"ansi.txt:{ansi_line}: replaced 2 character(s) no output can hold (first: U+001B, a control character;",
            check=check_ansi,
        ),
    ]


# --- JSONL candidates (class 6) ------------------------------------------------------------------------


def jsonl_cases() -> list[Case]:
    good = '{"text": "毒品和犯罪问题办公室", "freq": 12, "doc_freq": 3, "score": 4.5, "contexts": []}\n'

    def export(lines: str):
        def build(d):
            return ["export", str(w(d / "terms.jsonl", good + lines)), "-o", str(d / "out.tbx")]

        return build

    def no_output(d, r):
        assert not (d / "out.tbx").exists()

    deep = "[" * 10000 + "]" * 10000
    cases = [
        ("number-instead-of-object", "42\n", "terms.jsonl:2: expected one JSON object per line, found the number 42"),
        (
            "non-numeric-start",
            '{"text": "禁毒", "contexts": [{"doc": "a", "start": "x", "end": 3, "sentence": "禁毒"}]}\n',
            "terms.jsonl:2: 'contexts.start' should be a whole number of 0 or more, found the string 'x'",
        ),
        (
            "context-not-an-object",
            '{"text": "禁毒", "contexts": [7]}\n',
            "terms.jsonl:2: 'contexts' should be a list of objects, found the number 7",
        ),
        (
            "deep-nesting",
            '{"text": "禁毒", "contexts": ' + deep + "}\n",
            "terms.jsonl:2: not JSON Lines: nested too deeply",
        ),
        (
            "nan-score",
            '{"text": "禁毒", "score": NaN}\n',
            "terms.jsonl:2: not JSON Lines: NaN is not a number JSON allows",
        ),
        (
            "infinity-freq",
            '{"text": "禁毒", "freq": Infinity}\n',
            "terms.jsonl:2: not JSON Lines: Infinity is not a number JSON allows",
        ),
        (
            "huge-number",
            '{"text": "禁毒", "freq": 1e400}\n',
            "terms.jsonl:2: 'freq' should be a number, found the number inf",
        ),
        ("text-not-a-string", '{"text": ["禁毒"]}\n', "terms.jsonl:2: 'text' should be a string, found a list"),
        (
            "evidence-not-strings",
            '{"text": "禁毒", "evidence": [1, 2]}\n',
            "terms.jsonl:2: 'evidence' should be a list of strings",
        ),
    ]
    out = [Case(f"jsonl-{name}", "jsonl", export(line), 2, stderr=msg, check=no_output) for name, line, msg in cases]

    def check_surrogate(d, r):
        assert "\ufffd" in (d / "out.tbx").read_text(encoding="utf-8")

    out.append(
        Case(
            "jsonl-lone-surrogate-replaced",
            "jsonl",
            export('{"text": "禁毒\\ud800"}\n'),
            0,
            stderr="terms.jsonl:2: replaced 1 character(s) no output can hold (first: U+D800, a lone surrogate;",
            check=check_surrogate,
        )
    )
    return out


# --- special files and size limits (class 3), options (class 14) -------------------------------------


def special_file_cases() -> list[Case]:
    import threading

    def zero_corpus(d):
        os.symlink("/dev/zero", d / "zero.txt")
        return ["segment", str(d / "zero.txt")]

    def zero_glossary(d):
        os.symlink("/dev/zero", d / "zero.csv")
        return ["lookup", "HIV", "-g", str(d / "zero.csv")]

    def urandom_tbx(d):
        os.symlink("/dev/urandom", d / "random.tbx")
        return ["export", str(d / "random.tbx"), "-o", str(d / "out.csv")]

    def big_text(d):
        path = d / "big.txt"
        with open(path, "wb") as fh:
            chunk = ("毒品和犯罪问题办公室发布了报告。\n" * 1000).encode("utf-8")
            while fh.tell() < 3 * 2**20:
                fh.write(chunk)
        return ["segment", str(path)]

    def fifo_endless(d):
        fifo = d / "endless.txt"
        os.mkfifo(fifo)

        def feed():
            line = ("毒品和犯罪问题办公室发布了报告。\n" * 1000).encode("utf-8")
            try:
                with open(fifo, "wb") as fh:
                    for _ in range(10_000):  # 450 MB, far past the limit: the reader must stop
                        fh.write(line)
            except OSError:
                pass

        threading.Thread(target=feed, daemon=True).start()
        return ["segment", str(fifo)]

    return [
        Case(
            "dev-zero-as-corpus",
            "text",
            zero_corpus,
            2,
            stderr="zero.txt: not a regular file (a device or a socket); expected a text file or a document",
        ),
        Case(
            "dev-zero-as-glossary",
            "csv",
            zero_glossary,
            2,
            stderr="zero.csv: not a regular file (a device or a socket); expected a glossary file",
        ),
        Case(
            "dev-urandom-as-tbx",
            "xml",
            urandom_tbx,
            2,
            stderr="random.tbx: not a regular file (a device or a socket); expected an XML file",
        ),
        Case(
            "text-over-the-size-limit",
            "text",
            big_text,
            2,
            stderr="big.txt: text file of 3 MB is larger than the 1 MB limit (split it, or raise TERMKIT_MAX_TEXT_MB)",
            env={"TERMKIT_MAX_TEXT_MB": "1"},
        ),
        Case(
            "fifo-read-stops-at-the-limit",
            "text",
            fifo_endless,
            2,
            stderr="endless.txt: text file is larger than the 1 MB limit (split it, or raise TERMKIT_MAX_TEXT_MB)",
            env={"TERMKIT_MAX_TEXT_MB": "1"},
        ),
    ]


def option_cases() -> list[Case]:
    seeds = str(ROOT / "seeds")
    bad = [
        ("mine-top-negative", ["mine", seeds, "--top", "-1"], "invalid value for '--top': -1 is not in the range x>=0"),
        (
            "mine-min-freq-zero",
            ["mine", seeds, "--min-freq", "0"],
            "invalid value for '--min-freq': 0 is not in the range x>=1",
        ),
        (
            "mine-contexts-negative",
            ["mine", seeds, "--contexts", "-3"],
            "invalid value for '--contexts': -3 is not in the range x>=0",
        ),
        (
            "lookup-min-score-nan",
            ["lookup", "HIV", "-g", GLOSSARY, "--min-score", "nan"],
            "invalid value for '--min-score': 'nan' is not a number from 0 to 100 (see termkit lookup --help)",
        ),
        (
            "lookup-limit-zero",
            ["lookup", "HIV", "-g", GLOSSARY, "--limit", "0"],
            "invalid value for '--limit': 0 is not in the range x>=1",
        ),
        (
            "run-top-negative",
            ["run", seeds, "-o", "out", "--top", "-5"],
            "invalid value for '--top': -5 is not in the range x>=0",
        ),
    ]
    return [Case(name, "options", (lambda d, a=args: a), 2, stderr=msg) for name, args, msg in bad]


# --- large values (class 2) ------------------------------------------------------------------------------


def large_value_cases() -> list[Case]:
    import random

    rng = random.Random(25)
    hanzi = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]

    def long_query(n):
        def build(d):
            return ["lookup", "".join(rng.choice(hanzi) for _ in range(n)), "-g", GLOSSARY]

        return build

    def huge_term(d):
        term = "".join(rng.choice(hanzi) for _ in range(100_000))
        words = " ".join("".join(rng.choice("abcdefghij") for _ in range(6)) for _ in range(15_000))
        rows = f"concept_id,lang,term\nc1,zh,{term}\nc1,en,{words}\nc2,zh,艾滋病毒\nc2,en,HIV\n"
        return ["lookup", "艾滋病", "HIV virus", "-g", str(w(d / "g.csv", rows))]

    return [
        Case(
            "lookup-10000-character-query",
            "text",
            long_query(10_000),
            2,
            stderr="termkit: error: query of 10,000 characters is longer than a term lookup takes (1,000); "
            "look up a term, not a passage",
        ),
        Case("lookup-1000-character-query", "text", long_query(1000), 0),
        Case("lookup-in-a-glossary-with-a-100000-character-term", "text", huge_term, 0, stdout="艾滋病毒"),
    ]


# --- things users should not have to discover (class 13) -----------------------------------------------


def discover_cases() -> list[Case]:
    import json

    def repeated_language(d):
        rows = "en,zh-CN,en\nHIV,艾滋病毒,human immunodeficiency virus\ndrug,毒品,narcotic\n"
        return ["export", str(w(d / "wide.csv", rows)), "-o", str(d / "out.csv")]

    def unbalanced_quote(d):
        rows = 'en,zh-CN\nHIV,艾滋病毒\n"drug,毒品\nheroin,海洛因\ncocaine,可卡因\n'
        return ["export", str(w(d / "quote.csv", rows)), "-o", str(d / "out.csv")]

    def formula_tsv(d):
        w(
            d / "f.txt",
            '=HYPERLINK("http://example.invalid")\n@SUM(A1)\n＝１＋１\n\u00a0=2+3\n\u200b+cmd\n\ufeff-2+3 \n毒品管制。\n',
        )
        return ["segment", str(d / "f.txt")]

    def check_formula_tsv(d, r):
        cells = [line.split("\t")[-1] for line in r.stdout.splitlines()[1:]]
        risky = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\uff05")
        for cell in cells:
            bare = cell.lstrip(" \u00a0\u200b\ufeff\u3000")
            assert not bare.startswith(risky) or cell.startswith("'"), cell
        assert any(c.startswith("'") for c in cells), cells

    def formula_glossary(d):
        rows = "en,zh-CN\n\u00a0=1+1,＝恶意\n\u200b@evil,毒品\n"
        return ["export", str(w(d / "g.csv", rows)), "-o", str(d / "out.csv")]

    def check_formula_glossary(d, r):
        raw = (d / "out.csv").read_text(encoding="utf-8-sig")
        assert "'\u00a0=1+1" in raw and "'＝恶意" in raw and "'\u200b@evil" in raw, raw

    def link_outside(d):
        w(d / "secret" / "private.txt", "机密文件：不应读取的内容。" * 20)
        w(d / "corpus" / "a.txt", SAMPLE)
        os.symlink(d / "secret" / "private.txt", d / "corpus" / "link.txt")
        return ["segment", str(d / "corpus"), "--format", "jsonl"]

    def check_link_outside(d, r):
        docs = {json.loads(line)["doc"] for line in r.stdout.splitlines()}
        assert docs == {"a"}, docs

    def bidi(d):
        glossary = "concept_id,lang,term,status\nc1,en,HIV,preferred\nc1,zh,艾滋病毒,preferred\nc1,zh,艾滋\u202e病毒,deprecated\n"
        w(d / "g.csv", glossary)
        w(d / "doc.txt", "艾滋\u202e病毒的传播。艾滋病毒的传播。" * 5)
        return [
            "check",
            str(d / "doc.txt"),
            "-g",
            str(d / "g.csv"),
            "--no-discover",
            "--fail-on",
            "never",
            "-o",
            str(d / "out"),
        ]

    def check_bidi(d, r):
        for name in ("report.html", "report.csv"):
            text = (d / "out" / name).read_text(encoding="utf-8-sig")
            assert "\u202e" not in text, name
        assert "\\u202e" in (d / "out" / "report.html").read_text(encoding="utf-8")

    return [
        Case(
            "wide-csv-repeated-language-column",
            "csv",
            repeated_language,
            2,
            stderr="wide.csv:1: header repeats column(s) en (as 'en')",
        ),
        Case(
            "csv-unbalanced-quote",
            "csv",
            unbalanced_quote,
            2,
            stderr='quote.csv:3: a quoted cell opened here is never closed (unbalanced ")',
        ),
        Case("segment-tsv-formula-cells-neutralized", "csv", formula_tsv, 0, check=check_formula_tsv),
        Case("csv-formula-after-nbsp-zwsp-or-full-width", "csv", formula_glossary, 0, check=check_formula_glossary),
        Case(
            "corpus-symlink-to-a-file-outside",
            "text",
            link_outside,
            0,
            stderr="link.txt: a link to ",
            check=check_link_outside,
        ),
        Case("bidi-override-shown-escaped-in-reports", "unicode", bidi, 0, check=check_bidi),
    ]
