# Two commands for a fresh machine with Python 3:
#   make lab    create .venv if needed, install the kit, open the course in JupyterLab
#   make test   same install plus the test tools, then the whole test suite
# and, while working on the kit, `make test-quick` (no notebooks, no grading: under a minute).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Re-install when pyproject.toml changes (the stamp records what was installed).
STAMP_LAB  := $(VENV)/.installed-lab
STAMP_TEST := $(VENV)/.installed-test
PYTEST_ARGS ?=
# `make lab` opens notebooks/00_start_here.ipynb; `make lab LANG=zh` (or `make lab-zh`, or a zh_* locale)
# the Chinese edition's; START=notebooks/04_rfm.ipynb opens another notebook. LAB_ARGS go to Jupyter
# (e.g. LAB_ARGS="--port 9999"). Root (containers, VMs) and machines without a desktop browser are
# detected by helpers/lab.py, which prints the address to open.
START ?=
LAB_ARGS ?=
COURSE_LANG = $(if $(filter zh%,$(LANG)),zh,en)

.PHONY: lab lab-zh install preflight clean-venv test test-quick exercises notebooks module benchmark grade student-pack slides agendas

lab: $(STAMP_LAB)
	LANG=C.UTF-8 $(BIN)/python -m helpers.lab --lang $(COURSE_LANG) --start "$(START)" -- $(LAB_ARGS)

lab-zh: $(STAMP_LAB)
	LANG=C.UTF-8 $(BIN)/python -m helpers.lab --lang zh --start "$(START)" -- $(LAB_ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_LAB): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@

install: $(STAMP_LAB)

# Trainers: the no-code tiering app for salespeople (Voila on app/tiering_app.ipynb, offline): upload a file,
# confirm its columns, read the tiers, download the list. `make app LANG=zh` (or `make app-zh`) opens it in
# Chinese; APP_ARGS go to Voila (e.g. APP_ARGS="--port=9000"). Prints the address when no browser can open.
# (As for make lab, a zh_* locale in LANG also means Chinese.)
.PHONY: app app-zh
STAMP_APP := $(VENV)/.installed-app
APP_ARGS ?=
app: $(STAMP_APP)
	LANG=C.UTF-8 $(BIN)/python -m helpers.app --lang $(COURSE_LANG) -- $(APP_ARGS)

app-zh: $(STAMP_APP)
	LANG=C.UTF-8 $(BIN)/python -m helpers.app --lang zh -- $(APP_ARGS)

$(STAMP_APP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[app]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@ $(STAMP_LAB)

# Trainers: the pre-flight check before a workshop.
preflight: $(STAMP_LAB)
	$(BIN)/python -m helpers.course preflight

clean-venv:
	rm -rf $(VENV)

# ---- course machinery: authors and instructors only (the learner pack stops before this line) ----

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,instructor,peers,app]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $@ $(STAMP_LAB) $(STAMP_APP)

# The whole suite (CI): unit, property and doctests, every notebook run, the grader on a fixture batch.
test: $(STAMP_TEST)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The fast loop: unit, property and doctests of helpers and coursekit; no notebook runs, no grading.
test-quick: $(STAMP_TEST)
	$(BIN)/python -m pytest tests helpers coursekit -m "not notebook and not grading" --durations=5 $(PYTEST_ARGS)

# Instructors: rebuild exercises/ from solutions/ and exercises/zh/ from solutions/zh/
# (refuses to overwrite a learner's edits).
exercises: $(STAMP_TEST)
	$(BIN)/python -m coursekit.exercises build

# Authors: re-run notebooks/ and solutions/ in place (their stored outputs are checked by nbval),
# rebuild the Chinese edition (*/zh/) from them and locale/zh, run the Chinese teaching notebooks in place
# (committed with outputs and widget state, like the English ones), then the exercises of both languages.
notebooks: $(STAMP_TEST)
	$(BIN)/python -m coursekit.course execute
	$(BIN)/python -m coursekit.i18n build
	$(BIN)/python -m coursekit.course execute notebooks/zh/[0-9][0-9]_*.ipynb
	$(BIN)/python -m coursekit.exercises build

# Authors: start module N (e.g. make module N=08 SLUG=migration TITLE="Tier migration" TITLE_ZH="客户迁移")
# from files that already pass the suite; never overwrites a file.
module: $(STAMP_TEST)
	$(BIN)/python -m coursekit.scaffold "$(N)" "$(SLUG)" "$(TITLE)" "$(TITLE_ZH)"

# Instructors: grade a folder of submitted notebooks, each in its own bubblewrap sandbox
# (sudo apt-get install bubblewrap; the command says how elsewhere). Options, e.g. GRADE_ARGS="--timeout 60".
SUBMISSIONS ?= submissions
GRADE_OUT ?= grading-output
GRADE_ARGS ?=
grade: $(STAMP_TEST)
	$(BIN)/python -m coursekit.grade "$(SUBMISSIONS)" --out "$(GRADE_OUT)" $(GRADE_ARGS)

# Instructors: the zips handed to learners (no course machinery, solutions, hidden tests or answer keys),
# one per language; `make student-pack LANG=zh` builds only the Chinese one. (LANG counts only when given
# on the command line: the LANG of the environment is the shell's locale.)
PACK_LANG := $(if $(filter command line,$(origin LANG)),--lang $(LANG))
student-pack: $(STAMP_LAB)
	$(BIN)/python -m coursekit.pack --out dist $(PACK_LANG)

# Speed measurements (not tests): the 80/20 widget, RFM on 1M transactions vs pymc-marketing, DuckDB and polars,
# module 08's migration flow chart (target 0.2 s), module 09's optimiser and explorer (as ratios),
# module 11's BG/NBD and Gamma-Gamma fits on CDNOW and k-means (against PyMC-Marketing's MAP fit),
# and every explorer in a real browser (needs `apt-get install chromium`).
benchmark: $(STAMP_TEST)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python tests/benchmarks/bench_pareto_widget.py
	$(BIN)/python tests/benchmarks/bench_rfm.py
	$(BIN)/python tests/benchmarks/bench_allocation.py
	$(BIN)/python tests/benchmarks/bench_migration_flows.py
	$(BIN)/python tests/benchmarks/bench_read.py
	$(BIN)/python tests/benchmarks/bench_clv.py
	$(BIN)/python tests/benchmarks/bench_explorers_browser.py

# Trainers: the half-day, one-day and two-day run sheets (lessons/agendas, lessons/zh/agendas), from the lesson guides.
agendas: $(STAMP_TEST)
	$(BIN)/python -m coursekit.agendas build

# Trainers: an offline slide deck per teaching notebook (slides/en, slides/zh; reveal.js vendored, no CDN).
slides: $(STAMP_TEST)
	$(BIN)/python -m coursekit.slides
