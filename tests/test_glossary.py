import csv

import pytest

from termkit.errors import InputError
from termkit.formats.csv import COLUMNS, DATE_COLUMNS, read_glossary_csv, write_glossary_csv
from termkit.glossary import load_glossary, validate_file

from conftest import ROOT

GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary([GLOSSARY])


def test_curated_glossary_size_and_shape(glossary):
    assert len(glossary) >= 300
    for c in glossary.concepts:
        assert c.subject, c.id
        assert c.preferred("en") is not None and c.preferred("en").status == "preferred", c.id
        assert c.preferred("zh") is not None and c.preferred("zh").status == "preferred", c.id


def test_curated_glossary_represents_the_known_variants(glossary):
    def forms(cid):
        return {t.text: t.status for t in glossary.get(cid).terms if t.lang == "zh"}

    hiv = forms("hiv")
    assert hiv["艾滋病毒"] == "preferred" and hiv["艾滋病病毒"] in ("deprecated", "superseded")
    unodc = forms("unodc")
    assert {"联合国毒品和犯罪问题办公室", "毒品和犯罪问题办公室", "毒罪办"} <= set(unodc)
    nps = forms("nps")
    assert nps["新精神活性物质"] == "preferred" and nps["新型精神活性物质"] != "preferred"


def test_curated_glossary_validates_clean():
    assert validate_file(GLOSSARY) == []


def _broken_copy(tmp_path):
    """The real glossary with one problem of each kind appended; returns path and expected lines."""
    rows = list(csv.reader(GLOSSARY.open(encoding="utf-8", newline="")))
    header = rows[0]
    n = len(rows)  # the next row is on line n + 1
    first_zh = next(r for r in rows[1:] if r[1] == "zh")  # a real term, reused in another concept

    def row(**kw):
        r = dict.fromkeys(header, "")
        r.update(kw)
        return [r[h] for h in header]

    added = [
        ("empty-term", row(concept_id="x-empty", lang="en", term="", status="preferred", subject="test")),
        ("whitespace", row(concept_id="x-space", lang="zh", term="毒品 管制 ", status="preferred", subject="test")),
        ("width", row(concept_id="x-width", lang="en", term="ＵＮＯＤＣ report", status="preferred", subject="test")),
        ("status", row(concept_id="x-status", lang="en", term="test status", status="recommended", subject="test")),
        (
            "type",
            row(concept_id="x-type", lang="en", term="test type", status="preferred", type="longForm", subject="test"),
        ),
        ("lang", row(concept_id="x-lang", lang="zh_CN", term="测试语言", status="preferred", subject="test")),
        (
            "no-preferred",
            row(concept_id="x-nopref", lang="en", term="test admitted only", status="admitted", subject="test"),
        ),
        (None, row(concept_id="x-nopref", lang="en", term="test second", status="preferred", subject="test")),
        ("two-preferred", row(concept_id="x-nopref", lang="en", term="test third", status="preferred", subject="test")),
        (
            "term-in-two-concepts",
            row(concept_id="x-twice", lang="zh", term=first_zh[2], status="preferred", subject="test"),
        ),
        (
            "duplicate-concept",
            row(concept_id=rows[1][0], lang="en", term="test reused id", status="admitted", subject=rows[1][6]),
        ),
        ("subject", row(concept_id="x-nosubject", lang="en", term="test no subject", status="preferred")),
    ]
    with (tmp_path / "broken.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerows(rows)
        w.writerows(r for _, r in added)
    expected = [(code, n + 1 + k) for k, (code, _) in enumerate(added)]
    return tmp_path / "broken.csv", expected


def test_each_kind_of_problem_is_reported_with_its_line(tmp_path):
    path, expected = _broken_copy(tmp_path)
    problems = validate_file(path)
    found = {(p.code, p.line) for p in problems}
    for code, line in expected:
        if code in (None, "no-preferred"):
            continue  # x-nopref gets two preferred terms later; no-preferred is checked below
        assert (code, line) in found, (code, line, sorted(found))
    assert all(str(path) in str(p) for p in problems)


def test_no_preferred_term_in_a_language(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(
        "concept_id,lang,term,status,type,pos,subject,definition,note,source\n"
        "c1,en,harm reduction,preferred,,,health,,,\n"
        "c1,zh,减少伤害,admitted,,,health,,,\n",
        encoding="utf-8",
    )
    problems = validate_file(path)
    assert [(p.code, p.line, p.severity) for p in problems] == [("no-preferred", 3, "error")]


def test_unreadable_header_is_an_input_error(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("id,language,text\n1,en,x\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary([path])
    assert err.value.line == 1 and "concept_id" in err.value.message


def test_csv_round_trip_keeps_every_field(glossary, tmp_path):
    out = tmp_path / "copy.csv"
    write_glossary_csv(glossary.concepts, out)
    again = read_glossary_csv(out)
    assert [(c.id, c.subject) for c in again] == [(c.id, c.subject) for c in glossary.concepts]
    for a, b in zip(again, glossary.concepts):
        assert [(t.text, t.lang, t.status, t.type, t.pos, t.definition, t.note, t.source) for t in a.terms] == [
            (t.text, t.lang, t.status, t.type, t.pos, t.definition, t.note, t.source) for t in b.terms
        ]
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel on Windows shows the Chinese
    # the curated glossary dates some forms (valid_from, valid_until), so the date columns follow
    assert raw.decode("utf-8-sig").splitlines()[0] == ",".join(COLUMNS + DATE_COLUMNS)


def test_merging_two_glossaries_keeps_both_concepts_with_one_id(tmp_path):
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    a.write_text("concept_id,lang,term,status\nc1,en,opium,preferred\nc1,zh,鸦片,preferred\n", encoding="utf-8")
    b.write_text("concept_id,lang,term,status\nc1,en,heroin,preferred\nc1,zh,海洛因,preferred\n", encoding="utf-8")
    merged = load_glossary([a, b])
    assert [c.id for c in merged.concepts] == ["c1", "b:c1"]
    assert merged.index().best("海洛因").concept.id == "b:c1"
