// Facet filter for the overview of praktijkvoorbeelden (progressive enhancement).
// Reads the JSON index the build generates; without JavaScript the static table stays.
// Data-driven: every facet in the index gets a filter group, whatever its field.
(function () {
  "use strict";

  var root = document.getElementById("kb-filter");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";

  var SHOW_STEP = 200;
  var FORMULA_START = /^[=+\-@\t\r]/;
  var SORTS = { jaar: "Nieuwste eerst", titel: "Titel (A tot Z)" };
  var DEFAULT_SORT = "jaar";
  // Not "q": a page opened with ?q= opens the site search (Material), on this page too.
  var TEXT_PARAM = "tekst";
  var RUNG_FACETS = ["ladder", "overheidsrol"]; // shown under each result, when the index has them
  // Wide screens show every group open; a phone shows one line per group, opened on tap.
  var wide = window.matchMedia("(min-width: 60em)");

  var el = window.kb.el;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function valuesOf(entry, field) {
    return [].concat(entry[field] == null ? [] : entry[field]);
  }

  function plural(n, one, many) {
    return n === 1 ? "1 " + one : n + " " + many;
  }

  function readState(facets) {
    var params = new URLSearchParams(location.search);
    var sort = params.get("sorteer");
    var state = { q: params.get(TEXT_PARAM) || "", sort: SORTS[sort] ? sort : DEFAULT_SORT, selected: {} };
    facets.forEach(function (facet) {
      var known = facet.waarden.map(function (option) { return option.waarde; });
      state.selected[facet.veld] = params.getAll(facet.veld).filter(function (value) { return known.indexOf(value) !== -1; });
    });
    return state;
  }

  function writeState(state, facets) {
    var params = new URLSearchParams();
    if (state.q) params.set(TEXT_PARAM, state.q);
    facets.forEach(function (facet) {
      state.selected[facet.veld].forEach(function (value) { params.append(facet.veld, value); });
    });
    if (state.sort !== DEFAULT_SORT) params.set("sorteer", state.sort);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // Every word typed must occur somewhere; AND across facets, OR within one;
  // `skip` leaves one facet out, for that facet's own counts.
  function matches(entry, state, facets, skip) {
    var words = fold(state.q).split(/\s+/).filter(Boolean);
    if (!words.every(function (word) { return entry._text.indexOf(word) !== -1; })) return false;
    return facets.every(function (facet) {
      var wanted = state.selected[facet.veld];
      if (facet.veld === skip || wanted.length === 0) return true;
      var has = valuesOf(entry, facet.veld);
      return wanted.some(function (value) { return has.indexOf(value) !== -1; });
    });
  }

  function csvCell(value) {
    var text = Array.isArray(value) ? value.join("; ") : String(value == null ? "" : value);
    if (FORMULA_START.test(text)) text = "'" + text;
    return /[";\r\n,]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // A reader opens the selection in a spreadsheet: the facets' columns hold their labels, as on the page.
  function download(entries, base, facets, labelled) {
    var columns = ["slug", "url", "titel", "samenvatting", "gemeente", "jaar"].concat(
      facets.map(function (facet) { return facet.veld; }));
    var lines = [columns.join(";")];
    entries.forEach(function (entry) {
      var row = Object.assign({}, entry, { url: new URL(entry.url, base).href });
      facets.forEach(function (facet) { row[facet.veld] = labelled(entry, facet.veld); });
      lines.push(columns.map(function (column) { return csvCell(row[column]); }).join(";"));
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "praktijkvoorbeelden-selectie.csv" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function build(data) {
    var entries = data.praktijkvoorbeelden;
    // A value no praktijkvoorbeeld has is not offered: it could only ever give nothing.
    var facets = data.facetten.map(function (facet) {
      var used = facet.waarden.filter(function (option) {
        return entries.some(function (entry) { return valuesOf(entry, facet.veld).indexOf(option.waarde) !== -1; });
      });
      return Object.assign({}, facet, { waarden: used });
    }).filter(function (facet) { return facet.waarden.length > 0; });
    var labels = {};
    facets.forEach(function (facet) {
      labels[facet.veld] = {};
      facet.waarden.forEach(function (option) { labels[facet.veld][option.waarde] = option.label; });
    });
    // One label per value, from the vocabulary: a reader never sees a raw value that has a label.
    function labelled(entry, field) {
      return valuesOf(entry, field).map(function (value) { return (labels[field] || {})[value] || value; });
    }
    // The text filter looks in title, municipality, summary and the labels of every facet (themes too).
    var byYear = entries.slice();
    entries.forEach(function (entry, order) {
      var words = [entry.titel, entry.samenvatting].concat(valuesOf(entry, "gemeente"));
      facets.forEach(function (facet) { words = words.concat(labelled(entry, facet.veld)); });
      entry._text = fold(words.join(" "));
      entry._order = order; // the index lists them by title
    });
    byYear.sort(function (a, b) { return (Number(b.jaar) - Number(a.jaar)) || (a._order - b._order); });

    var base = new URL(root.dataset.base, location.href);
    var state = readState(facets);
    var shown = SHOW_STEP;

    var search = el("input", { type: "search", id: "kb-filter-tekst", autocomplete: "off" });
    search.value = state.q;
    var status = el("p", { id: "kb-filter-status", role: "status", "aria-live": "polite", tabindex: "-1" });
    var sort = el("select", { id: "kb-sorteer" }, Object.keys(SORTS).map(function (key) {
      return el("option", { value: key, text: SORTS[key] });
    }));
    sort.value = state.sort;
    var results = el("ul", { id: "kb-filter-resultaten", class: "kb-lijst kb-resultaten" });
    var more = el("button", { type: "button", class: "md-button", id: "kb-meer", text: "Toon meer" });
    var clear = el("button", { type: "button", class: "md-button", id: "kb-wis-filters", text: "Wis filters" });
    var save = el("button", { type: "button", class: "md-button", id: "kb-download", text: "Download deze selectie (CSV)" });
    var jump = el("button", { type: "button", class: "md-button md-button--primary", id: "kb-toon" });
    var boxes = {};
    var counts = {};
    var chosen = {};
    var toggles = [];

    var groups = facets.map(function (facet) {
      boxes[facet.veld] = [];
      counts[facet.veld] = {};
      var options = facet.waarden.map(function (option, index) {
        var id = "kb-f-" + facet.veld + "-" + index;
        var box = el("input", { type: "checkbox", id: id, value: option.waarde, "aria-describedby": id + "-n" });
        box.checked = state.selected[facet.veld].indexOf(option.waarde) !== -1;
        boxes[facet.veld].push(box);
        var count = el("span", { id: id + "-n", class: "kb-rij" });
        counts[facet.veld][option.waarde] = count;
        return el("li", {}, [box, el("label", { for: id, text: option.label }), document.createTextNode(" "), count]);
      });
      chosen[facet.veld] = el("span", { class: "kb-gekozen" });
      var panel = el("fieldset", { id: "kb-groep-" + facet.veld }, [
        el("legend", { class: "kb-verborgen", text: facet.naam }), el("ul", {}, options)]);
      var toggle = el("button", { type: "button", class: "kb-facet__kop", "aria-controls": panel.id, "aria-expanded": "true" },
        [el("span", { text: facet.naam }), document.createTextNode(" "), chosen[facet.veld]]);
      toggle.addEventListener("click", function () { expand(toggle, toggle.getAttribute("aria-expanded") !== "true"); });
      toggles.push(toggle);
      return el("div", { class: "kb-facet" }, [toggle, panel]);
    });

    function expand(toggle, open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      document.getElementById(toggle.getAttribute("aria-controls")).hidden = !open;
    }
    function foldOrOpen() {
      toggles.forEach(function (toggle) { expand(toggle, wide.matches); });
    }
    wide.addEventListener("change", foldOrOpen);

    var form = el("form", { class: "kb-filter", role: "search", "aria-label": "Filter de praktijkvoorbeelden" }, [
      el("p", {}, [el("label", { for: "kb-filter-tekst", text: "Zoek in titel, gemeente, samenvatting en thema" }), el("br"), search]),
      el("div", { class: "kb-facetten" }, groups),
      el("p", { class: "kb-knoppen" }, [clear, document.createTextNode(" "), save]),
      el("p", { class: "kb-toon" }, [jump]),
    ]);
    root.appendChild(form);
    root.appendChild(el("div", { class: "kb-resultaatkop" }, [
      status,
      el("p", { class: "kb-sortering" }, [el("label", { for: "kb-sorteer", text: "Sorteer op" }), document.createTextNode(" "), sort]),
    ]));
    root.appendChild(results);
    root.appendChild(more);
    foldOrOpen();
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // The static, paginated table is replaced by the live list.
    document.querySelectorAll(".kb-tabel, .kb-pager").forEach(function (node) { node.hidden = true; });

    function selection() {
      var pool = state.sort === "titel" ? entries : byYear;
      return pool.filter(function (entry) { return matches(entry, state, facets); });
    }

    function result(entry) {
      var facts = valuesOf(entry, "gemeente").join(", ") + " · " + labelled(entry, "provincie").join(", ") + " · " + entry.jaar;
      var parts = [
        el("a", { href: new URL(entry.url, base).href, text: entry.titel }),
        document.createTextNode(" "),
        el("span", { class: "kb-rij", text: facts }),
        el("span", { class: "kb-rij-tekst", text: entry.samenvatting }),
      ];
      facets.forEach(function (facet) {
        var names = labelled(entry, facet.veld);
        if (RUNG_FACETS.indexOf(facet.veld) !== -1 && names.length) {
          parts.push(el("span", { class: "kb-rij kb-treden", text: facet.naam + ": " + names.join(", ") }));
        }
      });
      return el("li", {}, parts);
    }

    function render() {
      var found = selection();
      facets.forEach(function (facet) {
        var pool = entries.filter(function (entry) { return matches(entry, state, facets, facet.veld); });
        Object.keys(counts[facet.veld]).forEach(function (value) {
          var n = pool.filter(function (entry) { return valuesOf(entry, facet.veld).indexOf(value) !== -1; }).length;
          counts[facet.veld][value].textContent = "(" + n + ")";
        });
        var picked = state.selected[facet.veld].length;
        chosen[facet.veld].textContent = picked ? "· " + picked + " gekozen" : "";
      });
      status.textContent = plural(found.length, "praktijkvoorbeeld", "praktijkvoorbeelden") + " gevonden";
      jump.textContent = "Toon " + plural(found.length, "voorbeeld", "voorbeelden");
      results.replaceChildren.apply(results, found.slice(0, shown).map(result));
      more.hidden = found.length <= shown;
      save.disabled = found.length === 0;
      writeState(state, facets);
    }

    search.addEventListener("input", function () { state.q = search.value.trim(); shown = SHOW_STEP; render(); });
    sort.addEventListener("change", function () { state.sort = sort.value; render(); });
    facets.forEach(function (facet) {
      boxes[facet.veld].forEach(function (box) {
        box.addEventListener("change", function () {
          state.selected[facet.veld] = boxes[facet.veld].filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
          shown = SHOW_STEP;
          render();
        });
      });
    });
    clear.addEventListener("click", function () {
      state.q = "";
      search.value = "";
      facets.forEach(function (facet) {
        state.selected[facet.veld] = [];
        boxes[facet.veld].forEach(function (box) { box.checked = false; });
      });
      render();
      search.focus();
    });
    jump.addEventListener("click", function () {
      status.scrollIntoView({ block: "start" });
      status.focus({ preventScroll: true });
    });
    more.addEventListener("click", function () { shown += SHOW_STEP; render(); });
    save.addEventListener("click", function () { download(selection(), base, facets, labelled); });
    render();
  }

  fetch(root.dataset.index)
    .then(function (response) { return response.json(); })
    .then(build)
    .catch(function () {
      root.appendChild(el("p", { text: "Het filter kon niet laden. De lijst hieronder werkt wel." }));
    });
})();
