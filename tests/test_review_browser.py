"""termkit review in a real browser: Debian's chromium driven by Selenium through chromedriver,
against the workbench served on 127.0.0.1 from a thread.

The seeds' run from candidates to an exported glossary with the keyboard alone: accept one
candidate with an English term, merge one into a glossary concept, reject one, reload (the
decisions persist), export, and `termkit mine` again with the export and the stop list (known /
gone); a second tab's stale save is refused and shows the newer value; a hostile run's sentences
are shown as text. Skips like test_report_browser.py when the browser is missing, unless
``TERMKIT_REQUIRE_BROWSER`` is set.
"""

import json
import shutil
import time

import pytest

import test_report_browser
from conftest import SEEDS, run

pytest.importorskip("starlette", reason="termkit review needs Starlette and uvicorn (installed with termkit)")
pytest.importorskip("uvicorn", reason="termkit review needs Starlette and uvicorn (installed with termkit)")

browser = test_report_browser.browser  # the one headless chromium of the report's tests (same skip rule)
errors_in_console = test_report_browser.errors_in_console


@pytest.fixture
def served(seeds_run, tmp_path):
    """A copy of the seeds' run, served; yields (url, out_dir)."""
    from termkit.review import Review
    from termkit.review.server import create_app, serve_in_thread

    out = tmp_path / "out"
    shutil.copytree(seeds_run, out)
    review = Review.open(out)
    url, stop = serve_in_thread(create_app(review, who="browser-test"))
    yield url, out, review
    stop()
    review.close()


def wait(driver, condition, seconds=10.0, what="condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = driver.execute_script(condition)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}: {condition}")


def open_page(driver, url):
    driver.get(url)
    wait(driver, "return document.body.getAttribute('data-ready') === '1'", what="the page")


def selected(driver) -> str:
    return wait(driver, "var s=document.querySelector('#list .selected'); return s && s.getAttribute('data-id');")


def detail_for(driver, cid):
    """Wait until the detail pane shows candidate ``cid`` (its list row is selected and loaded)."""
    wait(
        driver,
        f"var h=document.querySelector('#detail h2'); var s=document.querySelector('#list .selected');"
        f"return h && s && s.getAttribute('data-id')==='{cid}' && h.textContent===s.querySelector('.head').textContent;",
        what=f"the detail of {cid}",
    )


def press(driver, keys):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(keys).perform()


def go_to(driver, cid):
    """Move the selection with j until candidate ``cid`` is selected."""
    for _ in range(200):
        if selected(driver) == cid:
            detail_for(driver, cid)
            return
        press(driver, "j")
        time.sleep(0.02)
    raise AssertionError(f"{cid} never selected")


def action_of(driver, cid) -> str:
    return driver.execute_script(
        f"return document.querySelector('#list li[data-id=\"{cid}\"]').getAttribute('data-action')"
    )


