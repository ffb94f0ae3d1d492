# Imitates the classifier-free guidance lessons (the "Conditional Diffusion MNIST" notebook of TeaPearce, the
# diffusers course's class-conditioned model, Jonathan Ho's CFG paper pseudo-code) on toy 2-D data with 3 classes:
# a context embedding with nn.Embedding plus a "null" class, label dropout with torch.bernoulli / torch.rand < p and
# torch.where, the DDPM schedules registered as buffers, the training step, the guided sampler that doubles the
# batch with torch.cat / repeat and splits it with chunk(2), a guidance weight w, the per-class statistics of the
# samples, and a learner's mistakes (one_hot of a float label, an Embedding index out of range, chunk of an odd batch).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)

# %%
def ddpm_schedules(beta1, beta2, T):
    assert beta1 < beta2 < 1.0, "beta1 and beta2 must be in (0, 1)"
    beta_t = (beta2 - beta1) * torch.arange(0, T + 1, dtype=torch.float32) / T + beta1
    sqrt_beta_t = torch.sqrt(beta_t)
    alpha_t = 1 - beta_t
    log_alpha_t = torch.log(alpha_t)
    alphabar_t = torch.cumsum(log_alpha_t, dim=0).exp()
    sqrtab = torch.sqrt(alphabar_t)
    oneover_sqrta = 1 / torch.sqrt(alpha_t)
    sqrtmab = torch.sqrt(1 - alphabar_t)
    mab_over_sqrtmab_inv = (1 - alpha_t) / sqrtmab
    return {"alpha_t": alpha_t, "oneover_sqrta": oneover_sqrta, "sqrt_beta_t": sqrt_beta_t,
            "alphabar_t": alphabar_t, "sqrtab": sqrtab, "sqrtmab": sqrtmab,
            "mab_over_sqrtmab": mab_over_sqrtmab_inv}


sched = ddpm_schedules(1e-4, 0.02, 40)
for k, v in sched.items():
    print(k, tuple(v.shape), v[[0, 20, 40]])
try:
    ddpm_schedules(0.02, 1e-4, 10)
except AssertionError as e:
    print("AssertionError", e)

# %%
class ContextMLP(nn.Module):
    def __init__(self, n_classes=3, hidden=32, emb=8):
        super().__init__()
        self.n_classes = n_classes
        self.class_emb = nn.Embedding(n_classes + 1, emb)
        self.net = nn.Sequential(nn.Linear(2 + 1 + emb, hidden), nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(),
                                 nn.Linear(hidden, 2))

    def forward(self, x, c, t, context_mask):
        c = torch.where(context_mask.bool(), torch.full_like(c, self.n_classes), c)
        return self.net(torch.cat([x, t[:, None], self.class_emb(c)], dim=1))


class DDPM(nn.Module):
    def __init__(self, nn_model, betas, n_T, drop_prob=0.1):
        super().__init__()
        self.nn_model = nn_model
        for k, v in ddpm_schedules(betas[0], betas[1], n_T).items():
            self.register_buffer(k, v)
        self.n_T = n_T
        self.drop_prob = drop_prob
        self.loss_mse = nn.MSELoss()

    def forward(self, x, c):
        _ts = torch.randint(1, self.n_T + 1, (x.shape[0],))
        noise = torch.randn_like(x)
        x_t = self.sqrtab[_ts, None] * x + self.sqrtmab[_ts, None] * noise
        context_mask = torch.bernoulli(torch.zeros_like(c, dtype=torch.float) + self.drop_prob)
        return self.loss_mse(noise, self.nn_model(x_t, c, _ts / self.n_T, context_mask))


