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
  // Article pages: selecting text in the body fills the "add a statement"
  // form with the selection's byte offsets (the body's text is the
  // article's body exactly; offsets are UTF-8 bytes, as everywhere).
  var add = document.getElementById("addst");
  if (add && body) {
    var utf8len = function (s) { return new TextEncoder().encode(s).length; };
    var offset = function (node, off) {
      var r = document.createRange();
      r.setStart(body, 0);
      r.setEnd(node, off);
      return utf8len(r.toString());
    };
    document.addEventListener("mouseup", function () {
      var sel = window.getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
      var rg = sel.getRangeAt(0);
      if (!body.contains(rg.startContainer) || !body.contains(rg.endContainer)) return;
      var text = rg.toString();
      if (!text.trim()) return;
      var start = offset(rg.startContainer, rg.startOffset);
      // Leading and trailing spaces are not part of what was said.
      var lead = text.length - text.replace(/^\s+/, "").length;
      var trimmed = text.trim();
      start += utf8len(text.slice(0, lead));
      document.getElementById("addst-start").value = start;
      document.getElementById("addst-end").value = start + utf8len(trimmed);
      document.getElementById("addst-text").textContent = trimmed;
      add.hidden = false;
    });
    var cancel = document.getElementById("addst-cancel");
    if (cancel) cancel.addEventListener("click", function () { add.hidden = true; });
  }
  // A link to evidence (?hl=START-END) scrolls the highlighted span into view.
  var hl = document.getElementById("hl");
  if (hl && !location.hash) {
    hl.scrollIntoView({ block: "center" });
  }
  // Dossier editor: a problem's file:line:col link selects that line.
  var src = document.getElementById("source");
  var problems = document.getElementById("problems");
  if (src && problems && src.tagName === "TEXTAREA") {
    problems.addEventListener("click", function (ev) {
      var a = ev.target.closest ? ev.target.closest("a.goto") : null;
      if (!a) return;
      ev.preventDefault();
      var line = parseInt(a.dataset.line, 10) || 1;
      var lines = src.value.split("\n");
      var start = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
      var end = start + (lines[line - 1] || "").length;
      src.focus();
      src.setSelectionRange(start, end);
      var lh = src.scrollHeight / Math.max(lines.length, 1);
      src.scrollTop = Math.max(0, (line - 3) * lh);
    });
  }
})();
