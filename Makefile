# `make demo` and `make test` (and `make parity`). Each builds .venv from nothing when it is missing.
# demo installs the runtime and JupyterLab only; test installs the test tools, PyTorch (the oracle) and Playwright.
# Both install Intel MKL on x86-64 Linux (PyTorch's BLAS and vector math: engine/blas.py gives PyTorch's bits with it).
# Both compile the optional C kernels (engine/_vec_kernels.c) with the system C compiler; without one the engine
# runs the same kernels with numpy (same bits, slower). They also compile the hot internal modules with Cython
# (autograd_magic/_compiled.py, tools/build_compiled.py): a training loop runs ~1.3x faster; without a compiler the
# same modules run as Python.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_STAMP := $(VENV)/.installed-demo
TEST_STAMP := $(VENV)/.installed-test
KERNELS := autograd_magic/engine/_vec_kernels.so
COMPILED := $(VENV)/.compiled
# (every module of the packages that hold compiled ones: the build script skips those already current)
COMPILED_SOURCES := $(wildcard autograd_magic/engine/*.py autograd_magic/trace/*.py autograd_magic/views/*.py autograd_magic/torch/*.py autograd_magic/*/*.pxd)

.PHONY: setup demo test parity parity-matrix bench clean

setup: $(TEST_STAMP) $(KERNELS) $(COMPILED)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(DEMO_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[demo,mkl]'
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[test,oracle,ui,mkl]'
	touch $@

# run as a script: it needs only the standard library, not the installed package
$(KERNELS): autograd_magic/engine/_vec_kernels.c autograd_magic/engine/_reduce.c autograd_magic/engine/_reduce_body.h \
            autograd_magic/engine/_reduce_cols.h \
            autograd_magic/engine/build_kernels.py autograd_magic/engine/ckernels.py | $(VENV)/bin/python
	-$(PY) autograd_magic/engine/build_kernels.py

# (the package checks each compiled module against its source's CRC: a stale one is never loaded)
$(COMPILED): $(COMPILED_SOURCES) autograd_magic/_compiled.py tools/build_compiled.py | $(VENV)/bin/python
	-$(PY) tools/build_compiled.py && touch $@

demo: $(DEMO_STAMP) $(KERNELS) $(COMPILED)
	$(VENV)/bin/jupyter lab --notebook-dir=demo_notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

test: $(TEST_STAMP) $(KERNELS) $(COMPILED)
	$(PY) -m pytest -n 2 -q tests

# the differential tests against PyTorch, with the tally per corpus (identical / within tolerance / different)
parity: $(TEST_STAMP) $(KERNELS) $(COMPILED)
	$(PY) -m pytest -n 2 -q $(PARITY_FILES)

# the same corpus under each dispatch setting of tests/dispatch.py (PyTorch's, numpy's, oneDNN's and MKL's paths)
parity-matrix: $(TEST_STAMP) $(KERNELS) $(COMPILED)
	$(PY) tests/dispatch.py

bench: $(TEST_STAMP) $(KERNELS) $(COMPILED)
	OPENBLAS_NUM_THREADS=1 $(PY) benchmarks/bench_engine.py
	OPENBLAS_NUM_THREADS=1 $(PY) benchmarks/bench_random.py --small-only
	OPENBLAS_NUM_THREADS=1 $(PY) benchmarks/bench_makemore.py

clean:
	rm -rf $(VENV)

PARITY_FILES := tests/test_parity.py tests/test_lessons.py tests/test_seed_lesson.py tests/test_vs_torch.py \
	tests/test_nn_api.py tests/test_math_api.py tests/test_tensor_api.py tests/test_fuzz_vs_torch.py \
	tests/test_conv_vs_torch.py tests/test_rnn.py
