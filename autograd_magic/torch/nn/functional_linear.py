"""torch.nn.functional's linear and dropout (re-exported by functional.py; multi-head attention uses them too)."""
import numpy as np

from ...engine import argcheck, autocast as _ac
from ...engine import batching as _batching
from ...engine import forward_ad as _fw
from ...engine import linalg as L
from ...engine import shaping as S
from ...engine.tensor import Tensor


def linear(input, weight, bias=None):
    """input @ weight.T + bias, recorded as PyTorch records it (AddmmBackward0 between views)."""
    if _ac.CPU.dtype is not None:   # inside torch.autocast: computed in its dtype (engine/autocast.py)
        input, weight, bias = _ac.lower(input, weight, bias)
    for name, position, value in (("input", 1, input), ("weight", 2, weight)):
        if not isinstance(value, Tensor):   # (a model called on a numpy array: PyTorch's TypeError)
            raise TypeError(f"linear(): argument '{name}' (position {position}) must be Tensor, not "
                            f"{argcheck.tp_name(value)}")
    if input.ndim == 0 or weight.ndim == 0:
        raise RuntimeError(f"both arguments to linear need to be at least 1D, but they are {input.ndim}D and "
                           f"{weight.ndim}D")
    wt = S.t(weight)
    if bias is not None and _batching.TRANSFORMS and _decomposed(input, weight, bias):   # (a transform runs)
        return L.matmul(input, wt) + bias
    if input.ndim == 2:
        return L.addmm(bias, input, wt) if bias is not None else L.mm(input, wt)
    if bias is None:
        return L.matmul(input, wt)
    # ATen flattens a contiguous input into one addmm when the bias is 1-d (or 1-d but for dims of size 1)
    fusable = (bias.ndim == 1 or sum(n != 1 for n in bias.shape) == 1) and bias._data.flags.c_contiguous
    if not fusable or not input._data.flags.c_contiguous:   # otherwise a matmul, then bias added in place
        out = L.matmul(input, wt)           # (out of place for a bias with a forward-mode tangent)
        return out + bias if _fw.tangent(bias) is not None else out.add_(bias)
    flat = S.view(input, -1, input.shape[-1])
    return S.view(L.addmm(bias, flat, wt), *input.shape[:-1], weight.shape[0])


def _decomposed(input, weight, bias):
    """Whether PyTorch computes linear as matmul, then add, under the torch.func transforms running: a vmap over any
    of its tensors (its batching rule), or an input that is neither 2-d nor 3-d inside any transform (the fused
    flattening path is not taken there)."""
    if not _batching.TRANSFORMS:
        return False
    if any(_batching.batched_by(t) is not None for t in (input, weight, bias)):
        return True
    return input.ndim not in (2, 3)


def dropout(input, p=0.5, training=True, inplace=False):
    """Zero each element with probability p and scale the rest by 1 / (1 - p): PyTorch's draws (bernoulli_ on a
    tensor like the input), then input * noise."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not isinstance(input, Tensor):
        raise TypeError(f"dropout(): argument 'input' (position 1) must be Tensor, not {argcheck.tp_name(input)}")
    if not training or p == 0 or input.numel() == 0:
        return input
    if p == 1:  # no draws: input times a zero
        noise = Tensor._wrap(np.zeros((), input._data.dtype))
    else:
        noise = _memory_order_noise(input._data, 1 - p)
    return input.mul_(noise) if inplace else input * noise


def _memory_order_noise(a, keep):
    """bernoulli_(keep) / keep on a tensor laid out like a (empty_like keeps a's strides): PyTorch's generator
    fills it in memory order, so a transposed input (multi-head attention's output) gets its draws that way."""
    if a.flags.c_contiguous or a.ndim < 2:
        return Tensor._wrap(np.empty_like(a)).bernoulli_(keep).div_(keep)
    order = sorted(range(a.ndim), key=lambda i: (-a.strides[i], i))
    noise = Tensor._wrap(np.empty(tuple(a.shape[i] for i in order), a.dtype)).bernoulli_(keep).div_(keep)
    return noise.permute(*np.argsort(order).tolist())
