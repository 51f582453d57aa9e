// Parley's only script: progressive enhancement, the pages work without it.
// Loaded with the page's CSP nonce; it adds listeners, never inline code.
"use strict";
(function () {
  // Article pages: the legend's checkboxes switch highlight layers off and on.
  var legend = document.getElementById("legend");
  var body = document.getElementById("body");
  if (legend && body) {
    legend.addEventListener("change", function (ev) {
      var t = ev.target;
      if (!t || !t.dataset || !t.dataset.layer) return;
      body.classList.toggle("no-" + t.dataset.layer, !t.checked);
    });
  }
  // A link to evidence (?hl=START-END) scrolls the highlighted span into view.
  var hl = document.getElementById("hl");
  if (hl && !location.hash) {
    hl.scrollIntoView({ block: "center" });
  }
})();
