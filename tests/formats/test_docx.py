"""Word documents: reading order, notes, tracked changes, what is left out, locations, hostile files.

Every .docx here is generated (tests/formats/makedocs.py: python-docx, plus the footnotes and
tracked changes python-docx cannot write)."""

from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner

from termkit.cli import main
from termkit.errors import InputError
from termkit.formats.docx import read_docx, read_paragraphs
from termkit.formats.txt import corpus_files, read_text

from conftest import GLOSSARY
from makedocs import make_docx

BLOCKS = [
    "毒品和犯罪问题办公室",
    "1. 毒罪办与联合国艾滋病毒/艾滋病联合规划署合作{fn:包括世界卫生组织和艾滋病病毒问题专家。}，继续开展工作。",
    ("table", [["项目", "说明"], ["艾滋病病毒检测", "毒罪办支持会员国。"]]),
    "2. 毒罪办针对吸毒者中{del:艾滋病毒}{ins:艾滋病病毒}和其他血液传播疾病采取了举措{comment:请核对艾滋病病毒的写法}。",
    "3. 毒罪办还支持了预防工作{en:见艾滋病毒问题报告。}。",
]


@pytest.fixture
def sample(tmp_path):
    return make_docx(tmp_path / "sample.docx", BLOCKS, header="艾滋病病毒页眉 E/CN.7/2024/5", footer="页脚 V.24-00876")


def test_reading_order_notes_and_tracked_changes(sample):
    paragraphs = read_paragraphs(sample)
    texts = [p.text for p in paragraphs]
    assert texts == [
        "毒品和犯罪问题办公室",
        "1. 毒罪办与联合国艾滋病毒/艾滋病联合规划署合作¹，继续开展工作。",
        "¹ 包括世界卫生组织和艾滋病病毒问题专家。",
        "项目",
        "说明",
        "艾滋病病毒检测",
        "毒罪办支持会员国。",
        "2. 毒罪办针对吸毒者中艾滋病病毒和其他血液传播疾病采取了举措。",
        "3. 毒罪办还支持了预防工作²。",
        "² 见艾滋病毒问题报告。",
    ]
    # a note's place is the paragraph that calls it; paragraphs with text are numbered in order
    assert [p.number for p in paragraphs] == [1, 2, 2, 3, 4, 5, 6, 7, 8, 8]


def test_header_footer_comments_and_deleted_text_are_left_out(sample):
    doc = read_docx(sample)
    for absent in ("页眉", "页脚", "V.24-00876", "请核对", "艾滋病毒和其他"):
        assert absent not in doc.text
    # the footnote is its own block to the layout: the sentence that calls it does not run into it
    from termkit.documents import segment_document

    segment_document(doc, "zh")
    kinds = {s.text: s.kind for s in doc.segments}
    assert kinds["¹ 包括世界卫生组织和艾滋病病毒问题专家。"] == "footnote"
    assert any(s.text.startswith("毒罪办与联合国") and s.text.endswith("继续开展工作。") for s in doc.segments)


def test_places_point_at_paragraphs(sample):
    doc = read_docx(sample)
    at = doc.text.index("艾滋病病毒检测")
    assert doc.place(at) == (0, 5, 1)
    at = doc.text.index("艾滋病病毒和其他")
    page, paragraph, column = doc.place(at)
    assert (page, paragraph) == (0, 7)
    assert "2. 毒罪办针对吸毒者中艾滋病病毒"[column - 1 :].startswith("艾滋病病毒")


