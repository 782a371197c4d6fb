"""PDF files: the text layer in reading order, running heads and page numbers out, footnotes apart,
page and paragraph locations, and one-line errors for the PDFs that cannot be read.

Every PDF here is generated with reportlab's built-in CID font STSong-Light (makedocs.py)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import termkit
from termkit.cli import main
from termkit.documents import segment_document
from termkit.formats.pdf import read_pdf

from conftest import GLOSSARY, seed_text
from makedocs import make_pdf, seed_paragraphs

HEADER = "禁毒年度审查工作底稿"  # a running head in Chinese: it would be a frequent candidate if it leaked
JOB = "V.24-00876"
NOTE = "包括世界卫生组织和联合国艾滋病病毒/艾滋病联合规划署。"
CALLER = 4  # the paragraph that calls the footnote


def _paragraphs() -> list:
    lines = [line for line in seed_text("000").splitlines() if line.strip() and not line.startswith(("*", "¹"))]
    body = lines[20:60] + [line for line in lines if "艾滋病病毒" in line]
    body[CALLER] = body[CALLER].replace("。", "{fn:" + NOTE + "}。", 1)
    return body


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    starts = make_pdf(path, _paragraphs(), header=HEADER, job=JOB)
    return path, starts


def test_running_heads_job_numbers_and_page_numbers_are_left_out(sample):
    path, starts = sample
    doc = read_pdf(path)
    pages = starts[-1][0]
    assert pages >= 3
    assert HEADER not in doc.text and JOB not in doc.text
    paragraphs = doc.text.split("\n\n")
    assert not any(p.strip().isdigit() for p in paragraphs)  # no page number left on its own
    assert {page for _, page, _ in doc.places} == set(range(1, pages + 1))


def test_running_heads_never_reach_a_candidate(sample):
    path, _ = sample
    mined = termkit.mine([path], top=0, min_freq=1)
    assert mined.candidates
    assert not [c.text for c in mined.candidates if "底稿" in c.text or "审查工作" in c.text or "V.24" in c.text]


def test_footnotes_are_apart_from_the_sentence_that_calls_them(sample):
    path, _ = sample
    doc = segment_document(read_pdf(path), "zh")
    notes = [s.text for s in doc.segments if s.kind == "footnote"]
    assert notes == ["¹ " + NOTE]
    caller = _paragraphs()[CALLER]
    sentence = caller[caller.index(" ") + 1 : caller.index("{fn:")]  # after its number "6. "
    assert any(sentence in s.content and "¹" in s.content for s in doc.segments if s.kind == "sentence")
    assert not any(NOTE in s.content for s in doc.segments if s.kind != "footnote")


def test_paragraphs_come_back_whole_with_their_page_and_number(sample):
    path, starts = sample
    doc = read_pdf(path)
    body = [p.replace("{fn:" + NOTE + "}", "¹").replace(" ", "") for p in _paragraphs()]
    paragraphs = doc.text.split("\n\n")
    notes = [p for p in paragraphs if p.startswith("¹ ")]
    assert notes == ["¹ " + NOTE]
    offset, k, rest = 0, 0, ""
    for paragraph in paragraphs:
        if paragraph not in notes:
            # the text as laid out: a space lost where a line was wrapped at it, nothing else
            piece = paragraph.replace(" ", "")
            if rest:  # the rest of a paragraph after a sentence that ended at a page break
                assert piece == rest and doc.place(offset)[1] == 1, k
                rest, k = "", k + 1
            elif piece != body[k]:
                assert body[k].startswith(piece) and piece.endswith("。"), k
                rest = body[k][len(piece) :]
                assert doc.place(offset)[:2] == starts[k], k
            else:
                assert doc.place(offset)[:2] == starts[k], k
                k += 1
        offset += len(paragraph) + 2
    assert k == len(body)


def test_check_finds_the_deprecated_form_on_its_page_and_paragraph(sample, tmp_path):
    path, starts = sample
    out = tmp_path / "report.json"
    r = CliRunner().invoke(main, ["check", str(path), "-g", GLOSSARY, "-o", str(out), "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    report = json.loads(out.read_text(encoding="utf-8"))
    found = {
        (loc["page"], loc["paragraph"])
        for f in report["findings"]
        for loc in f["locations"]
        if "艾滋病病毒" in loc["form"]
    }
    body = _paragraphs()
    expected = {starts[k] for k, p in enumerate(body) if "艾滋病病毒" in p.replace("{fn:" + NOTE + "}", "")}
    assert expected and expected <= found
    note_page = starts[CALLER][0]
    assert any(page == note_page and (page, number) not in set(starts) for page, number in found)  # the note
    text = CliRunner().invoke(main, ["check", str(path), "-g", GLOSSARY, "--fail-on", "never"]).output
    page, number = sorted(expected)[0]
    assert f"sample.pdf:p{page}:¶{number}" in text


def test_mining_the_pdf_of_a_seed_gives_the_top_100_of_its_text(tmp_path):
    text = seed_text("000")
    txt = tmp_path / "000.txt"
    txt.write_text(text, encoding="utf-8")
    pdf = tmp_path / "pdf" / "000.pdf"
    pdf.parent.mkdir()
    make_pdf(pdf, seed_paragraphs(text))
    from_text = [c.text for c in termkit.mine([txt], top=100).candidates]
    from_pdf = [c.text for c in termkit.mine([pdf], top=100).candidates]
    assert len(from_text) >= 100 and from_pdf == from_text  # --top counts concepts: a few more forms


# -- PDFs that cannot be read -------------------------------------------------------------------


def _cli_error(path, env=None) -> str:
    r = CliRunner().invoke(main, ["check", str(path), "--no-discover"], env=env)
    assert r.exit_code == 2, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"termkit: error: {path}"), r.output
    return lines[0]


def test_a_scanned_pdf_says_it_has_no_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(72, 72, 300, 500, fill=1)  # a page that is only a picture
    c.showPage()
    c.save()
    assert "no text layer" in _cli_error(path)


def test_an_encrypted_pdf_asks_for_its_password(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(72, 700, "confidential")
    c.showPage()
    c.save()
    assert "encrypted PDF" in _cli_error(path)


def test_damaged_pdfs_get_one_line_errors(tmp_path, sample):
    path, _ = sample
    data = path.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 50)
    for bad in (cut, garbage):
        r = CliRunner().invoke(main, ["check", str(bad), "--no-discover"])
        assert "Traceback" not in r.output
        if r.exit_code == 2:  # or read what could be read
            assert len(r.output.strip().splitlines()) == 1 and "PDF" in r.output, r.output
    assert "damaged PDF" in _cli_error(garbage) or "no text layer" in _cli_error(garbage)


def test_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("只是文本", encoding="utf-8")
    assert "not a PDF file" in _cli_error(path)


def test_a_page_that_takes_too_long_is_refused(sample):
    path, _ = sample
    assert "took longer than 0 s" in _cli_error(path, {"TERMKIT_PDF_PAGE_SECONDS": "0"})


def test_a_page_whose_content_unpacks_too_large_is_refused(sample):
    path, _ = sample
    assert "content unpacks to more than" in _cli_error(path, {"TERMKIT_MAX_XML_MB": "0.001"})


def test_a_pdf_over_the_size_limit_is_refused(sample):
    path, _ = sample
    assert "larger than the 0 MB limit" in _cli_error(path, {"TERMKIT_MAX_PDF_MB": "0.0001"})
