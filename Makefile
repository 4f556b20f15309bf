# The whole set-up is two commands: `make serve` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)

.PHONY: serve build test check bench lint browser mutation
export NO_MKDOCS_2_WARNING := 1

$(STAMP): requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $@

NODE_STAMP := node_modules/.installed-$(shell sha256sum package-lock.json | cut -c1-12)

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium for the browser tests (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium fonts-noto-cjk; }

check: $(STAMP)
	$(PY) scripts/check.py

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) scripts/build.py site

test: $(STAMP) $(NODE_STAMP) browser
	$(PY) -m ruff check scripts tests
	$(PY) -m ruff format --check scripts tests
	$(PY) -m pytest

bench: $(STAMP) $(NODE_STAMP) browser
	$(PY) scripts/bench.py

# Mutation testing (mutmut), a benchmark: the score beside its goal, the runtime, the survivors.
mutation: $(STAMP)
	$(PY) scripts/mutation.py

lint: $(STAMP)
	$(PY) -m ruff format scripts tests
	$(PY) -m ruff check --fix scripts tests
