"""The hot internal modules run compiled (autograd_magic/_compiled.py, tools/build_compiled.py) only while their
build matches their source, and the package behaves the same either way.

Without the builds (no Cython or no compiler) the first test is skipped, except under AUTOGRAD_MAGIC_REQUIRE_ALL=1
(CI), where it fails; the others then compare plain Python with itself and still check the loader.
"""
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from autograd_magic import _compiled
from helpers import REQUIRE_ALL

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _built():
    return [m for m in _compiled.MODULES
            if os.path.exists(_compiled.compiled_path(m, _compiled.source_crc(_compiled.source_path(m))))]


def _run(code, env=None, root=ROOT):
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=root, env={**os.environ, "PYTHONPATH": root, **(env or {})}, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


_LOADED = """
import importlib, autograd_magic, autograd_magic._compiled as c
for m in c.MODULES:
    importlib.import_module("autograd_magic." + m)
print("\\n".join(sorted(c.compiled_modules())))
"""


def test_every_listed_module_is_built_for_its_source_and_loaded():
    """`make test` builds them (tools/build_compiled.py); CI requires them."""
    built = _built()
    if len(built) < len(_compiled.MODULES):
        missing = sorted(set(_compiled.MODULES) - set(built))
        if REQUIRE_ALL:
            pytest.fail(f"compiled modules are required under AUTOGRAD_MAGIC_REQUIRE_ALL=1; not built: {missing}")
        pytest.skip(f"not built: {missing} (run tools/build_compiled.py)")
    loaded = _run(_LOADED).split()
    assert loaded == sorted("autograd_magic." + m for m in _compiled.MODULES)
    # and this test process runs them too: the package's finder is first on sys.meta_path
    import autograd_magic.engine.autograd as autograd
    assert autograd.__file__.endswith(_compiled.SUFFIX) and sys.meta_path[0] is _compiled.FINDER


