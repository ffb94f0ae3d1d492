# Imitates a stats/econometrics course notebook "GLMs in PyTorch" (count data after the statsmodels GLM examples and
# the PyTorch docs of nn.PoissonNLLLoss): Poisson regression fitted by gradient descent and by LBFGS with
# PoissonNLLLoss(log_input=True/False, full=True/False, eps), its hand-written log-likelihood with lgamma, a negative
# binomial NLL written by hand, Gamma regression with a log link, and the loss's shape and reduction mistakes.
import torch
import torch.nn as nn

# %%
torch.manual_seed(0)
n = 64
X = torch.cat([torch.ones(n, 1), torch.randn(n, 2)], dim=1)
beta_true = torch.tensor([0.5, 0.8, -0.4])
rate = torch.exp(X @ beta_true)
y = torch.poisson(rate)
print(X.shape, y.shape, y.dtype, y[:8])
print(y.mean(), y.var(), rate.mean())

# %%
loss_log = nn.PoissonNLLLoss()
loss_full = nn.PoissonNLLLoss(log_input=True, full=True)
loss_rate = nn.PoissonNLLLoss(log_input=False, eps=1e-6)
print(loss_log, loss_full, loss_rate, sep="\n")
eta = X @ beta_true
print(loss_log(eta, y), loss_full(eta, y), loss_rate(rate, y))
print(nn.PoissonNLLLoss(reduction="sum")(eta, y), nn.PoissonNLLLoss(reduction="none")(eta, y)[:5])

# %%
# by hand: the full negative log-likelihood uses lgamma(y + 1); PyTorch's full=True adds Stirling's term instead
nll_exact = (torch.exp(eta) - y * eta + torch.lgamma(y + 1)).mean()
stirling = torch.where(y > 1, y * torch.log(y) - y + 0.5 * torch.log(2 * torch.pi * y), torch.zeros_like(y))
print(nll_exact, (torch.exp(eta) - y * eta + stirling).mean())
torch.nn.functional.poisson_nll_loss(eta, y, full=True), torch.nn.functional.poisson_nll_loss(rate, y, log_input=False, full=True, eps=1e-3)

# %%
beta = torch.zeros(3, requires_grad=True)
opt = torch.optim.SGD([beta], lr=0.05)
for step in range(200):
    opt.zero_grad()
    loss = loss_log(X @ beta, y)
    loss.backward()
    opt.step()
    if step % 50 == 0:
        print(step, round(loss.item(), 4), beta.grad)
print(beta.detach(), loss.grad_fn)

# %%
beta_lb = torch.zeros(3, requires_grad=True)
lbfgs = torch.optim.LBFGS([beta_lb], lr=1, max_iter=50, line_search_fn="strong_wolfe")
def closure():
    lbfgs.zero_grad()
    l = loss_full(X @ beta_lb, y)
    l.backward()
    return l
for _ in range(3):
    out = lbfgs.step(closure)
print(out, beta_lb.detach())
print(f"beta_hat = {beta_lb.detach().tolist()}")
print(lbfgs.state[beta_lb]["n_iter"], lbfgs.state[beta_lb]["func_evals"])

# %%
# the rate parameterisation: the input must be positive, eps guards log(0)
mu = torch.exp(X @ beta_lb.detach()).requires_grad_()
l = nn.PoissonNLLLoss(log_input=False, full=True, eps=1e-8)(mu, y)
l.backward()
print(l, mu.grad[:4])
z = torch.zeros(3, requires_grad=True)
l0 = nn.PoissonNLLLoss(log_input=False)(z, torch.tensor([0., 1., 2.]))
l0.backward()
l0, z.grad

# %%
nn.PoissonNLLLoss()(torch.randn(4, 1), torch.rand(4))

# %%
nn.PoissonNLLLoss()(torch.randn(4), torch.rand(5))

# %%
nn.PoissonNLLLoss(reduction="average")(torch.randn(4), torch.rand(4))

# %%
# negative binomial (NB2) NLL by hand with lgamma; log_alpha is a free parameter
def nb_nll(eta, log_alpha, y):
    mu = torch.exp(eta)
    r = torch.exp(-log_alpha)
    ll = (torch.lgamma(y + r) - torch.lgamma(r) - torch.lgamma(y + 1)
          + r * torch.log(r / (r + mu)) + y * torch.log(mu / (r + mu)))
    return -ll.mean()

b_nb = torch.zeros(3, requires_grad=True)
log_alpha = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.Adam([b_nb, log_alpha], lr=0.05)
for step in range(150):
    opt.zero_grad()
    l = nb_nll(X @ b_nb, log_alpha, y)
    l.backward()
    opt.step()
print(l, b_nb.detach(), log_alpha.exp())
print(log_alpha.grad, torch.lgamma(torch.tensor([0.5, 1.0, 10.0, 0.0, -1.0])))
torch.special.gammaln(torch.tensor([3.0])), torch.digamma(torch.tensor([1.0, 0.0])), torch.special.polygamma(1, torch.tensor([1.0]))

# %%
# Gamma regression with a log link: NLL up to a constant in the shape k
torch.manual_seed(1)
mu_g = torch.exp(X @ torch.tensor([1.0, 0.3, 0.2]))
k_true = 2.0
yg = torch.distributions.Gamma(torch.full((n,), k_true), k_true / mu_g).sample()
b_g = torch.zeros(3, requires_grad=True)
log_k = torch.zeros((), requires_grad=True)
opt = torch.optim.Adam([b_g, log_k], lr=0.05)
for _ in range(200):
    opt.zero_grad()
    mu_hat = torch.exp(X @ b_g)
    k = log_k.exp()
    nll = -torch.distributions.Gamma(k, k / mu_hat).log_prob(yg).mean()
    nll.backward()
    opt.step()
print(nll, b_g.detach(), log_k.exp().item() > 0)
torch.distributions.Gamma(torch.tensor(2.0), torch.tensor(1.0)).log_prob(torch.tensor([1.0, 0.0]))

# %%
torch.distributions.Gamma(torch.tensor(2.0), torch.tensor(1.0)).log_prob(torch.tensor(-1.0))

# %%
torch.distributions.Poisson(torch.tensor([1.0, 3.0])).log_prob(torch.tensor([0.5, 2.0]))
