"""Forward-mode AD: dual tensors (torch.autograd.forward_ad), one level at a time as in PyTorch.

While a dual level is open, a tensor may carry a tangent; every op of the table (tensor_base.apply) then gives its
output the Jacobian-vector product of its inputs' tangents. No second formula per op: the tangent is read off the
op's own vjp (optable), which is linear in its incoming gradient g, by differentiating it once more,
``J t = d/dg <vjp(g), t>`` (the backward pass under create_graph, grad.TensorXP). A tensor's tangent is stored
with the level it belongs to, so tangents vanish when their level closes (PyTorch destroys them on exit).
"""
import contextlib

import numpy as np

from .backward_nodes import TANGENTS
from .autograd import GRAD_MODE, MULTI_OUTPUT_TANGENTS, OUTPUT_TANGENTS, Saved, cpp_function_type
from .grad import TensorXP, grad
from .optable import OPS, renamed
from .shaping import _view_out
from .tensor_base import TANGENT_HOOK, TensorBase, apply, wrap

_SCALARS = {int, float, bool}
_STATE = {"level": None, "generation": 0}


def enter_level():
    """Open the (one) dual level; PyTorch numbers it 0."""
    if _STATE["level"] is not None:
        raise RuntimeError("Nested forward mode AD is not supported at the moment")
    _STATE["generation"] += 1
    _STATE["level"] = _STATE["generation"]
    TANGENT_HOOK[:] = [propagate, _STATE["level"]]
    MULTI_OUTPUT_TANGENTS[0] = unsupported
    return 0


def exit_level(level=None):
    if _STATE["level"] is None:
        raise RuntimeError("Trying to exit a forward AD level that was not the last one that was created. This is "
                           "not supported.")
    _STATE["level"] = None
    TANGENT_HOOK[:] = [None, None]
    OUTPUT_TANGENTS.clear()
    MULTI_OUTPUT_TANGENTS[0] = None


def tangent(t):
    """t's tangent at the open level, or None."""
    fw = t._fwt
    if fw is None or fw[0] != _STATE["level"]:
        return None
    return fw[1]


def make_dual(primal, tangent_value):
    """A view of primal whose tangent is tangent_value (the same tensor when shapes agree, as in PyTorch)."""
    level = _STATE["level"]
    if level is None:
        raise RuntimeError("Trying to create a dual Tensor for forward AD but no level exists, make sure to "
                           "enter_dual_level() first.")
    for name, t in (("primal", primal), ("tangent", tangent_value)):
        if t._data.dtype.kind == "c":   # (PyTorch takes them; the engine's forward mode is real only)
            raise NotImplementedError(f"autograd_magic implements a subset of PyTorch: a complex {name} "
                                      f"({t.dtype}) in forward-mode AD is not part of it")
    if not (primal._data.dtype.kind == "f" and tangent_value._data.dtype.kind == "f"):
        raise ValueError(f"Expected primal to be floating point or complex, but got: {primal.dtype}"
                         if primal._data.dtype.kind != "f" else
                         f"Expected tangent to be floating point or complex, but got: {tangent_value.dtype}")
    if primal._data.shape != tangent_value._data.shape:
        raise RuntimeError("Trying to set a forward gradient that has a different size than that of the original "
                           f"Tensor, this is not supported. Tensor is of size [{', '.join(map(str, primal.shape))}] "
                           "while the given forward gradient is of size "
                           f"[{', '.join(map(str, tangent_value.shape))}].")
    dual = primal.view_as(primal)
    dual._fwt = (level, tangent_value)
    return dual


def propagate(op, inputs, consts, out):
    """Give out the tangent of op at its inputs (called by apply while a level is open)."""
    level = _STATE["level"]
    tangents, found = [], False
    for t in inputs:
        if t.__class__ in _SCALARS or not isinstance(t, TensorBase):
            tangents.append(None)
            continue
        fw = t._fwt
        tt = fw[1] if fw is not None and fw[0] == level else None
        found = found or tt is not None
        tangents.append(tt)
    if not found or out._data.dtype.kind != "f":
        return
    if op.name in NO_FORWARD_DERIVATIVE:
        refuse(op.name)
    rule = TANGENTS.get(op.name)
    out._fwt = (level, wrap(rule(inputs, consts, tangents)) if rule is not None else
                jvp_of_op(op, inputs, consts, out, tangents))
    fn = out._fn
    if fn is not None and fn.saved:   # (forward-over-reverse: a backward under create_graph needs it, Saved.unpack)
        for s in fn.saved:
            if s.__class__ is Saved and s.is_output:
                OUTPUT_TANGENTS[id(s)] = (s, out._fwt)


