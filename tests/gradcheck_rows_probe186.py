"""Finite-difference rows for the backward functions that the hundred-and-eighty-sixth probe records as nodes of
their own under create_graph (engine/backward_nodes.py: the pointwise losses' backward; engine/ops_norm.py:
native_batch_norm_backward / native_layer_norm_backward; engine/ops_pad.py: the reflection / replication pads'
backward), each called as an op with its inputs differentiated; collected by test_gradcheck.ROWS.

FIRST_ORDER_ONLY: the norms' double-backward formulas hold the saved statistics constant (PyTorch's
batchnorm_double_backward / layer_norm_double_backward do so too), so a further derivative is PyTorch's, not
the true one."""
import numpy as np

from autograd_magic.engine import backward_nodes  # noqa: F401  (the loss backward ops)
from autograd_magic.engine.grad import TensorXP
from autograd_magic.engine.ops import mse_loss_formula
from autograd_magic.engine.ops_margin import soft_margin_formula
from autograd_magic.engine.ops_nn import huber_formula, smooth_l1_formula
from autograd_magic.engine.ops_norm import batch_norm_vjp, layer_norm_vjp
from autograd_magic.engine.ops_pad import pad_key

_RNG = np.random.default_rng(186)

FIRST_ORDER_ONLY = ("native_batch_norm_backward", "native_layer_norm_backward")


def _spread(*shape):
    n = int(np.prod(shape))
    return (_RNG.permutation(np.linspace(-1.5, 1.5, n)) + 0.01).reshape(shape)


def _loss(name, formula, *consts, shape=(2, 3), grad_shape=()):
    """(grad, self, target) -> name's node, all three differentiated (grad_output 0-d for a reduced loss)."""
    return [(lambda g, a, b: TensorXP.call(name, (g, a, b), formula, consts),
             [_spread(*grad_shape) + 1 if grad_shape else np.array(1.3), _spread(*shape), _spread(*shape) * 0.7])]


def _soft_margin(red):
    y = np.array([[1.0, -1.0, 1.0], [-1.0, 1.0, 1.0]])
    return [(lambda g, a: TensorXP.call("soft_margin_loss_backward", (g, a), y, soft_margin_formula, (red,)),
             [np.array(1.3) if red != "none" else _spread(2, 3), _spread(2, 3)])]


def _norm(vjp, shape, dims, pshape, wshape):
    """The three gradients of a batch / layer norm as one node, checked through one weighted sum."""
    cfg = (dims, pshape, 1e-5, None)

    def fn(g, a, w):
        saved = (a, w, w * 0) if vjp is layer_norm_vjp else (a, w)
        gi, gw, gb = vjp(TensorXP, g, saved, (cfg,), (True, True, True))
        return gi.sum((0,)) * 0.5 + (gw * 2 + gb * 3).reshape(pshape[1:]).sum() + gi
    return [(fn, [_spread(*shape), _spread(*shape) * 2, _spread(*wshape) + 2])]


def _pad(name, shape, pad, mode):
    key = pad_key(shape, pad, mode)
    out_shape = np.zeros(shape)[key].shape
    return [(lambda g, a: TensorXP.call(name + "_backward", (g, a), key, shape), [_spread(*out_shape), _spread(*shape)])]


ROWS_EXTRA = {
    "mse_loss_backward": _loss("mse_loss_backward", mse_loss_formula, "mean")
    + _loss("mse_loss_backward", mse_loss_formula, "none", grad_shape=(2, 3)),
    "smooth_l1_loss_backward": _loss("smooth_l1_loss_backward", smooth_l1_formula, "sum", 0.5),
    "huber_loss_backward": _loss("huber_loss_backward", huber_formula, "mean", 0.8),
    "soft_margin_loss_backward": _soft_margin("mean") + _soft_margin("none"),
    "native_batch_norm_backward": _norm(batch_norm_vjp, (4, 3), (0,), (1, 3), (3,))
    + _norm(batch_norm_vjp, (2, 2, 3), (0, 2), (1, 2, 1), (2,)),
    "native_layer_norm_backward": _norm(layer_norm_vjp, (3, 4), (1,), (1, 4), (4,)),
    "reflection_pad1d_backward": _pad("reflection_pad1d", (1, 2, 4), (2, 1), "reflect"),
    "reflection_pad2d_backward": _pad("reflection_pad2d", (1, 1, 3, 3), (1, 1, 2, 0), "reflect"),
    "reflection_pad3d_backward": _pad("reflection_pad3d", (1, 1, 2, 2, 3), (1, 1, 1, 0, 0, 1), "reflect"),
    "replication_pad1d_backward": _pad("replication_pad1d", (1, 2, 3), (1, 3), "replicate"),
    "replication_pad2d_backward": _pad("replication_pad2d", (1, 1, 2, 3), (2, 1, 0, 2), "replicate"),
    "replication_pad3d_backward": _pad("replication_pad3d", (1, 1, 2, 2, 2), (1, 1, 1, 0, 0, 1), "replicate"),
}
