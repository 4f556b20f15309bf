/* The site's search engine, a web worker that answers the theme's search box.
 *
 * It speaks the theme's worker messages (SETUP 0 -> READY 1, QUERY 2 -> RESULT 3) and reads
 * the same search_index.json, so the theme's box and result list stay as they are; the
 * hooks point the pages here instead of at the theme's lunr worker. Why not lunr: its query
 * side splits a Chinese query into the longest prefixes it knows (人格权 becomes 人) and
 * drops English stop words, so "as is" finds nothing. The index holds a few hundred
 * entries, so a scan of the plain text per query finds every substring and takes well
 * under a millisecond: any run of Chinese characters, any word or phrase.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

/* Spellings that find each other: British English finds the American of the text. */
const CANON = new Map([
  ["licence", "license"], ["licences", "licenses"], ["licenced", "licensed"],
  ["judgement", "judgment"], ["judgements", "judgments"]
])
const canon = w => CANON.get(w) || w

/* How much an entry's kind and page weigh: the clause text before a section's bare
 * heading, the reading pages before the notes and the home page. */
const KIND = { definition: 1, clause: 1, heading: 0.3, note: 0.5, page: 0.1 }
const READING = ["zh/", "en/"]
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/
const WORD = /[\p{L}\p{N}]+/gu

let entries = []
let traditional = {}

/* One character at a time, so that positions in the normalised text are those of the
 * original: full-width forms to half-width, lower case, traditional to simplified. */
function normalise(text) {
  let out = ""
  for (const char of text) {
    let c = char.normalize("NFKC")
    if ([...c].length !== 1) c = char
    c = c.toLowerCase()
    if ([...c].length !== 1) c = char
    out += traditional[c] || c
  }
  return out
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", nbsp: " " }

/* The theme's index holds HTML with U+200B between the words that jieba found. */
function plain(html) {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name) => ENTITIES[name])
    .replace(/\u200b/g, "")
    .replace(/\s+/g, " ")
    .trim()
}

function escape(text) {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

function words(norm) {
  return [...norm.matchAll(WORD)].map(m => ({ w: m[0], start: m.index, end: m.index + m[0].length }))
}

function field(html) {
  const text = plain(html)
  const norm = [...text].length === text.length ? normalise(text) : text.toLowerCase()
  return { text, norm, words: words(norm) }
}

function setup(docs, config) {
  traditional = config.traditional || {}
  entries = docs.map(doc => ({
    doc,
    page: doc.location.split("#")[0],
    weight: KIND[doc.kind] ?? 1,
    title: field(doc.title),
    body: field(doc.text)
  }))
  /* The defined term, as a definition's title reads without quotes */
  for (const e of entries)
    if (e.doc.kind === "definition") e.term = e.title.norm.replace(/["“”]/g, "").trim()
}

/* The query as units: quoted phrases, runs of Chinese, and single English words. */
function parse(query) {
  const units = []
  const norm = normalise(query)
  const rest = norm.replace(/"([^"]*)"?/g, (_, phrase) => {
    units.push(...phraseUnits(phrase, true))
    return " "
  })
  units.push(...phraseUnits(rest, false))
  const whole = rest.trim()
  /* the words of an English query of more than one; none in one of marks alone ("- -") */
  const together = whole.includes(" ") && !HAN.test(whole) ? whole.match(WORD) : null
  return { units, whole: together && together.map(canon) }
}

