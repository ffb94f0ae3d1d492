# Imitates Yang Song's "Score-Based Generative Modeling through Stochastic Differential Equations" Colab tutorial
# (the VE SDE on MNIST, scaled down to random 28x28 images): marginal_prob_std / diffusion_coeff written with numpy
# scalars (np.log, np.sqrt(np.prod(...))) and torch.tensor(sigma ** t), GaussianFourierProjection with a frozen
# nn.Parameter, the Dense layer's [..., None, None], the ScoreNet of Conv2d / GroupNorm / ConvTranspose2d with
# output_padding and the swish lambda, the denoising score matching loss, the Euler-Maruyama and predictor-corrector
# samplers under torch.no_grad, the Hutchinson trace estimator under torch.enable_grad and the prior likelihood.
import functools
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
device = 'cpu'

# %%
def marginal_prob_std(t, sigma):
    t = torch.tensor(t, device=device)
    return torch.sqrt((sigma ** (2 * t) - 1.) / 2. / np.log(sigma))


def diffusion_coeff(t, sigma):
    return torch.tensor(sigma ** t, device=device)


sigma = 25.0
marginal_prob_std_fn = functools.partial(marginal_prob_std, sigma=sigma)
diffusion_coeff_fn = functools.partial(diffusion_coeff, sigma=sigma)
print(marginal_prob_std_fn(0.5), marginal_prob_std_fn(1.0).dtype)
print(diffusion_coeff_fn(torch.tensor([0.0, 0.5, 1.0])))
ts = torch.linspace(1e-3, 1.0, 5)
print(marginal_prob_std_fn(ts), diffusion_coeff_fn(ts).dtype)
print(type(np.log(sigma)), ts / np.log(sigma), (ts * np.float32(2.0)).dtype, (np.float64(2.0) * ts).dtype)
print((ts * np.int64(3)).dtype, (np.float32(1.5) - ts), (ts ** np.float64(2)).dtype, torch.ones(2) * np.sqrt(784))

