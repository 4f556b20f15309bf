"""The report: a JSON-ready dict (see license/schema/verify-report.schema.json), and its text form."""

from __future__ import annotations

from collections import Counter

from .decode import BadInput
from .diff import DELETE, INSERT
from .extract import Extracted
from .match import Match
from .normalise import Text, fold
from .reference import SLOT_NAMES, SLOTS
from .verdict import EXIT, verdict

SCHEMA_PATH = "schema/verify-report.schema.json"
STATUS_ORDER = ("unchanged", "substituted", "changed", "missing")
LANGUAGE = {"zh-Hans": "the authoritative Chinese text", "en": "our unofficial English translation; the Chinese text prevails"}


def _diff_ops(m: Match, res, inp: Text) -> list[list]:
    """The diff of a unit as [op, text] pairs, with the spacing of each side's own text."""
    unit = m.ref.units[res.unit]
    out, i, j = [], 0, res.start
    for op, text in res.ops:
        n = len(text)
        side, at = (inp, j) if op == INSERT else (unit.text, i)
        # Each piece shows the space before it, but not the one between two clauses.
        shown = side.show(at, at + n) if op == INSERT and j == res.start else side.show_spaced(at, at + n)
        out.append([op, shown])
        if op != INSERT:
            i += n
        if op != DELETE:
            j += n
    return out


def build(m: Match, inp: Text, ex: Extracted, encoding: str, site_url: str) -> dict:
    ref = m.ref
    v = verdict(m)
    variants: Counter = Counter()
    subs: Counter = Counter()
    for res in m.units:
        variants.update(res.variants)
        for slot, value, repl in res.substitutions:
            subs[(slot, value, repl)] += 1
    clauses = []
    for res in m.units:
        unit = ref.units[res.unit]
        if unit.optional and res.status == "missing":
            continue  # an optional unit is listed only when present
        entry = {
            "id": unit.id,
            "label": unit.label,
            "status": res.status,
            "moved": res.moved,
            "url": unit.url,
            "variants": sum(res.variants.values()),
        }
        if res.status in ("changed", "substituted"):
            entry["diff"] = _diff_ops(m, res, inp)
        clauses.append(entry)
    counts = Counter(c["status"] for c in clauses)
    as_printed = {fold(v): v for values in SLOTS[ref.lang].values() for v in values}
    id_of = {u.index: u.id for u in ref.units}
    return {
        "$schema": site_url.rstrip("/") + "/" + SCHEMA_PATH,
        "verdict": v,
        "exit_code": EXIT[v],
        "language": ref.lang,
        "input": {
            "format": ex.format,
            "encoding": encoding,
            "characters": len(inp.canon),
            "page_numbers_removed": ex.page_numbers,
            "running_headers_removed": [{"text": t, "count": c} for t, c in ex.headers],
            "before": m.before,
            "after": m.after,
        },
        "matched_characters": m.matched,
        "reference_characters": ref.total,
        "summary": {s: counts.get(s, 0) for s in STATUS_ORDER} | {"moved": sum(c["moved"] for c in clauses)},
        "variants": [{"kind": k, "reference": a, "input": b, "count": c} for (k, a, b), c in sorted(variants.items())],
        "substitutions": [
            {"slot": s, "reference": as_printed[a], "replacement": b, "count": c}
            for (s, a, b), c in sorted(subs.items(), key=lambda kv: (list(SLOTS[ref.lang]).index(kv[0][0]), kv[0][2]))
        ],
        "clauses": clauses,
        "added": [{"after": id_of[u], "characters": e - s, "text": inp.show(s, e)} for s, e, u in m.added],
        "duplicates": [{"id": id_of[u], "count": c} for u, c in sorted(m.duplicates.items())],
    }


def bad(err: BadInput, site_url: str) -> dict:
    return {
        "$schema": site_url.rstrip("/") + "/" + SCHEMA_PATH,
        "verdict": "bad-input",
        "exit_code": EXIT["bad-input"],
        "error": {"code": err.code, "message": err.message},
    }


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mark(op: int, piece: str) -> str:
    if op == 0:
        return piece
    # The space before a piece stays outside its mark, as it stands between words.
    lead = " " if piece.startswith(" ") else ""
    body = piece.lstrip(" ")
    return lead + (f"[-{body}-]" if op == DELETE else f"{{+{body}+}}")


def text(report: dict) -> str:
    """The report for people: verdict, evidence, substitutions, clauses, diffs, added text."""
    v = report["verdict"]
    if v == "bad-input":
        return f"verdict: bad input (exit 3)\nerror: {report['error']['message']}\n"
    lines = [f"verdict: {v} (exit {report['exit_code']})", f"language: {report['language']} ({LANGUAGE[report['language']]})", "evidence:"]
    inp = report["input"]
    lines.append(f"  read as {inp['encoding']} {inp['format']}, {inp['characters']} characters without whitespace")
    if inp["page_numbers_removed"] or inp["running_headers_removed"]:
        heads = ", ".join(f"“{h['text']}” ×{h['count']}" for h in inp["running_headers_removed"])
        lines.append(
            f"  page furniture removed: {inp['page_numbers_removed']} page-number lines" + (f"; running headers {heads}" if heads else "")
        )
    if inp["before"] or inp["after"]:
        lines.append(f"  surrounding text ignored: {inp['before']} characters before the license, {inp['after']} after")
    s = report["summary"]
    lines.append(
        f"  {report['matched_characters']} of {report['reference_characters']} characters of the license found unchanged; "
        f"clauses: {s['unchanged']} unchanged, {s['substituted']} substituted, {s['changed']} changed, "
        f"{s['missing']} missing, {s['moved']} moved"
    )
    for var in report["variants"]:
        lines.append(f"  variant ({var['kind']}): “{var['reference']}” as “{var['input']}” ×{var['count']}")
    for add in report["added"]:
        lines.append(f"  added after {add['after']}: “{_short(add['text'])}”")
    for dup in report["duplicates"]:
        lines.append(f"  copied again: {dup['id']} ×{dup['count']}")
    if report["substitutions"]:
        lines.append("substitutions:")
        for sub in report["substitutions"]:
            places = f"{sub['count']} place" + ("" if sub["count"] == 1 else "s")
            lines.append(f"  {SLOT_NAMES[sub['slot']]}: “{sub['reference']}” → “{sub['replacement']}” ({places})")
    lines.append("clauses:")
    for c in report["clauses"]:
        lines.append(f"  {c['id']}  {c['label']}  {c['status']}" + ("  moved" if c["moved"] else ""))
    changed = [c for c in report["clauses"] if "diff" in c]
    if changed:
        lines.append("changes ([-authoritative-] {+this copy+}):")
        for c in changed:
            lines.append(f"  {c['id']}  {c['label']}  {c['url']}")
            body = "".join(_mark(op, t) for op, t in c["diff"])
            lines.append(f"    {body}")
    return "\n".join(lines) + "\n"
