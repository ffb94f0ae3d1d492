# Imitates "mixture of experts routing" posts: top-k gating, per-expert token counts with bincount and
# scatter_add, a switch-style load balancing loss, sorted dispatch with argsort, combine with scatter_add /
# index_add, and the dtype/shape mistakes people make with these index ops.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
n_tok, d, n_exp, k = 8, 4, 3, 2
x = torch.randn(n_tok, d, requires_grad=True)
router = nn.Linear(d, n_exp, bias=False)
logits = router(x)
probs = F.softmax(logits, dim=-1)
topv, topi = torch.topk(probs, k, dim=-1)
print(topv.grad_fn, topi.dtype, topi[:3])

# %%
counts = torch.bincount(topi.flatten(), minlength=n_exp)
print(counts, counts.dtype)
ones = torch.ones_like(topi.flatten())
counts2 = torch.zeros(n_exp, dtype=torch.long).scatter_add(0, topi.flatten(), ones)
print(torch.equal(counts, counts2))
w_counts = torch.bincount(topi.flatten(), weights=topv.detach().flatten(), minlength=n_exp)
print(w_counts, w_counts.dtype)

# %%
torch.bincount(topi)

# %%
torch.bincount(torch.tensor([0, -1, 2]))

# %%
torch.bincount(torch.tensor([0., 1.]))

# %%
torch.bincount(torch.tensor([0, 1, 1]), weights=torch.tensor([1., 2.]))

# %%
torch.bincount(torch.tensor([], dtype=torch.long)), torch.bincount(torch.tensor([1, 1, 3]), minlength=2), torch.bincount(torch.tensor([0, 2]), weights=torch.tensor([.5, 1.], dtype=torch.float64))

# %%
torch.zeros(3).scatter_add(0, topi.flatten(), ones)

# %%
torch.zeros(3, dtype=torch.long).scatter_add(0, topi.flatten().float(), ones)

# %%
torch.zeros(3, dtype=torch.long).scatter_add(0, topi, ones)

# %%
# switch transformer load balancing loss
frac_tokens = counts.float() / topi.numel()
frac_probs = probs.mean(0)
aux = n_exp * (frac_tokens * frac_probs).sum()
print(aux, aux.grad_fn)
z_loss = torch.logsumexp(logits, dim=-1).pow(2).mean()
print(z_loss.grad_fn)

# %%
experts = nn.ModuleList(nn.Sequential(nn.Linear(d, 8), nn.SiLU(), nn.Linear(8, d)) for _ in range(n_exp))
flat_e = topi.flatten()
flat_w = topv.flatten()
flat_t = torch.arange(n_tok).repeat_interleave(k)
order = flat_e.argsort(stable=True)
sorted_t, sorted_e, sorted_w = flat_t[order], flat_e[order], flat_w[order]
splits = torch.bincount(sorted_e, minlength=n_exp).tolist()
print(splits, sorted_t)
outs = []
for e, (toks, ws) in enumerate(zip(sorted_t.split(splits), sorted_w.split(splits))):
    outs.append(experts[e](x[toks]) * ws[:, None])
expert_out = torch.cat(outs)
combined = torch.zeros(n_tok, d).scatter_add(0, sorted_t[:, None].expand(-1, d), expert_out)
combined2 = torch.zeros(n_tok, d).index_add(0, sorted_t, expert_out)
print(torch.allclose(combined, combined2, atol=1e-6), combined.grad_fn, combined2.grad_fn)

# %%
(combined.pow(2).sum() + 0.01 * aux).backward()
print(router.weight.grad)
print(x.grad[0])

# %%
# in-place scatter_add_ on a leaf that requires grad
acc = torch.zeros(n_tok, d, requires_grad=True)
acc.scatter_add_(0, sorted_t[:, None].expand(-1, d), expert_out.detach())

# %%
buf = torch.zeros(n_tok, d)
buf.scatter_add_(0, sorted_t[:, None].expand(-1, d), expert_out)
print(buf.grad_fn, buf.requires_grad)
buf.scatter_(0, sorted_t[:, None].expand(-1, d), expert_out, reduce='add').grad_fn

# %%
src = torch.arange(1., 7.).reshape(3, 2)
idx = torch.tensor([[0, 1], [0, 0], [2, 1]])
torch.zeros(3, 2).scatter_reduce(0, idx, src, reduce='amax', include_self=False), torch.zeros(3, 2).scatter_reduce(0, idx, src, reduce='mean')

# %%
torch.zeros(3, 2).scatter_reduce(0, idx, src, reduce='max')

# %%
torch.zeros(3, 2).scatter_add(0, idx, src[:2])

# %%
torch.zeros(3, 2).scatter_add(0, idx, src[:, :1])

# %%
torch.zeros(3, 2).scatter_add(0, idx + 2, src)

# %%
# capacity: keep the first C tokens of each expert, using cumsum over a one-hot mask
capacity = 3
onehot = F.one_hot(topi[:, 0], n_exp)
pos = torch.cumsum(onehot, dim=0) * onehot
keep = (pos <= capacity) & (onehot > 0)
print(pos.dtype, keep.sum(0), keep.any(-1))
dispatch = keep.float() * topv[:, :1]
dispatch.grad_fn, dispatch.sum(0)

# %%
F.one_hot(topi[:, 0], 2)

# %%
F.one_hot(topi[:, 0].float(), 3)

# %%
# noisy top-k with a mask of -inf before softmax
noise = torch.randn(n_tok, n_exp) * F.softplus(torch.zeros(n_tok, n_exp))
noisy = logits.detach() + noise
kth = noisy.topk(k, -1).values[:, -1:]
gated = noisy.masked_fill(noisy < kth, float('-inf')).softmax(-1)
gated[:3], torch.topk(noisy, 4, dim=-1)

# %%
torch.topk(torch.tensor([3., 1., 2.]), 2, largest=False, sorted=True), torch.tensor([[1, 5, 2]]).topk(1)
