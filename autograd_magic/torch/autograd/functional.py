"""torch.autograd.functional: jacobian and hessian (reverse mode one output element at a time), vjp, and jvp / vhp /
hvp by PyTorch's double-backward tricks."""
import numpy as np

from ...engine.grad import grad
from ...engine.shaping import stack
from ...engine.tensor import Tensor
from ..grad_mode import enable_grad


def _tuple(x):
    return (x, False) if isinstance(x, tuple) else ((x,), True)


def _prepare(inputs, create_graph=False):
    """PyTorch's _grad_preprocess: with create_graph an input that requires grad stays connected (view_as: the
    results can be differentiated back to it); others are detached copies that require grad."""
    return tuple(t.view_as(t) if create_graph and t.requires_grad else t.detach().requires_grad_(True)
                 for t in inputs)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """d func(inputs) / d inputs, shaped output.shape + input.shape (tuples as PyTorch nests them)."""
    inputs, single_in = _tuple(inputs)
    with enable_grad():
        xs = _prepare(inputs, create_graph)
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
        xs = _prepare(inputs, create_graph)
        out = func(*xs)
        gs = grad(out, xs, v, create_graph=create_graph, allow_unused=True)
    gs = tuple(g.detach() if g is not None and not create_graph else g for g in gs)
    return (out if create_graph else out.detach()), (gs[0] if single_in else gs)


# ---------------------------------------------------------------- jvp, vhp, hvp: PyTorch's double-backward tricks


def _validate_v(v, other, is_other_tuple):
    if len(other) != len(v):
        if is_other_tuple:
            raise RuntimeError(f"v is a tuple of invalid length: should be {len(other)} but got {len(v)}.")
        raise RuntimeError("The given v should contain a single Tensor.")
    for idx, (el_v, el_other) in enumerate(zip(v, other)):
        if el_v.size() != el_other.size():
            prepend = f"Entry {idx} in " if is_other_tuple else ""
            raise RuntimeError(f"{prepend}v has invalid size: should be {el_other.size()} but got {el_v.size()}.")


def _grads_of(outputs, inputs, grad_outputs=None, create_graph=False):
    """torch.autograd.grad over the outputs that require grad, zeros where an input was not reached."""
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    pairs = [(o, g) for o, g in zip(outputs, grad_outputs) if o is not None and o.requires_grad]
    if not pairs:
        got = (None,) * len(inputs)
    else:
        got = grad([o for o, _ in pairs], inputs, [g for _, g in pairs], create_graph=create_graph,
                   retain_graph=True, allow_unused=True)
    return tuple(Tensor._wrap(np.zeros(x.shape, x._data.dtype)) if g is None else g for g, x in zip(got, inputs))


def _v_of(v, inputs, single_in):
    if v is not None:
        v, _ = _tuple(v)
        v = tuple(t.detach() for t in v)
        _validate_v(v, inputs, not single_in)
        return v
    if len(inputs) != 1 or inputs[0].numel() != 1:
        raise RuntimeError("The vector v can only be None if the input to the user-provided function is a single "
                           "Tensor with a single element.")
    return None


def _post(ts, create_graph, single):
    ts = tuple(t if create_graph else t.detach() for t in ts)
    return ts[0] if single else ts


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), J v): the Jacobian-vector product by the double-backward trick, as PyTorch computes it."""
    inputs, single_in = _tuple(inputs)
    with enable_grad():
        xs = _prepare(inputs, create_graph)
        v = _v_of(v, xs, single_in)
        outputs, single_out = _tuple(func(*xs))
        grad_outputs = tuple(Tensor._wrap(np.zeros(o.shape, o._data.dtype)).requires_grad_() for o in outputs)
        grad_inputs = _grads_of(outputs, xs, grad_outputs, create_graph=True)
        result = _grads_of(grad_inputs, grad_outputs, v, create_graph=create_graph)
    return _post(outputs, create_graph, single_out), _post(result, create_graph, single_out)


def _scalar_output(func, xs, name):
    outputs, single_out = _tuple(func(*xs))
    if not single_out or not isinstance(outputs[0], Tensor):
        raise RuntimeError(f"The function given to {name} should return a single Tensor")
    if outputs[0].numel() != 1:
        raise RuntimeError(f"The Tensor returned by the function given to {name} should contain a single element")
    return outputs


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T H) for a scalar func."""
    inputs, single_in = _tuple(inputs)
    with enable_grad():
        xs = _prepare(inputs, create_graph)
        v = _v_of(v, xs, single_in)
        outputs = _scalar_output(func, xs, "vhp")
        jac = _grads_of(outputs, xs, create_graph=True)
        result = _grads_of(jac, xs, v, create_graph=create_graph)
    return _post(outputs, create_graph, True), _post(result, create_graph, single_in)


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), H v) for a scalar func, by the double-backward trick."""
    inputs, single_in = _tuple(inputs)
    with enable_grad():
        xs = _prepare(inputs, create_graph)
        v = _v_of(v, xs, single_in)
        outputs = _scalar_output(func, xs, "hvp")
        jac = _grads_of(outputs, xs, create_graph=True)
        grad_jac = tuple(Tensor._wrap(np.zeros(x.shape, x._data.dtype)).requires_grad_() for x in xs)
        double_back = _grads_of(jac, xs, grad_jac, create_graph=True)
        result = _grads_of(double_back, grad_jac, v, create_graph=create_graph)
    return _post(outputs, create_graph, True), _post(result, create_graph, single_in)
