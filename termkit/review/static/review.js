/* termkit review: the workbench page. Builds every text with textContent (never innerHTML),
   talks to the JSON API with the session token, and is driven from the keyboard:
   j/k move, a accept, e edit, m merge, r reject, d defer, u undo, / search, Esc close. */
(function () {
  "use strict";
  var token = document.querySelector('meta[name="termkit-token"]').content;
  var boot = JSON.parse(document.getElementById("boot").textContent);
  var state = { items: [], total: 0, selected: -1, detail: null, form: "", loading: 0 };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "cls") node.className = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function toast(message, kind) {
    var t = $("toast");
    t.textContent = message;
    t.className = "toast " + (kind || "");
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.hidden = true; }, kind === "error" ? 8000 : 2500);
  }

  function api(method, url, body) {
    var options = { method: method, headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-Termkit-Token"] = token;
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    });
  }

  /* ---- the list ---- */

  function filters() {
    var p = new URLSearchParams();
    [["q", "q"], ["status", "status"], ["min_score", "min-score"], ["doc", "doc"], ["decision", "decision"]]
      .forEach(function (f) { var v = $(f[1]).value.trim(); if (v) p.set(f[0], v); });
    return p;
  }

  function load(append) {
    var p = filters();
    p.set("offset", append ? state.items.length : 0);
    p.set("limit", 100);
    var ticket = ++state.loading;
    return api("GET", "/api/candidates?" + p.toString()).then(function (r) {
      if (ticket !== state.loading) return;
      if (r.status !== 200) { toast(r.data.error, "error"); return; }
      show(r.data, append);
    });
  }

  function show(page, append) {
    state.items = append ? state.items.concat(page.items) : page.items;
    state.total = page.total;
    counts(page.counts);
    renderList();
    if (!append) select(state.items.length ? 0 : -1);
  }

  var LABELS = { accept: "accepted", merge: "merged", reject: "rejected", defer: "deferred", undecided: "undecided" };

  function counts(c) {
    $("counts").textContent = Object.keys(LABELS).map(function (k) { return (c[k] || 0) + " " + LABELS[k]; }).join(" · ");
  }

  function badge(text, kind) { return el("span", { cls: "badge " + kind, text: text }); }

  function row(item, i) {
    var d = item.decision || {};
    var li = el("li", { cls: "item" + (i === state.selected ? " selected" : ""), "data-id": item.id,
      "data-action": d.action || "", onclick: function () { select(i); } }, [
      el("span", { cls: "rank", text: String(item.rank) }),
      el("span", { cls: "head", lang: "zh", text: item.head }),
      item.forms.length > 1 ? el("span", { cls: "more-forms", text: "+" + (item.forms.length - 1) }) : null,
      el("span", { cls: "statuses" }, item.statuses.map(function (s) { return badge(s, "st-" + s); })),
      d.action ? badge(d.action, "act-" + d.action) : null,
      item.english ? el("span", { cls: "en", text: item.english }) : null,
      el("span", { cls: "score", text: item.score.toFixed(2) })
    ]);
    return li;
  }

  function renderList() {
    var list = $("list");
    list.replaceChildren.apply(list, state.items.map(row));
    $("total").textContent = state.total + " candidate concepts" + (state.items.length < state.total ?
      " (showing " + state.items.length + ")" : "");
    $("more").hidden = state.items.length >= state.total;
  }

  function select(i) {
    if (i < 0 || i >= state.items.length) {
      if (i < 0) { state.selected = -1; $("detail").replaceChildren(el("p", { cls: "empty", text: "No candidate." })); }
      return;
    }
    var old = $("list").children[state.selected];
    if (old) old.classList.remove("selected");
    state.selected = i;
    state.form = "";
    var li = $("list").children[i];
    li.classList.add("selected");
    li.scrollIntoView({ block: "nearest" });
    var id = state.items[i].id;
    api("GET", "/api/candidates/" + encodeURIComponent(id)).then(function (r) {
      if (state.items[state.selected] && state.items[state.selected].id === id) {
        if (r.status !== 200) { toast(r.data.error, "error"); return; }
        state.detail = r.data;
        renderDetail();
      }
    });
  }

  function replaceItem(item) {
    var i = state.items.findIndex(function (x) { return x.id === item.id; });
    if (i < 0) return;
    state.items[i] = item;
    var li = row(item, i);
    $("list").replaceChild(li, $("list").children[i]);
  }

  /* ---- the detail ---- */

  function section(title, children) {
    return el("section", { cls: "block" }, [el("h3", { text: title })].concat(children));
  }

  function decisionLine(d) {
    if (!d || !d.action) return el("p", { cls: "decision none", text: "undecided" });
    var f = d.fields || {};
    var what = d.action === "accept" ? "accepted as " + f.zh + (f.en ? " = " + f.en : "") + " (" + f.id + ")" :
      d.action === "merge" ? "merged into " + f.concept + " as " + f.as + ": " + (f.forms || []).join(", ") :
      d.action === "reject" ? "rejected: " + (f.forms || []).join(", ") : "deferred";
    return el("p", { cls: "decision act-" + d.action }, [what + (f.note ? " — " + f.note : ""),
      el("span", { cls: "who", text: " · " + d.who + ", " + d.at + " · version " + d.version })]);
  }

  function renderDetail() {
    var d = state.detail;
    var forms = el("table", { cls: "forms" }, [el("tr", {}, ["form", "role", "freq", "docs", "score", "status", "pinyin"]
      .map(function (h) { return el("th", { text: h }); }))].concat(d.forms.map(function (f) {
      return el("tr", {}, [el("td", { lang: "zh", text: f.text }), el("td", { text: f.role }),
        el("td", { text: String(f.freq) }), el("td", { text: String(f.doc_freq) }), el("td", { text: f.score.toFixed(2) }),
        el("td", {}, [badge(f.status, "st-" + f.status), f.concept ? " " + f.concept : ""]),
        el("td", { cls: "pinyin", text: f.pinyin })]);
    })));
    var contexts = el("ol", { cls: "contexts" }, d.contexts.map(function (c) {
      return el("li", { lang: "zh" }, [c.before, c.form ? el("mark", { text: c.form }) : null, c.after,
        el("span", { cls: "where", text: " " + c.doc + ":" + c.start + "-" + c.end })]);
    }));
    var english = d.english_proposals.length ? el("ul", { cls: "english" }, d.english_proposals.map(function (e) {
      return el("li", {}, [el("strong", { text: e.en }), " " + e.confidence.toFixed(2) + " · " + e.evidence.join("; "),
        e.example ? el("div", { cls: "example" }, [el("div", { text: e.example.en }), el("div", { lang: "zh", text: e.example.zh })]) : null]);
    })) : el("p", { cls: "empty", text: "No English proposal (run with --source EN_DIR for them)." });
    var neighbours = d.neighbours.concat(d.accepted_neighbours || []);
    var near = neighbours.length ? el("table", { cls: "neighbours" }, neighbours.map(function (n) {
      return el("tr", {}, [el("td", {}, [badge(n.kind || n.origin, "nb-" + (n.kind || n.origin))]),
        el("td", { lang: "zh", text: n.zh }), el("td", { text: n.en }), el("td", { cls: "cid", text: n.id }),
        el("td", { lang: "zh", cls: "terms", text: n.terms.filter(function (t) { return t.lang.indexOf("zh") === 0; })
          .map(function (t) { return t.text + " (" + t.status + ")"; }).join(", ") }),
        el("td", {}, [el("button", { type: "button", cls: "merge-into", "data-concept": n.id,
          onclick: function () { openForm("merge", n.id); }, text: "merge here" })])]);
    })) : el("p", { cls: "empty", text: "No glossary concept near it." });
    var history = (d.history || []).map(function (h) {
      return el("li", { text: "v" + h.version + " " + (h.action || "cleared") + " by " + h.who + ", " + h.at +
        " (was " + (h.previous_action || "undecided") + ")" });
    });
    $("detail").replaceChildren(
      el("header", { cls: "detail-head" }, [el("h2", { lang: "zh", text: d.head }),
        el("span", { cls: "score", text: "#" + d.rank + " · score " + d.score.toFixed(2) + " · " + d.freq + "× in " + d.doc_freq + " doc(s)" })]),
      decisionLine(d.decision),
      el("div", { id: "form-slot" }),
      section("Forms", [forms]),
      section("Why it ranks here", [el("ul", { cls: "evidence" }, d.evidence.map(function (e) { return el("li", { text: e }); }))]),
      section("Contexts", [contexts]),
      section("English", [english]),
      section("Glossary neighbours", [near]),
      history.length ? section("History", [el("ul", { cls: "history" }, history)]) : null
    );
    if (state.form) openForm(state.form);
  }

  /* ---- decisions ---- */

  function field(label, input) { return el("label", { cls: "field" }, [el("span", { text: label }), input]); }
  function input(name, value, attrs) { return el("input", Object.assign({ name: name, value: value || "" }, attrs || {})); }
  function select_(name, values, value) {
    var s = el("select", { name: name }, values.map(function (v) { return el("option", { value: v, text: v || "—" }); }));
    s.value = value || values[0];
    return s;
  }
  function formChecks(d, checked) {
    return el("fieldset", { cls: "form-forms" }, [el("legend", { text: "forms" })].concat(d.forms.map(function (f) {
      var box = el("input", { type: "checkbox", name: "form", value: f.text });
      box.checked = !checked || checked.indexOf(f.text) >= 0;
      return el("label", { lang: "zh" }, [box, " " + f.text]);
    })));
  }

  function openForm(kind, concept) {
    var d = state.detail;
    if (!d) return;
    state.form = kind;
    var f = d.decision && d.decision.action === kind ? d.decision.fields : {};
    var form, fields;
    if (kind === "accept") {
      var en = f.en || (d.english_proposals[0] ? d.english_proposals[0].en : "");
      var others = f.forms || d.forms.slice(1).map(function (x) { return x.text; });
      fields = [field("Chinese", input("zh", f.zh || d.head, { lang: "zh" })), field("English", input("en", en)),
        field("status", select_("status", ["preferred", "admitted"], f.status)),
        field("type", select_("type", ["", "fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"], f.type)),
        field("subject", input("subject", f.subject)), field("note", input("note", f.note)),
        field("source", input("source", f.source)), field("concept id", input("id", f.id, { placeholder: "review-" + d.id }))];
      if (d.forms.length > 1) fields.push(formChecks({ forms: d.forms.slice(1) }, others));
    } else {
      var target = concept || f.concept || (d.neighbours[0] ? d.neighbours[0].id : "");
      fields = [field("concept", input("concept", target, { list: "concept-ids" })),
        el("datalist", { id: "concept-ids" }, d.neighbours.concat(d.accepted_neighbours || []).map(function (n) {
          return el("option", { value: n.id, text: n.zh + " " + n.en });
        })),
        field("as", select_("as", ["variant", "abbreviation", "admitted", "deprecated"], f.as)),
        formChecks(d, f.forms), field("note", input("note", f.note))];
    }
    form = el("form", { cls: "decide " + kind, id: "decide-form", onsubmit: function (ev) { ev.preventDefault(); submitForm(kind, form); } },
      [el("h3", { text: kind === "accept" ? "Accept as a new concept" : "Merge into a concept" })].concat(fields)
        .concat([el("div", { cls: "actions" }, [el("button", { type: "submit", text: "save (Enter)" }),
          el("button", { type: "button", text: "cancel (Esc)", onclick: closeForm })])]));
    $("form-slot").replaceChildren(form);
    var first = form.querySelector(kind === "accept" ? 'input[name="en"]' : 'input[name="concept"]');
    first.focus();
    first.select();
  }

  function closeForm() { state.form = ""; var s = $("form-slot"); if (s) s.replaceChildren(); }

  function submitForm(kind, form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (x) {
      if (x.name && x.name !== "form" && x.tagName !== "BUTTON") data[x.name] = x.value;
    });
    var boxes = form.querySelectorAll('input[name="form"]');
    if (boxes.length || kind === "merge") {
      data.forms = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; });
    }
    if (kind === "accept" && !data.id) delete data.id;
    decide(kind, data);
  }

  function decide(action, fields) {
    var d = state.detail;
    if (!d) return;
    var body = { candidate: d.id, action: action, version: d.decision.version };
    if (fields) body.fields = fields;
    return api("POST", "/api/decisions", body).then(function (r) {
      if (r.status === 200) {
        state.form = "";
        replaceItem(r.data.item);
        toast(action + ": " + d.head + " (saved)", "ok");
        var next = action === "undo" ? state.selected : Math.min(state.selected + 1, state.items.length - 1);
        if (next === state.selected) select(state.selected); else select(next);
        refreshCounts();
      } else if (r.status === 409) {
        toast("Not saved: changed elsewhere meanwhile — now " + (r.data.current.action || "undecided") + " by " +
          r.data.current.who + ". Showing the newer value.", "error");
        select(state.selected);
      } else {
        toast("Not saved: " + r.data.error, "error");
      }
    }).catch(function (e) { toast("Not saved: " + e, "error"); });
  }

  function refreshCounts() {
    api("GET", "/api/candidates?limit=0").then(function (r) { if (r.status === 200) counts(r.data.counts); });
  }

  /* ---- export ---- */

  function exportGlossary(ev) {
    ev.preventDefault();
    var body = { file: $("export-file").value.trim(), stop_list: $("export-stop").value.trim() };
    api("POST", "/api/export", body).then(function (r) {
      var out = $("export-result");
      if (r.status === 200) {
        out.textContent = r.data.summary + (r.data.stop_list ? "; stop list " + r.data.stop_list : "");
        out.className = "export-result ok";
      } else {
        out.textContent = r.data.error;
        out.className = "export-result error";
      }
    });
  }

  /* ---- keys and filters ---- */

  function typing(t) { return t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA"); }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "Escape") { closeForm(); if (typing(ev.target)) ev.target.blur(); return; }
    if (typing(ev.target)) return;
    var actions = {
      j: function () { select(state.selected + 1); },
      k: function () { select(Math.max(0, state.selected - 1)); },
      a: function () { openForm("accept"); },
      e: function () { openForm(state.detail && state.detail.decision.action === "merge" ? "merge" : "accept"); },
      m: function () { openForm("merge"); },
      r: function () { decide("reject"); },
      d: function () { decide("defer"); },
      u: function () { decide("undo"); },
      "/": function () { $("q").focus(); $("q").select(); }
    };
    if (actions[ev.key]) { ev.preventDefault(); actions[ev.key](); }
  });

  var timer = null;
  $("q").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { load(false); }, 200); });
  $("q").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); ev.target.blur(); } });
  ["status", "min-score", "doc", "decision"].forEach(function (id) {
    $(id).addEventListener("change", function () { $(id).blur(); load(false); });  /* keys go back to the list */
  });
  $("more").addEventListener("click", function () { load(true); });
  $("export-form").addEventListener("submit", exportGlossary);

  show(boot.first, false);
  document.body.setAttribute("data-ready", "1");
})();
