"""torch.autograd.gradcheck / gradgradcheck: finite differences against backward, as PyTorch 2.13 runs them.

The slow (exact) mode of PyTorch, on the engine: each element of each input that requires grad is moved by
``-eps`` and ``+eps`` in place (in the input's own dtype), the central difference of every output is one row of
the numerical Jacobian; the analytical Jacobian is built row by row from ``torch.autograd.grad`` with a one-hot
gradient (twice: backward must give the same numbers again); then backward must be linear in its gradient
(a zero gradient gives zero) and accept zero gradients for every output. The checks, their order, the warnings
and the messages are PyTorch's, so a lesson that prints a failed check prints the same text.

``check_forward_ad=True`` builds the Jacobian column by column from dual tensors (forward_ad, one-hot tangents)
and compares it with the same central differences. Not here: batched gradients (``check_batched_grad``,
``check_batched_forward_grad``), which raise errors naming them. ``fast_mode=True`` compares PyTorch's random
projections v^T J u (gradcheck_fast.py) for dense tensors; sparse ones get the exact check.

Complex functions as PyTorch checks them: a complex input is moved along 1 and along 1j (its rows are the conjugate
Wirtinger combination d/dx + 1j d/dy, in the input's dtype); when any output is complex, the function is checked
twice, with torch.imag then torch.real applied to its complex outputs, a mismatch naming the part. The forward-mode
check of complex inputs is not here (forward_ad refuses complex primals).
"""
import warnings

from ...engine.creation import zeros_like
from ...engine.dtypes import complex128, float64
from ...engine.functions import allclose
from ...engine.grad import grad
from ...engine.shaping import stack
from ..testing_make import make_tensor
from . import forward_ad, gradcheck_fast
from .gradcheck_jacobians import (GradcheckError, _allclose, _analytical, _as_tuple, _is_tensor,  # noqa: F401
                                  _mismatch, _numerical)

_UNDEFINED_NOTE = 'Please look at "Notes about undefined output gradients" in "tools/autograd/derivatives.yaml"'


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True, nondet_tol=0.0,
              check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
              check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True, fast_mode=False,
              masked=None):
    """True when backward's gradients of ``func`` at ``inputs`` match central differences within
    ``allclose(analytical, numerical, rtol, atol)``; else raises GradcheckError (or returns False).

    >>> x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    >>> torch.autograd.gradcheck(lambda t: (t ** 2).sum(), (x,))
    True
    """
    if not (check_forward_ad or check_backward_ad):
        raise AssertionError("Expected at least one of check_forward_ad or check_backward_ad to be True")
    if check_batched_grad and not check_backward_ad:
        raise AssertionError("Setting check_batched_grad=True requires check_backward_ad to be True")
    if check_batched_forward_grad and not check_forward_ad:
        raise AssertionError("Setting check_batched_forward_grad=True requires check_forward_ad to be True")
    for flag, on in (("check_batched_grad", check_batched_grad),
                     ("check_batched_forward_grad", check_batched_forward_grad)):
        if on:
            raise NotImplementedError(f"gradcheck({flag}=True): autograd_magic has no batched gradients; only "
                                      "the backward-mode and forward-mode checks run here")
    try:
        if check_backward_ad:
            _check(func, inputs, eps, atol, rtol, nondet_tol, check_undefined_grad, check_grad_dtypes, masked,
                   fast_mode)
        if check_forward_ad:
            _check_forward(func, inputs, eps, atol, rtol, check_inputs=not check_backward_ad)
    except GradcheckError:
        if raise_exception:
            raise
        return False
    return True


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0, check_undefined_grad=True,
                  check_grad_dtypes=False, check_batched_grad=False, check_fwd_over_rev=False,
                  check_rev_over_rev=True, fast_mode=False, masked=False):
    """gradcheck of the gradients themselves: ``autograd.grad(func(inputs), inputs, grad_outputs,
    create_graph=True)`` checked against finite differences in the inputs and in grad_outputs (random in
    [-1, 1) from the global generator when not given, as PyTorch draws them)."""
    if not (check_fwd_over_rev or check_rev_over_rev):
        raise AssertionError("Expected at least one of check_fwd_over_rev or check_rev_over_rev to be True")
    if check_undefined_grad and not check_rev_over_rev:
        raise AssertionError("Setting check_undefined_grad=True requires check_rev_over_rev to be True")
    if check_batched_grad and not check_rev_over_rev:
        raise AssertionError("Setting check_batched_grad=True requires check_rev_over_rev to be True")
    inputs = _as_tuple(inputs)
    if grad_outputs is None:
        grad_outputs = tuple(_random_like(o, gen_non_contig_grad_outputs)
                             for o in _differentiable(func(*inputs)))
    else:
        grad_outputs = _as_tuple(grad_outputs)
    n = len(grad_outputs)
    wants_grad = {i for i, x in enumerate(inputs) if _is_tensor(x) and x.requires_grad}
    grad_outputs_grad = {i for i, x in enumerate(grad_outputs) if x.requires_grad}

    def gradients(*args):
        xs = tuple(x.requires_grad_() if i in wants_grad else x for i, x in enumerate(args[:-n]))
        outs = _differentiable(func(*xs))
        gs = tuple(g.requires_grad_() if i in grad_outputs_grad else g for i, g in enumerate(args[-n:]))
        diff = tuple(x for i, x in enumerate(xs) if i in wants_grad)
        got = grad(outs, diff, gs, create_graph=True, allow_unused=True)
        return tuple(g for g in got if g is not None)

    return gradcheck(gradients, inputs + grad_outputs, eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception, nondet_tol=nondet_tol,
                     check_undefined_grad=check_undefined_grad, check_grad_dtypes=check_grad_dtypes,
                     check_batched_grad=check_batched_grad, fast_mode=fast_mode, check_forward_ad=check_fwd_over_rev,
                     check_backward_ad=check_rev_over_rev, masked=masked)