function phraseUnits(text, quoted) {
  const units = []
  for (const part of text.split(/\s+/).filter(Boolean)) {
    for (const found of part.match(/[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu) || []) {
      const run = canon(found)
      if (HAN.test(run)) units.push({ han: run })
      else if (quoted) {
        const last = units[units.length - 1]
        if (last && last.phrase && last.open) last.phrase.push(run)
        else units.push({ phrase: [run], open: true })
      } else units.push({ word: run })
    }
  }
  return units.map(u => (u.phrase && u.phrase.length === 1 ? { word: u.phrase[0], exact: true } : u))
}

/* How well one word of the text matches a query word: the same, a longer form of it, or a
 * form of the same stem (liability and liable). */
function wordMatch(query, word, exact) {
  const q = canon(query), w = canon(word)
  if (q === w) return 1
  if (exact) return 0
  if (w.startsWith(q)) return q.length >= 3 ? 0.8 : 0
  let common = 0
  while (common < q.length && common < w.length && q[common] === w[common]) common++
  return common >= 4 && common >= Math.min(q.length, w.length) - 3 ? 0.5 : 0
}

/* Occurrences of a unit in a field, with the spans to mark. */
function find(unit, f) {
  const spans = []
  let quality = 0, exact = false
  if (unit.han) {
    exact = f.norm.includes(unit.han)
    for (let i = f.norm.indexOf(unit.han); i >= 0; i = f.norm.indexOf(unit.han, i + 1)) {
      spans.push([i, i + unit.han.length])
      quality += 1
    }
  } else if (unit.word) {
    for (const w of f.words) {
      const q = wordMatch(unit.word, w.w, unit.exact)
      if (q) { spans.push([w.start, w.end]); quality += q; exact = exact || q === 1 }
    }
  } else {
    const seq = unit.phrase
    for (let i = 0; i + seq.length <= f.words.length; i++)
      if (seq.every((q, k) => canon(q) === canon(f.words[i + k].w))) {
        spans.push([f.words[i].start, f.words[i + seq.length - 1].end])
        quality += 1
        exact = true
      }
  }
  return { spans, quality, exact }
}

function unitKey(unit) {
  return unit.han || unit.word || unit.phrase.join(" ")
}

function score(query) {
  const { units, whole } = parse(query)
  if (!units.length) return []
  const hits = entries.map(e => units.map(u => ({ title: find(u, e.title), body: find(u, e.body) })))
  /* Rare units weigh more than common ones (the, 许可) */
  const idf = units.map((_, k) => {
    const df = hits.filter(h => h[k].title.quality || h[k].body.quality).length
    return Math.log(1 + entries.length / (1 + df))
  })
  const scored = []
  entries.forEach((e, i) => {
    let matched = 0, exact = 0, s = 0
    const spans = { title: [], body: [] }
    units.forEach((u, k) => {
      const { title, body } = hits[i][k]
      if (!title.quality && !body.quality) return
      matched++
      if (title.exact || body.exact) exact++
      s += idf[k] * (Math.min(body.quality, 3) + (title.quality ? 3 : 0))
      spans.title.push(...title.spans)
      spans.body.push(...body.spans)
    })
    if (!matched) return
    /* The words of an unquoted English query as they stand together */
    if (whole && whole.length > 1) {
      const together = { phrase: whole }
      const n = find(together, e.title).quality + find(together, e.body).quality
      if (n) s *= 2 + Math.min(n, 2)
    }
    /* A defined term: its definition before its uses */
    if (e.term && (units.some(u => unitKey(u) === e.term) || (whole && whole.join(" ") === e.term))) s *= 4
    else if (e.term && units.length === 1 && units[0].han && e.term.includes(units[0].han)) s *= 2
    scored.push({ e, matched, exact, score: s * e.weight, spans })
  })
  const most = Math.max(0, ...scored.map(r => r.matched))
  return scored
    .filter(r => r.matched === most)
    /* An entry that holds more of the words as typed before one that holds only other
     * forms of them (licensor for license); a section's bare heading after the clauses
     * that hold as many. */
    .sort((a, b) => b.exact - a.exact || heading(a) - heading(b) || b.score - a.score)
}

function heading(r) {
  return r.e.doc.kind === "heading" ? 1 : 0
}

/* Escaped text with the matches marked; a window around the first match of a long text. */
function marked(f, spans, window) {
  const sorted = spans.slice().sort((a, b) => a[0] - b[0])
  let from = 0, to = f.text.length
  if (window && f.text.length > window) {
    const first = sorted.length ? sorted[0][0] : 0
    from = Math.max(0, first - Math.floor(window / 4))
    to = Math.min(f.text.length, from + window)
  }
  let out = from > 0 ? "…" : "", at = from
  for (const [start, end] of sorted) {
    if (start < at || end > to) continue
    out += escape(f.text.slice(at, start)) + "<mark>" + escape(f.text.slice(start, end)) + "</mark>"
    at = end
  }
  return out + escape(f.text.slice(at, to)) + (to < f.text.length ? "…" : "")
}

function item(e, spans, value) {
  return {
    location: e.doc.location,
    title: marked(e.title, spans.title, 0),
    text: marked(e.body, spans.body, 160),
    score: value,
    terms: {}
  }
}

/* A clause ID as typed or pasted (s4-3-ix, #S4-3-IX, a link that ends in one): that clause
 * in each text, before what a search of the words finds. */
const CLAUSE_ID = /^(?:\S*#)?(s\d+(?:-[a-z0-9]+)*|appendix(?:-[a-z0-9]+)*)$/

function byId(query) {
  /* full-width forms as typed with a Chinese input method; a full stop or comma after it */
  const id = normalise(query.trim()).replace(/[.,;:。，；：]+$/, "").match(CLAUSE_ID)
  if (!id) return []
  return entries
    .filter(e => READING.includes(e.page) && e.doc.location === e.page + "#" + id[1])
    .map(e => ({ e, spans: { title: [], body: [] } }))
}

/* Results grouped by page as the theme lists them (a page, then its entries): the license
 * text first, then the other pages, each in the order of its best entry. Every entry in a
 * group gets the group's score, so the theme lists them all in our order instead of folding
 * the lesser ones away. A clause looked up by its ID comes first, alone in a group: the
 * theme shows a group that holds no page from its last entry, so the clause shows as it
 * should, and Enter opens it, not its page. */
function search(query) {
  const found = byId(query)
  const ids = new Set(found.map(r => r.e))
  const groups = new Map()
  for (const r of score(query).filter(r => !ids.has(r.e))) {
    if (!groups.has(r.e.page)) groups.set(r.e.page, [])
    groups.get(r.e.page).push(r)
  }
  const ordered = [...groups].sort(([a], [b]) => READING.includes(b) - READING.includes(a))
  let rank = found.length + ordered.length
  const items = found.map(r => [item(r.e, r.spans, rank--)])
  for (const [page, results] of ordered) {
    const value = rank--
    const article = entries.find(e => e.doc.location === page)
    const own = results.find(r => r.e === article)
    const head = article ? [item(article, own ? own.spans : { title: [], body: [] }, value)] : []
    items.push([...head, ...results.filter(r => r.e !== article).map(r => item(r.e, r.spans, value))])
  }
  return { items }
}

addEventListener("message", ev => {
  const message = ev.data
  if (message.type === SETUP) {
    setup(message.data.docs, message.data.config)
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: search(message.data) })
  }
})
