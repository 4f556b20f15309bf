"""How the checker and the citation labels grow with the license: `python scripts/bench_scale.py`.

Builds synthetic licenses in memory, 1×, 10× and 100× the size of `license/`: each
numbered section gets the items of its own copied again and again (numbered on, so
II has items 1…5, 6…10, …), each with its sub-items, paragraphs and references, which
point into the same copy; the original for the fidelity check is the synthetic
Chinese text, pinned as the real one is, and the ID registry and review record are
generated for it, so that every check runs on a clean license, as on the real one.

Times (CPU time, the best of --repeat runs) the whole checker (`checks.run`), the citation label of every clause
(`cite.label`), and the check of every reference's label (`labels.problem`), and prints
each with its cost per clause, and the growth of the cost from 1× to 100× beside the
growth of the text (only items are copied, so the text grows about 50 times): linear
growth keeps the cost per clause flat (goal: at most doubled).
A benchmark, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from licensekit import checks, labels
from licensekit.checks import errata, fidelity
from licensekit.cite import label
from licensekit.model import Clause, Document, License, Paragraph, Span
from licensekit.numerals import roman
from licensekit.parse import load
from licensekit.registry import generate

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1, 10, 100)
REVIEWED: dict[str, tuple[str, str]] = {}  # the copies' pinned errata, added to checks/errata.py's while timing
# The cost per clause may double from 1× to 100× (larger tables, caches missed); a
# quadratic step multiplies it by the growth itself, about 50.
GOAL = 2.0


def _family(doc: Document, section: Clause) -> list[Clause]:
    """The clauses under a section, in order."""
    inside, out = {section.id}, []
    for clause in doc.clauses:
        if clause.parent in inside:
            out.append(clause)
            inside.add(clause.id)
    return out


def _copied(span: Span, ids: dict[str, str]) -> Span:
    if span.kind == "defterm":
        return Span("term", span.text, span.target)
    return Span(span.kind, span.text, ids.get(span.target, span.target))


def _copy_items(doc: Document, section: Clause, times: int, copies: list[dict[str, str]]) -> list[Clause]:
    """The numbered items of `section` with their parts, copied `times - 1` times more;
    adds the IDs of each copy (original ID: copy's ID) to `copies`."""
    family = _family(doc, section)
    items = [c for c in family if c.parent == section.id and c.kind == "item"]
    out: list[Clause] = []
    for n in range(1, times):
        ids: dict[str, str] = {}
        for index, item in enumerate(items, start=1):
            ids[item.id] = f"{section.id}-{len(items) * n + index}"
        clones = []
        for clause in family:
            parent = ids.get(clause.parent or "")
            if clause.id in ids or parent is None:
                if clause.id not in ids:
                    continue  # a paragraph of the section itself, or a part of an unnumbered item
                number = f"{ids[clause.id].rsplit('-', 1)[1]}."
            else:
                position = sum(1 for c in clones if c.parent == parent) + 1
                ids[clause.id] = f"{parent}-{roman(position).lower()}"
                number = f"({roman(position).lower()})" if clause.number else ""
            clone = copy.copy(clause)
            clone.id, clone.parent, clone.number = ids[clause.id], parent or section.id, number
            # A copy uses the terms the original defines inline, and refers within its own copy.
            clone.paragraphs = [Paragraph([_copied(s, ids) for s in p.spans], p.line) for p in clause.paragraphs]
            clones.append(clone)
        out += clones
        copies.append(ids)
    return out


def scaled(lic: License, times: int) -> License:
    """A license `times` as long as `lic`, clean under every check (see the module's doc)."""
    big = copy.deepcopy(lic)
    copies: list[dict[str, str]] = []
    for doc in big.docs.values():
        clauses: list[Clause] = []
        for i, clause in enumerate(doc.clauses):
            clauses.append(clause)
            nxt = i + 1
            ends_section = nxt == len(doc.clauses) or doc.clauses[nxt].kind == "section"
            section = next((c for c in reversed(clauses) if c.kind == "section"), None)
            if ends_section and section is not None and section.number and any(c.kind == "item" for c in _family(doc, section)):
                clauses += _copy_items(doc, section, times, copies if doc.lang == "zh-Hans" else [])
        doc.clauses = clauses
    # A copied clause repeats the original's oddities, numbers aside (copies are numbered
    # right): each needs its erratum, as there.
    for n, ids in enumerate(copies, start=1):
        kept = [e for e in lic.errata if e.get("clause") in ids and e.get("kind") != "numbering"]
        big.errata += [{**e, "id": f"{e['id']}-{n}", "clause": ids[e["clause"]]} for e in kept]
        # The oddities the checker cannot detect are pinned by ID in checks/errata.py; so are the copies'.
        for e in kept:
            if e["id"] in errata.REVIEWED:
                REVIEWED[f"{e['id']}-{n}"] = (ids[e["clause"]], errata.REVIEWED[e["id"]][1])
    copied_from = {new: old for ids in copies for old, new in ids.items()}
    big.original = synthetic_original(lic, big, copied_from)
    big.metadata["original"]["sha256"] = hashlib.sha256(big.original.encode("utf-8")).hexdigest()
    big.published = {**generate(big), "aliases": lic.published.get("aliases", {})}
    return big


def synthetic_original(lic: License, big: License, copied_from: dict[str, str]) -> str:
    """The original of `big`: the real one, with each copied clause's text where it stands.

    The real original keeps its line breaks and stray spaces (the errata point at them);
    `lic`'s Chinese text equals it, so its n-th character is the original's n-th one, and
    a copy's text is printed as its original clause's is, after its own number.
    """
    pieces, run = [], ""
    for ch in lic.original:
        if ch in fidelity.FREE:
            run += ch
        else:
            pieces.append(run + ch)
            run = ""
    heads = {c.id: sum(ch not in fidelity.FREE for ch in c.number + c.title) for c in big.zh.clauses}
    printed: dict[str, list[str]] = {}  # each original clause's text as printed, number and title left out
    seen: dict[str, int] = {}
    for k, (_ch, clause, _line) in enumerate(fidelity.source_chars(lic)):
        seen[clause] = seen.get(clause, 0) + 1
        if clause and seen[clause] > heads[clause]:
            printed.setdefault(clause, []).append(pieces[k])
    ours = {c.id for c in lic.zh.clauses}
    out, k, at = [], 0, 0
    last = ""
    for ch, clause, _line in fidelity.source_chars(big):
        if not clause or clause in ours:
            out.append(pieces[k])
            k += 1
        else:
            at = 0 if clause != last else at + 1
            text = printed.get(copied_from[clause], [])
            index = at - heads[clause]
            out.append(("\n" if at == 0 else "") + (text[index] if 0 <= index < len(text) else ch))
        last = clause
    return "".join(out) + run


@contextlib.contextmanager
def pinned_to(lic: License) -> Iterator[None]:
    """Point the pins of checks/fidelity.py and checks/errata.py at a synthetic license, for a while."""
    pins = (fidelity.ORIGINAL_SHA256, fidelity.ORIGINAL_CHARS, dict(errata.REVIEWED))
    fidelity.ORIGINAL_SHA256 = lic.metadata["original"]["sha256"]
    fidelity.ORIGINAL_CHARS = len(fidelity.original_text(lic.original))
    errata.REVIEWED.update(REVIEWED)
    try:
        yield
    finally:
        fidelity.ORIGINAL_SHA256, fidelity.ORIGINAL_CHARS = pins[:2]
        errata.REVIEWED.clear()
        errata.REVIEWED.update(pins[2])


def seconds(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time of `repeat` runs: on a shared machine wall-clock time would
    mostly measure the other processes, and the least is the least disturbed."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def all_labels(lic: License) -> None:
    for doc in (lic.en, lic.zh):
        for clause in doc.clauses:
            label(lic, clause.id)


def all_label_problems(lic: License) -> None:
    for doc, other in ((lic.zh, lic.en), (lic.en, lic.zh)):
        for clause in doc.clauses:
            for para in clause.paragraphs:
                for span in para.spans:
                    if span.kind == "ref":
                        labels.problem(span.text, span.target, clause, [doc, other])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Time the checker and the citation labels on 1×, 10× and 100× synthetic licenses.")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is kept (default 3)")
    parser.add_argument("--sizes", type=lambda v: tuple(int(x) for x in v.split(",")), default=SIZES, help="default 1,10,100")
    args = parser.parse_args(argv)
    base = load(ROOT / "license")
    tasks = {"checker (checks.run)": checks.run, "labels (cite.label)": all_labels, "label checks (labels.problem)": all_label_problems}
    totals: dict[str, dict[int, float]] = {name: {} for name in tasks}
    clauses: dict[int, int] = {}
    print(f"{'size':>5} {'clauses':>8} {'findings':>9}  " + "  ".join(f"{name:>32}" for name in tasks))
    for times in args.sizes:
        lic = scaled(base, times)
        with pinned_to(lic):
            found = checks.errors(checks.run(lic))
            for finding in found[:5]:
                print("  ", finding.format(ROOT), file=sys.stderr)
            n = clauses[times] = len(lic.zh.clauses) + len(lic.en.clauses)
            cells = []
            for name, task in tasks.items():
                total = seconds(lambda task=task, lic=lic: task(lic), args.repeat)
                totals[name][times] = total
                cells.append(f"{total * 1000:>10.1f} ms {total / n * 1e6:>8.1f} µs/clause")
            print(f"{times:>4}× {n:>8} {len(found):>9}  " + "  ".join(f"{c:>32}" for c in cells))
    first, last = args.sizes[0], args.sizes[-1]
    growth = clauses[last] / clauses[first]
    print(f"{last}×/{first}×: clauses ×{growth:.1f}; linear cost grows as much, quadratic ×{growth**2:.0f}")
    print(f"  {'':<32} {'cost':>7} {'per clause':>11}   goal: per clause <= x{GOAL}")
    ok = True
    for name, by_size in totals.items():
        ratio = by_size[last] / by_size[first]
        per_clause = ratio / growth
        ok &= per_clause <= GOAL
        print(f"  {name:<32} x{ratio:>6.1f} x{per_clause:>10.2f}   {'ok' if per_clause <= GOAL else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
