# Imitates the "diffusion from scratch on 2-D toy data" tutorials (tiny-diffusion style notebooks, DeepFindr's
# "Diffusion models from scratch", Lilian Weng's DDPM walkthrough): a linear / quadratic / cosine beta schedule with
# torch.linspace and torch.cumprod, alphas_cumprod_prev with F.pad, an extract() helper with .gather, the forward
# process q_sample, a sinusoidal timestep embedding, an MLP noise predictor trained with F.mse_loss, and the
# ancestral sampling loop under torch.no_grad with the posterior variance.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
T = 50


def linear_beta_schedule(timesteps, start=1e-4, end=0.02):
    return torch.linspace(start, end, timesteps)


def quadratic_beta_schedule(timesteps, start=1e-4, end=0.02):
    return torch.linspace(start ** 0.5, end ** 0.5, timesteps) ** 2


def cosine_beta_schedule(timesteps, s=0.008):
    steps = timesteps + 1
    x = torch.linspace(0, timesteps, steps)
    alphas_cumprod = torch.cos(((x / timesteps) + s) / (1 + s) * torch.pi * 0.5) ** 2
    alphas_cumprod = alphas_cumprod / alphas_cumprod[0]
    betas = 1 - (alphas_cumprod[1:] / alphas_cumprod[:-1])
    return torch.clip(betas, 0.0001, 0.9999)


betas = linear_beta_schedule(T)
alphas = 1. - betas
alphas_cumprod = torch.cumprod(alphas, axis=0)
alphas_cumprod_prev = F.pad(alphas_cumprod[:-1], (1, 0), value=1.0)
sqrt_recip_alphas = torch.sqrt(1.0 / alphas)
sqrt_alphas_cumprod = torch.sqrt(alphas_cumprod)
sqrt_one_minus_alphas_cumprod = torch.sqrt(1. - alphas_cumprod)
posterior_variance = betas * (1. - alphas_cumprod_prev) / (1. - alphas_cumprod)
print(betas[:3], betas[-1])
print(alphas_cumprod[::10])
print(alphas_cumprod_prev[:3], posterior_variance[:3])
print(quadratic_beta_schedule(5))
print(cosine_beta_schedule(5))
sqrt_alphas_cumprod.shape, sqrt_alphas_cumprod.dtype

# %%
def extract(a, t, x_shape):
    batch_size = t.shape[0]
    out = a.gather(-1, t.cpu())
    return out.reshape(batch_size, *((1,) * (len(x_shape) - 1))).to(t.device)


def make_moons(n, noise=0.05):
    n_out = n // 2
    n_in = n - n_out
    outer = torch.linspace(0, math.pi, n_out)
    inner = torch.linspace(0, math.pi, n_in)
    x = torch.cat([torch.stack([torch.cos(outer), torch.sin(outer)], 1),
                   torch.stack([1 - torch.cos(inner), 1 - torch.sin(inner) - 0.5], 1)])
    return x + noise * torch.randn_like(x)


data = make_moons(64)
data = (data - data.mean(0)) / data.std(0)
print(data.shape, data.mean(0), data.std(0))
t = torch.randint(0, T, (5,)).long()
print(t, extract(sqrt_alphas_cumprod, t, (5, 2)))
extract(sqrt_alphas_cumprod, t, (5, 3, 4, 4)).shape

# %%
def q_sample(x_start, t, noise=None):
    if noise is None:
        noise = torch.randn_like(x_start)
    sqrt_alphas_cumprod_t = extract(sqrt_alphas_cumprod, t, x_start.shape)
    sqrt_one_minus_alphas_cumprod_t = extract(sqrt_one_minus_alphas_cumprod, t, x_start.shape)
    return sqrt_alphas_cumprod_t * x_start + sqrt_one_minus_alphas_cumprod_t * noise


x0 = data[:4]
for step in [0, 10, 25, 49]:
    xt = q_sample(x0, torch.full((4,), step, dtype=torch.long))
    print(step, xt.norm(dim=1))
