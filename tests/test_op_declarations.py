"""Every op in the op table is reachable as PyTorch reaches it.

An op that declares its public function (optable ``api=``) gets ``torch.NAME`` and, where PyTorch has one, the
method ``Tensor.NAME`` (and ``NAME_`` when declared in place), all generated from the declaration. Every op whose
table name is one of PyTorch's public functions must be exported by ``autograd_magic.torch``, declared or
hand-written. The finite-difference row of every op is enforced by tests/test_gradcheck.py.
"""
import pytest

from autograd_magic import torch
from autograd_magic.engine.optable import OPS, declared_ops
from helpers import require

DECLARED = declared_ops()


def test_ops_declare_their_api():
    assert len(DECLARED) >= 20, "the unary math ops declare their public functions"


@pytest.mark.parametrize("op", DECLARED, ids=lambda op: op.name)
def test_declared_op_is_exported(op):
    for name in op.api:
        fn = getattr(torch, name, None)
        assert callable(fn), f"torch.{name} missing for op {op.name}"
        if op.method:
            assert callable(getattr(torch.Tensor, name, None)), f"Tensor.{name} missing for op {op.name}"
        else:
            assert name not in vars(torch.Tensor), f"Tensor.{name} generated although op {op.name} says method=False"
    if op.inplace:
        assert callable(getattr(torch.Tensor, op.api[0] + "_", None)), f"Tensor.{op.api[0]}_ missing"


@pytest.mark.parametrize("op", DECLARED, ids=lambda op: op.name)
def test_declared_op_records_its_node(op):
    """The generated function runs the declared op: its grad_fn is the declared node."""
    x = torch.tensor([0.25, 0.5], requires_grad=True)
    try:
        y = getattr(torch, op.api[0])(x)
    except TypeError:
        pytest.skip("an op that needs more arguments is exercised by its gradcheck row")
    assert type(y.grad_fn).__name__ == op.node
    if op.method:
        assert getattr(x, op.api[0])().grad_fn.name() == op.qualname


def test_methods_where_pytorch_has_them():
    """A declared op is a Tensor method exactly where PyTorch's Tensor has that method."""
    real = require("torch")
    for op in DECLARED:
        for name in op.api:
            assert op.method == hasattr(real.Tensor, name), f"Tensor.{name}: method={op.method} in the declaration"
        if hasattr(real.Tensor, op.api[0] + "_"):
            assert op.inplace, f"PyTorch has Tensor.{op.api[0]}_: declare {op.name} with inplace=True"


# Table ops named like a PyTorch function that are reached another way (the name is the aten op PyTorch records):
# fill by Tensor.fill_, binary_cross_entropy_with_logits and embedding by torch.nn.functional, index_put by
# t[i] = v, split_with_sizes by split, diag_embed by diag.
REACHED_OTHERWISE = {"fill", "binary_cross_entropy_with_logits", "embedding", "index_put", "split_with_sizes",
                     "diag_embed",
                     # F.batch_norm / F.layer_norm / F.group_norm (torch.native_* return the saved statistics too)
                     "native_batch_norm", "native_layer_norm", "native_group_norm",
                     # nn.LSTM's float32 layer, and the RNN kernels' gate split and batch_first transpose_
                     "mkldnn_rnn_layer", "unsafe_split", "transpose_",
                     # F.grid_sample's 5-d inputs (torch.grid_sampler_3d itself is not exported: README, Limits)
                     "grid_sampler_3d"}


def test_table_ops_named_like_pytorch_functions_are_exported():
    """An op named like one of PyTorch's public functions is exported, and a method where PyTorch has one."""
    real = require("torch")
    missing = []
    for name in OPS:
        if callable(getattr(real, name, None)) and not name.startswith("_") and name not in REACHED_OTHERWISE:
            if not callable(getattr(torch, name, None)):
                missing.append(f"torch.{name}")
            if hasattr(real.Tensor, name) and not callable(getattr(torch.Tensor, name, None)):
                missing.append(f"Tensor.{name}")
    assert missing == []


def test_an_op_is_declared_once():
    from autograd_magic.engine.optable import defop
    with pytest.raises(ValueError, match="declared twice"):
        defop("exp", "ExpBackward0", None)(lambda xp, grad, saved, consts, needs: (grad,))
