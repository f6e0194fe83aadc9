# lienhiep — the one documented way to run things.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint format messages bench install serve clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## make demo: install, migrate SQLite, seed the Hòa An year, print the demo logins, serve :8000
demo: $(STAMP)
	mkdir -p var
	DEBUG=1 $(PY) manage.py migrate --no-input -v 0
	if command -v msgfmt >/dev/null; then DEBUG=1 $(PY) manage.py compilemessages -v 0 --ignore=.venv; fi
	DEBUG=1 $(PY) manage.py seed_demo
	@echo "Mở http://127.0.0.1:8000/admin/ và đăng nhập bằng tài khoản demo / lienhiep2024"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

## make test: the whole suite (unit, integration, browser) on DATABASE_URL or SQLite, in WORKERS
## processes (pytest-xdist, each its own test database); COVERAGE=1 measures branch coverage in
## every process (slipcover, [tool.slipcover] in pyproject.toml), writes it by file with the lines
## missed to var/coverage.txt, and fails under COVERAGE_GATE
WORKERS ?= 2
# The gate is checked here on the report slipcover writes, not by its own fail-under: slipcover
# 1.1 reads the workers' data for that check and deletes it, so the report written after it held
# the controller's lines alone (37 %) while the check passed.
COVERAGE_GATE ?= 94
test: $(STAMP)
	mkdir -p var
	DJANGO_SETTINGS_MODULE=lienhiep.settings.test $(PY) manage.py compilemessages -v 0 --ignore=.venv
	$(if $(COVERAGE),rm -f var/coverage.txt)
	$(if $(COVERAGE),$(PY) -m slipcover --out var/coverage.txt -m pytest,$(PY) -m pytest) --create-db -q -n $(WORKERS) $(PYTEST_ARGS)$(if $(COVERAGE),; \
	rc=$$?; total=$$(tail -n 1 var/coverage.txt | awk '{print $$NF}'); \
	echo "Branch coverage: $$total% (gate $(COVERAGE_GATE)%; by file: var/coverage.txt)"; \
	[ $$rc -eq 0 ] && [ "$$total" -ge $(COVERAGE_GATE) ])

## make test-fast: the suite without browser tests, reusing the test database
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not browser" $(PYTEST_ARGS)

lint: $(STAMP)
	mkdir -p var
	$(PY) -m ruff format --check src tests bench tools manage.py
	$(PY) -m ruff check src tests bench tools manage.py
	$(VENV)/bin/lint-imports --no-cache
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run -v 0

format: $(STAMP)
	$(PY) -m ruff format src tests bench tools manage.py
	$(PY) -m ruff check --fix src tests bench tools manage.py

## make messages: refresh and compile the Vietnamese catalogue
messages: $(STAMP)
	cd src/lienhiep && DEBUG=1 ../../$(PY) ../../manage.py makemessages -l vi --no-obsolete --ignore="core/wagtail_locale/*"
	DEBUG=1 $(PY) manage.py compilemessages -v 0 --ignore=.venv

bench: $(STAMP)
	bench/run.sh

clean:
	rm -rf var/test.sqlite3 var/static
