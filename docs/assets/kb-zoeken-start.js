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
  var started = null, unpacking = false;
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

  // The body of a response, unpacked when it is gzip, as a stream: the first bytes tell (a server may
  // have unpacked it already, saying Content-Encoding), the rest flows through the browser's own gzip.
  // A stream, not a buffer: every step the page's main thread has to take while it is loading is a wait.
  function unpacked(response) {
    var reader = response.body.getReader();
    return reader.read().then(function (first) {
      var body = new ReadableStream({
        start: function (controller) {
          if (first.done) controller.close();
          else controller.enqueue(first.value);
        },
        pull: function (controller) {
          return reader.read().then(function (next) {
            if (next.done) controller.close();
            else controller.enqueue(next.value);
          });
        },
        cancel: function (reason) { return reader.cancel(reason); },
      });
      var gzip = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
      return new Response(gzip ? body.pipeThrough(new DecompressionStream("gzip")) : body,
        { status: response.status, statusText: response.statusText });
    });
  }

  // Pagefind's files are gzip, and Pagefind unpacks them in JavaScript unless they arrive unpacked:
  // some 300 KB for a first search (wasm, metadata, an index chunk, the result pages), about 50 ms of
  // a phone's main thread. The browser's own gzip does the same in a few. So a fetch of a file in
  // Pagefind's folder answers with the file unpacked; every other fetch of the page is left alone.
  function unpackPagefindFiles() {
    var fetchFile = window.fetch;
    window.fetch = function (input) {
      var response = fetchFile.apply(window, arguments);
      var url;
      try {
        url = new URL(input instanceof Request ? input.url : String(input), location.href);
      } catch (error) {
        return response;  // fetch itself says what is wrong with the address
      }
      if (url.origin !== PAGEFIND.origin || url.pathname.indexOf(PAGEFIND.pathname) !== 0 || /\.js$/.test(url.pathname)) return response;
      return response.then(function (answer) { return answer.ok && answer.body ? unpacked(answer) : answer; });
    };
  }

  window.kbZoekStart = function () {
    if (!started) {
      if (typeof DecompressionStream === "function" && !unpacking) {
        unpackPagefindFiles();
        unpacking = true;  // once, also when a failed start is tried again
      }
      preload(new URL("wasm.nl.pagefind", PAGEFIND).href);
      if (known) metadata(INDEX);
      var language = fetch(new URL("zoeken/taal.dat", base)).then(function (response) {
        if (!response.ok) throw new Error("zoeken/taal.dat: " + response.status);
        return unpacked(response);
      }).then(function (response) { return response.json(); }).then(function (data) {
        if (!known) metadata(data.index);
        return data;
      });
      // Pagefind's own start (its entry file, metadata and wasm) runs as soon as its script is here,
      // beside the language data, so the first search only has to fetch the index chunks it needs.
      var pagefind = import(new URL("pagefind.js", PAGEFIND).href).then(function (module) {
        var index = known ? Promise.resolve(INDEX) : language.then(function (data) { return data.index; });
        return index.then(function (name) {
          return module.options({ basePath: PAGEFIND.pathname, baseUrl: base.pathname, noWorker: true, metaCacheTag: name });
        }).then(function () {
          module.init();
          return module;
        });
      });
      started = Promise.all([pagefind, language]);
      started.catch(function () { started = null; });  // a later search tries again
    }
    return started;
  };

  // A page opened with ?q= shows the search over the page at once. Material's script (its bundle at the
  // end of the body: some 130 ms of a phone's main thread to run and to set up the page behind the
  // search) would run before the first results; it waits until they show (kb-zoeken.js calls
  // kbStartMaterial), or until the dialog closes, or MATERIAL_LATEST ms after the page was read.
  var MATERIAL_SCRIPT = /\/assets\/javascripts\/bundle\.[0-9a-f]+\.min\.js$/;
  var MATERIAL_LATEST = 3000;
  var waitingMaterial = null, materialMayRun = false;

  function holdMaterial() {
    var watcher = new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node === document.body) watcher.observe(node, { childList: true });
          if (node.nodeName !== "SCRIPT" || !MATERIAL_SCRIPT.test(node.src)) return;
          watcher.disconnect();
          if (materialMayRun) return;  // the results came before the parser got here
          waitingMaterial = node.src;
          node.type = "text/kb-wacht";  // set before the parser reaches its end tag: a type no browser runs
        });
      });
    });
    watcher.observe(document.documentElement, { childList: true });
    document.addEventListener("DOMContentLoaded", function () {
      watcher.disconnect();
      setTimeout(window.kbStartMaterial, MATERIAL_LATEST);
    });
  }

  window.kbStartMaterial = function () {
    var src = waitingMaterial;
    waitingMaterial = null;
    materialMayRun = true;
    if (!src || window.document$) return;  // nothing waits, or the browser ran it after all (Material's own global)
    // Material sets up the page on DOMContentLoaded, which has passed: a listener for it added
    // while the script runs is called right after it, as the browser would have.
    var listen = document.addEventListener;
    document.addEventListener = function (type, listener) {
      if (type !== "DOMContentLoaded" || document.readyState === "loading") return listen.apply(this, arguments);
      Promise.resolve().then(function () {
        var event = new Event("DOMContentLoaded");
        if (typeof listener === "function") listener.call(document, event);
        else listener.handleEvent(event);
      });
    };
    var script = document.createElement("script");
    script.src = src;
    script.onload = script.onerror = function () { document.addEventListener = listen; };
    document.body.appendChild(script);
  };

  if (new URLSearchParams(location.search).get("q")) {
    holdMaterial();
    window.kbZoekStart();
  }
})();
