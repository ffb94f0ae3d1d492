# Imitates the GAN-stabilisation lessons (SN-GAN reference code, "spectral normalization explained" posts, the
# weight-norm docs examples): nn.utils.spectral_norm on Linear/Conv2d (weight_orig, weight_u, weight_v, the power
# iteration in train vs eval), the parametrizations.spectral_norm / weight_norm versions, the largest singular value
# checked with torch.linalg.matrix_norm(ord=2) and svdvals, the hinge loss for D and G, and a few training steps.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import spectral_norm, weight_norm
from torch.nn.utils import parametrizations

# %%
torch.manual_seed(0)
m = spectral_norm(nn.Linear(20, 40))
print(m)
print(m.weight_u.size(), m.weight_v.size(), m.weight_orig.size())
print(sorted(n for n, _ in m.named_parameters()), sorted(n for n, _ in m.named_buffers()))
x = torch.randn(3, 20)
y = m(x)
print(torch.linalg.matrix_norm(m.weight.detach(), ord=2))
sigma = torch.dot(m.weight_u, torch.mv(m.weight_orig.detach(), m.weight_v))
sigma, torch.linalg.svdvals(m.weight_orig.detach())[0]

# %%
torch.manual_seed(0)
conv = spectral_norm(nn.Conv2d(3, 8, 3, padding=1), n_power_iterations=2)
print(conv.weight_u.shape, conv.weight_v.shape)
out = conv(torch.randn(2, 3, 5, 5))
print(out.shape, conv.weight.grad_fn)
w_mat = conv.weight_orig.detach().reshape(8, -1)
print(torch.linalg.svdvals(w_mat)[:3])
print(torch.linalg.matrix_norm(conv.weight.detach().reshape(8, -1), ord=2))
conv.eval()
u_before = conv.weight_u.clone()
conv(torch.randn(1, 3, 5, 5))
torch.equal(u_before, conv.weight_u), [k for k in conv.state_dict()]

# %%
torch.manual_seed(0)
snm = parametrizations.spectral_norm(nn.Linear(20, 40))
print(snm)
print(snm.parametrizations.weight.original.shape)
print(torch.linalg.matrix_norm(snm.weight, 2))
wn = weight_norm(nn.Linear(20, 40), name='weight')
print(wn, wn.weight_g.size(), wn.weight_v.size())
pwn = parametrizations.weight_norm(nn.Linear(20, 40))
print(pwn.parametrizations.weight.original0.size(), pwn.parametrizations.weight.original1.size())
print(torch.allclose(pwn.weight.norm(dim=1, keepdim=True), pwn.parametrizations.weight.original0))
list(snm.state_dict().keys())

# %%
class Generator(nn.Module):
    def __init__(self, z_dim=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(z_dim, 32), nn.ReLU(True), nn.Linear(32, 2))
    def forward(self, z):
        return self.net(z)

class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(spectral_norm(nn.Linear(2, 32)), nn.LeakyReLU(0.1, inplace=True),
                                 spectral_norm(nn.Linear(32, 32)), nn.LeakyReLU(0.1, inplace=True),
                                 spectral_norm(nn.Linear(32, 1)))
    def forward(self, x):
        return self.net(x)

torch.manual_seed(0)
G, D = Generator(), Discriminator()
optim_G = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.0, 0.9))
optim_D = torch.optim.Adam(filter(lambda p: p.requires_grad, D.parameters()), lr=2e-4, betas=(0.0, 0.9))
print(D)
for it in range(5):
    real = torch.randn(16, 2) * 0.5 + torch.tensor([2.0, -1.0])
    z = torch.randn(16, 8)
    fake = G(z).detach()
    loss_D = F.relu(1. - D(real)).mean() + F.relu(1. + D(fake)).mean()
    optim_D.zero_grad()
    loss_D.backward()
    optim_D.step()
    loss_G = -D(G(torch.randn(16, 8))).mean()
    optim_G.zero_grad()
    loss_G.backward()
    optim_G.step()
    print(f"it {it} loss_D {loss_D.item():.4f} loss_G {loss_G.item():.4f}")
D.net[0].weight_orig.grad.shape, D.net[2].weight_u[:4]

# %%
torch.manual_seed(0)
real_labels = torch.ones(16, 1)
fake_labels = torch.zeros(16, 1)
logits_real, logits_fake = D(torch.randn(16, 2)), D(G(torch.randn(16, 8)))
d_loss = F.binary_cross_entropy_with_logits(logits_real, real_labels) + F.binary_cross_entropy_with_logits(logits_fake, fake_labels)
g_loss_ns = F.softplus(-logits_fake).mean()
g_loss_sat = -F.softplus(logits_fake).mean()
print(d_loss, g_loss_ns, g_loss_sat)
nn.utils.remove_spectral_norm(D.net[0])
print(D.net[0], hasattr(D.net[0], 'weight_orig'))
nn.utils.remove_weight_norm(wn)
print(sorted(n for n, _ in wn.named_parameters()))
parametrizations.weight_norm(nn.Conv1d(4, 6, 3), dim=None).parametrizations.weight.original0
