# Imitates the VAE tutorials (PyTorch examples' vae, Pyro-free "VAE from scratch" posts, d2l's probability
# chapter): an encoder that outputs mu and log-variance, the reparameterised sample, the KL term both in closed
# form and through torch.distributions.kl_divergence, a Gaussian decoder likelihood, and a multivariate normal.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Independent, MultivariateNormal, Normal, kl_divergence

# %%
torch.manual_seed(0)
x = torch.rand(16, 6)
enc = nn.Linear(6, 4)
dec = nn.Linear(2, 6)
h = enc(x)
mu, logvar = h[:, :2], h[:, 2:]
mu.shape, logvar.shape

# %%
std = torch.exp(0.5 * logvar)
eps = torch.randn_like(std)
z = mu + eps * std
z[:3]

# %%
# the closed form from the VAE paper, and the same through torch.distributions
kld_formula = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
q = Normal(mu, std)
prior = Normal(torch.zeros_like(mu), torch.ones_like(std))
kld_dist = kl_divergence(q, prior).sum()
print(kld_formula, kld_dist)
print(torch.allclose(kld_formula, kld_dist))

# %%
qz = Independent(q, 1)
pz = Independent(prior, 1)
print(qz, qz.batch_shape, qz.event_shape)
kl_divergence(qz, pz)[:4]

# %%
torch.manual_seed(1)
z = qz.rsample()
recon = torch.sigmoid(dec(z))
bce = F.binary_cross_entropy(recon, x, reduction="sum")
loss = bce + kl_divergence(qz, pz).sum()
loss.backward()
print(round(bce.item(), 4), round(loss.item(), 4))
enc.weight.grad.norm(), dec.bias.grad[:3]

# %%
# a few training steps
torch.manual_seed(2)
enc, dec = nn.Linear(6, 4), nn.Linear(2, 6)
opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), lr=0.05)
for step in range(30):
    h = enc(x)
    q = Independent(Normal(h[:, :2], torch.exp(0.5 * h[:, 2:])), 1)
    z = q.rsample()
    recon = torch.sigmoid(dec(z))
    loss = F.binary_cross_entropy(recon, x, reduction="sum") + kl_divergence(q, pz).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(loss.item(), 3))

# %%
# a Gaussian with a full covariance: log-density by hand and by MultivariateNormal
loc = torch.tensor([0.5, -1.0])
cov = torch.tensor([[1.0, 0.6], [0.6, 2.0]])
mvn = MultivariateNormal(loc, covariance_matrix=cov)
v = torch.tensor([1.0, 0.0])
d = v - loc
by_hand = -0.5 * (d @ torch.linalg.inv(cov) @ d + torch.logdet(cov) + 2 * math.log(2 * math.pi))
mvn.log_prob(v), by_hand, mvn.entropy()

# %%
torch.manual_seed(3)
samples = mvn.sample((2000,))
centered = samples - samples.mean(0)
samples.mean(0), centered.T @ centered / (len(samples) - 1)

# %%
L = torch.linalg.cholesky(cov)
mvn2 = MultivariateNormal(loc, scale_tril=L)
kl_divergence(mvn, mvn2).abs() < 1e-5, kl_divergence(mvn, MultivariateNormal(torch.zeros(2), torch.eye(2)))
