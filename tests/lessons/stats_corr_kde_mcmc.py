# Imitates a "statistics from scratch with PyTorch" notebook: correlation and covariance (torch.corrcoef, torch.cov
# with correction=, fweights and aweights), a kernel density estimate by hand with broadcasting, Metropolis-Hastings
# MCMC with a seeded generator, and the mistakes learners make (cov of rows vs columns, weights of the wrong
# length, negative or float frequency weights, a 3-D input, a constant column in corrcoef).
import math
import torch

# %%
torch.manual_seed(3)
height = torch.randn(50) * 7 + 170
weight = 0.9 * (height - 170) + torch.randn(50) * 5 + 70
data = torch.stack([height, weight])
print(data.shape)
print(torch.corrcoef(data), torch.cov(data))
torch.cov(data, correction=0), torch.cov(data.T), torch.cov(height)

# %%
fw = torch.randint(1, 4, (50,))
aw = torch.rand(50)
print(torch.cov(data, fweights=fw), torch.cov(data, aweights=aw))
print(torch.cov(data, fweights=fw, aweights=aw, correction=0))
xc = data - data.mean(dim=1, keepdim=True)
manual = xc @ xc.T / (data.shape[1] - 1)
torch.allclose(manual, torch.cov(data)), torch.cov(data.double()).dtype, torch.cov(torch.tensor([1, 2, 4]))

# %%
torch.cov(data, fweights=torch.ones(3, dtype=torch.long))

# %%
torch.cov(data, fweights=fw.float())

# %%
torch.cov(data, fweights=-fw)

# %%
torch.cov(data, aweights=-aw)

# %%
torch.cov(data, aweights=aw.long())

# %%
torch.cov(torch.randn(2, 3, 4))

# %%
torch.cov(data, correction=60)

# %%
torch.corrcoef(torch.stack([height, torch.ones(50)]))

# %%
torch.corrcoef(torch.randn(2, 3, 4))

# %%
torch.corrcoef(torch.tensor([1.0, 2.0, 3.0])), torch.cov(torch.tensor(2.0)), torch.corrcoef(torch.tensor([[1, 2, 3], [1, 3, 2]]))

# %%
# a kernel density estimate by hand: Gaussian kernel, Silverman's bandwidth
x = torch.cat([torch.randn(300) - 2, torch.randn(200) * 0.5 + 1.5])
n = x.numel()
sd = x.std()
iqr = torch.quantile(x, 0.75) - torch.quantile(x, 0.25)
h = 0.9 * torch.minimum(sd, iqr / 1.34) * n ** (-0.2)
grid = torch.linspace(-5, 4, 10)
u = (grid[:, None] - x[None, :]) / h
kde = torch.exp(-0.5 * u ** 2).sum(dim=1) / (n * h * math.sqrt(2 * math.pi))
print(h, kde)
print(torch.trapezoid(kde, grid), torch.distributions.Normal(0, 1).log_prob(u).exp().mean(1) / h)
(grid - x).shape

# %%
kde_bad = torch.exp(-0.5 * ((grid - x.unsqueeze(1)) / h) ** 2).mean(dim=0)
kde_bad.shape

# %%
# Metropolis-Hastings for a standard normal target
g = torch.Generator().manual_seed(11)
def log_target(t):
    return -0.5 * t ** 2
chain = torch.empty(2000)
cur = torch.tensor(3.0)
accepted = 0
for i in range(2000):
    prop = cur + 0.8 * torch.randn((), generator=g)
    log_alpha = log_target(prop) - log_target(cur)
    if torch.log(torch.rand((), generator=g)) < log_alpha:
        cur = prop
        accepted += 1
    chain[i] = cur
burned = chain[500:]
print(accepted / 2000, burned.mean(), burned.std(), torch.var_mean(burned, correction=0))
print(torch.quantile(burned, torch.tensor([0.05, 0.95])), burned[::100][:5])
lag1 = torch.corrcoef(torch.stack([burned[:-1], burned[1:]]))[0, 1]
lag1

# %%
# z-scores across features: which dim?
feats = torch.stack([height, weight], dim=1)
z = (feats - feats.mean(0)) / feats.std(0)
print(z.mean(0), z.std(0, unbiased=True), z.shape)
zz = (feats - feats.mean(1, keepdim=True)) / feats.std(1, keepdim=True)
zz.shape, torch.corrcoef(z.T), feats.std(dim=0, correction=0)

# %%
feats - feats.mean(1)

# %%
feats.std(dim=0, unbiased=False, correction=0)

# %%
feats.std(0, True, True, 1)
