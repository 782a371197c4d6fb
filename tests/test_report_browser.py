"""report.html in a real browser: Debian's chromium driven by Selenium through chromedriver.

The seeds' report: the first card, the count of cards shown, the search, the severity filter,
Ignore on a card and the downloaded ignore file fed back to `termkit check --ignore`; a hostile
glossary and document whose forms hold ``<script>`` and ``</script>`` (shown as text, never run);
the page at phone width (nothing wider than the screen).

Needs ``pip install selenium`` (the ``test`` extra) and ``apt-get install chromium
chromium-driver``; skips naming what is missing, unless ``TERMKIT_REQUIRE_BROWSER`` is set (CI):
then it fails.
"""

import json
import os
import time
from pathlib import Path

import pytest

from conftest import GLOSSARY, SEEDS, run

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --disable-dev-shm-usage --window-size=1100,1000"
).split()


def _missing() -> str:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.exists():
            return f"{path} is missing (apt-get install {package})"
    return ""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless chromium for the module; downloads go to ``browser.downloads``."""
    missing = _missing()
    if missing:
        if os.environ.get("TERMKIT_REQUIRE_BROWSER"):
            pytest.fail(f"TERMKIT_REQUIRE_BROWSER is set but {missing}")
        pytest.skip(f"needs a browser: {missing}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_page_load_timeout(30)
    driver.downloads = downloads
    yield driver
    driver.quit()


def visible_cards(driver) -> list[str]:
    """The ids of the cards on screen (rendered: not hidden by search, filter or ignore)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('article.card'))"
        ".filter(function (el) { return el.getClientRects().length > 0; })"
        ".map(function (el) { return el.getAttribute('data-card'); });"
    )


