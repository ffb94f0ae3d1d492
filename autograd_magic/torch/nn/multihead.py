"""nn.MultiheadAttention, built and initialised as PyTorch builds it: packed in_proj_weight (or q/k/v_proj_weight
when kdim or vdim differ), out_proj, the same draws after manual_seed and the same repr; forward is
F.multi_head_attention_forward (functional_mha.py), with the mask handling of PyTorch's eval-mode fast path where
PyTorch takes it (_fast_path)."""
import numpy as np

from ...engine.tensor import Tensor
from ..device import mode_active as _mode_active
from ..grad_mode import is_grad_enabled
from .functional_mha import _canonical_mask, _native_masks, _none_or_dtype, multi_head_attention_forward
from .init import constant_, xavier_normal_, xavier_uniform_
from .layers import Linear
from .module import Module, Parameter, factory_np_dtype


def _empty(shape, dtype, device=None):
    return Tensor._wrap(np.empty(shape, factory_np_dtype(device, dtype)))


class NonDynamicallyQuantizableLinear(Linear):
    __module__ = "torch.nn.modules.linear"


class MultiheadAttention(Module):
    """Attention over num_heads heads of embed_dim // num_heads features each, with packed in_proj_weight
    (3E, E) (or q/k/v_proj_weight when kdim or vdim differ from embed_dim) and out_proj."""
    __module__ = "torch.nn.modules.activation"

    def __init__(self, embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False, add_zero_attn=False,
                 kdim=None, vdim=None, batch_first=False, device=None, dtype=None):
        if embed_dim <= 0 or num_heads <= 0:
            raise ValueError(f"embed_dim and num_heads must be greater than 0, got embed_dim={embed_dim} and "
                             f"num_heads={num_heads} instead")
        super().__init__()
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.batch_first = batch_first
        self.head_dim = embed_dim // num_heads
        if self.head_dim * num_heads != self.embed_dim:
            raise AssertionError("embed_dim must be divisible by num_heads")
        if not self._qkv_same_embed_dim:
            self.q_proj_weight = Parameter(_empty((embed_dim, embed_dim), dtype, device))
            self.k_proj_weight = Parameter(_empty((embed_dim, self.kdim), dtype, device))
            self.v_proj_weight = Parameter(_empty((embed_dim, self.vdim), dtype, device))
            self.register_parameter("in_proj_weight", None)
        else:
            self.in_proj_weight = Parameter(_empty((3 * embed_dim, embed_dim), dtype, device))
            self.register_parameter("q_proj_weight", None)
            self.register_parameter("k_proj_weight", None)
            self.register_parameter("v_proj_weight", None)
        if bias:
            self.in_proj_bias = Parameter(_empty((3 * embed_dim,), dtype, device))
        else:
            self.register_parameter("in_proj_bias", None)
        self.out_proj = NonDynamicallyQuantizableLinear(embed_dim, embed_dim, bias=bias, dtype=dtype)
        if add_bias_kv:
            self.bias_k = Parameter(_empty((1, 1, embed_dim), dtype, device))
            self.bias_v = Parameter(_empty((1, 1, embed_dim), dtype, device))
        else:
            self.bias_k = self.bias_v = None
        self.add_zero_attn = add_zero_attn
        self._reset_parameters()

    def _reset_parameters(self):
        if self._qkv_same_embed_dim:
            xavier_uniform_(self.in_proj_weight)
        else:
            xavier_uniform_(self.q_proj_weight)
            xavier_uniform_(self.k_proj_weight)
            xavier_uniform_(self.v_proj_weight)
        if self.in_proj_bias is not None:
            constant_(self.in_proj_bias, 0.0)
            constant_(self.out_proj.bias, 0.0)
        if self.bias_k is not None:
            xavier_normal_(self.bias_k)
        if self.bias_v is not None:
            xavier_normal_(self.bias_v)

    def forward(self, query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
                average_attn_weights=True, is_causal=False):
        """(output, attention weights or None); inputs (L, N, E), (N, L, E) with batch_first, or unbatched."""
        is_batched = query.dim() == 3
        float_masks = any(m is not None and m.is_floating_point() for m in (attn_mask, key_padding_mask))
        key_padding_mask = _canonical_mask(key_padding_mask, "key_padding_mask", _none_or_dtype(attn_mask),
                                           "attn_mask", query.dtype)
        attn_mask = _canonical_mask(attn_mask, "attn_mask", None, "", query.dtype, check_other=False)
        if not float_masks and self._fast_path(query, key, value):
            # PyTorch's _native_multi_head_attention: the merged mask must fit (batch, heads, L, L), is_causal is
            # ignored, and its masked softmax leaves fully masked rows NaN whether or not weights are asked for
            merged, mask_type = self.merge_masks(attn_mask, key_padding_mask, query)
            if self.in_proj_bias is not None:
                attn_mask, key_padding_mask = _native_masks(merged, mask_type, query.shape[0], self.num_heads,
                                                            query.shape[1], query.dtype)
                out, weights = self._slow_forward(query, key, value, key_padding_mask, True, attn_mask,
                                                  average_attn_weights, False)
                return out, (weights if need_weights else None)
        return self._slow_forward(query, key, value, key_padding_mask, need_weights, attn_mask,
                                  average_attn_weights, is_causal)

    def _fast_path(self, query, key, value):
        """Whether PyTorch's forward takes the fused eval-mode path (its why_not_fast_path is empty)."""
        if query.dim() != 3 or query is not key or key is not value or self.in_proj_weight is None:
            return False
        if self.in_proj_bias is not None and query.dtype != self.in_proj_bias.dtype:
            return False
        if query.dtype != self.in_proj_weight.dtype or self.training or self.num_heads % 2 or not self.batch_first:
            return False
        if self.bias_k is not None or self.bias_v is not None or self.add_zero_attn or not self._qkv_same_embed_dim:
            return False
        if _mode_active():   # (PyTorch: "some Tensor argument has_torch_function", set_default_device's mode)
            return False
        args = (query, self.in_proj_weight, self.in_proj_bias, self.out_proj.weight, self.out_proj.bias)
        return not (is_grad_enabled() and any(t is not None and t.requires_grad for t in args))

    def merge_masks(self, attn_mask, key_padding_mask, query):
        """(merged mask, mask type): the key padding mask alone is type 1; with an attn_mask both are expanded to
        (batch, num_heads, L, L) and added, type 2."""
        merged = mask_type = None
        if key_padding_mask is not None:
            merged, mask_type = key_padding_mask, 1
        if attn_mask is not None:
            batch_size, seq_len, _ = query.shape
            mask_type = 2
            if attn_mask.dim() == 3:
                merged = attn_mask.view(batch_size, -1, seq_len, seq_len)
            else:
                merged = attn_mask.view(1, 1, seq_len, seq_len).expand(batch_size, self.num_heads, -1, -1)
            if key_padding_mask is not None:
                merged = merged + key_padding_mask.view(batch_size, 1, 1, seq_len).expand(-1, self.num_heads, -1, -1)
        return merged, mask_type

    def _slow_forward(self, query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights,
                      is_causal):
        is_batched = query.dim() == 3
        if self.batch_first and is_batched:
            if key is value:  # keep the `is` relations: they choose the packed projection
                if query is key:
                    query = key = value = query.transpose(1, 0)
                else:
                    query, key = (x.transpose(1, 0) for x in (query, key))
                    value = key
            else:
                query, key, value = (x.transpose(1, 0) for x in (query, key, value))
        separate = {} if self._qkv_same_embed_dim else dict(
            use_separate_proj_weight=True, q_proj_weight=self.q_proj_weight, k_proj_weight=self.k_proj_weight,
            v_proj_weight=self.v_proj_weight)
        out, weights = multi_head_attention_forward(
            query, key, value, self.embed_dim, self.num_heads, self.in_proj_weight, self.in_proj_bias, self.bias_k,
            self.bias_v, self.add_zero_attn, self.dropout, self.out_proj.weight, self.out_proj.bias,
            training=self.training, key_padding_mask=key_padding_mask, need_weights=need_weights,
            attn_mask=attn_mask, average_attn_weights=average_attn_weights, is_causal=is_causal, **separate)
        if self.batch_first and is_batched:
            return out.transpose(1, 0), weights
        return out, weights
