/* Verify a copy of the license in the browser: the port of scripts/licensekit/verify.
 *
 * Each function follows the Python function of the same name, step by step (see the
 * package docstring there). The tables, texts and thresholds come from the build's
 * data.json, made from the clause model. Strings are indexed in UTF-16 units; the
 * reported counts are in code points, as Python counts them.
 */
(function (root) {
  "use strict";

  const EQUAL = 0;
  const DELETE = -1;
  const INSERT = 1;
  const LANGS = ["zh-Hans", "en"];
  const OTHER = { "zh-Hans": "en", en: "zh" };
  const EXIT = {
    identical: 0,
    equivalent: 0,
    derived: 1,
    modified: 1,
    partial: 1,
    "not-this-license": 2,
    "bad-input": 3,
  };
  const STATUS_ORDER = ["unchanged", "substituted", "changed", "missing"];

  class BadInput extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }

  // Python's sorting: strings compare by code point, tuples item by item.
  function cmp(a, b) {
    if (typeof a === "number") return a - b;
    if (Array.isArray(a)) {
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const c = cmp(a[i], b[i]);
        if (c) return c;
      }
      return a.length - b.length;
    }
    if (a === b) return 0;
    const x = Array.from(a);
    const y = Array.from(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  function cpLen(s) {
    let n = s.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
        const p = s.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) n--;
      }
    }
    return n;
  }

  function escapeClass(chars) {
    return Array.from(chars)
      .map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))
      .join("");
  }

  // ---- normalise ----------------------------------------------------------------

  function Tables(data) {
    const folds = new Map();
    const [lo, hi, off] = data.width_range;
    for (let c = lo; c <= hi; c++) folds.set(String.fromCharCode(c), [String.fromCharCode(c - off), "width"]);
    for (const [chars, to, kind] of data.fold_table) {
      for (const ch of chars) if (!folds.has(ch)) folds.set(ch, [to, kind]);
    }
    this.folds = folds;
    this.foldRe = new RegExp("[" + escapeClass(Array.from(folds.keys()).join("")) + "]", "g");
    this.ignored = new Set(Array.from(data.ignored));
    this.runs = new RegExp("[" + escapeClass(data.ignored) + "]+", "g");
    this.pageNumber = new RegExp(data.page_number, "iu");
  }

  function fold(t, text) {
    return text.replace(t.foldRe, (c) => t.folds.get(c)[0]);
  }

  function variantKind(t, a, b) {
    return (t.folds.get(b) || t.folds.get(a) || ["", "width"])[1];
  }

  class Text {
    constructor(t, text) {
      let s = text.replace(t.runs, " ");
      let a = 0;
      let b = s.length;
      while (a < b && s[a] === " ") a++;
      while (b > a && s[b - 1] === " ") b--;
      this.spaced = s.slice(a, b);
      this.raw = this.spaced.split(" ").join("");
      this.canon = fold(t, this.raw);
      this._pos = null;
    }

    get pos() {
      if (this._pos === null) {
        const out = [];
        for (let i = 0; i < this.spaced.length; i++) if (this.spaced[i] !== " ") out.push(i);
        this._pos = out;
      }
      return this._pos;
    }

    show(start, end) {
      if (start >= end) return "";
      return this.spaced.slice(this.pos[start], this.pos[end - 1] + 1);
    }

    showSpaced(start, end) {
      if (start >= end) return "";
      const begin = start > 0 ? this.pos[start - 1] + 1 : this.pos[start];
      return this.spaced.slice(begin, this.pos[end - 1] + 1);
    }
  }

  function canonical(t, text) {
    return fold(t, text.replace(t.runs, ""));
  }

  // ---- decode -------------------------------------------------------------------

  const BOMS = [
    [[0xff, 0xfe, 0x00, 0x00], "utf-32-le"],
    [[0x00, 0x00, 0xfe, 0xff], "utf-32-be"],
    [[0xef, 0xbb, 0xbf], "utf-8"],
    [[0xff, 0xfe], "utf-16-le"],
    [[0xfe, 0xff], "utf-16-be"],
  ];
  const MAGIC = [
    ["%PDF-", "a PDF file: extract its text first (for example with pdftotext)"],
    ["PK\x03\x04", "a ZIP archive (or a .docx/.odt document): save it as plain text first"],
    ["\x89PNG", "a PNG image"],
    ["\xff\xd8\xff", "a JPEG image"],
    ["\x7fELF", "an executable"],
    ["\x1f\x8b", "a gzip archive"],
  ];
  // str.isspace() in Python, for "holds only whitespace".
  const PY_SPACE = new Set(
    Array.from("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"),
  );

  function startsWith(data, bytes) {
    if (data.length < bytes.length) return false;
    for (let i = 0; i < bytes.length; i++) if (data[i] !== bytes[i]) return false;
    return true;
  }

  function decodeUtf32(data, little) {
    if (data.length % 4) throw new Error("truncated data");
    let out = "";
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < data.length; i += 4) {
      const c = view.getUint32(i, little);
      if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) throw new Error("code point not in range");
      out += String.fromCodePoint(c);
    }
    return out;
  }

  function decodeBytes(data, maxBytes) {
    if (!data.length) throw new BadInput("empty", "the input is empty");
    if (data.length > maxBytes) {
      throw new BadInput("too-large", `the input has ${data.length} bytes; the limit is ${maxBytes} bytes (4 MiB)`);
    }
    for (const [magic, what] of MAGIC) {
      if (startsWith(data, Array.from(magic, (c) => c.charCodeAt(0)))) {
        throw new BadInput("binary", `the input is ${what}, not text`);
      }
    }
    const [text, encoding] = bytesText(data);
    let controls = 0;
    let chars = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0);
      chars++;
      if ((c < 32 && !"\t\n\r\f\v".includes(ch)) || c === 0x7f) controls++;
    }
    if (text.includes("\x00") || controls * 100 > chars) {
      throw new BadInput("binary", `the input is binary: ${controls} control characters in ${chars}`);
    }
    if (Array.from(text).every((ch) => PY_SPACE.has(ch))) throw new BadInput("empty", "the input holds only whitespace");
    return [text, encoding];
  }

  function bytesText(data) {
    for (const [bom, name] of BOMS) {
      if (startsWith(data, bom)) {
        const body = data.subarray(bom.length);
        try {
          const text = name.startsWith("utf-32")
            ? decodeUtf32(body, name.endsWith("le"))
            : new TextDecoder(name.replace("-le", "le").replace("-be", "be"), { fatal: true, ignoreBOM: true }).decode(body);
          return [text, name.toUpperCase().replace("-LE", "").replace("-BE", "")];
        } catch {
          throw new BadInput("encoding", `the input starts with a ${name} byte-order mark but is not valid ${name}`);
        }
      }
    }
    if (data.includes(0)) {
      throw new BadInput("binary", "the input is binary: it contains NUL bytes (UTF-16 or UTF-32 text needs its byte-order mark)");
    }
    try {
      return [new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(data), "UTF-8"];
    } catch {
      // Not UTF-8: Chinese text in another encoding is nearly always GB18030 (or GBK, its subset).
    }
    try {
      return [new TextDecoder("gb18030", { fatal: true }).decode(data), "GB18030"];
    } catch {
      throw new BadInput("encoding", "the input is not UTF-8 and its encoding could not be recognised; convert it to UTF-8");
    }
  }

  // ---- extract ------------------------------------------------------------------

  const HTML_RE = /<(?:!doctype|html|head|body|p|div|br|h[1-6]|li|ol|ul|span|section|article|pre|table)(?![\p{L}\p{N}_])/iu;
  const MD_RE = /^(?:#{1,6} |```|[ \t]{0,3}(?:[-*+] |>[ \t])|[^]*\]\([^) \t]*\)|[^]*\*\*[^ \t])/u;
  const BLOCKS =
    "address, article, aside, blockquote, br, dd, div, dl, dt, figcaption, figure, footer, h1, h2, h3, h4, h5, h6, " +
    "header, hr, li, main, nav, ol, p, pre, section, table, td, th, tr, ul";

  function detect(ctx, text, name) {
    const lower = name.toLowerCase();
    const head = Array.from(text.slice(0, 8192)).slice(0, 4096).join("");
    if ([".html", ".htm", ".xhtml"].some((e) => lower.endsWith(e)) || HTML_RE.test(head)) return "html";
    // A page number such as "- 3 -" is not a Markdown list item.
    const probe = linesOf(text).filter((l) => !ctx.t.pageNumber.test(pyStrip(l, ctx.ignoredSet)));
    if ([".md", ".markdown"].some((e) => lower.endsWith(e)) || probe.some((l) => MD_RE.test(l))) return "markdown";
    return "text";
  }

  function langOf(el) {
    return (el.getAttribute && el.getAttribute("lang") ? el.getAttribute("lang") : "").toLowerCase().split("-")[0];
  }

  function pyStrip(s, chars) {
    const arr = Array.from(s);
    let a = 0;
    let b = arr.length;
    while (a < b && chars.has(arr[a])) a++;
    while (b > a && chars.has(arr[b - 1])) b--;
    return arr.slice(a, b).join("");
  }

  // Style is never text (HTML_DROP removes it), and this page's policy refuses inline
  // style, which Chromium reports even in an inert parsed document: leave it out first.
  const STYLE_ELEMENT = /<style(?=[\s/>])[^>]*>[^]*?(?:<\/style\s*>|$)/gi;
  const STYLE_ATTR = /(<[a-z][^<>]*?\s)style(\s*=)/gi;

  function inert(html) {
    return html.replace(STYLE_ELEMENT, "").replace(STYLE_ATTR, "$1data-style$2");
  }

  function htmlText(ctx, html, dropLang) {
    const parser = new DOMParser();
    let doc = parser.parseFromString(inert(html), "text/html");
    const roots = doc.querySelectorAll(ctx.data.site_root);
    if (roots.length) {
      doc = parser.parseFromString(Array.from(roots, (r) => r.outerHTML).join(""), "text/html");
      for (const el of doc.querySelectorAll(ctx.data.site_drop)) el.remove();
    }
    for (const el of doc.querySelectorAll(ctx.data.html_drop)) el.remove();
    if (dropLang) {
      const space = ctx.ignoredSet;
      const spaceSep = new Set([...space, ...Array.from(ctx.data.separators)]);
      for (const el of doc.querySelectorAll("[lang]")) {
        if (!doc.contains(el) || langOf(el) !== dropLang) continue;
        let ok = true;
        for (let p = el.parentElement; p; p = p.parentElement) {
          const l = langOf(p);
          if (l !== "" && l !== dropLang) ok = false;
        }
        if (!ok) continue;
        for (const side of [el.previousSibling, el.nextSibling]) {
          if (side && side.nodeType === 3 && pyStrip(side.data, spaceSep) === "" && pyStrip(side.data, space)) {
            side.data = " ";
          }
        }
        el.remove();
      }
    }
    for (const ol of doc.querySelectorAll("ol")) {
      const attr = ol.hasAttribute("start") ? ol.getAttribute("start") : "1";
      const start = /^[0-9]+$/.test(attr) ? parseInt(attr, 10) : 1;
      let i = 0;
      for (const li of Array.from(ol.children).filter((c) => c.localName === "li")) {
        li.insertBefore(doc.createTextNode(`${start + i}. `), li.firstChild);
        i++;
      }
    }
    for (const el of doc.querySelectorAll(BLOCKS)) {
      if (el.parentNode) el.after("\n");
    }
    return doc.documentElement.textContent;
  }

  function markdownText(ctx, source) {
    const out = [];
    for (const tok of ctx.md.parse(source, {})) {
      if (tok.type === "list_item_open" && tok.info) {
        out.push(`${tok.info}${tok.markup} `);
      } else if (tok.type === "inline") {
        for (const child of tok.children || []) {
          if (child.type === "text" || child.type === "code_inline") out.push(child.content);
          else if (child.type === "softbreak" || child.type === "hardbreak") out.push("\n");
          else if (child.type === "image") out.push(child.content);
        }
        out.push("\n");
      } else if (tok.type === "fence" || tok.type === "code_block") {
        out.push(tok.content + "\n");
      } else if (tok.type === "html_block") {
        out.push(htmlText(ctx, tok.content, ""));
      }
    }
    return out.join("");
  }

  function linesOf(text) {
    return text.replace(/\r\n/g, "\n").replace(/\r/g, "\n").split("\n");
  }

  function stripFurniture(ctx, text, keep) {
    const d = ctx.data;
    const lines = linesOf(text);
    const stripped = lines.map((l) => pyStrip(l, ctx.ignoredSet));
    const page = stripped.map((s) => ctx.t.pageNumber.test(s));
    const breaks = [];
    lines.forEach((line, i) => {
      if (page[i] || line.includes("\f")) breaks.push(i);
    });
    const near = lines.map(() => false);
    for (const b of breaks) {
      for (const step of [-1, 1]) {
        let i = b + step;
        let seen = 0;
        while (i >= 0 && i < lines.length && seen < 2) {
          if (stripped[i] && !page[i]) {
            near[i] = true;
            seen++;
          }
          i += step;
        }
      }
    }
    const keys = stripped.map((s) => (s && cpLen(s) <= d.header_max_chars ? s.replace(/[0-9]+/g, "#") : ""));
    const counts = new Map();
    keys.forEach((k, i) => {
      if (k && near[i]) counts.set(k, (counts.get(k) || 0) + 1);
    });
    const titles = stripped.map((s) => Boolean(s) && cpLen(s) <= d.title_max_chars && keep.has(canonical(ctx.t, s)));
    const removed = new Map();
    const first = new Map();
    const kept = [];
    let pages = 0;
    let titleSeen = false;
    lines.forEach((line, i) => {
      if (page[i]) {
        pages++;
        return;
      }
      const header = (titles[i] && titleSeen) || (!titles[i] && near[i] && (counts.get(keys[i]) || 0) >= d.header_repeats);
      titleSeen = titleSeen || titles[i];
      if (header) {
        removed.set(keys[i], (removed.get(keys[i]) || 0) + 1);
        if (!first.has(keys[i])) first.set(keys[i], stripped[i]);
        return;
      }
      kept.push(line);
    });
    const headers = Array.from(removed.entries())
      .sort((a, b) => cmp(a, b))
      .map(([k, n]) => [first.get(k), n]);
    return [kept.join("\n"), pages, headers];
  }

  function extract(ctx, text, name, fmt, keep, dropLang) {
    fmt = fmt === "auto" ? detect(ctx, text, name) : fmt;
    const body = fmt === "html" ? htmlText(ctx, text, dropLang) : fmt === "markdown" ? markdownText(ctx, text) : text;
    const [out, pages, headers] = stripFurniture(ctx, body, keep);
    return { text: out, format: fmt, pageNumbers: pages, headers };
  }

  // ---- reference ----------------------------------------------------------------

  function buildReference(ctx, lang) {
    const src = ctx.data.langs[lang];
    const units = src.units.map((u, i) => ({ index: i, id: u.id, label: u.label, url: u.url, optional: u.optional, text: new Text(ctx.t, u.text) }));
    const slots = src.slots.map(([slot, values]) => [slot, values.map((v) => fold(ctx.t, v))]);
    const ref = { lang, units, k: src.k, minMatch: src.min_match, slots, index: new Map(), grams: [] };
    const seen = new Map();
    for (const unit of units) {
      const canon = unit.text.canon;
      for (let o = 0; o + ref.k <= canon.length; o++) {
        const gram = canon.slice(o, o + ref.k);
        seen.set(gram, seen.has(gram) ? null : [unit.index, o]);
      }
    }
    ref.grams = units.map(() => 0);
    for (const [gram, hit] of seen) {
      if (hit !== null) {
        ref.index.set(gram, hit);
        ref.grams[hit[0]]++;
      }
    }
    ref.total = units.filter((u) => !u.optional).reduce((n, u) => n + u.text.canon.length, 0);
    return ref;
  }

  // ---- align --------------------------------------------------------------------

  function anchors(canon, ref) {
    const k = ref.k;
    const out = [];
    for (let p = 0; p + k <= canon.length; p++) {
      const hit = ref.index.get(canon.slice(p, p + k));
      if (hit !== undefined) out.push([p, hit[0], hit[1]]);
    }
    return out;
  }

  function chains(found, ref) {
    const open = new Map();
    const out = [];
    for (const [p, u, o] of found) {
      let ch = open.get(u);
      const slack = Math.max(ref.units[u].text.canon.length, 16);
      if (ch !== undefined && o > ch.lastO && p - ch.lastP - (o - ch.lastO) <= slack) {
        ch.lastP = p;
        ch.lastO = o;
        ch.count++;
      } else {
        ch = { unit: u, firstP: p, firstO: o, lastP: p, lastO: o, count: 1 };
        open.set(u, ch);
        out.push(ch);
      }
    }
    return out;
  }

  function bisectRight(arr, x) {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < arr[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  class Spans {
    constructor() {
      this.starts = [];
      this.ends = [];
    }

    overlaps(a, b) {
      const i = bisectRight(this.starts, a);
      return (i > 0 && this.ends[i - 1] > a) || (i < this.starts.length && this.starts[i] < b);
    }

    add(a, b) {
      const i = bisectRight(this.starts, a);
      this.starts.splice(i, 0, a);
      this.ends.splice(i, 0, b);
    }
  }

  function select(ctx, all, ref) {
    const k = ref.k;
    const ranked = all.filter((c) => c.count * 100 >= ctx.data.found_percent * ref.grams[c.unit]);
    ranked.sort((a, b) => cmp([-a.count, a.firstP, a.unit], [-b.count, b.firstP, b.unit]));
    const chosen = new Map();
    const cores = new Spans();
    for (const ch of ranked) {
      if (!chosen.has(ch.unit) && !cores.overlaps(ch.firstP, ch.lastP + k)) {
        chosen.set(ch.unit, ch);
        cores.add(ch.firstP, ch.lastP + k);
      }
    }
    const extra = ranked.filter((c) => chosen.get(c.unit) !== c && !cores.overlaps(c.firstP, c.lastP + k));
    extra.sort((a, b) => cmp([a.firstP, a.unit], [b.firstP, b.unit]));
    return [chosen, extra];
  }

  function regions(chosen, ref, n) {
    const k = ref.k;
    const cores = Array.from(chosen.values(), (c) => [c.firstP, c.lastP + k, c]);
    cores.sort((a, b) => cmp([a[0], a[2].unit], [b[0], b[2].unit]));
    const out = [];
    cores.forEach(([c0, c1, ch], i) => {
      const length = ref.units[ch.unit].text.canon.length;
      const prevEnd = out.length ? out[out.length - 1].end : 0;
      const nextStart = i + 1 < cores.length ? cores[i + 1][0] : n;
      const start = Math.max(c0 - ch.firstO, prevEnd);
      const end = Math.min(c1 + (length - ch.lastO - k), nextStart);
      out.push({ unit: ch.unit, start, end: Math.max(end, c1), coreStart: c0, coreEnd: c1 });
    });
    return out;
  }

  function byStart(list) {
    return list.slice().sort((a, b) => a.start - b.start);
  }

  function firstBy(indices, out, better) {
    let best = null;
    for (const i of indices) if (best === null || better(out[i].unit, out[best].unit)) best = i;
    return best;
  }

  function gapsBeside(out, u, n) {
    const before = [];
    const after = [];
    out.forEach((r, i) => {
      if (r.unit < u) before.push(i);
      if (r.unit > u) after.push(i);
    });
    const gaps = [];
    if (after.length) {
      const a = firstBy(after, out, (x, y) => x < y);
      gaps.push([a > 0 ? out[a - 1].end : 0, out[a].start]);
    }
    if (before.length) {
      const b = firstBy(before, out, (x, y) => x > y);
      gaps.push([out[b].end, b + 1 < out.length ? out[b + 1].start : n]);
    }
    return gaps;
  }

  function placeExact(out, canon, ref) {
    const placed = new Set(out.map((r) => r.unit));
    for (const unit of ref.units) {
      const want = unit.text.canon;
      if (placed.has(unit.index) || !want) continue;
      for (const [lo, hi] of gapsBeside(out, unit.index, canon.length)) {
        const at = lo <= canon.length ? canon.indexOf(want, lo) : -1;
        if (at >= 0 && at + want.length <= hi) {
          const end = at + want.length;
          out = byStart([...out, { unit: unit.index, start: at, end, coreStart: at, coreEnd: end }]);
          placed.add(unit.index);
          break;
        }
      }
    }
    return out;
  }

  function windowOf(out, u, n) {
    const before = [];
    const after = [];
    out.forEach((r, i) => {
      if (r.unit < u) before.push(i);
      if (r.unit > u) after.push(i);
    });
    const b = before.length ? firstBy(before, out, (x, y) => x > y) : null;
    const a = after.length ? firstBy(after, out, (x, y) => x < y) : null;
    const lo = b !== null ? out[b].end : 0;
    const hi = a !== null ? out[a].start : n;
    if (b !== null && a !== null && a !== b + 1) return [null, 0];
    if (b === null && a !== null && a !== 0) return [null, 0];
    if (a === null && b !== null && b !== out.length - 1) return [null, 0];
    return lo <= hi ? [lo, hi] : [null, 0];
  }

  function placeGaps(out, canon, ref) {
    const placed = new Set(out.map((r) => r.unit));
    const missing = ref.units.map((u) => u.index).filter((i) => !placed.has(i));
    const found = [];
    for (const u of missing) {
      const [lo, hi] = windowOf(out, u, canon.length);
      if (lo === null || hi <= lo) continue;
      let b = -1;
      let a = ref.units.length;
      for (const r of out) {
        if (r.unit < u && r.unit > b) b = r.unit;
        if (r.unit > u && r.unit < a) a = r.unit;
      }
      const between = missing.filter((m) => b < m && m < a);
      if (between.length === 1 && between[0] === u && b >= 0 && a < ref.units.length) {
        found.push({ unit: u, start: lo, end: hi, coreStart: lo, coreEnd: hi });
      }
    }
    return byStart([...out, ...found]);
  }

  function glue(ctx, out) {
    for (let i = 0; i + 1 < out.length; i++) {
      const gap = out[i + 1].start - out[i].end;
      if (gap > 0 && gap <= ctx.data.glue) out[i + 1].start = out[i].end;
    }
    return out;
  }

  function inOrder(out) {
    const seq = out.map((r) => r.unit);
    const best = seq.map(() => 1);
    const prev = seq.map(() => -1);
    for (let i = 0; i < seq.length; i++) {
      for (let j = 0; j < i; j++) {
        if (seq[j] < seq[i] && best[j] + 1 > best[i]) {
          best[i] = best[j] + 1;
          prev[i] = j;
        }
      }
    }
    const keep = new Set();
    if (!seq.length) return keep;
    let i = 0;
    for (let x = 1; x < seq.length; x++) if (best[x] > best[i]) i = x;
    while (i >= 0) {
      keep.add(seq[i]);
      i = prev[i];
    }
    return keep;
  }

  // ---- diff ---------------------------------------------------------------------

  function diff(ctx, a, b) {
    const ops = ctx.dmp.diff_main(a, b, false);
    ctx.dmp.diff_cleanupSemantic(ops);
    return ops.map((d) => [d[0], d[1]]);
  }

  function equalChars(ops) {
    return ops.reduce((n, [op, text]) => n + (op === EQUAL ? cpLen(text) : 0), 0);
  }

  function addCount(counter, key, n) {
    const k = JSON.stringify(key);
    counter.set(k, (counter.get(k) || 0) + n);
  }

  function variants(ctx, refRaw, inRaw, ops) {
    const out = new Map();
    let i = 0;
    let j = 0;
    for (const [op, text] of ops) {
      const n = text.length;
      if (op === EQUAL) {
        for (let x = 0; x < n; x++) {
          const a = refRaw[i + x];
          const b = inRaw[j + x];
          if (a !== b) addCount(out, [variantKind(ctx.t, a, b), a, b], 1);
        }
      }
      if (op !== INSERT) i += n;
      if (op !== DELETE) j += n;
    }
    return out;
  }

  function substitutions(ref, got, slots) {
    const cuts = [];
    for (const [slot, values] of slots) {
      const sorted = values.slice().sort((x, y) => cmp([-cpLen(x), x], [-cpLen(y), y]));
      for (const value of sorted) {
        let start = ref.indexOf(value);
        while (start >= 0) {
          const end = start + value.length;
          if (!cuts.some(([a, b]) => start < b && a < end)) cuts.push([start, end, slot, value]);
          start = ref.indexOf(value, end);
        }
      }
    }
    if (!cuts.length) return null;
    cuts.sort(cmp);
    const literals = [ref.slice(0, cuts[0][0])];
    for (let i = 0; i + 1 < cuts.length; i++) literals.push(ref.slice(cuts[i][1], cuts[i + 1][0]));
    literals.push(ref.slice(cuts[cuts.length - 1][1]));
    if (!got.startsWith(literals[0])) return null;
    let at = literals[0].length;
    const out = [];
    for (let i = 0; i < cuts.length; i++) {
      const [, , slot, value] = cuts[i];
      const nxt = literals[i + 1];
      let found;
      if (i === cuts.length - 1) {
        if (!got.endsWith(nxt) || got.length - nxt.length < at) return null;
        found = got.length - nxt.length;
      } else {
        found = nxt ? got.indexOf(nxt, at) : at;
        if (found < 0) return null;
      }
      const repl = got.slice(at, found);
      if (repl !== value) out.push([slot, value, repl]);
      at = found + nxt.length;
    }
    return out.length ? out : null;
  }

  // ---- match --------------------------------------------------------------------

  function compare(ctx, refText, gotRaw, got, slots) {
    const want = refText.canon;
    if (got === want) {
      return { status: "unchanged", ops: [], equal: cpLen(want), variants: variants(ctx, refText.raw, gotRaw, [[EQUAL, want]]), substitutions: [], moved: false };
    }
    const ops = diff(ctx, want, got);
    const subs = substitutions(want, got, slots);
    return {
      status: subs ? "substituted" : "changed",
      ops,
      equal: equalChars(ops),
      variants: variants(ctx, refText.raw, gotRaw, ops),
      substitutions: subs || [],
      moved: false,
    };
  }

  function match(ctx, inp, ref) {
    const n = inp.canon.length;
    const found = anchors(inp.canon, ref);
    const [chosen, extra] = select(ctx, chains(found, ref), ref);
    let regs = regions(chosen, ref, n);
    regs = placeExact(regs, inp.canon, ref);
    regs = placeGaps(regs, inp.canon, ref);
    regs = glue(ctx, regs);
    const results = new Map();
    const kept = [];
    for (const reg of regs) {
      const unit = ref.units[reg.unit];
      const res = compare(ctx, unit.text, inp.raw.slice(reg.start, reg.end), inp.canon.slice(reg.start, reg.end), ref.slots);
      Object.assign(res, { unit: reg.unit, start: reg.start, end: reg.end });
      results.set(reg.unit, res);
      kept.push(reg);
    }
    const order = inOrder(kept);
    for (const res of results.values()) res.moved = !order.has(res.unit);
    const added = [];
    for (let i = 0; i + 1 < kept.length; i++) {
      if (kept[i + 1].start > kept[i].end) added.push([kept[i].end, kept[i + 1].start, kept[i].unit]);
    }
    const spans = new Spans();
    for (const r of kept) if (r.end > r.start) spans.add(r.start, r.end);
    const dups = new Map();
    for (const ch of extra) {
      if (!spans.overlaps(ch.firstP, ch.lastP + ref.k)) dups.set(ch.unit, (dups.get(ch.unit) || 0) + 1);
    }
    const units = ref.units.map(
      (u) => results.get(u.index) || { unit: u.index, status: "missing", start: -1, end: -1, ops: [], variants: new Map(), substitutions: [], moved: false, equal: 0 },
    );
    const before = kept.length ? cpLen(inp.canon.slice(0, kept[0].start)) : cpLen(inp.canon);
    const after = kept.length ? cpLen(inp.canon.slice(kept[kept.length - 1].end)) : 0;
    const m = { ref, units, added, duplicates: dups, before, after };
    m.matched = units.filter((u) => !ref.units[u.unit].optional).reduce((s, u) => s + u.equal, 0);
    m.placedTotal = units
      .filter((u) => u.status !== "missing" && !ref.units[u.unit].optional)
      .reduce((s, u) => s + cpLen(ref.units[u.unit].text.canon), 0);
    return m;
  }

  function verdict(m) {
    const ref = m.ref;
    const required = m.units.filter((r) => !ref.units[r.unit].optional);
    if (m.matched < ref.minMatch || m.matched * 2 < m.placedTotal) return "not-this-license";
    const placed = required.filter((r) => r.status !== "missing").map((r) => r.unit);
    const missing = required.filter((r) => r.status === "missing").map((r) => r.unit);
    const innerGap = missing.some((u) => placed[0] < u && u < placed[placed.length - 1]);
    const changed = m.units.some((r) => r.status === "changed" || r.moved);
    if (changed || m.added.length || m.duplicates.size || innerGap) return "modified";
    if (missing.length) return "partial";
    if (m.units.some((r) => r.status === "substituted")) return "derived";
    if (m.units.some((r) => r.variants.size)) return "equivalent";
    return "identical";
  }

  // ---- report -------------------------------------------------------------------

  function diffOps(m, res, inp) {
    const unit = m.ref.units[res.unit];
    const out = [];
    let i = 0;
    let j = res.start;
    for (const [op, text] of res.ops) {
      const n = text.length;
      const [side, at] = op === INSERT ? [inp, j] : [unit.text, i];
      const shown = op === INSERT && j === res.start ? side.show(at, at + n) : side.showSpaced(at, at + n);
      out.push([op, shown]);
      if (op !== INSERT) i += n;
      if (op !== DELETE) j += n;
    }
    return out;
  }

  function build(ctx, m, inp, ex, encoding) {
    const ref = m.ref;
    const v = verdict(m);
    const allVariants = new Map();
    const subs = new Map();
    for (const res of m.units) {
      for (const [k, n] of res.variants) allVariants.set(k, (allVariants.get(k) || 0) + n);
      for (const s of res.substitutions) addCount(subs, s, 1);
    }
    const clauses = [];
    for (const res of m.units) {
      const unit = ref.units[res.unit];
      if (unit.optional && res.status === "missing") continue;
      let nvar = 0;
      for (const n of res.variants.values()) nvar += n;
      const entry = { id: unit.id, label: unit.label, status: res.status, moved: res.moved, url: unit.url, variants: nvar };
      if (res.status === "changed" || res.status === "substituted") entry.diff = diffOps(m, res, inp);
      clauses.push(entry);
    }
    const counts = {};
    for (const s of STATUS_ORDER) counts[s] = clauses.filter((c) => c.status === s).length;
    counts.moved = clauses.filter((c) => c.moved).length;
    const slotsSrc = ctx.data.langs[ref.lang].slots;
    const slotOrder = slotsSrc.map(([slot]) => slot);
    const asPrinted = new Map();
    for (const [, values] of slotsSrc) for (const val of values) asPrinted.set(fold(ctx.t, val), val);
    const variantList = Array.from(allVariants, ([k, c]) => [JSON.parse(k), c])
      .sort((a, b) => cmp([...a[0], a[1]], [...b[0], b[1]]))
      .map(([[kind, a, b], c]) => ({ kind, reference: a, input: b, count: c }));
    const subList = Array.from(subs, ([k, c]) => [JSON.parse(k), c])
      .sort((x, y) => cmp([slotOrder.indexOf(x[0][0]), x[0][2]], [slotOrder.indexOf(y[0][0]), y[0][2]]))
      .map(([[slot, a, b], c]) => ({ slot, reference: asPrinted.get(a), replacement: b, count: c }));
    return {
      $schema: ctx.data.schema,
      verdict: v,
      exit_code: EXIT[v],
      language: ref.lang,
      input: {
        format: ex.format,
        encoding,
        characters: cpLen(inp.canon),
        page_numbers_removed: ex.pageNumbers,
        running_headers_removed: ex.headers.map(([t, c]) => ({ text: t, count: c })),
        before: m.before,
        after: m.after,
      },
      matched_characters: m.matched,
      reference_characters: ref.total,
      summary: counts,
      variants: variantList,
      substitutions: subList,
      clauses,
      added: m.added.map(([s, e, u]) => ({ after: ref.units[u].id, characters: cpLen(inp.canon.slice(s, e)), text: inp.show(s, e) })),
      duplicates: Array.from(m.duplicates)
        .sort((a, b) => a[0] - b[0])
        .map(([u, c]) => ({ id: ref.units[u].id, count: c })),
    };
  }

  function bad(ctx, err) {
    return {
      $schema: ctx.data.schema,
      verdict: "bad-input",
      exit_code: EXIT["bad-input"],
      error: { code: err.code, message: err.message },
    };
  }

  // ---- the verifier -------------------------------------------------------------

  class Verifier {
    /* `data` is the build's data.json; `markdownit` and `diff_match_patch` the vendored libraries. */
    constructor(data, markdownit, DiffMatchPatch) {
      this.data = data;
      this.t = new Tables(data);
      this.ignoredSet = this.t.ignored;
      this.md = markdownit("commonmark");
      this.dmp = new DiffMatchPatch();
      this.dmp.Diff_Timeout = 0; // no deadline: the same diff on every machine
      this.refs = {};
      for (const lang of LANGS) this.refs[lang] = buildReference(this, lang);
      this.keep = new Set();
      for (const lang of LANGS) for (const u of this.refs[lang].units) if (u.id === "title") this.keep.add(u.text.canon);
    }

    verifyText(text, lang = "auto", name = "", fmt = "auto", encoding = "UTF-8") {
      let best = null;
      const codes = lang === "auto" ? LANGS : [lang];
      for (const code of codes) {
        let ex;
        let inp;
        try {
          const n = cpLen(text);
          if (n > this.data.max_bytes) {
            throw new BadInput("too-large", `the input has ${n} characters; the limit is ${this.data.max_bytes} (4 Mi)`);
          }
          ex = extract(this, text, name, fmt, this.keep, OTHER[code]);
          inp = new Text(this.t, ex.text);
          if (!inp.canon) throw new BadInput("empty", `no text is left once the ${ex.format} markup is removed`);
        } catch (err) {
          if (!(err instanceof BadInput)) throw err;
          if (best === null && code === codes[codes.length - 1]) return bad(this, err);
          continue;
        }
        const ref = this.refs[code];
        const m = match(this, inp, ref);
        if (best === null || m.matched * best[0].ref.total > best[0].matched * ref.total) best = [m, inp, ex];
        if (m.matched === ref.total) break; // every character found: no other language can do better
      }
      return build(this, best[0], best[1], best[2], encoding);
    }

    verifyBytes(bytes, lang = "auto", name = "", fmt = "auto") {
      let text;
      let encoding;
      try {
        [text, encoding] = decodeBytes(bytes, this.data.max_bytes);
      } catch (err) {
        if (!(err instanceof BadInput)) throw err;
        return bad(this, err);
      }
      return this.verifyText(text, lang, name, fmt, encoding);
    }
  }

  root.LicenseVerify = { Verifier, BadInput };
})(typeof window !== "undefined" ? window : globalThis);
