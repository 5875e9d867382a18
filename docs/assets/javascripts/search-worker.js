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
      return pagefind.options({ baseUrl: "/", excerptLength: 30 }).then(function () {
        return pagefind.init();
      }).then(function () {
        return pagefind;
      });
    }).catch(function (error) {
      engine = null; // a weak network: the next query tries again
      throw error;
    });
  }
  return engine;
}

// The index holds Chinese text in words with spaces between them (govcat/searchpages.py); a reader
// sees it without them, also where a highlighted word begins or ends.
var CJK = "\\p{sc=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’";
var SPACED = new RegExp("([" + CJK + "])((?:</?mark>)*) ((?:</?mark>)*)(?=[" + CJK + "])", "gu");

function tidy(html) {
  var before;
  do {
    before = html;
    html = html.replace(SPACED, "$1$2$3");
  } while (html !== before);
  return html;
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
    title: tidy(escape(data.meta.title || data.url)),
    text: (data.meta.summary ? escape(data.meta.summary) : ""),
    score: score,
    terms: matched,
  };
  var items = [page];
  best.forEach(function (sub, i) {
    var title = tidy(escape(sub.title));
    var text = tidy(sub.excerpt);
    // Pagefind's excerpt of a section may begin with its heading ("概况. …"): the list shows it above
    if (text.indexOf(title + ". ") === 0) text = text.slice(title.length + 2);
    items.push({
      location: address(sub.url),
      title: title,
      text: text,
      score: i === 0 ? score : score / 2, // the best section is shown, the others fold under "more"
      terms: matched,
      parent: page.location,
    });
  });
  return items;
}

var HAN = /\p{sc=Han}/gu;
var SEGMENTER = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

function spaced(text) {
  return text.replace(/\s+/g, " ").trim();
}

// Pagefind matches each word of a query as the start of a word of the index, and a page must have
// them all. The index holds a page's text in words (the build's dictionary) and every part of every
// name and place as a word of its own. So a Chinese query is looked for: whole (a part of a name as
// the reader remembers it); in the browser's words (a phrase of the text); character by character
// (each character starts a word of the page). Each next way only when the ones before found fewer
// pages than are shown, and its pages come after theirs.
function ways(query) {
  var found = [spaced(query)];
  if (SEGMENTER) {
    var words = [];
    for (var part of SEGMENTER.segment(query)) words.push(part.segment);
    found.push(spaced(words.join(" ")));
  }
  found.push(spaced(query.replace(HAN, " $& ")));
  return found.filter(function (way, i) { return found.indexOf(way) === i; });
}

function find(pagefind, query) {
  var list = ways(query);
  var results = [];
  var seen = {};
  function next(i) {
    if (i >= list.length || results.length >= SHOWN) return Promise.resolve(results);
    return pagefind.search(list[i]).then(function (found) {
      ((found && found.results) || []).forEach(function (r) {
        if (!seen[r.id]) {
          seen[r.id] = true;
          results.push(r);
        }
      });
      return next(i + 1);
    });
  }
  return next(0);
}

// The theme's suggestion (search.suggest): the query's last word completed from the first title of
// the results that has a word starting with it, shown in grey behind the query; the right arrow key
// accepts it.
function completion(last, title) {
  title = tidy(String(title || "")); // the title's words as the reader sees them
  if (/^\p{sc=Han}+$/u.test(last)) {
    var at = title.indexOf(last);
    return at < 0 ? null : title.slice(at).match(/^\p{sc=Han}+/u)[0];
  }
  var lower = last.toLowerCase();
  var word = (title.match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) {
    return w.toLowerCase().indexOf(lower) === 0;
  })[0];
  return word && last === lower ? word.toLowerCase() : word;
}

function suggest(query, pages) {
  var last = query.split(/[\s-]+/).pop();
  for (var i = 0; last && i < pages.length; i++) {
    var found = completion(last, pages[i].meta.title);
    if (found && found !== last) return [found];
  }
  return [];
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
      return { items: items, total: results.length, suggest: suggest(query, pages) };
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
