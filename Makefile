# newsdigest: `make html` builds the demo digest, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
PORT ?= 8000

.DEFAULT_GOAL := html
.PHONY: html serve devserver clean test test-deps lint format publish check bench golden eval lighthouse

$(BIN)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet '.[test]'
	@touch $@

html: $(BIN)/.installed
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s pelicanconf.py --fatal errors
	@echo "Built $(INPUTDIR)/ into $(OUTPUTDIR)/. Browse it: make serve, then open http://127.0.0.1:$(PORT)/"

# Our own small server (scripts/serve.py): missing URLs get 404.html, as on GitHub Pages.
serve: $(BIN)/.installed
	$(BIN)/python scripts/serve.py $(OUTPUTDIR) --port $(PORT)

# Pelican rebuilds on every change in the background; scripts/serve.py serves the result.
devserver: $(BIN)/.installed
	@mkdir -p $(OUTPUTDIR)
	@$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s pelicanconf.py --autoreload & pid=$$!; \
	trap 'kill $$pid 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python scripts/serve.py $(OUTPUTDIR) --port $(PORT)

check: $(BIN)/.installed
	PYTHONPATH=plugins $(BIN)/python -m clippings.check $(INPUTDIR) -s pelicanconf.py

publish: $(BIN)/.installed
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s publishconf.py --fatal errors

clean:
	rm -rf $(OUTPUTDIR) cache

test-deps: $(BIN)/.installed
	@bash tests/tools/install-test-deps.sh
	@bash tests/tools/install-actionlint.sh

test: test-deps
	$(BIN)/python -m pytest -n 2

# Lighthouse on a publish build of content/ (home, a topic, an article); needs Chromium.
LIGHTHOUSE ?= node_modules/.bin/lighthouse
lighthouse: $(BIN)/.installed
	@test -x $(LIGHTHOUSE) || npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/lighthouse.py $(INPUTDIR) --lighthouse $(LIGHTHOUSE)

# BASELINE: the git revision built alongside (4c8bad5: before the typed contract and stories).
BASELINE ?= 4c8bad5
bench: $(BIN)/.installed
	$(BIN)/python benchmarks/run.py --sizes $(or $(SIZES),1000,10000) --baseline $(BASELINE) $(if $(REPEAT),--repeat $(REPEAT))

eval: $(BIN)/.installed
	$(BIN)/python benchmarks/eval_stories.py --sizes $(or $(SIZES),10000,100000)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Rewrite the golden files (tests/golden/: the fixture site's feeds, the demo's
# home, topic and source pages) from a fresh build; review the diff and commit it.
golden: $(BIN)/.installed
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q -p no:cacheprovider -k golden \
		tests/test_feeds_site.py tests/theme/test_golden_site.py