print(q_sample(x0, torch.tensor([0, 1, 2, 3]), noise=torch.zeros_like(x0)) / x0)

# %%
class SinusoidalEmbedding(nn.Module):
    def __init__(self, size, scale=1.0):
        super().__init__()
        self.size = size
        self.scale = scale

    def forward(self, x):
        x = x * self.scale
        half_size = self.size // 2
        emb = torch.log(torch.Tensor([10000.0])) / (half_size - 1)
        emb = torch.exp(-emb * torch.arange(half_size))
        emb = x.unsqueeze(-1) * emb.unsqueeze(0)
        emb = torch.cat((torch.sin(emb), torch.cos(emb)), dim=-1)
        return emb

    def __len__(self):
        return self.size


class Block(nn.Module):
    def __init__(self, size):
        super().__init__()
        self.ff = nn.Linear(size, size)
        self.act = nn.GELU()

    def forward(self, x):
        return x + self.act(self.ff(x))


class MLP(nn.Module):
    def __init__(self, hidden_size=32, hidden_layers=2, emb_size=16):
        super().__init__()
        self.time_mlp = SinusoidalEmbedding(emb_size)
        self.input_mlp1 = SinusoidalEmbedding(emb_size, scale=25.0)
        self.input_mlp2 = SinusoidalEmbedding(emb_size, scale=25.0)
        concat_size = len(self.time_mlp) + len(self.input_mlp1) + len(self.input_mlp2)
        layers = [nn.Linear(concat_size, hidden_size), nn.GELU()]
        for _ in range(hidden_layers):
            layers.append(Block(hidden_size))
        layers.append(nn.Linear(hidden_size, 2))
        self.joint_mlp = nn.Sequential(*layers)

    def forward(self, x, t):
        x1_emb = self.input_mlp1(x[:, 0])
        x2_emb = self.input_mlp2(x[:, 1])
        t_emb = self.time_mlp(t)
        x = torch.cat((x1_emb, x2_emb, t_emb), dim=-1)
        x = self.joint_mlp(x)
        return x


emb = SinusoidalEmbedding(8)
print(emb(torch.tensor([0, 1, 49])))
model = MLP()
print(model)
print(sum(p.numel() for p in model.parameters()))
model(data[:3], torch.tensor([1, 2, 3])).shape

# %%
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
losses = []
for epoch in range(15):
    noise = torch.randn(data.shape)
    timesteps = torch.randint(0, T, (data.shape[0],)).long()
    noisy = q_sample(data, timesteps, noise)
    noise_pred = model(noisy, timesteps)
    loss = F.mse_loss(noise_pred, noise)
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    losses.append(loss.detach().item())
print([round(l, 4) for l in losses[::5]])
print(loss.grad_fn, model.joint_mlp[0].weight.grad.abs().max())

# %%
@torch.no_grad()
def p_sample(model, x, t, t_index):
    betas_t = extract(betas, t, x.shape)
    sqrt_one_minus_alphas_cumprod_t = extract(sqrt_one_minus_alphas_cumprod, t, x.shape)
    sqrt_recip_alphas_t = extract(sqrt_recip_alphas, t, x.shape)
    model_mean = sqrt_recip_alphas_t * (x - betas_t * model(x, t) / sqrt_one_minus_alphas_cumprod_t)
    if t_index == 0:
        return model_mean
    posterior_variance_t = extract(posterior_variance, t, x.shape)
    noise = torch.randn_like(x)
    return model_mean + torch.sqrt(posterior_variance_t) * noise


model.eval()
sample = torch.randn(8, 2)
frames = []
for i in reversed(range(0, T)):
    sample = p_sample(model, sample, torch.full((8,), i, dtype=torch.long), i)
    if i % 10 == 0:
        frames.append(sample.clone())
print(sample.requires_grad, sample.grad_fn, len(frames))
print(torch.stack(frames).shape, sample.clamp(-3, 3))
