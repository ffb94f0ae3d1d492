# Imitates the Hugging Face diffusers schedulers as the "diffusion from scratch" courses rewrite them (the diffusers
# course unit 1 "Diffusion Models from Scratch", DDPMScheduler / DDIMScheduler's add_noise, step and set_timesteps):
# a 1000-step linear and "scaled_linear" beta schedule printed in full (summarised, scientific notation), add_noise
# broadcasting the gathered alphas with a while-loop of unsqueeze(-1), timesteps from np.arange(...)[::-1].copy(),
# the step's pred_original_sample with clamp, the "fixed_small" variance clamp(min=1e-20), epsilon / sample /
# v_prediction, DDIM with eta, and printing tensor stats; plus the learner's mistakes (int32 timesteps in gather,
# forgetting to reshape the gathered coefficients, a float timestep as an index).
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# %%
num_train_timesteps = 1000
betas = torch.linspace(0.0001, 0.02, num_train_timesteps, dtype=torch.float32)
print(betas)
scaled = torch.linspace(0.00085 ** 0.5, 0.012 ** 0.5, num_train_timesteps, dtype=torch.float32) ** 2
print(scaled)
alphas = 1.0 - betas
alphas_cumprod = torch.cumprod(alphas, dim=0)
print(alphas_cumprod)
final_alpha_cumprod = torch.tensor(1.0)
print(alphas_cumprod[[0, 499, 999]], alphas_cumprod.dtype)
print(f"min {alphas_cumprod.min():.6f} max {alphas_cumprod.max():.4f} mean {alphas_cumprod.mean().item():.4f}")

# %%
def add_noise(original_samples, noise, timesteps):
    ac = alphas_cumprod.to(device=original_samples.device, dtype=original_samples.dtype)
    timesteps = timesteps.to(original_samples.device)
    sqrt_alpha_prod = ac[timesteps] ** 0.5
    sqrt_alpha_prod = sqrt_alpha_prod.flatten()
    while len(sqrt_alpha_prod.shape) < len(original_samples.shape):
        sqrt_alpha_prod = sqrt_alpha_prod.unsqueeze(-1)
    sqrt_one_minus_alpha_prod = (1 - ac[timesteps]) ** 0.5
    sqrt_one_minus_alpha_prod = sqrt_one_minus_alpha_prod.flatten()
    while len(sqrt_one_minus_alpha_prod.shape) < len(original_samples.shape):
        sqrt_one_minus_alpha_prod = sqrt_one_minus_alpha_prod.unsqueeze(-1)
    return sqrt_alpha_prod * original_samples + sqrt_one_minus_alpha_prod * noise


def get_velocity(sample, noise, timesteps):
    sqrt_alpha_prod = (alphas_cumprod[timesteps] ** 0.5).flatten()
    sqrt_one_minus_alpha_prod = ((1 - alphas_cumprod[timesteps]) ** 0.5).flatten()
    while sqrt_alpha_prod.dim() < sample.dim():
        sqrt_alpha_prod = sqrt_alpha_prod[..., None]
        sqrt_one_minus_alpha_prod = sqrt_one_minus_alpha_prod[..., None]
    return sqrt_alpha_prod * noise - sqrt_one_minus_alpha_prod * sample


x0 = torch.rand(4, 1, 6, 6) * 2 - 1
noise = torch.randn_like(x0)
timesteps = torch.linspace(0, 999, 4).long()
print(timesteps, timesteps.dtype)
noisy = add_noise(x0, noise, timesteps)
print(noisy.shape, noisy.std(dim=(1, 2, 3)), noisy.amin(dim=(1, 2, 3)))
v = get_velocity(x0, noise, timesteps)
print(v.mean(), v.std(unbiased=False), v.abs().max())
print(torch.allclose(add_noise(x0, noise, torch.zeros(4, dtype=torch.long)), x0, atol=1e-2))

# %%
def try_it(f):
    try:
        out = f()
        print(type(out).__name__, tuple(out.shape))
    except Exception as e:
        print(type(e).__name__, e)