def test_check_finds_the_deprecated_form_at_its_paragraph(sample, tmp_path):
    out = tmp_path / "report.json"
    r = CliRunner().invoke(main, ["check", str(sample), "-g", GLOSSARY, "-o", str(out), "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    report = json.loads(out.read_text(encoding="utf-8"))
    places = {
        (loc["paragraph"], loc["column"])
        for f in report["findings"]
        for loc in f["locations"]
        if loc["form"] == "艾滋病病毒"
    }
    assert {p for p, _ in places} == {2, 5, 7}  # the note (called in ¶2), the table cell, the insertion
    assert (7, len("2. 毒罪办针对吸毒者中") + 1) in places
    assert all(loc.get("line") == 0 and "page" not in loc for f in report["findings"] for loc in f["locations"])
    text = CliRunner().invoke(main, ["check", str(sample), "-g", GLOSSARY, "--fail-on", "never"]).output
    assert "sample.docx:¶7" in text


def test_a_folder_yields_word_files_but_not_lock_files(tmp_path, sample):
    (tmp_path / "~$sample.docx").write_bytes(b"lock")
    (tmp_path / "notes.md").write_text("no")
    assert [p.name for p in corpus_files([tmp_path])] == ["sample.docx"]
    assert read_text(tmp_path / "sample.docx").places


def test_a_docx_named_otherwise_is_read_by_its_content(tmp_path, sample):
    other = tmp_path / "report.bin"
    other.write_bytes(sample.read_bytes())
    assert "毒罪办" in read_text(other).text


# -- hostile files ---------------------------------------------------------------------------------


def _rewrite(path, replace: dict[str, bytes], add: dict[str, bytes] | None = None, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts.update(replace)
    parts.update(add or {})
    with zipfile.ZipFile(path, "w", compress) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _document_xml(path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")


def _cli_error(path) -> str:
    r = CliRunner().invoke(main, ["check", str(path), "--no-discover"])
    assert r.exit_code == 2, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"termkit: error: {path}"), r.output
    assert "Traceback" not in r.output
    return lines[0]


def test_entities_are_refused(sample):
    xml = _document_xml(sample)
    head, _, rest = xml.partition(b"?>")
    bomb = head + b'?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' + rest
    _rewrite(sample, {"word/document.xml": bomb.replace(b"\xe6\xaf\x92\xe5\x93\x81", b"&b;", 1)})
    assert "DOCTYPE or entities" in _cli_error(sample)


def test_an_external_dtd_is_refused_too(sample):
    xml = _document_xml(sample)
    head, _, rest = xml.partition(b"?>")
    _rewrite(sample, {"word/document.xml": head + b'?><!DOCTYPE w:document SYSTEM "file:///etc/passwd">' + rest})
    assert "DOCTYPE" in _cli_error(sample)


@pytest.mark.parametrize(
    "rtype, target",
    [
        ("attachedTemplate", "file:///etc/passwd"),
        ("image", "http://127.0.0.1:9/tracker.png"),
        ("subDocument", "\\\\server\\share\\part.docx"),
    ],
)
def test_external_relationships_are_refused(sample, rtype, target):
    with zipfile.ZipFile(sample) as zf:
        rels = zf.read("word/_rels/document.xml.rels")
    rel = (
        f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rtype}" '
        f'Target="{target}" TargetMode="External"/>'
    ).encode()
    _rewrite(sample, {"word/_rels/document.xml.rels": rels.replace(b"</Relationships>", rel + b"</Relationships>")})
    message = _cli_error(sample)
    assert "external relationship" in message and rtype in message


def test_a_hyperlink_is_not_refused(sample):
    with zipfile.ZipFile(sample) as zf:
        rels = zf.read("word/_rels/document.xml.rels")
    rel = (
        b'<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        b'Target="https://www.unodc.org/" TargetMode="External"/>'
    )
    _rewrite(sample, {"word/_rels/document.xml.rels": rels.replace(b"</Relationships>", rel + b"</Relationships>")})
    assert "毒罪办" in read_docx(sample).text


def test_a_relationship_out_of_the_package_is_refused(sample):
    with zipfile.ZipFile(sample) as zf:
        rels = zf.read("word/_rels/document.xml.rels")
    rels = rels.replace(b'Target="footnotes.xml"', b'Target="../../../etc/passwd"')
    _rewrite(sample, {"word/_rels/document.xml.rels": rels})
    assert "outside the package" in _cli_error(sample)


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path, sample, monkeypatch):
    monkeypatch.setenv("TERMKIT_MAX_XML_MB", "1")
    xml = _document_xml(sample)
    padding = b"<!-- " + b" " * (3 * 2**20) + b" -->"
    _rewrite(sample, {"word/document.xml": xml.replace(b"<w:body>", b"<w:body>" + padding, 1)})
    assert sample.stat().st_size < 100_000  # compresses to almost nothing
    assert "unpacks to more than 1 MB" in _cli_error(sample)


def test_a_part_larger_than_its_zip_entry_claims_is_cut_off(tmp_path, sample, monkeypatch):
    monkeypatch.setenv("TERMKIT_MAX_XML_MB", "1")
    xml = _document_xml(sample)
    big = xml.replace(b"<w:body>", b"<w:body><!-- " + b" " * (3 * 2**20) + b" -->", 1)
    _rewrite(sample, {"word/document.xml": big})
    # forge the sizes the zip declares (local header and central directory) to look small
    data = bytearray(sample.read_bytes())
    name = b"word/document.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[pos + size_at : pos + size_at + 4] = (1000).to_bytes(4, "little")
            pos += 4
    sample.write_bytes(bytes(data))
    message = _cli_error(sample)
    assert "unpacks to more than" in message or "damaged .docx" in message


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"plain text, not a zip", "not a .docx file (not a zip archive)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "password-protected"),
    ],
)
def test_files_that_are_not_word_documents(tmp_path, content, expected):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    assert expected in _cli_error(path)


def test_a_zip_without_a_document_part(tmp_path):
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "no main document part" in _cli_error(path)


def test_a_document_without_text(tmp_path):
    path = make_docx(tmp_path / "blank.docx", ["", "   "])
    with pytest.raises(InputError, match="has no text"):
        read_docx(path)
