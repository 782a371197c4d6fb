"""The inline stylesheet and script of report.html (see :mod:`termkit.report.html`).

The script reads the cards from the page's JSON island (``#termkit-data``): the search (forms,
concept id, English term, document names, finding ids; every word must match, in any case), the
filters (severity, check, document), the Ignore buttons (a card's finding ids kept in
``localStorage`` under the report's key, so a reload keeps them; undo in the "Ignored in this
page" list) and the download of those ids as an ignore file. It removes the ``nojs`` class
first: without script the tools are hidden and every card shows.
"""

CSS = """
:root{--error:#b3261e;--warning:#b45309;--info:#1d5fa8;--line:#d9d9de;--muted:#5f6368;--bg:#f6f7f9}
*{box-sizing:border-box}
html{scroll-padding-top:4.5em}
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.2em 3em;color:#1f1f1f;line-height:1.5;background:#fff}
h1{font-size:1.45em;margin:.2em 0 .4em}
h2{font-size:1.15em;margin:0;line-height:1.35}
h3{font-size:.8em;margin:.9em 0 .3em;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Noto Sans Mono",monospace}
.muted{color:var(--muted)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.4em 0}
.facts dt{font-weight:600}.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.docs{list-style:none;margin:0;padding:0}.docs li{display:inline-block;margin-right:1.2em}
.date,.script{color:var(--muted);font-size:.9em}
.summary{margin:.5em 0}.summary .sev{margin-right:.2em}
.sev{display:inline-block;font-weight:700;text-transform:uppercase;font-size:.72em;letter-spacing:.03em;padding:.15em .5em;border-radius:3px;color:#fff;vertical-align:.15em;white-space:nowrap}
.sev.error{background:var(--error)}.sev.warning{background:var(--warning)}.sev.info{background:var(--info)}
#toolbar{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:.5em 0;display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center}
#search{flex:1 1 18em;min-width:0;font:inherit;padding:.35em .6em;border:1px solid #aaa;border-radius:4px}
#shown{white-space:nowrap}
button{font:inherit;font-size:.9em;padding:.25em .8em;border:1px solid #999;border-radius:4px;background:#f3f3f3;cursor:pointer}
button:hover:not(:disabled){background:#e6e6e6}button:disabled{cursor:default;opacity:.5}
#filters{margin:.6em 0;border:1px solid var(--line);border-radius:4px;padding:.3em .8em}
#filters summary{cursor:pointer;font-weight:600}
#filters fieldset{border:0;margin:.2em 0;padding:0;display:flex;flex-wrap:wrap;gap:.1em 1.1em;min-width:0}
#filters legend{font-weight:600;float:left;margin-right:1em;padding:0;width:6em}
#filters label{white-space:nowrap;overflow-wrap:anywhere}#filters .n{color:var(--muted);font-size:.85em}
#ignored{margin:.6em 0;padding:.4em .8em;background:var(--bg);border-radius:4px}
#ignored ul{margin:.2em 0;padding-left:1.2em}#ignored li{overflow-wrap:anywhere}
.link{border:0;background:none;color:var(--info);text-decoration:underline;padding:0 .3em;font-size:.85em}
.card{border:1px solid var(--line);border-left:6px solid #999;border-radius:6px;padding:.8em 1.1em;margin:1.1em 0;min-width:0;overflow-wrap:anywhere}
.card.error{border-left-color:var(--error)}.card.warning{border-left-color:var(--warning)}.card.info{border-left-color:var(--info)}
.card-head{display:flex;gap:.6em;align-items:flex-start}
.card-head h2{flex:1;min-width:0}
.num{color:var(--muted);font-weight:600;white-space:nowrap}
.english{font-weight:400;color:#3c4043;font-size:.9em}
.meta{color:var(--muted);font-size:.88em;margin:.2em 0}
.definition{color:#3c4043;font-size:.9em;margin:.3em 0}
.problem,.fix{margin:.35em 0}.fix{color:#176b2c}
.scroll{overflow-x:auto;max-width:100%;margin:.5em 0}
table{border-collapse:collapse;font-size:.92em}
th,td{border:1px solid var(--line);padding:.25em .55em;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}
th{overflow-wrap:normal;white-space:nowrap}th.doc{font-weight:400;font-size:.8em;white-space:normal}
td.status,td.type{white-space:nowrap;overflow-wrap:normal}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.form{font-weight:600;min-width:7em;max-width:18em}
tbody.form{border-top:2px solid var(--line)}
tr.note td{font-size:.86em;color:#3c4043;border-top:0;padding-top:0}
tr:has(+tr.note) td{border-bottom:0}
tbody.fixform td{background:#eef7ef}
.status-deprecated{color:var(--error);font-weight:600}.status-superseded{color:var(--warning);font-weight:600}
.places{list-style:none;margin:0;padding:0}
.place{margin:.3em 0;padding:.3em 0;border-top:1px dashed #e3e3e3}
.where{display:block;color:var(--muted);font-size:.82em;font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.4em 1em}
.pair>div{min-width:0}.side{color:var(--muted);font-size:.78em;text-transform:uppercase;display:block}
mark{background:#ffe08a;padding:0 .1em;border-radius:2px}
details.more summary{cursor:pointer;color:var(--info);font-size:.9em;margin:.3em 0}
.evidence{margin:.2em 0;padding-left:1.2em;font-size:.88em;color:#3c4043}
.ids{font-size:.78em;color:var(--muted);margin:.6em 0 0;overflow-wrap:anywhere}
.ids code{margin-right:.8em;white-space:nowrap}
.hidden,.nojs .needs-js{display:none!important}
#none{color:var(--muted);font-style:italic}
@media (max-width:600px){
 body{padding:.5em .6em 2em}
 h1{font-size:1.2em}
 .facts{grid-template-columns:1fr}.facts dt{margin-top:.3em}
 .card{padding:.6em .7em;border-left-width:4px}
 .pair{grid-template-columns:1fr}
 #filters legend{float:none;width:auto}
 #toolbar{position:static}
 table{font-size:.85em}th,td{padding:.2em .4em}
 .card-head{flex-wrap:wrap}
}
@media print{#toolbar,#filters,#ignored,.ignore{display:none!important}}
"""

