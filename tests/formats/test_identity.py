"""Concept identity and empty content in the files real tools write (issue 24, items 1–3 and 10):
ids that repeat (Weblate's ``<termEntry id="1">``), an empty placeholder entry (MultiTerm's
``<conceptEntry id="">`` with ``xml:lang=""``), untranslated entries (an empty ``<term>``), and a
TBX v2 root in the v3 namespace. The files are built here in the shape those tools write; the
real ones are GPL or unlicensed and cannot ship with the project."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from termkit.cli import main
from termkit.export import export_glossary
from termkit.formats import tbx, xlsx
from termkit.formats.csv import read_glossary_csv, read_glossary_csv_wide
from termkit.formats.registry import read_glossary
from termkit.glossary import load_glossary
from termkit.model import Concept, Term

# Weblate's glossary export (TBX v2 through translate-toolkit): every entry id="1" when the
# glossary was built from units without ids, and an untranslated entry keeps an empty target.
WEBLATE = """<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="1">
      <langSet xml:lang="en"><tig><term>repository</term></tig></langSet>
      <langSet xml:lang="zh_Hans"><tig><term>仓库</term></tig></langSet>
    </termEntry>
    <termEntry id="1">
      <langSet xml:lang="en"><tig><term>pull request</term></tig></langSet>
      <langSet xml:lang="zh_Hans"><tig><term>合并请求</term></tig></langSet>
    </termEntry>
    <termEntry id="1">
      <langSet xml:lang="en"><tig><term>Gitee</term></tig></langSet>
      <langSet xml:lang="zh_Hans"><tig><term></term></tig></langSet>
    </termEntry>
    <termEntry id="1-2">
      <langSet xml:lang="en"><tig><term>fork</term></tig></langSet>
      <langSet xml:lang="zh_Hans"><tig><term>派生</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

# A MultiTerm / CRITI-style TBX v3 export whose first entry is an empty placeholder, and whose own
# ids include the c1 a generated id would take.
MULTITERM = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="">
      <langSec xml:lang=""><termSec><term></term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="c1">
      <descrip type="definition">A substance that alters perception.</descrip>
      <langSec xml:lang="en-US"><termSec><term>psychoactive substance</term></termSec></langSec>
      <langSec xml:lang="zh-CN"><termSec><term>精神活性物质</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry>
      <langSec xml:lang="en-US"><termSec><term>precursor</term></termSec></langSec>
      <langSec xml:lang="zh-CN"><termSec><term>前体</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def pairs(concepts):
    """Each concept as its (language, term) pairs, languages compared by base."""
    return [sorted((t.lang.split("-")[0].split("_")[0].lower(), t.text) for t in c.terms) for c in concepts]


# --- item 1: a repeated id never merges concepts ---------------------------------------------------


def test_repeated_entry_ids_stay_different_concepts(tmp_path):
    r = tbx.read(write(tmp_path, "weblate.tbx", WEBLATE))
    assert [c.id for c in r.concepts] == ["1", "1-3", "1-4", "1-2"]  # new ids never take the file's own
    assert pairs(r.concepts)[:2] == [
        [("en", "repository"), ("zh", "仓库")],
        [("en", "pull request"), ("zh", "合并请求")],
    ]
    renamed = [p for p in r.warnings if p.code == "duplicate-id"]
    assert [p.line for p in renamed] == [10, 14]
    assert "duplicate id '1' (first at line 6)" in renamed[0].message and "read as '1-3'" in renamed[0].message


def test_export_chain_keeps_every_entry(tmp_path):
    """TBX → v3 → v2 → long CSV → TBX: the chain that turned 3 entries into 1."""
    src = write(tmp_path, "weblate.tbx", WEBLATE)
    expected = pairs(tbx.read(src).concepts)
    steps = ["a.tbx", "b.tbx", "c.csv", "d.tbx", "e.csv", "f.xlsx"]
    previous = src
    for step in steps:
        out = tmp_path / step
        options = ["--shape", "long"] if step == "c.csv" else []
        options += ["--tbx-version", "2"] if step == "b.tbx" else []
        result = run("export", previous, "-o", out, *options)
        assert result.exit_code == 0, result.output
        concepts, _ = read_glossary(out)
        assert pairs(concepts) == expected, step
        assert len({c.id for c in concepts}) == len(concepts), step
        previous = out


def test_concepts_with_one_id_in_memory_are_exported_apart(tmp_path):
    same = [
        Concept("x", [Term("heroin", "en"), Term("海洛因", "zh")]),
        Concept("x", [Term("cocaine", "en"), Term("可卡因", "zh")]),
    ]
    for name, shape in (("l.csv", "long"), ("w.csv", "wide"), ("l.xlsx", "long"), ("t.tbx", "wide")):
        result = export_glossary(same, tmp_path / name, shape=shape)
        assert any(p.code == "duplicate-id" for p in result.warnings), name
        back, _ = read_glossary(tmp_path / name)
        assert [c.id for c in back] == ["x", "x-2"], name
        assert pairs(back) == pairs(same), name


