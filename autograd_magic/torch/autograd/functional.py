"""torch.autograd.functional: jacobian and hessian (reverse mode one output element at a time), vjp, and jvp / vhp /
hvp by PyTorch's double-backward tricks."""
import numpy as np

from ...engine.grad import grad
from ...engine.shaping import stack
from ...engine.tensor import Tensor
from ..grad_mode import enable_grad
from . import forward_ad as fwAD


def _tuple(x):
    return (x, False) if isinstance(x, tuple) else ((x,), True)


def _as_tuple(x, arg_name, fn_name):
    """PyTorch's _as_tuple: (the tensors as a tuple, whether x was a single tensor), its TypeError for anything
    that is not a tensor or a tuple of tensors."""
    xs, single = _tuple(x)
    for i, el in enumerate(xs):
        if not isinstance(el, Tensor):
            where = f"given {arg_name}" if single else f"value at index {i}"
            raise TypeError(f"The {arg_name} given to {fn_name} must be either a Tensor or a tuple of Tensors but the "
                            f"{where} has type {type(el)}.")
    return xs, single


_STRICT = {
    "outputs": "Output {i} of the user-provided function does not require gradients. The outputs must be computed in "
               "a differentiable manner from the input when running in strict mode.",
    "jacobian": "While computing the hessian, found that the jacobian of the user-provided function with respect to "
                "input {i} is independent of the input. This is not allowed in strict mode. You should ensure that "
                "your function is twice differentiable and that the jacobian depends on the inputs (this would be "
                "violated by a linear function for example).",
    "grad_inputs": "The gradient with respect to input {i} is independent of the inputs of the user-provided "
                   "function. This is not allowed in strict mode.",
}


def _check_requires_grad(ts, kind, strict):
    """strict=True: every tensor must require grad (PyTorch's _check_requires_grad, its messages)."""
    if strict:
        for i, t in enumerate(ts):
            if t is None:   # (only gradients can be None)
                raise RuntimeError(_FILL_STRICT["back"].format(i=i))
            if not t.requires_grad:
                raise RuntimeError(_STRICT[kind].format(i=i))


def _prepare(inputs, create_graph=False):
    """PyTorch's _grad_preprocess: with create_graph an input that requires grad stays connected (view_as: the
    results can be differentiated back to it); others are detached copies that require grad."""
    return tuple(t.view_as(t) if create_graph and t.requires_grad else t.detach().requires_grad_(True)
                 for t in inputs)


def _check_strategy(strategy, create_graph, strict, vectorize):
    if strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If your function '
                             'has more outputs than inputs, "forward-mode" tends to be more performant. Otherwise, '
                             'prefer to use "reverse-mode".')
    if strategy == "forward-mode":
        if create_graph:
            raise NotImplementedError("torch.autograd.functional.jacobian: `create_graph=True` and "
                                      '`strategy="forward-mode"` are not supported together (yet). Please either set '
                                      '`create_graph=False` or `strategy="reverse-mode"`.')
        if strict:
            raise RuntimeError("torch.autograd.functional.jacobian: `strict=True` and `strategy=\"forward-mode\"` "
                               "are not supported together (yet). Please either set `strict=False` or "
                               "`strategy=\"reverse-mode\"`.")
        if not vectorize:
            raise NotImplementedError("Computing Jacobian using forward-AD or forward-over-reverse Hessian is"
                                      "only implemented for `vectorize=True`.")


