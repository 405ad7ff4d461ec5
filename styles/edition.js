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

  // The switch that hides the underlines of names and corrections; the choice is kept.
  var hidden = false;
  try { hidden = localStorage.getItem("edition-marks") === "hidden"; } catch (e) { /* file:// without storage */ }
  function show(state) {
    root.classList.toggle("marks-hidden", state);
    document.querySelectorAll(".marks-switch").forEach(function (button) {
      button.setAttribute("aria-pressed", state ? "true" : "false");
      button.textContent = state ? "Show marks" : "Hide marks";
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".marks-switch").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        hidden = !hidden;
        try { localStorage.setItem("edition-marks", hidden ? "hidden" : "shown"); } catch (e) { /* no storage */ }
        show(hidden);
      });
    });
    show(hidden);
  });
})();
