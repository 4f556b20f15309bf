"""Each download in the real tool it is for: check-jsonschema, pyspdxtools, huggingface_hub, ScanCode.

The tools live in their own pinned venv, `.venv-tools` (requirements-tools.lock), which
`make test` installs; they run as their users run them, as separate commands.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from sitekit import code_blocks, readme_block

from casebook import ROOT
from licensekit import usercache

# ScanCode installs its plugin into .venv-tools, so it must never run twice at once: `make test`
# runs each module on one xdist worker (--dist loadfile), and so ScanCode once.
pytestmark = pytest.mark.slow  # runs ScanCode and the other tools on the built site

TOOLS = ROOT / ".venv-tools" / "bin"
KEY = "baichuan-7b-model-2023"
SITE_URL = "https://baichuan-7b-license.example.org/"
# Any request through these fails at once: a tool that passes used no network.
OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}


def tool_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PATH": f"{TOOLS}{os.pathsep}{os.environ['PATH']}", **extra}


def run(cmd: list[str] | str, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("env", tool_env())
    return subprocess.run(cmd, capture_output=True, text=True, shell=isinstance(cmd, str), **kw)


@pytest.fixture(scope="session", autouse=True)
def tools_installed():
    assert (TOOLS / "scancode").exists(), "the tools venv is missing: `make test` installs it from requirements-tools.lock"


# --- JSON Schema -------------------------------------------------------------------------


def test_check_jsonschema_passes_offline_with_no_flags(site):
    cmd = ["check-jsonschema", "--schemafile", "schema/license.schema.json", "license.json"]
    result = run(cmd, cwd=site, env=tool_env(**OFFLINE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


BROKEN_JSON = {
    "a clause ID with a dot": lambda d: d["clauses"][0].update(id="s1.x"),
    "a rule with no clause": lambda d: d["rules"]["limitations"][0].update(clauses=[]),
    "metadata without its licensor": lambda d: d["metadata"].pop("licensor"),
    "a relative license_link": lambda d: d["metadata"]["identifiers"]["huggingFace"].update(license_link="/zh/"),
    "rules back in the metadata": lambda d: d["metadata"].update(rules={}),
}


@pytest.mark.parametrize("case", BROKEN_JSON)
def test_check_jsonschema_refuses_a_broken_copy(site, tmp_path, case):
    doc = json.loads((site / "license.json").read_text(encoding="utf-8"))
    BROKEN_JSON[case](doc)
    (tmp_path / "license.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    cmd = ["check-jsonschema", "--schemafile", str(site / "schema/license.schema.json"), "license.json"]
    result = run(cmd, cwd=tmp_path, env=tool_env(**OFFLINE))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Schema validation errors were encountered" in result.stdout + result.stderr


def test_the_schema_refers_to_nothing_outside_itself(site):
    refs = re.findall(r'"\$ref": "([^"]*)"', (site / "schema/license.schema.json").read_text(encoding="utf-8"))
    assert refs and all(r.startswith("#/$defs/") for r in refs)


# --- SPDX ---------------------------------------------------------------------------------


def test_pyspdxtools_validates_and_converts_the_example_document(site, tmp_path):
    doc = site / "spdx/example.spdx.json"
    assert run(["pyspdxtools", "-i", str(doc)]).returncode == 0
    tv = tmp_path / "example.spdx"
    result = run(["pyspdxtools", "-i", str(doc), "-o", str(tv)])
    assert result.returncode == 0, result.stdout + result.stderr
    text = tv.read_text(encoding="utf-8")
    assert "PackageLicenseDeclared: LicenseRef-Baichuan-7B-Model-License AND Apache-2.0" in text
    assert "LicenseID: LicenseRef-Baichuan-7B-Model-License" in text
    back = tmp_path / "back.spdx.json"
    result = run(["pyspdxtools", "-i", str(tv), "-o", str(back)])
    assert result.returncode == 0, result.stdout + result.stderr
    again = json.loads(back.read_text(encoding="utf-8"))
    (info,) = again["hasExtractedLicensingInfos"]
    original = json.loads(doc.read_text(encoding="utf-8"))["hasExtractedLicensingInfos"][0]
    assert info["extractedText"].strip() == original["extractedText"].strip()


BROKEN_SPDX = {
    "no extracted text for the LicenseRef": lambda d: d.pop("hasExtractedLicensingInfos"),
    "a LicenseRef with a space": lambda d: d["hasExtractedLicensingInfos"][0].update(licenseId="LicenseRef-Baichuan 7B"),
    "an unknown SPDX version": lambda d: d.update(spdxVersion="SPDX-2.9"),
    "a declared license that is not an expression": lambda d: d["packages"][0].update(licenseDeclared="Baichuan AND AND"),
}


@pytest.mark.parametrize("case", BROKEN_SPDX)
def test_pyspdxtools_refuses_a_broken_document(site, tmp_path, case):
    doc = json.loads((site / "spdx/example.spdx.json").read_text(encoding="utf-8"))
    BROKEN_SPDX[case](doc)
    path = tmp_path / "broken.spdx.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run(["pyspdxtools", "-i", str(path)])
    assert result.returncode != 0, result.stdout + result.stderr


# --- Hugging Face -------------------------------------------------------------------------

HF_CARD = """
import json, sys
from huggingface_hub import ModelCard
card = ModelCard(sys.stdin.read())
print(json.dumps({k: card.data.to_dict().get(k) for k in ("license", "license_name", "license_link")}))
"""


@pytest.mark.parametrize("source", ["model-card.yml between fences", "the block on /downloads/"])
def test_huggingface_model_card(site, source):
    if source == "the block on /downloads/":
        (content,) = [b for b in code_blocks(site / "downloads/index.html", "yaml") if "license_name" in b]
    else:
        content = "---\n" + (site / "huggingface/model-card.yml").read_text(encoding="utf-8") + "---\n"
    result = run([str(TOOLS / "python"), "-c", HF_CARD], input=content + "\n# A model\n")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    meta = json.loads((site / "license.json").read_text(encoding="utf-8"))["metadata"]
    assert data == {"license": "other", "license_name": "baichuan-7b-model-license", "license_link": SITE_URL + "license.zh.txt"}
    assert data["license_link"] == meta["identifiers"]["huggingFace"]["license_link"]
    assert (site / data["license_link"][len(SITE_URL) :]).is_file()


# --- ScanCode -----------------------------------------------------------------------------


def readme_commands() -> list[str]:
    return readme_block("ScanCode", "sh").strip().splitlines()


def test_the_commands_on_downloads_are_those_in_readme(site):
    (block,) = [b for b in code_blocks(site / "downloads/index.html", "sh") if "scancode" in b and "sha256sum" not in b]
    assert block.strip().splitlines() == readme_commands()


def rewrap(text: str, width: int) -> str:
    """Each paragraph re-flowed at `width` characters, as an editor re-wraps Chinese."""
    paragraphs = [re.sub(r"\s+", "", p) if width else p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in paragraphs) + "\n"


def with_page_breaks(original: str) -> str:
    """The PDF extraction with a page header and a page number every 30 lines."""
    lines = original.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % 30 == 0:
            out += ["", f"- {i // 30} -", "", "baichuan-7B 模型许可协议", ""]
    return "\n".join(out)


CHANGED = {  # rules 10-15 are the six sections; II.1 is in rule 11, V.2 in rule 14
    "zh-changed-s5-2.txt": (
        "均适用中华人民共和国大陆地区(仅为本协议之目的，不包括香港、澳门和台湾)法律，并排除冲突法的适用。",
        "均适用新加坡法律。",
    ),
    "zh-changed-s2-1.txt": ("您不得出于任何军事或非法目的使用", "您可出于任何目的使用"),
}
PDF = "https://huggingface.co/baichuan-inc/Baichuan-7B/blob/main/baichuan-7B%20%E6%A8%A1%E5%9E%8B%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE.pdf"


def scan_inputs(site: Path, original: str) -> dict[str, str]:
    zh = (site / "license.zh.txt").read_text(encoding="utf-8")
    en = (site / "license.en.txt").read_text(encoding="utf-8")
    card = (site / "huggingface/model-card.yml").read_text(encoding="utf-8")
    inputs = {
        "original.txt": original,
        "license.zh.txt": zh,
        "zh-pages.txt": with_page_breaks(original),
        "zh-half.txt": rewrap(zh[: len(zh) // 2], 40),
        **{f"zh-wrap{w}.txt": rewrap(zh, w) for w in (20, 33, 57, 80)},
        **{f"en-wrap{w}.txt": "\n".join(textwrap.wrap(re.sub(r"\s+", " ", en), w)) + "\n" for w in (50, 72)},
        "README-name.md": "# A model\n\n本模型的权重遵循「baichuan-7B模型许可协议」。\n",
        "README-en.md": "# A model\n\nThe weights are under the baichuan-7B Model License Agreement.\n",
        "README-pdf.md": f"# A model\n\nThe weights follow [the license]({PDF}).\n",
        "README-card.md": f"---\n{card}---\n\n# A model\n",
        "README-apache.md": "# Other\n\nLicensed under the Apache License, Version 2.0.\n",
    }
    for name, (old, new) in CHANGED.items():
        assert old in zh
        inputs[name] = zh.replace(old, new)
    return inputs


REINDEX = "scancode-reindex-licenses"


def index_folder(site: Path, commands: list[str]) -> Path:
    """Where the license index that `commands` build is kept between runs, keyed by all that
    decides it: ScanCode's lock and interpreter, our plugin wheel and the commands themselves.
    Building it takes two minutes; a changed input is a new key, so a stale index is never used."""
    (wheel,) = (site / "scancode").glob("*.whl")
    key = hashlib.sha256()
    for part in (ROOT / "requirements-tools.lock", wheel):
        key.update(part.read_bytes())
    key.update(f"{os.path.realpath(TOOLS / 'python')}\n{chr(10).join(commands)}".encode())
    return usercache.folder("scancode-index") / key.hexdigest()[:24]


@pytest.fixture(scope="module")
def scancode_scan(site, base_url, lic, tmp_path_factory, request):
    """The README's commands, run as written, on every input: {file name: ScanCode's file result}.

    The index the reindex command builds is kept (`index_folder`); when an index built by these
    very commands from these very inputs is there, the reindex command is not run again."""
    work = tmp_path_factory.mktemp("scancode")
    model = work / "model"
    model.mkdir()
    for name, text in scan_inputs(site, lic.original).items():
        (model / name).write_text(text, encoding="utf-8")
    commands = readme_commands()
    kept = index_folder(site, commands)
    # built beside its final place, so that the rename below is one step on one file system
    index = kept if kept.is_dir() else kept.with_name(f"{kept.name}.{os.getpid()}.partial")
    env = tool_env(SCANCODE_CACHE=str(work / "cache"), SCANCODE_TEMP=str(work / "temp"), SCANCODE_LICENSE_INDEX_CACHE=str(index))
    try:
        for command in commands:
            if command.startswith(REINDEX) and index == kept:
                continue
            command = command.replace(SITE_URL, base_url).replace("path/to/model", shlex.quote(str(model)))
            result = run(command, cwd=work, env=env, timeout=1800)
            assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
        if index != kept and any(c.startswith(REINDEX) for c in commands):
            with contextlib.suppress(OSError):  # another run kept the same index first
                index.rename(kept)
        data = json.loads((work / "scan.json").read_text(encoding="utf-8"))
        results = {Path(f["path"]).name: f for f in data["files"] if f["type"] == "file"}
        # What ScanCode found in each input, kept for reading after the run: pytest --cache-show scancode/*
        scores = {name: [f"{m['rule_identifier']} {m['score']} {m['matcher']}" for m in matches(r)] for name, r in results.items()}
        request.config.cache.set("scancode/scores", scores)
        yield results, work
    finally:
        run(["pip", "uninstall", "--yes", "scancode_baichuan_7b_model_2023"], env=env)
        if index != kept:
            shutil.rmtree(index, ignore_errors=True)


def matches(result: dict) -> list[dict]:
    return [m for d in result["license_detections"] for m in d["matches"]]


TEXT_RULES = {f"{KEY}.LICENSE", f"{KEY}_8.RULE", f"{KEY}_9.RULE"}  # the entry, the PDF extraction, the English


@pytest.mark.parametrize("name", ["license.zh.txt", "original.txt", "en-wrap50.txt", "en-wrap72.txt"])
def test_scancode_finds_the_whole_text(scancode_scan, name):
    result = scancode_scan[0][name]
    assert result["detected_license_expression"] == KEY
    assert [(m["rule_identifier"] in TEXT_RULES, m["score"], m["match_coverage"]) for m in matches(result)] == [(True, 100.0, 100.0)]


@pytest.mark.parametrize("name", ["zh-wrap20.txt", "zh-wrap33.txt", "zh-wrap57.txt", "zh-wrap80.txt", "zh-half.txt", "zh-pages.txt"])
def test_scancode_finds_a_rewrapped_chinese_copy_by_its_title(scancode_scan, name):
    result = scancode_scan[0][name]
    assert result["detected_license_expression"] == KEY
    assert all(m["license_expression"] == KEY for m in matches(result))
    assert any(m["rule_identifier"] in (f"{KEY}_1.RULE", f"{KEY}_2.RULE") and m["score"] == 100.0 for m in matches(result))


@pytest.mark.parametrize(
    ("name", "rule"),
    [("README-name.md", 1), ("README-en.md", 3), ("README-pdf.md", 4), ("README-card.md", 6)],
)
def test_scancode_finds_a_reference(scancode_scan, name, rule):
    result = scancode_scan[0][name]
    assert result["detected_license_expression"] == KEY
    assert [(m["rule_identifier"], m["score"]) for m in matches(result)] == [(f"{KEY}_{rule}.RULE", 100.0)]


def test_scancode_does_not_see_the_license_elsewhere(scancode_scan):
    result = scancode_scan[0]["README-apache.md"]
    assert KEY not in (result["detected_license_expression"] or "")


@pytest.mark.parametrize(("name", "changed_section"), [("zh-changed-s5-2.txt", 14), ("zh-changed-s2-1.txt", 11)])
def test_scancode_reports_a_changed_copy_as_partial(scancode_scan, name, changed_section):
    """Not the whole text: the title and every section but the changed one, each an exact part."""
    found = matches(scancode_scan[0][name])
    assert all(m["license_expression"] == KEY for m in found)
    assert not any(m["rule_identifier"] in TEXT_RULES for m in found)
    exact = {int(m["rule_identifier"].removesuffix(".RULE").rsplit("_", 1)[1]) for m in found if m["match_coverage"] == 100.0}
    assert exact == {1, 10, 11, 12, 13, 14, 15} - {changed_section}


def test_scancode_writes_our_entry_as_we_publish_it(site, tmp_path):
    """ScanCode's own loader and writer give back the same bytes: its field order and formatting."""
    src = tmp_path / "licenses"
    src.mkdir()
    (src / f"{KEY}.LICENSE").write_bytes((site / f"scancode/{KEY}.LICENSE").read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    code = (
        "import sys\nfrom licensedcode.models import License\n"
        f"lic = License.from_dir({KEY!r}, licenses_data_dir=sys.argv[1], is_builtin=False)\n"
        "lic.dump(sys.argv[2])\n"
    )
    result = run([str(TOOLS / "python"), "-c", code, str(src), str(out)])
    assert result.returncode == 0, result.stderr
    assert (out / f"{KEY}.LICENSE").read_text(encoding="utf-8") == (src / f"{KEY}.LICENSE").read_text(encoding="utf-8")
