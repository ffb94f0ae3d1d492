"""torch.nn.functional.scaled_dot_product_attention: ATen's math path (the one PyTorch's CPU build records when
an input requires grad), node for node at the top: UnsafeViewBackward0 over BmmBackward0, SafeSoftmaxBackward0."""
import math

import numpy as np

from ...engine import functions as F
from ...engine import linalg as L
from ...engine import shaping as S
from ...engine.optable import OPS
from ...engine.tensor_base import apply, wrap


def _mask_values(mask, dtype):
    """A boolean mask becomes 0 where True and -inf where False; a float mask is added as it is."""
    if mask._data.dtype == np.bool_:
        return wrap(np.where(mask._data, dtype.type(0), dtype.type(-np.inf)))
    return mask


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None,
                                 enable_gqa=False):
    """softmax(q k^T * scale + mask) v, with q and k each scaled by sqrt(scale) first (PyTorch's order)."""
    dt = query._data.dtype
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
