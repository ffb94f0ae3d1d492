"""The pointwise losses' backward functions as PyTorch records them under create_graph=True: one node of their own
(MseLossBackwardBackward0, SmoothL1LossBackwardBackward0, HuberLossBackwardBackward0,
SoftMarginLossBackwardBackward0) whose inputs are the backward function's (grad_output, self, target), in that order.

The first gradient is computed as a plain backward computes it (the loss's vjp on arrays); the node's vjp is
PyTorch's formula: grad_output's gradient is the same backward function fed the incoming gradient (another node of
this kind), self's the loss's second derivative times grad * grad_output, target's its negative. The target's own
gradient comes from a second node with self and target swapped, as PyTorch's formula calls the backward so.
"""
import math

import numpy as np

from .optable import defop
from .xp import NumpyXP

# what PyTorch says when a formula writes in place into a ZeroTensor (the stand-in for a missing tangent)
ZERO_TENSOR_IMMUTABLE = ("ZeroTensors are immutable. Please use the materialized zero tensor obtained using .clone() "
                         "if you want a mutable tensor.")


# ---------------------------------------------------------------- losses: loss_backward(grad, self, target, ...)

def _loss_forward(g, a, b, vjp, consts):
    """The loss's gradient with respect to self, as its plain backward computes it."""
    return np.asarray(vjp(NumpyXP, g, (a, b), consts, (True, False))[0])


def _numel(t):
    return math.prod(getattr(t, "_data", t).shape)


def _mse_double(xp, gg, a, b, consts):
    """2 * (grad * grad_output), over numel for a mean (PyTorch's mse_loss_double_backward)."""
    out = 2 * gg
    return out / _numel(a) if consts[0] == "mean" else out


def _smooth_l1_double(xp, gg, a, b, consts):
    """grad * grad_output * (|self - target| < beta) / beta, over numel for a mean (zero where beta is 0)."""
    red, beta = consts
    if beta == 0:
        return xp.constant(gg, 0.0)
    out = gg * xp.float_mask(xp.abs(a - b) < beta, gg) / beta
    return out / _numel(a) if red == "mean" else out


def _huber_double(xp, gg, a, b, consts):
    """grad * grad_output * (|self - target| < delta), over numel for a mean."""
    red, delta = consts
    out = gg * xp.float_mask(xp.abs(a - b) < delta, gg)
    return out / _numel(a) if red == "mean" else out


def _soft_margin_double(xp, gg, a, b, consts):
    """grad * grad_output * target^2 * z / (1 + z)^2, z = exp(-target * self), over numel for a mean."""
    z = xp.exp(a * -b)
    zp1 = z + 1
    out = gg * (b * b) * z / (zp1 * zp1)
    return out / _numel(a) if consts[0] == "mean" else out


# the derivative of each backward function with respect to self, given grad * grad_output (target's: its negative)
_DOUBLE = {"mse_loss_backward": _mse_double, "smooth_l1_loss_backward": _smooth_l1_double,
           "huber_loss_backward": _huber_double, "soft_margin_loss_backward": _soft_margin_double}


def _loss_vjp_for(name):
    double = _DOUBLE[name]

    def vjp_(xp, grad, saved, consts, needs):
        if len(consts) == 3:   # (a target that is no input of the node: soft_margin_loss_backward's)
            target, vjp, inner = consts
            saved = (*saved, xp.wrap(target))
        else:
            vjp, inner = consts
        g, a, b = saved
        gg = None
        if needs[0]:   # (the same backward function, fed this gradient: one more node of this kind)
            gg = xp.call(name, (grad, a) + ((b,) if len(needs) == 3 else ()), *consts) if not xp.is_numpy else \
                _loss_forward(grad, a, b, vjp, inner)
        ga = double(xp, grad * g, a, b, inner) if any(needs[1:]) else None
        if len(needs) == 2:
            return gg, (ga if needs[1] else None)
        return gg, (ga if needs[1] else None), (-ga if needs[2] else None)
    return vjp_


for _name, _node in (("mse_loss_backward", "MseLossBackwardBackward0"),
                     ("smooth_l1_loss_backward", "SmoothL1LossBackwardBackward0"),
                     ("huber_loss_backward", "HuberLossBackwardBackward0"),
                     ("soft_margin_loss_backward", "SoftMarginLossBackwardBackward0")):
    defop(_name, _node, _loss_forward, saves=(0, 1) if _name.startswith("soft") else (0, 1, 2))(_loss_vjp_for(_name))


def _loss_tangent_for(name):
    """The tangent of a loss's backward function under forward AD (forward-over-reverse: torch.func.jvp of grad, a
    dual tensor fed through autograd.grad(create_graph=True)), as derivatives.yaml writes its result:
    double(self_t * grad_output) - double(target_t * grad_output) + backward(grad_output_t, self, target).
    A missing tangent is a ZeroTensor there: its double term vanishes, except that mse's mean divides it in place,
    which a ZeroTensor refuses; grad_output_t's term is the backward of materialised zeros (signed zeros)."""
    double = _DOUBLE[name]

    def tangent(inputs, consts, tangents):
        vjp, inner = consts
        g, a, b = (t._data for t in inputs)
        tg, ta, tb = (None if t is None else t._data for t in tangents)

        def term(t):
            if t is None:
                if name == "mse_loss_backward" and inner[0] == "mean":
                    raise RuntimeError(ZERO_TENSOR_IMMUTABLE)
                return None
            return double(NumpyXP, t * g, a, b, inner)

        out = term(ta)
        tt = term(tb)
        if tt is not None:
            out = 0 - tt if out is None else out - tt   # (ZeroTensor - x subtracts from zeros: 0 - 0.0 is +0.0)
        last = _loss_forward(np.zeros_like(g) if tg is None else tg, a, b, vjp, inner)
        out = last if out is None else out + last
        return np.asarray(out, dtype=a.dtype)
    return tangent


# forward-mode rules of the backward functions above (forward_ad.propagate consults them before its generic jvp)
TANGENTS = {name: _loss_tangent_for(name) for name in ("mse_loss_backward", "smooth_l1_loss_backward")}


def loss_backward(xp, name, vjp, grad, a, b, consts, needs, target=True):
    """A pointwise loss's gradients under create_graph (xp: TensorXP): self's from one ``name`` node (grad, self,
    target); the target's (target=True) from another with the two swapped, as PyTorch's formula for it calls the
    same backward."""
    if not target:   # (PyTorch's node takes grad_output and self only: the target is saved, not an input)
        return (xp.call(name, (grad, a), b._data, vjp, consts) if needs[0] else None), None
    ga = xp.call(name, (grad, a, b), vjp, consts) if needs[0] else None
    gb = xp.call(name, (grad, b, a), vjp, consts) if needs[1] else None
    return ga, gb
