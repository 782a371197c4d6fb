"""`termkit check`: exit codes, the ignore file, stable ids, bad input, the reports parsed back, and
bilingual input (TMX, an EN/ZH document pair with --source) through the command. The HTML page
has tests of its own: tests/test_report_html.py and, in a browser, tests/test_report_browser.py."""

import csv
import io
import json
from pathlib import Path

import lxml.html
from click.testing import CliRunner

from termkit.cli import main
from termkit.formats.tmx import write_tmx
from termkit.model import TranslationUnit
from termkit.pipeline import check_paths

from conftest import GLOSSARY, SEEDS, run, unpc


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
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "report.csv",
        "report.html",
        "report.json",
        "report.xlsx",
    ]
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    f = data["findings"][0]
    for key in ("id", "check", "severity", "message", "forms", "preferred", "locations"):
        assert key in f
    assert {"form", "total", "per_doc"} <= set(f["forms"][0])
    # the cards: the summary counts them; each names its findings, all of which are in the report
    assert data["summary"]["cards"] == len(data["cards"]) == len(seed_result.cards)
    ids = {f["id"] for f in data["findings"]}
    assert all(set(card["findings"]) <= ids for card in data["cards"])
    assert sorted(i for card in data["cards"] for i in card["findings"]) == sorted(ids)  # every finding on one card
    first = data["cards"][0]
    assert first["severity"] == "error" and first["english"] and any(form["fix"] for form in first["forms"])
    loc = first["locations"][0]
    assert loc["line"] >= 1 and loc["column"] >= 1 and loc["path"].endswith(".txt")
    # line:column point into the original file
    text = Path(loc["path"]).read_text(encoding="utf-8").splitlines()[loc["line"] - 1]
    assert text[loc["column"] - 1 :].startswith(loc["form"])


def write_units_tmx(path, pairs):
    units = [TranslationUnit(str(i), en, zh, "en", "zh-CN") for i, (en, zh) in enumerate(pairs, 1)]
    with open(path, "w", encoding="utf-8") as fh:
        write_tmx(units, fh, "en", "zh-CN")


def test_tmx_input_through_the_cli_and_side_by_side_html(tmp_path):
    en1, zh1 = unpc(2439)
    en2, zh2 = unpc(2278)
    tmx = tmp_path / "memory.tmx"
    write_units_tmx(tmx, [(en1, zh1.replace("艾滋病毒", "艾滋病病毒")), (en2, zh2.replace("2015年", "2016年"))])
    out = tmp_path / "report"
    r = CliRunner().invoke(main, ["check", str(tmx), "-g", GLOSSARY, "--no-discover", "-o", str(out)])
    assert r.exit_code == 1, r.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    checks = {f["check"] for f in data["findings"]}
    assert {"key-term-mismatch", "number-mismatch", "deprecated-term"} <= checks
    page = lxml.html.fromstring((out / "report.html").read_text(encoding="utf-8"))
    card = next(c for c in data["cards"] if "key-term-mismatch" in c["checks"])
    pairs = page.xpath(f"//article[@data-card='{card['id']}']//div[contains(@class, 'pair')]")
    assert pairs and en1[:30] in pairs[0].text_content()


def test_source_document_pair(tmp_path):
    lines = [2278, 2439, 676]
    en = tmp_path / "en.txt"
    zh = tmp_path / "zh.txt"
    en.write_text("\n\n".join(unpc(n)[0] for n in lines) + "\n", encoding="utf-8")
    zh.write_text("\n\n".join(unpc(n)[1].replace("艾滋病毒", "艾滋病病毒") for n in lines) + "\n", encoding="utf-8")
    r = CliRunner().invoke(
        main,
        [
            "check",
            str(zh),
            "--source",
            str(en),
            "-g",
            GLOSSARY,
            "--no-discover",
            "--format",
            "json",
            "--fail-on",
            "never",
            "-o",
            str(tmp_path / "r.json"),
        ],
    )
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    kt = [f for f in data["findings"] if f["check"] == "key-term-mismatch"]
    assert kt and kt[0]["concept"] == "hiv"
    assert not [f for f in data["findings"] if f["check"] == "number-mismatch"]


def test_csv_and_xlsx_reports_hold_every_occurrence(seed_result, tmp_path):
    from openpyxl import load_workbook

    from termkit.pipeline import write_report_folder

    write_report_folder(seed_result, tmp_path)
    raw = (tmp_path / "report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel shows the Chinese
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == sum(len(c.occurrences) for c in seed_result.cards)
    hiv = [r for r in rows if r["concept"] == "hiv"]
    assert {r["form"] for r in hiv} == {"艾滋病毒", "艾滋病病毒"} and {r["write"] for r in hiv} == {"艾滋病毒"}
    wrong = next(r for r in hiv if r["form"] == "艾滋病病毒")
    assert wrong["status"] == "deprecated" and wrong["document"].endswith("000_5e55f2a5f670052f.txt")
    line = Path(wrong["document"]).read_text(encoding="utf-8").splitlines()[int(wrong["line"]) - 1]
    assert line[int(wrong["column"]) - 1 :].startswith("艾滋病病毒")
    wb = load_workbook(tmp_path / "report.xlsx")
    assert wb.sheetnames == ["cards", "occurrences"]
    cards = list(wb["cards"].iter_rows(values_only=True))
    assert cards[0][:3] == ("no", "severity", "write") and len(cards) == len(seed_result.cards) + 1
    assert cards[1][2] == seed_result.cards[0].title and cards[1][10] == " ".join(seed_result.cards[0].findings)
    assert wb["occurrences"].max_row == len(rows) + 1


def test_ignore_ids_that_match_no_finding_are_warned_about(seed_result, tmp_path):
    (hiv,) = [c for c in seed_result.cards if c.concept == "hiv"]
    ignore = tmp_path / "ignore"
    ignore.write_text("# accepted\n" + "\n".join(hiv.findings) + "\nvariant-forms:00000000\n", encoding="utf-8")
    r = run("check", SEEDS, "-g", GLOSSARY, "--ignore", ignore, "-o", tmp_path / "out", "--fail-on", "never")
    assert r.exit_code == 0
    warning = f"termkit: warning: {ignore}: 1 id(s) match no finding (fixed since, or mistyped): variant-forms:00000000"
    assert warning in r.stderr
    assert "; 1 ignored" in r.stderr  # the whole HIV card
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert data["summary"]["ignored_cards"] == 1 and "concept:hiv" not in {c["id"] for c in data["cards"]}


def test_a_downloaded_ignore_file_without_its_dot_is_read(seed_result, tmp_path, monkeypatch):
    # browsers save the report page's .termkit-ignore as termkit-ignore
    (hiv,) = [c for c in seed_result.cards if c.concept == "hiv"]
    (tmp_path / "termkit-ignore").write_text("\n".join(hiv.findings) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run("check", SEEDS, "-g", GLOSSARY, "-o", tmp_path / "out.json", "--fail-on", "never")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert r.exit_code == 0 and data["summary"]["ignored_cards"] == 1
