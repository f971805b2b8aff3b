# Bedoeling. `make run` serves the demo, `make test` runs every test; both install first.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= $(shell ./scripts/find-python)
# `make run PORT=8123` serves on another port; the address in e-mails, the .ics file and the
# demo's printed log-in line follows it (unless BEDOELING_BASE_URL is set in the environment).
PORT ?= 8000
BEDOELING_BASE_URL ?= http://127.0.0.1:$(PORT)
# The embedded default: SQLite file, tasks in-process, debug pages and demo data.
RUN_ENV := DJANGO_DEBUG=true BEDOELING_BASE_URL=$(BEDOELING_BASE_URL)

.PHONY: install run test lint format messages clean

$(BIN)/.installed: requirements.lock
	@test -n "$(PYTHON)" || exit 1
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	@touch $@

install: $(BIN)/.installed

run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py seed_demo
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# Unescaped output (|safe, autoescape off, mark_safe, ...) only where audited.
	$(BIN)/python -m pytest tests/security/test_lint_safe.py -q -n0 -p no:randomly
	DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SECRET_KEY=lint-only-$$(date +%s)-not-a-real-secret-key-0123456789abcdefghijklmn \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Extract new strings into the catalogues, then compile them (needs GNU gettext).
messages: install
	$(BIN)/python manage.py makemessages -l nl -l en --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench
	$(BIN)/python scripts/sync_en_catalogue.py
	$(BIN)/python manage.py compilemessages --ignore=.venv

# Recreate the lock file after changing pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --universal --python-version 3.12 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
