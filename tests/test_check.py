"""The consistency checks on real seed sentences, the false-variant guards, the ignore file,
exit codes, and the HTML report parsed back."""

import json

import lxml.html
import pytest
from click.testing import CliRunner

from termkit.check import check_documents
from termkit.check.discover import _related, candidate_pairs
from termkit.cli import main
from termkit.documents import segment_document
from termkit.glossary import load_glossary
from termkit.model import Document
from termkit.pipeline import check_paths
from termkit.report import render_html

from conftest import ROOT, SEEDS, seed_text

GLOSSARY = str(ROOT / "glossaries" / "un-drug-control.csv")


@pytest.fixture(scope="module")
def glossary():
    return load_glossary([GLOSSARY])


@pytest.fixture(scope="module")
def seed_result():
    return check_paths([SEEDS], [GLOSSARY])


def doc(doc_id: str, text: str) -> Document:
    return segment_document(Document(id=doc_id, text=text))


def by_check(result, name):
    return [f for f in result.findings if f.check == name]


# --- each check on real seed sentences ---------------------------------------------------------


def test_variant_forms_within_one_document(seed_result):
    (hiv,) = [f for f in by_check(seed_result, "variant-forms") if f.concept == "hiv"]
    assert hiv.preferred == "艾滋病毒"
    assert hiv.severity == "error"
    assert hiv.forms["艾滋病病毒"]["000_5e55f2a5f670052f"] >= 1
    assert hiv.forms["艾滋病毒"]["001_a1e2a0e00d5c9997"] >= 1
    # 000 also writes 艾滋病毒, inside the name of UNODC's HIV/AIDS Section
    assert any("艾滋病毒 also appears inside 艾滋病毒和艾滋病科 in 000_5e55f2a5f670052f" in e for e in hiv.evidence)
    assert any("written both ways within 000_5e55f2a5f670052f" in e for e in hiv.evidence)
    text = seed_text("000")
    for loc in hiv.locations:
        assert text[loc.start : loc.end] == "艾滋病病毒"
        assert loc.sentence in text and loc.sentence_start <= loc.start < loc.sentence_start + len(loc.sentence)


def test_real_inconsistencies_come_first(seed_result):
    first = seed_result.findings[:3]
    assert {f.concept for f in first} >= {"hiv", "nps"}


def test_deprecated_term_is_an_error(seed_result):
    nps = [f for f in by_check(seed_result, "deprecated-term") if f.concept == "nps"]
    assert nps and nps[0].severity == "error" and nps[0].preferred == "新精神活性物质"
    assert set(nps[0].forms) == {"新型精神活性物质"}


def test_non_preferred_admitted_short_form_is_information(seed_result):
    who = [f for f in by_check(seed_result, "non-preferred-term") if f.concept == "who"]
    assert who and who[0].severity == "info" and "世卫组织" in who[0].forms


def test_cross_document_unodc(seed_result):
    (unodc,) = [f for f in by_check(seed_result, "cross-document") if f.concept == "unodc"]
    assert "毒罪办" in unodc.forms and "毒品和犯罪问题办公室" in unodc.forms
    assert set(unodc.forms["毒罪办"]) == {"000_5e55f2a5f670052f"}
    assert "000_5e55f2a5f670052f" not in unodc.forms["毒品和犯罪问题办公室"]


def test_cross_document_nps(seed_result):
    (nps,) = [f for f in by_check(seed_result, "cross-document") if f.concept == "nps"]
    assert set(nps.forms["新精神活性物质"]) == {"000_5e55f2a5f670052f"}


def test_abbreviation_used_before_definition(glossary):
    text = "毒罪办提供了支助。联合国毒品和犯罪问题办公室（毒罪办）主办了会议。毒罪办总部在维也纳。"
    result = check_documents([doc("d1", text)], glossary, checks=["abbreviation-use"])
    (f,) = [f for f in result.findings if "before it is defined" in f.message]
    assert f.forms == {"毒罪办": {"d1": 1}}
    assert f.locations[0].start == 0


def test_two_short_forms_for_one_concept(seed_result):
    two = [f for f in by_check(seed_result, "abbreviation-use") if f.concept == "unodc" and "short forms" in f.message]
    assert two and set(two[0].forms) >= {"毒罪办", "毒品和犯罪问题办公室"}


def test_typography_spacing_and_punctuation_on_seeds(seed_result):
    typo = by_check(seed_result, "typography")
    spacing = [f for f in typo if "space" in f.message and f.id.startswith("typography:")]
    assert any("001_a1e2a0e00d5c9997" in f.message for f in spacing)
    assert any("004_3dada0e0f22b3e40" in f.message and "half-width punctuation" in f.message for f in typo)


def test_typography_full_width_and_traditional(glossary):
    text = "ＵＮＯＤＣ和ＷＨＯ发布了报告。UNODC 的报告。本報告涉及毒品問題。"
    result = check_documents([doc("t", text)], None, checks=["typography"])
    messages = " ".join(f.message for f in result.findings)
    assert "full-width letters or digits (2×)" in messages
    assert "traditional characters" in messages and "報" in messages