def _jacfwd(func, inputs, single_in):
    """Forward mode (PyTorch's _jacfwd, vectorize=True): one tangent per input element, the standard basis; the
    output tangents stacked, input elements last (so a zero of J is sign-carrying, as PyTorch's)."""
    numels = [x.numel() for x in inputs]
    tangents = [[] for _ in inputs]   # per input: per basis vector, the output tangents
    single_out = True
    outs = ()
    with fwAD.dual_level():
        for j, n in enumerate(numels):
            for k in range(n):
                basis = [Tensor._wrap(np.zeros(x.shape, x._data.dtype)) for x in inputs]
                basis[j]._data.reshape(-1)[k] = 1
                duals = tuple(fwAD.make_dual(x, t) for x, t in zip(inputs, basis))
                outs, single_out = _as_tuple(func(*duals), "outputs", None)
                pairs = [fwAD.unpack_dual(o) for o in outs]
                tangents[j].append([p.tangent if p.tangent is not None else p.primal * 0 for p in pairs])
                outs = tuple(p.primal for p in pairs)
    rows = [[stack([t[oi] for t in tangents[j]], dim=-1).reshape(out.shape + inputs[j].shape).detach()
             for j in range(len(inputs))] for oi, out in enumerate(outs)]
    if single_in:   # (PyTorch's _tuple_postprocess of its lists: lists where both are tuples)
        rows = tuple(r[0] for r in rows)
    return rows[0] if single_out else rows


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """d func(inputs) / d inputs, shaped output.shape + input.shape (tuples as PyTorch nests them)."""
    _check_strategy(strategy, create_graph, strict, vectorize)
    if strategy == "forward-mode":
        inputs, single_in = _as_tuple(inputs, "inputs", "jacobian")
        return _jacfwd(func, inputs, single_in)
    with enable_grad():
        inputs, single_in = _as_tuple(inputs, "inputs", "jacobian")
        xs = _prepare(inputs, create_graph)
        outputs = func(*xs)
        outs, single_out = _as_tuple(outputs, "outputs of the user-provided function", "jacobian")
        _check_requires_grad(outs, "outputs", strict)
        if vectorize and strict:   # (PyTorch refuses the pair once it has run func and checked its outputs)
            raise RuntimeError("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not "
                               "supported together. Please either set `strict=False` or `vectorize=False`.")
        rows = []
        for oi, out in enumerate(outs):
            per_input = [np.zeros(out.shape + x.shape, x._data.dtype) for x in xs]
            per_input_t = [[] for _ in xs]
            flat = out.reshape(-1)
            for i in range(flat.numel()):
                gs = grad(flat[i], xs, retain_graph=True, create_graph=create_graph, allow_unused=True) \
                    if out._rg else (None,) * len(xs)
                for j, g in enumerate(gs):
                    if strict and g is None:
                        raise RuntimeError(f"Output {oi} of the user-provided function is independent of input {j}. "
                                           "This is not allowed in strict mode.")
                    if strict and create_graph and not g.requires_grad:
                        raise RuntimeError(f"The jacobian of the user-provided function is independent of input "
                                           f"{oi}. This is not allowed in strict mode when create_graph=True.")
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
    inputs_t, single_in = _as_tuple(inputs, "inputs", "hessian")
    if outer_jacobian_strategy not in ("forward-mode", "reverse-mode"):
        raise AssertionError('Expected strategy to be either "forward-mode" or "reverse-mode".')
    _check_strategy(outer_jacobian_strategy, create_graph, strict, vectorize)
    forward = outer_jacobian_strategy == "forward-mode"

    def gradient(*xs):
        with enable_grad():
            if forward:   # forward-over-reverse: the dual inputs become leaves that require grad (as PyTorch's jac_func)
                xs = tuple(t.requires_grad_(True) for t in xs)
            out = func(*xs)
            outs, single_out = _as_tuple(out, "outputs of the user-provided function", "hessian")
            _check_requires_grad(outs, "outputs", strict)
            if not single_out:
                raise RuntimeError("The function given to hessian should return a single Tensor")
            if out.numel() != 1:
                raise RuntimeError("The Tensor returned by the function given to hessian should contain a single "
                                   "element")
            gs = _grads_of(outs, xs, create_graph=True)   # (a constant output: zeros)
        _check_requires_grad(gs, "jacobian", strict)
        return gs[0] if single_in else gs

    return jacobian(gradient, inputs_t[0] if single_in else inputs_t, create_graph=create_graph, strict=strict,
                    vectorize=vectorize, strategy=outer_jacobian_strategy)


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    with enable_grad():
        inputs, single_in = _as_tuple(inputs, "inputs", "vjp")
        xs = _prepare(inputs, create_graph)
        outs, single_out = _as_tuple(func(*xs), "outputs of the user-provided function", "vjp")
        _check_requires_grad(outs, "outputs", strict)
        if v is not None:
            v, _ = _as_tuple(v, "v", "vjp")
            v = tuple(t.detach() for t in v)
            _validate_v(v, outs, not single_out)
        elif len(outs) != 1 or outs[0].numel() != 1:
            raise RuntimeError("The vector v can only be None if the user-provided function returns a single Tensor "
                               "with a single element.")
        gs = _fill_in_zeros(_autograd_grad(outs, xs, v, create_graph), xs, strict, create_graph, "back")
    gs = tuple(g if create_graph else g.detach() for g in gs)
    outs = tuple(o if create_graph else o.detach() for o in outs)
    return (outs[0] if single_out else outs), (gs[0] if single_in else gs)


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


def _autograd_grad(outputs, inputs, grad_outputs=None, create_graph=False):
    """PyTorch's _autograd_grad: torch.autograd.grad over the outputs that require grad; None where an input was
    not reached (all None when no output requires grad)."""
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    pairs = [(o, g) for o, g in zip(outputs, grad_outputs) if o is not None and o.requires_grad]
    if not pairs:
        return (None,) * len(inputs)
    return grad([o for o, _ in pairs], inputs, [g for _, g in pairs], create_graph=create_graph,
                retain_graph=True, allow_unused=True)


