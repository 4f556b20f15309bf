// Keep the clause when switching language: /zh/#s2-2 -> /en/#s2-2.
(function () {
  "use strict";
  // Material's search dialog has no accessible name.
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  // The clause nearest the top of the window, for a reader who scrolled without a hash.
  function currentClause() {
    var heads = document.querySelectorAll(".license-text [id], .parallel-row[id]");
    var best = null;
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].getBoundingClientRect().top > 80) break;
      best = heads[i];
    }
    return best && best.id !== "title" ? "#" + best.id : "";
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-keep-anchor], a.md-select__link[hreflang]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var hash = location.hash || currentClause();
    if (!hash) return;
    event.preventDefault();
    location.href = link.href.split("#")[0] + hash;
  });
})();