# ---------------------------------------------------------------- the check


def _check(func, inputs, eps, atol, rtol, nondet_tol, check_undefined_grad, check_grad_dtypes, masked, fast_mode):
    inputs = _as_tuple(inputs)
    _check_inputs(inputs)
    func_out = func(*inputs)
    outputs = _differentiable(func_out)
    func_out = _as_tuple(func_out)
    if any(o.is_complex() for o in func_out):
        # complex outputs: the imaginary parts are checked first, then the real parts (each a real function)
        complex_indices = [i for i, o in enumerate(outputs) if o.is_complex()]
        for part, test_imag in (("imag", True), ("real", False)):
            part_fn = _output_part(func, part)
            part_out = _as_tuple(part_fn(*inputs))
            _compare(part_fn, inputs, part_out, _differentiable(part_out), eps, atol, rtol, nondet_tol,
                     check_grad_dtypes, fast_mode, complex_indices, test_imag)
    else:
        _compare(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, fast_mode)
    if not outputs:
        return
    _backward_is_linear(outputs, inputs, masked)
    if check_undefined_grad:
        _zero_output_grads(func, outputs, inputs)


def _output_part(func, part):
    """func with torch.real (or torch.imag) applied to its complex outputs."""
    def wrapped(*args):
        return tuple(getattr(o, part) if o.is_complex() else o for o in _as_tuple(func(*args)))
    return wrapped


def _compare(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, fast_mode,
             complex_indices=None, test_imag=False):
    if not outputs:
        for per_input in _numerical(func, inputs, func_out, eps):
            for jacobian in per_input:
                if (jacobian != 0).sum() > 0:
                    raise GradcheckError("Numerical gradient for function expected to be zero")
        return
    if fast_mode and gradcheck_fast.applies(inputs, func_out):
        gradcheck_fast.check(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes,
                             complex_indices, test_imag)
    else:
        _compare_jacobians(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes,
                           complex_indices, test_imag)


def _compare_jacobians(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes,
                       complex_indices=None, test_imag=False):
    numerical = list(zip(*_numerical(func, inputs, func_out, eps)))   # [output][input]
    numerical = [nj for o, nj in zip(func_out, numerical) if o.requires_grad]
    for i, out in enumerate(outputs):
        analytical = _analytical(inputs, out, nondet_tol, check_grad_dtypes)
        for j, (a, n) in enumerate(zip(analytical, numerical[i])):
            if not _allclose(a, n, rtol, atol):
                raise GradcheckError(_mismatch(a, n, i, j, complex_indices, test_imag))