# --- false-variant guards ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("联合国", "联合王国"),  # a country
        ("区域合作", "区域间合作"),  # scope word
        ("第三十届特别会议", "第三十九届特别会议"),  # a number
        ("国际合作", "国家合作"),  # international vs national
        ("有组织犯罪", "跨国有组织犯罪"),  # nested term (added at the edge)
        ("合法市场", "非法市场"),  # polarity
        ("专家会议", "专家组会议"),  # a body
        ("管制药物", "药物管制"),  # a swap of modifier and head
        ("全球方案", "全球联合方案"),  # a longer insertion is another concept
    ],
)
def test_look_alikes_are_not_variants(a, b):
    assert _related(a, b) is None
    assert candidate_pairs([a, b]) == []


@pytest.mark.parametrize(
    "a, b",
    [
        ("艾滋病毒", "艾滋病病毒"),
        ("新精神活性物质", "新型精神活性物质"),
        ("减少危害", "减少伤害"),
        ("毒品贩运", "贩运毒品"),
        ("国家毒品战略", "国家毒品管制战略"),
    ],
)
def test_true_variants_are_related(a, b):
    assert _related(a, b) is not None
    assert len(candidate_pairs([a, b])) == 1


def test_without_glossary_the_seed_variants_are_discovered():
    result = check_paths([SEEDS], [])
    forms = [set(f.forms) for f in result.findings if f.check in ("variant-forms", "cross-document")]
    assert any({"艾滋病毒", "艾滋病病毒"} <= fs for fs in forms)
    assert any({"新精神活性物质", "新型精神活性物质"} <= fs for fs in forms)
    assert any({"毒罪办", "毒品和犯罪问题办公室"} <= fs for fs in forms)
    for fs in forms:
        assert not {"联合国", "联合王国"} <= fs


# --- ignore file, exit codes, reports ------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_exit_codes_and_ignore_file(tmp_path):
    r = run("check", str(SEEDS), "-g", GLOSSARY, "--format", "json", "-o", str(tmp_path / "r.json"))
    assert r.exit_code == 1  # errors found, --fail-on error is the default
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    errors = [f["id"] for f in data["findings"] if f["severity"] == "error"]
    assert errors
    assert run("check", str(SEEDS), "-g", GLOSSARY, "--fail-on", "never", "-o", str(tmp_path / "x.json")).exit_code == 0
    ignore = tmp_path / "accepted.txt"
    ignore.write_text("# accepted after review\n" + "\n".join(errors) + "\n", encoding="utf-8")
    r = run("check", str(SEEDS), "-g", GLOSSARY, "--ignore", str(ignore), "-o", str(tmp_path / "r2.json"))
    assert r.exit_code == 0, r.output
    data2 = json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))
    assert data2["summary"]["ignored"] == len(errors)
    assert not set(errors) & {f["id"] for f in data2["findings"]}


def test_ids_are_stable_across_runs(seed_result):
    again = check_paths([SEEDS], [GLOSSARY])
    assert [f.id for f in again.findings] == [f.id for f in seed_result.findings]
    assert len({f.id for f in seed_result.findings}) == len(seed_result.findings)


def test_bad_input_exit_2(tmp_path):
    english = tmp_path / "en.txt"
    english.write_text("No Chinese here at all.", encoding="utf-8")
    r = run("check", str(english))
    assert r.exit_code == 2 and "no Chinese text" in r.stderr
    r = run("check", str(SEEDS), "--ignore", str(tmp_path / "missing"))
    assert r.exit_code == 2 and "ignore file not found" in r.stderr


def test_json_report_shape(seed_result, tmp_path):
    r = run("check", str(SEEDS), "-g", GLOSSARY, "-o", str(tmp_path / "out"))
    assert r.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.csv", "report.html", "report.json"]
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    f = data["findings"][0]
    for key in ("id", "check", "severity", "message", "forms", "preferred", "locations"):
        assert key in f
    assert {"form", "total", "per_doc"} <= set(f["forms"][0])


def test_html_report_structure_and_escaping(seed_result):
    page = lxml.html.fromstring(render_html(seed_result))
    sections = page.xpath("//section[contains(@class, 'finding')]")
    assert len(sections) == len(seed_result.findings)
    first = sections[0]
    assert first.get("data-check") == seed_result.findings[0].check
    assert first.get("data-severity") == seed_result.findings[0].severity
    marks = [m.text_content() for m in page.xpath("//mark")]
    assert "艾滋病病毒" in marks
    assert page.xpath("//form[@id='filters']//input[@name='check']") and page.xpath(
        "//form[@id='filters']//input[@name='doc']"
    )
    assert not page.xpath("//script[@src] | //link[@href] | //img[@src]")  # self-contained


def test_html_escapes_input(glossary):
    text = (
        '联合国毒品和犯罪问题办公室<script>alert(1)</script>"onerror=x 艾滋病病毒和艾滋病毒。'
        "</style><img src=x onerror=alert(2)>艾滋病病毒'><svg onload=alert(3)>。"
    )
    result = check_documents([doc("<b>evil</b>", text)], glossary)
    assert result.findings
    page = lxml.html.fromstring(render_html(result))
    assert not page.xpath("//script[contains(., 'alert')]")
    assert not page.xpath("//b | //img | //svg")
    assert not page.xpath("//@onerror | //@onload")
    assert len(page.xpath("//style")) == 1 and "alert" not in page.xpath("//style")[0].text_content()
    assert "<script>alert(1)</script>" in page.text_content() and "<img src=x onerror=alert(2)>" in page.text_content()
