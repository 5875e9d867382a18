/* The search index is downloaded when the reader goes to search, not on every page.
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
  var INDEX = /\/search\/search_index\.json(?:[?#].*)?$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = new URLSearchParams(window.location.search).has("h");

  XMLHttpRequest.prototype.open = function (method, url) {
    this.gmSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
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
