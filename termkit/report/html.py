"""report.html: one self-contained page of report cards (no external files, works offline).

A header (documents and their dates, glossary, cards by severity, findings, cards hidden by the
ignore file), a search box and filters by severity, check and document, then one card per
:class:`~termkit.model.Card`, most urgent first: the form to write and the English term, the
problem and the fix, every form with its glossary status and counts per document, the places with
the form highlighted in its sentence (source and target side by side for bilingual input), the
evidence and the finding ids. An Ignore button per card hides it and collects its finding ids for
a downloadable ignore file.

Without script every card shows (the search, filters and ignore buttons are hidden). Everything
that comes from input is escaped; the data the script reads is JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, so no input closes it.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape as _html_escape
from pathlib import PurePath

from .._version import __version__
from ..errors import mark_bidi
from ..model import SEVERITIES, Card, CardForm, Location
from .html_assets import CSS, SCRIPT
from .json import where


def escape(text: str, quote: bool = True) -> str:
    """HTML-escaped, bidirectional controls from input shown as ``\\u202e`` (Trojan Source)."""
    return _html_escape(mark_bidi(text), quote)


MAX_PLACES = 8  # places shown on a card; the rest behind "show all N"
SENTENCE_CHARS = 110  # of a long sentence, at most this many characters each side of the form
ALL_DOCUMENT_COLUMNS = 8  # up to this many documents, every card's forms table has a column for each

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_BREAK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])")
_BREAK = re.compile(r"\s*\n\s*")


def _zh(text: str) -> str:
    """A lang attribute for text with Chinese characters, so the CJK font is the simplified one."""
    return ' lang="zh-Hans"' if _HAN.search(text) else ""


def _flat(text: str) -> str:
    """Line breaks inside a sentence (PDF layout, wrapped paragraphs) shown as nothing or a space."""
    return _BREAK.sub(" ", _CJK_BREAK.sub("", text))


def _sentence(text: str, start: int = -1, end: int = -1) -> str:
    """The sentence escaped, ``text[start:end]`` in ``<mark>``, a long one cut around the mark."""
    if not (0 <= start < end <= len(text)):
        return escape(_flat(text).strip())
    left, form, right = text[:start], text[start:end], text[end:]
    if len(left) > SENTENCE_CHARS:
        left = "…" + left[-SENTENCE_CHARS:]
    if len(right) > SENTENCE_CHARS:
        right = right[:SENTENCE_CHARS] + "…"
    return f"{escape(_flat(left))}<mark>{escape(_flat(form))}</mark>{escape(_flat(right))}"


def _doc_name(result, doc_id: str) -> str:
    path = result.paths.get(doc_id, "")
    return PurePath(path).name if path else doc_id


def _words(term_type: str) -> str:
    """TBX termType in words: fullForm → full form."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", term_type).lower()


def _breakable(name: str) -> str:
    """A document id escaped, with break opportunities after ``_``, ``-`` and ``.`` (narrow columns)."""
    return re.sub(r"(?<=[_.-])", "<wbr>", escape(name))


def _card_docs(card: Card) -> list[str]:
    docs = {d for f in card.forms for d in f.counts} | {loc.doc_id for loc in card.locations}
    return sorted(docs)


def _status(form: CardForm) -> str:
    word = escape(form.status) if form.status else "—"
    cls = f" status-{escape(form.status)}" if form.status in ("deprecated", "superseded") else ""
    tick = ' <span title="the form to write">✓</span>' if form.fix else ""
    return f'<td class="status{cls}">{word}{tick}</td>'


def _forms_table(card: Card, result) -> str:
    if not card.forms:
        return ""
    docs = list(result.documents)
    if len(docs) > ALL_DOCUMENT_COLUMNS:
        used = {d for f in card.forms for d in f.counts}
        docs = [d for d in docs if d in used]
    dates = result.dates
    head = "".join(
        f'<th class="doc" title="{escape(_doc_name(result, d))} {escape(dates.get(d, ""))}">{_breakable(d)}</th>'
        for d in docs
    )
    width = 4 + len(docs)
    groups = []
    for f in card.forms:
        note = escape(f.note)
        if f.valid:
            note += (" · " if note else "") + f"<i>valid {escape(f.valid)}</i>"
        counts = "".join(f'<td class="n">{f.counts.get(d, 0) or ""}</td>' for d in docs)
        # one <tbody> per form: its row, and the glossary's note under it across the table
        note_row = f'<tr class="note"><td colspan="{width}">{note}</td></tr>' if note else ""
        groups.append(
            f'<tbody class="form{" fixform" if f.fix else ""}"><tr><td class="form"{_zh(f.form)}>{escape(f.form)}</td>'
            f'{_status(f)}<td class="type">{escape(_words(f.type)) if f.type else "—"}</td>'
            f'<td class="n">{f.total}</td>{counts}</tr>{note_row}</tbody>'
        )
    return (
        '<div class="scroll"><table class="forms"><thead><tr><th>form</th><th>status</th><th>type</th>'
        f"<th>total</th>{head}</tr></thead>{''.join(groups)}</table></div>"
    )


