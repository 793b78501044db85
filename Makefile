# The two commands a new user needs: `make run` and `make test`. Both start with `make install`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
CATALOGS := $(VENV)/.catalogs
PO_FILES := $(wildcard rial/*/locale/*/LC_MESSAGES/django.po)

.PHONY: install run serve test test-postgres lint layers migrations-check deploy-check messages compile-messages bench loadtest worker clean

install: $(STAMP) $(CATALOGS)

# Re-install only when the dependency files change: a second `make run` starts in seconds.
$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

# Compile the catalogs only when a .po file changed (each Django start costs seconds).
$(CATALOGS): $(STAMP) $(PO_FILES)
	$(PY) manage.py compile_catalogs
	touch $(CATALOGS)

compile-messages: $(STAMP)
	$(PY) manage.py compile_catalogs

# One process migrates, loads reference and demo data (idempotent), then serves with a task worker.
run: install
	RIAL_DEMO=1 $(PY) manage.py runserver_with_worker --prepare 127.0.0.1:$(PORT)

# The production application server (gunicorn, deploy/gunicorn.conf.py) on 127.0.0.1:$(PORT): run it
# behind nginx (deploy/nginx/) with the worker beside it (`make worker`); docs/deployment.md.
serve: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	GUNICORN_BIND=127.0.0.1:$(PORT) $(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py rial.wsgi

test: install
	$(PY) -m pytest

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(PY) -m pytest

lint: install
	$(PY) -m ruff check .

# The architecture check: the apps import each other only downward (contracts in pyproject.toml).
layers: install
	$(VENV)/bin/lint-imports

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

deploy-check: install
	PRODUCTION=1 DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=rial.example.org $(PY) manage.py check --deploy --fail-level WARNING

# For developers (needs GNU gettext): refresh the catalogs after changing interface strings.
messages: install
	cd rial && for app in */; do \
	  if [ -d "$$app/locale" ]; then (cd $$app && ../../$(PY) ../../manage.py makemessages -l es -l pt -l fr --no-location --no-obsolete); fi; \
	done

bench: install
	$(PY) -m bench

# The production server on a PostgreSQL cluster of its own, under load and faults (bench/loadtest.py,
# docs/performance.md): about 6 minutes; fails when a target is missed. LOADTEST="--smoke" for a short run.
loadtest: install
	$(PY) -m bench loadtest $(LOADTEST)

worker: install
	$(PY) manage.py task_worker

clean:
	rm -rf $(VENV) var/static
