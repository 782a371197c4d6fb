"""termkit review: the decisions store, the candidates' view, the JSON API (Starlette's test client),
the export, and the loop back into `termkit run` and `termkit mine` (the page itself is tested in
Chromium by test_review_browser.py)."""

import csv
import io
import json
import shutil
import sqlite3
import warnings

import pytest

from conftest import GLOSSARY, SEEDS, UNPC, run

pytest.importorskip("starlette", reason="termkit review needs Starlette and uvicorn (installed with termkit)")
pytest.importorskip("httpx", reason="Starlette's test client needs httpx: pip install -e '.[test]'")

TOKEN = "test-token-1234"
HEADERS = {"X-Termkit-Token": TOKEN}


@pytest.fixture
def out(seeds_run, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(seeds_run, copy)
    return copy


@pytest.fixture
def review(out):
    from termkit.review import Review

    with Review.open(out) as r:
        yield r


@pytest.fixture
def client(review):
    from termkit.review.server import create_app

    with warnings.catch_warnings():  # newer Starlette prefers httpx2 over httpx; both work
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        c = TestClient(create_app(review, token=TOKEN, who="tester"), base_url="http://127.0.0.1:8765")
    c.review = review
    return c


def candidates_csv(out):
    with open(out / "candidates.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def pick(review, want):
    """The first candidate concept (in rank order) for which ``want(entry)`` holds."""
    return next(e for e in review.entries if want(e))


def only_new(e):
    return e.statuses == ["new"] and len(e.forms) == 1


# --- the candidates as the page shows them ------------------------------------------------------


def test_candidate_concepts_follow_the_run_file(review, out):
    rows = candidates_csv(out)
    assert sum(len(e.forms) for e in review.entries) == len(rows)
    assert [e.head.text for e in review.entries] == [r["text"] for r in rows if r["role"] == "head"]
    assert len({e.id for e in review.entries}) == len(review.entries)
    from termkit.review import Review

    with Review.open(out) as again:  # ids are made from the head form: the same on every open
        assert [e.id for e in again.entries] == [e.id for e in review.entries]


def test_list_filters(client, out):
    rows = candidates_csv(out)
    groups: dict[str, set[str]] = {}
    for r in rows:
        groups.setdefault(r["group"], set()).add(r["status"])
    everything = client.get("/api/candidates", params={"limit": 1000}).json()
    assert everything["total"] == len(groups) and len(everything["items"]) == len(groups)
    new = client.get("/api/candidates", params={"status": "new", "limit": 1000}).json()
    assert new["total"] == sum(1 for s in groups.values() if "new" in s) > 0
    assert all("new" in i["statuses"] for i in new["items"])
    unknown = client.get("/api/candidates", params={"status": "unknown"}).json()
    assert unknown["total"] == sum(1 for s in groups.values() if s != {"known"})
    two = client.get("/api/candidates", params={"status": "variant,fuzzy", "limit": 1000}).json()
    assert two["total"] == sum(1 for s in groups.values() if s & {"variant", "fuzzy"})

    high = client.get("/api/candidates", params={"min_score": 6, "limit": 1000}).json()
    assert high["items"] and all(i["score"] >= 6 for i in high["items"])
    assert high["total"] == sum(1 for r in rows if r["role"] == "head" and float(r["score"]) >= 6)

    found = client.get("/api/candidates", params={"q": "毒罪办"}).json()
    assert found["items"] and all(any("毒罪办" in f["text"] for f in i["forms"]) for i in found["items"])
    pinyin = client.get("/api/candidates", params={"q": "DÚ ZUÌ BÀN"}).json()  # pinyin, any case
    assert {i["id"] for i in found["items"]} <= {i["id"] for i in pinyin["items"]}

    doc = client.review.documents()[0]
    in_doc = client.get("/api/candidates", params={"doc": doc, "limit": 1000}).json()
    assert 0 < in_doc["total"] < everything["total"]

    page = client.get("/api/candidates", params={"offset": 10, "limit": 5}).json()
    assert [i["id"] for i in page["items"]] == [i["id"] for i in everything["items"][10:15]]


def test_detail_has_contexts_english_slots_neighbours_and_evidence(client, review):
    entry = pick(review, lambda e: e.head.status == "known" and len(e.forms) > 1)
    d = client.get(f"/api/candidates/{entry.id}").json()
    assert [f["text"] for f in d["forms"]] == entry.texts
    assert 3 <= len(d["contexts"]) <= 10
    for c in d["contexts"]:
        assert c["form"] in entry.texts  # the form, marked: the sentence split around it
        assert (c["before"] + c["form"] + c["after"]).count(c["form"]) >= 1
    assert {c["form"] for c in d["contexts"]} == set(entry.texts)  # each form's sentences, in turn
    assert d["evidence"] == entry.head.evidence and "glossary: known" in d["evidence"]
    known = entry.head.match.concept.id
    assert d["neighbours"][0]["id"] == known and d["neighbours"][0]["kind"] in ("exact", "variant")
    assert d["english_proposals"] == []  # the run had no --source
    assert client.get("/api/candidates/no-such-id").status_code == 404


def test_english_proposals_with_the_originals(tmp_path):
    """Mined with the English originals (--source), the detail carries the English proposals,
    their evidence and an aligned sentence pair; the list shows the best one."""
    from termkit.review import Review

    en = (UNPC / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    zh = (UNPC / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    for side, lines in (("en", en), ("zh", zh)):
        (tmp_path / side).mkdir()
        (tmp_path / side / "report.txt").write_text("\n\n".join(lines[:300]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run("run", tmp_path / "zh", "--source", tmp_path / "en", "-o", out, "--top", "30", "--fail-on", "never")
    assert r.exit_code == 0, r.output
    with_english = [row for row in candidates_csv(out) if row["english"]]
    assert with_english
    with Review.open(out) as review:
        row = with_english[0]
        entry = next(e for e in review.entries if row["text"] in e.texts)
        d = review.detail(entry.id)
        proposal = next(p for p in d["english_proposals"] if p["form"] == row["text"])
        assert proposal["en"] == row["english"] and proposal["evidence"] == row["english_evidence"].split("; ")
        assert proposal["example"]["en"] and proposal["example"]["zh"]
        if entry.head.text == row["text"]:
            assert review.summary(entry)["english"] == row["english"]


# --- decisions ----------------------------------------------------------------------------------


def post(client, body, headers=HEADERS):
    return client.post("/api/decisions", json=body, headers=headers)


def test_a_decision_is_saved_at_once_with_who_and_when(client, review, out):
    entry = pick(review, only_new)
    r = post(client, {"candidate": entry.id, "action": "accept", "version": 0, "fields": {"en": "psychotropic"}})
    assert r.status_code == 200, r.text
    saved = r.json()["decision"]
    assert saved["version"] == 1 and saved["who"] == "tester" and saved["at"]
    assert saved["fields"]["zh"] == entry.head.text and saved["fields"]["en"] == "psychotropic"
    assert r.json()["item"]["decision"]["action"] == "accept"
    # in the file already, read by another connection (a crash now loses nothing)
    with sqlite3.connect(out / "review.sqlite") as db:
        assert db.execute("SELECT action, version FROM decisions WHERE candidate = ?", (entry.id,)).fetchone() == (
            "accept",
            1,
        )
    listed = client.get("/api/candidates", params={"decision": "accept"}).json()
    assert [i["id"] for i in listed["items"]] == [entry.id] and listed["counts"]["accept"] == 1


def test_two_tabs_do_not_overwrite_each_other(client, review):
    entry = pick(review, only_new)
    first = post(client, {"candidate": entry.id, "action": "defer", "version": 0})
    assert first.status_code == 200
    second = post(client, {"candidate": entry.id, "action": "reject", "version": 0})  # made on version 0 too
    assert second.status_code == 409
    assert second.json()["current"]["action"] == "defer" and second.json()["current"]["version"] == 1
    assert "changed since" in second.json()["error"]
    assert client.get(f"/api/candidates/{entry.id}").json()["decision"]["action"] == "defer"


def test_undo_puts_back_the_previous_value_and_the_audit_keeps_everything(client, review):
    entry = pick(review, only_new)
    assert post(client, {"candidate": entry.id, "action": "defer", "version": 0}).status_code == 200
    r = post(client, {"candidate": entry.id, "action": "reject", "version": 1, "fields": {"note": "generic"}})
    assert r.status_code == 200
    undone = post(client, {"candidate": entry.id, "action": "undo", "version": 2})
    assert undone.status_code == 200 and undone.json()["decision"]["action"] == "defer"
    again = post(client, {"candidate": entry.id, "action": "undo", "version": 3})
    assert again.json()["decision"]["action"] == "reject"  # undoing the undo
    history = client.get(f"/api/candidates/{entry.id}").json()["history"]
    assert [(h["version"], h["action"], h["previous_action"]) for h in history] == [
        (4, "reject", "defer"),
        (3, "defer", "reject"),
        (2, "reject", "defer"),
        (1, "defer", ""),
    ]
    cleared = post(client, {"candidate": entry.id, "action": "clear", "version": 4})
    assert cleared.json()["decision"]["action"] == ""


def test_decisions_survive_a_restart(out, review):
    from termkit.review import Review

    entry = pick(review, only_new)
    review.decide(entry.id, "reject", None, 0, "li")
    review.close()
    with Review.open(out) as again:
        d = again.detail(entry.id)["decision"]
        assert (d["action"], d["who"], d["fields"]["forms"]) == ("reject", "li", entry.texts)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"action": "accept", "version": 0}, "candidate is missing"),
        ({"action": "approve", "version": 0}, "unknown action"),
        ({"action": "accept"}, "version is missing"),
        ({"action": "accept", "version": -1}, "version must be"),
        ({"action": "accept", "version": "0"}, "version must be"),
        ({"action": "accept", "version": 0, "fields": []}, "fields must be an object"),
        ({"action": "accept", "version": 0, "fields": {"status": "great"}}, "status must be one of"),
        ({"action": "accept", "version": 0, "fields": {"type": "nickname"}}, "type must be one of"),
        ({"action": "accept", "version": 0, "fields": {"colour": "red"}}, "unknown field(s) for accept: colour"),
        ({"action": "accept", "version": 0, "fields": {"en": 42}}, "en must be a string"),
        ({"action": "accept", "version": 0, "fields": {"zh": "a\nb"}}, "line break"),
        ({"action": "accept", "version": 0, "fields": {"id": "../x"}}, "id: letters"),
        ({"action": "accept", "version": 0, "fields": {"id": "unodc"}}, "already a glossary concept"),
        ({"action": "merge", "version": 0, "fields": {}}, "names the concept"),
        ({"action": "merge", "version": 0, "fields": {"concept": "nope"}}, "no concept 'nope'"),
        ({"action": "merge", "version": 0, "fields": {"concept": "unodc", "as": "x"}}, "as must be one of"),
        ({"action": "reject", "version": 0, "fields": {"forms": []}}, "at least one form"),
        ({"action": "reject", "version": 0, "fields": {"forms": "毒品"}}, "forms must be a list"),
        ({"action": "undo", "version": 0, "fields": {"note": "x"}}, "undo takes no fields"),
        ({"action": "defer", "version": 0, "extra": 1}, "unknown key(s): extra"),
    ],
)
def test_bad_decisions_get_a_clear_400(client, review, body, message):
    entry = pick(review, only_new)
    if "candidate" not in body and message != "candidate is missing":
        body = {"candidate": entry.id, **body}
    r = post(client, body)
    assert r.status_code == 400, r.text
    assert message in r.json()["error"]
    assert client.get(f"/api/candidates/{entry.id}").json()["decision"]["version"] == 0  # nothing saved


def test_accepting_a_form_the_glossary_has_says_merge(client, review):
    entry = pick(review, lambda e: e.head.status == "known")
    r = post(client, {"candidate": entry.id, "action": "accept", "version": 0})
    assert r.status_code == 400 and "already in the glossary" in r.json()["error"]


def test_not_json_and_not_an_object(client):
    r = client.post("/api/decisions", content=b"{bad", headers={**HEADERS, "Content-Type": "application/json"})
    assert r.status_code == 400 and "not JSON" in r.json()["error"]
    r = client.post("/api/decisions", content=b"[1]", headers={**HEADERS, "Content-Type": "application/json"})
    assert r.status_code == 400 and "JSON object" in r.json()["error"]
    r = client.post("/api/decisions", content=b"candidate=x", headers={**HEADERS, "Content-Type": "text/plain"})
    assert r.status_code == 400 and "send JSON" in r.json()["error"]
    assert client.get("/api/candidates", params={"limit": "many"}).status_code == 400
    r = client.get("/api/candidates", params={"status": "new,nw"})
    assert r.status_code == 400 and "status 'nw'" in r.json()["error"]
    assert client.get("/api/candidates", params={"decision": "maybe"}).status_code == 400


# --- security -----------------------------------------------------------------------------------


def test_every_post_needs_the_session_token(client, review):
    entry = pick(review, only_new)
    body = {"candidate": entry.id, "action": "reject", "version": 0}
    assert post(client, body, headers={}).status_code == 403
    assert post(client, body, headers={"X-Termkit-Token": "guess"}).status_code == 403
    assert client.post("/api/export", json={"file": "x.csv"}).status_code == 403
    assert client.get(f"/api/candidates/{entry.id}").json()["decision"]["version"] == 0
    page = client.get("/")
    assert f'<meta name="termkit-token" content="{TOKEN}">' in page.text  # the page has it, other sites cannot


def test_other_origins_and_hosts_are_refused(client, review):
    entry = pick(review, only_new)
    body = {"candidate": entry.id, "action": "reject", "version": 0}
    r = post(client, body, headers={**HEADERS, "Origin": "http://evil.example"})
    assert r.status_code == 403 and "cross-origin" in r.json()["error"]
    assert post(client, body, headers={**HEADERS, "Origin": "http://127.0.0.1:8765"}).status_code == 200
    rebound = client.get("/api/candidates", headers={"Host": "evil.example:8765"})  # DNS rebinding
    assert rebound.status_code == 403


HOSTILE = "</script><img src=x onerror=alert(1)>"


def hostile_run(tmp_path):
    """A run whose document name, folder and sentences hold HTML (the forms cannot: the miner
    never cuts a term across punctuation)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = f"联合国毒品和犯罪问题办公室负责{HOSTILE}此事。联合国毒品和犯罪问题办公室又负责{HOSTILE}此事。\n"
    (corpus / f"病毒{HOSTILE.replace('/', '')}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out<b>"
    r = run("run", corpus, "-o", out, "--fail-on", "never")
    assert r.exit_code == 0, r.output
    return out


def test_the_page_escapes_everything_and_loads_nothing_from_elsewhere(tmp_path):
    from termkit.review import Review
    from termkit.review.server import create_app

    out = hostile_run(tmp_path)
    with Review.open(out) as review, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        client = TestClient(create_app(review, token=TOKEN), base_url="http://127.0.0.1:8765")
        assert any("<img" in d for d in review.documents())
        page = client.get("/")
        api = client.get("/api/candidates", params={"status": "unknown"}).json()
        detail = client.get(f"/api/candidates/{review.entries[0].id}").json()
    assert any("<img" in c["after"] for c in detail["contexts"])  # JSON: the page sets it as text
    html = page.text
    assert "<img" not in html and "<b>" not in html
    assert html.count("</script>") == 2  # the script tag's and the JSON block's own
    assert "&lt;img src=x" in html  # the document's name in the filter, escaped
    boot = json.loads(html.split('id="boot">')[1].split("</script>")[0])
    assert boot["first"]["items"] == api["items"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "http:" not in html and "https:" not in html  # no CDN: nothing from elsewhere


# --- the result: export, stop list, and the next run --------------------------------------------


def test_export_and_the_loop_back_into_run_and_mine(client, review, out, tmp_path):
    from termkit.glossary import load_glossary
    from termkit.mine import mine

    accepted = pick(review, only_new)
    merged = pick(review, lambda e: e is not accepted and only_new(e))
    rejected = pick(review, lambda e: e not in (accepted, merged) and only_new(e))
    fields = {"en": "the accepted term", "subject": "drug control", "note": "from review"}
    assert (
        post(client, {"candidate": accepted.id, "action": "accept", "version": 0, "fields": fields}).status_code == 200
    )
    body = {"candidate": merged.id, "action": "merge", "version": 0, "fields": {"concept": "unodc", "as": "variant"}}
    assert post(client, body).status_code == 200
    assert post(client, {"candidate": rejected.id, "action": "reject", "version": 0}).status_code == 200

    r = client.post("/api/export", json={"file": "curated.csv", "stop_list": "rejected.txt"}, headers=HEADERS)
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["accepted"], result["merged"], result["rejected"]) == (1, 1, 1)
    assert client.post("/api/export", json={"file": "../x.csv"}, headers=HEADERS).status_code == 400
    assert client.post("/api/export", json={"file": "x.txt"}, headers=HEADERS).status_code == 400

    curated = load_glossary([out / "curated.csv"], report=False)
    old = load_glossary([GLOSSARY], report=False)
    assert len(curated.concepts) == len(old.concepts) + 1
    new = curated.get(f"review-{accepted.id}")
    assert {(t.lang, t.text, t.status) for t in new.terms} == {
        ("zh", accepted.head.text, "preferred"),
        ("en", "the accepted term", "preferred"),
    }
    assert new.subject == "drug control"
    unodc = curated.get("unodc")
    assert (merged.head.text, "admitted", "variant") in {(t.text, t.status, t.type) for t in unodc.terms}
    stop = (out / "rejected.txt").read_text(encoding="utf-8")
    assert rejected.head.text in stop.splitlines()

    # termkit mine with the export and the stop list: the accepted and merged forms known, the rejected gone
    found = {c.text: c for c in mine([SEEDS], curated, top=0, ignore=[rejected.head.text]).candidates}
    assert found[accepted.head.text].status == "known"
    # merged as a variant: the glossary knows it as a variant form of the concept
    assert found[merged.head.text].status == "variant" and found[merged.head.text].match.concept.id == "unodc"
    assert rejected.head.text not in found
    m = run(
        "mine",
        SEEDS,
        "-g",
        out / "curated.csv",
        "--ignore",
        out / "rejected.txt",
        "--top",
        "0",
        "-o",
        tmp_path / "m.jsonl",
    )
    assert m.exit_code == 0, m.output
    mined = {json.loads(line)["text"]: json.loads(line) for line in (tmp_path / "m.jsonl").open(encoding="utf-8")}
    assert mined[accepted.head.text]["status"] == "known" and rejected.head.text not in mined

    # termkit run into the same folder reads the review's rejections itself
    r = run("run", SEEDS, "-g", GLOSSARY, "-o", out, "--fail-on", "never")
    assert r.exit_code == 0, r.output
    texts = {row["text"] for row in candidates_csv(out)}
    assert rejected.head.text not in texts and accepted.head.text in texts
    # and with the curated glossary (another glossary: --force), the accepted form is known
    r = run("run", SEEDS, "-g", out / "curated.csv", "-o", out, "--fail-on", "never", "--force")
    assert r.exit_code == 0, r.output
    status = {row["text"]: row["status"] for row in candidates_csv(out)}
    assert status[accepted.head.text] == "known" and rejected.head.text not in status


@pytest.mark.parametrize("name", ["curated.tbx", "curated.xlsx"])
def test_export_tbx_and_xlsx_are_importable(review, out, name):
    from termkit.glossary import load_glossary

    entry = pick(review, only_new)
    review.decide(entry.id, "accept", {"en": "an English term"}, 0, "li")
    result = review.export(out / name)
    assert result.glossary.concepts == len(load_glossary([GLOSSARY], report=False).concepts) + 1
    back = load_glossary([out / name], report=False)
    assert any(t.text == entry.head.text for c in back.concepts for t in c.terms)


def test_cli_export_and_errors(out, review, tmp_path):
    entry = pick(review, only_new)
    review.decide(entry.id, "reject", None, 0, "li")
    review.close()
    r = run("review", out, "--export", tmp_path / "g.csv", "--stop-list", tmp_path / "stop.txt")
    assert r.exit_code == 0, r.output
    assert "0 accepted, 0 merged, 1 rejected" in r.output
    assert entry.head.text in (tmp_path / "stop.txt").read_text(encoding="utf-8")
    assert (tmp_path / "g.csv").read_text(encoding="utf-8-sig").startswith("concept_id,lang,term")
    r = run("review", tmp_path / "nowhere")
    assert r.exit_code == 2 and r.output.startswith("termkit: error:") and "Traceback" not in r.output
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run("review", empty, "--export", tmp_path / "x.csv")
    assert r.exit_code == 2 and "candidates.csv" in r.output
    r = run("review", out, "-o", tmp_path / "x.pdf")
    assert r.exit_code == 2 and not (tmp_path / "x.pdf").exists()
    assert not list(tmp_path.glob(".x.*"))  # nothing half-written


def test_stop_list_round_trip(tmp_path):
    from termkit.formats.candidates import read_ignore_forms
    from termkit.review.export import write_stop_list

    path = tmp_path / "stop.txt"
    write_stop_list(path, {"前体": "前体", "前体化学品": "前体"}, "seeds")
    assert read_ignore_forms(path) == {"前体", "前体化学品"}
    assert io.StringIO(path.read_text(encoding="utf-8")).readline().startswith("#")


def test_concepts_to_merge_into(client, review):
    found = client.get("/api/concepts", params={"q": "毒品和犯罪问题办公室"}).json()["items"]
    assert found[0]["id"] == "unodc" and found[0]["kind"] in ("exact", "variant")
    english = client.get("/api/concepts", params={"q": "Commission on Narcotic Drugs"}).json()["items"]
    assert english[0]["id"] == "cnd"
    entry = pick(review, only_new)
    fields = {"en": "an accepted concept", "id": "my-concept"}
    assert post(client, {"candidate": entry.id, "action": "accept", "version": 0, "fields": fields}).status_code == 200
    mine = client.get("/api/concepts", params={"q": entry.head.text}).json()["items"]
    assert {"id": "my-concept", "origin": "review"}.items() <= mine[-1].items()
    other = pick(review, lambda e: e is not entry and only_new(e))
    body = {"candidate": other.id, "action": "merge", "version": 0, "fields": {"concept": "my-concept"}}
    assert post(client, body).status_code == 200  # a concept accepted in this review is a merge target


def test_the_command_serves_on_localhost_and_prints_the_url(out):
    import os
    import subprocess
    import sys
    import urllib.request

    from conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "termkit", "review", str(out), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    fetch = urllib.request.build_opener(urllib.request.ProxyHandler({})).open  # no proxy for 127.0.0.1
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        page = fetch(url, timeout=30).read().decode("utf-8")
        assert "termkit review" in page and 'name="termkit-token"' in page
        listed = json.loads(fetch(url + "api/candidates?limit=1", timeout=30).read())
        assert listed["total"] > 0
    finally:
        proc.terminate()
        proc.wait(30)


def test_without_the_web_stack_the_command_says_how_to_install_it(out, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed
    r = run("review", out, "--no-browser")
    assert r.exit_code == 2
    assert "pip install starlette uvicorn" in r.output and "uvicorn" in r.output
