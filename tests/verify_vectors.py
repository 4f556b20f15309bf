"""Test vectors for the verifier, built from our own sources by transformations, plus the
hand-made licenses in tests/verify/. `vectors(lic)` yields (name, input_text, expected);
`python tests/verify_vectors.py OUT.json` writes them as JSON, for another implementation
(the browser page) to run the same cases. The JSON is generated, never committed.

`expected` holds the verdict, the language, the status of every clause (all of them,
so a wrong status anywhere fails), the moved clauses, the count of added passages, the
copied-again clauses and the substitutions (slot, replacement).
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "scripts"))

from licensekit.exports.text import clause_line  # noqa: E402
from licensekit.model import License  # noqa: E402
from licensekit.pages import text_pages  # noqa: E402
from licensekit.parse import load  # noqa: E402

VERIFY_DIR = HERE / "verify"


def _units(lic: License, lang: str) -> list[tuple[str, str]]:
    doc = lic.docs[lang]
    out = [("title", doc.title)]
    if lang == "en":
        out.append(("notice", lic.notice("en")))
    return out + [(c.id, clause_line(c)) for c in doc.clauses if c.id and clause_line(c)]


def _join(units: list[tuple[str, str]]) -> str:
    return "\n\n".join(t for _, t in units) + "\n"


def _expect(lic: License, lang: str, verdict: str, present_notice: bool = True, **changes) -> dict:
    statuses = {i: "unchanged" for i, _ in _units(lic, lang) if not (i == "notice" and not present_notice)}
    statuses.update(changes.pop("statuses", {}))
    return {
        "verdict": verdict,
        "language": lang,
        "statuses": statuses,
        "moved": sorted(changes.pop("moved", [])),
        "added": changes.pop("added", 0),
        "duplicates": sorted(changes.pop("duplicates", [])),
        "substitutions": sorted(changes.pop("substitutions", [])),
    }


def _edit(units: list[tuple[str, str]], cid: str, old: str, new: str) -> list[tuple[str, str]]:
    out = []
    for i, t in units:
        if i == cid:
            assert old in t, (cid, old)
            t = t.replace(old, new, 1)
        out.append((i, t))
    return out


def _wrap(text: str, width: int) -> list[str]:
    flat = re.sub(r"\s+", "", text) if width < 60 else re.sub(r"\s+", " ", text)
    return [flat[i : i + width] for i in range(0, len(flat), width)]


def _pdf(units: list[tuple[str, str]], title: str, per_page: int = 22) -> str:
    lines = [line for _, t in units for line in [*_wrap(t, 34), ""]]
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    out = []
    for n, page in enumerate(pages, 1):
        out += [title, "", *page, "", "百川智能 版权所有", f"- {n} -", f"第 {n} 页 共 {len(pages)} 页", "\f"]
    return "\n".join(out)


def _html(units: list[tuple[str, str]]) -> str:
    body = "".join(f"<h1>{html.escape(t)}</h1>\n" if i == "title" else f"<p>{html.escape(t)}</p>\n" for i, t in units)
    return f"<!DOCTYPE html>\n<html><head><title>x</title><style>p {{ margin: 0 }}</style></head><body>\n{body}</body></html>\n"


def _markdown(lic: License, units: list[tuple[str, str]]) -> str:
    kinds = {c.id: c.kind for c in lic.zh.clauses}
    out = []
    for i, t in units:
        if i == "title":
            out.append(f"# {t}")
        elif kinds.get(i) == "section":
            out.append(f"## {t}")
        elif kinds.get(i) == "field":
            out.append(f"- **{t}**")
        else:
            out.append(t.replace("*", "\\*"))
    return "\n\n".join(out) + "\n"


MIT = """MIT License

Copyright (c) 2023 Example

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
"""
# Our own prose about licenses and models, sharing words but no sentence with the license.
UNRELATED_ZH = """模型使用说明

