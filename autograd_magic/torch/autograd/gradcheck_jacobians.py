"""The Jacobians gradcheck compares, as PyTorch 2.13 builds them: central differences per input element and
backward rows from one-hot gradients, with PyTorch's checks on the gradients and its error type. Shared by the exact
check (gradcheck.py) and fast mode (gradcheck_fast.py)."""
import itertools

from ...engine.creation import zeros_like
from ...engine.dtypes import promote_pair
from ...engine.functions import allclose
from ...engine.grad import grad
from ...engine.memory_format import legacy_contiguous_format
from ...engine.tensor import Tensor


class GradcheckError(RuntimeError):
    """The check failed (gradcheck(..., raise_exception=False) returns False instead)."""
    __module__ = "torch.autograd.gradcheck"


_NONDET = """\n
NOTE: If your op relies on non-deterministic operations i.e., it is listed here:
https://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms.html
this failure might be expected.

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck.
If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with `nondet_tol=<tol>` as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have `gradcheck_nondet_tol=<tol>`.
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have `gradcheck_nondet_tol=<tol>`
"""
NOT_REENTRANT = ("Backward is not reentrant, i.e., running backward with same input and grad_output multiple times "
                 "gives different values, although analytical gradient matches numerical gradient.The tolerance "
                 "for nondeterminism was {}." + _NONDET)


def _numerical(func, inputs, outputs, eps):
    """Per input that requires grad: one Jacobian per floating or complex output, rows = input elements. A complex
    input is moved along 1 and along 1j: its row is the conjugate Wirtinger combination ds/dx + 1j ds/dy, in the
    input's dtype (PyTorch's slow mode)."""
    out = []
    for k, x in enumerate(inputs):
        if not (_is_tensor(x) and x.requires_grad):
            continue
        data = x.data
        columns = {}
        for row, idx in enumerate(itertools.product(*[range(m) for m in data.size()])):
            d_dx = _central(func, inputs, data, idx, eps, eps)
            if x.is_complex():
                d_dy = _central(func, inputs, data, idx, eps * 1j, eps)
                columns[row] = [dx + dy * 1j for dx, dy in zip(d_dx, d_dy)]
            else:
                columns[row] = d_dx
        dtype = x.dtype if x.is_complex() else None
        jacobians = [o.new_zeros((x.numel(), o.numel()), dtype=dtype) for o in outputs if _float_or_complex(o)]
        for i, jacobian in enumerate(jacobians):
            for row, cols in columns.items():
                jacobian[row] = cols[i]
        out.append(tuple(jacobians))
    return out


def _central(func, inputs, data, idx, step, eps):
    """Every output's central difference when element ``idx`` of ``data`` moves by -step and +step."""
    orig = data[idx].clone()
    data[idx] = orig - step
    low = _outputs_of(func, inputs)
    data[idx] = orig + step
    high = _outputs_of(func, inputs)
    data[idx] = orig
    return [_difference(a, b, eps, idx) for a, b in zip(low, high)]


def _float_or_complex(t):
    return _is_tensor(t) and (t.is_floating_point() or t.is_complex())


def _outputs_of(func, inputs):
    return tuple(o.clone() for o in _as_tuple(func(*inputs)))


def _difference(a, b, eps, idx=None):
    """(b - a) / (2 eps), flat; PyTorch's errors when a perturbed input changed the output's shape or dtype (fast
    mode moves a whole input: no index)."""
    where = "" if idx is None else f"on index {idx} "
    if a.shape != b.shape:
        raise AssertionError(f"Expected `func` to return outputs with the same shape when inputs are perturbed "
                             f"{where}by {eps}, but got: shapes {a.shape} and {b.shape}.")
    if a.dtype != b.dtype:
        raise AssertionError(f"Expected `func` to return outputs with the same dtype when inputs are perturbed "
                             f"{where}by {eps}, but got: dtypes {a.dtype} and {b.dtype}.")
    return ((b - a) / (2 * eps)).detach().reshape(-1)


def _analytical(inputs, output, nondet_tol, check_grad_dtypes):
    """Per input that requires grad: the Jacobian from backward (rows = input elements), computed twice."""
    diff = [x for x in inputs if _is_tensor(x) and x.requires_grad]
    first, sizes_ok, types_ok = _stack(_rows(output, diff), diff, output.numel())
    second, _, _ = _stack(_rows(output, diff), diff, output.numel())
    # PyTorch's names for the two verdicts are swapped where it unpacks them: a dtype mismatch says "size"
    if not sizes_ok and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not types_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    if not all(a.numel() == 0 or (a - b).abs().max() <= nondet_tol for a, b in zip(first, second)):
        raise GradcheckError(NOT_REENTRANT.format(nondet_tol))
    return first


def _rows(output, diff):
    base = zeros_like(output, memory_format=legacy_contiguous_format)   # (row-major: a LAPACK result is not)
    flat = base.view(-1)
    rows = [[] for _ in diff]
    for j in range(flat.numel()):
        flat.zero_()
        flat[j] = 1.0
        got = grad(output, diff, base, retain_graph=True, allow_unused=True)
        for i, g in enumerate(got):
            rows[i].append(g.clone() if isinstance(g, Tensor) else None)
    return rows


def _stack(rows, diff, numel_out):
    jacobians = [x.new_zeros((x.numel(), numel_out)) for x in diff if _float_or_complex(x)]
    sizes_ok = types_ok = True
    for x, jacobian, column in zip(diff, jacobians, rows):
        for j, g in enumerate(column):
            if g is not None and g.size() != x.size():
                sizes_ok = False
            elif g is not None and g.dtype != x.dtype:
                types_ok = False
            if g is None:
                jacobian[:, j].zero_()
            else:
                jacobian[:, j] = g.reshape(-1)
    return jacobians, sizes_ok, types_ok


def _mismatch(a, n, out_idx, in_idx, complex_indices=None, test_imag=False, forward=False):
    """PyTorch's message for Jacobians that are not allclose; when the outputs (backward) or inputs (forward mode)
    were split into real and imaginary parts, it names the part being checked."""
    split = in_idx if forward else out_idx
    prefix = ""
    if complex_indices and split in complex_indices:
        prefix = (f"While considering the {'imaginary' if test_imag else 'real'} part of complex "
                  f"{'inputs' if forward else 'outputs'} only, ")
    mode = "computed with forward mode " if forward else ""
    return (f"{prefix}Jacobian {mode}mismatch for output {out_idx:d} with respect to input {in_idx:d},\n"
            f"numerical:{n}\nanalytical:{a}\n")


def _allclose(a, b, rtol, atol):
    dtype = promote_pair(a.dtype, b.dtype)
    return allclose(a.to(dtype=dtype), b.to(dtype=dtype), rtol, atol)


def _is_tensor(x):
    return isinstance(x, Tensor)


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)
