# Imitates sparse-autoencoder lessons (ARENA 1.3.2 / "Towards Monosemanticity" replications written by hand):
# an SAE trained on cached activations with ReLU and TopK latents, an L1 penalty, decoder columns renormalised in
# place under no_grad, the gradient component parallel to each decoder column removed before the step, dead
# latents counted with bincount / scatter_add, and dead latents resampled (weights and Adam state rewritten).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(4)
d_in, d_sae, n = 6, 16, 64
# toy "model activations": sparse features in superposition
features = torch.randn(10, d_in)
features = features / features.norm(dim=-1, keepdim=True)
coef = torch.rand(n, 10) * (torch.rand(n, 10) < 0.2)
acts = coef @ features
print(acts.shape, (coef > 0).sum(1).float().mean(), acts.norm(dim=-1)[:4])


class SAE(nn.Module):
    def __init__(self, d_in, d_sae, k=None):
        super().__init__()
        self.k = k
        self.W_enc = nn.Parameter(nn.init.kaiming_uniform_(torch.empty(d_in, d_sae)))
        self.W_dec = nn.Parameter(self.W_enc.data.T.clone())
        self.b_enc = nn.Parameter(torch.zeros(d_sae))
        self.b_dec = nn.Parameter(torch.zeros(d_in))
        with torch.no_grad():
            self.W_dec.data /= self.W_dec.data.norm(dim=-1, keepdim=True)

    def encode(self, x):
        pre = (x - self.b_dec) @ self.W_enc + self.b_enc
        if self.k is None:
            return F.relu(pre)
        top = pre.topk(self.k, dim=-1)
        return torch.zeros_like(pre).scatter(-1, top.indices, F.relu(top.values))

    def forward(self, x):
        z = self.encode(x)
        return z, z @ self.W_dec + self.b_dec


sae = SAE(d_in, d_sae)
z, recon = sae(acts)
print(z.shape, recon.grad_fn, (z > 0).float().mean(), sae.W_dec.norm(dim=-1)[:4])
print(sae.W_enc[0, :4], sae.W_dec.is_leaf, sae.W_dec.requires_grad)

# %%
# a bigger activation buffer (as cached from many prompts): its statistics are whole-tensor reductions
buffer = torch.randn(4096, 2, d_in) * 0.5 + 0.1
print(buffer.mean(), buffer.pow(2).sum(), buffer.sum((0, 1, 2)), buffer.norm(dim=-1).mean())
print(buffer.flatten(0, 1).sum(0), (buffer - buffer.mean((0, 1))).abs().mean())

# %%
l1_coeff = 0.05


def sae_loss(sae, x):
    z, recon = sae(x)
    l2 = (recon - x).pow(2).sum(-1).mean()
    l1 = z.abs().sum(-1).mean()
    return l2 + l1_coeff * l1, l2, l1, z


loss, l2, l1, z = sae_loss(sae, acts)
loss.backward()
print(loss, l2, l1, loss.grad_fn.name())
print(sae.W_dec.grad[:2], sae.b_dec.grad)

# %%
@torch.no_grad()
def remove_parallel_grad(W_dec):
    unit = W_dec / W_dec.norm(dim=-1, keepdim=True)
    parallel = (W_dec.grad * unit).sum(-1, keepdim=True)
    W_dec.grad -= parallel * unit


remove_parallel_grad(sae.W_dec)
print((sae.W_dec.grad * sae.W_dec).sum(-1).abs().max() < 1e-6, sae.W_dec.grad.requires_grad)
print(torch.einsum("sd,sd->s", sae.W_dec.grad, sae.W_dec).abs().max() < 1e-6)

# %%
opt = torch.optim.Adam(sae.parameters(), lr=1e-2)
frac_active_log = []
for step in range(60):
    opt.zero_grad()
    loss, l2, l1, z = sae_loss(sae, acts)
    loss.backward()
    remove_parallel_grad(sae.W_dec)
    opt.step()
    with torch.no_grad():
        sae.W_dec.div_(sae.W_dec.norm(dim=-1, keepdim=True))
    frac_active_log.append((z > 0).float().mean(0))
    if step % 20 == 0:
        print(step, round(loss.item(), 4), round(l2.item(), 4), round(l1.item(), 4))
