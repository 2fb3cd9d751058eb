# Open Cities CMS. `make run` and `make test` are all a newcomer needs (Python 3.11 and make).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve migrate demo test test-fast test-browser lint format messages bench bench-search clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) manage.py migrate --no-input -v 0

demo: migrate
	$(PY) manage.py load_demo_content

run: demo
	$(PY) manage.py ensure_admin
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

test-browser: install
	$(PY) -m pytest -p no:cacheprovider -m browser $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=tests --no-obsolete

bench: bench-search

bench-search: install
	$(PY) manage.py bench_search --documents $${DOCUMENTS:-10000}

clean:
	rm -rf $(VENV) staticfiles test-artifacts .pytest_cache
