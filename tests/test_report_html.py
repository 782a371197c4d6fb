"""report.html parsed back, without a browser: one card per report card in order, self-contained
(no remote resource), the script's JSON data matching the cards, everything from input escaped.
tests/test_report_browser.py runs the page in chromium."""

import json
import re

import lxml.html
import pytest

from termkit.check import CheckResult, check_documents
from termkit.model import Card, CardForm, Location
from termkit.pipeline import check_paths
from termkit.report import render_html
from termkit.report.html import MAX_PLACES

from conftest import GLOSSARY, SEEDS, doc


@pytest.fixture(scope="module")
def seed_page(seed_result):
    return render_html(seed_result)


def island(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="termkit-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(raw)


def test_one_card_per_report_card_in_order(seed_result, seed_page):
    page = lxml.html.fromstring(seed_page)
    articles = page.xpath("//article[contains(@class, 'card')]")
    assert [a.get("data-card") for a in articles] == [c.id for c in seed_result.cards]
    assert len({a.get("id") for a in articles}) == len(articles)
    for n, (article, card) in enumerate(zip(articles, seed_result.cards), 1):
        assert seed_page.count(f'data-card="{article.get("data-card")}"') == 1
        assert article.get("data-severity") == card.severity
        assert article.xpath("string(.//*[@class='num'])") == f"{n}."
        assert article.xpath("string(.//*[@class='title'])") == card.title
        assert article.xpath("string(.//*[contains(@class, 'ids')])").split()[2:] == card.findings
        assert article.xpath(".//button[contains(@class, 'ignore')]")
    first = articles[0]
    assert first.xpath("string(.//*[@class='title'])") in ("新精神活性物质", "艾滋病毒")
    forms = first.xpath(".//table[@class='forms']/tbody")  # one per form: its row, then the glossary note
    assert [f.xpath("string(tr[1]/td[1])") for f in forms] == [f.form for f in seed_result.cards[0].forms]
    fix = [f for f in forms if "fixform" in f.get("class")]
    assert len(fix) == 1 and "✓" in fix[0].xpath("string(tr[1]/td[2])")
    assert [" ".join(f.xpath("string(tr[1]/td[2])").split()) for f in forms] == ["preferred ✓", "deprecated"]
    assert "replaced by 新精神活性物质" in forms[1].xpath("string(tr[@class='note'])")
    discovered = next(n for n, c in enumerate(seed_result.cards, 1) if c.id.startswith("forms:"))
    statuses = page.get_element_by_id(f"card-{discovered}").xpath(".//tbody/tr[1]/td[2]")
    assert {" ".join(s.text_content().split()) for s in statuses} == {"— ✓", "—"}
    assert "艾滋病病毒" in [m.text_content() for m in page.xpath("//mark")]


def test_header_counts_cards_and_the_filters(seed_result, seed_page):
    page = lxml.html.fromstring(seed_page)
    summary = " ".join(page.get_element_by_id("summary").text_content().split())
    by = seed_result.card_counts()
    for severity in ("error", "warning", "info"):
        assert f"{by[severity]} {severity}" in summary
    assert f"{len(seed_result.cards)} cards from {len(seed_result.findings)} findings" in summary
    header = page.xpath("string(//header)")
    for d in seed_result.documents:
        assert f"{d}.txt {seed_result.dates[d]}" in " ".join(header.split())
    assert "un-drug-control.csv" in header
    boxes = {
        name: page.xpath(f"//details[@id='filters']//input[@name='{name}']/@value")
        for name in ("severity", "check", "doc")
    }
    assert boxes["severity"] == ["error", "warning", "info"]
    assert set(boxes["check"]) == {c for card in seed_result.cards for c in card.checks}
    assert boxes["doc"] == seed_result.documents
    assert page.get_element_by_id("search").get("type") == "search"
    assert page.get_element_by_id("shown-count").text == str(len(seed_result.cards))


def test_without_script_every_card_shows(seed_page):
    page = lxml.html.fromstring(seed_page)
    assert page.get("class") == "nojs"  # the script removes it; CSS hides the tools that need it
    assert not page.xpath("//article[contains(@class, 'hidden')]")
    assert "needs-js" in page.get_element_by_id("toolbar").get("class")
    assert ".nojs .needs-js{display:none" in seed_page


def test_at_most_eight_places_then_show_all(seed_result, seed_page):
    page = lxml.html.fromstring(seed_page)
    n, card = next((n, c) for n, c in enumerate(seed_result.cards, 1) if len(c.locations) > MAX_PLACES)
    article = page.get_element_by_id(f"card-{n}")
    shown, more = article.xpath(".//ol[@class='places']")
    assert len(shown.xpath("li")) == MAX_PLACES
    assert len(more.xpath("li")) == len(card.locations) - MAX_PLACES
    assert more.getparent().tag == "details"
    assert more.getparent().xpath("string(summary)") == f"show all {len(card.locations)} places"
    wrong = {f.form for f in card.forms if not f.fix}
    first_marks = [li.xpath("string(.//mark)") for li in shown.xpath("li")]
    assert first_marks[0] in wrong  # the wrong forms first, as the card gives them
    assert re.fullmatch(r".*seeds/\S+\.txt:\d+:\d+", shown.xpath("string(li[1]//*[@class='where'])"))


def test_no_remote_resources(seed_page):
    page = lxml.html.fromstring(seed_page)
    assert not page.xpath("//link | //img | //iframe | //object | //embed | //script[@src] | //base")
    assert not page.xpath("//@src | //@href | //@action | //@srcset | //@formaction")
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", seed_page, re.I)
    (style,) = page.xpath("//style")
    assert "@import" not in style.text and "url(" not in style.text
    assert len(page.xpath("//script[not(@type)]")) == 1 and "fetch(" not in seed_page


def test_the_json_island_round_trips_to_the_cards(seed_result, seed_page):
    data = island(seed_page)
    assert data["ignored_cards"] == seed_result.ignored_cards
    assert [c["id"] for c in data["cards"]] == [c.id for c in seed_result.cards]
    for got, card in zip(data["cards"], seed_result.cards):
        assert got["severity"] == card.severity and got["title"] == card.title
        assert got["concept"] == card.concept and got["english"] == card.english
        assert got["findings"] == card.findings and got["checks"] == card.checks
        assert got["forms"] == [f.form for f in card.forms]
        assert set(got["docs"]) == {d for f in card.forms for d in f.counts} | {loc.doc_id for loc in card.locations}


def test_the_ignore_file_count_and_a_stable_key(tmp_path, seed_result):
    ignore = tmp_path / "ignore"
    ignore.write_text("# accepted\n" + "\n".join(seed_result.cards[0].findings) + "\n", encoding="utf-8")
    result = check_paths([SEEDS], [GLOSSARY], ignore_file=ignore)
    page = render_html(result)
    assert result.ignored_cards == 1
    assert "(1 hidden by the ignore file)" in " ".join(lxml.html.fromstring(page).text_content().split())
    assert island(page)["ignored_cards"] == 1
    assert island(page)["key"] == island(render_html(seed_result))["key"]  # the page keeps what was ignored in it


def test_html_escapes_input(glossary):
    text = (
        '联合国毒品和犯罪问题办公室<script>alert(1)</script>"onerror=x 艾滋病病毒和艾滋病毒。'
        "</style><img src=x onerror=alert(2)>艾滋病病毒'><svg onload=alert(3)>。"
    )
    result = check_documents([doc("<b>evil</b>", text)], glossary)
    assert result.cards
    html = render_html(result)
    page = lxml.html.fromstring(html)
    assert not page.xpath("//script[contains(., 'alert') and not(@type)]")
    assert not page.xpath("//b | //img | //svg")
    assert not page.xpath("//@onerror | //@onload")
    assert len(page.xpath("//style")) == 1 and "alert" not in page.xpath("//style")[0].text_content()
    assert "<script>alert(1)</script>" in page.text_content() and "<img src=x onerror=alert(2)>" in page.text_content()
    assert "<b>evil</b>" in page.xpath("string(//header)")
    raw = html.split('id="termkit-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw


def test_escaping_of_forms_notes_and_sentences():
    form = "A&B\"<i>'x"
    sentence = f"前文{form}后文</script><!--<script "
    loc = Location("d<1>", 2, 2 + len(form), sentence=sentence, form=form, line=1, column=3, path='d<1>&".txt')
    card = Card(
        id='c:"<&>',
        severity="error",
        title=form,
        problem=f"{form} is wrong",
        fix=f"write {form}",
        concept="c&<",
        english='"E" & <E>',
        forms=[CardForm(form, "preferred", "fullForm", {"d<1>": 1}, True, note="<b>n</b> & 'n'", valid="until <x>")],
        findings=['variant-forms:"<&>'],
        evidence=["<e>&"],
        locations=[loc],
    )
    result = CheckResult(findings=[], documents=["d<1>"], cards=[card], paths={"d<1>": 'd<1>&".txt'})
    html = render_html(result, title="<t>&")
    assert "A&amp;B&quot;&lt;i&gt;&#x27;x" in html
    assert "<i>'x" not in html and "<b>n</b>" not in html and "<t>&" not in html
    page = lxml.html.fromstring(html)
    article = page.get_element_by_id("card-1")
    assert article.get("data-card") == 'c:"<&>'
    assert article.xpath("string(.//*[@class='title'])") == form
    assert article.xpath("string(.//mark)") == form
    assert article.xpath("string(.//li[@class='place'])").endswith(sentence)
    text = article.text_content()
    for shown in ("<b>n</b> & 'n'", "valid until <x>", "<e>&", 'variant-forms:"<&>', '"E" & <E>', 'd<1>&".txt:1:3'):
        assert shown in text
    assert page.xpath("string(//title)") == "<t>&"
    data = island(html)
    assert data["cards"][0]["title"] == form and data["cards"][0]["findings"] == ['variant-forms:"<&>']
    assert len(page.xpath("//script")) == 2  # the island and the page's own script: nothing broke out


def test_bilingual_places_side_by_side():
    loc = Location(
        "memory.tmx", 0, 4, sentence="艾滋病毒检测", form="艾滋病毒", side="target", segment_id="7", other="HIV testing"
    )
    card = Card(id="x", severity="warning", title="艾滋病毒", problem="p", fix="", locations=[loc])
    page = lxml.html.fromstring(render_html(CheckResult(findings=[], documents=["memory.tmx"], cards=[card])))
    (pair,) = page.xpath("//div[@class='pair']")
    assert pair.xpath("string(div[@class='source'])") == "sourceHIV testing"
    assert pair.xpath("string(div[@class='target']//mark)") == "艾滋病毒"
    assert page.xpath("string(//*[@class='where'])") == "memory.tmx unit 7"


def test_no_cards():
    page = render_html(CheckResult(findings=[], documents=["a"]))
    assert "No findings" in page and island(page)["cards"] == []
