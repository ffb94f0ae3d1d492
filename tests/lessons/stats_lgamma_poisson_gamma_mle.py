# A statistics lesson on log-likelihoods with the log-gamma function (as in "Maximum likelihood with PyTorch"
# notebooks and probabilistic-ML course exercises): a Poisson log-pmf written by hand with torch.lgamma against
# torch.distributions.Poisson, a Gamma model fitted by gradient ascent on (log shape, log rate), log-binomial
# coefficients, and the multivariate log-gamma, in float32 and float64, printing exact bits of the results.
import torch

# %%
torch.manual_seed(0)
k = torch.poisson(torch.full((50,), 3.5))
lam = torch.tensor(2.0, requires_grad=True)
ll = (k * torch.log(lam) - lam - torch.lgamma(k + 1)).sum()
ll.backward()
print(ll.item().hex(), lam.grad.item().hex(), ll.grad_fn.name())
print(torch.distributions.Poisson(lam.detach()).log_prob(k).sum().item().hex())

# %%
torch.manual_seed(1)
for dt in (torch.float32, torch.float64):
    data = torch.distributions.Gamma(torch.tensor(2.5, dtype=dt), torch.tensor(1.5, dtype=dt)).sample((200,))
    log_a = torch.zeros((), dtype=dt, requires_grad=True)
    log_b = torch.zeros((), dtype=dt, requires_grad=True)
    opt = torch.optim.SGD([log_a, log_b], lr=0.05)
    for step in range(30):
        opt.zero_grad()
        a, b = log_a.exp(), log_b.exp()
        nll = -(a * torch.log(b) - torch.lgamma(a) + (a - 1) * torch.log(data) - b * data).mean()
        nll.backward()
        opt.step()
    print(dt, nll.item().hex(), log_a.item().hex(), log_b.item().hex(), log_a.grad.item().hex())

# %%
n = torch.arange(1., 31.)
for dt in (torch.float32, torch.float64):
    nn_ = n.to(dt)
    logc = torch.lgamma(nn_ + 1) - torch.lgamma(nn_ / 2 + 1) - torch.lgamma(nn_ - nn_ / 2 + 1)
    print([v.hex() for v in logc[::4].tolist()])
    print(torch.lgamma(nn_).dtype, torch.lgamma(nn_[:5]).tolist())
    x = torch.linspace(0.25, 6, 24, dtype=dt, requires_grad=True)
    torch.mvlgamma(x + 1, p=2).sum().backward()
    print(torch.mvlgamma(x.detach() + 1, p=2)[:6].tolist(), x.grad[:4].tolist())

# %%
try:
    torch.mvlgamma(torch.tensor([0.2, 0.4]), p=3)
except Exception as e:
    print(type(e).__name__, e)
print(torch.lgamma(torch.tensor([-3., -2.5, 0., float('inf')])))
