// The Keuzemenu as a choice card (progressive enhancement): filters on the overview, "Vergelijk" and
// "Onze keuze" on every card, the comparison page and the printable gesprekskaart. Every title, rung
// and effort wording comes from the build: the overview's own cards, or keuzemenu/vormen.json.
(function () {
  "use strict";

  var el = window.kb.el;
  var STORE = "kb-onze-keuze";
  var MAX_COMPARE = 3;
  var MAX_CHOICE = 5;

  function txt(value) { return document.createTextNode(value); }

  function unique(list) { return list.filter(function (v, i) { return v && list.indexOf(v) === i; }); }

  // The shortlist lives in the URL (?keuze= or ?vorm=) and, where the browser allows, in its storage.
  function storedChoice() {
    try { return JSON.parse(localStorage.getItem(STORE) || "[]").filter(function (v) { return typeof v === "string"; }); }
    catch (error) { return []; }
  }

  function storeChoice(slugs) {
    try { localStorage.setItem(STORE, JSON.stringify(slugs)); } catch (error) { /* private mode: the URL keeps it */ }
  }

  function setQuery(params) {
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function withForms(path, slugs) {
    var params = new URLSearchParams();
    slugs.forEach(function (slug) { params.append("vorm", slug); });
    return path + (slugs.length ? "?" + params.toString() : "");
  }

  // ---- The overview: filters, compare boxes and shortlist buttons on the cards ----------------------
  function overview(root) {
    var form = document.getElementById("kb-vormfilter");
    var details = form.querySelector("details");
    var status = document.getElementById("kb-vormen-status");
    var empty = document.getElementById("kb-geen-vormen");
    var bar = document.getElementById("kb-keuzebalk");
    var active = document.getElementById("kb-vf-actief");
    var cards = Array.prototype.slice.call(root.querySelectorAll(".kb-vormkaart"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var names = unique(boxes.map(function (box) { return box.name; }));
    var known = cards.map(function (card) { return card.dataset.slug; });
    var params = new URLSearchParams(location.search);
    var state = {};
    names.forEach(function (name) { state[name] = params.getAll(name); });
    boxes.forEach(function (box) { box.checked = state[box.name].indexOf(box.value) !== -1; });
    var fromUrl = params.getAll("keuze");
    var choice = unique((fromUrl.length ? fromUrl : storedChoice()).filter(function (s) { return known.indexOf(s) !== -1; })).slice(0, MAX_CHOICE);
    var compare = [];
    var message = "";

    function cardValues(card, name) { return (card.dataset[name] || "").split("|"); }

    // AND across groups, OR within one; `skip` leaves one group out, for that group's own counts.
    function matches(card, skip) {
      return names.every(function (name) {
        var wanted = state[name];
        if (name === skip || wanted.length === 0) return true;
        var has = cardValues(card, name);
        return wanted.some(function (value) { return has.indexOf(value) !== -1; });
      });
    }

    function title(card) { return card.querySelector("h2").textContent; }

    function writeState() {
      var out = new URLSearchParams();
      names.forEach(function (name) { state[name].forEach(function (value) { out.append(name, value); }); });
      choice.forEach(function (slug) { out.append("keuze", slug); });
      setQuery(out);
      storeChoice(choice);
    }

    function renderBar() {
      var parts = [];
      if (compare.length) {
        parts.push(el("p", {}, [
          el("strong", { text: "Vergelijken: " }),
          txt(compare.length === 1 ? "1 vorm gekozen. Kies er nog een of twee. " : compare.length + " vormen gekozen. "),
          compare.length >= 2 ? el("a", { class: "md-button md-button--primary", href: withForms(root.dataset.vergelijk, compare), text: "Vergelijk" }) : null,
        ]));
      }
      if (choice.length) {
        parts.push(el("p", {}, [
          el("strong", { text: "Onze keuze: " }),
          txt(choice.length === 1 ? "1 vorm. " : choice.length + " vormen. "),
          el("a", { class: "md-button md-button--primary", href: withForms(root.dataset.gesprekskaart, choice), text: "Maak de gesprekskaart" }),
        ]));
      }
      if (message) parts.push(el("p", { text: message }));
      bar.replaceChildren.apply(bar, parts);
      bar.hidden = parts.length === 0;
    }

    function render() {
      var shown = 0;
      cards.forEach(function (card) {
        card.hidden = !matches(card);
        if (!card.hidden) shown += 1;
      });
      boxes.forEach(function (box) {
        var pool = cards.filter(function (card) { return matches(card, box.name); });
        var n = pool.filter(function (card) { return cardValues(card, box.name).indexOf(box.value) !== -1; }).length;
        document.getElementById(box.id + "-n").textContent = "(" + n + ")";
      });
      var chosen = boxes.filter(function (box) { return box.checked; }).length;
      active.textContent = chosen ? "(" + chosen + " aan)" : "";
      var summary = names.filter(function (name) { return state[name].length; }).map(function (name) {
        var legend = form.querySelector('input[name="' + name + '"]').closest("fieldset").querySelector("legend").textContent;
        var labels = boxes.filter(function (b) { return b.name === name && b.checked; }).map(function (b) { return b.labels[0].textContent.toLowerCase(); });
        return legend.split(":")[0] + ": " + labels.join(" of ");
      });
      status.textContent = (shown === cards.length ? cards.length + " vormen" : shown + " van de " + cards.length + " vormen") +
        (summary.length ? " · " + summary.join(" · ") : "");
      empty.hidden = shown !== 0;
      writeState();
    }

    cards.forEach(function (card) {
      var slug = card.dataset.slug;
      var name = title(card);
      var box = el("input", { type: "checkbox", id: "kb-vg-" + slug, class: "kb-vergelijk-vink" });
      var pick = el("button", { type: "button", class: "md-button kb-keuzeknop", "aria-label": "Onze keuze: " + name,
        "aria-pressed": String(choice.indexOf(slug) !== -1) }, [el("span", { "aria-hidden": "true", class: "kb-ster" }), txt("Onze keuze")]);
      box.addEventListener("change", function () {
        message = "";
        if (box.checked && compare.length >= MAX_COMPARE) {
          box.checked = false;
          message = "Je kunt hoogstens drie vormen vergelijken. Haal er eerst een weg.";
        } else if (box.checked) {
          compare.push(slug);
        } else {
          compare = compare.filter(function (s) { return s !== slug; });
        }
        renderBar();
      });
      pick.addEventListener("click", function () {
        message = "";
        var on = choice.indexOf(slug) !== -1;
        if (!on && choice.length >= MAX_CHOICE) {
          message = "Jullie keuze heeft al vijf vormen. Meer past niet op de gesprekskaart. Haal er eerst een weg.";
        } else {
          choice = on ? choice.filter(function (s) { return s !== slug; }) : choice.concat([slug]);
          pick.setAttribute("aria-pressed", String(!on));
          writeState();
        }
        renderBar();
      });
      card.appendChild(el("p", { class: "kb-kaartknoppen" }, [
        el("span", { class: "kb-vink" }, [box, el("label", { for: box.id }, [txt("Vergelijk"), el("span", { class: "kb-verborgen", text: " " + name })])]),
        pick,
      ]));
    });

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        state[box.name] = boxes.filter(function (b) { return b.name === box.name && b.checked; }).map(function (b) { return b.value; });
        render();
      });
    });
    document.getElementById("kb-wis-vormfilters").addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      names.forEach(function (name) { state[name] = []; });
      render();
      details.querySelector("summary").focus();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    render();
    renderBar();
  }

  // ---- Shared by the comparison and the gesprekskaart -----------------------------------------------
  function blocks(list) {
    if (!list.length) return [el("p", { class: "kb-rij", text: "De bronnen zeggen hier niets over." })];
    return list.map(function (block) {
      if (block.lijst) return el("ul", {}, block.lijst.map(function (item) { return el("li", { text: item }); }));
      return el("p", { text: block.tekst });
    });
  }

  function loadForms(root, build) {
    fetch(root.dataset.vormen)
      .then(function (response) { return response.json(); })
      .then(function (data) {
        document.querySelectorAll(".kb-zonder-script").forEach(function (node) { node.hidden = true; });
        root.hidden = false;
        build(data);
      })
      .catch(function () {
        root.hidden = false;
        root.replaceChildren(el("p", { text: "De vormen konden niet laden. Probeer het later opnieuw of gebruik het boekje." }));
      });
  }

  function bySlug(data) {
    var map = Object.create(null);  // "__proto__" or "constructor" in a URL is no form
    data.vormen.forEach(function (vorm) { map[vorm.slug] = vorm; });
    return map;
  }

  function rungLabels(data, values) {
    return data.treden.filter(function (t) { return values.indexOf(t.waarde) !== -1; }).map(function (t) { return t.label; }).join(", ");
  }

  // ---- The comparison: two or three forms side by side, one aspect per row --------------------------
  function comparison(root) {
    loadForms(root, function (data) {
      var forms = bySlug(data);
      var base = root.dataset.base;
      var chosen = unique(new URLSearchParams(location.search).getAll("vorm")).filter(function (s) { return forms[s]; }).slice(0, MAX_COMPARE);
      var status = el("p", { id: "kb-vergelijk-status", role: "status" });
      var picker = el("fieldset", { class: "kb-facet kb-kiezer" }, [el("legend", { text: "Kies twee of drie vormen" })]);
      var pickList = el("ul", { class: "kb-kiezer-lijst" });
      picker.appendChild(pickList);
      var details = el("details", { class: "kb-kiezer-blok" }, [el("summary", { text: chosen.length ? "Andere vormen kiezen" : "Vormen kiezen" }), picker]);
      var table = el("div", { id: "kb-vergelijking" });
      root.replaceChildren(details, status, table);

      data.vormen.forEach(function (vorm) {
        var box = el("input", { type: "checkbox", id: "kb-kies-" + vorm.slug, value: vorm.slug });
        box.checked = chosen.indexOf(vorm.slug) !== -1;
        box.addEventListener("change", function () {
          if (box.checked && chosen.length >= MAX_COMPARE) {
            box.checked = false;
            status.textContent = "Je kunt hoogstens drie vormen vergelijken. Haal er eerst een weg.";
            return;
          }
          chosen = box.checked ? chosen.concat([vorm.slug]) : chosen.filter(function (s) { return s !== vorm.slug; });
          render();
        });
        pickList.appendChild(el("li", {}, [box, el("label", { for: box.id, text: vorm.titel })]));
      });

      function row(label, cell) {
        var cells = chosen.map(function (slug) {
          var vorm = forms[slug];
          return el("div", { class: "kb-vg-cel" }, [el("p", { class: "kb-vg-vorm", text: vorm.titel })].concat(cell(vorm)));
        });
        return el("section", { class: "kb-vg-rij" }, [el("h2", { text: label }), el("div", { class: "kb-vg-cellen kb-vg-" + chosen.length }, cells)]);
      }

      function examples(vorm) {
        if (!vorm.voorbeelden.length) return [el("p", { class: "kb-rij", text: "Er is nog geen praktijkvoorbeeld met deze vorm." })];
        var list = el("ul", {}, vorm.voorbeelden.map(function (v) { return el("li", {}, [el("a", { href: base + v.url, text: v.titel })]); }));
        var out = [list];
        if (vorm.aantal_voorbeelden > vorm.voorbeelden.length) {
          out.push(el("p", {}, [el("a", { href: base + vorm.alle_voorbeelden, text: "Alle " + vorm.aantal_voorbeelden + " praktijkvoorbeelden" })]));
        }
        return out;
      }

      function render() {
        pickList.querySelectorAll("input").forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });
        var params = new URLSearchParams();
        chosen.forEach(function (slug) { params.append("vorm", slug); });
        setQuery(params);
        if (chosen.length < 2) {
          status.textContent = chosen.length ? "Kies nog een of twee vormen." : "Kies twee of drie vormen om te vergelijken.";
          table.replaceChildren();
          return;
        }
        status.textContent = chosen.map(function (s) { return forms[s].titel; }).join(", ") + " naast elkaar.";
        table.replaceChildren(
          row("Vorm", function (vorm) { return [el("p", {}, [el("a", { href: base + vorm.url, text: "Lees alles over " + vorm.titel })]), el("p", { text: vorm.samenvatting })]; }),
          row("Trede", function (vorm) { return [el("p", { text: rungLabels(data, vorm.ladder) })]; }),
          row("Wie begint?", function (vorm) { return [el("p", { text: vorm.initiatief.join(", ") })]; }),
          row("Wat vraagt het?", function (vorm) { return [el("ul", { class: "kb-inzet" }, vorm.inzet.map(function (line) { return el("li", { text: line }); }))]; }),
          row("Wat biedt de gemeente?", function (vorm) { return blocks(vorm.biedt); }),
          row("Wanneer past het?", function (vorm) { return blocks(vorm.wanneer); }),
          row("Voorbeelden uit de praktijk", examples),
          el("p", {}, [el("a", { class: "md-button", href: withForms(root.dataset.keuzemenu + "gesprekskaart/", chosen), text: "Maak een gesprekskaart met deze vormen" })])
        );
      }
      details.open = chosen.length < 2;
      render();
    });
  }

  // ---- The gesprekskaart: the shortlist on one printable page ---------------------------------------
  function conversationCard(root) {
    loadForms(root, function (data) {
      var forms = bySlug(data);
      var params = new URLSearchParams(location.search);
      var fromUrl = params.getAll("vorm");
      var chosen = unique((fromUrl.length ? fromUrl : storedChoice()).filter(function (s) { return forms[s]; })).slice(0, MAX_CHOICE);
      var rungs = data.treden.map(function (t) { return t.waarde; });
      var base = root.dataset.base;
      var site = new URL(base, location.href).href;

      var project = el("input", { type: "text", id: "kb-project", autocomplete: "off", maxlength: "120" });
      project.value = params.get("project") || "";
      var rung = el("select", { id: "kb-trede" }, [el("option", { value: "", text: "Nog niet gekozen" })].concat(
        data.treden.map(function (t) { return el("option", { value: t.waarde, text: t.label }); })));
      rung.value = rungs.indexOf(params.get("trede")) !== -1 ? params.get("trede") : "";
      var print = el("button", { type: "button", class: "md-button md-button--primary", text: "Print de gesprekskaart" });
      var controls = el("div", { class: "kb-kaart-invoer kb-niet-printen" }, [
        el("p", {}, [el("label", { for: "kb-project", text: "Naam van het project" }), el("br"), project]),
        el("p", {}, [el("label", { for: "kb-trede", text: "Op welke trede gaan jullie staan?" }), el("br"), rung]),
        el("p", {}, [print, txt(" "), el("a", { href: root.dataset.keuzemenu, text: "Vormen kiezen in het Keuzemenu" })]),
      ]);
      var card = el("div", { id: "kb-kaart", class: "kb-kaart-papier" });
      root.replaceChildren(controls, card);

      function field(label, value) {
        return el("p", { class: "kb-kaart-veld" }, [el("strong", { text: label + ": " }), value ? txt(value) : el("span", { class: "kb-invullijn" })]);
      }

      function render() {
        var out = new URLSearchParams();
        chosen.forEach(function (slug) { out.append("vorm", slug); });
        if (rung.value) out.set("trede", rung.value);
        if (project.value.trim()) out.set("project", project.value.trim());
        setQuery(out);
        storeChoice(chosen);
        var parts = [field("Project", project.value.trim()), field("Datum van het gesprek", "")];

        parts.push(el("h2", { text: "De trede" }));
        var picked = data.treden.filter(function (t) { return t.waarde === rung.value; })[0];
        if (picked) {
          parts.push(el("p", {}, [el("strong", { text: picked.label + ". " }), txt(picked.uitleg)]));
        } else {
          parts.push(el("p", { text: "Kruis samen de trede aan:" }), el("ul", { class: "kb-aankruis" }, data.treden.map(function (t) {
            return el("li", {}, [el("strong", { text: t.label + ". " }), txt(t.uitleg)]);
          })));
        }

        parts.push(el("h2", { text: chosen.length === 1 ? "Onze keuze: 1 vorm" : "Onze keuze: " + chosen.length + " vormen" }));
        if (!chosen.length) {
          parts.push(el("p", { text: "Er staat nog geen vorm op de kaart. Kies in het Keuzemenu bij een vorm 'Onze keuze'." }));
        }
        var list = el("div", { class: "kb-kaart-vormen" }, chosen.map(function (slug) {
          var vorm = forms[slug];
          var remove = el("button", { type: "button", class: "md-button kb-niet-printen", "aria-label": "Haal weg: " + vorm.titel, text: "Haal weg" });
          remove.addEventListener("click", function () {
            chosen = chosen.filter(function (s) { return s !== slug; });
            render();
            project.focus();
          });
          return el("section", { class: "kb-kaart-vorm" }, [
            el("h3", { text: vorm.titel }),
            el("p", { class: "kb-rij", text: "Trede: " + rungLabels(data, vorm.ladder) + ". Wie begint: " + vorm.initiatief.join(", ") + "." }),
            el("p", { class: "kb-kaart-kop", text: "Wat vraagt het?" }),
            el("ul", { class: "kb-inzet" }, vorm.inzet.map(function (line) { return el("li", { text: line }); })),
            el("p", { class: "kb-kaart-kop", text: "Wat biedt de gemeente?" }),
          ].concat(blocks(vorm.biedt_kort), [
            el("p", { class: "kb-rij" }, [txt("Alles over deze vorm: "), el("a", { href: base + vorm.url, text: new URL(base + vorm.url, location.href).href })]),
            remove,
          ]));
        }));
        parts.push(list);

        parts.push(el("h2", { text: "Afspraken" }));
        var rows = [0, 1, 2, 3, 4].map(function () { return el("tr", {}, [el("td"), el("td"), el("td")]); });
        parts.push(el("table", { class: "kb-afspraken" }, [
          el("caption", { class: "kb-verborgen", text: "Afspraken: wat, wie doet het en wanneer" }),
          el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Wat spreken we af?" }), el("th", { scope: "col", text: "Wie doet het?" }), el("th", { scope: "col", text: "Wanneer?" })])]),
          el("tbody", {}, rows),
        ]));
        var today = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
        parts.push(el("p", { class: "kb-kaart-voet" }, [
          txt("Gemaakt op " + today + " met de Kennisbank Participatie, " + site + ". Deze kaart online: "),
          el("span", { class: "kb-kaart-link", text: location.href }),
        ]));
        card.replaceChildren.apply(card, parts);
      }

      project.addEventListener("input", render);
      rung.addEventListener("change", render);
      print.addEventListener("click", function () { window.print(); });
      render();
    });
  }

  var overviewRoot = document.getElementById("kb-keuzemenu");
  if (overviewRoot && !overviewRoot.dataset.ready) { overviewRoot.dataset.ready = "1"; overview(overviewRoot); }
  var compareRoot = document.getElementById("kb-vergelijk");
  if (compareRoot) comparison(compareRoot);
  var cardRoot = document.getElementById("kb-gesprekskaart");
  if (cardRoot) conversationCard(cardRoot);
})();
