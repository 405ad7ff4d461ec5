// Offline search over search-index.js (window.EDITION_SEARCH: the paragraphs with the register
// entries each names, and every entry's name forms). Works from file:// because the index is a
// script, not fetched. Results are built with DOM text nodes only, so no text becomes markup.
//
// A query is whole words; "quoted words" are a phrase; every word or phrase must occur in a
// paragraph. A run of words that is one form of a register name ("St Petersburg", "Krushchev")
// also finds the paragraphs naming that entry in any other form (Petrograd, Khrushchev).
(function () {
  "use strict";
  var index = window.EDITION_SEARCH || { paragraphs: [], names: [] };
  var text = window.EditionText;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var CONTEXT = 90;
  var MAX_RESULTS = 100;
  // Abbreviations readers type for words the register spells out.
  var SHORT = { st: "saint", "st.": "saint", mt: "mount", ft: "fort" };

  function nameKey(phrase) {
    return text.fold(phrase).split(/\s+/).filter(Boolean).map(function (w) { return SHORT[w] || w; }).join(" ");
  }
  var folded = index.paragraphs.map(function (entry) { return text.fold(entry.text); });
  var entitiesByForm = {};
  index.names.forEach(function (entity) {
    entity.forms.forEach(function (form) { (entitiesByForm[nameKey(form)] = entitiesByForm[nameKey(form)] || []).push(entity); });
  });

  // The query as terms: each a phrase, the entries it names, and every form to look for.
  function terms(query) {
    var result = [];
    query.replace(/"([^"]*)"|(\S+)/g, function (_, quoted, word) {
      result.push({ words: (quoted || word).split(/\s+/).filter(Boolean), quoted: quoted !== undefined });
    });
    var merged = [];
    // Unquoted words: the longest run that is a register name is one term.
    for (var i = 0; i < result.length; i++) {
      var term = result[i], j = i;
      if (!term.quoted) {
        for (var k = result.length; k > i + 1; k--) {
          var run = result.slice(i, k);
          if (run.every(function (t) { return !t.quoted; }) && entitiesByForm[nameKey(run.map(function (t) { return t.words.join(" "); }).join(" "))]) {
            term = { words: [].concat.apply([], run.map(function (t) { return t.words; })) };
            j = k - 1;
            break;
          }
        }
      }
      merged.push(term);
      i = j;
    }
    return merged.filter(function (t) { return t.words.length; }).map(function (t) {
      var phrase = t.words.join(" ");
      var entities = entitiesByForm[nameKey(phrase)] || [];
      var forms = [phrase];
      entities.forEach(function (e) { forms = forms.concat(e.forms); });
      return { phrase: phrase, ids: entities.map(function (e) { return e.id; }), forms: forms, find: text.matcher(forms) };
    });
  }

  function search(query) {
    var wanted = terms(query);
    if (!wanted.length) return { terms: wanted, hits: [] };
    var hits = [];
    index.paragraphs.forEach(function (entry, i) {
      var score = 0, spans = [];
      for (var t = 0; t < wanted.length; t++) {
        var found = wanted[t].find(folded[i]);
        var named = wanted[t].ids.some(function (id) { return entry.refs.indexOf(id) !== -1; });
        if (!found.length && !named) return;
        score += found.length + (named ? 1 : 0);
        spans = spans.concat(found);
      }
      spans.sort(function (a, b) { return a[0] - b[0]; });
      hits.push({ entry: entry, score: score, spans: spans });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return { terms: wanted, hits: hits.slice(0, MAX_RESULTS), total: hits.length };
  }

  // About CONTEXT characters either side of the first hit, cut at spaces, every hit marked.
  function snippet(hit) {
    var original = hit.entry.text;
    var first = hit.spans.length ? hit.spans[0][0] : 0;
    var start = first <= CONTEXT ? 0 : original.indexOf(" ", first - CONTEXT) + 1;
    var end = original.lastIndexOf(" ", first + CONTEXT * 2);
    if (end <= first || original.length <= first + CONTEXT * 2) end = original.length;
    var fragment = document.createDocumentFragment();
    if (start > 0) fragment.appendChild(document.createTextNode("\u2026"));
    var pos = start;
    hit.spans.forEach(function (span) {
      if (span[0] < pos || span[1] > end) return;
      fragment.appendChild(document.createTextNode(original.slice(pos, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = original.slice(span[0], span[1]);
      fragment.appendChild(mark);
      pos = span[1];
    });
    fragment.appendChild(document.createTextNode(original.slice(pos, end)));
    if (end < original.length) fragment.appendChild(document.createTextNode("\u2026"));
    return fragment;
  }

  // The result's link carries what to mark on the page it opens (edition.js marks it).
  function resultHref(hit, wanted) {
    var parts = hit.entry.href.split("#");
    var params = new URLSearchParams();
    wanted.forEach(function (term) { term.forms.forEach(function (form) { params.append("hl", form); }); });
    return parts[0] + "?" + params.toString() + "#" + parts[1];
  }

  function show(query) {
    list.textContent = "";
    var result = search(query);
    var n = result.hits.length;
    status.textContent = n
      ? result.total + (result.total === 1 ? " paragraph" : " paragraphs") + " found for \u201c" + query + "\u201d" +
        (result.total > n ? "; the first " + n + " are shown." : ".")
      : "Nothing found for \u201c" + query + "\u201d.";
    // Say which other forms of a name were searched, so no hit is a surprise.
    result.terms.forEach(function (term) {
      var others = term.forms.filter(function (form, i) { return i > 0 && form !== term.phrase && term.forms.indexOf(form) === i; });
      if (others.length) status.textContent += " \u201c" + term.phrase + "\u201d also as: " + others.join(", ") + ".";
    });
    result.hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = resultHref(hit, result.terms);
      link.className = "where";
      link.textContent = hit.entry.title + " \u2014 " + hit.entry.where;
      var snip = document.createElement("p");
      snip.appendChild(snippet(hit));
      item.appendChild(link);
      item.appendChild(snip);
      list.appendChild(item);
    });
  }

  window.EditionSearch = search;  // for benchmarks/search.py

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
