// Facet filter for the overview of praktijkvoorbeelden (progressive enhancement).
// Reads the JSON index the build generates; without JavaScript the static table stays.
(function () {
  "use strict";

  var root = document.getElementById("kb-filter");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";

  var SHOW_STEP = 200;
  var FORMULA_START = /^[=+\-@\t\r]/;

  var el = window.kb.el;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function readState(facets) {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get("q") || "", selected: {} };
    facets.forEach(function (facet) {
      state.selected[facet.veld] = params.getAll(facet.veld);
    });
    return state;
  }

  function writeState(state, facets) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    facets.forEach(function (facet) {
      state.selected[facet.veld].forEach(function (value) { params.append(facet.veld, value); });
    });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // AND across facets, OR within one; `skip` leaves one facet out, for that facet's own counts.
  function matches(entry, state, facets, skip) {
    if (state.q) {
      var needle = fold(state.q);
      var haystack = fold(entry.titel + " " + entry.gemeente.join(" "));
      if (haystack.indexOf(needle) === -1) return false;
    }
    return facets.every(function (facet) {
      var wanted = state.selected[facet.veld];
      if (facet.veld === skip || wanted.length === 0) return true;
      return wanted.some(function (value) { return entry[facet.veld].indexOf(value) !== -1; });
    });
  }

  function csvCell(value) {
    var text = Array.isArray(value) ? value.join("; ") : String(value == null ? "" : value);
    if (FORMULA_START.test(text)) text = "'" + text;
    return /[";\r\n,]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function download(entries, base) {
    var columns = ["slug", "url", "titel", "samenvatting", "gemeente", "provincie", "jaar", "ladder", "overheidsrol", "themas"];
    var lines = [columns.join(";")];
    entries.forEach(function (entry) {
      var row = Object.assign({}, entry, { url: new URL(entry.url, base).href });
      lines.push(columns.map(function (column) { return csvCell(row[column]); }).join(";"));
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "praktijkvoorbeelden-selectie.csv" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function build(data) {
    var facets = data.facetten;
    var entries = data.praktijkvoorbeelden;
    var base = new URL(root.dataset.base, location.href);
    var state = readState(facets);
    var shown = SHOW_STEP;

    var search = el("input", { type: "search", id: "kb-filter-tekst", autocomplete: "off" });
    search.value = state.q;
    var status = el("p", { id: "kb-filter-status", role: "status", "aria-live": "polite" });
    var results = el("ul", { id: "kb-filter-resultaten", class: "kb-lijst" });
    var more = el("button", { type: "button", class: "md-button", text: "Toon meer" });
    var clear = el("button", { type: "button", class: "md-button", id: "kb-wis-filters", text: "Wis filters" });
    var save = el("button", { type: "button", class: "md-button md-button--primary", id: "kb-download", text: "Download deze selectie (CSV)" });
    var boxes = {};
    var counts = {};

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
        return el("li", {}, [box, el("label", { for: id, text: option.waarde }), document.createTextNode(" "), count]);
      });
      return el("fieldset", { class: "kb-facet" }, [el("legend", { text: facet.naam }), el("ul", {}, options)]);
    });

    root.appendChild(el("form", { class: "kb-filter", role: "search", "aria-label": "Filter de praktijkvoorbeelden" }, [
      el("p", {}, [el("label", { for: "kb-filter-tekst", text: "Zoek op titel of gemeente" }), el("br"), search]),
      el("div", { class: "kb-facetten" }, groups),
      el("p", { class: "kb-knoppen" }, [clear, document.createTextNode(" "), save]),
    ]));
    root.appendChild(status);
    root.appendChild(results);
    root.appendChild(more);
    root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });

    // The static, paginated table is replaced by the live list.
    document.querySelectorAll(".kb-tabel, .kb-pager").forEach(function (node) { node.hidden = true; });

    function selection() {
      return entries.filter(function (entry) { return matches(entry, state, facets); });
    }

    function render() {
      var found = selection();
      facets.forEach(function (facet) {
        var pool = entries.filter(function (entry) { return matches(entry, state, facets, facet.veld); });
        Object.keys(counts[facet.veld]).forEach(function (value) {
          var n = pool.filter(function (entry) { return entry[facet.veld].indexOf(value) !== -1; }).length;
          counts[facet.veld][value].textContent = "(" + n + ")";
        });
      });
      status.textContent = found.length === 1 ? "1 praktijkvoorbeeld gevonden" : found.length + " praktijkvoorbeelden gevonden";
      results.replaceChildren.apply(results, found.slice(0, shown).map(function (entry) {
        var facts = entry.gemeente.join(", ") + " · " + entry.provincie.join(", ") + " · " + entry.jaar;
        return el("li", {}, [
          el("a", { href: new URL(entry.url, base).href, text: entry.titel }),
          document.createTextNode(" "),
          el("span", { class: "kb-rij", text: facts }),
        ]);
      }));
      more.hidden = found.length <= shown;
      save.disabled = found.length === 0;
      writeState(state, facets);
    }

    search.addEventListener("input", function () { state.q = search.value.trim(); shown = SHOW_STEP; render(); });
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
    more.addEventListener("click", function () { shown += SHOW_STEP; render(); });
    save.addEventListener("click", function () { download(selection(), base); });
    render();
  }

  fetch(root.dataset.index)
    .then(function (response) { return response.json(); })
    .then(build)
    .catch(function () {
      root.appendChild(el("p", { text: "Het filter kon niet laden. De lijst hieronder werkt wel." }));
    });
})();
