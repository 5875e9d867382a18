/* Chinese queries, made to find what they should.
 *
 * 1. Either script: a query typed in Traditional characters on the Simplified site (or the
 *    other way round) is converted, character by character, to the script of this site's
 *    search index. The map (assets/javascripts/script-map.js) is generated at build time from
 *    the characters of this language's index. The search box keeps what the reader typed.
 * 2. Whole words (the theme's own worker, in the offline bundle): the theme segments a Chinese query against the words of the index, but never
 *    tries a word that ends at the query's last character, so 梅子小屋 or 驿站 typed alone is cut
 *    into shorter pieces. Each run of Chinese characters gets a closing 〇 that no word uses,
 *    so the real last character can end a word; the 〇 itself matches nothing and is dropped.
 * 3. Mixed runs: digits or Latin letters written against Chinese (2021年平安建设) are split from it
 *    by a space, as the index holds them (2021, 平安建设): one run would be one unknown word.
 *
 * Material sends queries to its search worker as {type: 2, data: "..."}. */
(function () {
  var HAN = /(\p{sc=Han}+)/gu;
  var MIXED = /([0-9A-Za-z])(?=\p{sc=Han})|(\p{sc=Han})(?=[0-9A-Za-z])/gu;
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      var map = window.gmScriptMap || {};
      var converted = "";
      for (var i = 0; i < message.data.length; i++) {
        var ch = message.data.charAt(i);
        converted += map[ch] || ch;
      }
      converted = converted.replace(MIXED, "$1$2 ");
      // the 〇 is for the theme's own worker (the offline bundle); the site's worker segments by itself
      if (!document.documentElement.hasAttribute("data-gm-search")) converted = converted.replace(HAN, "$1\u3007");
      message = { type: message.type, data: converted };
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();
