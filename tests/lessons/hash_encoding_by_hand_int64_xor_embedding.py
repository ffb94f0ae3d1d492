# Imitates an "Instant-NGP from scratch" notebook: a multiresolution hash encoding written by hand, with int64 grid
# coordinates from torch.floor, corner offsets from meshgrid/stack, spatial hashing by large primes and xor on int64
# tensors (wrapping around), % / torch.remainder by the table size, one nn.Embedding table per level, bilinear and
# trilinear interpolation weights and torch.cat of the levels, then a few Adam steps; plus the errors learners hit.
import torch
import torch.nn as nn

torch.manual_seed(0)
PRIMES = [1, 2654435761, 805459861]
x = torch.rand(4, 2)
res = 16
scaled = x * res
lo = torch.floor(scaled).long()
frac = scaled - lo
print(lo, lo.dtype, frac.dtype, frac[0])
offs = torch.stack(torch.meshgrid(torch.arange(2), torch.arange(2), indexing="ij"), -1).reshape(-1, 2)
print(offs, offs.dtype)
corners = lo[:, None, :] + offs[None]
print(corners.shape, corners[0])

# %%
def spatial_hash(c, T):
    h = torch.zeros_like(c[..., 0])
    for i in range(c.shape[-1]):
        h ^= c[..., i] * PRIMES[i]
    return h % T

T = 2 ** 6
h = spatial_hash(corners, T)
print(h, h.dtype, h.min().item() >= 0)
big = torch.tensor([3_000_000_000, -7, 123456789012], dtype=torch.int64)
print(big * 2654435761, (big * 2654435761) ^ (big * 805459861))
print((big * 2654435761) % T, torch.remainder(big * 805459861, T), torch.fmod(big * 805459861, T))
print(torch.tensor([-7, 7]) % 4, torch.tensor([-7, 7]) % -4, torch.remainder(torch.tensor([-7.5, 7.5]), 4))
print(torch.tensor([5, 6], dtype=torch.int32) ^ 3, torch.tensor([True, False]) ^ torch.tensor([True, True]))
print(torch.bitwise_xor(torch.tensor([12, -1]), torch.tensor([10, 5])), torch.tensor([1, 2, 3]) << 2, torch.tensor([-16, 16]) >> 2)
print(torch.tensor([1, 2], dtype=torch.uint8) << 7, torch.tensor([2 ** 62]) << 2, 1 << torch.arange(4))

# %%
class HashGrid(nn.Module):
    def __init__(self, n_levels=3, F=2, log2_T=6, base=4, growth=1.5, dim=2):
        super().__init__()
        self.T = 2 ** log2_T
        self.res = [int(base * growth ** l) for l in range(n_levels)]
        self.tables = nn.ModuleList([nn.Embedding(self.T, F) for _ in range(n_levels)])
        for t in self.tables:
            nn.init.uniform_(t.weight, -1e-4, 1e-4)
        grids = torch.meshgrid(*[torch.arange(2)] * dim, indexing="ij")
        self.register_buffer("offsets", torch.stack(grids, -1).reshape(-1, dim))

    def forward(self, x):
        feats = []
        for l, r in enumerate(self.res):
            s = x * r
            lo = torch.floor(s).to(torch.int64)
            w = s - lo
            c = lo.unsqueeze(1) + self.offsets
            idx = spatial_hash(c, self.T)
            e = self.tables[l](idx)
            wc = torch.where(self.offsets.bool(), w.unsqueeze(1), 1 - w.unsqueeze(1)).prod(-1, keepdim=True)
            feats.append((wc * e).sum(1))
        return torch.cat(feats, -1)


enc = HashGrid()
print(enc.res, enc.tables[0], enc.offsets.shape)
f = enc(x)
print(f.shape, f.grad_fn, f.dtype)
print(enc.tables[0].weight[:2])

# %%
torch.manual_seed(0)
enc = HashGrid(n_levels=2, F=2)
mlp = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.Adam(list(enc.parameters()) + list(mlp.parameters()), lr=1e-2, betas=(0.9, 0.99), eps=1e-15)
pts = torch.rand(32, 2)
tgt = torch.sin(3 * pts[:, :1]) * pts[:, 1:]
for step in range(5):
    opt.zero_grad()
    loss = ((mlp(enc(pts)) - tgt) ** 2).mean()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.6f}", f"{(-10 * torch.log10(loss)).item():.3f}")
g = enc.tables[0].weight.grad
print(g.shape, (g.abs().sum(1) > 0).sum().item())

# %%
x3 = torch.rand(3, 3, requires_grad=True)
s = x3 * 8
lo3 = s.floor().long()
w3 = s - lo3
off3 = torch.stack(torch.meshgrid(torch.arange(2), torch.arange(2), torch.arange(2), indexing="ij"), dim=-1).view(-1, 3)
wts = torch.where(off3.bool(), w3[:, None], 1 - w3[:, None]).prod(-1)
print(wts.shape, wts.sum(-1), wts.grad_fn)
wts[:, -1].sum().backward()
print(x3.grad, lo3.requires_grad, w3.grad_fn)
print(torch.floor(torch.tensor([-0.5, 1.5])).long(), torch.tensor([-0.5, 1.5]).long(), torch.tensor([-1.5, 2.7]).to(torch.int64))

# %%
try:
    x ^ x
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    lo ^ 2.5
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.bitwise_xor(x, lo)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    print(torch.tensor([8, 16]) >> -1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    print(torch.tensor([8, 16]) << torch.tensor([-1, 70]))
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    x << 1
except RuntimeError as e:
    print(type(e).__name__, e)
emb = nn.Embedding(10, 3)
for bad in (torch.tensor([1.0, 2.0]), torch.tensor([1, 10]), torch.tensor([-1])):
    try:
        emb(bad)
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
print(emb(torch.tensor([1, 2], dtype=torch.int32)).shape)
try:
    torch.remainder(lo, 0)
except RuntimeError as e:
    print(type(e).__name__, e)
print(torch.remainder(x, 0)[0], lo.float() % 0.0)
