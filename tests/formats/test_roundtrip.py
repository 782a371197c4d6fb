"""Every pair of termbase formats round-trips a glossary (issue 24): write it as A, read it, write
that as B, read it — TBX v3, TBX v2, long CSV, wide CSV, XLSX — and the number of concepts, the
term texts, their languages and statuses, and the concept-level subject, definition and note are
what they were. Concept ids may repeat in the input (Weblate, merged files): the concepts must
stay apart anyway."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termkit.export import export_glossary
from termkit.formats.registry import read_glossary
from termkit.model import STATUSES, Concept, Term, lang_base

FORMATS = {
    "tbx3": ("t3.tbx", {"tbx_version": 3}),
    "tbx2": ("t2.tbx", {"tbx_version": 2}),
    "long": ("long.csv", {"shape": "long"}),
    "wide": ("wide.csv", {"shape": "wide"}),
    "xlsx": ("wide.xlsx", {"shape": "wide"}),
}

# one-line text any format holds: no control characters (XML), no line breaks (the wide CSV writes
# them as " | "), no white space at the ends (every reader trims cells)
_char = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufffe\uffff")
_hanzi = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_piece = st.one_of(
    st.text(_char, min_size=1, max_size=8),
    st.text(_hanzi, min_size=1, max_size=6),
    st.sampled_from(["=SUM(A1)", "+1", "-", "@x", "a & b <c>", "'", "联合国", "UNODC"]),
)
_value = st.lists(_piece, min_size=1, max_size=3).map("".join).filter(lambda s: s == s.strip() and s.strip())
_optional = st.one_of(st.just(""), _value)

_term = st.builds(
    lambda text, lang, status: Term(text, lang, status=status),
    _value,
    st.sampled_from(["en", "zh"]),
    st.sampled_from(STATUSES),
)
_concept = st.builds(
    lambda cid, terms, subject, definition, note: Concept(
        cid, terms, subject=subject, definition=definition, note=note
    ),
    st.sampled_from(["c1", "c2", "1", "unodc"]),  # few ids: they repeat
    st.lists(_term, min_size=1, max_size=4),
    _optional,
    _optional,
    _optional,
)
GLOSSARIES = st.lists(_concept, min_size=1, max_size=4)


def survives(concepts):
    """What must survive every format: per concept, its terms by language (text, status) in order,
    and its subject, definition and note."""
    out = []
    for c in concepts:
        langs = sorted({lang_base(t.lang) for t in c.terms})
        terms = [(lang, [(t.text, t.status) for t in c.terms if lang_base(t.lang) == lang]) for lang in langs]
        out.append((terms, c.subject, c.definition, c.note))
    return out


def through(concepts, fmt: str, folder, step: str):
    name, options = FORMATS[fmt]
    path = folder / f"{step}-{name}"
    export_glossary(concepts, path, **options)
    back, _warnings = read_glossary(path)
    assert len({c.id for c in back}) == len(back), f"{fmt}: ids repeat"
    return back


@pytest.mark.parametrize("first,second", list(itertools.permutations(FORMATS, 2)))
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(concepts=GLOSSARIES)
def test_every_format_pair_round_trips(tmp_path, first, second, concepts):
    expected = survives(concepts)
    a = through(concepts, first, tmp_path, "a")
    assert survives(a) == expected, first
    b = through(a, second, tmp_path, "b")
    assert survives(b) == expected, f"{first} → {second}"


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(concepts=GLOSSARIES)
def test_the_long_chain_round_trips(tmp_path, concepts):
    """TBX → v3 → v2 → long CSV → TBX → wide CSV → XLSX → long CSV, one after the other."""
    expected = survives(concepts)
    current = concepts
    for k, fmt in enumerate(["tbx3", "tbx2", "long", "tbx3", "wide", "xlsx", "long"]):
        current = through(current, fmt, tmp_path, str(k))
        assert survives(current) == expected, fmt
