// The start of the site search, loaded at the top of every page's head (overrides/main.html), before
// the stylesheets, because a script after a stylesheet waits for it. A page opened with ?q=words
// starts fetching and unpacking the engine here, beside the page's own files; kb-zoeken.js takes what
// was started (window.kbZoekStart) and otherwise starts it when the reader comes to search.
//
// Pagefind asks for its files one after another (pagefind.js, then pagefind-entry.json, then its
// metadata and wasm, then index chunks, then the pages found). Every step that can start earlier does:
// the wasm (one Dutch index, urls.SEARCH_LANGUAGE in the hooks) with pagefind.js and our language
// data, and the metadata and entry file at once: the build writes the index name into this file.
(function () {
  "use strict";
  var base = new URL(document.currentScript.getAttribute("data-base") || ".", location.href);
  var PAGEFIND = new URL("pagefind/", base);
  var started = null;
  // The name of this build's Pagefind index: the build writes it here (hooks' sitesearch.py). Without
  // it (a copy of the assets without a build) it comes with the language data.
  var INDEX = "@@zoekindex@@";
  var known = INDEX.indexOf("@@") < 0;

  // With the index name as Pagefind's cache tag, pagefind-entry.json has a fixed address per build.
  function metadata(index) {
    preload(new URL("pagefind-entry.json?ts=" + index, PAGEFIND).href);
    preload(new URL("pagefind." + index + ".pf_meta", PAGEFIND).href);
  }

  function preload(url) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";  // matches what fetch() asks for, so Pagefind's fetch takes this one
    link.href = url;
    document.head.appendChild(link);
  }

  // A server may already have unpacked the file (Content-Encoding); the gzip magic number tells.
  function unzip(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  window.kbZoekStart = function () {
    if (!started) {
      preload(new URL("wasm.nl.pagefind", PAGEFIND).href);
      if (known) metadata(INDEX);
      var language = fetch(new URL("zoeken/taal.dat", base)).then(function (response) {
        if (!response.ok) throw new Error("zoeken/taal.dat: " + response.status);
        return response.arrayBuffer();
      }).then(unzip).then(function (text) {
        var data = JSON.parse(text);
        if (!known) metadata(data.index);
        return data;
      });
      started = { pagefind: import(new URL("pagefind.js", PAGEFIND).href), language: language, pagefindPath: PAGEFIND.pathname };
      Promise.all([started.pagefind, language]).catch(function () { started = null; });  // a later search tries again
    }
    return started;
  };

  if (new URLSearchParams(location.search).get("q")) window.kbZoekStart();
})();
