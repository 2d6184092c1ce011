# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-8)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat pyproject.toml | md5sum | cut -c1-8)
HOST ?= 127.0.0.1
PORT ?= 8000
# Two pytest-xdist workers, a test file each at a time (each worker has its own databases).
TEST_WORKERS ?= 2

.PHONY: run test lint format setup messages search-server bench-load bench-pages clean

# uv installs the pinned dependencies about three times faster than pip (37 s -> 13 s here).
$(UV):
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet uv==$(UV_VERSION)

$(STAMP): | $(UV)
	$(UV) pip install --quiet --python $(PY) -e .
	@touch $@

# The test extras in the same one install (each editable install builds the project again).
$(TEST_STAMP): | $(UV)
	$(UV) pip install --quiet --python $(PY) -e ".[test]"
	@touch $@ $(STAMP)

messages: $(STAMP)
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(PY) manage.py compilemessages --ignore=.venv --ignore=.cache -v 0

setup: $(STAMP) messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo

run: setup
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(TEST_STAMP) messages
	$(PY) scripts/services.py install
	rm -f test-artifacts/relevance.txt test-artifacts/hsds-datapackage.txt test-artifacts/hsds-conformance.txt
	$(PY) scripts/services.py run -- $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=25 $(PYTEST_ARGS); \
		status=$$?; cat test-artifacts/relevance.txt test-artifacts/hsds-datapackage.txt test-artifacts/hsds-conformance.txt 2>/dev/null; exit $$status

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(TEST_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

search-server: $(STAMP)
	$(PY) scripts/services.py install
	$(PY) scripts/services.py search-server

# Load benchmark (not a test): gunicorn + PostgreSQL + Elasticsearch, 50 users for 60 s.
bench-load: $(TEST_STAMP)
	$(PY) scripts/services.py install
	$(PY) scripts/services.py run -- $(PY) bench/load.py

# Page benchmark (not a test): synthetic corpus at default scale, p50/p95, requests/s, queries.
bench-pages: $(TEST_STAMP)
	$(PY) scripts/services.py install
	$(PY) scripts/services.py run -- $(PY) bench/pages.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var test-artifacts