def _place(loc: Location) -> str:
    marked = _sentence(loc.sentence, loc.start - loc.sentence_start, loc.end - loc.sentence_start)
    where_ = f'<span class="where">{escape(where(loc))}</span>'
    if not loc.side:
        return f'<li class="place">{where_}<span{_zh(loc.sentence)}>{marked}</span></li>'
    other = f"<span{_zh(loc.other)}>{_sentence(loc.other)}</span>"
    here = f"<span{_zh(loc.sentence)}>{marked}</span>"
    source, target = (here, other) if loc.side == "source" else (other, here)
    return (
        f'<li class="place">{where_}<div class="pair">'
        f'<div class="source"><span class="side">source</span>{source}</div>'
        f'<div class="target"><span class="side">target</span>{target}</div></div></li>'
    )


def _places(card: Card) -> str:
    if not card.locations:
        return ""
    first = "".join(_place(loc) for loc in card.locations[:MAX_PLACES])
    out = f'<h3>Places</h3><ol class="places">{first}</ol>'
    rest = card.locations[MAX_PLACES:]
    if rest:
        more = "".join(_place(loc) for loc in rest)
        out += (
            f'<details class="more"><summary>show all {len(card.locations)} places</summary>'
            f'<ol class="places" start="{MAX_PLACES + 1}">{more}</ol></details>'
        )
    return out


def _card(n: int, card: Card, result) -> str:
    sev = escape(card.severity)
    english = f' <span class="english" lang="en">{escape(card.english)}</span>' if card.english else ""
    meta = []
    if card.concept:
        meta.append(f"concept <code>{escape(card.concept)}</code>")
    if card.places:
        meta.append(f"{card.places} place{'s' if card.places != 1 else ''} to change")
    if card.checks:
        meta.append("checks: " + ", ".join(escape(c) for c in card.checks))
    parts = [
        f'<article class="card {sev}" id="card-{n}" data-card="{escape(card.id)}" data-severity="{sev}">',
        '<div class="card-head">',
        f'<span class="num">{n}.</span><span class="sev {sev}">{sev}</span>',
        f'<h2><span class="title"{_zh(card.title)}>{escape(card.title)}</span>{english}</h2>',
        f'<button type="button" class="ignore needs-js" aria-label="Ignore card {n}" title="hide this card and add '
        'its finding ids to the ignore file you download">Ignore</button>',
        "</div>",
        f'<p class="meta">{" · ".join(meta)}</p>' if meta else "",
        f'<p class="definition" lang="en">{escape(card.definition)}</p>' if card.definition else "",
        f'<p class="problem"><strong>Problem:</strong> {escape(card.problem)}</p>',
        f'<p class="fix"><strong>Fix:</strong> {escape(card.fix)}</p>' if card.fix else "",
        _forms_table(card, result),
        _places(card),
    ]
    if card.evidence:
        items = "".join(f"<li>{escape(e)}</li>" for e in card.evidence)
        parts.append(f'<h3>Evidence</h3><ul class="evidence">{items}</ul>')
    ids = " ".join(f"<code>{escape(i)}</code>" for i in card.findings)
    parts.append(f'<p class="ids">finding ids: {ids}</p>')
    parts.append("</article>")
    return "\n".join(p for p in parts if p)


