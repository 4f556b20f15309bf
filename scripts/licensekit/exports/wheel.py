"""A minimal pure-Python wheel, written byte for byte the same at every build."""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip file can hold; builds must not read the clock


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest},{len(data)}"


def wheel(
    name: str,
    version: str,
    files: dict[str, bytes],
    *,
    summary: str,
    home: str,
    requires: list[str],
    entry_points: dict[str, dict[str, str]],
) -> bytes:
    """The bytes of `{name}-{version}-py3-none-any.whl` holding `files` (path -> content)."""
    info = f"{name}-{version}.dist-info"
    metadata = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", f"Summary: {summary}", f"Home-page: {home}"]
    metadata += [f"Requires-Dist: {r}" for r in requires]
    points = "".join(f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in items.items()) + "\n" for group, items in entry_points.items())
    contents = dict(files)
    contents[f"{info}/METADATA"] = ("\n".join(metadata) + "\n").encode()
    contents[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: licensekit\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    contents[f"{info}/entry_points.txt"] = points.encode()
    record = "".join(f"{path},{_record_hash(data)}\n" for path, data in contents.items()) + f"{info}/RECORD,,\n"
    contents[f"{info}/RECORD"] = record.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for path, data in contents.items():
            entry = zipfile.ZipInfo(path, EPOCH)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(entry, data)
    return out.getvalue()
