"""The engine is plain numpy: importing it pulls in neither IPython, ipywidgets nor graphviz."""
import subprocess
import sys


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