t32 = torch.tensor([3, 10], dtype=torch.int32)
try_it(lambda: alphas_cumprod.gather(-1, t32))
try_it(lambda: alphas_cumprod.gather(-1, t32.long()))
try_it(lambda: alphas_cumprod[t32])
try_it(lambda: alphas_cumprod[torch.tensor([3.0, 10.0])])
try_it(lambda: alphas_cumprod.gather(0, torch.tensor([[1, 2]])))
try_it(lambda: alphas_cumprod.gather(-1, torch.tensor([1000])))
try_it(lambda: alphas_cumprod[torch.tensor([1000])])
try_it(lambda: alphas_cumprod[timesteps] * x0)
try_it(lambda: alphas_cumprod[timesteps].view(-1, 1, 1, 1) * x0)
try_it(lambda: alphas_cumprod[timesteps][:, None, None, None] * x0)
try_it(lambda: alphas_cumprod.gather(-1, timesteps).reshape(4, 1, 1) * x0)

# %%
class DDPMScheduler:
    def __init__(self, num_train_timesteps=1000, beta_start=0.0001, beta_end=0.02, prediction_type="epsilon",
                 clip_sample=True):
        self.betas = torch.linspace(beta_start, beta_end, num_train_timesteps, dtype=torch.float32)
        self.alphas = 1.0 - self.betas
        self.alphas_cumprod = torch.cumprod(self.alphas, dim=0)
        self.one = torch.tensor(1.0)
        self.num_train_timesteps = num_train_timesteps
        self.prediction_type = prediction_type
        self.clip_sample = clip_sample
        self.timesteps = torch.from_numpy(np.arange(0, num_train_timesteps)[::-1].copy())

    def set_timesteps(self, num_inference_steps):
        self.num_inference_steps = num_inference_steps
        step_ratio = self.num_train_timesteps // num_inference_steps
        timesteps = (np.arange(0, num_inference_steps) * step_ratio).round()[::-1].copy().astype(np.int64)
        self.timesteps = torch.from_numpy(timesteps)

    def previous_timestep(self, timestep):
        return timestep - self.num_train_timesteps // self.num_inference_steps

    def _get_variance(self, t):
        prev_t = self.previous_timestep(t)
        alpha_prod_t = self.alphas_cumprod[t]
        alpha_prod_t_prev = self.alphas_cumprod[prev_t] if prev_t >= 0 else self.one
        current_beta_t = 1 - alpha_prod_t / alpha_prod_t_prev
        variance = (1 - alpha_prod_t_prev) / (1 - alpha_prod_t) * current_beta_t
        return torch.clamp(variance, min=1e-20)

    def step(self, model_output, timestep, sample, generator=None):
        t = timestep
        prev_t = self.previous_timestep(t)
        alpha_prod_t = self.alphas_cumprod[t]
        alpha_prod_t_prev = self.alphas_cumprod[prev_t] if prev_t >= 0 else self.one
        beta_prod_t = 1 - alpha_prod_t
        beta_prod_t_prev = 1 - alpha_prod_t_prev
        current_alpha_t = alpha_prod_t / alpha_prod_t_prev
        current_beta_t = 1 - current_alpha_t
        if self.prediction_type == "epsilon":
            pred_original_sample = (sample - beta_prod_t ** (0.5) * model_output) / alpha_prod_t ** (0.5)
        elif self.prediction_type == "sample":
            pred_original_sample = model_output
        elif self.prediction_type == "v_prediction":
            pred_original_sample = (alpha_prod_t ** 0.5) * sample - (beta_prod_t ** 0.5) * model_output
        else:
            raise ValueError(f"prediction_type given as {self.prediction_type} must be one of `epsilon`, `sample` or"
                             " `v_prediction`")
        if self.clip_sample:
            pred_original_sample = pred_original_sample.clamp(-1.0, 1.0)
        pred_original_sample_coeff = (alpha_prod_t_prev ** (0.5) * current_beta_t) / beta_prod_t
        current_sample_coeff = current_alpha_t ** (0.5) * beta_prod_t_prev / beta_prod_t
        pred_prev_sample = pred_original_sample_coeff * pred_original_sample + current_sample_coeff * sample
        variance = 0
        if t > 0:
            variance_noise = torch.randn(model_output.shape, generator=generator, dtype=model_output.dtype)
            variance = (self._get_variance(t) ** 0.5) * variance_noise
        return pred_prev_sample + variance, pred_original_sample


