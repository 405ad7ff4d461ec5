// Enhancements for readers with JavaScript; every page works without this file.
(function () {
  "use strict";
  var root = document.documentElement;

  // --- Matching text as a reader means it (shared with search.js) ---------------------------

  // Fold one UTF-16 unit: lower case, no accents, straight quotes; the length stays 1, so
  // positions in the folded text are positions in the original.
  function foldChar(c) {
    var f = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    if (f.length !== 1) f = c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    return f.replace(/[\u2018\u2019]/, "'").replace(/[\u201c\u201d]/, "\"");
  }
  var folds = {};
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      out += folds[c] || (folds[c] = foldChar(c));
    }
    return out;
  }

  // A phrase as whole words: "Lenin" does not match inside "Leningrad"; any run of spaces
  // between the words matches.
  function wordPattern(phrases) {
    var alternatives = phrases.map(function (phrase) {
      return fold(phrase).trim().split(/\s+/).map(function (word) {
        return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }).join("\\s+");
    }).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    return new RegExp("(?<![\\p{L}\\p{N}])(?:" + alternatives.join("|") + ")(?![\\p{L}\\p{N}])", "gu");
  }

  // A function giving [start, end] of every match of `phrases` in a folded text.
  function matcher(phrases) {
    var pattern = wordPattern(phrases);
    return function (folded) {
      var found = [], match;
      pattern.lastIndex = 0;
      while ((match = pattern.exec(folded))) found.push([match.index, match.index + match[0].length]);
      return found;
    };
  }
  function findWords(text, phrases) { return matcher(phrases)(fold(text)); }
  window.EditionText = { fold: fold, matcher: matcher, findWords: findWords };

  // --- Tips: Escape hides an open one (WCAG 1.4.13); pointer or focus brings them back -----
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      root.classList.add("tips-dismissed");
      closeTapped();
    }
  });
  function restore() { root.classList.remove("tips-dismissed"); }
  document.addEventListener("focusin", restore);
  document.addEventListener("pointerover", restore);
  function closeTapped() {
    document.querySelectorAll(".has-tip.tapped").forEach(function (tip) { tip.classList.remove("tapped"); });
  }

  // --- Touch: the first tap on a name or correction shows its description, the second follows it
  var lastPointer = "mouse";
  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);
  var noHover = window.matchMedia("(hover: none)");
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".has-tip > a");
    var holder = link && link.parentNode;
    if (!link) { closeTapped(); return; }
    if ((lastPointer === "touch" || noHover.matches) && !holder.classList.contains("tapped")) {
      event.preventDefault();
      closeTapped();
      holder.classList.add("tapped");
      keepOnScreen(holder.querySelector(".tip"));
      return;
    }
    // Going to the register: say where from, so the entry can lead back to this place.
    if (link.classList.contains("name") && link.id) {
      var url = new URL(link.href, window.location.href);
      url.searchParams.set("from", link.id);
      link.href = url.href;
    }
  });

  // A tip near the right edge of a narrow screen moves left rather than off the screen.
  function keepOnScreen(tip) {
    tip.style.left = "";
    var overflow = tip.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tip.style.left = -overflow + "px";
  }

  // --- A register entry reached from the text: a way back to the place the reader left ------
  function wayBack() {
    var from = new URLSearchParams(window.location.search).get("from");
    var entry = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!from || !entry) return;
    var occurrence = Array.prototype.find.call(entry.querySelectorAll("a.occurrence"), function (a) {
      return a.getAttribute("href").split("#")[1] === from;
    });
    if (!occurrence) return;
    occurrence.parentNode.classList.add("came-from");
    var details = occurrence.closest("details");
    if (details) details.open = true;
    var back = document.createElement("p");
    back.className = "back-to-text";
    var link = document.createElement("a");
    link.href = occurrence.getAttribute("href");
    link.textContent = "\u2190 Back to the text (" + occurrence.textContent + ")";
    back.appendChild(link);
    entry.querySelector(".entry-name").after(back);
  }
  wayBack();

  // --- The key's switch: names and corrections unmarked, remembered from page to page -------
  var marksSwitch = document.getElementById("marks-switch");
  function storedMarks() { try { return localStorage.getItem("edition-marks") === "hidden"; } catch (e) { return false; } }
  root.classList.toggle("marks-hidden", storedMarks());
  if (marksSwitch) {
    marksSwitch.checked = storedMarks();
    marksSwitch.addEventListener("change", function () {
      root.classList.toggle("marks-hidden", marksSwitch.checked);
      try { localStorage.setItem("edition-marks", marksSwitch.checked ? "hidden" : "shown"); } catch (e) { /* storage refused */ }
    });
  }

  // --- The search hit, marked on the page a result opens (?hl=...#paragraph) ----------------
  function markHits() {
    var phrases = new URLSearchParams(window.location.search).getAll("hl").filter(Boolean);
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!phrases.length || !target) return;
    var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest(".tip, .permalink, .cite-button, mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      findWords(node.data, phrases).reverse().forEach(function (span) {
        var hit = node.splitText(span[0]);
        hit.splitText(span[1] - span[0]);
        var mark = document.createElement("mark");
        mark.className = "search-hit";
        hit.parentNode.replaceChild(mark, hit);
        mark.appendChild(hit);
      });
    });
  }
  markHits();
})();
