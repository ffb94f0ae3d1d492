# Imitates a padding-mask debugging post: fully masked rows give NaN after softmax, how -inf, finfo.min and
# masked_fill behave, what SDPA and MultiheadAttention do there, and the gradients that flow (or NaN) back.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
scores = torch.randn(2, 3, 3, requires_grad=True)
pad = torch.tensor([[True, True, False], [True, True, True]])
masked = scores.masked_fill(~pad[:, None, :], float('-inf'))
p = masked.softmax(-1)
print(p[0, 0], p[1, 0])
m2 = scores.masked_fill(~pad[:, None, :].clone().fill_(False), float('-inf'))
print(m2.softmax(-1)[0, 0])

# %%
allmask = torch.full((1, 3), float('-inf'), requires_grad=True)
sm = allmask.softmax(-1)
print(sm)
sm.sum().backward()
print(allmask.grad)

# %%
neg = scores.masked_fill(~pad[:, None, :], torch.finfo(scores.dtype).min)
p2 = neg.softmax(-1)
print(p2[0, 1])
allm = torch.zeros(1, 3).masked_fill(torch.ones(1, 3, dtype=torch.bool), torch.finfo(torch.float32).min)
print(allm.softmax(-1), torch.finfo(torch.float32).min)

# %%
q = torch.randn(1, 1, 3, 4)
k = torch.randn(1, 1, 3, 4)
v = torch.randn(1, 1, 3, 4)
bm = torch.tensor([[True, False, False], [False, False, False], [True, True, True]])
print(F.scaled_dot_product_attention(q, k, v, attn_mask=bm))
fm = torch.zeros(3, 3).masked_fill(~bm, float('-inf'))
print(F.scaled_dot_product_attention(q, k, v, attn_mask=fm))

# %%
mha = nn.MultiheadAttention(4, 1, batch_first=True)
x = torch.randn(2, 3, 4)
kpm = torch.tensor([[False, False, True], [True, True, True]])
o, w = mha(x, x, x, key_padding_mask=kpm)
print(o[1], w[1])
o.nan_to_num(0.0).sum().backward()
print(mha.in_proj_weight.grad.isnan().any())

# %%
lengths = torch.tensor([3, 1])
mask = torch.arange(3)[None, :] < lengths[:, None]
vals = torch.randn(2, 3, requires_grad=True)
mean = (vals * mask).sum(1) / mask.sum(1)
mx = vals.masked_fill(~mask, float('-inf')).max(1).values
print(mask, mean, mx)
(mean.sum() + mx.sum()).backward()
print(vals.grad)
