# Imitates the "Gaussian mixture models with EM in PyTorch" notebooks (and the clustering chapters that fit a GMM
# then compare with k-means): responsibilities with MultivariateNormal.log_prob and logsumexp, M-step means and
# covariances with einsum and a jitter on the diagonal, torch.cov / corrcoef checks, the log-likelihood per
# iteration, BIC, a Cholesky-based sampler, and fitting the mixture by gradient descent on the NLL instead.
import math
import torch
from torch.distributions import MultivariateNormal, Categorical, MixtureSameFamily

# %%
torch.manual_seed(0)
true_means = torch.tensor([[0., 0.], [4., 4.], [-3., 5.]])
true_covs = torch.stack([torch.tensor([[1.0, 0.3], [0.3, 0.5]]), torch.eye(2) * 0.8,
                         torch.tensor([[0.6, -0.2], [-0.2, 1.2]])])
X = torch.cat([MultivariateNormal(m, c).sample((60,)) for m, c in zip(true_means, true_covs)])
print(X.shape, X.mean(0), torch.cov(X.T))
print(torch.corrcoef(X.T), torch.cov(X.T, correction=0))
X[:3]

# %%
K, (N, D) = 3, X.shape
g = torch.Generator().manual_seed(1)
means = X[torch.randperm(N, generator=g)[:K]].clone()
covs = torch.eye(D).repeat(K, 1, 1)
weights = torch.full((K,), 1.0 / K)
print(means, covs.shape, weights)

def e_step(X, means, covs, weights):
    log_probs = torch.stack([MultivariateNormal(means[k], covs[k]).log_prob(X) for k in range(K)], dim=1)
    weighted = log_probs + weights.log()
    log_norm = torch.logsumexp(weighted, dim=1, keepdim=True)
    return (weighted - log_norm).exp(), log_norm.sum()

def m_step(X, resp, reg=1e-6):
    nk = resp.sum(0)
    weights = nk / X.shape[0]
    means = resp.T @ X / nk[:, None]
    diff = X[None, :, :] - means[:, None, :]
    covs = torch.einsum('nk,kni,knj->kij', resp, diff, diff) / nk[:, None, None]
    covs = covs + reg * torch.eye(X.shape[1])
    return means, covs, weights

history = []
for it in range(8):
    resp, ll = e_step(X, means, covs, weights)
    means, covs, weights = m_step(X, resp)
    history.append(ll.item())
print([round(h, 3) for h in history])
print(weights, means)
covs[0], resp.argmax(1).bincount(minlength=3)

# %%
n_params = K * D + K * D * (D + 1) / 2 + K - 1
bic = -2 * history[-1] + n_params * math.log(N)
print(n_params, round(bic, 3))
L = torch.linalg.cholesky(covs)
print(L[1], torch.allclose(L @ L.mT, covs, atol=1e-5))
torch.manual_seed(2)
comp = torch.multinomial(weights, 5, replacement=True)
z = torch.randn(5, D)
samples = means[comp] + (L[comp] @ z.unsqueeze(-1)).squeeze(-1)
print(comp, samples)
gmm = MixtureSameFamily(Categorical(probs=weights), MultivariateNormal(means, scale_tril=L))
print(gmm.log_prob(X).sum(), history[-1])
gmm.sample((2,)).shape, gmm.mean

# %%
torch.manual_seed(0)
logits = torch.zeros(K, requires_grad=True)
mu = X[torch.randperm(N)[:K]].clone().requires_grad_()
raw_tril = torch.zeros(K, D, D, requires_grad=True)
def build_scale_tril(raw):
    tril = torch.tril(raw, diagonal=-1)
    diag = torch.nn.functional.softplus(torch.diagonal(raw, dim1=-2, dim2=-1)) + 1e-3
    return tril + torch.diag_embed(diag)
opt = torch.optim.Adam([logits, mu, raw_tril], lr=0.1)
for step in range(40):
    mix = MixtureSameFamily(Categorical(logits=logits), MultivariateNormal(mu, scale_tril=build_scale_tril(raw_tril)))
    nll = -mix.log_prob(X).mean()
    opt.zero_grad()
    nll.backward()
    opt.step()
    if step % 10 == 0:
        print(step, round(nll.item(), 5))
print(logits.softmax(0), mu.detach())
build_scale_tril(raw_tril)[0], raw_tril.grad.shape

# %%
def kmeans_pp_init(X, k, g):
    centers = [X[torch.randint(len(X), (1,), generator=g)].squeeze(0)]
    for _ in range(k - 1):
        d2 = torch.cdist(X, torch.stack(centers)).min(dim=1).values ** 2
        probs = d2 / d2.sum()
        centers.append(X[torch.multinomial(probs, 1, generator=g)].squeeze(0))
    return torch.stack(centers)
c = kmeans_pp_init(X, 3, torch.Generator().manual_seed(0))
print(c)
assign = torch.cdist(X, c).argmin(1)
(assign == resp.argmax(1)).float().mean(), torch.unique(assign, return_counts=True)
