"""The workbench's one page: a server-rendered shell (filters, list, detail, export) whose list and
detail ``static/review.js`` fills from the JSON API. The first page of candidates travels in the
HTML as JSON, so the first screen needs no second request. Every value from the run is escaped:
in HTML with :func:`html.escape`, in the JSON block with ``<``, ``>`` and ``&`` as ``\\u`` escapes.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from .candidates import STATUSES, UNKNOWN
from .store import ACTIONS

KEYS = (
    ("j / k", "next / previous"),
    ("a", "accept"),
    ("e", "edit"),
    ("m", "merge"),
    ("r", "reject"),
    ("d", "defer"),
    ("u", "undo"),
    ("/", "search"),
    ("Esc", "close"),
)


def _json_block(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _options(values, labels=None, first=("", "all")) -> str:
    out = [f'<option value="{escape(first[0])}">{escape(first[1])}</option>'] if first else []
    for v in values:
        label = (labels or {}).get(v, v)
        out.append(f'<option value="{escape(v)}">{escape(label)}</option>')
    return "".join(out)


def render_page(review, token: str, first: dict, export_name: str = "curated.csv") -> str:
    """The HTML of the page for ``review``, with the session's ``token`` and the ``first`` page of
    the list (as :meth:`termkit.review.Review.list` returns it for the default filter, status
    :data:`~termkit.review.candidates.UNKNOWN`: the candidates with a form the glossary lacks)."""
    run = escape(str(review.out_dir))
    paths = review.glossary.paths if review.glossary is not None else []
    glossary = ", ".join(Path(p).name for p in paths) or "none"
    docs = _options(review.documents(), first=("", "all documents"))
    status = _options((UNKNOWN, *STATUSES), {UNKNOWN: "not all known"}).replace(
        f'value="{UNKNOWN}"', f'value="{UNKNOWN}" selected'
    )
    keys = "".join(f"<li><kbd>{escape(k)}</kbd> {escape(what)}</li>" for k, what in KEYS)
    boot = {"first": first, "export": export_name, "glossary": review.glossary is not None}
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="termkit-token" content="{escape(token)}">
<title>termkit review — {run}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/review.css">
<script src="/static/review.js" defer></script>
</head>
<body>
<header class="top">
  <h1>termkit review</h1>
  <span class="run" title="run folder">{run}</span>
  <span class="glossary" title="{escape(", ".join(paths))}">glossary: {escape(glossary)}</span>
  <span id="counts" class="counts"></span>
</header>
<nav class="filters" aria-label="filters">
  <input id="q" type="search" placeholder="search forms, pinyin, English  ( / )" aria-label="search" autocomplete="off">
  <label>status <select id="status">{status}</select></label>
  <label>min score <input id="min-score" type="number" step="0.5" inputmode="decimal"></label>
  <label>document <select id="doc">{docs}</select></label>
  <label>decision <select id="decision">{_options(("undecided", *ACTIONS))}</select></label>
</nav>
<main>
  <section class="list-pane" aria-label="candidates">
    <p id="total" class="total"></p>
    <ol id="list" class="list"></ol>
    <button id="more" type="button" hidden>more</button>
  </section>
  <section id="detail" class="detail" aria-live="polite">
    <p class="empty">Select a candidate (j / k).</p>
  </section>
</main>
<footer class="bottom">
  <ul class="keys">{keys}</ul>
  <form id="export-form" class="export">
    <label>export <input id="export-file" value="{escape(export_name)}" size="18" aria-label="export file"></label>
    <label>stop list <input id="export-stop" value="rejected.txt" size="14" aria-label="stop list file"></label>
    <button id="export" type="submit">export</button>
    <span id="export-result" class="export-result"></span>
  </form>
</footer>
<div id="toast" class="toast" role="status" hidden></div>
<script type="application/json" id="boot">{_json_block(boot)}</script>
</body>
</html>
"""