def test_merged_glossaries_never_share_an_id(tmp_path):
    a = tmp_path / "one" / "g.csv"
    b = tmp_path / "two" / "g.csv"
    for path, (en, zh) in ((a, ("opium", "鸦片")), (b, ("heroin", "海洛因"))):
        path.parent.mkdir()
        path.write_text(f"concept_id,lang,term\nc1,en,{en}\nc1,zh,{zh}\ng:c1,en,x{en}\n", encoding="utf-8")
    merged = load_glossary([a, b, b])  # same stem twice, and the same file twice
    ids = [c.id for c in merged.concepts]
    assert len(ids) == len(set(ids)) == 6


def test_wide_csv_repeated_ids_and_generated_ids(tmp_path):
    path = write(tmp_path, "w.csv", "id,en,zh\n7,opium,鸦片\n7,heroin,海洛因\n,cocaine,可卡因\nr5,ecstasy,摇头丸\n")
    concepts, warnings = read_glossary_csv_wide(path)
    assert [c.id for c in concepts] == ["7", "7-2", "r4", "r5"]
    path = write(tmp_path, "w2.csv", "id,en,zh\n,opium,鸦片\nr2,heroin,海洛因\n")
    concepts, warnings = read_glossary_csv_wide(path)
    assert [c.id for c in concepts] == ["r2-2", "r2"]  # a generated id never takes the file's own


# --- item 2: an empty placeholder entry is skipped, and blocks nothing --------------------------------


def test_empty_placeholder_entry_is_skipped(tmp_path):
    r = tbx.read(write(tmp_path, "mt.tbx", MULTITERM))
    assert [c.id for c in r.concepts] == ["c1", "c3"]
    assert pairs(r.concepts) == [
        [("en", "psychoactive substance"), ("zh", "精神活性物质")],
        [("en", "precursor"), ("zh", "前体")],
    ]
    by_code = {}
    for p in r.warnings:
        by_code.setdefault(p.code, []).append(p)
    assert any("has no terms: skipped" in p.message and p.line == 5 for p in by_code["empty"])
    assert [(p.line, "'c3'" in p.message) for p in by_code["id"]] == [(13, True)]


@pytest.mark.parametrize(
    "name,options",
    [("t3.tbx", []), ("t2.tbx", ["--tbx-version", "2"]), ("w.csv", []), ("l.csv", ["--shape", "long"]), ("w.xlsx", [])],
)
def test_every_export_of_a_file_with_a_placeholder_entry_works(tmp_path, name, options):
    src = write(tmp_path, "mt.tbx", MULTITERM)
    result = run("export", src, "-o", tmp_path / name, *options)
    assert result.exit_code == 0, result.output
    assert "2 concepts, 4 terms" in result.output
    assert len(read_glossary(tmp_path / name)[0]) == 2


# --- item 3: an empty term is not a term, in every format ---------------------------------------------


def test_empty_terms_are_dropped_on_read_in_every_format(tmp_path):
    r = tbx.read(write(tmp_path, "weblate.tbx", WEBLATE))
    gitee = next(c for c in r.concepts if c.terms[0].text == "Gitee")
    assert [t.text for t in gitee.terms] == ["Gitee"]
    empty = [p for p in r.warnings if p.code == "empty" and "empty <term>" in p.message]
    assert [p.line for p in empty] == [16]
    for name, text in (
        ("long.csv", "concept_id,lang,term,status\ng,en,Gitee,preferred\ng,zh,,preferred\n"),
        ("wide.csv", "en,zh-CN,zh-CN_status\nGitee,,preferred\n"),
    ):
        concepts, warnings = read_glossary(write(tmp_path, name, text))
        assert [(t.text, t.lang) for c in concepts for t in c.terms] == [("Gitee", "en")], name
        assert [(p.code, p.line) for p in warnings if p.code == "empty"] == [("empty", 3 if name == "long.csv" else 2)]
    book = tmp_path / "long.xlsx"
    xlsx.write([Concept("g", [Term("Gitee", "en"), Term("", "zh")])], book, shape="long")
    concepts, warnings = xlsx.read(book)
    assert [t.text for c in concepts for t in c.terms] == ["Gitee"] and [p.code for p in warnings] == ["empty"]


def test_an_empty_term_is_never_exported_as_preferred(tmp_path):
    out = tmp_path / "omegat.tbx"
    result = run("export", write(tmp_path, "weblate.tbx", WEBLATE), "-o", out, "--tbx-version", "2")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "<term></term>" not in text and "<term/>" not in text
    # and the long CSV has no row without a term
    long_out = tmp_path / "g.csv"
    assert run("export", out, "-o", long_out, "--shape", "long").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(long_out.read_text(encoding="utf-8-sig"))))
    assert rows and all(r["term"].strip() for r in rows)
    assert read_glossary_csv(long_out)


# --- item 10: a v2 root in the v3 namespace is warned about -------------------------------------------


def test_martif_in_the_v3_namespace_is_warned_about(tmp_path):
    text = WEBLATE.replace('<martif type="TBX"', '<martif xmlns="urn:iso:std:iso:30042:ed-2" type="TBX"')
    r = tbx.read(write(tmp_path, "ns.tbx", text))
    (w,) = [p for p in r.warnings if p.code == "namespace"]
    assert r.version == 2 and w.line == 3 and "TBX v2 has no namespace" in w.message and "of TBX v3" in w.message
    assert len(r.concepts) == 4