# ops whose derivatives.yaml entry has no forward derivative (PyTorch refuses a tangent through them)
NO_FORWARD_DERIVATIVE = frozenset(("_cdist_forward", "_pdist_forward", "_euclidean_dist", "huber_loss_backward",
                                   "soft_margin_loss_backward"))


def refuse(name):
    """PyTorch's error for a tangent that reaches an op without a forward derivative."""
    raise NotImplementedError(f"Trying to use forward AD with {name} that does not support it because it has not "
                              "been implemented yet.\nPlease file an issue to PyTorch at https://github.com/pytorch/"
                              "pytorch/issues/new?template=feature-request.yml so that we can prioritize its "
                              "implementation or submit a PR adding the implementation to derivatives.yaml")


def jvp_of_op(op, inputs, consts, out, tangents):
    """J t of one recorded op, from its vjp: d/dg sum_i <vjp_i(g), t_i>."""
    hook, TANGENT_HOOK[0] = TANGENT_HOOK[0], None
    before = GRAD_MODE.enabled
    GRAD_MODE.enabled = True
    try:
        g = wrap(np.zeros(out._data.shape, out._data.dtype), True)
        saved = [_saved(i, inputs, out) for i in op.saves] if op.saves else None
        needs = tuple(t is not None for t in tangents)
        grads = op.vjp(TensorXP, g, saved, consts, needs)
        total = None
        for gi, ti, x in zip(grads, tangents, inputs):
            if gi is None or ti is None:
                continue
            if not isinstance(gi, TensorBase):
                gi = wrap(np.asarray(gi))
            gi = TensorXP.fit(gi, x._data.shape, x._data.dtype)
            term = (gi * ti.detach()).sum()
            total = term if total is None else total + term
        result = None
        if total is not None and total._rg:
            result, = grad(total, g, allow_unused=True)
        if result is None:
            return wrap(np.zeros(out._data.shape, out._data.dtype))
        return result.detach()
    finally:
        GRAD_MODE.enabled = before
        TANGENT_HOOK[0] = hook


def _saved(i, inputs, out):
    if i < 0:
        return wrap(out._data)
    t = inputs[i]
    return t if t.__class__ in _SCALARS else wrap(t._data)


def unsupported(name, inputs):
    """A several-output op reached with a tangent: say that forward AD does not go through it."""
    if any(isinstance(t, TensorBase) and tangent(t) is not None for t in inputs):
        raise NotImplementedError(f"Trying to use forward AD with {name} that does not support it because it has "
                                  "not been implemented yet.")


def primal_view(t):
    """unpack_dual's primal: a view of t without its tangent, whose node is PyTorch's C++-only
    torch::autograd::Identity (shown as grad_fn=<Identity>, of class CppFunction)."""
    op = _IDENTITY.get("op")
    if op is None:
        op = _IDENTITY["op"] = renamed(OPS["alias"], "Identity", "torch::autograd::Identity")
        op.node_cls = cpp_function_type()
    with paused():
        return _view_out(t, apply(op, (t,)))


_IDENTITY = {}


def is_open():
    return _STATE["level"] is not None


@contextlib.contextmanager
def paused():
    """No tangent propagation meanwhile (a custom Function's forward sees plain tensors, as in PyTorch)."""
    hook, TANGENT_HOOK[0] = TANGENT_HOOK[0], None
    try:
        yield
    finally:
        TANGENT_HOOK[0] = hook


def input_tangents(args):
    """One tangent per argument (zeros for a tensor without one, None for a non-tensor), or None when no argument
    carries a tangent of the open level."""
    if _STATE["level"] is None:
        return None
    found = [tangent(a) if isinstance(a, TensorBase) else None for a in args]
    if all(t is None for t in found):
        return None
    return [t if t is not None or not isinstance(a, TensorBase) else wrap(np.zeros(a._data.shape, a._data.dtype))
            for t, a in zip(found, args)]


def set_tangent(t, value):
    t._fwt = (_STATE["level"], value)
