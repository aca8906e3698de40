// Keuzehulp: shows the advice the build computed for the chosen answers (data/keuzehulp.yml).
(function () {
  "use strict";

  var root = document.getElementById("kb-keuzehulp");
  if (!root) return;
  var form = document.getElementById("kb-keuzehulp-vragen");
  var output = document.getElementById("kb-advies");
  var base = new URL(root.dataset.base, location.href);

  var el = window.kb.el;

  function list(urls, pages) {
    return el("ul", { class: "kb-lijst" }, urls.map(function (url) {
      return el("li", {}, [
        el("a", { href: new URL(url, base).href, text: pages[url].titel }),
        document.createTextNode(" "),
        el("span", { class: "kb-rij", text: pages[url].samenvatting }),
        pages[url].inzet ? el("ul", { class: "kb-inzet" }, pages[url].inzet.map(function (line) { return el("li", { text: line }); })) : null,
      ]);
    }));
  }

  function answers(data) {
    var chosen = {};
    data.vragen.forEach(function (id) {
      var checked = form.querySelector('input[name="' + id + '"]:checked');
      if (checked) chosen[id] = checked.value;
    });
    return chosen;
  }

  function show(data, focus) {
    var chosen = answers(data);
    var missing = data.vragen.filter(function (id) { return !chosen[id]; });
    if (missing.length) {
      output.replaceChildren(el("p", { text: "Beantwoord eerst alle vragen. Er " + (missing.length === 1 ? "is nog 1 vraag" : "zijn nog " + missing.length + " vragen") + " open." }));
      return;
    }
    var key = data.vragen.map(function (id) { return id + "=" + chosen[id]; }).join("&");
    var advice = data.adviezen[key];
    var rung = data.treden[advice.trede];
    history.replaceState(null, "", location.pathname + "?" + key);
    var parts = [
      el("h2", { id: "advies", text: "Ons advies: " + rung.label.toLowerCase() }),
      el("p", {}, [document.createTextNode(rung.uitleg + " "), el("a", { href: new URL(rung.url, base).href, text: "Lees meer over " + rung.label.toLowerCase() })]),
      el("h3", { text: "Waarom?" }),
      el("ul", {}, advice.waarom.map(function (why) { return el("li", { text: why }); })),
      el("h3", { text: "Vormen uit het Keuzemenu die passen" }),
    ];
    if (!advice.passend) parts.push(el("p", { text: "Geen vorm op deze trede past bij wat jullie groep kan geven. Deze vormen vragen iets meer:" }));
    parts.push(advice.vormen.length ? list(advice.vormen, data.paginas) : el("p", { text: "Er is nog geen vorm op deze trede." }));
    if (advice.instrumenten.length) parts.push(el("h3", { text: "Instrumenten voor de gemeente" }), list(advice.instrumenten, data.paginas));
    if (advice.voorbeelden.length) parts.push(el("h3", { text: "Praktijkvoorbeelden om te bekijken" }), list(advice.voorbeelden, data.paginas));
    var print = el("button", { type: "button", class: "md-button", text: "Print dit advies" });
    print.addEventListener("click", function () { window.print(); });
    parts.push(el("p", {}, [print]));
    output.replaceChildren.apply(output, parts);
    if (focus) output.focus();
  }

  fetch(root.dataset.advies)
    .then(function (response) { return response.json(); })
    .then(function (data) {
      root.hidden = false;
      var params = new URLSearchParams(location.search);
      data.vragen.forEach(function (id) {
        var value = params.get(id);
        var input = value && form.querySelector('input[name="' + id + '"][value="' + CSS.escape(value) + '"]');
        if (input) input.checked = true;
      });
      form.addEventListener("submit", function (event) { event.preventDefault(); show(data, true); });
      if (data.vragen.every(function (id) { return params.get(id); })) show(data, false);
    });
})();
