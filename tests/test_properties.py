"""Write → read is the identity, for any glossary: arbitrary Unicode (CJK, XML- and
formula-special characters, control characters the format can hold) and very long strings."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.formats import xlsx
from termkit.formats.cells import neutralize, restore
from termkit.formats.csv import (
    one_line,
    read_glossary_csv,
    read_glossary_csv_wide,
    write_glossary_csv,
    write_glossary_csv_wide,
)
from termkit.model import Concept, Term

# no surrogates, no NUL (no text format here can carry it); other control characters allowed
_any = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
# what a reader keeps: the control characters no output can hold are replaced where text enters
# (termkit.formats.clean); tab, LF, CR and the C1 controls are kept
_readable = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff",
)
# XML 1.0 (inside XLSX) cannot hold C0 controls other than tab, LF and CR
_xml = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
_hanzi = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_formula = st.sampled_from(["=", "+", "-", "@", "\t", "'=", "''+", "=SUM(A1:A3)", "-1", "@恶意"])


def texts(alphabet):
    piece = st.one_of(st.text(alphabet, min_size=1, max_size=10), st.text(_hanzi, min_size=1, max_size=10), _formula)
    short = st.lists(piece, min_size=1, max_size=4).map("".join)
    return st.one_of(short, short, st.builds(lambda s, n: s * n, short, st.integers(200, 600)))


def glossaries(alphabet):
    value = texts(alphabet).filter(lambda s: s == s.strip() and s.strip())
    term = st.builds(
        lambda text, note, lang: Term(text, lang, note=note),
        value,
        st.one_of(st.just(""), value),
        st.sampled_from(["en", "zh"]),
    )
    concept = st.builds(
        lambda i, terms: Concept(f"c{i}", terms, subject="s"),
        st.integers(0, 10**6),
        st.lists(term, min_size=1, max_size=3),
    )
    return st.lists(concept, min_size=1, max_size=4, unique_by=lambda c: c.id)


def fields(concepts):
    return [(c.id, [(t.lang, t.text, t.note) for t in c.terms]) for c in concepts]


def by_language(concepts):
    """The wide shape (and TBX) group a concept's terms by language: compare in that order."""
    return sorted((cid, sorted(terms, key=lambda t: t[0])) for cid, terms in fields(concepts))


@given(st.text(_any))
def test_cells_restore_what_neutralize_protects(value):
    assert restore(neutralize(value)) == value
    assert not str(neutralize(value)).startswith(("=", "+", "@", "\t", "\r")) or neutralize(value) == value


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(glossaries(_readable))
def test_long_csv_round_trip(tmp_path, concepts):
    path = tmp_path / "g.csv"
    write_glossary_csv(concepts, path)
    assert fields(read_glossary_csv(path)) == fields(concepts)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(glossaries(_readable))
def test_wide_csv_round_trip(tmp_path, concepts):
    path = tmp_path / "g.csv"
    write_glossary_csv_wide(concepts, path)  # writes zh as zh-CN by default
    if not any("\n" in t.text or "\r" in t.text for c in concepts for t in c.terms):  # one record a line
        assert path.read_bytes().count(b"\n") == len(concepts) + 1
    back, _ = read_glossary_csv_wide(path, lang_tags={"zh": "zh-CN"})
    for c in concepts:  # notes are written on one line
        for t in c.terms:
            t.note = one_line(t.note)
    assert by_language(back) == by_language(concepts)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(glossaries(_xml))
def test_xlsx_round_trip(tmp_path, concepts):
    path = tmp_path / "g.xlsx"
    xlsx.write(concepts, path)
    back, _ = xlsx.read(path, lang_tags={"zh": "zh-CN"})
    assert by_language(back) == by_language(concepts)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(texts(_xml), texts(_xml)).filter(
            lambda p: p[0].strip() == p[0] and p[1].strip() == p[1] and p[0] and p[1]
        ),
        min_size=1,
        max_size=5,
    )
)
def test_tmx_round_trip(tmp_path, pairs):
    from termkit.formats.tmx import read_tmx, write_tmx
    from termkit.model import TranslationUnit

    units = [TranslationUnit(str(i), en, zh, "en", "zh-CN") for i, (en, zh) in enumerate(pairs, 1)]
    path = tmp_path / "m.tmx"
    with open(path, "w", encoding="utf-8") as fh:
        write_tmx(units, fh, "en", "zh-CN")
    back = read_tmx(path)
    assert [(u.source, u.target, u.src_lang, u.tgt_lang) for u in back] == [(en, zh, "en", "zh-CN") for en, zh in pairs]
