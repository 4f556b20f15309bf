"""What the /verify/ page needs from the model, as one JSON document emitted by the build.

The browser port (docs/assets/verify/verify.js) reads its references and tables from
here, never from a copy by hand: the units' texts, labels and addresses, the shingle
lengths and thresholds, the normalisation tables, the template's slots and the
extraction rules. It builds its shingle index itself, as `reference.build` does.
"""

from __future__ import annotations

import json

from . import References
from .align import FOUND_PERCENT, GLUE
from .decode import MAX_BYTES
from .extract import HEADER_MAX_CHARS, HEADER_REPEATS, HTML_DROP, PAGE_NUMBER, SEPARATORS, SITE_DROP, SITE_ROOT, TITLE_MAX_CHARS
from .normalise import FOLD_TABLE, IGNORED, WIDTH_RANGE
from .reference import SLOT_NAMES, SLOTS
from .report import SCHEMA_PATH

PATH = "assets/verify/data.json"
# The page that runs the verifier, and the scripts it alone may load (the audit allows
# them on that page only): the vendored libraries, the port, the page's own.
SOURCE = "verify.md"
PAGE = "verify/index.html"
SCRIPTS = (
    "assets/verify/vendor/diff_match_patch.js",
    "assets/verify/vendor/markdown-it.min.js",
    "assets/verify/verify.js",
    "assets/verify/page.js",
)


def data(refs: References) -> dict:
    langs = {}
    for lang, ref in refs.by_lang.items():
        langs[lang] = {
            "k": ref.k,
            "min_match": ref.min_match,
            "units": [{"id": u.id, "label": u.label, "url": u.url, "text": u.text.spaced, "optional": u.optional} for u in ref.units],
            # In order: the order decides which slot a value belongs to, and the listing order.
            "slots": [[slot, values] for slot, values in SLOTS[lang].items()],
        }
    return {
        "schema": refs.site_url.rstrip("/") + "/" + SCHEMA_PATH,
        "site_url": refs.site_url,
        "langs": langs,
        "ignored": "".join(sorted(IGNORED)),
        "width_range": list(WIDTH_RANGE),
        "fold_table": [list(row) for row in FOLD_TABLE],
        "slot_names": SLOT_NAMES,
        "found_percent": FOUND_PERCENT,
        "glue": GLUE,
        "max_bytes": MAX_BYTES,
        "page_number": PAGE_NUMBER.pattern,
        "header_repeats": HEADER_REPEATS,
        "header_max_chars": HEADER_MAX_CHARS,
        "title_max_chars": TITLE_MAX_CHARS,
        "html_drop": HTML_DROP,
        "site_root": SITE_ROOT,
        "site_drop": SITE_DROP,
        "separators": SEPARATORS,
    }


def data_json(refs: References) -> str:
    return json.dumps(data(refs), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
