"""gradcheck(..., fast_mode=True) as PyTorch 2.13 runs it (https://github.com/pytorch/pytorch/issues/53876).

Instead of whole Jacobians J, fast mode compares one number per (input, output) pair: v^T J u, with u and v random
unit vectors drawn by ``torch.rand`` from a fresh ``torch.Generator()`` (so the user's RNG is left alone and the
numbers are the same on every run), in the order PyTorch draws them (every input's u, then every output's v).
The numerical side is one central difference along ``eps * u`` per input; the analytical side is one backward
with ``v`` as the gradient, dotted with u. The atol is scaled by sum(u) * sum(v). On a mismatch the slow Jacobians
are computed for the message, as PyTorch does. A complex input gets two vectors (u_r then u_i, real); complex
outputs arrive split into real and imaginary parts (gradcheck.py). Dense tensors only: the caller runs the exact
check for sparse ones (same verdict in PyTorch's slow mode; its message differs).
"""
from ...engine.complex_fns import view_as_real
from ...engine.creation import rand
from ...engine.dtypes import complex128, float32, float64
from ...engine.functions import allclose
from ...engine.grad import grad
from ...engine.tensor import Tensor
from ..rng import Generator
from .gradcheck_jacobians import (NOT_REENTRANT, GradcheckError, _allclose, _as_tuple, _difference, _mismatch,
                                  _numerical, _rows, _stack)

_FAST_FAIL_SLOW_OK = """
Fast gradcheck failed but element-wise differences are small. This means that the
test might've passed in slow_mode!

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck:

If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with `fast_mode=False` as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have `gradcheck_fast_mode=False`
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have `gradcheck_fast_mode=False`
""".strip()


def applies(inputs, func_out):
    """Fast mode here covers dense tensors (sparse ones are left to the exact check)."""
    tensors = [x for x in inputs if isinstance(x, Tensor)] + [o for o in func_out if isinstance(o, Tensor)]
    return all(not t.is_sparse for t in tensors)


def check(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, complex_indices=None,
          test_imag=False):
    """Raise GradcheckError when v^T J u from backward differs from the finite difference along u. A complex input
    has two real directions (u_r along 1, u_i along 1j); outputs are real here (the caller splits complex ones)."""
    diff_idx = [k for k, x in enumerate(inputs) if isinstance(x, Tensor) and x.requires_grad]
    diff = [inputs[k] for k in diff_idx]
    g = Generator()
    all_u = []
    for x in diff:
        ur = _unit(x, g, downcast=True)
        all_u.append((ur, _unit(x, g, downcast=True)) if x.is_complex() else ur)
    all_v = [_unit(o, g) for o in outputs]
    numerical = [_numerical_vJu(func, inputs, k, u, all_v, func_out, eps) for k, u in zip(diff_idx, all_u)]
    analytical = []
    for out, v in zip(outputs, all_v):
        vjs = _analytical_vJ(out, v, diff, nondet_tol, check_grad_dtypes)
        analytical.append([_vJ_dot_u(vj, u) for vj, u in zip(vjs, all_u)])
    for i, per_output in enumerate(numerical):
        for j, n in enumerate(per_output):
            a = analytical[j][i]
            u = all_u[i]
            sum_u = float(u[0].sum()) + float(u[1].sum()) if isinstance(u, tuple) else float(u.sum())
            tol = atol * sum_u * float(all_v[j].sum())
            if not _allclose(a, n, rtol, tol):
                raise GradcheckError(_mismatch(a, n, j, i, complex_indices, test_imag)
                                     + _slow_message(func, inputs, outputs, i, j, rtol, atol, eps))


def _unit(x, g, downcast=False):
    """torch.rand(numel, generator=g) in the default dtype, cast to x's dtype (its real dtype with ``downcast``)
    and divided by its norm."""
    dtype = x.dtype
    if downcast and x.is_complex():
        dtype = float64 if dtype == complex128 else float32
    vec = rand(x.numel(), generator=g).to(dtype=dtype)
    vec /= vec.norm()
    return vec


