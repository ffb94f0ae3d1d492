"""F.grid_sample's gradients under create_graph=True (2-d and 3-d), as PyTorch records them: the kernel's own
(grad_input, grad_grid), bit for bit the gradients of a plain backward, made by one several-output node
GridSampler2DBackwardBackward0 / GridSampler3DBackwardBackward0 whose inputs are (grad_output, input, grid).

That node's own vjp, given the cotangents (ggI, ggG) of (grad_input, grad_grid):
- grad_input is G(grid)^T grad_output, linear in grad_output and free of the input, so ggI gives grad_output the
  forward sampling of ggI (G ggI), the grid the grid gradient of <grad_output, G ggI> (the backward kernel with
  ggI as the input), and the input nothing;
- ggG goes through the composite form (ops_grid._composite / ops_grid3d._composite, recorded Tensor ops) of
  grad_grid; nearest's grad_grid is a constant zero and gives nothing (PyTorch returns no gradient at all).
consts: the forward op's (mode first)."""
import numpy as np

from .autograd import GRAD_MODE, Saved, record_multi
from .optable import OPS

TENSOR_XP = None   # grad.TensorXP (grad.py sets it: it imports the op table, which the ops here fill)


def first_grads(xp, op, kernel, grad, inp, grid, consts, needs):
    """(grad_input, grad_grid) from the backward kernel; with create_graph one node of `op` over
    (grad_output, input, grid) makes them; an output that is not needed is None (ATen's output_mask)."""
    gi, gg = kernel(grad._data, inp._data, grid._data, *consts, need_input=bool(needs[0]))
    outs = [None if gi is None else xp.wrap(gi), xp.wrap(gg) if needs[1] else None]
    inputs = (grad, inp, grid)
    if GRAD_MODE.enabled and any(t._rg for t in inputs):
        record_multi(OPS[op], inputs, outs, [Saved(t) for t in inputs], consts)
    return tuple(outs)


def double_vjp(op, forward_op, kernel, composite):
    """The vjp of `op` (see the module docstring): one gradient each for grad_output, input and grid."""
    def vjp(xp, grads, saved, consts, needs):
        go, inp, grid = saved
        ggi, ggg = grads.get(0), grads.get(1)
        parts = ([], [], [])
        if ggi is not None:
            if needs[0]:
                parts[0].append(xp.call(forward_op, (ggi, grid), *consts))
            if needs[2]:
                if xp.is_numpy:
                    parts[2].append(kernel(go, ggi, grid, *consts, need_input=False)[1])
                else:
                    parts[2].append(first_grads(xp, op, kernel, go, ggi, grid, consts, (False, True))[1])
        if ggg is not None and consts[0] != 1:
            for part, g in zip(parts, _through_composite(xp, composite, (go, inp, grid), ggg, consts, needs)):
                part.append(g)
        return tuple(None if not p else p[0] if len(p) == 1 else p[0] + p[1] for p in parts)
    return vjp


def _through_composite(xp, composite, inputs, ggg, consts, needs):
    """The gradients of <ggg, grad_grid> with respect to (grad_output, input, grid) (zeros where the composite
    does not reach one that is needed), grad_grid rebuilt from the composite form."""
    tx = TENSOR_XP

    def grid_grad(go, inp, grid, *c):
        return (tx.differentiate(composite, (inp, grid), c, {0: go}, (False, True))[1],)
    if xp.is_numpy:
        leaves = [tx.wrap(a).requires_grad_() for a in inputs]
        got = tx.differentiate(grid_grad, leaves, consts, {0: tx.wrap(ggg)}, needs)
        got = [None if g is None else g._data for g in got]
    else:
        got = xp.differentiate(grid_grad, inputs, consts, {0: ggg}, needs)
    arrays = inputs if xp.is_numpy else [t._data for t in inputs]
    return [g if g is not None or not need else xp.wrap(np.zeros(a.shape, a.dtype))
            for g, need, a in zip(got, needs, arrays)]