centers = torch.tensor([[-2.0, 0.0], [2.0, 0.0], [0.0, 2.0]])
labels = torch.randint(0, 3, (96,))
data = centers[labels] + 0.3 * torch.randn(96, 2)
print(data.shape, torch.bincount(labels), labels[:8])
ddpm = DDPM(ContextMLP(), betas=(1e-4, 0.02), n_T=40)
print([name for name, _ in ddpm.named_buffers()][:3], len(list(ddpm.parameters())))
print(ddpm.sqrtab.requires_grad, ddpm.state_dict()["sqrtab"].shape)
opt = torch.optim.Adam(ddpm.parameters(), lr=2e-3)
for ep in range(5):
    loss_ema = None
    for xb, cb in zip(data.split(32), labels.split(32)):
        opt.zero_grad()
        loss = ddpm(xb, cb)
        loss.backward()
        loss_ema = loss.item() if loss_ema is None else 0.95 * loss_ema + 0.05 * loss.item()
        opt.step()
    print(f"epoch {ep} loss: {loss_ema:.4f}")
print(ddpm.nn_model.class_emb.weight.grad[-1], ddpm.nn_model.class_emb.weight.grad.shape)

# %%
@torch.no_grad()
def sample(ddpm, n_sample, guide_w=0.0):
    x_i = torch.randn(n_sample, 2)
    c_i = torch.arange(0, 3).repeat(n_sample // 3)
    context_mask = torch.zeros_like(c_i)
    c_i = c_i.repeat(2)
    context_mask = context_mask.repeat(2)
    context_mask[n_sample:] = 1.
    for i in range(ddpm.n_T, 0, -1):
        t_is = torch.tensor([i / ddpm.n_T]).repeat(n_sample)
        x_i = x_i.repeat(2, 1)
        t_is = t_is.repeat(2)
        z = torch.randn(n_sample, 2) if i > 1 else 0
        eps = ddpm.nn_model(x_i, c_i, t_is, context_mask)
        eps1, eps2 = eps.chunk(2)
        eps = (1 + guide_w) * eps1 - guide_w * eps2
        x_i = x_i[:n_sample]
        x_i = ddpm.oneover_sqrta[i] * (x_i - eps * ddpm.mab_over_sqrtmab[i]) + ddpm.sqrt_beta_t[i] * z
    return x_i, c_i[:n_sample]


for w in [0.0, 0.5, 2.0]:
    xs, cs = sample(ddpm, 9, guide_w=w)
    means = torch.stack([xs[cs == k].mean(0) for k in range(3)])
    print(w, xs.shape, cs.tolist()[:3], means.round(decimals=2))
print(xs.requires_grad, type(0 if True else None), (torch.zeros(2) + 0).dtype)

# %%
def guided_eps(model, x, c, t, w):
    x_in = torch.cat([x, x])
    t_in = torch.cat([t, t])
    c_in = torch.cat([c, torch.full_like(c, 3)])
    eps_cond, eps_uncond = model(x_in, c_in, t_in, torch.zeros_like(c_in)).chunk(2)
    return eps_uncond + w * (eps_cond - eps_uncond)


x = torch.randn(4, 2)
c = torch.tensor([0, 1, 2, 0])
t = torch.full((4,), 0.5)
out = guided_eps(ddpm.nn_model, x, c, t, 3.0)
print(out.shape, out.grad_fn)
keep = torch.rand(c.shape) >= 0.25
c_drop = torch.where(keep, c, 3)
print(keep, c_drop, c_drop.dtype)
print(torch.where(keep, c, torch.tensor(3)), torch.where(keep, c.float(), float('nan')))
for f in [lambda: F.one_hot(c.float(), 4),
          lambda: F.one_hot(c, 4).float() @ torch.ones(4, 1),
          lambda: F.one_hot(c, 2),
          lambda: ddpm.nn_model.class_emb(torch.tensor([4])),
          lambda: ddpm.nn_model.class_emb(c.float()),
          lambda: torch.randn(5, 2).chunk(2),
          lambda: torch.randn(5, 2).chunk(2)[1].T,
          lambda: torch.randn(4, 2).tensor_split(3),
          lambda: torch.bernoulli(torch.tensor([0.0, 1.0, 1.5])),
          lambda: torch.bernoulli(torch.zeros(3, dtype=torch.long) + 0.1),
          lambda: torch.full_like(c, 3.5),
          lambda: torch.where(keep, c, 3.5)]:
    try:
        r = f()
        print(r if not isinstance(r, tuple) else [tuple(p.shape) for p in r])
    except Exception as e:
        print(type(e).__name__, e)
