# Two commands for a fresh machine with Python 3:
#   make lab    create .venv if needed, install the kit, open the course in JupyterLab
#   make test   same install plus the test tools, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Re-install when pyproject.toml changes (the stamp records what was installed).
STAMP_LAB  := $(VENV)/.installed-lab
STAMP_TEST := $(VENV)/.installed-test
PYTEST_ARGS ?=
# The notebook `make lab` opens; the Chinese edition: make lab START=notebooks/zh/00_start_here.ipynb
START ?= notebooks/00_start_here.ipynb

.PHONY: lab test install exercises notebooks preflight benchmark grade student-pack clean-venv

lab: $(STAMP_LAB)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(START) $(LAB_ARGS)

test: $(STAMP_TEST)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_LAB): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,instructor,peers]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@ $(STAMP_LAB)

install: $(STAMP_LAB)

# Instructors: rebuild exercises/ from solutions/ (refuses to overwrite a learner's edits).
exercises: $(STAMP_TEST)
	$(BIN)/python -m helpers.exercises build

# Authors: re-run notebooks/ and solutions/ in place (their stored outputs are checked by nbval),
# then rebuild the Chinese edition (*/zh/) from them and locale/zh.
notebooks: $(STAMP_TEST)
	$(BIN)/python -m helpers.course execute
	$(BIN)/python -m helpers.exercises build
	$(BIN)/python -m coursekit.i18n build

# Trainers: the pre-flight check before a workshop.
preflight: $(STAMP_LAB)
	$(BIN)/python -m helpers.course preflight

# Instructors: grade a folder of submitted notebooks (runs learners' code: use a throw-away account).
SUBMISSIONS ?= submissions
GRADE_OUT ?= grading-output
grade: $(STAMP_TEST)
	$(BIN)/python -m helpers.grade "$(SUBMISSIONS)" --out "$(GRADE_OUT)"

# Instructors: the zip handed to learners (no solutions, hidden tests or answer keys).
student-pack: $(STAMP_LAB)
	$(BIN)/python -m helpers.pack --out dist

# Speed measurements (not tests): the 80/20 widget, RFM on 1M transactions vs pymc-marketing, DuckDB and polars.
benchmark: $(STAMP_TEST)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python tests/benchmarks/bench_pareto_widget.py
	$(BIN)/python tests/benchmarks/bench_rfm.py

clean-venv:
	rm -rf $(VENV)
