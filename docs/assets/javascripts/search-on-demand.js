/* The search index is downloaded when the reader goes to search, not on every page; the sitemap, never.
 *
 * On the published site the theme's worker is replaced by the site's own (search-worker.js, given in
 * this script's data-worker attribute): it answers the theme in the theme's own messages from
 * Pagefind's index, downloading only the chunks a query needs.
 *
 * The theme requests search/search_index.json as soon as any page opens, whether or not the reader
 * searches (the whole index: it grows with the catalogue). This script, loaded in <head> before the
 * theme's bundle, holds that one request back until the reader focuses the search box (by clicking,
 * tapping the header's search button, or the theme's keyboard shortcuts) or presses on its button.
 * A query typed meanwhile waits for the index and then runs. A page opened from a search result
 * (?h=query) loads it at once: the theme highlights the query with the index's settings (and the
 * browser has it cached from the search). Other requests are untouched; from file:// the theme loads
 * the index as a script instead and nothing is held back. */
(function () {
  // The published site's own search worker (data-worker): the theme's box and list, Pagefind's chunks.
  var worker = document.currentScript && document.currentScript.getAttribute("data-worker");
  var THEME_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js(?:[?#].*)?$/;
  if (worker) {
    var NativeWorker = window.Worker;
    var shown = document.currentScript.getAttribute("data-shown") || "{shown} / {total}";
    var SiteWorker = function (url, options) {
      if (!THEME_WORKER.test(String(url))) return new NativeWorker(url, options);
      var created = new NativeWorker(worker, options);
      // The worker lists the first results of a query and says how many matched in all; the theme
      // counts the list. After the theme has written its count, say both.
      created.addEventListener("message", function (event) {
        var result = event.data && event.data.type === 3 && event.data.data;
        if (!result || !(result.total > result.items.length)) return;
        setTimeout(function () {
          var meta = document.querySelector(".md-search-result__meta");
          if (meta) meta.textContent = shown.replace("{shown}", result.items.length).replace("{total}", result.total);
        }, 0);
      });
      return created;
    };
    SiteWorker.prototype = NativeWorker.prototype;
    window.Worker = SiteWorker;
    document.documentElement.setAttribute("data-gm-search", "pagefind");
  }
  var INDEX = /\/search\/search_index\.json(?:[?#].*)?$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = new URLSearchParams(window.location.search).has("h");

  // The theme also fetches sitemap.xml beside every <link rel=alternate>, to lead its language links
  // to the same page in the other language. This site's language links already do (the switcher is
  // filled per page), and its one such link is the feed's: the whole sitemap, which grows with the
  // catalogue (17 KB compressed at 5,000 models), would be downloaded for nothing. It is not sent.
  var SITEMAP = /\/sitemap\.xml(?:[?#].*)?$/;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.gmSearchIndex = INDEX.test(String(url));
    this.gmSitemap = SITEMAP.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.gmSitemap) return undefined;
    if (this.gmSearchIndex && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function load() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }

  function isSearch(target) {
    return target && target.closest && target.closest("input.md-search__input, label[for=__search], .md-search");
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) load(); });
  document.addEventListener("pointerdown", function (event) { if (isSearch(event.target)) load(); });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) load();
  });
})();
