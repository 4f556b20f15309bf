"""The Jinja2 environment of every generated page and part.

Autoescaping is on for every template, so a string from `license/` is text wherever it
lands (element, attribute) unless a filter here marks it up on purpose, after escaping.
Templates are never built from data, so `{{ … }}` in a source stays literal text.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).resolve().parent / "templates"
HAN_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*[\u3400-\u9fff][\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*")


def zh_spans(text: str) -> Markup:
    """Escape `text`, then mark each run of Chinese in it as `lang="zh-Hans"`."""
    escaped = str(escape(text))  # entities are ASCII, so no run can split one
    return Markup(HAN_RUN.sub(lambda m: f'<span lang="zh-Hans">{m.group(0)}</span>', escaped))


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def mail_links(text: str) -> Markup:
    """Escape `text` (unless it is markup already), then make each email address in it a `mailto:` link."""
    escaped = str(escape(text))  # escaping leaves `@`, letters, digits, `.`, `-` as they are
    return Markup(EMAIL.sub(lambda m: f'<a class="email" href="mailto:{m.group(0)}">{m.group(0)}</a>', escaped))


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,  # a missing field is an error, never an empty string
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["zh_spans"] = zh_spans
    env.filters["mail_links"] = mail_links
    return env


ENV = _environment()


def keep_compiled(folder: Path) -> None:
    """Keep the templates' compiled code in `folder` from one process to the next: Jinja2
    compares each template's checksum, so an edited template is compiled again."""
    ENV.bytecode_cache = FileSystemBytecodeCache(str(folder))


def render(name: str, **context) -> str:
    """Render one template of `templates/` with `context`."""
    return ENV.get_template(name).render(**context)


def macros(name: str):
    """The macros of a template, callable from Python; each returns escaped `Markup`."""
    return ENV.get_template(name).module
