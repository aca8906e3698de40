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

  if (new URLSearchParams(location.search).get("q")) window.kbZoekStart();
})();
