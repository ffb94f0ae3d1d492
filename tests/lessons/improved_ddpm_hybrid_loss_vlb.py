# Imitates openai/improved-diffusion's gaussian_diffusion.py and losses.py as course notebooks re-type them
# (Nichol & Dhariwal, "Improved Denoising Diffusion Probabilistic Models"): the cosine alpha-bar schedule with betas
# clipped at 0.999 (built with numpy then moved to torch), timestep respacing, _extract_into_tensor with
# [..., None] broadcasting, a model that predicts eps and a learned variance interpolation v (torch.split), the
# posterior log variance with its clipped first entry, normal_kl, the discretized Gaussian log-likelihood with the
# tanh approximation of the normal CDF and torch.where thresholds, mean_flat, the hybrid L_simple + lambda * L_vlb
# loss with a stop-gradient on the mean, and the "loss-aware" importance sampling of timesteps.
import math
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_printoptions(precision=5, sci_mode=False)

# %%
def betas_for_alpha_bar(num_diffusion_timesteps, alpha_bar, max_beta=0.999):
    betas = []
    for i in range(num_diffusion_timesteps):
        t1 = i / num_diffusion_timesteps
        t2 = (i + 1) / num_diffusion_timesteps
        betas.append(min(1 - alpha_bar(t2) / alpha_bar(t1), max_beta))
    return np.array(betas)

T = 50
betas = betas_for_alpha_bar(T, lambda t: math.cos((t + 0.008) / 1.008 * math.pi / 2) ** 2)
print(betas.dtype, betas[:3], betas[-3:])
alphas = 1.0 - betas
alphas_cumprod = np.cumprod(alphas, axis=0)
alphas_cumprod_prev = np.append(1.0, alphas_cumprod[:-1])
posterior_variance = betas * (1.0 - alphas_cumprod_prev) / (1.0 - alphas_cumprod)
posterior_log_variance_clipped = np.log(np.append(posterior_variance[1], posterior_variance[1:]))
posterior_mean_coef1 = betas * np.sqrt(alphas_cumprod_prev) / (1.0 - alphas_cumprod)
posterior_mean_coef2 = (1.0 - alphas_cumprod_prev) * np.sqrt(alphas) / (1.0 - alphas_cumprod)
print(posterior_log_variance_clipped[:3].round(4), posterior_mean_coef1[-1], posterior_mean_coef2[0])

# %%
def _extract_into_tensor(arr, timesteps, broadcast_shape):
    res = torch.from_numpy(arr).to(device=timesteps.device)[timesteps].float()
    while len(res.shape) < len(broadcast_shape):
        res = res[..., None]
    return res.expand(broadcast_shape)

t = torch.tensor([0, 7, 49])
c = _extract_into_tensor(np.sqrt(alphas_cumprod), t, (3, 1, 2, 2))
print(c.shape, c.dtype, c[:, 0, 0, 0], c.is_contiguous(), c.stride())
print(torch.from_numpy(alphas_cumprod).dtype, torch.from_numpy(alphas_cumprod)[t])
tt = torch.as_tensor(alphas_cumprod, dtype=torch.float32)
print(tt[-1], tt.flip(0)[:2], tt.dtype)

# %%
def normal_kl(mean1, logvar1, mean2, logvar2):
    tensor = None
    for obj in (mean1, logvar1, mean2, logvar2):
        if isinstance(obj, torch.Tensor):
            tensor = obj
            break
    assert tensor is not None, "at least one argument must be a Tensor"
    logvar1, logvar2 = [x if isinstance(x, torch.Tensor) else torch.tensor(x).to(tensor) for x in (logvar1, logvar2)]
    return 0.5 * (-1.0 + logvar2 - logvar1 + torch.exp(logvar1 - logvar2)
                  + ((mean1 - mean2) ** 2) * torch.exp(-logvar2))

def approx_standard_normal_cdf(x):
    return 0.5 * (1.0 + torch.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * torch.pow(x, 3))))

