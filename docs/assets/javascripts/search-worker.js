/* The site's search worker: the theme's search box and result list, Pagefind's index.
 *
 * The theme runs its search in a Web Worker and talks to it in four messages (0 setup, 1 ready,
 * 2 query, 3 result). This worker answers them from the Pagefind index that the build writes into
 * each language's pagefind/ folder (hooks/search.py): the index is split into small chunks, and a
 * query downloads only the chunks of its words and the pages it shows, so what a search costs does
 * not grow with the catalogue. The theme's box, keyboard use, result list and highlighting of the
 * query on the page opened stay as they are. WebAssembly runs here, in the worker: the page's own
 * policy (scripts from the site only, no eval) is untouched.
 *
 * The offline bundle (file://, where a worker cannot load Pagefind's files) keeps the theme's own
 * worker and index. */
"use strict";

var SHOWN = 20; // results with their titles and excerpts; the count says how many matched in all
var KEYWORDS = "gm-keywords"; // the part of a page that holds its keywords: searched, never shown
var root = new URL("../../", self.location.href); // this language's site: assets/javascripts/ is two below
var engine = null;
var latest = 0;

function load() {
  if (!engine) {
    engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
      return pagefind.options({ baseUrl: "/", excerptLength: 24 }).then(function () {
        return pagefind.init();
      }).then(function () {
        return pagefind;
      });
    });
  }
  return engine;
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, function (ch) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[ch];
  });
}

// a page's address as the theme's own index writes it: relative to the language's site
function address(url) {
  return url.replace(/^\/+/, "");
}

function terms(query) {
  var found = {};
  query.split(/\s+/).forEach(function (word) {
    if (word) found[word] = true;
  });
  return found;
}

// One result of Pagefind as the theme's group: the page first, then its best sections.
function group(data, score, matched) {
  var sections = (data.sub_results || []).filter(function (sub) {
    return sub.url.indexOf("#") > 0 && sub.url.split("#")[1] !== KEYWORDS;
  });
  var best = sections.slice().sort(function (a, b) {
    return (b.locations || []).length - (a.locations || []).length;
  });
  var page = {
    location: address(data.url.split("#")[0]),
    title: escape(data.meta.title || data.url),
    text: (data.meta.summary ? escape(data.meta.summary) : ""),
    score: score,
    terms: matched,
  };
  var items = [page];
  best.forEach(function (sub, i) {
    items.push({
      location: address(sub.url),
      title: escape(sub.title),
      text: sub.excerpt,
      score: i === 0 ? score : score / 2, // the best section is shown, the others fold under "more"
      terms: matched,
      parent: page.location,
    });
  });
  return items;
}

var HAN = /\p{sc=Han}/gu;

// Pagefind matches each word of a query as the start of a word of the index. A Chinese query is
// first looked for whole (the index holds every part of every name and place as a word, so a part a
// reader remembers is found as it is), then, when that finds few pages, character by character: each
// character must start a word of the page (the page's text is in words of two characters or more).
function find(pagefind, query) {
  return pagefind.search(query).then(function (whole) {
    var results = (whole && whole.results) || [];
    var chars = query.replace(HAN, " $& ").replace(/\s+/g, " ").trim();
    if (results.length >= SHOWN || chars === query.replace(/\s+/g, " ").trim()) return results;
    return pagefind.search(chars).then(function (split) {
      var seen = {};
      results.forEach(function (r) { seen[r.id] = true; });
      return results.concat(((split && split.results) || []).filter(function (r) { return !seen[r.id]; }));
    });
  });
}

function search(query, id) {
  return load().then(function (pagefind) {
    return find(pagefind, query);
  }).then(function (results) {
    if (id !== latest) return null;
    return Promise.all(results.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
      var matched = terms(query);
      var items = pages.map(function (data, i) {
        return group(data, results.length - i, matched);
      });
      return { items: items, total: results.length };
    });
  });
}

addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === 0) {
    postMessage({ type: 1 });
  } else if (message.type === 2) {
    var id = ++latest;
    var query = String(message.data || "").trim();
    if (!query) {
      postMessage({ type: 3, data: { items: [], total: 0 } });
      return;
    }
    search(query, id).then(function (result) {
      if (result && id === latest) postMessage({ type: 3, data: result });
    }, function (error) {
      console.warn("search failed:", error);
      if (id === latest) postMessage({ type: 3, data: { items: [], total: 0 } });
    });
  }
});
