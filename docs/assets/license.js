// The reading pages' behaviour: keep the clause in view when switching language, show the
// tooltips of terms and references, and copy a clause's link or citation. Labels, URLs and
// messages come from the page's markup.
(function () {
  "use strict";
  // Material's search dialog has no accessible name: its box's label, in the page's language.
  var dialog = document.querySelector(".md-search[role=dialog]");
  var query = dialog && dialog.querySelector("input[aria-label]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", query ? query.getAttribute("aria-label") : "Search");

  // The colour toggle (scripts/theme/partials/palette.html): a switch is the reader's choice,
  // kept from page to page; until they make one, the page follows the system's setting.
  if (window.__md_scheme) {
    document.addEventListener("change", function (event) {
      if (event.target.name !== "__palette") return;
      var inputs = [].slice.call(document.querySelectorAll("input[name=__palette]"));
      __md_set("__palette", { index: __md_scheme(inputs.indexOf(event.target)) });
    });
    // Enter or Space on the focused toggle switches (on its own, Space would only check the
    // radio that is checked already).
    document.addEventListener("keydown", function (event) {
      if ((event.key !== "Enter" && event.key !== " ") || event.target.name !== "__palette") return;
      event.preventDefault();
      var next = event.target.nextElementSibling.control;
      next.click();
      next.focus();
    });
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      if (!__md_get("__palette")) __md_scheme();
    });
  }

  // Below 1220 px the nav is a drawer, hidden until the header's menu button opens it
  // (license.css). The theme's button is a label that the keyboard cannot reach: a real
  // button in its place, named as the nav is; Escape closes the drawer. Without JavaScript
  // the label stays, for the mouse and touch.
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector("label.md-header__button[for=__drawer]");
  var nav = document.querySelector(".md-nav--primary[aria-label]");
  if (drawer && label) {
    var menu = document.createElement("button");
    menu.type = "button";
    menu.className = label.className + " drawer-button";
    if (nav) menu.setAttribute("aria-label", nav.getAttribute("aria-label"));
    while (label.firstChild) menu.appendChild(label.firstChild);
    label.replaceWith(menu);
    var expanded = function () { menu.setAttribute("aria-expanded", String(drawer.checked)); };
    expanded();
    drawer.addEventListener("change", expanded);
    // Opened, the drawer covers the button: the focus goes to its first link.
    menu.addEventListener("click", function () {
      drawer.click();
      var first = drawer.checked && document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    });
    // Escape while the search is open is the search's own (the theme closes it), not the drawer's.
    document.addEventListener("keydown", function (event) {
      var search = document.getElementById("__search");
      if (event.key !== "Escape" || !drawer.checked || (search && search.checked)) return;
      drawer.click();
      if (menu.offsetParent) menu.focus();
    });
  }
  // The nav's links to the texts in their own language (WCAG 3.1.2).
  var LANGS = { "zh/": "zh-Hans", "en/": "en" };
  [].forEach.call(document.querySelectorAll(".md-nav--primary > .md-nav__list > .md-nav__item > a"), function (a) {
    var lang = LANGS[a.pathname.split("/").slice(-2).join("/")];
    if (lang) a.setAttribute("lang", lang);
  });

  // A search result on the page being read, followed below 960 px: the theme keeps the page
  // still while its search is open, and lets it go 100 ms after closing it, back where the
  // reader was. The browser has scrolled to the result in between, to no effect; go to it
  // once the page is free.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-search-result__link");
    if (!link || link.pathname !== location.pathname || !link.hash) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target || !document.body.hasAttribute("data-md-scrolllock")) return;
    new MutationObserver(function (records, observer) {
      if (document.body.hasAttribute("data-md-scrolllock")) return;
      observer.disconnect();
      target.scrollIntoView();
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
  });

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
  // serves them all and the page does no work until one is wanted. The title stays in the
  // markup for readers without JavaScript; once used here it moves to data-tip, so that the
  // browser's own tooltip never shows beside this one.
  var tip = document.createElement("div");
  tip.className = "tooltip";
  tip.id = "tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var owner = null;
  var hiding = 0;
  function hideTip() {
    clearTimeout(hiding);
    if (!owner) return;
    owner.removeAttribute("aria-describedby");
    owner = null;
    tip.hidden = true;
  }
  function showTip(el) {
    clearTimeout(hiding);
    if (el === owner) return;
    hideTip();
    if (el.hasAttribute("title")) {
      el.setAttribute("data-tip", el.getAttribute("title"));
      el.removeAttribute("title");
    }
    var lang = el.closest("[lang]");
    tip.lang = lang ? lang.lang : "";
    tip.textContent = el.getAttribute("data-tip");
    el.setAttribute("aria-describedby", tip.id);
    owner = el;
    // Measured at the page's left edge, where its width is not cut short by the screen's.
    tip.style.left = tip.style.top = "0px";
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
    return node instanceof Element ? node.closest(".md-content [title], .md-content [data-tip]") : null;
  }
  document.addEventListener("mouseover", function (event) {
    var el = tipped(event.target);
    if (el) showTip(el);
    else if (owner && tip.contains(event.target)) clearTimeout(hiding);
  });
  // Leaving the element or its tooltip: a short grace, to cross the gap between the two.
  document.addEventListener("mouseout", function (event) {
    if (!owner || !(owner.contains(event.target) || tip.contains(event.target))) return;
    var to = event.relatedTarget;
    if (to && (owner.contains(to) || tip.contains(to))) return;
    clearTimeout(hiding);
    hiding = setTimeout(hideTip, 300);
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

  // Long tables skip their layout until they near the screen (license.css). Each is laid out
  // once when the page is idle, so that the size it keeps while skipped is its real one:
  // scrolling up into it then never jumps, and a change above the reader is compensated.
  var tables = document.querySelectorAll(".md-typeset table:not([class])");
  var whenIdle = window.requestIdleCallback || function (run) { return setTimeout(run, 200); };
  [].forEach.call(tables, function (table) {
    whenIdle(function () {
      table.setAttribute("data-laid-out", "");
      requestAnimationFrame(function () {
        requestAnimationFrame(function () { table.removeAttribute("data-laid-out"); });
      });
    });
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
