# Imitates Karras et al.'s EDM reference code (training/loss.py EDMLoss, networks.py EDMPrecond, generate.py
# edm_sampler) and Katherine Crowson's k-diffusion (sampling.py: get_sigmas_karras / exponential, append_dims,
# to_d, get_ancestral_step, sample_euler / euler_ancestral / heun / dpmpp_2m; utils.py: rand_log_normal,
# rand_log_logistic, rand_v_diffusion, ema_update, EMAWarmup) on a toy 2-D denoiser: float64 sigma schedules with
# rho, preconditioning c_skip / c_out / c_in / c_noise = sigma.log() / 4, lognormal noise levels, Heun's second-order
# step in float64, min() of Python floats and 0-d tensors, expm1, logit, and an EMA with warmup, plus the mistakes:
# append_dims past the target rank, lerp_ with a float64 weight tensor, ema_update without no_grad.
import math
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)

# %%
def append_zero(x):
    return torch.cat([x, x.new_zeros([1])])


def get_sigmas_karras(n, sigma_min, sigma_max, rho=7., device='cpu'):
    ramp = torch.linspace(0, 1, n)
    min_inv_rho = sigma_min ** (1 / rho)
    max_inv_rho = sigma_max ** (1 / rho)
    sigmas = (max_inv_rho + ramp * (min_inv_rho - max_inv_rho)) ** rho
    return append_zero(sigmas).to(device)


def get_sigmas_exponential(n, sigma_min, sigma_max, device='cpu'):
    sigmas = torch.linspace(math.log(sigma_max), math.log(sigma_min), n, device=device).exp()
    return append_zero(sigmas)


def append_dims(x, target_dims):
    dims_to_append = target_dims - x.ndim
    if dims_to_append < 0:
        raise ValueError(f'input has {x.ndim} dims but target_dims is {target_dims}, which is less')
    return x[(...,) + (None,) * dims_to_append]


print(get_sigmas_karras(6, 0.002, 80.0))
print(get_sigmas_exponential(4, 0.01, 10.0))
num_steps, sigma_min, sigma_max, rho = 6, 0.002, 80, 7
step_indices = torch.arange(num_steps, dtype=torch.float64)
t_steps = (sigma_max ** (1 / rho) + step_indices / (num_steps - 1) * (sigma_min ** (1 / rho) - sigma_max ** (1 / rho))) ** rho
t_steps = torch.cat([torch.as_tensor(t_steps), torch.zeros_like(t_steps[:1])])
print(t_steps, t_steps.dtype)
print(append_dims(torch.tensor([1.0, 2.0]), 4).shape)
try:
    append_dims(torch.ones(2, 3), 1)
except ValueError as e:
    print(e)

# %%
def rand_log_normal(shape, loc=0., scale=1., device='cpu', dtype=torch.float32):
    return (torch.randn(shape, device=device, dtype=dtype) * scale + loc).exp()


def rand_log_logistic(shape, loc=0., scale=1., min_value=0., max_value=float('inf'), device='cpu',
                      dtype=torch.float32):
    min_value = torch.as_tensor(min_value, device=device, dtype=torch.float64)
    max_value = torch.as_tensor(max_value, device=device, dtype=torch.float64)
    min_cdf = min_value.log().sub(loc).div(scale).sigmoid()
    max_cdf = max_value.log().sub(loc).div(scale).sigmoid()
    u = torch.rand(shape, device=device, dtype=torch.float64) * (max_cdf - min_cdf) + min_cdf
    return u.logit().mul(scale).add(loc).exp().to(dtype)


def rand_v_diffusion(shape, sigma_data=1., min_value=0., max_value=float('inf'), device='cpu', dtype=torch.float32):
    min_cdf = math.atan(min_value / sigma_data) * 2 / math.pi
    max_cdf = math.atan(max_value / sigma_data) * 2 / math.pi
    u = torch.rand(shape, device=device, dtype=dtype) * (max_cdf - min_cdf) + min_cdf
    return torch.tan(u * math.pi / 2) * sigma_data