本仓库提供一个用于文本分类的小模型。使用前请阅读许可协议，并确认您的用途符合相关法律法规。
模型的权重、参数和训练数据均来自公开数据集。如需商业用途，请联系作者。个人信息不得用于训练。
"""


def _bad(code: str) -> dict:
    return {"verdict": "bad-input", "error": code}


def vectors(lic: License) -> Iterator[tuple[str, str, dict]]:
    zh = _units(lic, "zh-Hans")
    en = _units(lic, "en")
    title = lic.zh.title
    yield "zh-original-pdf-text", lic.original, _expect(lic, "zh-Hans", "identical")
    yield "zh-plain-download", _join(zh), _expect(lic, "zh-Hans", "identical")
    yield "zh-rewrapped", "\n".join(_wrap(_join(zh), 23)), _expect(lic, "zh-Hans", "identical")
    yield "zh-pdf-page-furniture", _pdf(zh, title), _expect(lic, "zh-Hans", "identical")
    width = _join(zh).translate(str.maketrans("，：；（）", ",:;()"))
    yield "zh-half-width", width, _expect(lic, "zh-Hans", "equivalent")
    quotes = _join(zh).translate(str.maketrans("“”", "「」"))
    yield "zh-corner-quotes", quotes, _expect(lic, "zh-Hans", "equivalent")
    yield (
        "zh-one-character-edit",
        _join(_edit(zh, "s2-2", "事先", "事后")),
        _expect(lic, "zh-Hans", "modified", statuses={"s2-2": "changed"}),
    )
    yield (
        "zh-deleted-clause",
        _join([u for u in zh if u[0] != "s2-3"]),
        _expect(lic, "zh-Hans", "modified", statuses={"s2-3": "missing"}),
    )
    dup = [u for pair in ((u, u) if u[0] == "s3-1" else (u,) for u in zh) for u in pair]
    yield "zh-duplicated-clause", _join(dup), _expect(lic, "zh-Hans", "modified", added=1, duplicates=["s3-1"])
    moved = [u for u in zh if u[0] != "s5-1"]
    at = next(i for i, u in enumerate(moved) if u[0] == "s2-5") + 1
    moved.insert(at, next(u for u in zh if u[0] == "s5-1"))
    yield "zh-moved-clause", _join(moved), _expect(lic, "zh-Hans", "modified", moved=["s5-1"])
    merged, out = dict(zh), []
    for i, t in zh:
        if i == "s2-2":
            continue
        out.append((i, t + merged["s2-2"][3:] if i == "s2-1" else t))
    yield "zh-merged-clauses", _join(out), _expect(lic, "zh-Hans", "modified", statuses={"s2-2": "changed"})
    renumbered = [(i, re.sub(r"^(\d)\. ", r"第\1条 ", t)) if i.startswith("s3-") else (i, t) for i, t in zh]
    yield (
        "zh-renumbered",
        _join(renumbered),
        _expect(lic, "zh-Hans", "modified", statuses={"s3-1": "changed", "s3-2": "changed", "s3-3": "changed"}),
    )
    yield (
        "zh-licensor-substituted",
        _join(_edit(zh, "s1-licensor", "北京百川智能科技有限公司", "上海某某人工智能有限公司")),
        _expect(
            lic, "zh-Hans", "derived", statuses={"s1-licensor": "substituted"}, substitutions=[["licensor", "上海某某人工智能有限公司"]]
        ),
    )
    excerpt = [u for u in zh if u[0].startswith(("s2", "s3"))]
    yield (
        "zh-excerpt",
        _join(excerpt),
        _expect(lic, "zh-Hans", "partial", statuses={i: "missing" for i, _ in zh if not i.startswith(("s2", "s3"))}),
    )
    readme = "# Acme-chat\n\nA chat model fine-tuned from baichuan-7B.\n\n## License\n\n" + _join(zh) + "\n## Citation\n\nPlease cite us.\n"
    yield "zh-embedded-in-readme", readme, _expect(lic, "zh-Hans", "identical")
    yield "zh-html", _html(zh), _expect(lic, "zh-Hans", "identical")
    yield "zh-markdown", _markdown(lic, zh), _expect(lic, "zh-Hans", "identical")
    yield "en-plain-download", _join(en), _expect(lic, "en", "identical")
    yield "en-without-notice", _join([u for u in en if u[0] != "notice"]), _expect(lic, "en", "identical", present_notice=False)
    yield (
        "en-one-word-edit",
        _join(_edit(en, "s2-1", "military", "civil")),
        _expect(lic, "en", "modified", statuses={"s2-1": "changed"}),
    )
    sections = [u for u in zh if not u[0].startswith("s5")]
    at = next(i for i, u in enumerate(sections) if u[0] == "s4")
    sections[at:at] = [u for u in zh if u[0].startswith("s5")]
    yield (
        "zh-reordered-sections",
        _join(sections),
        _expect(lic, "zh-Hans", "modified", moved=["s5", "s5-1", "s5-2", "s5-3"]),
    )
    fenced = "# Acme-chat\n\n## License\n\n```\n" + lic.original + "\n```\n\nMore text.\n"
    yield "zh-readme-code-block", fenced, _expect(lic, "zh-Hans", "identical")
    straight = _join(en).translate(str.maketrans("“”’", '""\''))
    yield "en-straight-quotes", straight, _expect(lic, "en", "equivalent")
    yield "en-html", _html(en), _expect(lic, "en", "identical")
    site = {name: page for name, (_, page) in text_pages(lic).items()}
    yield "zh-site-page", site["zh.md"], _expect(lic, "zh-Hans", "identical")
    yield "en-site-page", site["en.md"], _expect(lic, "en", "identical", present_notice=False)
    yield "parallel-site-page", site["parallel.md"], _expect(lic, "zh-Hans", "identical")
    yield "not-mit-license", MIT, {"verdict": "not-this-license", "language": "zh-Hans"}
    yield "not-unrelated-chinese", UNRELATED_ZH, {"verdict": "not-this-license", "language": "zh-Hans"}
    yield "bad-empty", "", _bad("empty")
    yield "bad-whitespace-only", " \n\u3000\t\n", _bad("empty")
    yield "bad-markup-only", "<!DOCTYPE html><html><body><p> </p></body></html>", _bad("empty")
    derived = (VERIFY_DIR / "lingxi-13B-license.zh.txt").read_text(encoding="utf-8")
    subst = {"title", "s1-licensor", "s1-commercial-use", "s2-grant", "s2-1", "s2-2", "s2-3", "s2-4", "s2-5", "s3-1", "s3-3"}
    subst |= {"s4-1", "s4-2", "s4-4", "s4-5", "s5-2", "s5-3", "appendix-1"}
    yield (
        "zh-hand-made-derived-lingxi",
        derived,
        _expect(
            lic,
            "zh-Hans",
            "derived",
            statuses=dict.fromkeys(subst, "substituted"),
            substitutions=[
                ["contact", "license@lingxi-ai.cn"],
                ["jurisdiction", "新加坡共和国"],
                ["licensor", "杭州灵犀数智科技有限公司"],
                ["model", "lingxi-13B"],
            ],
        ),
    )

    other = (VERIFY_DIR / "lingxi-13B-commercial.zh.txt").read_text(encoding="utf-8")
    gone = [i for i, _ in zh if i.startswith("appendix")]
    yield (
        "zh-hand-made-other-terms",
        other,
        _expect(
            lic,
            "zh-Hans",
            "modified",
            statuses=dict.fromkeys(subst - {"s2-2", "appendix-1"}, "substituted") | {"s2-2": "changed"} | dict.fromkeys(gone, "missing"),
            substitutions=[["jurisdiction", "新加坡共和国"], ["licensor", "杭州灵犀数智科技有限公司"], ["model", "lingxi-13B"]],
        ),
    )


def observed(report: dict, expected: dict | None = None) -> dict:
    """The part of a report that a vector's `expected` fixes (only verdict and language
    for text that is not this license; verdict and error code for bad input)."""
    if report["verdict"] == "bad-input":
        return {"verdict": "bad-input", "error": report["error"]["code"]}
    if expected is not None and expected["verdict"] == "not-this-license" == report["verdict"]:
        return {"verdict": report["verdict"], "language": report["language"]}
    return {
        "verdict": report["verdict"],
        "language": report["language"],
        "statuses": {c["id"]: c["status"] for c in report["clauses"]},
        "moved": sorted(c["id"] for c in report["clauses"] if c["moved"]),
        "added": len(report["added"]),
        "duplicates": sorted(d["id"] for d in report["duplicates"]),
        "substitutions": sorted([s["slot"], s["replacement"]] for s in report["substitutions"]),
    }


def main(argv: list[str]) -> int:
    lic = load(ROOT / "license")
    data = [{"name": n, "input": t, "expected": e} for n, t, e in vectors(lic)]
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
