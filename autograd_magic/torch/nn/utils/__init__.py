"""torch.nn.utils: gradient clipping; torch.nn.utils.rnn: padding and packing a batch of sequences."""
import numpy as np

from ....engine.shaping import cat
from ....engine.tensor import Tensor
from . import rnn  # noqa: F401  (torch.nn.utils.rnn)


def _grads(parameters):
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    return [p._grad for p in parameters if p._grad is not None]


def _vector_norm(a, norm_type):
    a = np.abs(a)
    if norm_type == float("inf"):
        return a.max() if a.size else a.dtype.type(0)
    if norm_type == 2:
        return np.sqrt(np.add.reduce((a * a).reshape(-1)))
    p = a.dtype.type(norm_type)
    return np.add.reduce((a ** p).reshape(-1)) ** (1 / p)


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Scale the gradients so that their joint norm is at most max_norm; returns the norm before scaling.

    As PyTorch: the norm of the per-tensor norms, then every gradient times min(max_norm / (norm + 1e-6), 1).
    """
    grads = _grads(parameters)
    norm_type = float(norm_type)
    if not grads:
        return Tensor._wrap(np.asarray(0.0, np.float32))
    norms = np.stack([np.asarray(_vector_norm(g._data, norm_type)) for g in grads])
    total = np.asarray(_vector_norm(norms, norm_type), norms.dtype)
    if error_if_nonfinite and not np.isfinite(total):
        raise RuntimeError(f"The total norm of order {norm_type} for gradients from `parameters` is non-finite, so "
                           "it cannot be clipped. To disable this error and scale the gradients by the non-finite "
                           "norm anyway, set `error_if_nonfinite=False`")
    coef = np.minimum(total.dtype.type(max_norm) / (total + total.dtype.type(1e-6)), total.dtype.type(1.0))
    for g in grads:
        g._data *= coef.astype(g._data.dtype)
    return Tensor._wrap(total)


def clip_grad_value_(parameters, clip_value, foreach=None):
    """Clamp every gradient element into [-clip_value, clip_value], in place."""
    for g in _grads(parameters):
        np.clip(g._data, -clip_value, clip_value, out=g._data)


def parameters_to_vector(parameters):
    return cat([p.reshape(-1) for p in parameters])
