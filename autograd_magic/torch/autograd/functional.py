"""torch.autograd.functional.jacobian and hessian, by reverse mode one output element at a time."""
import numpy as np

from ...engine.grad import grad
from ...engine.shaping import stack
from ...engine.tensor import Tensor
from ..grad_mode import enable_grad


def _tuple(x):
    return (x, False) if isinstance(x, tuple) else ((x,), True)


def _prepare(inputs):
    return tuple(t.detach().requires_grad_(True) for t in inputs)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """d func(inputs) / d inputs, shaped output.shape + input.shape (tuples as PyTorch nests them)."""
    inputs, single_in = _tuple(inputs)
    with enable_grad():
        xs = _prepare(inputs)
        outputs = func(*xs)
        outs, single_out = _tuple(outputs)
        rows = []
        for out in outs:
            per_input = [np.zeros(out.shape + x.shape, x._data.dtype) for x in xs]
            per_input_t = [[] for _ in xs]
            flat = out.reshape(-1)
            for i in range(flat.numel()):
                gs = grad(flat[i], xs, retain_graph=True, create_graph=create_graph, allow_unused=True) \
                    if out._rg else (None,) * len(xs)
                for j, g in enumerate(gs):
                    if create_graph:
                        per_input_t[j].append(g if g is not None else Tensor._wrap(np.zeros(xs[j].shape, xs[j]._data.dtype)))
                    elif g is not None:
                        per_input[j].reshape((-1,) + xs[j].shape)[i] = g._data
            if create_graph:
                row = tuple(stack(ts).reshape(out.shape + xs[j].shape) for j, ts in enumerate(per_input_t))
            else:
                row = tuple(Tensor._wrap(a) for a in per_input)
            rows.append(row[0] if single_in else row)
    return rows[0] if single_out else tuple(rows)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    """Second derivatives of a scalar func, shaped input.shape + input.shape."""
    inputs_t, single_in = _tuple(inputs)

    def gradient(*xs):
        with enable_grad():
            out = func(*xs)
            if not isinstance(out, Tensor):
                raise RuntimeError("The function given to hessian should return a single Tensor")
            if out.numel() != 1:
                raise RuntimeError("The Tensor returned by the function given to hessian should contain a single "
                                   "element")
            gs = grad(out, xs, create_graph=True, allow_unused=True)
        gs = tuple(g if g is not None else Tensor._wrap(np.zeros(x.shape, x._data.dtype)) for g, x in zip(gs, xs))
        return gs[0] if single_in else gs

    return jacobian(gradient, inputs_t[0] if single_in else inputs_t, create_graph=create_graph)


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    inputs, single_in = _tuple(inputs)
    with enable_grad():
        xs = _prepare(inputs)
        out = func(*xs)
        gs = grad(out, xs, v, create_graph=create_graph, allow_unused=True)
    gs = tuple(g.detach() if g is not None and not create_graph else g for g in gs)
    return out.detach(), (gs[0] if single_in else gs)
