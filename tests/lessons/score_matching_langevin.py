# Imitates the score-based generative modelling tutorials (Yang Song's "Generative Modeling by Estimating Gradients
# of the Data Distribution" blog and Colab, the NCSN / sliced score matching reference code, the "score matching from
# scratch" notebooks): the score of a Gaussian mixture computed with torch.autograd.grad of its log-density, exact
# score matching with the trace of the Jacobian taken row by row (create_graph=True), sliced score matching with
# random projections, denoising score matching over geometric noise levels (torch.exp of torch.linspace of logs),
# a noise-conditional score MLP, and annealed Langevin dynamics sampling under torch.no_grad.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import MultivariateNormal, Categorical, MixtureSameFamily, Independent, Normal

torch.manual_seed(1)

# %%
mix = Categorical(torch.tensor([0.3, 0.7]))
comp = Independent(Normal(torch.tensor([[-2.0, 0.0], [2.0, 1.0]]), torch.tensor([[0.5, 0.5], [0.8, 0.4]])), 1)
gmm = MixtureSameFamily(mix, comp)
print(gmm)
x = gmm.sample((5,))
print(x, gmm.log_prob(x))


def true_score(x):
    x = x.detach().requires_grad_(True)
    logp = gmm.log_prob(x).sum()
    return torch.autograd.grad(logp, x)[0]


s = true_score(x)
print(s, s.requires_grad)
g = MultivariateNormal(torch.zeros(2), torch.tensor([[1.0, 0.5], [0.5, 2.0]]))
xg = torch.randn(3, 2)
print(true_score.__name__, torch.allclose(
    torch.autograd.grad(g.log_prob(xg.requires_grad_()).sum(), xg)[0],
    -xg @ torch.linalg.inv(g.covariance_matrix), atol=1e-6))

# %%
class ScoreNet(nn.Module):
    def __init__(self, dim=2, hidden=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.Softplus(), nn.Linear(hidden, hidden), nn.Softplus(),
                                 nn.Linear(hidden, dim))

    def forward(self, x):
        return self.net(x)


def exact_score_matching(model, x):
    x = x.requires_grad_(True)
    score = model(x)
    norm_loss = 0.5 * torch.norm(score, dim=-1) ** 2
    trace = torch.zeros(x.shape[0])
    for i in range(x.shape[1]):
        trace = trace + torch.autograd.grad(score[:, i].sum(), x, create_graph=True, retain_graph=True)[0][:, i]
    return (norm_loss + trace).mean()


def sliced_score_matching(model, x, n_particles=2):
    dup = x.unsqueeze(0).expand(n_particles, *x.shape).contiguous().view(-1, *x.shape[1:])
    dup.requires_grad_(True)
    vectors = torch.randn_like(dup)
    vectors = vectors / torch.norm(vectors, dim=-1, keepdim=True)
    grad1 = model(dup)
    gradv = torch.sum(grad1 * vectors)
    loss1 = torch.sum(grad1 * vectors, dim=-1) ** 2 * 0.5
    grad2 = torch.autograd.grad(gradv, dup, create_graph=True)[0]
    loss2 = torch.sum(vectors * grad2, dim=-1)
    return (loss1 + loss2).mean()


torch.manual_seed(2)
data = gmm.sample((64,))
score_net = ScoreNet()
opt = torch.optim.Adam(score_net.parameters(), lr=1e-2)
for step in range(6):
    loss = exact_score_matching(score_net, data.clone())
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 3 == 0:
        print(step, loss.item())
print(loss.grad_fn, loss.grad_fn.next_functions)
for step in range(3):
    loss = sliced_score_matching(score_net, data[:32])
    opt.zero_grad()
    loss.backward()
    opt.step()
print("ssm", loss.item(), score_net.net[0].weight.grad.norm())

# %%
sigma_begin, sigma_end, n_sigmas = 2.0, 0.05, 6
sigmas = torch.tensor(np.exp(np.linspace(np.log(sigma_begin), np.log(sigma_end), n_sigmas))).float()
sigmas2 = torch.exp(torch.linspace(math.log(sigma_begin), math.log(sigma_end), n_sigmas))
print(sigmas, sigmas2, torch.allclose(sigmas, sigmas2))
print(sigmas[1:] / sigmas[:-1])


class NCSN(nn.Module):
    def __init__(self, n_sigmas, dim=2, hidden=32):
        super().__init__()
        self.lin1 = nn.Linear(dim, hidden)
        self.embed = nn.Embedding(n_sigmas, hidden)
        self.lin2 = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, dim)

    def forward(self, x, labels):
        h = F.softplus(self.lin1(x)) * self.embed(labels)
        h = F.softplus(self.lin2(h))
        return self.out(h) / sigmas[labels].view(x.shape[0], *([1] * len(x.shape[1:])))


def anneal_dsm_score_estimation(scorenet, samples, labels, sigmas, anneal_power=2.):
    used_sigmas = sigmas[labels].view(samples.shape[0], *([1] * len(samples.shape[1:])))
    perturbed_samples = samples + torch.randn_like(samples) * used_sigmas
    target = - 1 / (used_sigmas ** 2) * (perturbed_samples - samples)
    scores = scorenet(perturbed_samples, labels)
    target = target.view(target.shape[0], -1)
    scores = scores.view(scores.shape[0], -1)
    loss = 1 / 2. * ((scores - target) ** 2).sum(dim=-1) * used_sigmas.squeeze() ** anneal_power
    return loss.mean(dim=0)


torch.manual_seed(3)
ncsn = NCSN(n_sigmas)
optimizer = torch.optim.Adam(ncsn.parameters(), lr=5e-3)
for step in range(20):
    labels = torch.randint(0, len(sigmas), (data.shape[0],))
    loss = anneal_dsm_score_estimation(ncsn, data, labels, sigmas)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 5 == 0:
        print(f"step {step:3d}  dsm loss {loss.item():.4f}")
print(ncsn.embed.weight.grad.shape, (ncsn.embed.weight.grad.abs().sum(1) > 0).tolist())

# %%
@torch.no_grad()
def anneal_Langevin_dynamics(x_mod, scorenet, sigmas, n_steps_each=3, step_lr=0.01):
    images = []
    for c, sigma in enumerate(sigmas):
        labels = torch.ones(x_mod.shape[0], dtype=torch.long) * c
        step_size = step_lr * (sigma / sigmas[-1]) ** 2
        for s in range(n_steps_each):
            images.append(torch.clamp(x_mod, -5.0, 5.0).to('cpu'))
            noise = torch.randn_like(x_mod) * torch.sqrt(step_size * 2)
            grad = scorenet(x_mod, labels)
            x_mod = x_mod + step_size * grad + noise
    return images, x_mod


torch.manual_seed(4)
init = torch.rand(16, 2) * 8 - 4
images, final = anneal_Langevin_dynamics(init, ncsn, sigmas)
print(len(images), final.requires_grad, final.shape)
print(final.mean(0), (final[:, 0] > 0).float().mean())


def langevin_true_score(n=200, steps=40, eps=0.05):
    x = torch.randn(n, 2) * 3
    for _ in range(steps):
        x = x + eps * true_score(x) + math.sqrt(2 * eps) * torch.randn_like(x)
    return x


samples = langevin_true_score()
print(samples.mean(0), (samples[:, 0] > 0).float().mean(), samples.requires_grad)