def discretized_gaussian_log_likelihood(x, *, means, log_scales):
    assert x.shape == means.shape == log_scales.shape
    centered_x = x - means
    inv_stdv = torch.exp(-log_scales)
    plus_in = inv_stdv * (centered_x + 1.0 / 255.0)
    cdf_plus = approx_standard_normal_cdf(plus_in)
    min_in = inv_stdv * (centered_x - 1.0 / 255.0)
    cdf_min = approx_standard_normal_cdf(min_in)
    log_cdf_plus = torch.log(cdf_plus.clamp(min=1e-12))
    log_one_minus_cdf_min = torch.log((1.0 - cdf_min).clamp(min=1e-12))
    cdf_delta = cdf_plus - cdf_min
    log_probs = torch.where(x < -0.999, log_cdf_plus,
                            torch.where(x > 0.999, log_one_minus_cdf_min, torch.log(cdf_delta.clamp(min=1e-12))))
    assert log_probs.shape == x.shape
    return log_probs

def mean_flat(tensor):
    return tensor.mean(dim=list(range(1, len(tensor.shape))))

m = torch.randn(2, 3)
print(normal_kl(m, 0.0, torch.zeros(2, 3), torch.zeros(2, 3)).sum(), normal_kl(0.0, torch.zeros(1), 1.0, 0.5))
x = torch.tensor([[-1.0, -0.5, 0.0, 1.0]])
ll = discretized_gaussian_log_likelihood(x, means=torch.zeros_like(x), log_scales=torch.full_like(x, -2.0))
print(ll, mean_flat(ll) / np.log(2.0), np.sqrt(2.0 / np.pi) * torch.ones(2))
print(torch.tensor(0.5).to(m), torch.tensor(3).to(m).dtype, np.log(2.0) * torch.tensor([1.0, 2.0]))

# %%
class Net(nn.Module):
    def __init__(self, d=4, h=32):
        super().__init__()
        self.t_emb = nn.Embedding(T, h)
        self.inp = nn.Linear(d, h)
        self.out = nn.Linear(h, 2 * d)
    def forward(self, x, t):
        return self.out(F.silu(self.inp(x) + self.t_emb(t)))

def hybrid_loss(model, x_start, t, lam=0.001):
    noise = torch.randn_like(x_start)
    x_t = (_extract_into_tensor(np.sqrt(alphas_cumprod), t, x_start.shape) * x_start
           + _extract_into_tensor(np.sqrt(1.0 - alphas_cumprod), t, x_start.shape) * noise)
    out = model(x_t, t)
    C = x_start.shape[1]
    model_output, model_var_values = torch.split(out, C, dim=1)
    min_log = _extract_into_tensor(posterior_log_variance_clipped, t, x_t.shape)
    max_log = _extract_into_tensor(np.log(betas), t, x_t.shape)
    frac = (model_var_values + 1) / 2
    model_log_variance = frac * max_log + (1 - frac) * min_log
    frozen = model_output.detach()
    pred_xstart = (_extract_into_tensor(np.sqrt(1.0 / alphas_cumprod), t, x_t.shape) * x_t
                   - _extract_into_tensor(np.sqrt(1.0 / alphas_cumprod - 1), t, x_t.shape) * frozen).clamp(-1, 1)
    model_mean = (_extract_into_tensor(posterior_mean_coef1, t, x_t.shape) * pred_xstart
                  + _extract_into_tensor(posterior_mean_coef2, t, x_t.shape) * x_t)
    true_mean = (_extract_into_tensor(posterior_mean_coef1, t, x_t.shape) * x_start
                 + _extract_into_tensor(posterior_mean_coef2, t, x_t.shape) * x_t)
    kl = mean_flat(normal_kl(true_mean, min_log, model_mean, model_log_variance)) / np.log(2.0)
    nll = -mean_flat(discretized_gaussian_log_likelihood(x_start, means=model_mean,
                                                         log_scales=0.5 * model_log_variance)) / np.log(2.0)
    vb = torch.where((t == 0), nll, kl)
    mse = mean_flat((noise - model_output) ** 2)
    return mse + lam * T / 1000.0 * vb, mse, vb

