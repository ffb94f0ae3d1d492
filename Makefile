# `make demo` and `make test` (and `make parity`). Each builds .venv from nothing when it is missing.
# demo installs the runtime and JupyterLab only; test installs the test tools, PyTorch (the oracle) and Playwright.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_STAMP := $(VENV)/.installed-demo
TEST_STAMP := $(VENV)/.installed-test

.PHONY: setup demo test parity parity-matrix bench clean

setup: $(TEST_STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(DEMO_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[demo]'
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test,oracle,ui]'
	touch $@

demo: $(DEMO_STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=demo_notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

test: $(TEST_STAMP)
	$(PY) -m pytest -n 2 -q tests

# the differential tests against PyTorch, with the tally per corpus (identical / within tolerance / different)
parity: $(TEST_STAMP)
	$(PY) -m pytest -n 2 -q $(PARITY_FILES)

# the same corpus under each dispatch setting of tests/dispatch.py (PyTorch's, numpy's, oneDNN's and MKL's paths)
parity-matrix: $(TEST_STAMP)
	$(PY) tests/dispatch.py

bench: $(TEST_STAMP)
	OPENBLAS_NUM_THREADS=1 $(PY) benchmarks/bench_engine.py
	OPENBLAS_NUM_THREADS=1 $(PY) benchmarks/bench_random.py --small-only
	OPENBLAS_NUM_THREADS=1 $(PY) benchmarks/bench_makemore.py

clean:
	rm -rf $(VENV)

PARITY_FILES := tests/test_parity.py tests/test_lessons.py tests/test_seed_lesson.py tests/test_vs_torch.py \
	tests/test_nn_api.py tests/test_math_api.py tests/test_tensor_api.py tests/test_fuzz_vs_torch.py \
	tests/test_conv_vs_torch.py tests/test_rnn.py
