// Offline search over search-index.js (window.EDITION_SEARCH: one entry per paragraph).
// Works from file:// because the index is a script, not fetched. Results are built with
// DOM text nodes only, so nothing in the text can become markup.
(function () {
  "use strict";
  var entries = window.EDITION_SEARCH || [];
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var CONTEXT = 90;
  var MAX_RESULTS = 100;

  // Fold one UTF-16 unit: lower case, no accents, straight quotes; the length stays 1, so
  // positions in the folded text are positions in the original.
  function foldChar(c) {
    var f = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    if (f.length !== 1) f = c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    return f.replace(/[\u2018\u2019]/, "'").replace(/[\u201c\u201d]/, "\"");
  }
  function fold(text) { return text.split("").map(foldChar).join(""); }

  var folded = entries.map(function (e) { return fold(e.text); });

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var hits = [];
    folded.forEach(function (text, i) {
      var score = 0;
      for (var t = 0; t < terms.length; t++) {
        var n = text.split(terms[t]).length - 1;
        if (!n) return;
        score += n;
      }
      hits.push({ entry: entries[i], text: text, score: score, first: text.indexOf(terms[0]), terms: terms });
    });
    return hits.sort(function (a, b) { return b.score - a.score; }).slice(0, MAX_RESULTS);
  }

  // The paragraph around the first hit with every term marked.
  function snippet(hit) {
    var start = Math.max(0, hit.first - CONTEXT);
    var end = Math.min(hit.text.length, hit.first + CONTEXT * 2);
    var original = hit.entry.text, foldedPart = hit.text;
    var fragment = document.createDocumentFragment();
    if (start > 0) fragment.appendChild(document.createTextNode("\u2026"));
    var pos = start;
    while (pos < end) {
      var next = -1, length = 0;
      hit.terms.forEach(function (term) {
        var at = foldedPart.indexOf(term, pos);
        if (at !== -1 && at < end && (next === -1 || at < next)) { next = at; length = term.length; }
      });
      if (next === -1) { fragment.appendChild(document.createTextNode(original.slice(pos, end))); break; }
      fragment.appendChild(document.createTextNode(original.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = original.slice(next, next + length);
      fragment.appendChild(mark);
      pos = next + length;
    }
    if (end < original.length) fragment.appendChild(document.createTextNode("\u2026"));
    return fragment;
  }

  function show(query) {
    list.textContent = "";
    var hits = search(query);
    status.textContent = hits.length
      ? hits.length + (hits.length === 1 ? " paragraph" : " paragraphs") + " found for \u201c" + query + "\u201d."
      : "Nothing found for \u201c" + query + "\u201d.";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.entry.href;
      link.className = "where";
      link.textContent = hit.entry.title + " \u2014 " + hit.entry.where;
      var text = document.createElement("p");
      text.appendChild(snippet(hit));
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  if (input && query) { input.value = query; show(query); }
  if (input) {
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = input.value.trim();
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(q)); } catch (e) { /* file:// may refuse */ }
      if (q) show(q);
    });
  }
})();
