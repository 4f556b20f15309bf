"""The page the dev server shows for every URL while a source is broken.

A plain function of the findings, so that it does not depend on the site engine or on
the theme (which needs the model that just failed). Jinja2 escapes every finding.
"""

from __future__ import annotations

from jinja2 import Environment

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ count }} error(s) in the license sources</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; color: #a50e0e; }
ol { padding-left: 1.5rem; }
li { margin: .4rem 0; }
code { font: .95rem/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
</head>
<body>
<main>
<h1>{{ count }} error(s) in the license sources</h1>
<p>Nothing is served until they are fixed. This page reloads by itself on the next save.</p>
<ol id="findings">
{%- for line in lines %}
<li><code>{{ line }}</code></li>
{%- endfor %}
</ol>
</main>
</body>
</html>
"""

_TEMPLATE = Environment(autoescape=True, keep_trailing_newline=True).from_string(TEMPLATE)


def render(lines: list[str]) -> str:
    """The error page listing `lines`, each `path:line: CODE clause-id: message`."""
    return _TEMPLATE.render(lines=lines, count=len(lines))