# %%
class GaussianFourierProjection(nn.Module):
    def __init__(self, embed_dim, scale=30.):
        super().__init__()
        self.W = nn.Parameter(torch.randn(embed_dim // 2) * scale, requires_grad=False)

    def forward(self, x):
        x_proj = x[:, None] * self.W[None, :] * 2 * np.pi
        return torch.cat([torch.sin(x_proj), torch.cos(x_proj)], dim=-1)


class Dense(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()
        self.dense = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.dense(x)[..., None, None]


class ScoreNet(nn.Module):
    def __init__(self, marginal_prob_std, channels=[4, 8, 8, 16], embed_dim=16):
        super().__init__()
        self.embed = nn.Sequential(GaussianFourierProjection(embed_dim=embed_dim), nn.Linear(embed_dim, embed_dim))
        self.conv1 = nn.Conv2d(1, channels[0], 3, stride=1, bias=False)
        self.dense1 = Dense(embed_dim, channels[0])
        self.gnorm1 = nn.GroupNorm(4, num_channels=channels[0])
        self.conv2 = nn.Conv2d(channels[0], channels[1], 3, stride=2, bias=False)
        self.dense2 = Dense(embed_dim, channels[1])
        self.gnorm2 = nn.GroupNorm(4, num_channels=channels[1])
        self.conv3 = nn.Conv2d(channels[1], channels[2], 3, stride=2, bias=False)
        self.dense3 = Dense(embed_dim, channels[2])
        self.gnorm3 = nn.GroupNorm(4, num_channels=channels[2])
        self.conv4 = nn.Conv2d(channels[2], channels[3], 3, stride=2, bias=False)
        self.dense4 = Dense(embed_dim, channels[3])
        self.gnorm4 = nn.GroupNorm(4, num_channels=channels[3])
        self.tconv4 = nn.ConvTranspose2d(channels[3], channels[2], 3, stride=2, bias=False)
        self.dense5 = Dense(embed_dim, channels[2])
        self.tgnorm4 = nn.GroupNorm(4, num_channels=channels[2])
        self.tconv3 = nn.ConvTranspose2d(channels[2] + channels[2], channels[1], 3, stride=2, bias=False,
                                         output_padding=1)
        self.dense6 = Dense(embed_dim, channels[1])
        self.tgnorm3 = nn.GroupNorm(4, num_channels=channels[1])
        self.tconv2 = nn.ConvTranspose2d(channels[1] + channels[1], channels[0], 3, stride=2, bias=False,
                                         output_padding=1)
        self.dense7 = Dense(embed_dim, channels[0])
        self.tgnorm2 = nn.GroupNorm(4, num_channels=channels[0])
        self.tconv1 = nn.ConvTranspose2d(channels[0] + channels[0], 1, 3, stride=1)
        self.act = lambda x: x * torch.sigmoid(x)
        self.marginal_prob_std = marginal_prob_std

    def forward(self, x, t):
        embed = self.act(self.embed(t))
        h1 = self.conv1(x)
        h1 += self.dense1(embed)
        h1 = self.act(self.gnorm1(h1))
        h2 = self.conv2(h1)
        h2 += self.dense2(embed)
        h2 = self.act(self.gnorm2(h2))
        h3 = self.conv3(h2)
        h3 += self.dense3(embed)
        h3 = self.act(self.gnorm3(h3))
        h4 = self.conv4(h3)
        h4 += self.dense4(embed)
        h4 = self.act(self.gnorm4(h4))
        h = self.tconv4(h4)
        h += self.dense5(embed)
        h = self.act(self.tgnorm4(h))
        h = self.tconv3(torch.cat([h, h3], dim=1))
        h += self.dense6(embed)
        h = self.act(self.tgnorm3(h))
        h = self.tconv2(torch.cat([h, h2], dim=1))
        h += self.dense7(embed)
        h = self.act(self.tgnorm2(h))
        h = self.tconv1(torch.cat([h, h1], dim=1))
        h = h / self.marginal_prob_std(t)[:, None, None, None]
        return h


score_model = ScoreNet(marginal_prob_std=marginal_prob_std_fn)
print(score_model.embed)
print(sum(p.numel() for p in score_model.parameters() if p.requires_grad),
      sum(p.numel() for p in score_model.parameters()))
x = torch.rand(2, 1, 28, 28)
out = score_model(x, torch.tensor([0.3, 0.9]))
print(out.shape, out.grad_fn, out.std())
print(score_model.embed[0].W.requires_grad, score_model.embed[0].W.grad_fn, score_model.embed[0].W.shape)

# %%
def loss_fn(model, x, marginal_prob_std, eps=1e-5):
    random_t = torch.rand(x.shape[0], device=x.device) * (1. - eps) + eps
    z = torch.randn_like(x)
    std = marginal_prob_std(random_t)
    perturbed_x = x + z * std[:, None, None, None]
    score = model(perturbed_x, random_t)
    loss = torch.mean(torch.sum((score * std[:, None, None, None] + z) ** 2, dim=(1, 2, 3)))
    return loss


data = (torch.rand(8, 1, 28, 28) > 0.7).float()
optimizer = torch.optim.Adam(score_model.parameters(), lr=1e-3)
for epoch in range(3):
    avg_loss = 0.
    num_items = 0
    for xb in data.split(4):
        loss = loss_fn(score_model, xb, marginal_prob_std_fn)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        avg_loss += loss.item() * xb.shape[0]
        num_items += xb.shape[0]
    print('Average Loss: {:5f}'.format(avg_loss / num_items))
print(score_model.conv1.weight.grad.norm(), score_model.embed[0].W.grad)

# %%
def Euler_Maruyama_sampler(score_model, marginal_prob_std, diffusion_coeff, batch_size=2, num_steps=8,
                           device='cpu', eps=1e-3):
    t = torch.ones(batch_size, device=device)
    init_x = torch.randn(batch_size, 1, 28, 28, device=device) * marginal_prob_std(t)[:, None, None, None]
    time_steps = torch.linspace(1., eps, num_steps, device=device)
    step_size = time_steps[0] - time_steps[1]
    x = init_x
    with torch.no_grad():
        for time_step in time_steps:
            batch_time_step = torch.ones(batch_size, device=device) * time_step
            g = diffusion_coeff(batch_time_step)
            mean_x = x + (g ** 2)[:, None, None, None] * score_model(x, batch_time_step) * step_size
            x = mean_x + torch.sqrt(step_size) * g[:, None, None, None] * torch.randn_like(x)
    return mean_x


samples = Euler_Maruyama_sampler(score_model, marginal_prob_std_fn, diffusion_coeff_fn)
print(samples.shape, samples.requires_grad, samples.mean(), samples.clamp(0.0, 1.0).mean())

# %%
def pc_sampler(score_model, marginal_prob_std, diffusion_coeff, batch_size=2, num_steps=5, snr=0.16, eps=1e-3):
    t = torch.ones(batch_size)
    init_x = torch.randn(batch_size, 1, 28, 28) * marginal_prob_std(t)[:, None, None, None]
    time_steps = np.linspace(1., eps, num_steps)
    step_size = time_steps[0] - time_steps[1]
    x = init_x
    with torch.no_grad():
        for time_step in time_steps:
            batch_time_step = torch.ones(batch_size) * time_step
            grad = score_model(x, batch_time_step)
            grad_norm = torch.norm(grad.reshape(grad.shape[0], -1), dim=-1).mean()
            noise_norm = np.sqrt(np.prod(x.shape[1:]))
            langevin_step_size = 2 * (snr * noise_norm / grad_norm) ** 2
            x = x + langevin_step_size * grad + torch.sqrt(2 * langevin_step_size) * torch.randn_like(x)
            g = diffusion_coeff(batch_time_step)
            x_mean = x + (g ** 2)[:, None, None, None] * score_model(x, batch_time_step) * step_size
            x = x_mean + torch.sqrt(g ** 2 * step_size)[:, None, None, None] * torch.randn_like(x)
    return x_mean


print(type(np.linspace(1., 1e-3, 5)[0] - 0.5), np.prod(torch.Size([1, 28, 28])), type(np.sqrt(np.prod((1, 28, 28)))))
pc = pc_sampler(score_model, marginal_prob_std_fn, diffusion_coeff_fn)
print(pc.shape, pc.dtype, torch.isfinite(pc).all())

# %%
def prior_likelihood(z, sigma):
    shape = z.shape
    N = np.prod(shape[1:])
    return -N / 2. * np.log(2 * np.pi * sigma ** 2) - torch.sum(z ** 2, dim=(1, 2, 3)) / (2 * sigma ** 2)


def divergence_eval(sample, time_steps, epsilon):
    with torch.enable_grad():
        sample.requires_grad_(True)
        score_e = torch.sum(score_model(sample, time_steps) * epsilon)
        grad_score_e = torch.autograd.grad(score_e, sample)[0]
    return torch.sum(grad_score_e * epsilon, dim=(1, 2, 3))


z = torch.randn(2, 1, 28, 28)
print(prior_likelihood(z * sigma, sigma), prior_likelihood(z, sigma).dtype)
with torch.no_grad():
    epsilon = torch.randn_like(z)
    div = divergence_eval(z.clone(), torch.tensor([0.5, 0.5]), epsilon)
print(div.shape, div.requires_grad, div.dtype)
with torch.no_grad():
    try:
        z2 = z.clone().requires_grad_(True)
        score_e = torch.sum(score_model(z2, torch.tensor([0.5, 0.5])) * epsilon)
        torch.autograd.grad(score_e, z2)
    except RuntimeError as e:
        print(e)
