/* Facet filters for the catalogue. The catalogue is split over numbered pages; the filters search
 * all of it: the first time a filter is chosen, every model's card data is loaded from
 * data/catalogue-cards.js (a script, so that it also loads from file:// in the offline bundle, where
 * fetch() does not; written by govcat/facetdata.py), and the matching models are shown in place of
 * the page's own list, a page at a time. Works without a server; without JavaScript the form stays
 * hidden and the numbered pages list every model. The chosen filters live in the address
 * (?problems=linli-jiufen) so a filtered list can be shared as a link. */
(function () {
  var STEP = 50; // cards shown at once, as on a numbered page (govcat/paging.py PER_PAGE)
  var GLOBAL = "gmCatalogueCards"; // govcat/facetdata.py GLOBAL

  function load(src, done) {
    if (window[GLOBAL]) return done(true);
    var script = document.querySelector('script[data-gm-cards]');
    if (!script) {
      script = document.createElement("script");
      script.src = src;
      script.setAttribute("data-gm-cards", "");
      document.head.appendChild(script);
    }
    script.addEventListener("load", function () { done(!!window[GLOBAL]); });
    script.addEventListener("error", function () { done(false); });
  }

  function setup() {
    var form = document.getElementById("gm-facets");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var own = document.getElementById("gm-page");
    var results = document.getElementById("gm-results");
    var list = results.querySelector(".gm-cards");
    var more = results.querySelector(".gm-results__more");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = form.querySelector(".gm-count");
    var total = count.dataset.total;
    var base = form.dataset.base;
    var matches = [];
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v && s.querySelector('option[value="' + CSS.escape(v) + '"]')) s.value = v;
    });

    function say(template, shown) {
      count.textContent = template.replace("{shown}", shown).replace("{total}", total);
    }

    function link(cls, href, text) {
      var a = document.createElement("a");
      if (cls) a.className = cls;
      a.href = base + "/" + href;
      a.textContent = text;
      return a;
    }

    // The markup of overrides/gm/card.html, from one row of the data.
    function card(data, row) {
      var m = {};
      data.fields.forEach(function (f, i) { m[f] = row[i]; });
      var place = m.places.split(" ").pop();
      var li = document.createElement("li");
      li.className = "gm-card";
      li.appendChild(link("gm-card__title", data.urls.model.replace("{}", m.slug), m.title));
      var meta = document.createElement("span");
      meta.className = "gm-card__meta";
      meta.appendChild(document.createTextNode(data.labels.kinds[m.kinds] + " · "));
      meta.appendChild(link("", data.urls.place.replace("{}", place), data.labels.places[place]));
      li.appendChild(meta);
      var summary = document.createElement("p");
      summary.className = "gm-card__summary";
      summary.textContent = m.summary;
      li.appendChild(summary);
      if (m.problems) {
        var terms = document.createElement("p");
        terms.className = "gm-card__terms";
        var label = document.createElement("span");
        label.className = "gm-label";
        label.textContent = form.dataset.problemsLabel;
        terms.appendChild(label);
        m.problems.split(" ").forEach(function (id) {
          terms.appendChild(link("gm-chip", data.urls.problem.replace("{}", id), data.labels.problems[id]));
        });
        li.appendChild(terms);
      }
      return li;
    }

    function showMore() {
      var data = window[GLOBAL];
      var from = list.children.length;
      var fragment = document.createDocumentFragment();
      matches.slice(from, from + STEP).forEach(function (row) { fragment.appendChild(card(data, row)); });
      list.appendChild(fragment);
      var left = matches.length - list.children.length;
      more.hidden = left <= 0;
      more.textContent = more.dataset.template.replace("{n}", Math.min(left, STEP));
    }

    function apply() {
      var chosen = selects.filter(function (s) { return s.value; });
      var query = new URLSearchParams();
      chosen.forEach(function (s) { query.set(s.name, s.value); });
      var qs = query.toString();
      history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : "") + window.location.hash);
      if (!chosen.length) {
        results.hidden = true;
        own.hidden = false;
        say(count.dataset.all, total);
        return;
      }
      if (!window[GLOBAL]) {
        say(count.dataset.loading, "");
        load(form.dataset.cards, function (ok) {
          if (ok) apply();
          else say(count.dataset.failed, "");
        });
        return;
      }
      var data = window[GLOBAL];
      var at = {};
      data.fields.forEach(function (f, i) { at[f] = i; });
      matches = data.models.filter(function (row) {
        return chosen.every(function (s) { return row[at[s.name]].split(" ").indexOf(s.value) !== -1; });
      });
      list.textContent = "";
      showMore();
      own.hidden = true;
      results.hidden = false;
      say(count.dataset.template, matches.length);
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    more.addEventListener("click", showMore);
    form.hidden = false;
    apply();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
