# Imitates position-bias and sparse-mask blog posts: ALiBi slopes (powers of two, non-power-of-two head counts) and
# the linear distance bias, T5 relative position buckets (log spacing, clamp, long casts, bidirectional), and
# sliding-window / block-sparse causal masks made with tril/triu diagonal offsets and masked_fill(-inf), including
# rows that end up fully masked and what softmax, SDPA and the gradients do there.
import math
import torch
import torch.nn.functional as F

def get_slopes(n):
    def pow2(n):
        start = 2 ** (-2 ** -(math.log2(n) - 3))
        return [start * start ** i for i in range(n)]
    if math.log2(n).is_integer():
        return pow2(n)
    closest = 2 ** math.floor(math.log2(n))
    return pow2(closest) + get_slopes(2 * closest)[0::2][:n - closest]

print(get_slopes(8))
slopes = torch.tensor(get_slopes(6))
print(slopes, slopes.dtype)
slopes2 = 2 ** (-8 * torch.arange(1, 9) / 8)
print(slopes2, slopes2.dtype)
print(torch.pow(2, -torch.arange(1, 5)))
try:
    print(torch.pow(2, -torch.arange(1, 5, dtype=torch.int64)))
except RuntimeError as e:
    print(type(e).__name__, e)
print(2.0 ** torch.arange(-3, 1), torch.exp2(-torch.arange(4.0)))

# %%
n = 5
pos = torch.arange(n)
rel = pos[None, :] - pos[:, None]
print(rel)
alibi = slopes[:, None, None] * rel[None]
print(alibi.shape, alibi.dtype)
print(alibi[1])
bias = -slopes.view(-1, 1, 1) * (pos.view(1, -1, 1) - pos.view(1, 1, -1)).abs()
print(bias[0])
causal_bias = alibi.masked_fill(torch.triu(torch.ones(n, n, dtype=torch.bool), 1), float('-inf'))
print(causal_bias[5])
print(torch.softmax(causal_bias[5], -1))
alt = slopes.unsqueeze(1).unsqueeze(1) * torch.arange(n).unsqueeze(0).unsqueeze(0).expand(6, -1, -1)
print(alt.shape, alt[2, 0])

# %%
def relative_position_bucket(relative_position, bidirectional=True, num_buckets=32, max_distance=128):
    relative_buckets = 0
    if bidirectional:
        num_buckets //= 2
        relative_buckets += (relative_position > 0).to(torch.long) * num_buckets
        relative_position = torch.abs(relative_position)
    else:
        relative_position = -torch.min(relative_position, torch.zeros_like(relative_position))
    max_exact = num_buckets // 2
    is_small = relative_position < max_exact
    relative_position_if_large = max_exact + (
        torch.log(relative_position.float() / max_exact)
        / math.log(max_distance / max_exact)
        * (num_buckets - max_exact)
    ).to(torch.long)
    relative_position_if_large = torch.min(
        relative_position_if_large, torch.full_like(relative_position_if_large, num_buckets - 1))
    relative_buckets += torch.where(is_small, relative_position, relative_position_if_large)
    return relative_buckets

ctx = torch.arange(12, dtype=torch.long)[:, None]
mem = torch.arange(12, dtype=torch.long)[None, :]
buckets = relative_position_bucket(mem - ctx, num_buckets=8, max_distance=20)
print(buckets)
print(buckets.dtype, buckets.unique())
far = torch.tensor([-300, -100, -40, -9, -1, 0, 1, 9, 40, 100, 300])
print(relative_position_bucket(far))
print(relative_position_bucket(far, bidirectional=False))
print(torch.log(torch.tensor([0, 3, 8]).float() / 8), (torch.log(torch.tensor([0.0]) / 2) * 3).to(torch.long))
emb = torch.nn.Embedding(8, 2)
torch.manual_seed(0)
torch.nn.init.normal_(emb.weight)
values = emb(buckets).permute(2, 0, 1).unsqueeze(0)
print(values.shape, values.grad_fn)
values.sum().backward()
print(emb.weight.grad)
print(torch.clamp(far, -8, 8), far.clamp(min=0).log1p())

# %%
T, w = 6, 2
causal = torch.tril(torch.ones(T, T, dtype=torch.bool))
window = torch.triu(causal, diagonal=-w)
print(window.int())
print(torch.ones(T, T).tril(0).triu(-w))
band = torch.ones(T, T, dtype=torch.bool).tril(w).triu(-w)
print(band.sum(-1), (~band).any())
i = torch.arange(T)
sliding = (i[:, None] - i[None, :] >= 0) & (i[:, None] - i[None, :] <= w)
print(torch.equal(sliding, window))
blk = 2
bid = torch.arange(T) // blk
block_mask = (bid[:, None] >= bid[None, :]) & ((bid[:, None] - bid[None, :]) <= 1)
print(block_mask.int(), block_mask.dtype)
print(torch.block_diag(*[torch.ones(blk, blk)] * 3).bool().logical_or(block_mask).sum())

# %%
torch.manual_seed(0)
scores = torch.randn(T, T, requires_grad=True)
strict = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=0)   # masks the diagonal too: row 0 is empty
ms = scores.masked_fill(~(~strict), float('-inf'))
p = F.softmax(ms, dim=-1)
print(p[:2])
print(torch.isnan(p).any(dim=-1))
p.nan_to_num(0.0).sum().backward()
print(scores.grad[:2])
safe = torch.where(torch.isinf(ms).all(-1, keepdim=True), torch.zeros_like(ms), ms.softmax(-1))
print(safe[0], safe.grad_fn)

# %%
q = torch.randn(1, 2, T, 4)
k = torch.randn(1, 2, T, 4)
v = torch.randn(1, 2, T, 4, requires_grad=True)
o = F.scaled_dot_product_attention(q, k, v, attn_mask=window)
ref = torch.softmax((q @ k.transpose(-1, -2) / 2).masked_fill(~window, float('-inf')), -1) @ v
print(torch.allclose(o, ref, atol=1e-6), o.grad_fn.name())
fmask = torch.zeros(T, T).masked_fill(~window, float('-inf'))
o2 = F.scaled_dot_product_attention(q, k, v, attn_mask=fmask + alibi[:2].unsqueeze(0)[..., :T, :T].sum() * 0)
print(torch.allclose(o, o2, atol=1e-6))
empty_row = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
o3 = F.scaled_dot_product_attention(q, k, v, attn_mask=empty_row)
print(o3[0, 0, -1], torch.isnan(o3).sum())
o3.sum().backward()
print(v.grad[0, 0])
try:
    F.scaled_dot_product_attention(q, k, v, attn_mask=window, is_causal=True)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(T, T + 1, dtype=torch.bool))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    F.scaled_dot_product_attention(q, k, v, attn_mask=window.int())
except RuntimeError as e:
    print(type(e).__name__, e)
