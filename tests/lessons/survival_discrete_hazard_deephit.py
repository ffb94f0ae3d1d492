# Imitates a course notebook on discrete-time survival models: times cut into bins with bucketize, a logistic-hazard
# network (hazards through sigmoid, survival through cumprod of 1 - h, the likelihood with log1p and logsigmoid),
# a DeepHit-style softmax over time bins with a censoring mask built from arange comparisons and cumsum, a ranking
# term, and the mistakes readers make (cumprod on an int tensor, log(1 - h) instead of log1p, one_hot of a float
# index, index out of range in the bins, cumprod's gradient where a hazard is exactly 1).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(7)
n, d, n_bins = 10, 3, 5
X = torch.randn(n, d)
time = torch.tensor([0.5, 2.2, 3.9, 1.1, 4.8, 0.2, 3.3, 2.9, 4.1, 1.7])
event = torch.tensor([1., 0., 1., 1., 0., 1., 1., 0., 1., 0.])
cuts = torch.linspace(0, 5, n_bins + 1)
print(cuts)
idx = torch.bucketize(time, cuts[1:-1])
print(idx, idx.dtype)
print(torch.bucketize(time, cuts, right=True) - 1)

# %%
def logistic_hazard_nll(phi, idx, event):
    y = torch.zeros_like(phi).scatter(1, idx.view(-1, 1), event.view(-1, 1))
    bce = F.binary_cross_entropy_with_logits(phi, y, reduction="none")
    keep = torch.arange(phi.shape[1]).unsqueeze(0) <= idx.unsqueeze(1)
    return (bce * keep).sum(1).mean()

net = nn.Sequential(nn.Linear(d, 16), nn.Tanh(), nn.Linear(16, n_bins))
phi = net(X)
loss = logistic_hazard_nll(phi, idx, event)
print(loss, loss.grad_fn)
loss.backward()
print(net[2].bias.grad)

# %%
with torch.no_grad():
    h = torch.sigmoid(net(X))
    S = torch.cumprod(1 - h, dim=1)
    print(S[:3])
    log_S = torch.cumsum(torch.log1p(-h), dim=1)
    print(torch.allclose(log_S.exp(), S), (S[:, 1:] <= S[:, :-1]).all())
    log_S2 = F.logsigmoid(-net(X)).cumsum(1)
    print((log_S2 - log_S).abs().max() < 1e-5)
    print(torch.log(1 - h[:2]) - torch.log1p(-h[:2]))

# %%
# mistake: cumprod on an integer tensor, cumsum/cumprod dtypes
counts = torch.tensor([3, 1, 4, 1, 5])
print(torch.cumprod(counts, 0), torch.cumprod(counts, 0).dtype)
print(torch.cumprod(counts.to(torch.int32), 0).dtype, torch.cumprod(counts, 0, dtype=torch.float32))
print(torch.cumprod(torch.tensor([True, True, False, True]), 0))
print(counts.cumprod(dim=0), counts.cumsum(-1), counts.float().cumprod(0))
print(torch.cumprod(torch.tensor([[1., 2.], [3., 4.]]), dim=1))
print(torch.cumprod(torch.tensor(3.), 0), torch.cumsum(torch.tensor(3), 0))

# %%
torch.cumprod(counts, dim=1)

# %%
torch.cumprod(counts, 0, dtype=torch.bool)

# %%
# mistake: an in-place running sum on the bool event mask
observed = event.bool()
observed.cumsum_(0)

# %%
n_at_risk = event.clone()
n_at_risk.cumsum_(0)
print(n_at_risk, torch.tensor([1, 2, 3], dtype=torch.int8).cumsum_(0), counts.clone().cumprod_(0))

# %%
# cumprod's gradient where a factor is zero (a hazard of exactly 1)
h = torch.tensor([0.2, 1.0, 0.3, 0.5], requires_grad=True)
S = torch.cumprod(1 - h, 0)
S.sum().backward()
print(S, h.grad)
h2 = torch.tensor([0.2, 0.4, 0.3, 0.5], requires_grad=True)
torch.cumprod(1 - h2, 0)[-1].backward()
print(h2.grad)
x = torch.tensor([[2., 0., 3.], [0., 0., 1.]], requires_grad=True)
x.cumprod(1).sum().backward()
print(x.grad)

# %%
# DeepHit: a softmax over the time bins (plus one for "after the last bin")
torch.manual_seed(1)
deephit = nn.Sequential(nn.Linear(d, 16), nn.ReLU(), nn.Linear(16, n_bins + 1))
pmf = F.softmax(deephit(X), dim=1)
cif = pmf.cumsum(1)
print(pmf.shape, pmf.sum(1)[:3], cif[:2, :3])
mask_after = (torch.arange(n_bins + 1).unsqueeze(0) > idx.unsqueeze(1)).float()
lik_event = pmf.gather(1, idx.unsqueeze(1)).squeeze(1)
lik_cens = (pmf * mask_after).sum(1)
nll = -(event * torch.log(lik_event.clamp_min(1e-7)) + (1 - event) * torch.log(lik_cens.clamp_min(1e-7))).mean()
print(nll, nll.grad_fn)

# %%
# mistake: one_hot of a float index, gather with an index of the wrong rank
F.one_hot(idx.float(), n_bins)

# %%
pmf.gather(1, idx)

# %%
print(F.one_hot(idx, n_bins).shape, F.one_hot(idx).shape, F.one_hot(idx, n_bins).dtype)
print(F.one_hot(torch.tensor([0, 2]), num_classes=-1))

# %%
F.one_hot(idx, 3)

# %%
F.one_hot(torch.tensor([-1, 2]), 3)

# %%
# the ranking term: risk at the event's bin compared over all pairs
cif_at = cif.gather(1, idx.unsqueeze(1))
cif_others = cif[:, idx].t()
acceptable = (idx.unsqueeze(1) < idx.unsqueeze(0)).float() * event.unsqueeze(1)
eta = torch.exp(-(cif_at - cif_others.t().gather(1, idx.unsqueeze(0).expand(n, n)).t()) / 0.1)
rank_loss = (acceptable * eta).sum() / acceptable.sum().clamp_min(1)
print(cif_at.shape, cif_others.shape, rank_loss)
opt = torch.optim.Adam(deephit.parameters(), lr=0.01)
for step in range(20):
    opt.zero_grad()
    pmf = F.softmax(deephit(X), 1)
    lik = torch.where(event.bool(), pmf.gather(1, idx[:, None]).squeeze(1), (pmf * mask_after).sum(1))
    loss = -torch.log(lik + 1e-7).mean()
    loss.backward()
    opt.step()
print(f"{loss.item():.4f}")
surv = 1 - F.softmax(deephit(X), 1).cumsum(1)
print(surv.detach()[:2])
print(torch.flip(surv, dims=[1]).shape, surv.flip(-1).cummax(1).values.shape)