def _project_copy(tmp_path):
    """A copy of the package with its builds (skips when there is none), to edit a source of."""
    if not _built():
        pytest.skip("no compiled module is built (the first test says whether that is allowed)")
    copy = tmp_path / "proj"
    shutil.copytree(os.path.join(ROOT, "autograd_magic"), copy / "autograd_magic",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_an_edited_module_runs_as_written_not_as_its_stale_build(tmp_path):
    """The build carries its source's CRC: change the source and that module is loaded from the .py (the
    others stay compiled)."""
    copy = _project_copy(tmp_path)
    names = copy / "autograd_magic" / "trace" / "names.py"
    names.write_text(names.read_text() + "\nEDITED = True\n")
    code = _LOADED + "import autograd_magic.trace.names as n; print(n.__file__.endswith('.py'), n.EDITED)"
    out = _run(code, root=str(copy)).split()
    assert out[-2:] == ["True", "True"]
    assert "autograd_magic.trace.names" not in out
    # the modules whose .pxd cimports names' declarations (compiled against its extension types) run from their
    # .py too; every other built module is still loaded compiled
    dependents = [m for m in _compiled.MODULES
                  if _compiled.source_path("trace.names") in _compiled.cimported(_compiled.source_path(m), deep=True)]
    assert dependents and all(f"autograd_magic.{m}" not in out for m in dependents)
    assert len(out) - 2 == len(_built()) - 1 - len(dependents)


def test_a_changed_declaration_file_needs_a_new_build_of_its_module_and_of_those_compiled_against_it(tmp_path):
    """A .pxd is part of the build's sources (its CRC): edit loops.pxd and loops runs from its .py, and so does
    the recorder, whose .pxd cimports it (its build holds loops' extension types' layout); the rest stays
    compiled."""
    copy = _project_copy(tmp_path)
    pxd = copy / "autograd_magic" / "trace" / "loops.pxd"
    pxd.write_text(pxd.read_text() + "\n# edited\n")
    out = _run(_LOADED, root=str(copy)).split()
    assert "autograd_magic.trace.loops" not in out and "autograd_magic.trace.recorder" not in out
    assert "autograd_magic.trace.names" in out and "autograd_magic.engine.events" in out
    assert len(out) == len(_built()) - 2


def test_pure_python_mode_loads_no_build():
    out = _run(_LOADED, env={_compiled.PURE_ENV: "1"})
    assert out.split() == []


_LESSON = """
import warnings, sys
warnings.simplefilter("always")
from autograd_magic import torch
torch.manual_seed(0)
X = torch.randn(20, 3); Y = X @ torch.tensor([1.0, -2.0, 0.5]) + 0.3
w = torch.zeros(3, requires_grad=True); b = torch.zeros(1, requires_grad=True)
for step in range(30):
    loss = ((X @ w + b - Y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad; b -= 0.1 * b.grad
        w.grad.zero_(); b.grad.zero_()
print(loss, w, b)
x = torch.tensor([0.0, 1.0, 3.0], requires_grad=True)
y = torch.log(x).sum() * 1e38 * 1e38
y.backward(); print(y, x.grad)
big = torch.randn(100000, requires_grad=True)
z = (big * big).sum() + (big * 3).sum(); z.backward(); z.backward if False else None
print(float(big.grad[:3].sum()))
for code in ["torch.ones(2).view(3)", "torch.ones(2, requires_grad=True).backward()",
             "torch.autograd.grad(torch.ones(1), torch.ones(1))"]:
    try:
        eval(code)
    except Exception as exc:
        print(type(exc).__name__, exc)
"""


def test_compiled_and_plain_python_print_the_same():
    """A training loop, inf/nan gradients (no numpy warning on either side), a big backward that reuses
    buffers, and errors: the same text with and without the builds."""
    compiled = _run(_LESSON)
    pure = _run(_LESSON, env={_compiled.PURE_ENV: "1"})
    assert compiled == pure
    assert "RuntimeError" in compiled and "grad can be implicitly created only for scalar outputs" in compiled


_IPYTHON = """
from IPython.testing.globalipapp import start_ipython
from IPython.utils.capture import capture_output
ip = start_ipython()
ip.run_line_magic("load_ext", "autograd_magic")
cell = '''%%grad --no-sliders
import torch
def train(w):
    loss = (w * 3).sum()
    loss.backward()
    return loss
w = torch.tensor([1.0, 2.0], requires_grad=True)
for _ in range(3):
    train(w)
w.grad.view(3)
'''
with capture_output() as out:
    ip.run_cell(cell)
print(out.stdout)
for o in out.outputs:
    print(o.data.get("text/plain", ""))
"""


def test_a_cell_under_grad_reads_the_same_with_and_without_the_builds():
    """The caller of backward() named by its local variable (the frames a compiled function does not have are
    not counted), and a traceback without the package's frames, compiled or not."""
    pytest.importorskip("IPython")
    compiled, pure = _run(_IPYTHON), _run(_IPYTHON, env={_compiled.PURE_ENV: "1"})
    assert compiled == pure
    assert "shape '[3]' is invalid for input of size 2" in compiled and "autograd_magic" not in compiled
    assert "Cell In[1], line 10" in compiled
    assert re.search(r"^loss +output .*3 passes: 9 → 9", compiled, re.M), compiled


_WARNING_LINES = """
import warnings
import autograd_magic.torch as torch
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.meshgrid(torch.ones(2), torch.ones(3))
    torch.nn.functional.softmax(torch.ones(2, 3))
print([(w.filename, w.lineno) for w in caught])
"""


def test_a_torch_functions_warning_points_at_the_callers_line(tmp_path):
    """The public torch functions pass through the __torch_function__ wrapper (engine/torch_function.py): a warning
    a function gives with a fixed stacklevel still names the caller's line, as PyTorch's do, because the wrapper
    is compiled (one of MODULES) and so has no frame. (Run as plain Python, AUTOGRAD_MAGIC_PURE_PYTHON=1, such a
    warning names the wrapper's line.)"""
    if "engine.torch_function" not in _built():
        if REQUIRE_ALL:
            pytest.fail("engine/torch_function.py is not compiled (tools/build_compiled.py)")
        pytest.skip("the compiled modules are not built")
    script = tmp_path / "lesson.py"
    script.write_text(textwrap.dedent(_WARNING_LINES))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "PYTHONPATH": ROOT})
    assert done.returncode == 0, done.stderr
    assert eval(done.stdout) == [(str(script), 6), (str(script), 7)]