def errors_in_console(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def wait_for_file(folder: Path, seconds: float = 10) -> Path:
    """The one finished download in ``folder``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if not p.name.endswith((".crdownload", ".tmp"))]
        if done:
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"nothing downloaded into {folder}: {list(folder.iterdir())}")


def test_search_filter_ignore_and_download(browser, tmp_path):
    out = tmp_path / "out"
    r = run("check", SEEDS, "-g", GLOSSARY, "-o", out, "--fail-on", "never")
    assert r.exit_code == 0, r.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    cards = report["cards"]
    browser.get((out / "report.html").as_uri())
    browser.execute_script("localStorage.clear()")  # what other tests ignored in this profile
    browser.refresh()

    assert visible_cards(browser) == [c["id"] for c in cards]
    assert browser.find_element("id", "shown-count").text == str(len(cards))
    first = browser.find_element("css selector", "article.card")
    title = first.find_element("css selector", ".title").text
    assert title in ("新精神活性物质", "艾滋病毒") and title == cards[0]["title"]
    assert first.get_attribute("data-card") == cards[0]["id"]

    # search: live, on forms (and concept ids, English terms, document names)
    search = browser.find_element("id", "search")
    search.send_keys("毒罪办")
    with_it = {c["id"] for c in cards if any("毒罪办" in f["form"] for f in c["forms"]) or "毒罪办" in c["title"]}
    assert set(visible_cards(browser)) == with_it
    assert "concept:unodc" in with_it
    assert browser.find_element("id", "shown-count").text == str(len(with_it))
    search.clear()
    search.send_keys("UNODC")  # case-insensitive, the concept id and English terms
    assert "concept:unodc" in visible_cards(browser)
    unodc = next(c for c in cards if c["id"] == "concept:unodc")
    search.clear()
    search.send_keys(unodc["findings"][0].upper())  # a finding id, as the text report prints it
    assert visible_cards(browser) == ["concept:unodc"]
    browser.execute_script("var s=document.getElementById('search'); s.value=''; s.dispatchEvent(new Event('input'))")
    assert len(visible_cards(browser)) == len(cards)

    # untick info: no info card left
    browser.find_element("css selector", '#filters input[name="severity"][value="info"]').click()
    assert visible_cards(browser) == [c["id"] for c in cards if c["severity"] != "info"]

    # ignore the first card: it goes, the ignored count reads 1, the download holds its ids
    assert browser.find_element("id", "download").get_attribute("disabled")
    first.find_element("css selector", "button.ignore").click()
    assert not first.is_displayed()
    assert browser.find_element("id", "ignored-count").text == "1"
    browser.find_element("css selector", "#ignored-list button.undo").click()  # undo, then again
    assert first.is_displayed() and browser.find_element("id", "ignored-count").text == "0"
    first.find_element("css selector", "button.ignore").click()
    browser.refresh()  # the page keeps what was ignored in it
    assert cards[0]["id"] not in visible_cards(browser)
    assert browser.find_element("id", "ignored-count").text == "1"
    download = browser.find_element("id", "download")
    assert download.is_enabled()
    download.click()
    saved = wait_for_file(browser.downloads)
    # chromium drops the leading dot of a downloaded file's name (no hidden files): termkit-ignore
    assert saved.name in (".termkit-ignore", "termkit-ignore")
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    assert [x for x in lines if x and not x.startswith("#")] == cards[0]["findings"]

    # the next run with that file: the card is gone, counted as ignored, in the page too
    r = run("check", SEEDS, "-g", GLOSSARY, "-o", out, "--fail-on", "never", "--ignore", saved)
    assert r.exit_code == 0, r.output
    again = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert cards[0]["id"] not in {c["id"] for c in again["cards"]}
    assert again["summary"]["ignored_cards"] == 1
    browser.refresh()
    assert cards[0]["id"] not in {
        el.get_attribute("data-card") for el in browser.find_elements("css selector", "article.card")
    }
    assert visible_cards(browser) == [c["id"] for c in again["cards"]]
    assert browser.find_element("id", "ignored-count").text == "1"
    assert errors_in_console(browser) == []


HOSTILE = "<script>alert(1)</script>"
CLOSER = "</script><img src=x onerror=alert(2)>"
COMMENT = "<!--<script x"  # in a script element, this would swallow the closing </script>


def test_hostile_forms_are_text_and_never_run(browser, tmp_path):
    glossary = tmp_path / "hostile.csv"
    glossary.write_text(
        "concept_id,lang,term,status,type,note\n"
        f'evil,zh,病毒{HOSTILE}办公室,preferred,fullForm,"{CLOSER} &amp; ""quoted"""\n'
        f"evil,zh,病毒{CLOSER}办公室,deprecated,variant,\n"
        f"evil,en,evil office {COMMENT},preferred,fullForm,\n",
        encoding="utf-8",
    )
    document = tmp_path / "a<b>&amp;.txt"  # a file name is input too
    document.write_text(
        f"联合国的病毒{HOSTILE}办公室负责此事。后来病毒{CLOSER}办公室又负责此事。病毒{CLOSER}办公室再次出现。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = run("check", document, "-g", glossary, "-o", out, "--fail-on", "never", "--no-discover")
    assert r.exit_code == 0, r.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["cards"], report["summary"]
    from selenium.common.exceptions import NoAlertPresentException

    browser.get((out / "report.html").as_uri())
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert (
        browser.execute_script("return document.querySelectorAll('img, script:not([type]), script[src]').length") == 1
    )
    text = browser.find_element("id", "cards").text
    assert HOSTILE in text and CLOSER in text
    assert "a<b>&amp;.txt" in browser.find_element("tag name", "header").text
    # the script ran (the data island parsed) and the search finds the hostile form
    search = browser.find_element("id", "search")
    search.send_keys("</script>")
    assert len(visible_cards(browser)) == len(report["cards"])
    assert errors_in_console(browser) == []


def test_phone_width_nothing_wider_than_the_screen(browser, tmp_path):
    out = tmp_path / "out"
    r = run("check", SEEDS, "-g", GLOSSARY, "-o", out, "--fail-on", "never")
    assert r.exit_code == 0, r.output
    browser.set_window_size(390, 844)
    try:
        browser.get((out / "report.html").as_uri())
        inner = browser.execute_script("return window.innerWidth")
        assert inner <= 400
        assert browser.execute_script("return document.documentElement.scrollWidth") <= inner
        too_wide = browser.execute_script(
            """var w = window.innerWidth, out = [];
            document.querySelectorAll('article.card *').forEach(function (el) {
              if (el.closest('.scroll') && !el.classList.contains('scroll')) return;  // tables scroll in their box
              var r = el.getBoundingClientRect();
              if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5)) out.push(el.tagName + '.' + el.className);
            });
            return out.slice(0, 5);"""
        )
        assert too_wide == []
        assert not browser.find_element("id", "filters").get_attribute("open")  # collapsed on a phone
    finally:
        browser.set_window_size(1100, 1000)