def _vJ_dot_u(vj, u):
    """v^T J u from the backward row: for a complex input, its real part against u_r plus 1j times its imaginary
    part against u_i."""
    if vj.is_complex():
        parts = view_as_real(vj.resolve_conj())
        return parts.select(-1, 0).dot(u[0]) + 1j * parts.select(-1, 1).dot(u[1])
    return vj.dot(u)


def _numerical_vJu(func, inputs, k, u, all_v, func_out, eps):
    """v . (f(x + eps u) - f(x - eps u)) / (2 eps) for every floating or complex output: the input moved in place;
    a complex input moved along eps u_r and along eps u_i 1j, combined as d/dx + 1j d/dy."""
    data = inputs[k].data
    if isinstance(u, tuple):
        dx = _moved(func, inputs, data, u[0].reshape(data.shape) * eps, eps)
        dy = _moved(func, inputs, data, u[1].reshape(data.shape) * eps * 1j, eps)
        ju = [a + b * 1j for a, b in zip(dx, dy)]
    else:
        ju = _moved(func, inputs, data, u.reshape(data.shape) * eps, eps)
    floating = [d for d, o in zip(ju, func_out) if o.is_floating_point() or o.is_complex()]
    return [(v * d).sum() for v, d in zip(all_v, floating)]


def _moved(func, inputs, data, delta, eps):
    orig = data.clone()
    data.copy_(orig - delta)
    low = tuple(o.clone() for o in _as_tuple(func(*inputs)))
    data.copy_(orig + delta)
    high = tuple(o.clone() for o in _as_tuple(func(*inputs)))
    data.copy_(orig)
    return [_difference(a, b, eps) for a, b in zip(low, high)]   # the step is eps * u: over 2 eps, this is J u


def _analytical_vJ(out, v, diff, nondet_tol, check_grad_dtypes):
    """One backward with v as the gradient, twice (reentrance), with PyTorch's checks of the gradients."""
    runs = []
    for _ in range(2):
        got = grad(out, diff, v.reshape(out.shape), retain_graph=True, allow_unused=True)
        runs.append([g.clone() if isinstance(g, Tensor) else None for g in got])
    sizes_ok = types_ok = True
    for x, g in zip(diff, runs[0]):
        if g is not None and g.size() != x.size():
            sizes_ok = False
        elif g is not None and g.dtype != x.dtype:
            types_ok = False
    if not types_ok and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not sizes_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    flat = [[x.new_zeros(x.numel()) if g is None else g.reshape(-1).to(dtype=x.dtype) for x, g in zip(diff, run)]
            for run in runs]
    if not all(a.numel() == 0 or (a - b).abs().max() <= nondet_tol for a, b in zip(*flat)):
        raise GradcheckError(NOT_REENTRANT.format(nondet_tol))
    return flat[0]


def _slow_message(func, inputs, outputs, i, j, rtol, atol, eps):
    """The exact Jacobians of the failing pair, for the message (PyTorch recomputes them in slow mode)."""
    numerical = _numerical(func, inputs, outputs, eps)[i][j]
    diff = [x for x in inputs if isinstance(x, Tensor) and x.requires_grad]
    analytical = _stack(_rows(outputs[j], diff), diff, outputs[j].numel())[0][i]
    max_diff = (numerical - analytical).abs().max()
    msg = ("\nThe above quantities relating the numerical and analytical jacobians are computed \n"
           "in fast mode. See: https://github.com/pytorch/pytorch/issues/53876 for more background \n"
           "about fast mode. Below, we recompute numerical and analytical jacobians in slow mode:\n\n"
           f"Numerical:\n {numerical}\nAnalytical:\n{analytical}\n\n"
           f"The max per-element difference (slow mode) is: {max_diff}.\n")
    if allclose(analytical, numerical, rtol, atol):
        msg += _FAST_FAIL_SLOW_OK
    return msg