def test_from_candidates_to_an_exported_glossary_in_the_browser(browser, served, tmp_path):
    from selenium.webdriver.common.keys import Keys

    url, out, review = served
    fresh = [e for e in review.entries if e.statuses == ["new"] and len(e.forms) == 1]
    accepted, merged, rejected = fresh[:3]
    open_page(browser, url)
    rows = browser.find_elements("css selector", "#list li")
    shown = [r.get_attribute("data-id") for r in rows]
    assert shown == [e.id for e in review.entries if any(s != "known" for s in e.statuses)][:100]
    first = selected(browser)
    detail_for(browser, first)
    assert browser.find_element("css selector", "#detail h2").text == review.by_id[first].head.text
    marks = browser.find_elements("css selector", "#detail .contexts mark")
    assert marks and all(m.text in review.by_id[first].texts for m in marks)

    # accept with an English term: a, type, Enter
    go_to(browser, accepted.id)
    press(browser, "a")
    english = browser.switch_to.active_element
    assert english.get_attribute("name") == "en"
    english.send_keys("narcotic drugs and psychotropic substances" + Keys.ENTER)
    wait(browser, f"return document.querySelector('#list li[data-id=\"{accepted.id}\"]').getAttribute('data-action')")
    assert action_of(browser, accepted.id) == "accept"
    assert selected(browser) != accepted.id  # moved on to the next

    # merge into a glossary concept: m, the concept id, Enter
    go_to(browser, merged.id)
    press(browser, "m")
    concept = browser.switch_to.active_element
    assert concept.get_attribute("name") == "concept"
    concept.clear()
    concept.send_keys("unodc" + Keys.ENTER)
    wait(browser, f"return document.querySelector('#list li[data-id=\"{merged.id}\"]').getAttribute('data-action')")
    assert action_of(browser, merged.id) == "merge"

    # reject: r
    go_to(browser, rejected.id)
    press(browser, "r")
    wait(browser, f"return document.querySelector('#list li[data-id=\"{rejected.id}\"]').getAttribute('data-action')")
    assert action_of(browser, rejected.id) == "reject"

    # a bad value is refused with the reason, and nothing is saved
    go_to(browser, fresh[3].id)
    press(browser, "m")
    concept = browser.switch_to.active_element
    concept.clear()  # WebDriver's clear also blurs: type into the element itself
    concept.send_keys("no-such-concept" + Keys.ENTER)
    toast = wait(browser, "var t=document.getElementById('toast'); return !t.hidden && t.textContent;")
    assert "no concept 'no-such-concept'" in toast
    press(browser, Keys.ESCAPE)
    assert not action_of(browser, fresh[3].id)

    # reload: the decisions persist
    open_page(browser, url)
    assert [action_of(browser, e.id) for e in (accepted, merged, rejected)] == ["accept", "merge", "reject"]
    browser.find_element("css selector", "#decision option[value='reject']").click()
    wait(browser, "return document.querySelectorAll('#list li').length === 1")
    assert browser.find_element("css selector", "#list li").get_attribute("data-id") == rejected.id

    # search with /
    press(browser, "/")
    assert browser.switch_to.active_element.get_attribute("id") == "q"

    # export from the page
    browser.find_element("id", "export").click()
    result = wait(browser, "var r=document.getElementById('export-result'); return r.textContent;")
    assert "written to" in result and "stop list" in result
    # the console: nothing but the refused merge above (chromium logs every 4xx response)
    assert [e for e in errors_in_console(browser) if "/api/decisions" not in e or "400" not in e] == []

    # the next mine with the export and the stop list: accepted and merged known, rejected gone
    jsonl = tmp_path / "again.jsonl"
    r = run("mine", SEEDS, "-g", out / "curated.csv", "--ignore", out / "rejected.txt", "--top", "0", "-o", jsonl)
    assert r.exit_code == 0, r.output
    mined = {json.loads(x)["text"]: json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()}
    assert mined[accepted.head.text]["status"] == "known"
    assert mined[merged.head.text]["concept"] == "unodc"
    assert rejected.head.text not in mined


def test_a_second_tab_cannot_overwrite_a_newer_decision(browser, served):
    url, out, review = served
    target = next(e for e in review.entries if e.statuses == ["new"])
    open_page(browser, url)
    go_to(browser, target.id)
    # meanwhile another tab (here: the API directly) defers it
    review.decide(target.id, "defer", {"note": "ask the editor"}, 0, "other-tab")
    from selenium.webdriver.common.keys import Keys

    press(browser, "a")
    browser.switch_to.active_element.send_keys("stale" + Keys.ENTER)
    toast = wait(browser, "var t=document.getElementById('toast'); return !t.hidden && t.textContent;")
    assert "changed elsewhere" in toast and "defer" in toast and "other-tab" in toast
    wait(
        browser, "var d=document.querySelector('#detail .decision'); return d && d.textContent.indexOf('deferred') >= 0"
    )
    assert review.store.get(target.id).action == "defer"


def test_a_hostile_run_is_shown_as_text(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    from termkit.review import Review
    from termkit.review.server import create_app, serve_in_thread

    from test_review import HOSTILE, hostile_run

    out = hostile_run(tmp_path)
    with Review.open(out) as review:
        url, stop = serve_in_thread(create_app(review))
        try:
            open_page(browser, url)
            browser.find_element("css selector", "#status option[value='']").click()
            wait(browser, "return document.querySelectorAll('#list li').length > 0")
            text = wait(browser, "var c=document.querySelector('#detail .contexts'); return c && c.textContent;")
            assert HOSTILE in text
            with pytest.raises(NoAlertPresentException):
                browser.switch_to.alert.text  # noqa: B018
            assert browser.execute_script("return document.querySelectorAll('img').length") == 0
        finally:
            stop()
