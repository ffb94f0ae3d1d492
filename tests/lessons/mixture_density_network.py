# Imitates the mixture-density-network tutorials (Bishop's MDN in PyTorch blog posts, "mdn.py" gists, the inverse
# sine problem): data y = x + 0.3 sin(2 pi x) + noise inverted, an MDN head with pi (softmax), sigma (exp) and mu,
# the negative log-likelihood written by hand with logsumexp, the same with torch.distributions (Categorical, Normal,
# MixtureSameFamily, Independent), sampling from the mixture, and a few Adam steps.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical, Normal, MixtureSameFamily, Independent, MultivariateNormal

# %%
torch.manual_seed(0)
n = 200
y_data = torch.rand(n, 1)
x_data = y_data + 0.3 * torch.sin(2 * math.pi * y_data) + 0.1 * (torch.rand(n, 1) - 0.5)
x_data, y_data = x_data.float(), y_data.float()
print(x_data.shape, x_data.min(), x_data.max())
x_data[:3].T, y_data[:3].T

# %%
class MDN(nn.Module):
    def __init__(self, n_hidden=20, n_gaussians=5):
        super().__init__()
        self.z_h = nn.Sequential(nn.Linear(1, n_hidden), nn.Tanh())
        self.z_pi = nn.Linear(n_hidden, n_gaussians)
        self.z_sigma = nn.Linear(n_hidden, n_gaussians)
        self.z_mu = nn.Linear(n_hidden, n_gaussians)
    def forward(self, x):
        z_h = self.z_h(x)
        pi = F.softmax(self.z_pi(z_h), -1)
        sigma = torch.exp(self.z_sigma(z_h))
        mu = self.z_mu(z_h)
        return pi, sigma, mu

ONEOVERSQRT2PI = 1.0 / math.sqrt(2 * math.pi)
def gaussian_distribution(y, mu, sigma):
    result = (y.expand_as(mu) - mu) * torch.reciprocal(sigma)
    result = -0.5 * (result * result)
    return (torch.exp(result) * torch.reciprocal(sigma)) * ONEOVERSQRT2PI

def mdn_loss_fn(pi, sigma, mu, y):
    result = gaussian_distribution(y, mu, sigma) * pi
    result = torch.sum(result, dim=1)
    result = -torch.log(result)
    return torch.mean(result)

def mdn_loss_stable(pi, sigma, mu, y):
    log_prob = Normal(mu, sigma).log_prob(y) + torch.log(pi)
    return -torch.logsumexp(log_prob, dim=1).mean()

torch.manual_seed(0)
network = MDN(n_hidden=20, n_gaussians=5)
pi, sigma, mu = network(x_data)
print(pi.shape, sigma.shape, mu.shape, pi.sum(1)[:3])
print(mdn_loss_fn(pi, sigma, mu, y_data), mdn_loss_stable(pi, sigma, mu, y_data))
mix = MixtureSameFamily(Categorical(probs=pi), Normal(mu, sigma))
print(mix)
print(mix.batch_shape, mix.event_shape)
-mix.log_prob(y_data.squeeze(1)).mean()

# %%
optimizer = torch.optim.Adam(network.parameters())
for epoch in range(60):
    pi, sigma, mu = network(x_data)
    loss = mdn_loss_stable(pi, sigma, mu, y_data)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 20 == 0:
        print(epoch, loss.item())
network.z_pi.weight.grad.norm()

# %%
x_test = torch.linspace(-0.1, 1.1, 7).view(-1, 1)
with torch.no_grad():
    pi, sigma, mu = network(x_test)
torch.manual_seed(1)
k = torch.multinomial(pi, 1).view(-1)
y_pred = torch.normal(mu, sigma)[torch.arange(len(k)), k]
print(k, y_pred)
m = MixtureSameFamily(Categorical(probs=pi), Normal(mu, sigma))
s = m.sample((3,))
print(s.shape, m.mean, m.variance)
print(m.cdf(torch.zeros(7)))
Categorical(probs=pi).entropy()

# %%
torch.manual_seed(0)
mix = Categorical(torch.ones(3))
comp = Independent(Normal(torch.randn(3, 2), torch.rand(3, 2) + 0.5), 1)
gmm = MixtureSameFamily(mix, comp)
print(gmm.batch_shape, gmm.event_shape)
pts = gmm.sample((4,))
print(pts, gmm.log_prob(pts))
comp2 = MultivariateNormal(torch.zeros(3, 2), torch.eye(2).expand(3, 2, 2) * 0.5)
gmm2 = MixtureSameFamily(Categorical(logits=torch.zeros(3)), comp2)
gmm2.log_prob(pts), gmm2.component_distribution, gmm2.mixture_distribution.probs

# %%
try:
    MixtureSameFamily(Categorical(torch.ones(2)), Normal(torch.zeros(3), torch.ones(3)))
except Exception as e:
    print(type(e).__name__, e)
try:
    Normal(torch.zeros(2), torch.tensor([1.0, -1.0]))
except Exception as e:
    print(type(e).__name__, str(e)[:200])
Normal(0., 1.).log_prob(torch.tensor(0.)), Normal(torch.tensor([0.]), 1.).icdf(torch.tensor([0.975]))
