/* Facet filters for the catalogue page. Works without a server; without JavaScript the full
 * list stays visible and the form stays hidden. The chosen filters live in the address
 * (?problems=linli-jiufen) so a filtered list can be shared as a link. */
(function () {
  function setup() {
    var form = document.getElementById("gm-facets");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var cards = Array.prototype.slice.call(document.querySelectorAll(".gm-cards .gm-card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = form.querySelector(".gm-count");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v && s.querySelector('option[value="' + CSS.escape(v) + '"]')) s.value = v;
    });
    function apply() {
      var shown = 0;
      var query = new URLSearchParams();
      cards.forEach(function (card) {
        var ok = selects.every(function (s) {
          if (!s.value) return true;
          return (card.dataset[s.name] || "").split(" ").indexOf(s.value) !== -1;
        });
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      selects.forEach(function (s) { if (s.value) query.set(s.name, s.value); });
      var qs = query.toString();
      history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : "") + window.location.hash);
      count.textContent = (count.dataset.template || "{shown} / {total}")
        .replace("{shown}", shown).replace("{total}", cards.length);
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
