"""The review workbench at 5,000 candidate concepts: time to first screen and decision round-trip.

    python bench/review.py [--concepts 5000] [--loads 10] [--decisions 200] [--screenshot docs/img/review.png]

The run: `termkit run` of the Chinese side of the UN Parallel Corpus dev set and the seeds, with
the drug-control glossary, every candidate kept (``--top 0``). It holds fewer than 5,000 candidate
concepts (about 3,200), so its candidates are repeated, each copy's forms prefixed with a numbered
document symbol (``第2号``), until there are ``--concepts``: real forms, counts, contexts and
evidence, in the number a large review has.

Measured, in the same run, on this machine (127.0.0.1, Debian's chromium headless):

- opening the review (reading candidates.csv, the glossary and its index): the server's start;
- time to first screen: from navigation to the list's first 100 rows and the first candidate's
  detail drawn (``performance.now()`` in the page), median of ``--loads`` page loads; and its
  baseline, the same run's static report.html (file://) until its load event;
- the first page's requests alone: ``GET /`` (the HTML with the first 100 rows) and
  ``GET /api/candidates`` (median of 20);
- the decision round-trip: ``POST /api/decisions`` made by ``fetch`` in the page, from the call to
  the parsed answer, median (and 95th percentile) of ``--decisions`` (defer, then clear), against
  the same page's round-trip of the smallest GET (``/api/candidates?limit=0``) as the baseline.

With ``--screenshot PATH``, also writes the page at desktop width (1440×900) from the seeds' run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.formats.atomic import atomic_write  # noqa: E402
from termkit.formats.candidates import read_candidates, write_candidates  # noqa: E402
from termkit.pipeline import run_job  # noqa: E402
from termkit.review import Review  # noqa: E402
from termkit.review.server import create_app, serve_in_thread  # noqa: E402

GLOSSARY = ROOT / "glossaries" / "un-drug-control.csv"
UNPC_ZH = ROOT / "tests" / "data" / "unpc" / "UNv1.0.devset.zh"
SEEDS = ROOT / "seeds"


def build_run(work: Path, concepts: int) -> Path:
    corpus = work / "corpus"
    corpus.mkdir()
    shutil.copy(UNPC_ZH, corpus / "unpc-dev.zh.txt")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, corpus / p.name)
    out = work / "out"
    run_job([corpus], [GLOSSARY], out, top=0)
    real = read_candidates(out / "candidates.csv")
    groups: list[list] = []
    for c in real:
        if not groups or c.role in ("", "head"):
            groups.append([])
        groups[-1].append(c)
    n_real = len(groups)
    rows = []
    copy = 0
    while len(rows) < concepts:
        for g in groups:
            if len(rows) >= concepts:
                break
            prefix = f"第{copy + 1}号" if copy else ""
            forms = []
            for c in g:
                c2 = type(c)(**{**c.__dict__, "text": prefix + c.text, "group": prefix + (c.group or c.text)})
                forms.append(c2)
            rows.append(forms)
        copy += 1
    with atomic_write(out / "candidates.csv", newline="", encoding="utf-8-sig") as fh:
        write_candidates([c for forms in rows for c in forms], fh, "csv")
    print(f"run: {n_real} real candidate concepts, repeated to {len(rows)}", flush=True)
    return out


def chromium(width: int = 1440, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in (
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
        f"--disable-background-networking --disable-component-update --window-size={width},{height}"
    ).split():
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


FIRST_SCREEN = """
var done = arguments[arguments.length - 1];
(function poll() {
  var h = document.querySelector('#detail h2');
  if (document.body && document.body.getAttribute('data-ready') === '1' && h) done(performance.now());
  else setTimeout(poll, 2);
})();
"""

ROUND_TRIPS = """
var n = arguments[0], kind = arguments[1], done = arguments[arguments.length - 1];
var token = document.querySelector('meta[name="termkit-token"]').content;
var ids = Array.from(document.querySelectorAll('#list li')).map(function (li) { return li.getAttribute('data-id'); });
var times = [], versions = {}, i = 0;
function one() {
  if (i >= n) { done(times); return; }
  var id = ids[i % ids.length], t0 = performance.now(), p;
  if (kind === 'get') p = fetch('/api/candidates?limit=0').then(function (r) { return r.json(); });
  else {
    var v = versions[id] || 0, action = v % 2 ? 'clear' : 'defer';
    p = fetch('/api/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json',
      'X-Termkit-Token': token }, body: JSON.stringify({ candidate: id, action: action, version: v }) })
      .then(function (r) { return r.json(); }).then(function (d) { versions[id] = d.decision.version; });
  }
  p.then(function () { times.push(performance.now() - t0); i++; one(); });
}
one();
"""


def median_ms(values) -> float:
    return statistics.median(values)


def p95(values) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def measure(out: Path, loads: int, decisions: int) -> None:
    t0 = time.perf_counter()
    review = Review.open(out)
    opened = time.perf_counter() - t0
    url, stop = serve_in_thread(create_app(review, who="bench"))
    driver = chromium()
    driver.set_script_timeout(120)
    try:
        driver.get(url)  # warm: the first load compiles the script
        firsts = []
        for _ in range(loads):
            driver.get(url)
            firsts.append(driver.execute_async_script(FIRST_SCREEN))
        report = []
        for _ in range(loads):
            driver.get((out / "report.html").as_uri())
            report.append(
                driver.execute_script("return performance.timing.loadEventEnd - performance.timing.navigationStart")
            )
        html, api = [], []
        fetch = urllib.request.build_opener(urllib.request.ProxyHandler({})).open  # no proxy for 127.0.0.1
        for _ in range(20):
            t = time.perf_counter()
            fetch(url).read()
            html.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            fetch(url + "api/candidates?status=unknown&limit=100").read()
            api.append((time.perf_counter() - t) * 1000)
        driver.get(url)
        driver.execute_async_script(FIRST_SCREEN)
        gets = driver.execute_async_script(ROUND_TRIPS, decisions, "get")
        posts = driver.execute_async_script(ROUND_TRIPS, decisions, "post")
    finally:
        driver.quit()
        stop()
    total = len(review.entries)
    review.close()
    print(f"candidate concepts: {total}")
    print(f"open the review (server start): {opened * 1000:.0f} ms")
    print(
        f"time to first screen (list + first detail), median of {loads}: {median_ms(firsts):.0f} ms "
        f"(max {max(firsts):.0f}); baseline report.html of the same run: {median_ms(report):.0f} ms "
        f"(ratio {median_ms(firsts) / max(median_ms(report), 1):.2f})"
    )
    print(
        f"GET / (HTML with the first 100 rows): median {median_ms(html):.1f} ms; GET /api/candidates: {median_ms(api):.1f} ms"
    )
    print(
        f"decision round-trip from the page, median of {decisions}: {median_ms(posts):.1f} ms (p95 {p95(posts):.1f}); "
        f"baseline GET ?limit=0: {median_ms(gets):.1f} ms (ratio {median_ms(posts) / median_ms(gets):.2f})"
    )


def screenshot(path: Path, work: Path) -> None:
    import os

    path = path.resolve()
    (work / "seeds").mkdir()
    os.chdir(work / "seeds")  # the page shows the run folder as given: "out", as in the README's commands
    run_job([SEEDS], [GLOSSARY], "out")
    review = Review.open("out")
    url, stop = serve_in_thread(create_app(review, who="terminologist"))
    driver = chromium(1440, 900)
    try:
        # a few decisions, as a review in progress shows them
        fresh = [e for e in review.entries if e.statuses == ["new"] and len(e.forms) == 1]
        review.decide(fresh[0].id, "accept", {"en": "narcotic drugs and psychotropic substances"}, 0, "terminologist")
        review.decide(fresh[2].id, "reject", None, 0, "terminologist")
        target = next(e for e in review.entries if "variant" in e.statuses and "new" in e.statuses)
        driver.get(url)
        driver.execute_async_script(FIRST_SCREEN)
        ids = driver.execute_script("return Array.from(document.querySelectorAll('#list li')).map(l => l.dataset.id)")
        driver.execute_script(f"document.querySelectorAll('#list li')[{ids.index(target.id)}].click()")
        time.sleep(1.0)
        path.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(path))
        print(f"screenshot: {path}")
    finally:
        driver.quit()
        stop()
        review.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--concepts", type=int, default=5000)
    ap.add_argument("--loads", type=int, default=10)
    ap.add_argument("--decisions", type=int, default=200)
    ap.add_argument("--screenshot", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="termkit-bench-review-") as tmp:
        work = Path(tmp)
        if args.screenshot:
            screenshot(args.screenshot, work)
        measure(build_run(work, args.concepts), args.loads, args.decisions)


if __name__ == "__main__":
    main()
