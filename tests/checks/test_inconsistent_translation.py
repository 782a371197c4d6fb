"""inconsistent-translation on real UN sentence pairs."""

from termkit.check.bilingual import Unit

from conftest import run_checks, unpc


def test_inconsistent_translation(glossary):
    en, zh = unpc(2278)
    other = zh.replace("采取行动", "作出决定")
    findings = run_checks([Unit("f", "1", en, zh), Unit("f", "2", en, other)], glossary, ["inconsistent-translation"])
    (f,) = [f for f in findings if f.severity == "warning"]
    assert set(f.forms) == {zh, other}
