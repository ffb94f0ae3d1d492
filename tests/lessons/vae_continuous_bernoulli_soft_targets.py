# Imitates a VAE lesson on [0, 1]-valued pixels (Loaiza-Ganem & Cunningham's Continuous Bernoulli, as taught after
# the BCE-loss VAE): the decoder's likelihood as ContinuousBernoulli(logits=...), the BCE loss against soft targets
# that themselves carry gradients (a learnable "teacher" / denoising target), and a Geometric(logits=...) policy head
# whose entropy bonus is differentiated, as a policy-gradient lesson adds it.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import distributions as D

torch.manual_seed(0)
x = torch.rand(8, 6)            # eight "images" of six grey pixels in [0, 1]

# %%
class VAE(nn.Module):
    def __init__(self, d=6, z=2):
        super().__init__()
        self.enc = nn.Linear(d, 2 * z)
        self.dec = nn.Linear(z, d)

    def forward(self, x):
        mu, log_var = self.enc(x).chunk(2, dim=-1)
        q = D.Normal(mu, (0.5 * log_var).exp())
        z = q.rsample()
        return q, z, self.dec(z)


torch.manual_seed(1)
vae = VAE()
q, z, logits = vae(x)
lik = D.Independent(D.ContinuousBernoulli(logits=logits), 1)
kl = D.kl_divergence(q, D.Normal(torch.zeros_like(z), torch.ones_like(z))).sum(-1)
elbo = lik.log_prob(x) - kl
print(z.grad_fn, lik.batch_shape, lik.event_shape, elbo)
(-elbo.mean()).backward()
print(vae.enc.weight.grad, vae.dec.bias.grad)

# %%
# the plain-BCE VAE next to it: the same reconstruction written as a loss, and the CB normaliser that it misses
cb = D.ContinuousBernoulli(logits=logits.detach())
bce = F.binary_cross_entropy_with_logits(logits.detach(), x, reduction="none")
print(torch.allclose(-bce + cb._cont_bern_log_norm(), cb.log_prob(x)), cb.mean[0], cb.probs[0])

# %%
# soft targets that are themselves learned: the loss's gradient reaches the target too
torch.manual_seed(2)
student = torch.randn(4, 3, requires_grad=True)
teacher = torch.randn(4, 3, requires_grad=True)
pos_weight = torch.tensor([1.0, 2.0, 0.5])
for reduction in ("mean", "sum", "none"):
    loss = F.binary_cross_entropy_with_logits(student, torch.sigmoid(teacher), reduction=reduction)
    gs, gt = torch.autograd.grad(loss.sum(), [student, teacher])
    print(reduction, loss.sum(), gs[0], gt[0])
loss = F.binary_cross_entropy_with_logits(student, torch.sigmoid(teacher), pos_weight=pos_weight,
                                          weight=torch.tensor([[1.0], [0.5], [2.0], [1.0]]))
loss.backward()
print(loss, loss.grad_fn, student.grad[1], teacher.grad[1])
probs = torch.sigmoid(student.detach()).requires_grad_()
target = torch.sigmoid(teacher.detach()).requires_grad_()
loss = nn.BCELoss()(probs, target)
loss.backward()
print(loss, probs.grad[0], target.grad[0])

# %%
# a ContinuousBernoulli decoder trained on soft targets, a learnable (denoised) target in the loop
torch.manual_seed(3)
noisy = (x + 0.1 * torch.randn_like(x)).clamp(0.01, 0.99)
clean_logit = torch.logit(noisy).clone().requires_grad_()
dec_logits = torch.zeros(8, 6, requires_grad=True)
opt = torch.optim.SGD([dec_logits, clean_logit], lr=0.5)
for step in range(4):
    target = torch.sigmoid(clean_logit)
    loss = -D.ContinuousBernoulli(logits=dec_logits).log_prob(target).mean() + (target - noisy).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    # (the loss starts at ~0: printed to 6 places, as a learner reads it, not its rounding noise)
    print(step, *(round(v, 6) + 0.0 for v in (loss.item(), clean_logit.grad.abs().sum().item(),
                                               dec_logits.grad.abs().sum().item())))

# %%
# a policy over "how many more steps" with a Geometric head, and its entropy bonus
torch.manual_seed(4)
head = nn.Linear(3, 1)
obs = torch.randn(5, 3)
pi = D.Geometric(logits=head(obs).squeeze(-1))
k = pi.sample()
adv = torch.randn(5)
loss = -(pi.log_prob(k) * adv).mean() - 0.01 * pi.entropy().mean()
loss.backward()
print(k, pi.entropy(), pi.entropy().grad_fn, head.weight.grad, head.bias.grad)
other = D.Geometric(logits=torch.zeros(5))
kl = D.kl_divergence(pi, other)
print(kl, torch.autograd.grad(kl.sum(), head.bias))
