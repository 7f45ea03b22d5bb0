# socialreach — `make help` lists the targets. Every target sets up .venv on first use and
# reinstalls when pyproject.toml changes, so a fresh clone needs only python3 (3.11+) and make;
# `make test` also installs Chromium for the browser test (scripts/ensure-chromium).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE ?= data/examples/multi_faculty_university.csv

.DEFAULT_GOAL := help
.PHONY: help setup test lint report lab bench data clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install socialreach with its dev tools

test: lint ## run every test (ruff, then pytest: unit, hypothesis, notebooks, browser)
	scripts/ensure-chromium
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff over the package, tests, benchmarks and scripts
	$(BIN)/ruff check socialreach tests benchmarks data
	$(BIN)/ruff format --check socialreach tests benchmarks data

report: $(STAMP) ## build the leadership report from the bundled example into reports/
	@mkdir -p reports
	$(BIN)/socialreach report $(EXAMPLE) --out reports/report.html

# Jupyter refuses to run as root (containers often do): allow it only there.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(STAMP) ## open JupyterLab on notebooks/ with socialreach importable
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_ROOT) $(LAB_ARGS)

bench: $(STAMP) ## run the benchmarks (ratios against baselines timed in the same run)
	$(BIN)/python benchmarks/run.py

data: $(STAMP) ## rebuild the embedded survey tables from ../shared/reference
	$(BIN)/python data/build_survey_tables.py ../shared/reference

clean: ## remove .venv, reports and caches
	rm -rf $(VENV) reports .pytest_cache .ruff_cache .hypothesis
