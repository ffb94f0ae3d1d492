"""The engine is plain numpy: importing it pulls in neither IPython, ipywidgets nor graphviz."""
import subprocess
import sys

from helpers import require


def _modules_after(statement):
    code = f"{statement}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_torch_namespace_imports_no_jupyter_stack():
    mods = _modules_after("from autograd_magic import torch")
    assert "autograd_magic.torch" in mods
    for banned in ("IPython", "ipywidgets", "graphviz", "ipykernel", "torch"):
        assert banned not in mods, f"{banned} imported by the engine"


def test_engine_package_imports_only_numpy():
    mods = _modules_after("import autograd_magic.engine")
    assert "numpy" in mods
    assert not {m for m in mods if m.split(".")[0] in ("IPython", "ipywidgets", "graphviz", "torch")}


def _run(code):
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.split("\n")


def test_ml_dtypes_is_imported_when_bfloat16_is_first_used():
    """ml-dtypes costs ~0.5 s to import (twice the rest of the engine): importing the engine or loading the
    extension does not import it, nor does naming torch.bfloat16; the first bfloat16 array does, and then no module
    of the package still holds the stand-in numpy dtype (every ``_BF16 = dtypes.BF16_NP`` copy is the real one)."""
    lines = _run("""
import sys
from IPython.testing.globalipapp import start_ipython
ip = start_ipython()
ip.run_line_magic("load_ext", "autograd_magic")
import autograd_magic.torch as torch
print("ml_dtypes" in sys.modules)
print(repr(torch.bfloat16), torch.bfloat16.itemsize, torch.bfloat16.is_floating_point, "ml_dtypes" in sys.modules)
x = torch.tensor([1.5, 2.25, -3.0], dtype=torch.bfloat16, requires_grad=True)
print("ml_dtypes" in sys.modules)
from autograd_magic.engine import dtypes
stale = [f"{n}.{k}" for n, m in list(sys.modules.items()) if n.startswith("autograd_magic") and m is not None
         for k, v in vars(m).items() if v is dtypes._NOT_LOADED and k != "_NOT_LOADED"]
print(stale, dtypes.BF16_NP.name, torch.bfloat16.np is dtypes.BF16_NP)
y = (x * 3.3).sum()
y.backward()
print(y, x.grad, torch.rand(2, dtype=torch.float16).dtype)
""")
    assert lines[0] == "False"
    assert lines[1] == "torch.bfloat16 2 True False"
    assert lines[2] == "True"
    assert lines[3] == "[] bfloat16 True"
    # the bfloat16 results PyTorch prints for the same lines (in a process of its own)
    require("torch")
    want = _run("""import torch
x = torch.tensor([1.5, 2.25, -3.0], dtype=torch.bfloat16, requires_grad=True)
y = (x * 3.3).sum()
y.backward()
print(y, x.grad, torch.rand(2, dtype=torch.float16).dtype)
""")
    assert lines[4] == want[0]


def test_an_ml_dtypes_array_is_refused_as_pytorch_refuses_it():
    """PyTorch takes no ml_dtypes array; the engine says so in PyTorch's words whether ml-dtypes was imported
    before the engine or after it (then the engine had not loaded it yet)."""
    want = ("TypeError can't convert np.ndarray of type ml_dtypes.bfloat16. The only supported types are: float64, "
            "float32, float16, complex64, complex128, int64, int32, int16, int8, uint64, uint32, uint16, uint8, and "
            "bool.")
    for first, then in (("import ml_dtypes", "import autograd_magic.torch as torch"),
                        ("import autograd_magic.torch as torch", "import ml_dtypes")):
        lines = _run(f"""
{first}
{then}
import numpy as np
a = np.ones(2, dtype=ml_dtypes.bfloat16)
for f in (torch.from_numpy, torch.tensor, torch.as_tensor):
    try:
        print(f(a))
    except Exception as e:
        print(type(e).__name__, e)
""")
        assert lines[:3] == [want] * 3, (first, lines)
