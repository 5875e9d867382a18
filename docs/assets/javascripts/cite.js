/* 引用本页: the reader's own date as the access date, and a copy button. Without JavaScript the
 * citation (with the build date) is there to select, and the button stays hidden. No library:
 * the Clipboard API where the browser allows it, else the selection and the copy command. */
(function () {
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function copySelection(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }

  function setup() {
    var d = new Date();
    var today = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
    document.querySelectorAll(".gm-citation__accessed").forEach(function (t) {
      t.textContent = today;
      t.setAttribute("datetime", today);
    });
    document.querySelectorAll("button[data-gm-copy]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      var text = document.getElementById(button.dataset.gmCopy);
      var status = button.parentNode.querySelector(".gm-citation__status");
      if (!text) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var value = text.textContent.replace(/\s+/g, " ").trim();
        function done(ok) { if (status) status.textContent = ok ? button.dataset.gmDone : button.dataset.gmFailed; }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(value).then(function () { done(true); }, function () { done(copySelection(text)); });
        } else {
          done(copySelection(text));
        }
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