print(rand_log_normal([4], loc=-1.2, scale=1.2))
print(rand_log_logistic([4], loc=-1.2, scale=1.2, min_value=0.002, max_value=80.))
print(rand_log_logistic([3]), torch.as_tensor(0.).log(), torch.as_tensor(float('inf')).log().sigmoid())
print(rand_v_diffusion([4], sigma_data=0.5, min_value=0.002, max_value=80.))
P_mean, P_std = -1.2, 1.2
rnd_normal = torch.randn([5, 1])
sigma = (rnd_normal * P_std + P_mean).exp()
print(sigma.squeeze(1), sigma.dtype, sigma.log().mean())

# %%
class Denoiser(nn.Module):
    def __init__(self, sigma_data=0.5, hidden=32):
        super().__init__()
        self.sigma_data = sigma_data
        self.sigma_min, self.sigma_max = 0.002, 80.
        self.model = nn.Sequential(nn.Linear(3, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                   nn.Linear(hidden, 2))

    def round_sigma(self, sigma):
        return torch.as_tensor(sigma)

    def forward(self, x, sigma):
        x = x.to(torch.float32)
        sigma = sigma.to(torch.float32).reshape(-1, 1)
        c_skip = self.sigma_data ** 2 / (sigma ** 2 + self.sigma_data ** 2)
        c_out = sigma * self.sigma_data / (sigma ** 2 + self.sigma_data ** 2).sqrt()
        c_in = 1 / (self.sigma_data ** 2 + sigma ** 2).sqrt()
        c_noise = sigma.log() / 4
        F_x = self.model(torch.cat([c_in * x, c_noise.expand(x.shape[0], 1)], dim=1))
        assert F_x.dtype == torch.float32
        D_x = c_skip * x + c_out * F_x.to(torch.float32)
        return D_x


def edm_loss(net, images, P_mean=-1.2, P_std=1.2, sigma_data=0.5):
    rnd_normal = torch.randn([images.shape[0], 1], device=images.device)
    sigma = (rnd_normal * P_std + P_mean).exp()
    weight = (sigma ** 2 + sigma_data ** 2) / (sigma * sigma_data) ** 2
    n = torch.randn_like(images) * sigma
    D_yn = net(images + n, sigma)
    return weight * ((D_yn - images) ** 2)


theta = torch.rand(64) * 2 * math.pi
data = torch.stack([theta.cos(), theta.sin()], 1) * 0.5 + 0.02 * torch.randn(64, 2)
net = Denoiser()
print(net(data[:3], torch.tensor(1.0)).shape, net(data[:3], torch.tensor([0.1, 1.0, 10.0])).grad_fn)
opt = torch.optim.Adam(net.parameters(), lr=2e-3)
for it in range(8):
    loss = edm_loss(net, data)
    opt.zero_grad()
    loss.sum().mul(1 / data.shape[0]).backward()
    opt.step()
    if it % 2 == 0:
        print(it, loss.shape, f"{loss.mean().item():.4f}")
print(loss.grad_fn, net.model[0].weight.grad.abs().sum())

# %%
@torch.no_grad()
def edm_sampler(net, latents, num_steps=6, sigma_min=0.002, sigma_max=80, rho=7, S_churn=0, S_min=0,
                S_max=float('inf'), S_noise=1):
    step_indices = torch.arange(num_steps, dtype=torch.float64, device=latents.device)
    t_steps = (sigma_max ** (1 / rho) + step_indices / (num_steps - 1) * (sigma_min ** (1 / rho) - sigma_max ** (1 / rho))) ** rho
    t_steps = torch.cat([net.round_sigma(t_steps), torch.zeros_like(t_steps[:1])])
    x_next = latents.to(torch.float64) * t_steps[0]
    for i, (t_cur, t_next) in enumerate(zip(t_steps[:-1], t_steps[1:])):
        x_cur = x_next
        gamma = min(S_churn / num_steps, np.sqrt(2) - 1) if S_min <= t_cur <= S_max else 0
        t_hat = net.round_sigma(t_cur + gamma * t_cur)
        x_hat = x_cur + (t_hat ** 2 - t_cur ** 2).sqrt() * S_noise * torch.randn_like(x_cur)
        denoised = net(x_hat, t_hat).to(torch.float64)
        d_cur = (x_hat - denoised) / t_hat
        x_next = x_hat + (t_next - t_hat) * d_cur
        if i < num_steps - 1:
            denoised = net(x_next, t_next).to(torch.float64)
            d_prime = (x_next - denoised) / t_next
            x_next = x_hat + (t_next - t_hat) * (0.5 * d_cur + 0.5 * d_prime)
        if i == 0:
            print(type(gamma), gamma, t_hat.dtype, x_hat.dtype, d_cur.dtype)
    return x_next


latents = torch.randn(5, 2)
out = edm_sampler(net, latents)
print(out.dtype, out.shape, out.norm(dim=1))
out = edm_sampler(net, latents, S_churn=40, S_min=0.05, S_max=50)
print(out.dtype, out.to(torch.float32).norm(dim=1).mean())

# %%
def to_d(x, sigma, denoised):
    return (x - denoised) / append_dims(sigma, x.ndim)


def get_ancestral_step(sigma_from, sigma_to, eta=1.):
    if not eta:
        return sigma_to, 0.
    sigma_up = min(sigma_to, eta * (sigma_to ** 2 * (sigma_from ** 2 - sigma_to ** 2) / sigma_from ** 2) ** 0.5)
    sigma_down = (sigma_to ** 2 - sigma_up ** 2) ** 0.5
    return sigma_down, sigma_up


@torch.no_grad()
def sample_euler_ancestral(model, x, sigmas, eta=1.):
    s_in = x.new_ones([x.shape[0]])
    for i in range(len(sigmas) - 1):
        denoised = model(x, sigmas[i] * s_in)
        sigma_down, sigma_up = get_ancestral_step(sigmas[i], sigmas[i + 1], eta=eta)
        d = to_d(x, sigmas[i], denoised)
        dt = sigma_down - sigmas[i]
        x = x + d * dt
        if sigmas[i + 1] > 0:
            x = x + torch.randn_like(x) * sigma_up
    return x


@torch.no_grad()
def sample_dpmpp_2m(model, x, sigmas):
    s_in = x.new_ones([x.shape[0]])
    sigma_fn = lambda t: t.neg().exp()
    t_fn = lambda sigma: sigma.log().neg()
    old_denoised = None
    for i in range(len(sigmas) - 1):
        denoised = model(x, sigmas[i] * s_in)
        t, t_next = t_fn(sigmas[i]), t_fn(sigmas[i + 1])
        h = t_next - t
        if old_denoised is None or sigmas[i + 1] == 0:
            x = (sigma_fn(t_next) / sigma_fn(t)) * x - (-h).expm1() * denoised
        else:
            h_last = t - t_fn(sigmas[i - 1])
            r = h_last / h
            denoised_d = (1 + 1 / (2 * r)) * denoised - (1 / (2 * r)) * old_denoised
            x = (sigma_fn(t_next) / sigma_fn(t)) * x - (-h).expm1() * denoised_d
        old_denoised = denoised
    return x


sigmas = get_sigmas_karras(5, 0.002, 80.)
print(get_ancestral_step(sigmas[1], sigmas[2]), get_ancestral_step(sigmas[3], sigmas[4]))
print(get_ancestral_step(torch.tensor(1.0), torch.tensor(0.5), eta=0.))
print(min(torch.tensor(0.3), 0.5), max(0.25, torch.tensor(0.2)), min(sigmas[1], sigmas[2]))


@torch.no_grad()
def sample_euler_inplace(model, x, sigmas):
    s_in = x.new_ones([x.shape[0]])
    for i in range(len(sigmas) - 1):
        d = to_d(x, sigmas[i], model(x, sigmas[i] * s_in))
        x.add_(d, alpha=sigmas[i + 1] - sigmas[i])
    return x


x = torch.randn(4, 2) * sigmas[0]
print(sample_euler_inplace(net, x.clone(), sigmas).norm(dim=1))
d = torch.ones(4, 2)
print(torch.addcmul(x, d, d, value=sigmas[-2]), x.addcdiv(d, d + 1, value=-sigmas[3])[0])
print(x.sub(d, alpha=sigmas[2]).dtype, x.long().add(d.long(), alpha=torch.tensor(2))[0])
x = torch.randn(4, 2) * sigmas[0]
print(sample_euler_ancestral(net, x, sigmas).norm(dim=1))
print(sample_dpmpp_2m(net, x, sigmas).norm(dim=1), t_fn if 't_fn' in dir() else None)
print(torch.tensor(0.0).log().neg(), torch.tensor(-0.0).expm1(), (-torch.tensor(float('inf'))).expm1())

# %%
class EMAWarmup:
    def __init__(self, inv_gamma=1., power=1., min_value=0., max_value=1., start_at=0, last_epoch=0):
        self.inv_gamma, self.power = inv_gamma, power
        self.min_value, self.max_value = min_value, max_value
        self.start_at, self.last_epoch = start_at, last_epoch

    def get_value(self):
        epoch = max(0, self.last_epoch - self.start_at)
        value = 1 - (1 + epoch / self.inv_gamma) ** -self.power
        return 0. if epoch < 0 else min(self.max_value, max(self.min_value, value))

    def step(self):
        self.last_epoch += 1


@torch.no_grad()
def ema_update(model, averaged_model, decay):
    model_params = dict(model.named_parameters())
    averaged_params = dict(averaged_model.named_parameters())
    assert model_params.keys() == averaged_params.keys()
    for name, param in model_params.items():
        averaged_params[name].mul_(decay).add_(param, alpha=1 - decay)
    model_buffers = dict(model.named_buffers())
    averaged_buffers = dict(averaged_model.named_buffers())
    for name, buf in model_buffers.items():
        averaged_buffers[name].copy_(buf)


import copy
model_ema = copy.deepcopy(net)
sched = EMAWarmup(power=2 / 3, max_value=0.999)
for it in range(4):
    loss = edm_loss(net, data).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    ema_update(net, model_ema, sched.get_value())
    sched.step()
    print(it, round(sched.get_value(), 5), (net.model[0].weight - model_ema.model[0].weight).abs().max())
print(model_ema.model[0].weight.requires_grad, model_ema.model[0].weight.grad)

# %%
p = model_ema.model[2].weight
for f in [lambda: p.mul_(0.9),
          lambda: p.detach().lerp_(net.model[2].weight, torch.tensor(0.1, dtype=torch.float64)),
          lambda: p.detach().lerp_(net.model[2].weight.double(), 0.1),
          lambda: p.detach().lerp_(net.model[2].weight.detach(), torch.full((32,), 0.1)).shape,
          lambda: p.detach().lerp_(net.model[2].weight.detach(), torch.full((32, 1), 0.1)).shape,
          lambda: torch.lerp(p.detach(), net.model[2].weight, 0.5).grad_fn,
          lambda: torch.lerp(torch.zeros(3), torch.ones(3), torch.tensor([0.0, 0.5, 2.0])),
          lambda: torch.lerp(torch.zeros(3, dtype=torch.float64), torch.ones(3), 0.5),
          lambda: p.detach().add_(net.model[2].weight, alpha=torch.tensor(0.5)).shape,
          lambda: torch.zeros(2, dtype=torch.long).add_(torch.ones(2, dtype=torch.long), alpha=0.5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
