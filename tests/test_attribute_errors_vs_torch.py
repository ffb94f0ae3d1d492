"""A name nothing defines, and what printing some objects shows, checked against PyTorch: a learner's typo (``torch.arrange``, ``nn.Liner``, ``x.sizee()``,
``optim.SDG``, ``torch.utils.data.Dataloader``) raises PyTorch's own AttributeError. Before, every such name got
the engine's "autograd_magic implements a subset of PyTorch, and torch.arrange is not part of it", which told
the learner that PyTorch has it; and the modules without a ``__getattr__`` of their own gave their engine name
(``module 'autograd_magic.torch.utils.data' has no attribute 'Dataloader'``). A name PyTorch has and the engine
does not keeps the engine's words (engine/pytorch_names.py: PyTorch's public names, written by
tools/pytorch_names.py)."""
import importlib
import os
import subprocess
import sys
import tempfile

import pytest

from helpers import EVAL_CASES, assert_same_as_pytorch, require

CELLS = {
    "typos": ["""import torch.nn as nn
import torch.nn.functional as F
import torch.utils.data
x = torch.ones(2)
CASES = ["torch.arrange(3)", "torch.tensr([1])", "torch.FloatTensr", "nn.Liner(2, 2)", "nn.ReLu()",
         "F.sofmax(x, 0)", "torch.optim.SDG", "torch.optim.lr_scheduler.StepLr", "x.sizee()", "x.numpyy()", "x.gradd",
         "nn.Parameter(torch.ones(1)).sizee", "torch.linalg.inverse", "torch.cuda.is_avaliable()",
         "torch.utils.data.Dataloader", "torch.distributions.Gausian", "torch.nn.init.xavier", "torch.autograd.grads",
         "torch.special.expitt", "torch.fft.fftt", "torch.utils.tensorboard", "torch.Generator().seedd()",
         "nn.Linear(2, 1).wieght", "torch.optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1).zero_grads()"]
""" + EVAL_CASES],
}

# what printing a module's generators and a hook's handle shows, and the class user code checks handles against
CELLS["printed_objects"] = ["""m = torch.nn.Sequential(torch.nn.Linear(2, 1), torch.nn.BatchNorm1d(1))
x = torch.ones(2, requires_grad=True)
print(m.named_parameters())
print(m.named_buffers())
print(x.mul(2).grad_fn.register_hook(lambda *a: None))
print(x.register_hook(lambda g: g))
h = m.register_forward_hook(lambda *a: None)
print(h, type(h))
print(isinstance(h, torch.utils.hooks.RemovableHandle), isinstance(x.register_hook(lambda g: g), torch.utils.hooks.RemovableHandle))
print([n for n, _ in m.named_parameters(prefix="model")])"""]

# what the wheel was built with, and the flags PyTorch's __getattr__ still hands out with a deprecation warning
CELLS["build_flags"] = ["""print(torch.has_openmp, torch.has_mkl, torch.has_lapack, torch.has_spectral)""",
                        """print(torch.has_cuda, torch.has_cudnn, torch.has_mps, torch.has_mkldnn)"""]


@pytest.mark.parametrize("name", sorted(CELLS))
def test_attribute_errors_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")


def test_a_name_pytorch_has_names_the_engine():
    """torch.jit, torch.onnx (a submodule PyTorch imports on first use), x.pin_memory's neighbours: what PyTorch
    has and the engine does not says so."""
    from autograd_magic import torch
    for owner, name in ((torch, "jit"), (torch, "onnx"), (torch.nn, "SyncBatchNorm")):
        if hasattr(owner, name):
            continue
        with pytest.raises(AttributeError, match=f"autograd_magic implements a subset of PyTorch, and "
                                                 f"{owner.__name__.replace('autograd_magic.', '')}.{name} is not "
                                                 "part of it"):
            getattr(owner, name)


def test_the_names_are_the_installed_pytorchs():
    """engine/pytorch_names.py is what tools/pytorch_names.py writes for the PyTorch installed (the one the engine
    imitates): regenerated when that changes."""
    require("torch")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "autograd_magic", "engine", "pytorch_names.py")) as f:
        shipped = f.read()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "names.py")
        subprocess.run([sys.executable, os.path.join(root, "tools", "pytorch_names.py"), "--out", out], check=True,
                       capture_output=True, timeout=600)
        with open(out) as f:
            assert f.read() == shipped, "run tools/pytorch_names.py: engine/pytorch_names.py is not the installed " \
                                        "PyTorch's"
    assert importlib.import_module("autograd_magic.engine.pytorch_names").NAMES["torch"] >= {"arange", "jit"}


def test_a_tensor_name_pytorch_has_names_the_engine_without_a_class_getattr():
    """A tensor attribute PyTorch has and the engine lacks says so (``'Parameter' object ...`` for a subclass), a
    value set on the tensor under that name is read back, dir() leaves it out, and the class has no ``__getattr__``:
    CPython gives a class with one no specialised attribute reads, which cost a training loop ~4% of its time."""
    from autograd_magic import torch
    from autograd_magic.engine import argcheck
    missing = sorted(n for n, v in vars(torch.Tensor.__mro__[1]).items() if isinstance(v, argcheck.Missing))
    assert "is_shared" in missing and "size" not in missing
    assert not any(hasattr(klass, "__getattr__") for klass in (torch.Tensor, torch.nn.Parameter))
    x, p = torch.ones(2), torch.nn.Parameter(torch.ones(1))
    with pytest.raises(AttributeError, match="^'Tensor' object has no attribute 'is_shared': autograd_magic "
                                             "implements a subset of PyTorch, and Tensor.is_shared is not part of it"):
        x.is_shared
    with pytest.raises(AttributeError, match="^'Parameter' object has no attribute 'is_shared': autograd_magic"):
        p.is_shared
    with pytest.raises(AttributeError, match="^'Tensor' object has no attribute 'sizee'$"):
        x.sizee
    assert not hasattr(x, "is_shared") and "is_shared" not in dir(x) and "size" in dir(x)
    x.is_shared = "mine"
    assert x.is_shared == "mine"


def test_the_engines_nodes_have_no_class_getattr_and_grad_fn_still_has_its_saved_attributes():
    """The nodes a backward pass walks are plain Nodes, whose class has no ``__getattr__`` (it would make every
    attribute read of every node take CPython's slow path: ~1% of a makemore step); the PyTorch-named class a
    node gets on reaching the user (``y.grad_fn``) still answers ``_saved_self`` / ``_raw_saved_self`` and names
    a missing one as PyTorch does."""
    from autograd_magic import torch
    from autograd_magic.engine.autograd import Node
    assert "__getattr__" not in vars(Node) and not hasattr(Node, "__getattr__")
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    assert type(y._fn) is Node   # the engine's node, before anyone asked for grad_fn
    fn = y.grad_fn
    assert type(fn).__name__ == "MulBackward0" and fn is y._fn
    assert torch.equal(fn._saved_self, x) and torch.equal(fn._saved_other, x)
    assert fn._raw_saved_self.__class__.__name__ == "SavedTensor"
    with pytest.raises(AttributeError, match="^'MulBackward0' object has no attribute '_saved_nothing'$"):
        fn._saved_nothing
    with pytest.raises(AttributeError, match="^'MulBackward0' object has no attribute 'nothing'$"):
        fn.nothing
    (z,) = torch.autograd.grad(y.sum(), x)
    assert z.tolist() == [2.0, 4.0]
