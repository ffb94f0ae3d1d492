# Imitates Blundell et al.'s "Weight Uncertainty in Neural Networks" as course notebooks and blog posts rebuild it
# (the "Bayes by Backprop from scratch" posts, blitz-style BayesianConv2d written by hand): mu / rho parameters,
# sigma = softplus(rho) = log1p(exp(rho)), weights drawn with randn_like for F.conv2d and F.linear, the scale-mixture
# prior's log-density through torch.logsumexp, a Monte Carlo KL, the closed-form Gaussian KL, and the ELBO's grads.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

def log_gauss(x, mu, sigma):
    return -0.5 * math.log(2 * math.pi) - torch.log(sigma) - (x - mu) ** 2 / (2 * sigma ** 2)

class ScaleMixturePrior:
    def __init__(self, pi=0.5, s1=1.0, s2=math.exp(-6)):
        self.pi, self.s1, self.s2 = pi, torch.tensor(s1), torch.tensor(s2)
    def log_prob(self, w):
        a = math.log(self.pi) + log_gauss(w, 0.0, self.s1)
        b = math.log(1 - self.pi) + log_gauss(w, 0.0, self.s2)
        return torch.logsumexp(torch.stack([a, b]), dim=0).sum()

class BayesConv2d(nn.Module):
    def __init__(self, cin, cout, k, stride=1, padding=0):
        super().__init__()
        self.stride, self.padding = stride, padding
        self.w_mu = nn.Parameter(torch.empty(cout, cin, k, k).normal_(0, 0.1))
        self.w_rho = nn.Parameter(torch.full((cout, cin, k, k), -4.0))
        self.b_mu = nn.Parameter(torch.zeros(cout))
        self.b_rho = nn.Parameter(torch.full((cout,), -4.0))
        self.prior = ScaleMixturePrior()
    def forward(self, x):
        w_s, b_s = F.softplus(self.w_rho), F.softplus(self.b_rho)
        w = self.w_mu + w_s * torch.randn_like(w_s)
        b = self.b_mu + b_s * torch.randn_like(b_s)
        self.log_q = log_gauss(w, self.w_mu, w_s).sum() + log_gauss(b, self.b_mu, b_s).sum()
        self.log_p = self.prior.log_prob(w) + self.prior.log_prob(b)
        return F.conv2d(x, w, b, stride=self.stride, padding=self.padding)

class BayesLinear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.w_mu = nn.Parameter(torch.empty(n_out, n_in).uniform_(-0.1, 0.1))
        self.w_rho = nn.Parameter(torch.empty(n_out, n_in).uniform_(-5, -4))
        self.b_mu = nn.Parameter(torch.zeros(n_out))
        self.b_rho = nn.Parameter(torch.full((n_out,), -5.0))
    def forward(self, x):
        w = self.w_mu + torch.log1p(torch.exp(self.w_rho)) * torch.randn_like(self.w_mu)
        b = self.b_mu + torch.log1p(torch.exp(self.b_rho)) * torch.randn_like(self.b_mu)
        return F.linear(x, w, b)
    def kl(self, prior_sigma=1.0):
        out = 0.
        for mu, rho in ((self.w_mu, self.w_rho), (self.b_mu, self.b_rho)):
            sig = F.softplus(rho)
            out = out + (math.log(prior_sigma) - torch.log(sig) + (sig ** 2 + mu ** 2) / (2 * prior_sigma ** 2) - 0.5).sum()
        return out

# %%
torch.manual_seed(0)
conv = BayesConv2d(1, 3, 3, padding=1)
x = torch.randn(2, 1, 5, 5)
h = conv(x)
print(h.shape, conv.log_q, conv.log_p)
print(F.softplus(conv.w_rho).flatten()[:3], F.softplus(torch.tensor([-30., 0., 25., 30.]), beta=2, threshold=10))
print(torch.logsumexp(torch.tensor([[-1e4, -1e4], [float("-inf"), float("-inf")]]), dim=1))
print(torch.logsumexp(torch.tensor([float("inf"), 1.0]), 0), torch.logsumexp(torch.ones(2, 3), dim=(0, 1), keepdim=True))

# %%
class BCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = BayesConv2d(1, 2, 3, stride=2, padding=1)
        self.fc = BayesLinear(2 * 3 * 3, 3)
    def forward(self, x):
        return self.fc(F.relu(self.conv(x)).flatten(1))
torch.manual_seed(1)
net = BCNN()
xb, yb = torch.randn(4, 1, 5, 5), torch.tensor([0, 2, 1, 2])
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for step in range(3):
    samples = 2
    nll, kl = 0., 0.
    for _ in range(samples):
        out = net(xb)
        nll = nll + F.cross_entropy(out, yb, reduction="sum")
        kl = kl + (net.conv.log_q - net.conv.log_p) + net.fc.kl()
    loss = (kl / 10 + nll) / samples
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, loss.item() > 0, net.conv.w_rho.grad.abs().sum() > 0)
print(net.conv.w_mu.grad.shape, net.fc.b_rho.grad)

# %%
# gradients of the pieces, checked by hand
rho = torch.tensor([-3., 0., 2.], requires_grad=True)
mu = torch.tensor([0.5, -0.2, 0.1], requires_grad=True)
eps = torch.tensor([0.3, -1.0, 2.0])
w = mu + F.softplus(rho) * eps
prior = ScaleMixturePrior(0.25, 1.0, 0.1)
lp = prior.log_prob(w)
lp.backward()
print(lp, mu.grad, rho.grad, torch.sigmoid(rho) * eps * mu.grad)
a = torch.tensor([[1., 2.], [3., float("-inf")]], requires_grad=True)
torch.logsumexp(a, 1).sum().backward()
print(a.grad, torch.logsumexp(a, 1).grad_fn)

# %%
# torch.distributions for the same KL, compared with the closed form
from torch.distributions import Normal, kl_divergence
q = Normal(mu, F.softplus(rho))
p = Normal(torch.zeros(3), torch.ones(3))
print(kl_divergence(q, p), q.log_prob(w).sum(), q.rsample(torch.Size([2])).shape)
s = F.softplus(rho)
print(torch.log(1 / s) + (s ** 2 + mu ** 2) / 2 - 0.5)
for f in [lambda: Normal(mu, -F.softplus(rho)),
          lambda: F.conv2d(torch.randn(1, 2, 4, 4), conv.w_mu),
          lambda: F.linear(torch.randn(2, 5), torch.randn(3, 4)),
          lambda: torch.logsumexp(torch.ones(3)),
          lambda: torch.randn_like([1., 2.]),
          lambda: F.softplus(torch.ones(2), beta=0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