print(sae.W_dec.norm(dim=-1).sub(1).abs().max() < 1e-6, sae.W_dec.grad_fn, sae.W_dec._version > 0)
frac_active = torch.stack(frac_active_log[-20:]).mean(0)
print(frac_active)

# %%
# dead latents: never fire on the data
z = sae.encode(acts)
fired = (z > 0).nonzero()
counts = torch.bincount(fired[:, 1], minlength=d_sae)
counts2 = torch.zeros(d_sae, dtype=torch.long).scatter_add_(0, fired[:, 1], torch.ones_like(fired[:, 1]))
counts3 = torch.zeros(d_sae).index_add_(0, fired[:, 1], torch.ones(len(fired)))
dead = counts == 0
print(counts, torch.equal(counts, counts2), counts3.dtype, dead.sum(), dead.nonzero().squeeze(-1))
print(torch.bincount(z.argmax(-1), minlength=d_sae), torch.bincount(torch.tensor([], dtype=torch.long)))
print(torch.bincount(fired[:, 1], weights=z[fired[:, 0], fired[:, 1]].detach(), minlength=d_sae).dtype)

# %%
# resample dead latents from inputs with high reconstruction loss (Anthropic's recipe, simplified)
torch.manual_seed(5)
dead_idx = torch.tensor([1, 5, 9]) if dead.sum() == 0 else dead.nonzero().squeeze(-1)
with torch.no_grad():
    _, recon = sae(acts)
    per_ex = (recon - acts).pow(2).sum(-1)
    probs = per_ex / per_ex.sum()
    picks = torch.multinomial(probs, len(dead_idx), replacement=False)
    new_dirs = F.normalize(acts[picks] - sae.b_dec, dim=-1)
    alive_norm = sae.W_enc[:, ~torch.isin(torch.arange(d_sae), dead_idx)].norm(dim=0).mean()
    sae.W_dec.data[dead_idx] = new_dirs
    sae.W_enc.data[:, dead_idx] = new_dirs.T * alive_norm * 0.2
    sae.b_enc.data[dead_idx] = 0.0
    for p, sl in ((sae.W_enc, (slice(None), dead_idx)), (sae.W_dec, dead_idx), (sae.b_enc, dead_idx)):
        st = opt.state[p]
        st["exp_avg"][sl] = 0.0
        st["exp_avg_sq"][sl] = 0.0
print(picks, dead_idx, alive_norm)
print(sae.W_dec[dead_idx].norm(dim=-1), opt.state[sae.W_enc]["exp_avg"][:, dead_idx].abs().sum(), opt.state[sae.W_enc]["step"])
loss, *_ = sae_loss(sae, acts)
print(loss)

# %%
# TopK SAE: exactly k latents per input, auxiliary reconstruction with the dead ones
torch.manual_seed(6)
topk_sae = SAE(d_in, d_sae, k=3)
z, recon = topk_sae(acts)
print((z != 0).sum(-1)[:8], z.grad_fn, recon.grad_fn)
l2 = F.mse_loss(recon, acts, reduction="sum") / len(acts)
l2.backward()
print(l2, topk_sae.W_enc.grad.abs().sum(0))
never = topk_sae.W_enc.grad.abs().sum(0) == 0
print(never.sum(), topk_sae.W_dec.grad[never].abs().sum())
topi = topk_sae.encode(acts).topk(3, -1).indices
print(topi[:3], torch.bincount(topi.flatten(), minlength=d_sae))

# %%
x = torch.randn(4, d_in)
for bad in (lambda: torch.bincount(torch.tensor([1, -1])),
            lambda: torch.bincount(torch.tensor([[1, 2]])),
            lambda: torch.bincount(torch.tensor([1.0, 2.0])),
            lambda: torch.bincount(torch.tensor([0, 1]), weights=torch.ones(3)),
            lambda: torch.zeros(3).scatter_add_(0, torch.tensor([0, 3]), torch.ones(2)),
            lambda: sae.W_dec.div_(2.0),
            lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3),
            lambda: torch.multinomial(torch.tensor([0.5, -0.1]), 1),
            lambda: x.topk(7)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
