# Desa Wisata: `make run` starts the demo on http://127.0.0.1:$(PORT); `make test` runs every check.
PYTHON ?= python3
PORT ?= 8000
# Links in e-mails, canonical links, the sitemap and sharing tags use this address: the demo's
# site follows it on every `make run`, so `make run PORT=8123` links to port 8123.
export SITE_BASE_URL ?= http://127.0.0.1:$(PORT)
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint format check messages install install-dev lighthouse db-roles backup restore clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/activate
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# The page checkers the tests run: axe-core (injected into Chromium) and the Nu HTML validator
# (vnu.jar, run with the system's Java). Install scripts stay off: vnu-jar's would download a JRE.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse, for bench/lighthouse.py only (not part of `make test`).
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev node_modules/.installed

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Desa Wisata runs at http://127.0.0.1:$(PORT)/ (English at /en/, staff at /admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates home/templates tours/templates bumdes/templates

# Update the translation catalogues after changing user-facing strings, then compile them.
messages: $(VENV)/.installed-dev
	$(PY) manage.py makemessages -l id -l en --ignore=.venv --ignore=tests --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

# Accessibility, SEO and best-practices scores of the main pages; needs `make run` in another shell.
lighthouse: bench/node_modules/.installed
	$(PY) bench/lighthouse.py http://127.0.0.1:$(PORT)

# PostgreSQL only. With a superuser's DATABASE_URL: an owner role that owns the database and
# runs `migrate`, and an app role that may only read and write rows (bumdes/database_roles.py).
# Passwords from DB_OWNER_PASSWORD and DB_APP_PASSWORD.
db-roles: $(VENV)/.installed
	$(PY) manage.py setup_db_roles

# A new folder under BACKUP_DIR (default backups/): the database (pg_dump) and the media (tar).
backup: $(VENV)/.installed
	$(PY) manage.py backup

# Into an empty database and media folder: make restore BACKUP=backups/20260314-101500
restore: $(VENV)/.installed
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<folder>"; exit 2; }
	$(PY) manage.py restore $(BACKUP)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .test-media node_modules bench/node_modules
