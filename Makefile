# kbapi build. Every target that needs Python creates .venv from pinned dependencies first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONSTRAINTS := requirements/constraints.txt
# The generator's ruff post-hooks look for `ruff` on PATH.
export PATH := $(abspath $(BIN)):$(PATH)

GEN_ROOT ?= generated
GEN_QMK := $(GEN_ROOT)/kbapi_qmk_api
GEN_KB := $(GEN_ROOT)/kbapi_qmk_keyboards
GEN_Q := $(GEN_ROOT)/kbapi_q_api
# Where `make generate` writes the generated sync twins of the async modules (tools/unasync.py).
SYNC_ROOT ?= wrapper
SPECS := spec/qmk.yaml spec/qmk-keyboards.yaml spec/daskeyboard-q.yaml

.PHONY: help install generate check-generated lint-spec lint typecheck test test-fast demo mock fuzz bench soak \
        generate-other docs clean

help:
	@echo "make demo            run the main job against the built-in mock servers"
	@echo "make test            all tests (creates .venv by itself)"
	@echo "make install         create .venv with pinned dependencies"
	@echo "make generate        regenerate generated/ from spec/ and the sync twins of async modules"
	@echo "make lint-spec       validate and lint the specs"
	@echo "make lint            ruff + mypy --strict"
	@echo "make mock            start the mock servers (kbapi mock)"
	@echo "make fuzz | bench | soak | generate-other LANG=..."
	@echo "make docs            build the docs site into build/site (--strict)"

install: $(STAMP)

$(STAMP): pyproject.toml $(CONSTRAINTS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -c $(CONSTRAINTS) -e '.[dev]'
	touch $@

# Regenerate one client: $(call gen,spec,config,outdir)
define gen
	$(BIN)/openapi-python-client generate --path $(1) --config $(2) --output-path $(3) \
	    --meta none --overwrite --fail-on-warning >/dev/null
	touch $(3)/py.typed
	rm -rf $(3)/.ruff_cache
endef

generate: $(STAMP)
	$(call gen,spec/qmk.yaml,spec/codegen/qmk.yaml,$(GEN_QMK))
	$(call gen,spec/qmk-keyboards.yaml,spec/codegen/qmk-keyboards.yaml,$(GEN_KB))
	$(call gen,spec/daskeyboard-q.yaml,spec/codegen/daskeyboard-q.yaml,$(GEN_Q))
	mkdir -p $(GEN_ROOT)/kbapi_specs
	cp spec/codegen/kbapi_specs__init__.py $(GEN_ROOT)/kbapi_specs/__init__.py
	cp $(SPECS) $(GEN_ROOT)/kbapi_specs/
	touch $(GEN_ROOT)/kbapi_specs/py.typed
	find $(GEN_ROOT) -name .ruff_cache -prune -exec rm -rf {} +
	$(BIN)/python tools/unasync.py --out $(SYNC_ROOT)

# Regenerate into a temporary copy and fail on any difference with the committed generated/
# or with the committed sync twins.
check-generated: $(STAMP)
	$(BIN)/python tools/check_generated.py

lint-spec: $(STAMP)
	$(BIN)/openapi-spec-validator $(SPECS)
	tools/spectral.sh lint $(SPECS) --fail-severity=warn

lint: $(STAMP)
	$(BIN)/ruff check wrapper tests tools
	$(BIN)/ruff format --check wrapper tests tools
	$(BIN)/mypy

test: $(STAMP)
	$(MAKE) --no-print-directory check-generated
	$(MAKE) --no-print-directory lint-spec
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest -n 2 -q tests

test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q tests -m "not slow"

demo: $(STAMP)
	$(BIN)/python tools/demo.py

mock: $(STAMP)
	$(BIN)/kbapi mock

fuzz: $(STAMP)
	$(BIN)/python tools/fuzz.py

bench: $(STAMP)
	$(BIN)/python tools/bench.py

soak: $(STAMP)
	$(BIN)/python tools/soak.py

generate-other: $(STAMP)
	tools/generate_other.sh $(LANG)

DOCS_STAMP := $(VENV)/.docs-installed

$(DOCS_STAMP): $(STAMP) requirements/docs.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -c $(CONSTRAINTS) -r requirements/docs.txt
	touch $@

# The site: guides from docs/, the API reference from the docstrings, the CLI reference from the typer app
# and the three specs rendered by Redocly (tools/docs_hooks.py). --strict fails on any broken link.
docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 REDOCLY_TELEMETRY=off $(BIN)/mkdocs build --strict -q

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -prune -exec rm -rf {} +
