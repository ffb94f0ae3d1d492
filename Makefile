# Two commands: `make demo` and `make test`. Each builds its own .venv from nothing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,oracle,ui]'
	touch $(STAMP)

demo: setup
	$(VENV)/bin/jupyter lab --notebook-dir=demo_notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

test: setup
	$(PY) -m pytest -n 2 -q tests

bench: setup
	OPENBLAS_NUM_THREADS=1 $(PY) benchmarks/bench_engine.py

clean:
	rm -rf $(VENV)