_FILL_STRICT = {
    "back": "The output of the user-provided function is independent of input {i}. This is not allowed in strict "
            "mode.",
    "back_trick": "The gradient with respect to the input is independent of entry {i} in the grad_outputs when using "
                  "the double backward trick to compute forward mode gradients. This is not allowed in strict mode.",
    "double_back": "The jacobian of the user-provided function is independent of input {i}. This is not allowed in "
                   "strict mode.",
    "double_back_trick": "The hessian of the user-provided function is independent of entry {i} in the "
                         "grad_jacobian. This is not allowed in strict mode as it prevents from using the double "
                         "backward trick to replace forward mode AD.",
}


def _fill_in_zeros(grads, refs, strict=False, create_graph=False, stage="back_trick"):
    """PyTorch's _fill_in_zeros: zeros shaped as refs where a gradient is None; under strict, its errors."""
    res = []
    for i, (g, ref) in enumerate(zip(grads, refs)):
        if g is None:
            if strict:
                raise RuntimeError(_FILL_STRICT[stage].format(i=i))
            g = Tensor._wrap(np.zeros(ref.shape, ref._data.dtype))
        elif strict and create_graph and not g.requires_grad:
            what = "hessian" if "double" in stage else "jacobian"
            raise RuntimeError(f"The {what} of the user-provided function is independent of input {i}. This is not "
                               "allowed in strict mode when create_graph=True.")
        res.append(g)
    return tuple(res)


def _grads_of(outputs, inputs, grad_outputs=None, create_graph=False):
    """torch.autograd.grad over the outputs that require grad, zeros where an input was not reached."""
    return _fill_in_zeros(_autograd_grad(outputs, inputs, grad_outputs, create_graph), inputs)


def _v_of(v, inputs, single_in, fn_name):
    if v is not None:
        v, _ = _as_tuple(v, "v", fn_name)
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
    with enable_grad():
        inputs, single_in = _as_tuple(inputs, "inputs", "jvp")
        xs = _prepare(inputs, create_graph)
        v = _v_of(v, xs, single_in, "jvp")
        outputs, single_out = _as_tuple(func(*xs), "outputs of the user-provided function", "jvp")
        _check_requires_grad(outputs, "outputs", strict)
        grad_outputs = tuple(Tensor._wrap(np.zeros(o.shape, o._data.dtype)).requires_grad_() for o in outputs)
        grad_inputs = _autograd_grad(outputs, xs, grad_outputs, create_graph=True)
        _check_requires_grad(grad_inputs, "grad_inputs", strict)
        result = _fill_in_zeros(_autograd_grad(grad_inputs, grad_outputs, v, create_graph=create_graph), outputs,
                                strict, create_graph, "back_trick")
    return _post(outputs, create_graph, single_out), _post(result, create_graph, single_out)


def _scalar_output(func, xs, name, strict):
    outputs, single_out = _as_tuple(func(*xs), "outputs of the user-provided function", name)
    _check_requires_grad(outputs, "outputs", strict)
    if not single_out:
        raise RuntimeError(f"The function given to {name} should return a single Tensor")
    if outputs[0].numel() != 1:
        raise RuntimeError(f"The Tensor returned by the function given to {name} should contain a single element")
    return outputs


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v^T H) for a scalar func."""
    with enable_grad():
        inputs, single_in = _as_tuple(inputs, "inputs", "vhp")
        xs = _prepare(inputs, create_graph)
        v = _v_of(v, xs, single_in, "vhp")
        outputs = _scalar_output(func, xs, "vhp", strict)
        jac = _autograd_grad(outputs, xs, create_graph=True)
        _check_requires_grad(jac, "jacobian", strict)
        result = _fill_in_zeros(_autograd_grad(jac, xs, v, create_graph=create_graph), xs, strict, create_graph,
                                "double_back")
    return _post(outputs, create_graph, True), _post(result, create_graph, single_in)


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), H v) for a scalar func, by the double-backward trick."""
    with enable_grad():
        inputs, single_in = _as_tuple(inputs, "inputs", "hvp")
        xs = _prepare(inputs, create_graph)
        v = _v_of(v, xs, single_in, "hvp")
        outputs = _scalar_output(func, xs, "hvp", strict)
        jac = _autograd_grad(outputs, xs, create_graph=True)
        _check_requires_grad(jac, "jacobian", strict)
        jac = _fill_in_zeros(jac, xs)
        grad_jac = tuple(Tensor._wrap(np.zeros(x.shape, x._data.dtype)).requires_grad_() for x in xs)
        double_back = _grads_of(jac, xs, grad_jac, create_graph=True)
        result = _fill_in_zeros(_autograd_grad(double_back, grad_jac, v, create_graph=create_graph), xs, strict,
                                create_graph, "double_back_trick")
    return _post(outputs, create_graph, True), _post(result, create_graph, single_in)
