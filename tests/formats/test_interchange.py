"""CAT-ready CSV and XLSX (the wide shape), third-party CSV glossaries, `termkit export`, proposed entries
from mined candidates, and TBX/XLSX/CSV glossaries wherever `-g` is accepted."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from termkit.cli import main
from termkit.errors import InputError
from termkit.export import candidates_to_concepts, export_glossary
from termkit.formats import tbx, xlsx
from termkit.formats.candidates import read_candidates
from termkit.formats.csv import read_glossary_csv, read_glossary_csv_wide, write_glossary_csv_wide
from termkit.formats.registry import read_any_csv
from termkit.glossary import load_glossary, validate_concepts
from termkit.model import Candidate, Concept, Context, Term

from conftest import DATA, ROOT, need
from test_tbx import GLOSSARY, PARSER, SAMPLES, V2Validator, V3Validator, key

FACEBOOK = DATA / "tico19" / "f_en-zh_CN.csv"
GOOGLE = DATA / "tico19" / "g_en_zh-CN.csv"


@pytest.fixture(scope="module")
def curated():
    return read_glossary_csv(GLOSSARY)


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result


# ------------------------------------------------------------------------------------------------
# the wide CAT shape, CSV


def test_wide_csv_export_has_the_cat_columns(tmp_path, curated):
    out = tmp_path / "termbase.csv"
    result = run("export", GLOSSARY, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"434 concepts, 1316 terms (en 677, zh-CN 639) written to {out} (CSV, wide shape)" in result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to show Chinese
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    # translate-toolkit's positions (location, source, target, id), then the term fields
    assert header[:7] == ["subject", "en", "zh-CN", "concept_id", "en_status", "en_type", "en_pos"]
    assert {"en_2", "zh-CN_2", "zh-CN_2_status", "zh-CN_note", "en_definition"} <= set(header)
    assert len(body) == 434 and all(len(r) == len(header) for r in body)
    first = dict(zip(header, body[0]))
    assert (first["en"], first["zh-CN"], first["concept_id"], first["subject"]) == (
        "United Nations Office on Drugs and Crime",
        "联合国毒品和犯罪问题办公室",
        "unodc",
        "UN bodies",
    )
    assert (first["en_2"], first["en_2_status"], first["en_2_type"]) == ("UNODC", "admitted", "acronym")
    assert (first["zh-CN_3"], first["zh-CN_3_type"]) == ("毒罪办", "abbreviation")
    hiv = dict(zip(header, next(r for r in body if r[header.index("concept_id")] == "hiv")))
    zh = [(hiv[c], hiv[c + "_status"]) for c in ("zh-CN", "zh-CN_2", "zh-CN_3") if hiv.get(c)]
    assert ("艾滋病病毒", "deprecated") in zh
    # read back: every field, and the tags as the glossary writes them when told the mapping
    back, warnings = read_glossary_csv_wide(out, {"zh": "zh-CN"})
    assert warnings == [] and key(back) == key(curated)
    # the long shape on request is the curated CSV again, byte for byte
    long_out = tmp_path / "long.csv"
    assert run("export", out, "-o", long_out, "--shape", "long").exit_code == 0
    assert long_out.read_text(encoding="utf-8-sig").replace("zh-CN", "zh") == GLOSSARY.read_text(encoding="utf-8")


def test_wide_csv_reads_cat_style_headers(tmp_path):
    path = tmp_path / "cat.csv"
    path.write_text(
        "Entry_ID;English;Chinese (PRC);English_status;Chinese (PRC)_2;Chinese (PRC)_2_status;Domain;Comment;Client\n"
        "e1;money-laundering;洗钱;Preferred;洗黑钱;notRecommended;finance;UN usage;ACME\n",
        encoding="utf-8",
    )
    (c,), warnings = read_any_csv(path)
    assert (c.id, c.subject, c.note) == ("e1", "finance", "UN usage\nClient: ACME")
    assert [(t.text, t.lang, t.status) for t in c.terms] == [
        ("money-laundering", "en", "preferred"),
        ("洗钱", "zh-CN", "preferred"),
        ("洗黑钱", "zh-CN", "deprecated"),
    ]
    assert {p.code for p in warnings} == {"column", "status"}


# ------------------------------------------------------------------------------------------------
# XLSX


def test_xlsx_export_opens_with_the_right_columns(tmp_path, curated):
    out = tmp_path / "termbase.xlsx"
    result = run("export", GLOSSARY, "-o", out, "--lang-tag", "zh=zh-Hans")
    assert result.exit_code == 0, result.output
    assert "written to" in result.output and "(XLSX, wide shape)" in result.output
    wb = load_workbook(out)
    ws = wb.active
    assert ws.title == "termbase" and ws.freeze_panes == "A2" and ws.max_row == 435
    header = [c.value for c in ws[1]]
    assert header[:4] == ["subject", "en", "zh-Hans", "concept_id"] and ws["A1"].font.b
    assert [ws.cell(2, i).value for i in (2, 3, 4)] == [
        "United Nations Office on Drugs and Crime",
        "联合国毒品和犯罪问题办公室",
        "unodc",
    ]
    status_rules = [
        dv
        for dv in ws.data_validations.dataValidation
        if "preferred,admitted,deprecated,superseded" in (dv.formula1 or "")
    ]
    assert status_rules and "E2:E435" in str(status_rules[0].sqref)
    back, warnings = xlsx.read(out, {"zh": "zh-Hans"})
    assert warnings == [] and key(back) == key(curated)
    # and wherever a glossary is accepted
    result = run("lookup", "艾滋病病毒", "-g", out, "--limit", "1")
    assert result.exit_code == 0 and "艾滋病病毒 (variant, deprecated)" in result.output


def test_xlsx_keeps_text_as_text(tmp_path):
    concepts = [Concept("f", [Term("=SUM(A1:A3)", "en"), Term("001", "zh", note="a\nb", source="+1 (UN)")])]
    path = tmp_path / "t.xlsx"
    xlsx.write(concepts, path)
    ws = load_workbook(path).active
    assert ws["B2"].value == "=SUM(A1:A3)" and ws["B2"].data_type == "s"  # not a formula
    back, _ = xlsx.read(path, {})
    assert key(back) == key(concepts)
    xlsx.write(concepts, tmp_path / "long.xlsx", shape="long")
    assert key(xlsx.read(tmp_path / "long.xlsx")[0]) == key(concepts)


def test_xlsx_limits_are_errors(tmp_path):
    with pytest.raises(InputError, match="more than an Excel cell holds"):
        xlsx.write([Concept("x", [Term("长" * 40000, "zh")])], tmp_path / "x.xlsx")
    assert not list(tmp_path.iterdir())


def _xlsx_with(tmp_path, part: str, payload: bytes) -> Path:
    good = tmp_path / "good.xlsx"
    xlsx.write([Concept("x", [Term("x", "en")])], good)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = payload + data[data.index(b"?>") + 2 :] if data.startswith(b"<?xml") else payload + data
            dst.writestr(info, data)
    return bad


def test_xlsx_entity_attacks_and_non_zips_are_refused(tmp_path):
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    bad = _xlsx_with(tmp_path, "xl/worksheets/sheet1.xml", bomb)
    with pytest.raises(InputError, match="declares a DOCTYPE or entities"):
        xlsx.read(bad)
    result = run("lookup", "x", "-g", bad)
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "refused for safety" in result.output
    fake = tmp_path / "fake.xlsx"
    fake.write_text("concept_id,lang,term\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an .xlsx file"):
        xlsx.read(fake)


# ------------------------------------------------------------------------------------------------
# third-party CSV glossaries (TICO-19, CC0)


def test_tico19_facebook_glossary():
    concepts, warnings = read_any_csv(FACEBOOK)
    assert (len(concepts), sum(len(c.terms) for c in concepts)) == (306, 612)
    assert Counter(t.lang for c in concepts for t in c.terms) == {"en": 306, "zh-CN": 306}
    c = concepts[3]
    assert (c.id, [(t.text, t.lang) for t in c.terms]) == ("4", [("AIDS", "en"), ("艾滋病（AIDS）", "zh-CN")])
    (w,) = warnings  # what it breaks: its language tag
    assert (w.code, w.line) == ("lang", 2) and "'zh_CN' is not BCP 47" in w.message and "306 times" in w.message


def test_tico19_google_glossary():
    concepts, warnings = read_any_csv(GOOGLE)
    assert (len(concepts), sum(len(c.terms) for c in concepts)) == (337, 674)
    cdc = next(c for c in concepts if c.id == "4")
    assert cdc.definition.startswith('Short for "Centers for Disease Control and Prevention"')
    assert [(t.text, t.lang, t.pos) for t in cdc.terms] == [("CDC", "en", "properNoun"), ("CDC", "zh-CN", "")]
    codes = {p.code: p for p in warnings}
    assert set(codes) == {"alternatives", "pos"}
    assert codes["alternatives"].line == 2 and "3 times" in codes["alternatives"].message  # 可传染 : 有传染性
    assert "'proper noun' read as 'properNoun'" in codes["pos"].message
    # what validation then finds: the same English term in several entries
    problems = validate_concepts(concepts, str(GOOGLE))
    assert sum(p.code == "term-in-two-concepts" for p in problems) >= 9


def test_tico19_glossaries_work_with_g_and_export(tmp_path, v3, v2):
    result = run("lookup", "确诊病例", "-g", GOOGLE, "--limit", "1")
    assert result.exit_code == 0 and "en: confirmed cases | zh: 确诊病例" in result.output
    assert "termkit: warning: " in result.output and "[alternatives]" in result.output
    out = tmp_path / "covid.tbx"
    result = run("export", FACEBOOK, GOOGLE, "-o", out, "--tbx-version", "2")
    assert result.exit_code == 0, result.output
    assert "643 concepts, 1286 terms (en 643, zh-CN 643)" in result.output
    assert v2.errors(etree_parse(out)) == []


def etree_parse(path):
    from lxml import etree

    return etree.parse(str(path), PARSER)


@pytest.fixture(scope="module")
def v3():
    return V3Validator()


@pytest.fixture(scope="module")
def v2():
    return V2Validator()


# ------------------------------------------------------------------------------------------------
# termkit export: errors, atomicity, warnings


def test_export_errors_are_one_line_and_leave_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("concept_id,lang,term\nx,en,bell\x07\nx,zh,钟\n", encoding="utf-8")
    out = tmp_path / "out" / "t.tbx"
    result = run("export", bad, "-o", out)  # replaced where it is read, with a warning: the export goes on
    assert result.exit_code == 0
    assert f"termkit: warning: {bad}:2: replaced 1 character(s) no output can hold (first: U+0007" in result.output
    assert "<term>bell </term>" in out.read_text(encoding="utf-8")
    out.unlink()
    bad.write_text("concept_id,lang,term\nx,en," + "bell" * 9000 + "\n", encoding="utf-8")
    out = tmp_path / "out2" / "t.xlsx"
    result = run("export", bad, "-o", out)  # more than an Excel cell holds
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert not out.exists() and not (out.parent.exists() and any(out.parent.iterdir()))
    result = run("export", GLOSSARY, "-o", tmp_path / "t.pdf")
    assert result.exit_code == 2 and "cannot tell the output format from '.pdf'" in result.output
    result = run("export", GLOSSARY, "-o", tmp_path / "t.tbx", "--lang-tag", "zh=zh_CN")
    assert result.exit_code == 2 and "'zh_CN' is not a BCP 47 language tag" in result.output
    result = run("export", tmp_path / "missing.csv", "-o", tmp_path / "t.tbx")
    assert result.exit_code == 2 and result.output.strip().endswith("missing.csv: no such file")


def test_export_prints_reader_warnings_and_q_silences_them(tmp_path):
    need(SAMPLES / "all_usage_status.xml")
    out = tmp_path / "suse.tbx"
    result = run("export", SAMPLES / "all_usage_status.xml", "-o", out)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    dup = [x for x in lines if x.endswith("[duplicate-id]")]
    assert len(dup) == 5 and dup[0].startswith(f"termkit: warning: {SAMPLES / 'all_usage_status.xml'}:31: duplicate id")
    assert any("396 more [duplicate-id] warning(s) not shown" in x for x in lines)
    assert any("'properNoun' is not in TBX-Basic v3" in x for x in lines)  # from writing
    assert (
        lines[-1]
        == f"810 concepts, 6922 terms (en-US 1523, zh-CN 551, zh-TW 548, de-DE 762, ja-JP 591, ko-KR 553, fr-FR 601, it-IT 586, es-ES 663, pt-BR 544) written to {out} (TBX-Basic v3)"
    )
    verbose = run("-v", "export", SAMPLES / "all_usage_status.xml", "-o", out)
    assert sum(x.endswith("[duplicate-id]") for x in verbose.output.splitlines()) == 401
    quiet = run("-q", "export", SAMPLES / "all_usage_status.xml", "-o", out)
    assert quiet.exit_code == 0 and quiet.output == ""


def test_merging_inputs_of_every_format(tmp_path, curated):
    need(SAMPLES / "omegat_sampleTBXfile.tbx")
    wide = tmp_path / "w.csv"
    write_glossary_csv_wide(curated[:10], wide)
    book = tmp_path / "b.xlsx"
    xlsx.write(curated[10:20], book)
    v2_file = tmp_path / "c.tbx"
    tbx.write(curated[20:30], v2_file, 2)
    g = load_glossary([wide, book, v2_file, SAMPLES / "omegat_sampleTBXfile.tbx"])
    assert len(g) == 31 and g.warnings == []
    assert [c.id for c in g.concepts[:30]] == [c.id for c in curated[:30]]
    result = export_glossary(g, tmp_path / "all.tbx")
    assert (result.concepts, result.terms) == (31, sum(len(c.terms) for c in curated[:30]) + 2)


# ------------------------------------------------------------------------------------------------
# mined candidates → proposed entries


@pytest.fixture(scope="module")
def mined():
    import termkit

    return termkit.mine([ROOT / "seeds"], [GLOSSARY], top=40, contexts=2)


def test_candidates_become_valid_proposed_entries(tmp_path, mined, v3, v2):
    from termkit.mine.concepts import groups_of

    proposals = candidates_to_concepts(mined.candidates)
    # one proposed entry per candidate concept with a form the glossary lacks, all its forms in it
    new = [g for g in groups_of(mined.candidates) if any(c.status != "known" for c in g)]
    assert len(proposals) == len(new) > 0
    assert [[t.text for t in p.terms] for p in proposals] == [[c.text for c in g] for g in new]
    for version, validator in ((3, v3), (2, v2)):
        path = tmp_path / f"p{version}.tbx"
        result = export_glossary(mined.candidates, path, tbx_version=version)
        assert result.concepts == len(new)
        doc = etree_parse(path)
        assert validator.errors(doc) == []
    text = (tmp_path / "p3.tbx").read_text(encoding="utf-8")
    first = proposals[0]
    term = first.terms[0]
    assert term.status == "proposed" and term.lang == "zh" and first.id.startswith("cand-")
    # TBX-Basic has no administrativeStatus for it: none is written, a note says so
    entry = text[text.index(f"<term>{term.text}</term>") :]
    entry = entry[: entry.index("</termSec>")]
    assert "administrativeStatus" not in entry and f"<note>{tbx.PROPOSED_NOTE}</note>" in entry
    assert term.note.startswith("termkit mine: rank ") and "statistics: " in term.note
    for ctx in mined.candidates[[c.text for c in mined.candidates].index(term.text)].contexts:
        assert f'<descrip type="context">{" ".join(ctx.sentence.split())}</descrip>' in text.replace(
            "&lt;", "<"
        ).replace("&gt;", ">").replace("&amp;", "&")
    assert term.source.startswith("termkit mine; contexts at ")
    back = tbx.read(tmp_path / "p2.tbx").concepts
    assert key(back) == key(proposals)


def test_candidate_files_from_termkit_mine_are_read(tmp_path, mined):
    from termkit.formats.candidates import write_csv, write_jsonl

    jsonl, table = tmp_path / "c.jsonl", tmp_path / "c.csv"
    with open(jsonl, "w", encoding="utf-8") as fh:
        write_jsonl(mined.candidates, fh)
    with open(table, "w", encoding="utf-8", newline="") as fh:
        write_csv(mined.candidates, fh)
    expected = key(candidates_to_concepts(mined.candidates))
    assert key(candidates_to_concepts(read_candidates(jsonl))) == expected
    assert key(candidates_to_concepts(read_candidates(table))) == expected
    out = tmp_path / "proposed.xlsx"
    result = run("export", jsonl, "-o", out)
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]][:3] == ["subject", "zh-CN", "concept_id"]


def test_candidate_fields():
    cand = Candidate(
        "毒罪办",
        freq=12,
        doc_freq=2,
        score=3.25,
        scores={"cvalue": 10.5, "specificity": 2.0},
        pinyin="du zui ban",
        abbreviation_of="联合国毒品和犯罪问题办公室",
        contexts=[Context("000_x", 10, 13, "联合国毒品和犯罪问题办公室（毒罪办）\n的报告")],
    )
    known = Candidate("联合国", status="known")
    (c,) = candidates_to_concepts([cand, known])
    t = c.terms[0]
    assert (c.id, t.text, t.type, t.status) == ("cand-1", "毒罪办", "abbreviation", "proposed")
    assert t.note.splitlines() == [
        "termkit mine: rank 1, score 3.25, frequency 12, in 2 document(s)",
        "statistics: cvalue 10.5, specificity 2",
        "pinyin: du zui ban",
        "abbreviation of: 联合国毒品和犯罪问题办公室",
        "context: 联合国毒品和犯罪问题办公室（毒罪办） 的报告",
    ]
    assert t.source == "termkit mine; contexts at 000_x:10-13"
    assert len(candidates_to_concepts([cand, known], include_known=True)) == 2


def test_an_inferred_abbreviation_says_so_and_survives_a_round_trip(tmp_path):
    from termkit.formats.candidates import write_csv, write_jsonl

    cand = Candidate("麻委会", freq=6, abbreviation_of="麻醉药品委员会", abbreviation_inferred=True)
    (c,) = candidates_to_concepts([cand])
    assert "abbreviation of: 麻醉药品委员会 (inferred: never defined in the corpus)" in c.terms[0].note.splitlines()
    for name, write in (("c.csv", write_csv), ("c.jsonl", write_jsonl)):
        path = tmp_path / name
        with path.open("w", encoding="utf-8") as fh:
            write([cand, Candidate("毒罪办", abbreviation_of="联合国毒品和犯罪问题办公室")], fh)
        back = read_candidates(path)
        assert [(x.abbreviation_of, x.abbreviation_inferred) for x in back] == [
            ("麻醉药品委员会", True),
            ("联合国毒品和犯罪问题办公室", False),
        ], name
