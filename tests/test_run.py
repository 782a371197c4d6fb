"""`termkit run`: the README's quick-start job, end to end through the installed command."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html

from termkit.formats.csv import read_glossary_csv
from termkit.glossary import load_glossary
from conftest import ROOT


def test_quick_start_job(tmp_path):
    termkit = shutil.which("termkit") or str(Path(sys.executable).parent / "termkit")
    out = tmp_path / "out"
    proc = subprocess.run(
        [termkit, "run", "seeds", "-g", "glossaries/un-drug-control.csv", "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "4 documents" in proc.stderr and "findings:" in proc.stderr
    names = {p.name for p in out.iterdir()}
    assert {"candidates.csv", "termbase.csv", "termbase.tbx", "report.html", "report.json", "report.csv"} <= names
    assert not [n for n in names if n.endswith(".tmp")]

    termbase = read_glossary_csv(out / "termbase.csv")
    glossary_ids = {c.id for c in read_glossary_csv(ROOT / "glossaries" / "un-drug-control.csv")}
    assert glossary_ids <= {c.id for c in termbase}
    proposed = [c for c in termbase if c.subject == "proposed"]
    assert proposed and all(c.terms[0].lang == "zh" and c.terms[0].note.startswith("termkit mine: rank") for c in proposed)
    tbx = load_glossary([out / "termbase.tbx"])
    assert len(tbx.concepts) == len(termbase)

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["findings"][0]["severity"] == "error"
    page = lxml.html.fromstring((out / "report.html").read_text(encoding="utf-8"))
    first = page.xpath("//section[contains(@class, 'finding')]")[0]
    assert "艾滋病" in first.text_content() or "精神活性物质" in first.text_content()


def test_run_refuses_a_file_as_output_folder(tmp_path):
    from click.testing import CliRunner

    from termkit.cli import main

    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    r = CliRunner().invoke(main, ["run", str(ROOT / "seeds"), "-o", str(target)])
    assert r.exit_code == 2 and "not a folder" in r.stderr
