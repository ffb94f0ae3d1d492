# Imitates a "resampling statistics with PyTorch" blog tutorial: bootstrap confidence intervals with a seeded
# torch.Generator (randint, multinomial with and without replacement), a permutation test with randperm, an ECDF
# with searchsorted/bucketize, histograms with histc/histogram/bincount, and the mistakes learners make (a
# generator on the wrong call, multinomial without replacement asking for too many samples, histc with min > max,
# bincount of negative or float values, weights of the wrong length).
import torch

# %%
g = torch.Generator().manual_seed(2024)
control = torch.randn(40, generator=g) * 2.0 + 10.0
treated = torch.randn(35, generator=g) * 2.5 + 11.0
print(control.mean(), treated.mean(), g.initial_seed())
diff_obs = treated.mean() - control.mean()
diff_obs

# %%
# bootstrap: resample indices with replacement
B = 2000
idx = torch.randint(0, len(treated), (B, len(treated)), generator=g)
boot_means = treated[idx].mean(dim=1)
lo, hi = torch.quantile(boot_means, torch.tensor([0.025, 0.975]))
print(idx.shape, idx.dtype, boot_means.shape)
print(f"95% CI: [{lo:.3f}, {hi:.3f}]", boot_means.std())
lo, hi

# %%
# the same with multinomial on uniform weights
w = torch.ones(len(control))
idx2 = torch.multinomial(w, num_samples=len(control) * 5, replacement=True, generator=g).view(5, -1)
print(idx2.shape, control[idx2].mean(1))
perm_like = torch.multinomial(w, 10, replacement=False, generator=g)
print(perm_like, perm_like.unique().numel())
torch.multinomial(torch.tensor([[0.2, 0.8], [0.9, 0.1]]), 4, replacement=True, generator=g)

# %%
torch.multinomial(w, 50)

# %%
torch.multinomial(torch.tensor([0.5, -0.1, 0.6]), 2)

# %%
torch.multinomial(torch.tensor([0.0, 0.0]), 1)

# %%
torch.multinomial(torch.tensor([1, 2, 3]), 2)

# %%
# permutation test for the difference in means
pooled = torch.cat([control, treated])
n_c = len(control)
diffs = torch.empty(1000)
for i in range(1000):
    p = torch.randperm(len(pooled), generator=g)
    diffs[i] = pooled[p[n_c:]].mean() - pooled[p[:n_c]].mean()
p_value = (diffs.abs() >= diff_obs.abs()).float().mean()
print(p_value, diffs.mean(), diffs.std(correction=1))
(diffs >= diff_obs).sum(), torch.randperm(5, generator=g), torch.randperm(4, dtype=torch.float64, generator=g)

# %%
torch.randperm(5, generator=torch.Generator().manual_seed(1)), torch.randint(3, 10, (2, 3), generator=torch.Generator().manual_seed(1))

# %%
torch.randint(5, 3, (2,))

# %%
torch.randint(10, (3,), dtype=torch.float32, generator=g), torch.randint(2, size=(4,), dtype=torch.bool, generator=g)

# %%
torch.randn(3, generator=torch.Generator(device="cpu").manual_seed(7)), g.get_state().shape, g.get_state().dtype

# %%
s = g.get_state()
a = torch.rand(3, generator=g)
g.set_state(s)
b = torch.rand(3, generator=g)
print(torch.equal(a, b), torch.Generator().seed() > 0)
torch.Generator().manual_seed(-1)

# %%
# ECDF with searchsorted / bucketize
xs, order = torch.sort(control, stable=True)
grid = torch.linspace(5, 15, 6)
ecdf = torch.searchsorted(xs, grid, right=True) / len(xs)
print(grid, ecdf)
print(torch.bucketize(grid, xs, right=True) / len(xs))
ks = (torch.arange(1, len(xs) + 1) / len(xs) - torch.special.ndtr((xs - 10) / 2)).abs().max()
ks

# %%
torch.searchsorted(control, grid, side="left", right=True)

# %%
torch.searchsorted(xs.double(), grid)

# %%
torch.searchsorted(xs, grid.view(2, 3))

# %%
# histograms
h = torch.histc(control, bins=8, min=4, max=16)
counts, edges = torch.histogram(control, bins=8, range=(4.0, 16.0))
print(h, counts, edges)
dens = torch.histogram(control, bins=5, density=True)
print(dens.hist, (dens.hist * dens.bin_edges.diff()).sum())
torch.histc(control), torch.histc(torch.tensor([2.0, 2.0, 2.0]), bins=4)

# %%
torch.histc(control, bins=5, min=10, max=5)

# %%
torch.histc(control.long(), bins=5)

# %%
torch.histogram(control, bins=torch.tensor([0, 10, 20]))

# %%
torch.bincount(torch.tensor([True, False, True]))

# %%
torch.histc(control, bins=0)

# %%
torch.histogram(control, bins=4, range=(10.0, 5.0))

# %%
torch.histogram(control.double(), bins=torch.tensor([0.0, 10.0, 20.0]))

# %%
torch.histogram(control, bins=3, weight=torch.ones(5))

# %%
rolls = torch.randint(1, 7, (60,), generator=g)
print(torch.bincount(rolls), torch.bincount(rolls, minlength=10))
print(torch.bincount(rolls, weights=torch.linspace(0, 1, 60)), torch.bincount(torch.tensor([], dtype=torch.long)))
torch.bincount(rolls, weights=torch.ones(60, dtype=torch.float64)).dtype, torch.bincount(rolls, weights=torch.ones(60, dtype=torch.int32))

# %%
torch.bincount(torch.tensor([1, -1, 2]))

# %%
torch.bincount(torch.tensor([1.0, 2.0]))

# %%
torch.bincount(rolls, weights=torch.ones(10))

# %%
torch.bincount(rolls.view(6, 10))

# %%
torch.bincount(rolls, minlength=-1)