sched = DDPMScheduler()
print(sched.timesteps[:5], sched.timesteps.dtype, len(sched.timesteps))
sched.set_timesteps(10)
print(sched.timesteps, sched._get_variance(sched.timesteps[-2]), sched._get_variance(sched.timesteps[-1]))
print(sched._get_variance(torch.tensor(0)), sched._get_variance(0))
sched.timesteps[0], sched.timesteps[0] > 0, int(sched.timesteps[3])

# %%
class TinyDenoiser(nn.Module):
    def __init__(self, ch=8):
        super().__init__()
        self.inp = nn.Conv2d(1, ch, 3, padding=1)
        self.t_proj = nn.Linear(1, ch)
        self.norm = nn.GroupNorm(2, ch)
        self.out = nn.Conv2d(ch, 1, 3, padding=1)

    def forward(self, x, t):
        h = self.inp(x)
        if not torch.is_tensor(t):
            t = torch.tensor([t], dtype=torch.long)
        elif t.dim() == 0:
            t = t[None]
        temb = self.t_proj(t.float()[:, None] / 1000)
        h = F.silu(self.norm(h + temb[:, :, None, None]))
        return self.out(h)


net = TinyDenoiser()
opt = torch.optim.Adam(net.parameters(), lr=3e-3)
data = (torch.rand(16, 1, 6, 6) > 0.5).float() * 2 - 1
for step in range(6):
    noise = torch.randn(data.shape)
    t = torch.randint(0, sched.num_train_timesteps, (data.shape[0],), dtype=torch.int64)
    noisy = add_noise(data, noise, t)
    pred = net(noisy, t)
    loss = F.mse_loss(pred, noise)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4), t[:4].tolist())
print(net.t_proj.weight.grad.flatten()[:4])

# %%
generator = torch.Generator().manual_seed(7)
sample = torch.randn(2, 1, 6, 6, generator=generator)
print(sample.flatten()[:4])
net.eval()
with torch.no_grad():
    for i, t in enumerate(sched.timesteps):
        residual = net(sample, t)
        sample, x0_pred = sched.step(residual, t, sample, generator=generator)
        if i % 3 == 0:
            print(int(t), f"{sample.mean().item():+.4f} {sample.std().item():.4f}",
                  x0_pred.min().item() >= -1, x0_pred.max() <= 1)
print(sample.shape, sample.requires_grad, sample.dtype)
img = (sample / 2 + 0.5).clamp(0, 1)
print((img * 255).round().to(torch.uint8)[0, 0, :2])
sched.prediction_type = "noise"
try:
    sched.step(residual, torch.tensor(5), sample)
except ValueError as e:
    print(e)

# %%
class DDIMScheduler(DDPMScheduler):
    def ddim_step(self, model_output, timestep, sample, eta=0.0, generator=None):
        prev_timestep = timestep - self.num_train_timesteps // self.num_inference_steps
        alpha_prod_t = self.alphas_cumprod[timestep]
        alpha_prod_t_prev = self.alphas_cumprod[prev_timestep] if prev_timestep >= 0 else self.one
        beta_prod_t = 1 - alpha_prod_t
        pred_original_sample = (sample - beta_prod_t ** (0.5) * model_output) / alpha_prod_t ** (0.5)
        pred_epsilon = model_output
        variance = (1 - alpha_prod_t_prev) / (1 - alpha_prod_t) * (1 - alpha_prod_t / alpha_prod_t_prev)
        std_dev_t = eta * variance ** (0.5)
        pred_sample_direction = (1 - alpha_prod_t_prev - std_dev_t ** 2) ** (0.5) * pred_epsilon
        prev_sample = alpha_prod_t_prev ** (0.5) * pred_original_sample + pred_sample_direction
        if eta > 0:
            variance_noise = torch.randn(model_output.shape, generator=generator, dtype=model_output.dtype)
            prev_sample = prev_sample + std_dev_t * variance_noise
        return prev_sample, std_dev_t


ddim = DDIMScheduler()
ddim.set_timesteps(5)
print(ddim.timesteps)
for eta in (0.0, 1.0):
    g = torch.Generator().manual_seed(3)
    x = torch.randn(2, 1, 6, 6, generator=g)
    stds = []
    with torch.no_grad():
        for t in ddim.timesteps:
            x, s = ddim.ddim_step(net(x, t), t, x, eta=eta, generator=g)
            stds.append(s)
    print(eta, x.abs().mean(), stds[:2])
torch.stack([torch.as_tensor(s) for s in stds])
