/* The /verify/ page: reads a pasted text or a chosen or dropped file, verifies it with
 * verify.js and shows the report. Nothing is sent anywhere: the only request is the
 * build's data.json, fetched once when the page loads. Data from the input or the
 * model is written with textContent only, never as markup.
 */
(function () {
  "use strict";

  const app = document.getElementById("verify-app");
  if (!app) return;
  const script = document.currentScript;
  const VERDICTS = {
    identical: ["Identical", "一致"],
    equivalent: ["Equivalent: typographic variants only", "等同（仅排版差异）"],
    derived: ["Derived: the same template with substitutions", "衍生（同一模板，替换了名称等）"],
    modified: ["Modified", "已修改"],
    partial: ["Partial copy", "部分副本"],
    "not-this-license": ["Not this license", "非本协议"],
    "bad-input": ["Cannot be read", "无法读取"],
  };
  const STATUS = { unchanged: "unchanged", substituted: "substituted", changed: "changed", missing: "missing" };
  const form = document.getElementById("verify-form");
  const area = document.getElementById("verify-text");
  const file = document.getElementById("verify-file");
  const drop = document.getElementById("verify-drop");
  const out = document.getElementById("verify-result");
  const status = document.getElementById("verify-status");
  let verifier = null;
  let siteUrl = "";

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function say(text) {
    status.textContent = text;
  }

  // The report's absolute clause address as a link relative to this page, so that the
  // links work offline, under a sub-path and on a local preview.
  function localHref(url) {
    const rest = url.startsWith(siteUrl) ? url.slice(siteUrl.length) : url;
    return rest === url ? url : "../" + rest;
  }

  function render(report, name) {
    out.replaceChildren();
    const [en, zh] = VERDICTS[report.verdict];
    const head = el("h2", null, "verify-verdict verify-" + report.verdict);
    head.id = "verify-verdict";
    head.append(el("span", "Verdict: " + en + " · "), el("span", zh));
    head.lastChild.lang = "zh-Hans";
    out.append(head);
    if (report.verdict === "bad-input") {
      out.append(el("p", (name ? name + ": " : "") + report.error.message, "verify-error"));
      return;
    }
    const ev = el("ul", null, "verify-evidence");
    const inp = report.input;
    ev.append(el("li", `Language compared: ${report.language === "en" ? "English translation (/en/)" : "Chinese original (/zh/)"}`));
    ev.append(el("li", `Read as ${inp.encoding} ${inp.format}, ${inp.characters} characters without whitespace.`));
    if (inp.page_numbers_removed || inp.running_headers_removed.length) {
      const heads = inp.running_headers_removed.map((h) => `“${h.text}” ×${h.count}`).join(", ");
      ev.append(el("li", `Page furniture removed: ${inp.page_numbers_removed} page-number lines` + (heads ? `; running headers ${heads}` : "") + "."));
    }
    if (inp.before || inp.after) ev.append(el("li", `Surrounding text ignored: ${inp.before} characters before the license, ${inp.after} after.`));
    const s = report.summary;
    ev.append(
      el(
        "li",
        `${report.matched_characters} of ${report.reference_characters} characters of the license found unchanged; clauses: ` +
          `${s.unchanged} unchanged, ${s.substituted} substituted, ${s.changed} changed, ${s.missing} missing, ${s.moved} moved.`,
      ),
    );
    for (const v of report.variants) ev.append(el("li", `Variant (${v.kind}): “${v.reference}” as “${v.input}” ×${v.count}`));
    for (const a of report.added) ev.append(el("li", `Added after ${a.after}: “${a.text}”`));
    for (const d of report.duplicates) ev.append(el("li", `Copied again: ${d.id} ×${d.count}`));
    out.append(el("h3", "Evidence"), ev);
    if (report.substitutions.length) {
      const subs = el("ul", null, "verify-substitutions");
      for (const x of report.substitutions) {
        subs.append(el("li", `${verifier.data.slot_names[x.slot]}: “${x.reference}” → “${x.replacement}” (${x.count} place${x.count === 1 ? "" : "s"})`));
      }
      out.append(el("h3", "Substitutions"), subs);
    }
    if (report.verdict !== "not-this-license") {
      const table = el("table", null, "verify-clauses");
      const thead = el("thead");
      const hr = el("tr");
      for (const h of ["Clause", "Status"]) {
        const th = el("th", h);
        th.scope = "col";
        hr.append(th);
      }
      thead.append(hr);
      const body = el("tbody");
      for (const c of report.clauses) {
        const tr = el("tr", null, "verify-" + c.status);
        const td = el("td");
        const a = el("a", c.label);
        a.href = localHref(c.url);
        td.append(a);
        tr.append(td, el("td", STATUS[c.status] + (c.moved ? ", moved" : "")));
        body.append(tr);
      }
      table.append(thead, body);
      out.append(el("h3", "Clauses"), table);
      const changed = report.clauses.filter((c) => c.diff);
      if (changed.length) {
        out.append(el("h3", "Changes"), el("p", "Struck through: the authoritative text; underlined: this copy."));
        for (const c of changed) {
          const fig = el("div", null, "verify-diff");
          const a = el("a", c.label);
          a.href = localHref(c.url);
          const p = el("p");
          for (const [op, text] of c.diff) p.append(op === 0 ? document.createTextNode(text) : el(op < 0 ? "del" : "ins", text));
          p.lang = report.language;
          fig.append(el("h4"), p);
          fig.firstChild.append(a);
          out.append(fig);
        }
      }
    }
    const blob = new Blob([JSON.stringify(report, null, 2) + "\n"], { type: "application/json" });
    const link = el("a", "Download the report as JSON", "md-button");
    link.id = "verify-download";
    link.href = URL.createObjectURL(blob);
    link.download = "verify-report.json";
    const para = el("p");
    para.append(link);
    out.append(para);
  }

  function run(fn, name) {
    if (!verifier) {
      say("The verifier is still loading.");
      return;
    }
    try {
      const t0 = performance.now();
      const report = fn();
      render(report, name);
      say(`Verified in ${Math.round(performance.now() - t0)} ms.`);
      app.dataset.verdict = report.verdict;
    } catch (err) {
      out.replaceChildren(el("p", "This input could not be verified: " + (err && err.message ? err.message : String(err)), "verify-error"));
      say("Verification failed.");
    }
  }

  function readFile(f) {
    if (!f) return;
    say(`Reading ${f.name}…`);
    // Read one byte past the limit: the verifier says how large is too large.
    f.slice(0, verifier ? verifier.data.max_bytes + 1 : f.size)
      .arrayBuffer()
      .then((buf) => run(() => verifier.verifyBytes(new Uint8Array(buf), "auto", f.name), f.name))
      .catch(() => say(`${f.name} could not be read.`));
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(() => verifier.verifyText(area.value), "");
  });
  file.addEventListener("change", () => readFile(file.files[0]));
  for (const target of [drop, area]) {
    target.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("verify-dragging");
    });
    target.addEventListener("dragleave", () => drop.classList.remove("verify-dragging"));
    target.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("verify-dragging");
      const f = e.dataTransfer && e.dataTransfer.files[0];
      if (f) readFile(f);
    });
  }

  fetch(new URL("data.json", script.src))
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    })
    .then((data) => {
      verifier = new window.LicenseVerify.Verifier(data, window.markdownit, window.diff_match_patch);
      siteUrl = data.site_url.endsWith("/") ? data.site_url : data.site_url + "/";
      app.dataset.ready = "true";
      say("Ready. Nothing you paste or choose leaves this browser.");
    })
    .catch((err) => say("The verifier could not load its data: " + err.message));
})();
