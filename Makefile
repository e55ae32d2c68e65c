# LureWatch: `make run` and `make test` each set up .venv (pip) if needed, then do their job.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.lurewatch-installed

export FLWR_TELEMETRY_ENABLED := 0
export FLWR_DISABLE_UPDATE_CHECK := 1
export FLWR_DISABLE_RUNTIME_DEPENDENCY_INSTALLATION := 1
export PYTHONWARNINGS := ignore::UserWarning

.PHONY: setup run test bench lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: setup
	$(VENV)/bin/lurewatch-simulate run

test: setup
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing on purpose" >&2; exit 1; fi; \
	exit $$status

bench: setup
	$(VENV)/bin/lurewatch-simulate benchmark

lint: setup
	$(VENV)/bin/ruff check model client server privacy simulations tests
	$(VENV)/bin/mypy

clean:
	rm -rf runs .pytest_cache .mypy_cache .ruff_cache
