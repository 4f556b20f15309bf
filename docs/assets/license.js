// The reading pages' behaviour: keep the clause in view when switching language, and copy
// a clause's link or citation. Labels, URLs and messages come from the page's markup.
(function () {
  "use strict";
  // Material's search dialog has no accessible name.
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");

  // The clause the reader is at: the last heading that has reached the line where a jump
  // to a clause puts it (its scroll-margin-top, under the header and the sticky switch),
  // with a little slack for a heading just below that line.
  var SLACK = 16;
  function clauseInView() {
    var heads = document.querySelectorAll(
      ".license-text :is(h2, h3, h4)[id], .parallel-row[id]"
    );
    var best = null;
    for (var i = 0; i < heads.length; i++) {
      var line = parseFloat(getComputedStyle(heads[i]).scrollMarginTop) || 0;
      if (heads[i].getBoundingClientRect().top > line + SLACK) break;
      best = heads[i];
    }
    // At the foot of the page the last clauses never reach the line: a target still on
    // screen there is the one the reader opened.
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    if (target && atEnd) {
      var box = target.getBoundingClientRect();
      if (box.top >= 0 && box.top < window.innerHeight) return "#" + target.id;
    }
    return best ? "#" + best.id : "";
  }

  // The in-page switch, and the sidebar's and drawer's links to the other text pages.
  var PAGES = /\/(zh|en|parallel)\/$/;
  var onText = document.querySelector(".license-text, .license-parallel");
  document.addEventListener("click", function (event) {
    if (!onText || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest("a[data-keep-anchor], a.md-nav__link[href]");
    if (!link || !PAGES.test(link.pathname) || link.pathname === location.pathname) return;
    var hash = clauseInView();
    if (!hash) return;
    event.preventDefault();
    location.href = link.href.split("#")[0] + hash;
  });

  // Copy buttons: one live region announces (and shows) what was copied.
  var status = document.createElement("div");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  var timer = 0;
  function announce(text) {
    status.textContent = text;
    status.classList.add("copy-status--shown");
    clearTimeout(timer);
    timer = setTimeout(function () {
      status.classList.remove("copy-status--shown");
      status.textContent = "";
    }, 4000);
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Plain http on another host has no Clipboard API: the older command still copies.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "copy-buffer";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) return;
    copy(button.getAttribute("data-copy")).then(
      function () {
        button.classList.add("copied");
        setTimeout(function () { button.classList.remove("copied"); }, 2000);
        announce(button.getAttribute("data-done"));
      },
      function () {
        announce(button.getAttribute("data-copy"));
      }
    );
  });
})();
