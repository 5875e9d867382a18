/* Search across Chinese scripts: a query typed in Traditional characters on the Simplified
 * site (or the other way round) is converted, character by character, to the script of this
 * site's search index before it reaches the search worker. The box keeps what the reader
 * typed. The map (assets/javascripts/script-map.js) is generated at build time from the
 * characters of this language's index. Material sends queries as {type: 2, data: "..."}. */
(function () {
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var map = window.gmScriptMap;
    if (map && message && message.type === 2 && typeof message.data === "string") {
      var converted = "";
      for (var i = 0; i < message.data.length; i++) {
        var ch = message.data.charAt(i);
        converted += map[ch] || ch;
      }
      message = { type: message.type, data: converted };
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();
