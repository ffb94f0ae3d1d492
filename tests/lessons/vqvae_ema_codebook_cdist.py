# Imitates the VQ-VAE-with-EMA tutorials (the Sonnet-style VectorQuantizerEMA ported to PyTorch in the "VQ-VAE by
# example" notebooks, rosinality's vqvae.py Quantize, lucidrains' vector-quantize-pytorch basics): nearest code by
# torch.cdist / argmin, F.one_hot encodings, straight-through z + (zq - z).detach(), commitment loss, EMA cluster
# sizes and sums with index_add_ / bincount, Laplace smoothing, codebook copy_ under no_grad, perplexity, dead-code
# restarts.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
K, D = 6, 3
codebook = nn.Embedding(K, D)
codebook.weight.data.uniform_(-1.0 / K, 1.0 / K)
z = torch.randn(10, D, requires_grad=True)
d = torch.cdist(z, codebook.weight)
print(d.shape, d.dtype, d.grad_fn.name())
idx = d.argmin(dim=1)
print(idx, idx.dtype)
d2 = (z.pow(2).sum(1, keepdim=True) - 2 * z @ codebook.weight.t() + codebook.weight.pow(2).sum(1))
print(torch.equal(d2.argmin(1), idx), torch.allclose(d2.clamp_min(0).sqrt(), d, atol=1e-5))
print(torch.cdist(z, codebook.weight, p=1).argmin(1), torch.cdist(z, codebook.weight, p=0).shape)

# %%
zq = codebook(idx)
print(zq.grad_fn.name(), zq.shape)
commit = F.mse_loss(z, zq.detach())
cb_loss = F.mse_loss(zq, z.detach())
st = z + (zq - z).detach()
print(st.grad_fn.name(), torch.allclose(st, zq))
loss = (st ** 2).sum() + cb_loss + 0.25 * commit
loss.backward()
print(z.grad)
print(codebook.weight.grad)

# %%
one_hot = F.one_hot(idx, K)
print(one_hot.dtype, one_hot.shape, one_hot.sum(0))
onehot_f = one_hot.type(z.dtype)
avg = onehot_f.mean(0)
perplexity = torch.exp(-torch.sum(avg * torch.log(avg + 1e-10)))
print(avg, perplexity)
print(torch.bincount(idx, minlength=K), torch.bincount(idx).shape)
print(torch.bincount(idx, weights=torch.ones(10) * 0.5, minlength=K))
for bad in [lambda: F.one_hot(idx, 2), lambda: F.one_hot(idx.float(), K), lambda: F.one_hot(idx - 1, K),
            lambda: torch.bincount(idx.view(2, 5)), lambda: torch.bincount(idx - 3),
            lambda: torch.bincount(idx, weights=torch.ones(3))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# %%
decay, eps = 0.99, 1e-5
ema_cluster_size = torch.zeros(K)
ema_w = codebook.weight.data.clone()
with torch.no_grad():
    for step in range(3):
        zz = torch.randn(16, D)
        i = torch.cdist(zz, codebook.weight).argmin(1)
        enc = F.one_hot(i, K).float()
        ema_cluster_size.mul_(decay).add_(enc.sum(0), alpha=1 - decay)
        dw = torch.zeros(K, D).index_add_(0, i, zz)
        print(torch.allclose(dw, enc.t() @ zz, atol=1e-6))
        ema_w.mul_(decay).add_(dw, alpha=1 - decay)
        n = ema_cluster_size.sum()
        smoothed = (ema_cluster_size + eps) / (n + K * eps) * n
        codebook.weight.copy_(ema_w / smoothed.unsqueeze(1))
        print(step, smoothed, codebook.weight.requires_grad)
print(codebook.weight)

# %%
usage = torch.bincount(i, minlength=K)
dead = usage == 0
print(dead, dead.nonzero().squeeze(1), dead.sum().item())
with torch.no_grad():
    repl = zz[torch.randint(0, zz.shape[0], (int(dead.sum()),))]
    codebook.weight.data[dead] = repl
print(codebook.weight[dead])
try:
    torch.zeros(K, D).index_add_(0, i.int(), zz.double())
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(K, D).index_add_(0, i.float(), zz)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(zz, codebook.weight[:, :2])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.cdist(zz[0], codebook.weight)
except Exception as e:
    print(type(e).__name__, e)