def _island(result) -> str:
    """The data the script reads, as JSON that no input can break out of."""
    data = {
        "key": _report_key(result),
        "ignored_cards": result.ignored_cards,
        "ignore_file_ids": result.ignored_ids,
        "cards": [
            {
                "id": c.id,
                "severity": c.severity,
                "title": c.title,
                "concept": c.concept,
                "english": c.english,
                "checks": c.checks,
                "docs": _card_docs(c),
                "docnames": [_doc_name(result, d) for d in _card_docs(c)],
                "forms": [f.form for f in c.forms],
                "findings": c.findings,
            }
            for c in result.cards
        ],
    }
    text = json.dumps(_marked(data), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _marked(value):
    """Every string of the page's data with its bidirectional controls shown (:func:`escape`)."""
    if isinstance(value, str):
        return mark_bidi(value)
    if isinstance(value, dict):
        return {k: _marked(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_marked(v) for v in value]
    return value


def _report_key(result) -> str:
    """Names one report across runs (the same documents and glossaries): where the page keeps the
    cards ignored in it."""
    raw = json.dumps([list(result.documents), list(result.glossary)], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _filters(result) -> str:
    def boxes(name: str, values: list[tuple[str, str, int]]) -> str:
        return "".join(
            f'<label><input type="checkbox" name="{name}" value="{escape(v)}" checked> {escape(label)}'
            f' <span class="n">{n}</span></label>'
            for v, label, n in values
        )

    by_sev = result.card_counts()
    sevs = [(s, s, by_sev.get(s, 0)) for s in SEVERITIES]
    checks: dict[str, int] = {}
    docs: dict[str, int] = {}
    for c in result.cards:
        for name in c.checks:
            checks[name] = checks.get(name, 0) + 1
        for d in _card_docs(c):
            docs[d] = docs.get(d, 0) + 1
    docs_ = [(d, _doc_name(result, d), docs.get(d, 0)) for d in result.documents]
    docs_ += [(d, d, n) for d, n in sorted(docs.items()) if d not in result.documents]
    return (
        '<details id="filters" class="needs-js" open><summary>Filters</summary>'
        f"<fieldset><legend>Severity</legend>{boxes('severity', sevs)}</fieldset>"
        f"<fieldset><legend>Check</legend>{boxes('check', [(c, c, n) for c, n in checks.items()])}</fieldset>"
        f"<fieldset><legend>Document</legend>{boxes('doc', docs_)}</fieldset>"
        "</details>"
    )


def _header(result, title: str) -> str:
    dates = result.dates
    scripts = getattr(result, "scripts", {})
    docs = "".join(
        f'<li><span class="docname">{escape(_doc_name(result, d))}</span>'
        + (f' <span class="date">{escape(dates[d])}</span>' if dates.get(d) else "")
        + (f' <span class="script">checked as {escape(scripts[d])}</span>' if scripts.get(d) else "")
        + "</li>"
        for d in result.documents
    )
    glossary = escape(", ".join(result.glossary)) if result.glossary else '<span class="muted">none</span>'
    by = result.card_counts()
    badges = " ".join(f'<span class="sev {s}">{by[s]} {s}</span>' for s in SEVERITIES if by.get(s))
    n = len(result.cards)
    return (
        f"<h1>{escape(title)}</h1>"
        f'<dl class="facts"><dt>Documents</dt><dd><ul class="docs">{docs}</ul></dd>'
        f"<dt>Glossary</dt><dd>{glossary}</dd></dl>"
        f'<p class="summary" id="summary">{badges} <strong>{n}</strong> card{"s" if n != 1 else ""} from '
        f"<strong>{len(result.findings)}</strong> finding{'s' if len(result.findings) != 1 else ''}; "
        f'<strong id="ignored-count">{result.ignored_cards}</strong> ignored '
        f'<span class="muted">({result.ignored_cards} hidden by the ignore file)</span></p>'
    )


def render_html(result, title: str = "termkit consistency report") -> str:
    """The report page of a :class:`~termkit.check.CheckResult`."""
    cards = "\n".join(_card(n, c, result) for n, c in enumerate(result.cards, 1))
    n = len(result.cards)
    return f"""<!DOCTYPE html>
<html lang="en" class="nojs">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="termkit {escape(__version__)}">
<title>{escape(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
{_header(result, title)}
</header>
<noscript><p class="muted">Search, filters and the Ignore buttons need JavaScript; every card is shown.</p></noscript>
<div id="toolbar" class="needs-js">
<input type="search" id="search" placeholder="Search a form, concept, English term or document" aria-label="Search cards" autocomplete="off">
<span id="shown"><strong id="shown-count">{n}</strong> of {n} cards shown</span>
<button type="button" id="download" disabled title="a text file of the finding ids of the cards ignored in this page">Download .termkit-ignore</button>
</div>
{_filters(result)}
<section id="ignored" class="needs-js hidden"><strong>Ignored in this page</strong> <span class="muted">— to keep them out of the next run, download the ignore file and put it in the folder you run termkit from as <code>.termkit-ignore</code> (browsers drop the leading dot: rename <code>termkit-ignore</code>), or pass it with <code>--ignore FILE</code>.</span><ul id="ignored-list"></ul></section>
<main id="cards">
{cards or "<p>No findings: nothing to change.</p>"}
<p id="none" class="hidden">No card matches the search and filters.</p>
</main>
<footer class="muted meta">Generated by termkit {escape(__version__)}.</footer>
<script type="application/json" id="termkit-data">{_island(result)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
