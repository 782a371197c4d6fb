"""Glossary tables in the layouts people and tools really write (issue 24, items 7 and 9): headers
that name the language with a word (``english_name``, ``English_word``), only the role
(``source,target``), no header (OmegaT's tab-separated ``.txt``), a title row above the header,
``--columns``; the long CSV keeping concept-level fields; and translate-toolkit's ``csv2tbx``
reading the wide CSV termkit writes. The terms are the curated glossary's (UN drug control)."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from lxml import etree

from termkit.cli import main
from termkit.errors import InputError
from termkit.export import export_glossary
from termkit.formats import tbx, xlsx
from termkit.formats.csv import read_glossary_csv, write_glossary_csv
from termkit.formats.csv.table import sniff_delimiter
from termkit.formats.registry import read_glossary
from termkit.glossary import load_glossary
from termkit.model import Concept, Term

from conftest import GLOSSARY


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def terms(concepts):
    return [[(t.lang, t.text) for t in c.terms] for c in concepts]


ROWS = [("heroin", "海洛因"), ("money-laundering", "洗钱"), ("precursor", "前体")]


def lines(sep=","):
    return "".join(f"{en}{sep}{zh}\n" for en, zh in ROWS)


# --- item 9: headers, content, no header, title rows, --columns ---------------------------------------


@pytest.mark.parametrize(
    "header,langs",
    [
        ("english_name,chinese_name", ("en", "zh")),
        ("English_word,Chinese_word", ("en", "zh")),
        ("term_en,term_zh-CN", ("en", "zh-CN")),
        ("英文名称,中文名称", ("en", "zh")),
        ("English term,Chinese (Simplified) term", ("en", "zh-Hans")),
    ],
)
def test_language_named_with_a_word(tmp_path, header, langs):
    concepts, warnings = read_glossary(write(tmp_path, "g.csv", header + "\n" + lines()))
    assert terms(concepts) == [[(langs[0], en), (langs[1], zh)] for en, zh in ROWS]
    assert not [p for p in warnings if p.code == "column"]  # nothing kept aside as unknown


def test_source_target_languages_by_content(tmp_path):
    concepts, warnings = read_glossary(write(tmp_path, "g.csv", "source,target\n" + lines()))
    assert terms(concepts) == [[("en", en), ("zh", zh)] for en, zh in ROWS]
    said = " | ".join(p.message for p in warnings if p.code == "columns")
    assert "'source' read as en terms (Latin letters: assumed English)" in said
    assert "'target' read as zh terms (hanzi)" in said
    # the other way round, and a Chinese-first list
    concepts, _ = read_glossary(write(tmp_path, "h.csv", "source,target\n" + "".join(f"{z},{e}\n" for e, z in ROWS)))
    assert terms(concepts)[0] == [("zh", "海洛因"), ("en", "heroin")]


def test_no_header_and_a_title_row(tmp_path):
    concepts, warnings = read_glossary(write(tmp_path, "g.csv", lines()))
    assert terms(concepts) == [[("en", en), ("zh", zh)] for en, zh in ROWS]
    (said,) = [p for p in warnings if p.code == "columns"]
    assert said.line == 1 and "no header row" in said.message and "--columns" in said.message
    titled = "UN drug-control terms (English–Chinese), 2024\n\nEnglish,Chinese\n" + lines()
    concepts, warnings = read_glossary(write(tmp_path, "t.csv", titled))
    assert terms(concepts) == [[("en", en), ("zh", zh)] for en, zh in ROWS]
    assert [(p.code, p.line) for p in warnings] == [("columns", 1)]
    # a title above the long shape's header too
    long = "Curated glossary\nconcept_id,lang,term\nh,en,heroin\nh,zh,海洛因\n"
    concepts, warnings = read_glossary(write(tmp_path, "l.csv", long))
    assert terms(concepts) == [[("en", "heroin"), ("zh", "海洛因")]] and concepts[0].id == "h"
    book = tmp_path / "t.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Glossary of drug control"])
    ws.append(["english_name", "chinese_name", "remarks"])
    for en, zh in ROWS:
        ws.append([en, zh, "UN"])
    wb.save(book)
    concepts, warnings = xlsx.read(book)
    assert terms(concepts) == [[("en", en), ("zh", zh)] for en, zh in ROWS] and concepts[0].note == "UN"


def test_omegat_tab_separated_glossary(tmp_path):
    text = "# OmegaT glossary\n# source\ttarget\tcomment\n" + "".join(
        f"{en}\t{zh}\tUN, drug control\n" for en, zh in ROWS
    )
    path = write(tmp_path, "glossary.txt", text)
    g = load_glossary([path], report=False)
    assert terms(g.concepts) == [[("en", en), ("zh", zh)] for en, zh in ROWS]
    assert {c.note for c in g.concepts} == {"UN, drug control"}
    result = run("lookup", "洗钱", "-g", path, "--limit", "1")
    assert result.exit_code == 0 and "money-laundering" in result.output


def test_columns_option(tmp_path):
    src = write(tmp_path, "g.csv", "".join(f"{zh};{en};UN\n" for en, zh in ROWS))
    out = tmp_path / "out.csv"
    result = run("export", src, "-o", out, "--shape", "long", "--columns", "zh-CN,en,note")
    assert result.exit_code == 0, result.output
    back = read_glossary_csv(out)
    assert terms(back) == [[("zh-CN", zh), ("en", en)] for en, zh in ROWS] and back[0].note == "UN"
    # two Latin columns cannot be told apart: asked for, never guessed
    fr = write(tmp_path, "fr.csv", "heroin,héroïne\nprecursor,précurseur\n")
    with pytest.raises(InputError, match="--columns"):
        read_glossary(fr)
    result = run("export", fr, "-o", tmp_path / "fr.tbx")
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "--columns" in result.output
    assert run("export", fr, "-o", tmp_path / "fr.tbx", "--columns", "en,fr").exit_code == 0
    assert terms(tbx.read(tmp_path / "fr.tbx").concepts)[0] == [("en", "heroin"), ("fr", "héroïne")]
    result = run("export", fr, "-o", tmp_path / "x.tbx", "--columns", "en,klingon")
    assert result.exit_code == 2 and "'klingon' is not a language tag" in result.output


def test_g_help_names_every_glossary_format():
    result = run("lookup", "--help")
    assert "Glossary file (CSV)" not in result.output
    for word in ("TBX", "XLSX", "CSV"):
        assert word in result.output


# --- item 9: translate-toolkit reads the wide CSV termkit writes ---------------------------------------


def test_csv2tbx_reads_the_wide_csv_with_the_right_columns(tmp_path):
    csv2tbx = pytest.importorskip("translate.convert.csv2tbx")
    curated = load_glossary([GLOSSARY], report=False).concepts[:20]
    out = tmp_path / "termbase.csv"
    export_glossary(curated, out)
    with open(out, "rb") as src, open(tmp_path / "tt.tbx", "wb") as dst:
        csv2tbx.convertcsv(src, dst, None)
    entries = etree.parse(str(tmp_path / "tt.tbx")).getroot().findall(".//termEntry")
    by_id = {e.get("id"): e for e in entries}
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for c in curated:
        entry = by_id[c.id]  # the concept id is translate-toolkit's entry id
        source, target = (ls.find(".//term").text for ls in entry.findall("langSet"))
        assert entry.findall("langSet")[0].get(xml_lang) == "en"
        assert (source, target) == (c.preferred("en").text, c.preferred("zh").text)


# --- item 7: concept-level fields stay at concept level in the long CSV --------------------------------

TBX_WITH_CONCEPT_FIELDS = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>partner termbase</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="nps">
      <descrip type="subjectField">substances</descrip>
      <descrip type="definition">Substances of abuse not controlled by the 1961 or 1971 Conventions.</descrip>
      <note>Reviewed by the terminology unit.</note>
      <langSec xml:lang="en">
        <descrip type="definition">English-level definition.</descrip>
        <termSec><term>new psychoactive substances</term><note>the plural is usual</note></termSec>
        <termSec><term>NPS</term><termNote type="termType">acronym</termNote></termSec>
      </langSec>
      <langSec xml:lang="zh-CN"><termSec><term>新精神活性物质</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_long_csv_keeps_concept_level_fields(tmp_path):
    src = write(tmp_path, "p.tbx", TBX_WITH_CONCEPT_FIELDS)
    (original,) = tbx.read(src).concepts
    out = tmp_path / "p.csv"
    assert run("export", src, "-o", out, "--shape", "long").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    first = rows[0]
    assert first["concept_definition"] == original.definition and first["concept_note"] == original.note
    assert (first["definition"], first["note"]) == ("English-level definition.", "the plural is usual")
    assert all(r["concept_definition"] == "" for r in rows[1:])
    (back,) = read_glossary_csv(out)
    assert (back.definition, back.note, back.subject) == (original.definition, original.note, original.subject)
    assert [(t.text, t.definition, t.note) for t in back.terms] == [
        (t.text, t.definition, t.note) for t in original.terms
    ]
    # TBX → long CSV → TBX → long XLSX: lossless
    assert run("export", out, "-o", tmp_path / "again.tbx").exit_code == 0
    assert run("export", tmp_path / "again.tbx", "-o", tmp_path / "again.xlsx", "--shape", "long").exit_code == 0
    (again,) = xlsx.read(tmp_path / "again.xlsx")[0]
    assert (again.definition, again.note) == (original.definition, original.note)
    # and a file without concept-level fields keeps the ten columns it always had
    plain = tmp_path / "plain.csv"
    export_glossary([Concept("h", [Term("heroin", "en")])], plain, shape="long")
    assert plain.read_text(encoding="utf-8-sig").splitlines()[0].endswith("definition,note,source")


def test_a_term_with_tabs_and_line_breaks_does_not_change_the_delimiter(tmp_path):
    # the lines inside a quoted cell are not records: they must not vote for the tab
    term = "0" + "\n\t00" * 30
    path = tmp_path / "g.csv"
    write_glossary_csv([Concept("c0", [Term(term, "en")], subject="s")], path)
    assert [t.text for c in read_glossary_csv(path) for t in c.terms] == [term]
    assert sniff_delimiter(path.read_text(encoding="utf-8-sig")) == ","
