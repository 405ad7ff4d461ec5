// The workbench's few behaviours: keys, marks toggled in place, and a refresh when another tab decides.
"use strict";
document.documentElement.classList.add("js");

function typing(target) {
  return target.closest("input, textarea, select, [contenteditable]") !== null;
}

// Keys: any element with data-key="x" is activated by the key x (links followed, buttons pressed).
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  if (event.key === "/") {
    const filter = document.getElementById("filter-kind");
    if (filter) { event.preventDefault(); filter.focus(); }
    return;
  }
  const target = document.querySelector(`[data-key="${CSS.escape(event.key)}"]:not([disabled])`);
  if (!target) return;
  event.preventDefault();
  target.click();
});

// "Show quotations" / "Show corrections": toggle a class on the text without reloading.
for (const box of document.querySelectorAll("input[data-mark]")) {
  box.addEventListener("change", () => {
    document.getElementById("text").classList.toggle(box.dataset.mark, box.checked);
    const url = new URL(location.href);
    if (box.checked) url.searchParams.set(box.name, "1"); else url.searchParams.delete(box.name);
    history.replaceState(null, "", url);
  });
}

// A second tab: when a decision elsewhere changes the edition's files, show the new state.
const stampUrl = document.body.dataset.stampUrl;
if (stampUrl) {
  setInterval(async () => {
    if (document.hidden || typing(document.activeElement)) return;
    try {
      const response = await fetch(stampUrl, { cache: "no-store" });
      if (response.ok && (await response.text()) !== document.body.dataset.stamp) location.reload();
    } catch (error) { /* the workbench was stopped: keep the page as it is */ }
  }, 1500);
}
