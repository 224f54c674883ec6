# 职业教育质量年度报告 — the two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# DEMO=0 starts without the demo school (a real school: see the README, "A real school").
DEMO ?= 1

# Debian packages the product needs: the local database, CJK fonts and fast font subsetting
# for WeasyPrint, pdftotext/pdffonts for tests, Chromium for browser tests, gettext for i18n.
OS_PACKAGES := postgresql fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 \
	poppler-utils chromium chromium-driver gettext

.PHONY: help install os-deps venv run test lint bench db-start db-stop worker clean backup restore loadtest

help:
	@echo "make run   — install, start the local database, migrate, load the demo, serve http://$(HOST):$(PORT)"
	@echo "make run DEMO=0 — the same without the demo (a real school starts empty)"
	@echo "make test  — install, lint, check migrations, run every test"
	@echo "make bench — measure speed (figures checks, exports)"

install: os-deps venv

os-deps:
	@missing=""; for p in $(OS_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing OS packages:$$missing"; \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Missing OS packages:$$missing"; \
			echo "Install them as root: sudo apt-get install$$missing"; exit 1; \
		fi; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q ".[dev]"
	@touch $@

db-start: install
	@$(PY) -m config.localdb start >/dev/null && echo "local PostgreSQL: $$($(PY) -m config.localdb url)"

db-stop:
	@test -x $(PY) && $(PY) -m config.localdb stop || true

run: install
	$(PY) manage.py compilemessages -v 0 --ignore=.venv --ignore=var
	$(PY) manage.py migrate --no-input
	@if [ "$(DEMO)" != "0" ]; then $(PY) manage.py load_demo; \
	else echo "Without the demo. First steps: $(PY) manage.py createsuperuser, then 新建学校 on the home page (or manage.py create_school)."; fi
	@echo ""; echo "Serving http://$(HOST):$(PORT)  (demo logins above, password: demo; Ctrl-C stops)"
	@# One supervisor for the worker, the server and the private PostgreSQL: SIGINT/SIGTERM/SIGHUP
	@# to it or to the whole process group (Ctrl-C, timeout, a supervisor) stops all three.
	exec $(PY) -m config.supervise $(HOST) $(PORT)

worker: install
	$(PY) manage.py export_worker

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

test: install lint
	$(PY) manage.py makemigrations --check --dry-run --no-input
	$(PY) manage.py compilemessages -v 0 --ignore=.venv --ignore=var
	LOCAL_PG_FAST=1 $(VENV)/bin/pytest

bench: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo >/dev/null
	$(PY) -m tests.bench

# Load test (not part of `make test`): gunicorn + worker on the demo, 50 heads + the committee.
loadtest: install
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo >/dev/null
	DEBUG=0 $(PY) manage.py collectstatic --no-input -v 0
	$(PY) -m tests.load.run

backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/vocreport-….tar"; exit 2; }
	$(PY) manage.py restore "$(FILE)"

clean:
	rm -rf var/staticfiles var/test-media
