"""report.html: one self-contained page (no external files, works offline).

A summary by check and severity, then each finding with its forms, counts per document and
keyword-in-context snippets of the original text with the form highlighted. Filters by check,
severity and document run in a few lines of inline script; without script everything shows.
Everything that comes from input is escaped.
"""

from __future__ import annotations

from html import escape

from .._version import __version__
from ..check.findings import CHECK_ORDER
from ..model import Finding, Location
from .json import form_list

KWIC_CHARS = 60
MAX_SNIPPETS = 12

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.15em;margin:0}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.n{text-align:right}
.finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.6em 1em;margin:1em 0}
.finding.error{border-left-color:#c0392b}.finding.warning{border-left-color:#e67e22}.finding.info{border-left-color:#2980b9}
.sev{font-weight:bold;text-transform:uppercase;font-size:.8em;padding:.1em .4em;border-radius:3px;color:#fff}
.sev.error{background:#c0392b}.sev.warning{background:#e67e22}.sev.info{background:#2980b9}
.id{color:#888;font-family:monospace;font-size:.85em}.fix{color:#1e7e34}
.kwic{font-size:.95em;margin:.2em 0}.kwic .doc{color:#666;font-family:monospace;font-size:.85em}
mark{background:#ffe08a;padding:0 .1em}.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8em}
.evidence{color:#555;font-size:.9em}#filters label{margin-right:1em}#filters fieldset{border:1px solid #ddd;margin:.4em 0}
.hidden{display:none}
"""

_SCRIPT = """
(function(){
  function sel(name){return Array.from(document.querySelectorAll('input[name="'+name+'"]:checked')).map(function(i){return i.value});}
  function apply(){
    var checks=sel('check'),sevs=sel('severity'),docs=sel('doc');
    document.querySelectorAll('.finding').forEach(function(f){
      var fd=(f.getAttribute('data-docs')||'').split(' ');
      var ok=checks.indexOf(f.getAttribute('data-check'))>=0&&sevs.indexOf(f.getAttribute('data-severity'))>=0&&fd.some(function(d){return docs.indexOf(d)>=0});
      f.classList.toggle('hidden',!ok);
    });
  }
  document.querySelectorAll('#filters input').forEach(function(i){i.addEventListener('change',apply)});
})();
"""


def _kwic(loc: Location) -> str:
    """The sentence around a location, the form highlighted, cut to KWIC_CHARS on each side."""
    sentence = loc.sentence
    a = loc.start - loc.sentence_start
    b = loc.end - loc.sentence_start
    if not (0 <= a < b <= len(sentence)):  # no span (a whole segment): nothing to highlight
        return escape(" ".join(sentence.split()))
    left = sentence[max(0, a - KWIC_CHARS) : a]
    right = sentence[b : b + KWIC_CHARS]
    left = ("…" if a > KWIC_CHARS else "") + left
    right = right + ("…" if b + KWIC_CHARS < len(sentence) else "")
    flat = lambda s: " ".join(s.split()) if "\n" in s else s  # noqa: E731
    return f"{escape(flat(left))}<mark>{escape(flat(sentence[a:b]))}</mark>{escape(flat(right))}"


def _forms_table(f: Finding, documents: list[str]) -> str:
    forms = form_list(f.forms)
    if not forms:
        return ""
    docs = [d for d in documents if any(d in x["per_doc"] for x in forms)]
    head = "".join(f"<th>{escape(d)}</th>" for d in docs)
    rows = []
    for x in forms:
        mark = " ✓" if f.preferred and x["form"] == f.preferred else ""
        cells = "".join(f'<td class="n">{x["per_doc"].get(d, "")}</td>' for d in docs)
        rows.append(f'<tr><td>{escape(x["form"])}{mark}</td><td class="n">{x["total"]}</td>{cells}</tr>')
    return f"<table><tr><th>form</th><th>total</th>{head}</tr>{''.join(rows)}</table>"


def _snippets(f: Finding) -> str:
    out = []
    for loc in f.locations[:MAX_SNIPPETS]:
        where = escape(f"{loc.doc_id}:{loc.start}")
        if loc.side:
            out.append(
                f'<div class="kwic pair"><div><span class="doc">{where} {escape(loc.side)}</span><br>{_kwic(loc)}</div>'
                f'<div><span class="doc">{escape(loc.segment_id)}</span><br>{escape(loc.other)}</div></div>'
            )
        else:
            out.append(f'<div class="kwic"><span class="doc">{where}</span> {_kwic(loc)}</div>')
    more = len(f.locations) - MAX_SNIPPETS
    if more > 0:
        out.append(f'<div class="kwic">… {more} more places (see report.json)</div>')
    return "".join(out)


def _finding(f: Finding, documents: list[str]) -> str:
    docs = sorted({d for per in f.forms.values() for d in per} | {loc.doc_id for loc in f.locations})
    parts = [
        f'<section class="finding {escape(f.severity)}" data-check="{escape(f.check)}" '
        f'data-severity="{escape(f.severity)}" data-docs="{escape(" ".join(docs))}">',
        f'<h2><span class="sev {escape(f.severity)}">{escape(f.severity)}</span> {escape(f.check)} '
        f'<span class="id">{escape(f.id)}</span></h2>',
        f"<p>{escape(f.message)}</p>",
    ]
    if f.suggestion:
        parts.append(f'<p class="fix">Fix: {escape(f.suggestion)}</p>')
    parts.append(_forms_table(f, documents))
    parts.append(_snippets(f))
    if f.evidence:
        ev = "; ".join(f.evidence)
        parts.append(f'<p class="evidence">Evidence (confidence {f.confidence:.2f}): {escape(ev)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _summary(result) -> str:
    counts = result.counts()
    checks = sorted(counts, key=lambda c: CHECK_ORDER.index(c) if c in CHECK_ORDER else 99)
    rows = []
    for c in checks:
        by = counts[c]
        rows.append(
            f"<tr><td>{escape(c)}</td>"
            + "".join(f'<td class="n">{by.get(s, 0)}</td>' for s in ("error", "warning", "info"))
            + f'<td class="n">{sum(by.values())}</td></tr>'
        )
    total = {s: sum(by.get(s, 0) for by in counts.values()) for s in ("error", "warning", "info")}
    rows.append(
        "<tr><th>all</th>"
        + "".join(f'<th class="n">{total[s]}</th>' for s in total)
        + f'<th class="n">{len(result.findings)}</th></tr>'
    )
    return (
        "<table><tr><th>check</th><th>error</th><th>warning</th><th>info</th><th>total</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _filters(result) -> str:
    def boxes(name, values):
        return "".join(
            f'<label><input type="checkbox" name="{name}" value="{escape(v)}" checked> {escape(v)}</label>'
            for v in values
        )

    checks = sorted(result.counts(), key=lambda c: CHECK_ORDER.index(c) if c in CHECK_ORDER else 99)
    return (
        '<form id="filters">'
        f"<fieldset><legend>Check</legend>{boxes('check', checks)}</fieldset>"
        f"<fieldset><legend>Severity</legend>{boxes('severity', ['error', 'warning', 'info'])}</fieldset>"
        f"<fieldset><legend>Document</legend>{boxes('doc', result.documents)}</fieldset>"
        "</form>"
    )


def render_html(result, title: str = "termkit consistency report") -> str:

    glossary = ", ".join(result.glossary) or "none"
    body = "\n".join(_finding(f, result.documents) for f in result.findings) or "<p>No findings.</p>"
    ignored = f"; {result.ignored} accepted findings hidden by the ignore file" if result.ignored else ""
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1 lang="en">{escape(title)}</h1>
<p lang="en">{len(result.documents)} documents: {escape(", ".join(result.documents))}. Glossary: {escape(glossary)}.
{len(result.findings)} findings{escape(ignored)}. Generated by termkit {escape(__version__)}.</p>
<h2 lang="en">Summary</h2>
{_summary(result)}
{_filters(result)}
<main id="findings">
{body}
</main>
<script>{_SCRIPT}</script>
</body>
</html>
"""
