# wagtail-learninggroups: the two commands are `make demo` and `make test`.
# Both create the virtualenv in .venv if it is missing and install what they need into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python example_site/manage.py
DEMO_ADDRESS ?= 127.0.0.1:8000
TEST_SETTINGS := tests.testapp.settings
# The suite runs in one process per core (pytest-xdist); `make test PYTEST_JOBS=0` runs it in one.
PYTEST_JOBS ?= auto
# More pytest arguments for test-postgres and test-lowest, e.g. PYTEST_ARGS=--ignore=tests/browser
PYTEST_ARGS ?=

.PHONY: help demo test test-postgres test-matrix test-lowest docs screenshots bench lint format clean

help:
	@echo "make demo           set up and serve the example intranet on http://$(DEMO_ADDRESS)/"
	@echo "make test           lint (ruff, import contracts), check migrations, run the whole suite"
	@echo "make test-postgres  run the suite on the PostgreSQL server DATABASE_URL names"
	@echo "make test-matrix    run the suite on the lowest and the newest supported Wagtail (nox)"
	@echo "make test-lowest    run the suite on the lowest supported versions only (nox)"
	@echo "make docs           build the documentation (warnings are errors)"
	@echo "make screenshots    regenerate the screenshots in docs/ from the demo content"
	@echo "make bench          run the benchmarks: ratios against baselines measured in the same run"
	@echo "make format         format the code with ruff"
	@echo "make clean          remove the virtualenv, the demo database and build output"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# One stamp per set of extras, remade when pyproject.toml changes.
$(VENV)/.installed-demo: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

$(VENV)/.installed-postgres: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	@touch $@

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[docs]"
	@touch $@

$(VENV)/.installed-nox: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "nox>=2024.4.15"
	@touch $@

demo: $(VENV)/.installed-demo
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	@echo "Serving the example intranet on http://$(DEMO_ADDRESS)/ (admin: http://$(DEMO_ADDRESS)/admin/)"
	$(MANAGE) runserver $(DEMO_ADDRESS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: lint
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python -m django makemigrations --check --dry-run
	$(BIN)/pytest -n $(PYTEST_JOBS)

test-postgres: $(VENV)/.installed-postgres
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL, e.g. postgres://user@127.0.0.1:5432/learninggroups"; exit 2; }
	DATABASE_URL=$(DATABASE_URL) $(BIN)/pytest -n $(PYTEST_JOBS) $(PYTEST_ARGS)

test-matrix: $(VENV)/.installed-nox
	$(BIN)/nox --session tests -- -n $(PYTEST_JOBS)

test-lowest: $(VENV)/.installed-nox
	$(BIN)/nox --session "tests(lowest)" -- -n $(PYTEST_JOBS) $(PYTEST_ARGS)

docs: $(VENV)/.installed-docs
	$(BIN)/sphinx-build -W --keep-going -b html docs docs/_build/html

screenshots: $(VENV)/.installed-test
	LEARNINGGROUPS_SCREENSHOTS=1 $(BIN)/pytest tests/browser/test_screenshots.py \
		tests/browser/test_edition_editor.py tests/browser/test_template_editor.py \
		tests/browser/test_quiz.py tests/browser/test_champions.py tests/browser/test_rollout.py

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench.run

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .nox .demo build dist docs/_build *.egg-info .pytest_cache .ruff_cache
