# Imitates the Examples blocks of the PyTorch documentation for F.scaled_dot_product_attention (attn_mask bool and
# float, is_causal, scale, enable_gqa, dropout_p=0 and its reference implementation), F.unfold / F.fold,
# F.gumbel_softmax (tau, hard=True), F.dropout1d / dropout2d / dropout3d / alpha_dropout / feature_alpha_dropout
# (training=True) and F.local_response_norm, typed in with seeds: values, shapes, grads and errors.
import math
import torch
import torch.nn.functional as F

torch.manual_seed(0)

# %%
# Efficient implementation equivalent to the following:
def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0,
        is_causal=False, scale=None, enable_gqa=False) -> torch.Tensor:
    L, S = query.size(-2), key.size(-2)
    scale_factor = 1 / math.sqrt(query.size(-1)) if scale is None else scale
    attn_bias = torch.zeros(L, S, dtype=query.dtype, device=query.device)
    if is_causal:
        assert attn_mask is None
        temp_mask = torch.ones(L, S, dtype=torch.bool).tril(diagonal=0)
        attn_bias.masked_fill_(temp_mask.logical_not(), float("-inf"))
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            attn_bias.masked_fill_(attn_mask.logical_not(), float("-inf"))
        else:
            attn_bias = attn_mask + attn_bias
    if enable_gqa:
        key = key.repeat_interleave(query.size(-3)//key.size(-3), -3)
        value = value.repeat_interleave(query.size(-3)//value.size(-3), -3)
    attn_weight = query @ key.transpose(-2, -1) * scale_factor
    attn_weight += attn_bias
    attn_weight = torch.softmax(attn_weight, dim=-1)
    attn_weight = torch.dropout(attn_weight, dropout_p, train=True)
    return attn_weight @ value

q = torch.randn(2, 4, 5, 8, requires_grad=True)
k = torch.randn(2, 4, 6, 8)
v = torch.randn(2, 4, 6, 8)
mask = torch.rand(5, 6) > 0.3
fmask = torch.randn(5, 6)
for kw in [{}, {"attn_mask": mask}, {"attn_mask": fmask}, {"is_causal": True}, {"scale": 0.5}]:
    a = F.scaled_dot_product_attention(q, k, v, **kw)
    b = scaled_dot_product_attention(q, k, v, **kw)
    print(kw.keys(), a.shape, (a - b).abs().max() < 1e-5, a.grad_fn.name())
print(a[0, 0, :2])

# %%
query = torch.randn(2, 8, 5, 4, requires_grad=True)
key = torch.randn(2, 2, 7, 4)
value = torch.randn(2, 2, 7, 4)
out = F.scaled_dot_product_attention(query, key, value, enable_gqa=True)
print(out.shape)
print((out - scaled_dot_product_attention(query, key, value, enable_gqa=True)).abs().max() < 1e-5)
out.sum().backward()
print(query.grad[0, 0])
full = torch.zeros(5, 5, dtype=torch.bool)
o = F.scaled_dot_product_attention(query[:, :, :, :], query, query, attn_mask=full)
print(o[0, 0])
for make in [lambda: F.scaled_dot_product_attention(query, key, value),
             lambda: F.scaled_dot_product_attention(query, query, query, attn_mask=full, is_causal=True),
             lambda: F.scaled_dot_product_attention(query, query, query[..., :3]).shape,
             lambda: F.scaled_dot_product_attention(query, query, query, attn_mask=torch.ones(3, 5)),
             lambda: F.scaled_dot_product_attention(query, query.double(), query),
             lambda: F.scaled_dot_product_attention(query[0, 0, 0], query[0, 0, 0], query[0, 0, 0]),
             lambda: F.scaled_dot_product_attention(query, query, query, attn_mask=torch.ones(5, 5, dtype=torch.long))]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# %%
logits = torch.randn(20, 32)
# Sample soft categorical using reparametrization trick:
s = F.gumbel_softmax(logits, tau=1, hard=False)
print(s.shape, s.sum(-1)[:3], s[0, :4])
# Sample hard categorical using "Straight-through" trick:
h = F.gumbel_softmax(logits, tau=1, hard=True)
print(h.sum(-1)[:3], h.argmax(-1)[:6], h.dtype)
l = torch.randn(3, 4, requires_grad=True)
y = F.gumbel_softmax(l, tau=0.5, hard=True, dim=0)
print(y, y.grad_fn.name())
(y * torch.arange(4.0)).sum().backward()
print(l.grad)

# %%
x = torch.randn(2, 4, 3)
torch.manual_seed(1)
print(F.dropout1d(x, p=0.5, training=True))
print(F.dropout1d(x[0], p=0.5))
x2 = torch.randn(1, 4, 2, 2)
print(F.dropout2d(x2, p=0.5, training=True))
print(F.dropout3d(torch.ones(1, 3, 1, 2, 2), p=0.5))
print(F.alpha_dropout(torch.randn(2, 4), p=0.3, training=True))
print(F.feature_alpha_dropout(torch.randn(1, 4, 2), p=0.3, training=True))
print(F.alpha_dropout(torch.randn(2, 4), p=0.3), F.dropout1d(x, p=1.0).abs().sum())
for make in [lambda: F.dropout1d(torch.randn(2, 3, 4, 5)), lambda: F.dropout2d(x, p=1.5),
             lambda: F.alpha_dropout(x, p=-0.1), lambda: F.dropout3d(torch.randn(3, 4)),
             lambda: F.feature_alpha_dropout(x, p=2.0)]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)

# %%
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(F.dropout2d(torch.ones(3, 4, 2), p=0.5).shape)
    print(F.dropout3d(torch.ones(3, 4, 2, 2), p=0.5).shape)
for x in w:
    print(x.category.__name__, x.message)

# %%
x = torch.arange(24.0).view(1, 6, 2, 2).requires_grad_()
y = F.local_response_norm(x, size=3)
print(y[0, :, 0, 0])
y.sum().backward()
print(x.grad[0, :, 0, 0])
print(F.local_response_norm(torch.randn(2, 4, 5), 2, alpha=1e-2, beta=0.5, k=2.0)[0])
print(F.local_response_norm(torch.randn(1, 3, 2, 2, 2), 4)[0, :, 0, 0])
for make in [lambda: F.local_response_norm(torch.randn(3, 4), 2),
             lambda: F.local_response_norm(torch.randn(0, 3, 4), 2)]:
    try:
        print(make().shape)
    except Exception as e:
        print(type(e).__name__, e)
