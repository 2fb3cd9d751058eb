# Open Cities CMS. `make run` and `make test` are all a newcomer needs (Python 3.11 and make).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Parallel test processes (pytest-xdist); each gets its own test database. TEST_WORKERS=0 runs
# everything in one process.
TEST_WORKERS ?= 2

.PHONY: install run serve migrate demo admin test test-fast test-browser lint format messages \
	compilemessages bench bench-search bench-pages bench-listing bench-profile bench-commitments clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# Django's compilemessages (which also checks placeholders) when gettext is installed; without
# it, compile_translations does the same with polib.
compilemessages: install
	@if [ -z "$$(find . -path ./.venv -prune -o -name '*.po' -print -quit)" ]; then \
		echo "No translation catalogues (.po) to compile"; \
	elif command -v msgfmt >/dev/null 2>&1; then \
		$(PY) manage.py compilemessages --ignore=.venv -v 0; \
	else \
		$(PY) manage.py compile_translations; \
	fi

migrate: compilemessages
	$(PY) manage.py migrate --no-input -v 0

demo: migrate
	$(PY) manage.py load_demo_content

admin: migrate
	$(PY) manage.py ensure_admin

# Everything a first visit needs, then the development server on http://$(HOST):$(PORT)/.
run: demo admin
	@echo "Open Cities is starting on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

serve: install
	$(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite, on PostgreSQL when DATABASE_URL is set. The unit and HTTP tests run in
# TEST_WORKERS processes; the browser tests (a live server and Chromium, one process that mostly
# waits on pages) run beside them, so the cores stay busy, and their report is printed at the end
# (it is also kept in test-artifacts/browser-tests.log).
# --dist loadgroup keeps each module marked xdist_group (they build their pages once) on one worker.
XDIST := $(if $(filter-out 0,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist loadgroup)
BROWSER_LOG := test-artifacts/browser-tests.log
test: compilemessages
	@mkdir -p test-artifacts
	@$(PY) -m pytest -p no:cacheprovider -m browser --durations=10 $(PYTEST_ARGS) \
		> $(BROWSER_LOG) 2>&1 & browser=$$!; \
	trap 'kill $$browser 2>/dev/null' INT TERM; \
	$(PY) -m pytest -p no:cacheprovider -m "not browser" --durations=15 $(XDIST) $(PYTEST_ARGS); \
	others=$$?; \
	wait $$browser; browser_status=$$?; \
	echo; echo "==> Browser tests ($(BROWSER_LOG))"; cat $(BROWSER_LOG); \
	if [ $$others -ne 0 ] || [ $$browser_status -ne 0 ]; then exit 1; fi

test-fast: compilemessages
	$(PY) -m pytest -p no:cacheprovider -m "not browser" -x $(PYTEST_ARGS)

test-browser: compilemessages
	$(PY) -m pytest -p no:cacheprovider -m browser --durations=10 $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates */templates --lint

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=tests --no-obsolete

bench: bench-search bench-pages bench-listing

# Times search on a generated corpus in a scratch database, never the demo site's
# (BENCH_DATABASE_URL=postgres://... to measure on PostgreSQL).
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/bench-results/bench.sqlite3
bench-search: install
	@mkdir -p bench-results
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py migrate --no-input -v 0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) manage.py bench_search --documents $${DOCUMENTS:-10000}

clean:
	rm -rf $(VENV) staticfiles test-artifacts .pytest_cache

# Every page type under gunicorn (2 workers, production settings) beside a hello-world, driven
# by wrk (or a Python client): a scratch SQLite database with the demo site in bench-results/;
# then 60 s at 32 connections against a story, a filtered listing and a search (fails on any
# error or timeout). SECONDS_PER_PAGE=10 and LOAD_SECONDS=60 by default.
bench-pages: compilemessages
	$(PY) -m bench.pages

# CPU ms per uncached request of every page type in process (test client, production settings,
# the bench-pages database), then the cProfile of one (PROFILE_PAGE="member directory").
bench-profile: compilemessages
	$(PY) -m bench.profile

# The stories listing with 10,000 synthetic stories (STORIES=...) and three filters, in a
# scratch copy of that database (LISTING_DATABASE_URL=postgres://... for PostgreSQL).
bench-listing: compilemessages
	$(PY) -m bench.listing

# The commitments explorer over 10,000 generated commitments (COMMITMENTS=...), in-process on a
# scratch database in bench-results/ (BENCH_DATABASE_URL=postgres://... for PostgreSQL).
bench-commitments: compilemessages
	$(PY) -m bench.commitments