torch.manual_seed(1)
model = Net()
opt = torch.optim.AdamW(model.parameters(), lr=2e-3)
x0 = (torch.rand(16, 4) * 2 - 1).round(decimals=1)
for step in range(5):
    t = torch.randint(0, T, (16,))
    t[0] = 0
    loss, mse, vb = hybrid_loss(model, x0, t)
    opt.zero_grad()
    loss.mean().backward()
    opt.step()
    print(step, f"{loss.mean().item():.4f} mse={mse.mean().item():.4f} vb={vb.mean().item():.4f}")
print(model.out.weight.grad.abs().max() > 0, vb.shape, vb.dtype, t.dtype)

# %%
class LossSecondMomentResampler:
    def __init__(self, num_timesteps, history_per_term=3, uniform_prob=0.001):
        self.num_timesteps = num_timesteps
        self.history_per_term = history_per_term
        self.uniform_prob = uniform_prob
        self._loss_history = np.zeros([num_timesteps, history_per_term], dtype=np.float64)
        self._loss_counts = np.zeros([num_timesteps], dtype=np.int64)
    def weights(self):
        if not (self._loss_counts == self.history_per_term).all():
            return np.ones([self.num_timesteps], dtype=np.float64)
        weights = np.sqrt(np.mean(self._loss_history ** 2, axis=-1))
        weights /= np.sum(weights)
        weights *= 1 - self.uniform_prob
        weights += self.uniform_prob / len(weights)
        return weights
    def sample(self, batch_size):
        w = self.weights()
        p = w / np.sum(w)
        indices_np = np.random.choice(len(p), size=(batch_size,), p=p)
        indices = torch.from_numpy(indices_np).long()
        weights_np = 1 / (len(p) * p[indices_np])
        weights = torch.from_numpy(weights_np).float()
        return indices, weights
    def update_with_all_losses(self, ts, losses):
        for t, loss in zip(ts, losses):
            if self._loss_counts[t] == self.history_per_term:
                self._loss_history[t, :-1] = self._loss_history[t, 1:]
                self._loss_history[t, -1] = loss
            else:
                self._loss_history[t, self._loss_counts[t]] = loss
                self._loss_counts[t] += 1

np.random.seed(0)
sampler = LossSecondMomentResampler(T)
for step in range(3):
    t, w = sampler.sample(8)
    loss, mse, vb = hybrid_loss(model, x0[:8], t)
    sampler.update_with_all_losses(t.tolist(), loss.detach().tolist())
    print(t, w, (loss * w).mean())
print(sampler._loss_counts[:10], sampler.weights()[:3])
for ts, l in zip(t, loss.detach()):
    pass
print(type(ts), ts, type(l), l.item() > 0, sampler._loss_history[ts.item()])

# %%
def space_timesteps(num_timesteps, section_counts):
    if isinstance(section_counts, str):
        section_counts = [int(x) for x in section_counts.split(",")]
    size_per = num_timesteps // len(section_counts)
    extra = num_timesteps % len(section_counts)
    start_idx = 0
    all_steps = []
    for i, section_count in enumerate(section_counts):
        size = size_per + (1 if i < extra else 0)
        if size < section_count:
            raise ValueError(f"cannot divide section of {size} steps into {section_count}")
        frac_stride = 1 if section_count <= 1 else (size - 1) / (section_count - 1)
        cur_idx = 0.0
        taken_steps = []
        for _ in range(section_count):
            taken_steps.append(start_idx + round(cur_idx))
            cur_idx += frac_stride
        all_steps += taken_steps
        start_idx += size
    return set(all_steps)

use = sorted(space_timesteps(T, "5,3,2"))
print(use)
last = 1.0
new_betas = []
for i, ac in enumerate(alphas_cumprod):
    if i in use:
        new_betas.append(1 - ac / last)
        last = ac
timestep_map = torch.tensor(use)
print(np.array(new_betas).round(4), timestep_map[torch.tensor([0, 9])], timestep_map.dtype)
try:
    space_timesteps(T, "30,30")
except ValueError as e:
    print(type(e).__name__, e)
