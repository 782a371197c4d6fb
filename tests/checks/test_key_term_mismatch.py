"""key-term-mismatch on real UN sentence pairs (UN Parallel Corpus dev set)."""

from termkit.check.bilingual import Unit

from conftest import run_checks, unpc


def test_key_term_present_passes(glossary):
    en, zh = unpc(2278)  # the Commission on Narcotic Drugs … 麻醉药品委员会
    assert run_checks([Unit("f", "1", en, zh)], glossary, ["key-term-mismatch"]) == []
    # an admitted short form is an approved translation too
    assert (
        run_checks([Unit("f", "1", en, zh.replace("麻醉药品委员会", "麻委会"))], glossary, ["key-term-mismatch"]) == []
    )


def test_key_term_missing(glossary):
    en, zh = unpc(2278)
    findings = run_checks(
        [Unit("f", "1", en, zh.replace("麻醉药品委员会", "麻醉品委员会"))], glossary, ["key-term-mismatch"]
    )
    (f,) = [f for f in findings if f.concept == "cnd"]
    assert f.severity == "warning" and f.preferred == "麻醉药品委员会"
    assert f.locations[0].other == en and f.locations[0].side == "target"


def test_key_term_deprecated_form_used_instead(glossary):
    en, zh = unpc(2439)  # … people who inject drugs are living with HIV
    assert "艾滋病毒" in zh
    findings = run_checks([Unit("f", "7", en, zh.replace("艾滋病毒", "艾滋病病毒"))], glossary, ["key-term-mismatch"])
    (f,) = [f for f in findings if f.concept == "hiv"]
    assert f.severity == "error" and "used instead: 艾滋病病毒" in f.message
    loc = f.locations[0]
    assert loc.sentence[loc.start : loc.end] == "艾滋病病毒"
