"""torch.renorm / Tensor.renorm(_): each slice along dim whose p-norm exceeds maxnorm scaled down to it
(RenormBackward0). The forward is ATen's renorm_out: the norm over the other dims in the input's dtype, the factor
maxnorm / (norm + 1e-7) where norm > maxnorm, else 1. The gradient is FunctionsManual's renorm_backward, computed in
float64 for float32 input (the CPU accumulate type), as PyTorch computes it."""
import numpy as np

from . import dtypes
from .ops_shape import _norm, norm_vjp
from .optable import OPS, defop
from .tensor_base import _dim, apply, inplace


def _renorm(a, p, dims, maxnorm):
    norm = _norm(a, p, dims, True)
    m = a.dtype.type(maxnorm)
    return a * np.where(norm > m, m / (norm + a.dtype.type(1e-7)), a.dtype.type(1)).astype(a.dtype, copy=False)


@defop("renorm", "RenormBackward0", _renorm, saves=(0,))
def renorm_vjp(xp, grad, saved, consts, needs):
    """maxnorm / norm * (grad - (d norm / d self) * sum(self * grad) / norm) where norm > maxnorm, else grad."""
    a, = saved
    p, dims, maxnorm = consts
    if xp.is_numpy:
        acc = a.astype(np.float64)
        go = (a * grad).astype(np.float64).sum(axis=dims, keepdims=True)
    else:
        acc, go = a, xp.sum(a * grad, dims, True)
    norm = xp.call("norm", (acc,), p, dims, True) if not xp.is_numpy else _norm(acc, p, dims, True)
    nb = norm_vjp(xp, go, (acc, norm), (p, dims, True), (True,))[0]
    invnorm = 1.0 / (norm + 1e-7)
    grad_norm = invnorm * maxnorm * (grad - invnorm * (0.0 if nb is None else nb))
    if xp.is_numpy:
        grad_norm = grad_norm.astype(grad.dtype)
    return (xp.where(norm > maxnorm, grad_norm, grad),)


def renorm(input, p, dim, maxnorm):
    """ATen's checks and messages, in its order (meta function, dim, vector_norm's dtype check)."""
    if not float(p) > 0:
        raise RuntimeError("renorm: non-positive-norm not supported")
    if not float(maxnorm) >= 0:
        raise RuntimeError(f"renorm: expected maxnorm to be >= 0 but got {float(maxnorm):g}")
    if input._data.ndim < 2:
        raise RuntimeError(f"renorm: input needs at least 2 dimensions, got {input._data.ndim} dimensions")
    d = _dim(dim, input._data.ndim)
    if not dtypes.is_float_np(input._data.dtype):
        raise RuntimeError(f"linalg.vector_norm: Expected a floating point or complex tensor as input. Got "
                           f"{input.dtype.scalar_name}")
    dims = tuple(i for i in range(input._data.ndim) if i != d)
    return apply(OPS["renorm"], (input,), float(p), dims, float(maxnorm))


FUNCTIONS = {"renorm": renorm}
METHODS = {"renorm": renorm, "renorm_": lambda self, p, dim, maxnorm: inplace(renorm, self, p, dim, maxnorm)}