def _check_forward(func, inputs, eps, atol, rtol, check_inputs):
    """The Jacobian from forward-mode AD (one one-hot tangent per input element) against central differences."""
    inputs = _as_tuple(inputs)
    if check_inputs:
        _check_inputs(inputs)
    func_out = _as_tuple(func(*inputs))
    numerical = list(zip(*_numerical(func, inputs, func_out, eps)))   # [output][input]
    diff = [k for k, x in enumerate(inputs) if _is_tensor(x) and x.requires_grad]
    for j, k in enumerate(diff):
        x = inputs[k]
        columns = [[] for _ in func_out]
        for e in range(x.numel()):
            onehot = zeros_like(x).detach()
            onehot.view(-1)[e] = 1.0
            with forward_ad.dual_level():
                args = tuple(forward_ad.make_dual(a, onehot) if i == k else a for i, a in enumerate(inputs))
                outs = _as_tuple(func(*args))
                for i, o in enumerate(outs):
                    t = forward_ad.unpack_dual(o).tangent
                    columns[i].append(zeros_like(o).detach().reshape(-1) if t is None else t.detach().reshape(-1))
        for i, o in enumerate(func_out):
            if not o.is_floating_point():
                continue
            a = stack(columns[i]).to(dtype=o.dtype) if columns[i] else o.new_zeros((0, o.numel()))
            n = numerical[i][j]
            if not _allclose(a, n, rtol, atol):
                raise GradcheckError(f"Jacobian computed with forward mode mismatch for output {i:d} with respect "
                                     f"to input {j:d},\nnumerical:{n}\nanalytical:{a}\n")


def _check_inputs(inputs):
    any_grad = False
    for idx, x in enumerate(inputs):
        if _is_tensor(x) and x.requires_grad:
            if x.dtype not in (float64, complex128):   # (complex128 is double precision too)
                warnings.warn(f"Input #{idx} requires gradient and is not a double precision floating point or "
                              "complex. This check will likely fail if all the inputs are not of double precision "
                              "floating point or complex. ", stacklevel=4)
            if not all(st > 0 or sz <= 1 for st, sz in zip(x.stride(), x.size())):
                raise RuntimeError(f"The {idx}th input has a dimension with stride 0. gradcheck only supports "
                                   "inputs that are non-overlapping to be able to compute the numerical gradients "
                                   "correctly. You should call .contiguous on the input before passing it to "
                                   "gradcheck.")
            any_grad = True
    if not any_grad:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but none of them have "
                         "requires_grad=True.")


def _backward_is_linear(outputs, inputs, masked):
    diff = [x for x in inputs if _is_tensor(x) and x.requires_grad]
    got = grad(outputs, diff, [zeros_like(o) for o in outputs], allow_unused=True)
    for g, x in zip(got, diff):
        if g is None:
            continue
        zero = allclose(g, zeros_like(g)) if masked else bool(g.eq(0).all())
        if not zero:
            raise GradcheckError("backward not multiplied by grad_output")
        if g.dtype != x.dtype:
            raise GradcheckError("grad is incorrect type")
        if g.size() != x.size():
            raise GradcheckError("grad is incorrect size")


def _zero_output_grads(func, outputs, inputs):
    """Backward given zeros for every output (PyTorch: undefined gradients, which its nodes treat as zeros; the
    engine's nodes are given the zeros), once, then once more per output when there are several (PyTorch makes
    each one undefined in turn; with zeros every round asks the same)."""
    diff = [x for x in inputs if _is_tensor(x) and x.requires_grad]
    outs = _differentiable(func(*inputs))
    for k in range(1 + (len(outputs) if len(outs) > 1 else 0)):   # func runs as often as in PyTorch
        if k:
            outs = _differentiable(func(*inputs))
        try:
            got = grad(outs, diff, [zeros_like(o) for o in outs], allow_unused=True)
        except RuntimeError as exc:
            _warn_new_check()
            raise GradcheckError("Expected backward function to handle undefined output grads. "
                                 + _UNDEFINED_NOTE) from exc
        if any(g is not None and not bool(g.eq(0).all()) for g in got):
            _warn_new_check()
            raise GradcheckError("Expected all input grads to be undefined or zero when all output grads are "
                                 "undefined or zero. " + _UNDEFINED_NOTE)


def _warn_new_check():
    warnings.warn("Backwards compatibility: New undefined gradient support checking feature is enabled by default, "
                  "but it may break existing callers of this function. If this is true for you, you can call this "
                  'function with "check_undefined_grad=False" to disable the feature', stacklevel=4)


# ---------------------------------------------------------------- small helpers


def _differentiable(x):
    return tuple(o for o in _as_tuple(x) if o.requires_grad)


def _random_like(x, noncontiguous):
    """torch.testing.make_tensor(x.shape, low=-1, high=1, requires_grad=True) in x's floating or complex dtype
    (float64 otherwise): uniform draws from the global generator, as many as PyTorch takes (a complex tensor's real
    and imaginary parts interleaved; a noncontiguous one every other element of a twice-as-long last dimension)."""
    dtype = x.dtype if x.is_floating_point() or x.is_complex() else float64
    return make_tensor(x.shape, dtype=dtype, device="cpu", low=-1, high=1, requires_grad=True,
                       noncontiguous=noncontiguous)
