// The reading pages' behaviour: keep the clause in view when switching language, show the
// tooltips of terms and references, and copy a clause's link or citation. Labels, URLs and
// messages come from the page's markup.
(function () {
  "use strict";
  // Material's search dialog has no accessible name.
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");

  // The colour toggle (scripts/theme/partials/palette.html): a switch is the reader's choice,
  // kept from page to page; until they make one, the page follows the system's setting.
  if (window.__md_scheme) {
    document.addEventListener("change", function (event) {
      if (event.target.name !== "__palette") return;
      var inputs = [].slice.call(document.querySelectorAll("input[name=__palette]"));
      __md_set("__palette", { index: __md_scheme(inputs.indexOf(event.target)) });
    });
    // Enter on the focused toggle switches too, as Space does.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.target.name !== "__palette") return;
      var next = event.target.nextElementSibling.control;
      next.click();
      next.focus();
    });
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      if (!__md_get("__palette")) __md_scheme();
    });
  }

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

  // Tooltips of the text's [title]s (a term's definition, a reference's target, a note): on
  // hover and on keyboard focus, hoverable, dismissed with Escape (WCAG 1.4.13). One element
  // serves them all and the page does no work until one is wanted; the title stays in the
  // markup for readers without JavaScript, and is lent to the tooltip while it shows.
  var tip = document.createElement("div");
  tip.className = "tooltip";
  tip.id = "tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var owner = null;
  function hideTip() {
    if (!owner) return;
    owner.setAttribute("title", tip.textContent);
    owner.removeAttribute("aria-describedby");
    owner = null;
    tip.hidden = true;
  }
  function showTip(el) {
    if (el === owner) return;
    hideTip();
    var lang = el.closest("[lang]");
    tip.lang = lang ? lang.lang : "";
    tip.textContent = el.getAttribute("title");
    el.removeAttribute("title");
    el.setAttribute("aria-describedby", tip.id);
    owner = el;
    tip.hidden = false;
    // Below the element, or above it where the screen ends; never past either side.
    var box = el.getBoundingClientRect();
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var gap = 6;
    var left = Math.max(gap, Math.min(box.left, document.documentElement.clientWidth - width - gap));
    var top = box.bottom + gap + height <= window.innerHeight ? box.bottom + gap : Math.max(gap, box.top - gap - height);
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }
  function tipped(node) {
    return node instanceof Element ? node.closest(".md-content [title]") : null;
  }
  document.addEventListener("mouseover", function (event) {
    var el = tipped(event.target);
    if (el) showTip(el);
  });
  document.addEventListener("mouseout", function (event) {
    var to = event.relatedTarget;
    if (owner && !(to && (owner.contains(to) || tip.contains(to)))) hideTip();
  });
  document.addEventListener("focusin", function (event) {
    var el = tipped(event.target);
    if (el) showTip(el);
    else hideTip();
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === owner) hideTip();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideTip();
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
