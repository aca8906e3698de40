// The site search: Pagefind's static index with the Dutch layer of hooks/kennisbank_participatie/dutch.py around it.
// The rules below mirror dutch.py step by step; the data (known words, synonyms, stop words) comes
// from the build (zoeken/taal.dat). tests/test_dutch.py runs both on the same table of cases.
(function () {
  "use strict";

  // ---- The Dutch layer (mirror of hooks/kennisbank_participatie/dutch.py) ----
  var VOWELS = "aeiouy";
  var LETTERS = /^\p{L}+$/u;

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{Mn}/gu, "").toLowerCase();
  }

  // A euro sign in a word with letters stands for an e ('Id€€' -> 'idee'); '€ 50' keeps it.
  function euroAsE(text) {
    if (text.indexOf("€") < 0) return text;
    return text.replace(/[\p{L}\p{N}_€]+/gu, function (run) {
      return run.indexOf("€") >= 0 && /\p{L}/u.test(run) ? run.replace(/€/g, "e") : run;
    });
  }

  function words(text) {
    return fold(euroAsE(text)).match(/[\p{L}\p{N}]+/gu) || [];
  }

  function isVowel(ch) { return ch !== undefined && VOWELS.indexOf(ch) >= 0; }

  function diminutive(word) {
    var base = word.endsWith("jes") ? word.slice(0, -1) : word;
    if (!base.endsWith("je") || base.length < 6) return word;
    var stem = base.slice(0, -2);
    var n = stem.length;
    if (stem.endsWith("et") && n > 4 && stem[n - 3] === stem[n - 4]) return stem.slice(0, -2);
    if (stem.endsWith("p") && stem[n - 2] === "m") return stem.slice(0, -1);
    if (stem.endsWith("t") && n > 3 && !(stem[n - 2] === stem[n - 3] && "aou".indexOf(stem[n - 2]) >= 0)) {
      if ((VOWELS + "lnrw").indexOf(stem[n - 2]) >= 0) return stem.slice(0, -1);
    }
    return stem;
  }

  function pluralS(word) {
    var n = word.length;
    if (!word.endsWith("s") || n < 5) return word;
    if (["er", "el", "em", "en", "ie"].indexOf(word.slice(n - 3, n - 1)) >= 0) return word.slice(0, -1);
    if (word[n - 2] === "e" && (VOWELS + "csr").indexOf(word[n - 3]) < 0) return word.slice(0, -1);
    return word;
  }

  function key(word) {
    if (word.length < 4 || !LETTERS.test(word)) return word;
    word = pluralS(diminutive(word));
    var n = word.length;
    if (word.endsWith("en") && n >= 6) word = word.slice(0, -2);
    else if (word.endsWith("e") && n >= 5 && !isVowel(word[n - 2])) word = word.slice(0, -1);
    if (word.endsWith("v")) word = word.slice(0, -1) + "f";
    else if (word.endsWith("z")) word = word.slice(0, -1) + "s";
    n = word.length;
    if (n > 3 && word[n - 1] === word[n - 2] && !isVowel(word[n - 1])) word = word.slice(0, -1);
    var shorter = word.replace(/(aa|ee|oo|uu)([^aeiouy]+)$/, function (_, vowels, rest) { return vowels[0] + rest; });
    return shorter.length >= 4 ? shorter : word;
  }

  function oneEdit(a, b) {
    if (a.length > b.length) { var t = a; a = b; b = t; }
    if (b.length - a.length > 1) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.slice(i) === b.slice(i + 1);
  }

  function distance(a, b) {
    var previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      current = [i];
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      previous = current;
    }
    return previous[b.length];
  }

  function Lexicon(data) {
    var shown = new Map();
    data.woorden.split("\n").forEach(function (line) {
      var space = line.indexOf(" ");
      if (space < 0) shown.set(line, line);
      else shown.set(line.slice(0, space), line.slice(space + 1));
    });
    this.shown = shown;
    this.synonymOf = data.synoniemen;
    this.minPart = data.minDeel;
    this.maxParts = data.maxDelen;
    this.maxCompound = data.maxSamenstelling;
    this.typoLength = data.typefout;
    this.stopWords = new Set(data.stopwoorden);
    this.marker = data.marker;
    this.kindPrefix = data.soort;
    this.titleMark = data.inTitel;
    this.summaryMark = data.inSamenvatting;
  }

  Lexicon.prototype.canonical = function (wordKey) {
    return Object.prototype.hasOwnProperty.call(this.synonymOf, wordKey) ? this.synonymOf[wordKey] : wordKey;
  };

  Lexicon.prototype.split = function (word, depth) {
    depth = depth || 1;
    if (word.length < 2 * this.minPart || word.length > this.maxCompound || !LETTERS.test(word)) return null;
    for (var cut = this.minPart; cut <= word.length - this.minPart; cut++) {
      var front = word.slice(0, cut), headKey = key(word.slice(cut));
      if (!this.shown.has(headKey)) continue;
      var modifiers = [front, front.endsWith("s") ? front.slice(0, -1) : null];
      for (var m = 0; m < modifiers.length; m++) {
        var modifier = modifiers[m];
        if (modifier === null || modifier.length < this.minPart) continue;
        if (this.shown.has(key(modifier))) return [key(modifier), headKey];
        if (depth < this.maxParts - 1) {
          var inner = this.split(modifier, depth + 1);
          if (inner) return inner.concat([headKey]);
        }
      }
    }
    return null;
  };

  Lexicon.prototype.terms = function (word) {
    var self = this, found = new Set([key(word)]);
    (this.split(word) || []).forEach(function (part) { found.add(part); });
    Array.from(found).forEach(function (k) { found.add(self.canonical(k)); });
    return Array.from(found).sort();
  };

  Lexicon.prototype.close = function (wordKey) {
    var found = [];
    this.shown.forEach(function (_, k) {
      if (Math.abs(k.length - wordKey.length) <= 1 && k !== wordKey && oneEdit(k, wordKey)) found.push(k);
    });
    return found.sort();
  };

  // The nearest known words to a word that found nothing, to offer the reader.
  Lexicon.prototype.nearest = function (word, count) {
    var wordKey = key(word), scored = [];
    this.shown.forEach(function (_, k) {
      if (Math.abs(k.length - wordKey.length) > 2 || k === wordKey) return;
      var d = distance(k, wordKey);
      if (d <= 2) scored.push([d, k]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : 1); });
    var self = this;
    return scored.slice(0, count).map(function (pair) { return self.shown.get(pair[1]); });
  };

  // Every query word (the first `most`) with what to ask Pagefind for it: its key (or its group's word),
  // its parts, and, when the corpus does not know it, the known words one typo away. Stop words go
  // unless that leaves nothing.
  Lexicon.prototype.analyse = function (query, most) {
    var self = this, all = words(query), seen = new Set();
    var kept = all.filter(function (w) { return !self.stopWords.has(w); });
    return (kept.length ? kept : all).filter(function (w) {
      if (seen.has(w)) return false;
      seen.add(w);
      return true;
    }).slice(0, most).map(function (word) {
      var wordKey = key(word), options = [{ terms: [wordKey], weight: 1 }];
      var group = self.canonical(wordKey);
      if (group !== wordKey) options.push({ terms: [group], weight: 0.9 });
      var parts = self.split(word);
      if (parts) options.push({ terms: parts.map(function (p) { return self.canonical(p); }), weight: 0.7 });
      var typos = [];
      if (!self.shown.has(wordKey) && !parts && word.length >= self.typoLength) {
        typos = self.close(wordKey);
        typos.forEach(function (t) { options.push({ terms: [self.canonical(t)], weight: 0.6 }); });
      }
      var highlight = new Set([wordKey, group].concat(parts || [], typos));
      return { word: word, options: options, highlight: highlight };
    });
  };

  var dutch = { fold: fold, words: words, key: key, oneEdit: oneEdit, Lexicon: Lexicon };
  if (typeof module !== "undefined" && module.exports) module.exports = dutch;
  if (typeof document === "undefined") return;

  // ---- The search dialog ----
  var root = document.querySelector("[data-kb-zoek]");
  if (!root) return;
  var el = window.kb.el;
  var base = new URL(root.getAttribute("data-base") || ".", location.href);
  var opener = root.querySelector(".kb-zoek__open");
  var dialog = root.querySelector("dialog");
  var input = dialog.querySelector("input[type=search]");
  var status = dialog.querySelector("[role=status]");
  var list = dialog.querySelector(".kb-zoek__resultaten");
  var extra = dialog.querySelector(".kb-zoek__extra");
  var PAGE = 10;
  var QUERY_WORDS = 10;  // a longer query (a pasted text, a crafted link) would ask Pagefind thousands of times
  var QUOTED_LENGTH = 80;
  var KIND_LABELS = { praktijkvoorbeeld: "Praktijkvoorbeeld", vorm: "Vorm uit het Keuzemenu", instrument: "Instrument",
    trede: "Trede van de ladder", pagina: "Pagina" };
  var ready = null, requested = 0, shownCount = PAGE, current = null;

  // The engine is started by kb-zoeken-start.js (at the top of the head, early for a page opened with ?q=).
  function engine() {
    if (!ready) {
      ready = window.kbZoekStart().then(function (loaded) { return [loaded[0], new Lexicon(loaded[1])]; });
      ready.catch(function () { ready = null; });
    }
    return ready;
  }

  function kind() {
    var checked = dialog.querySelector("input[name=kb-zoek-soort]:checked");
    return checked && checked.value !== "alles" ? checked.value : "";
  }

  // The ids of all pages of one kind: every page holds a word for its kind (hooks/kennisbank_participatie/sitesearch.py).
  var kinds = new Map();
  function pagesOfKind(pagefind, lexicon, name) {
    if (!name) return Promise.resolve(null);
    if (!kinds.has(name)) {
      kinds.set(name, pagefind.search(lexicon.kindPrefix + name).then(function (answer) {
        return new Set(answer.results.map(function (result) { return result.id; }));
      }));
    }
    return kinds.get(name);
  }

  // One Pagefind query per option of every query word; a page scores per word its best option. Beside
  // them, per term, the pages with it in their title and in their summary: the build indexes those as
  // the term with a mark after it (hooks' sitesearch.py), in the index chunk the term itself is in.
  // The index chunks of all queries are fetched at once; the queries then run one by one and stop as
  // soon as the reader has typed on (`outdated`), so the next letter does not wait for all of them.
  function find(pagefind, lexicon, analysed, kindName, outdated) {
    var texts = [];
    function ask(text) {
      if (texts.indexOf(text) < 0) texts.push(text);
    }
    function marked(term, mark) { return '"' + term + mark + '"'; }  // quoted: this word exactly
    // An option's own search first, then per term its title and summary searches.
    function textsOf(option) {
      var texts = [option.terms.join(" ")];
      option.terms.forEach(function (term) { texts.push(marked(term, lexicon.titleMark), marked(term, lexicon.summaryMark)); });
      return texts;
    }
    analysed.forEach(function (word) {
      word.options.forEach(function (option) { textsOf(option).forEach(ask); });
    });
    texts.forEach(function (text) { pagefind.preload(text).catch(function () {}); });  // the search reports a failure
    var allowed = null, byText = new Map(), idsOf = new Map();
    function holding(text) {
      if (!idsOf.has(text)) idsOf.set(text, new Set(byText.get(text).map(function (result) { return result.id; })));
      return idsOf.get(text);
    }
    // A query word is in a page's title (or summary) when all terms of one of its options are.
    function holds(options, id, mark) {
      return options.some(function (option) {
        return option.terms.every(function (term) { return holding(marked(term, mark)).has(id); });
      });
    }
    function placeOf(options, id) {
      return holds(options, id, lexicon.titleMark) ? 2 : holds(options, id, lexicon.summaryMark) ? 1 : 0;
    }
    // The first query word's own key and where pages hold it are known before its compounds, synonyms
    // and any further words: the page most likely to come first is fetched while those still run.
    var own = analysed.length ? [analysed[0].options[0]] : [], likelyAsked = false;
    var ownTexts = own.length ? textsOf(own[0]) : [];
    function fetchLikelyFirst() {
      if (likelyAsked || !own.length || !ownTexts.every(function (text) { return byText.has(text); })) return;
      likelyAsked = true;
      var likely = null, likelyPlace = -1;
      byText.get(ownTexts[0]).forEach(function (result) {
        if (allowed && !allowed.has(result.id)) return;
        var place = placeOf(own, result.id);
        if (place > likelyPlace || (place === likelyPlace && result.score > likely.score)) { likely = result; likelyPlace = place; }
      });
      if (likely) likely.data().catch(function () {});  // Pagefind keeps it for the result that shows it
    }
    var searched = texts.reduce(function (previous, text) {
      return previous.then(function () {
        if (outdated()) return;
        return pagefind.search(text).then(function (answer) {
          byText.set(text, (answer && answer.results) || []);
          fetchLikelyFirst();
        });
      });
    }, pagesOfKind(pagefind, lexicon, kindName).then(function (ids) { allowed = ids; }));
    return searched.then(function () {
      if (outdated()) return null;
      var pages = new Map();
      analysed.forEach(function (word, index) {
        var best = new Map();
        word.options.forEach(function (option) {
          byText.get(option.terms.join(" ")).forEach(function (result) {
            if (allowed && !allowed.has(result.id)) return;
            var score = result.score * option.weight;
            var known = best.get(result.id);
            if (!known || known.score < score) best.set(result.id, { score: score, result: result });
          });
        });
        best.forEach(function (hit, id) {
          var page = pages.get(id) || { result: hit.result, words: new Set(), score: 0, place: 0 };
          page.words.add(index);
          page.score += hit.score;
          page.place += placeOf(word.options, id);
          pages.set(id, page);
        });
      });
      // Most query words first; then a query word in the title above one in the summary, and that
      // above one only in the body; then Pagefind's score, which mixes these with how often a word occurs.
      return Array.from(pages.values()).sort(function (a, b) {
        return b.words.size - a.words.size || b.place - a.place || b.score - a.score || (a.result.id < b.result.id ? -1 : 1);
      });
    });
  }

  // Every key asks for a search. While one runs, newer requests wait for it and only the newest runs
  // next: a fast typist does not make the browser fetch pages for half-typed words. A query of one
  // or two letters waits for a pause in the typing: it is nearly always the start of a longer word,
  // and searching it would fetch a large part of the index.
  var busy = false, pause = null, SHORT = 3, PAUSE = 400;
  function schedule() {
    var ticket = ++requested;
    clearTimeout(pause);
    var longest = words(input.value).reduce(function (most, w) { return Math.max(most, w.length); }, 0);
    if (longest && longest < SHORT) pause = setTimeout(function () { if (ticket === requested && !busy) next(); }, PAUSE);
    else if (!busy) next();
  }
  function next() {
    busy = true;
    var ticket = requested;
    run(ticket).then(function () {
      busy = false;
      if (requested !== ticket) schedule();
    });
  }

  // The search itself; the result pages' titles and text are read after it without holding up the
  // next search: a query typed meanwhile does not wait for the pages of one that is no longer asked.
  function run(ticket) {
    var query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      extra.replaceChildren();
      status.textContent = "";
      return Promise.resolve();
    }
    return engine().then(function (loaded) {
      if (ticket !== requested) return;
      var pagefind = loaded[0], lexicon = loaded[1];
      // One more than is searched, to know whether the reader typed more words than that.
      var analysed = lexicon.analyse(query, QUERY_WORDS + 1);
      var tooMany = analysed.length > QUERY_WORDS;
      analysed = analysed.slice(0, QUERY_WORDS);
      return find(pagefind, lexicon, analysed, kind(), function () { return ticket !== requested; }).then(function (ranked) {
        if (!ranked || ticket !== requested) return;
        var highlight = new Set();
        analysed.forEach(function (word) { word.highlight.forEach(function (k) { highlight.add(k); }); });
        current = { query: query, analysed: analysed, tooMany: tooMany, ranked: ranked, lexicon: lexicon, highlight: highlight };
        shownCount = PAGE;
        render(ticket).catch(failed(ticket));
      });
    }).catch(failed(ticket));
  }

  function failed(ticket) {
    return function (error) {
      if (ticket !== requested) return;
      list.removeAttribute("aria-busy");
      status.textContent = "Het zoeken lukt nu niet. Probeer het later opnieuw.";
      window.kbStartMaterial();
      if (window.console) console.error(error);
    };
  }

  // The best results show as soon as their pages are here, together, so the reader can compare them
  // at once; the others follow one by one, in order. The first pages are asked for before the others:
  // on a busy connection they would otherwise share the server with the rest.
  var FIRST = 3;
  function render(ticket) {
    var ranked = current.ranked, analysed = current.analysed, query = current.query;
    var quoted = "‘" + (query.length > QUOTED_LENGTH ? query.slice(0, QUOTED_LENGTH) + "…" : query) + "’";
    var firstWordsOnly = current.tooMany ? " Alleen de eerste " + QUERY_WORDS + " woorden zijn gezocht." : "";
    if (!ranked.length) {
      list.replaceChildren();
      extra.replaceChildren();
      status.textContent = "Geen resultaten voor " + quoted + (kind() ? " bij deze soort pagina." : ".") + firstWordsOnly;
      noResults(analysed);
      window.kbStartMaterial();
      return Promise.resolve();
    }
    var all = analysed.length > 1 && ranked[0].words.size === analysed.length;
    var summary = ranked.length + (ranked.length === 1 ? " resultaat" : " resultaten") + " voor " + quoted +
      (analysed.length > 1 && !all ? ". Geen pagina heeft alle woorden; bovenaan staan de pagina's met de meeste." : ".") +
      firstWordsOnly;
    list.setAttribute("aria-busy", "true");  // until the whole list is there
    function pageOf(hit) {
      if (!hit.page) hit.page = hit.result.data();
      return hit.page;
    }
    var top = ranked.slice(0, shownCount);
    var best = Promise.all(top.slice(0, FIRST).map(pageOf));
    var shownFirst = best.then(function (pages) {
      if (ticket !== requested) return;
      list.replaceChildren.apply(list, pages.map(function (page) { return item(page, current.highlight); }));
      extra.replaceChildren();
      status.textContent = summary;
      window.kbStartMaterial();
    });
    return top.slice(FIRST).reduce(function (above, hit) {
      var arriving = best.then(function () { return ticket === requested ? pageOf(hit) : null; });
      return above.then(function () { return arriving; }).then(function (page) {
        if (page && ticket === requested) list.appendChild(item(page, current.highlight));
      });
    }, shownFirst).then(function () {
      if (ticket !== requested) return;
      list.removeAttribute("aria-busy");
      if (ranked.length <= shownCount) return;
      var more = el("button", { type: "button", class: "md-button", text: "Meer resultaten tonen" });
      more.addEventListener("click", function () {
        var focusIndex = shownCount;
        shownCount += PAGE;
        render(requested).then(function () {
          var link = list.querySelectorAll("a")[focusIndex];
          if (link) link.focus();
        });
      });
      extra.appendChild(more);
    });
  }

  function noResults(analysed) {
    var lexicon = current.lexicon, nearest = [];
    analysed.forEach(function (word) {
      lexicon.nearest(word.word, 4).forEach(function (w) { if (nearest.indexOf(w) < 0) nearest.push(w); });
    });
    if (nearest.length) {
      var options = el("ul", { class: "kb-zoek__suggesties" }, nearest.slice(0, 6).map(function (w) {
        var button = el("button", { type: "button", class: "kb-zoek__suggestie", text: w });
        button.addEventListener("click", function () { input.value = w; input.focus(); schedule(); });
        return el("li", {}, [button]);
      }));
      extra.appendChild(el("p", { text: "Bedoelde je een van deze woorden?" }));
      extra.appendChild(options);
    }
    extra.appendChild(el("p", {}, [
      el("a", { href: new URL("praktijkvoorbeelden/", base).href, text: "Bekijk alle praktijkvoorbeelden" }),
      document.createTextNode(" en kies zelf op thema, gemeente, provincie of trede."),
    ]));
  }

  function item(page, highlight) {
    var meta = page.meta || {};
    var facts = [KIND_LABELS[meta.soort] || "Pagina"];
    if (meta.gemeente) facts.push(meta.gemeente);
    if (meta.jaar) facts.push(meta.jaar);
    var title = el("a", { href: page.url, class: "kb-zoek__titel" });
    title.appendChild(marked(meta.title || page.url, highlight));
    return el("li", { class: "kb-zoek__hit" }, [
      title,
      el("p", { class: "kb-zoek__feiten", text: facts.join(" · ") }),
      el("p", { class: "kb-zoek__tekst" }, [marked(snippet(page, meta), highlight)]),
    ]);
  }

  // The reading text of a page: Pagefind's content without the title, summary and the added terms.
  function snippet(page, meta) {
    var text = page.content.split(current.lexicon.marker)[0];
    var body = text;
    [meta.title, meta.samenvatting].forEach(function (part) {
      if (part && body.trim().startsWith(part)) body = body.trim().slice(part.length);
    });
    var tokens = body.split(/\s+/).filter(Boolean);
    var best = 0, bestCount = -1, keys = tokens.map(function (t) { return matches(t, current.highlight); });
    for (var i = 0; i < tokens.length; i++) {
      if (!keys[i]) continue;
      var count = 0;
      for (var j = i; j < Math.min(tokens.length, i + 25); j++) if (keys[j]) count++;
      if (count > bestCount) { bestCount = count; best = i; }
    }
    if (bestCount < 0) return meta.samenvatting || tokens.slice(0, 30).join(" ");
    var start = Math.max(0, best - 8);
    return (start > 0 ? "… " : "") + tokens.slice(start, start + 32).join(" ") + (start + 32 < tokens.length ? " …" : "");
  }

  // Whether a word of a page matches the query: by key, by synonym group, or holding a query key (a
  // compound). Pages repeat their words, so each answer is kept for the current highlight set.
  var answers = new Map(), answersFor = null;
  function matches(token, highlight) {
    if (answersFor !== highlight) { answers = new Map(); answersFor = highlight; }
    var known = answers.get(token);
    if (known !== undefined) return known;
    var found = words(token).some(function (w) {
      if (w.length < 3) return false;
      var k = key(w);
      if (highlight.has(k) || highlight.has(current.lexicon.canonical(k))) return true;
      return Array.from(highlight).some(function (h) {
        return h.length >= 4 && w.indexOf(h.length > 6 ? h.slice(0, -1) : h) >= 0;
      });
    });
    answers.set(token, found);
    return found;
  }

  // Text with the words that match the query in <mark>; built as text nodes, never as HTML.
  function marked(text, highlight) {
    var fragment = document.createDocumentFragment();
    text.split(/(\s+)/).forEach(function (part) {
      if (part && !/^\s+$/.test(part) && matches(part, highlight)) fragment.appendChild(el("mark", { text: part }));
      else fragment.appendChild(document.createTextNode(part));
    });
    return fragment;
  }

  function open(query) {
    if (!dialog.open) dialog.showModal();
    if (typeof query === "string") input.value = query;
    input.focus();
    engine();
    // Reopened on the same words: keep the list as it is, so focus and keys act on what is shown.
    if (input.value.trim() && !(current && current.query === input.value.trim())) schedule();
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  opener.hidden = false;
  opener.addEventListener("click", function () { open(); });
  opener.addEventListener("pointerenter", function () { engine(); }, { once: true });
  dialog.querySelector(".kb-zoek__sluit").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener("close", function () { window.kbStartMaterial(); });
  input.addEventListener("input", schedule);
  dialog.querySelectorAll("input[name=kb-zoek-soort]").forEach(function (radio) { radio.addEventListener("change", schedule); });
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) location.href = first.href;
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
  });
  // Escape closes the search at once, also from the search box (where Chromium would first clear it).
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
  });
  list.addEventListener("keydown", function (event) {
    var all = links(), index = all.indexOf(document.activeElement);
    if (index < 0) return;
    if (event.key === "ArrowDown" && index < all.length - 1) { event.preventDefault(); all[index + 1].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); (index ? all[index - 1] : input).focus(); }
  });
  document.addEventListener("keydown", function (event) {
    // The search box of a just-closed dialog may keep focus until the browser's next rendering step: not typing.
    var target = event.target, typing = target && !dialog.contains(target) && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!dialog.open && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });
  // The search box on the start page and the 404 page is a form that opens the start page with ?q=
  // (hooks' home.py), so it works without this script; with it, its words go to the search at once,
  // without loading a page again. The form comes later in the page than this script: hence the document.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.kb-zoekvak")) return;
    var words = (new FormData(form).get("q") || "").trim();
    if (!words) return;
    event.preventDefault();
    open(words);
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("form.kb-zoekvak")) engine();
  });
  // Contract with the rest of the site: any page opened with ?q=words opens the search with those words.
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) open(asked);
  // Search is where most readers start: fetch the engine (about 130 KB, the same on every page, so
  // cached for the whole visit) while the reader looks at the page, so the first query answers at
  // once. Not when the browser asks to save data: then it loads when the search opens.
  var connection = navigator.connection || {};
  if (!asked && !connection.saveData && !/2g/.test(connection.effectiveType || "")) {
    (window.requestIdleCallback || setTimeout)(function () { engine(); }, { timeout: 500 });
  }
})();
