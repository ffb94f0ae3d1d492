"""torch.nn.functional.scaled_dot_product_attention, on the backend PyTorch's CPU build picks: the fused kernel
(one ScaledDotProductFlashAttentionForCpuBackward0 node) for 4-d inputs without dropout, as
sdp_utils_cpp.cpp's use_flash_attention_cpp decides; otherwise ATen's math path, node for node at the top:
UnsafeViewBackward0 over BmmBackward0, SafeSoftmaxBackward0."""
import math

import numpy as np

from ...engine import autocast as _ac
from ...engine import dtypes
from ...engine import functions as F
from ...engine import linalg as L
from ...engine import shaping as S
from ...engine.optable import OPS
from ...engine.tensor_base import apply, wrap
from .attention import cpu_backends


def _mask_values(mask, dtype):
    """A boolean mask becomes 0 where True and -inf where False; a float mask is added as it is."""
    if mask._data.dtype == np.bool_:
        return wrap(np.where(mask._data, dtype.type(0), dtype.type(-np.inf)))
    return mask


def _flash_applies(query, key, value, attn_mask, dropout_p, enable_gqa):
    """use_flash_attention_cpp's gates (PyTorch 2.13, sdp_utils_cpp.cpp)."""
    q, k, v = query._data, key._data, value._data
    if dropout_p > 0.0 or not (q.ndim == k.ndim == v.ndim == 4):
        return False
    heads_ok = q.shape[1] == k.shape[1] == v.shape[1] or (
        enable_gqa and k.shape[1] == v.shape[1] and k.shape[1] and q.shape[1] % k.shape[1] == 0)
    if not (q.shape[0] == k.shape[0] == v.shape[0] and heads_ok):
        return False
    if not q.shape[-1] == k.shape[-1] == v.shape[-1] or q.shape[2] == 0 or k.shape[2] == 0:
        return False
    if any(a.strides[-1] != a.itemsize for a in (q, k, v)) or q.dtype.kind != "f" or q.dtype.itemsize < 4:
        return False
    if attn_mask is not None:
        m = attn_mask.shape
        if attn_mask.requires_grad or m[-2] not in (q.shape[2], 1) or m[-1] not in (k.shape[2], 1):
            return False
        if len(m) == 4:
            return m[0] in (1, q.shape[0]) and m[1] in (1, q.shape[1])
        return len(m) == 2
    return True


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None,
                                 enable_gqa=False):
    """softmax(q k^T * scale + mask) v, with q and k each scaled by sqrt(scale) first (PyTorch's order)."""
    if _ac.CPU.dtype is not None:   # (PyTorch's bfloat16 flash kernel rounds once: the engine's steps would not)
        _ac.refuse("scaled_dot_product_attention")
    if any(t._data.dtype is dtypes.BF16_NP for t in (query, key, value)):
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: scaled_dot_product_attention on "
                                  "torch.bfloat16 tensors is not part of it")
    dt = query._data.dtype
    flash_ok, math_ok = cpu_backends()   # torch.nn.attention.sdpa_kernel's choice
    if not (flash_ok or math_ok):
        raise RuntimeError("No viable backend for scaled_dot_product_attention was found. This is likely due to "
                           "turning off both the math kernel and the fused kernels.")
    # (an explicit mask with is_causal=True: PyTorch's flash kernel applies both; the math path below refuses it)
    if flash_ok and _flash_applies(query, key, value, attn_mask, dropout_p, enable_gqa):
        mask = None if attn_mask is None else _mask_values(attn_mask, dt)._data.astype(dt, copy=False)
        factor = 1.0 / math.sqrt(query.shape[-1]) if scale is None else scale
        return apply(OPS["sdpa_flash"], (query, key, value), mask, bool(is_causal), factor)
    if not math_ok:
        raise RuntimeError("No available kernel.  Aborting execution.")
    negative = scale is not None and scale < 0
    base = 1.0 / math.sqrt(query.shape[-1]) if scale is None else abs(scale)
    factor = math.sqrt(base)
    q = apply(OPS["mul_scalar"], (query,), -factor if negative else factor)
    if is_causal:
        if attn_mask is not None:
            raise RuntimeError("_scaled_dot_product_attention: Explicit attn_mask should not be set when "
                               "is_causal=True")
        n_q, n_k = query.shape[-2], key.shape[-2]
        attn_mask = wrap(np.tril(np.ones((n_q, n_k), np.bool_)))
    if enable_gqa and key.shape[-3] != query.shape[-3]:
        groups = query.shape[-3] // key.shape[-3]
        key = key.repeat_interleave(groups, -3)
        value = value.repeat_interleave(groups, -3)
    attn = L.matmul(q, apply(OPS["mul_scalar"], (S.transpose(key, -2, -1),), factor))
    if attn_mask is not None:
        attn = F.add(attn, _mask_values(attn_mask, dt))
    attn = apply(OPS["safe_softmax"], (attn,), attn.ndim - 1)
    if dropout_p > 0.0:  # at::dropout, as F.dropout draws it
        attn = attn * wrap(np.empty_like(attn._data)).bernoulli_(1 - dropout_p).div_(1 - dropout_p)
    return L.matmul(attn, value)
