// Enhancements for readers with JavaScript; every page works without this file.
// Escape hides an open name or correction tip (WCAG 1.4.13: dismissable without moving focus);
// moving the pointer or focus brings tips back.
(function () {
  "use strict";
  var root = document.documentElement;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") root.classList.add("tips-dismissed");
  });
  function restore() { root.classList.remove("tips-dismissed"); }
  document.addEventListener("focusin", restore);
  document.addEventListener("pointerover", restore);
})();
