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
from ...engine.arg_parser import parsed
from ...engine.tensor_base import apply, wrap
from .attention import cpu_backends


def _mask_values(mask, dtype):
    """convert_boolean_attn_mask: a boolean mask becomes 0 where True and -inf where False, in the query's dtype; a
    float mask is added as it is."""
    if mask._data.dtype == np.bool_:
        return wrap(np.where(mask._data, dtype.type(0), dtype.type(-np.inf)))
    return mask


def _validate(query, key, value, attn_mask):
    """validate_sdpa_input (PyTorch 2.13, attention.cpp): the checks made before a backend is chosen."""
    dq, dk, dv = query.dtype, key.dtype, value.dtype
    if not dq == dk == dv:
        raise RuntimeError(f"Expected query, key, and value to have the same dtype, but got query.dtype: {dq.c_name} "
                           f"key.dtype: {dk.c_name} and value.dtype: {dv.c_name} instead.")
    if min(query.ndim, key.ndim, value.ndim) < 2:
        raise RuntimeError(f"Expected query, key, and value to all be  at least 2 dimensional, but got query.dim: "
                           f"{query.ndim} key.dim: {key.ndim} and value.dim: {value.ndim} instead.")
    if attn_mask is not None and attn_mask._data.dtype not in (np.bool_, np.float32, query._data.dtype):
        raise RuntimeError(f"Expected attn_mask dtype to be bool or float or to match query dtype, but got "
                           f"attn_mask.dtype: {attn_mask.dtype.c_name} and  query.dtype: {dq.c_name} instead.")


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
    if any(a.strides[-1] != a.itemsize for a in (q, k, v)) or not (q.dtype.kind == "f" or q.dtype is dtypes.BF16_NP):
        return False
    if attn_mask is not None:
        m = attn_mask.shape
        if attn_mask.requires_grad or m[-2] not in (q.shape[2], 1) or m[-1] not in (k.shape[2], 1):
            return False
        if len(m) == 4:
            return m[0] in (1, q.shape[0]) and m[1] in (1, q.shape[1])
        return len(m) == 2
    return True


def _grouped(query, key, value, enable_gqa):
    """pre_process_group_query_attention_input: with enable_gqa, key and value each repeated for the query heads
    that share them."""
    if not enable_gqa:
        return key, value
    hq, hk, hv = query.shape[-3], key.shape[-3], value.shape[-3]
    if hq == hk == hv:
        return key, value
    if not (hk and hv and hq % hk == 0 and hq % hv == 0):
        raise RuntimeError("Number of heads in key and value must divide the number of heads in ")
    return key.repeat_interleave(hq // hk, -3), value.repeat_interleave(hq // hv, -3)


def _scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, *, scale=None,
                                  enable_gqa=False):
    """softmax(q k^T * scale + mask) v, with q and k each scaled by sqrt(scale) first (PyTorch's order)."""
    if _ac.CPU.dtype is not None:   # (one of autocast's lower-precision ops)
        query, key, value = _ac.lower(query, key, value)
        if attn_mask is not None:   # (a float mask is cast too; a boolean one is not)
            attn_mask, = _ac.lower(attn_mask)
    _validate(query, key, value, attn_mask)
    dropout_p = float(dropout_p)
    dt = query._data.dtype
    flash_ok, math_ok = cpu_backends()   # torch.nn.attention.sdpa_kernel's choice
    if not (flash_ok or math_ok):
        raise RuntimeError("No viable backend for scaled_dot_product_attention was found. This is likely due to "
                           "turning off both the math kernel and the fused kernels.")
    # (an explicit mask with is_causal=True: PyTorch's flash kernel applies both; the math path below refuses it)
    if flash_ok and _flash_applies(query, key, value, attn_mask, dropout_p, enable_gqa):
        if dropout_p != 0.0:   # (a negative one: the gates let it through, the kernel refuses it)
            raise RuntimeError("scaled_dot_product_attention_flash_attention: Currently do not support dropout > 0")
        mask = None if attn_mask is None else _mask_values(attn_mask, dt)._data
        if mask is not None and dt != np.float16 and dt is not dtypes.BF16_NP:
            mask = mask.astype(dt, copy=False)
        factor = 1.0 / math.sqrt(query.shape[-1]) if scale is None else scale
        return apply(OPS["sdpa_flash"], (query, key, value), mask, bool(is_causal), factor)
    if not math_ok:
        raise RuntimeError("No available kernel.  Aborting execution.")
    mask = None if attn_mask is None else _mask_values(attn_mask, dt)
    region, _ac.CPU.dtype = _ac.CPU.dtype, None   # (autocast cast the inputs above; the steps inside run as they are)
    try:
        return _math(query, key, value, mask, dropout_p, is_causal, scale, enable_gqa)
    finally:
        _ac.CPU.dtype = region


def _times(t, factor):
    """t times a Python float (an integer or bool t: the product is in the default dtype)."""
    return apply(OPS["mul_scalar"], (t,), factor) if t._data.dtype.kind in "fc" else t * factor


def _math(query, key, value, attn_mask, dropout_p, is_causal, scale, enable_gqa):
    """_scaled_dot_product_attention_math: half and bfloat16 computed in float32 and cast back at the end; the mask
    added in place to the scores; _safe_softmax; at::dropout."""
    origin = query.dtype
    if query._data.dtype == np.float16 or query._data.dtype is dtypes.BF16_NP:
        query, key, value = (t.to(dtypes.float32) for t in (query, key, value))
    negative = scale is not None and scale < 0
    base = 1.0 / math.sqrt(query.shape[-1]) if scale is None else abs(scale)
    factor = math.sqrt(base)
    q = _times(query, -factor if negative else factor)
    if is_causal:
        if attn_mask is not None:
            raise RuntimeError("_scaled_dot_product_attention: Explicit attn_mask should not be set when "
                               "is_causal=True")
        n_q, n_k = query.shape[-2], key.shape[-2]
        attn_mask = _mask_values(wrap(np.tril(np.ones((n_q, n_k), np.bool_))), query._data.dtype)
    key, value = _grouped(query, key, value, enable_gqa)
    attn = L.matmul(q, _times(S.transpose(key, -2, -1), factor))
    if attn_mask is not None:
        attn = attn.add_(attn_mask)
    attn = F.softmax(attn, -1) if attn._data.dtype.kind == "c" else apply(OPS["safe_softmax"], (attn,), attn.ndim - 1)
    if dropout_p > 0.0:  # at::dropout: input * noise (times a zero for p = 1)
        if dropout_p > 1.0:
            raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {dropout_p}")
        if dropout_p == 1.0:
            noise = wrap(np.zeros((), attn._data.dtype))
        else:
            noise = wrap(np.empty_like(attn._data)).bernoulli_(1 - dropout_p).div_(1 - dropout_p)
        attn = attn * noise
    out = L.matmul(attn, value)
    return out.to(origin) if out.dtype != origin else out


scaled_dot_product_attention = parsed(
    _scaled_dot_product_attention, "scaled_dot_product_attention",
    ["(Tensor query, Tensor key, Tensor value, Tensor attn_mask = None, float dropout_p = 0.0, bool is_causal = "
     "False, *, float scale = None, bool enable_gqa = False)"], method=False)
scaled_dot_product_attention.__module__ = __name__