SCRIPT = r"""
(function () {
  "use strict";
  document.documentElement.classList.remove("nojs");
  var data = JSON.parse(document.getElementById("termkit-data").textContent);
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var info = cards.map(function (el, i) { return data.cards[i]; });
  var index = {};
  info.forEach(function (c, i) { index[c.id] = i; });
  var hay = info.map(function (c) {
    return [c.id, c.title, c.concept || "", c.english].concat(c.forms, c.docs, c.docnames, c.findings)
      .join("\n").toLowerCase();
  });
  var search = document.getElementById("search");
  var key = "termkit-ignore:" + data.key;
  // card id -> {title, findings}: cards ignored in this page (kept across reloads when storage works)
  var ignored = {};
  try { ignored = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { ignored = {}; }
  function save() { try { localStorage.setItem(key, JSON.stringify(ignored)); } catch (e) { /* no storage */ } }
  function isIgnored(i) {
    var entry = ignored[info[i].id];
    // a card that gained a finding since it was ignored shows again
    return !!entry && info[i].findings.every(function (id) { return entry.findings.indexOf(id) >= 0; });
  }
  function checked(name) {
    var out = {};
    document.querySelectorAll('#filters input[name="' + name + '"]').forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }
  function any(values, on) {
    return values.length === 0 || values.some(function (v) { return on[v] !== false; });
  }
  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var sev = checked("severity"), chk = checked("check"), doc = checked("doc");
    var shown = 0, mine = 0;
    cards.forEach(function (el, i) {
      var c = info[i], gone = isIgnored(i);
      if (gone) mine++;
      var ok = !gone && sev[c.severity] !== false && any(c.checks, chk) && any(c.docs, doc) &&
        words.every(function (w) { return hay[i].indexOf(w) >= 0; });
      el.classList.toggle("hidden", !ok);
      if (ok) shown++;
    });
    document.getElementById("shown-count").textContent = shown;
    document.getElementById("none").classList.toggle("hidden", shown > 0);
    document.getElementById("ignored-count").textContent = data.ignored_cards + mine;
    var ids = Object.keys(ignored);
    document.getElementById("download").disabled = ids.length === 0;
    var list = document.getElementById("ignored-list");
    list.textContent = "";
    ids.forEach(function (id) {
      var li = document.createElement("li");
      li.appendChild(document.createTextNode(ignored[id].title + " "));
      var note = document.createElement("span");
      note.className = "muted";
      note.textContent = (id in index ? "" : "(not in this report) ") + ignored[id].findings.length + " finding(s)";
      li.appendChild(note);
      var undo = document.createElement("button");
      undo.type = "button";
      undo.className = "link undo";
      undo.textContent = "undo";
      undo.addEventListener("click", function () { delete ignored[id]; save(); apply(); });
      li.appendChild(undo);
      list.appendChild(li);
    });
    document.getElementById("ignored").classList.toggle("hidden", ids.length === 0);
  }
  cards.forEach(function (el, i) {
    var button = el.querySelector("button.ignore");
    if (!button) return;
    button.addEventListener("click", function () {
      ignored[info[i].id] = {title: info[i].title, findings: info[i].findings.slice()};
      save();
      apply();
    });
  });
  function oneLine(s) { return String(s).replace(/[\r\n\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]+/g, " "); }
  document.getElementById("download").addEventListener("click", function () {
    var lines = ["# termkit ignore file: findings accepted in " + oneLine(document.title) + ", " + new Date().toISOString().slice(0, 10),
                 "# one finding id per line; save as .termkit-ignore in the folder you run termkit from, or pass --ignore FILE"];
    if (data.ignore_file_ids.length) {  // what the ignore file of this run already held: the new file replaces it
      lines.push("# already ignored when this report was made");
      data.ignore_file_ids.forEach(function (f) { lines.push(oneLine(f)); });
    }
    Object.keys(ignored).forEach(function (id) {
      lines.push("# " + oneLine(ignored[id].title) + " (" + oneLine(id) + ")");
      ignored[id].findings.forEach(function (f) { lines.push(oneLine(f)); });
    });
    var blob = new Blob([lines.join("\n") + "\n"], {type: "application/octet-stream"});
    var a = document.createElement("a");
    a.href = window.URL.createObjectURL(blob);
    a.download = ".termkit-ignore";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { window.URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });
  search.addEventListener("input", apply);
  document.querySelectorAll("#filters input").forEach(function (box) { box.addEventListener("change", apply); });
  if (window.matchMedia && window.matchMedia("(max-width: 600px)").matches) {
    document.getElementById("filters").open = false;
  }
  apply();
})();
"""
